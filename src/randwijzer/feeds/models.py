"""What the importers keep between runs: where an LDES walk stands, and facts for the editors to review."""
from django.db import models


class FeedState(models.Model):
    """A walk over an LDES feed's TREE pages, saved after every page so the next run resumes."""

    source = models.CharField("bron", max_length=20)
    start_url = models.CharField("start-URL", max_length=800)
    # Pages still to read, in order; the last page read (LDES: only the last page can still grow).
    queue = models.JSONField("nog te lezen", default=list, blank=True)
    visited = models.JSONField("gelezen pagina's", default=list, blank=True)
    last_page = models.CharField("laatste pagina", max_length=800, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["source", "start_url"], name="one_state_per_feed")]
        verbose_name = "stand van een feed"
        verbose_name_plural = "stand van de feeds"

    def __str__(self) -> str:
        return f"{self.source}: {self.start_url}"


class ReviewItem(models.Model):
    """The feed changed a fact an editor had curated: both values side by side, until an editor decides."""

    funding_line = models.ForeignKey("catalogue.FundingLine", on_delete=models.CASCADE, related_name="feed_reviews")
    field = models.CharField("veld", max_length=60)
    editor_value = models.JSONField("waarde van de redactie", null=True)
    feed_value = models.JSONField("nieuwe waarde in de feed", null=True)
    created_at = models.DateTimeField("gemeld op", auto_now_add=True)
    resolved = models.BooleanField("afgehandeld", default=False)

    class Meta:
        ordering = ["resolved", "-created_at", "id"]
        verbose_name = "na te kijken feedwijziging"
        verbose_name_plural = "na te kijken feedwijzigingen"

    def __str__(self) -> str:
        return f"{self.funding_line_id}: {self.field}"
