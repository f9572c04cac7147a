"""The archive as an Atom feed: one entry per edition."""
from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed

from .editions import month_label
from .models import Edition


class EditionFeed(Feed):
    feed_type = Atom1Feed
    title = "Subsidieflash – Randwijzer"
    subtitle = "Elke maand de nieuwe en gewijzigde steunmaatregelen en de indiendata in de Vlaamse Rand."
    language = "nl"

    def link(self):
        return reverse("flash:archive")

    def items(self):
        return Edition.objects.order_by("-month")[:24]

    def item_title(self, item):
        return f"Subsidieflash {month_label(item.month)}"

    def item_description(self, item):
        return item.public_html

    def item_link(self, item):
        return reverse("flash:edition", args=[item.month])

    def item_pubdate(self, item):
        return item.built_at

    def item_updateddate(self, item):
        return item.built_at

    def item_guid(self, item):
        # Stable: a feed reader must not show an edition twice.
        return f"tag:randwijzer,2026:flash/{item.month}"

    item_guid_is_permalink = False
