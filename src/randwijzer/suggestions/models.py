"""A reader's suggestion (the counters that limit how many one client may send are ops.RateBucket)."""
from django.conf import settings
from django.db import models
from django.utils import timezone

TEXT_MAX_LENGTH = 4000


class Kind(models.TextChoices):
    CORRECTION = "correction", "correctie"
    NEW_FUNDING_LINE = "new_funding_line", "nieuwe steunmaatregel"
    NEW_PARTNER = "new_partner", "nieuwe partner"


class Status(models.TextChoices):
    NEW = "new", "nieuw"
    ACCEPTED = "accepted", "verwerkt"
    DECLINED = "declined", "afgewezen"


class Suggestion(models.Model):
    kind = models.CharField("soort", max_length=20, choices=Kind.choices)
    # The entry the reader was looking at; kept as a link, so a deleted entry leaves the suggestion.
    funding_line = models.ForeignKey("catalogue.FundingLine", null=True, blank=True, on_delete=models.SET_NULL,
                                     related_name="suggestions", verbose_name="steunmaatregel")
    partner = models.ForeignKey("catalogue.Partner", null=True, blank=True, on_delete=models.SET_NULL,
                                related_name="suggestions", verbose_name="partner")
    text = models.TextField("voorstel", max_length=TEXT_MAX_LENGTH)
    source_url = models.URLField("bron", max_length=500, blank=True)
    name = models.CharField("naam", max_length=100, blank=True)
    email = models.EmailField("e-mailadres")
    created_at = models.DateTimeField("ingediend op", default=timezone.now, db_index=True)
    status = models.CharField("status", max_length=10, choices=Status.choices, default=Status.NEW, db_index=True)
    handled_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+", verbose_name="behandeld door")
    handled_at = models.DateTimeField("behandeld op", null=True, blank=True)
    # The editor's note when accepted, the reason when declined; both are sent to the proposer.
    outcome_note = models.TextField("toelichting", blank=True)

    class Meta:
        verbose_name = "voorstel"
        verbose_name_plural = "voorstellen"
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"Voorstel {self.pk} ({self.get_kind_display()})"

    @property
    def target(self):
        return self.funding_line or self.partner

