"""The WIES-fonds ledger: one fund row and an append-only table of entries (the history).

Entries are never edited or deleted; a correction is a new entry (a release for a commitment
that will not be paid). The rules and the balance are in ledger.py and docs/wies.md.
"""
from django.conf import settings
from django.db import models

from randwijzer.catalogue.models import Municipality


class Fund(models.Model):
    """The fund itself; its row is locked (select_for_update) while an entry is written."""

    id = models.SlugField(primary_key=True, max_length=60)
    name = models.CharField("naam", max_length=200)
    opening_capital = models.PositiveBigIntegerField("beginkapitaal (EUR)")
    capital_source = models.CharField("bron van het beginkapitaal", max_length=300)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "fonds"
        verbose_name_plural = "fondsen"

    def __str__(self) -> str:
        return self.name


class EntryKind(models.TextChoices):
    COMMITMENT = "commitment", "vastlegging"
    PAYMENT = "payment", "uitbetaling"
    RELEASE = "release", "vrijgave (niet gebruikt)"
    REFLOW = "reflow", "terugvloei bij verkoop"


class AppendOnly(Exception):
    pass


class LedgerEntry(models.Model):
    fund = models.ForeignKey(Fund, on_delete=models.PROTECT, related_name="entries")
    kind = models.CharField("soort", max_length=12, choices=EntryKind.choices)
    date = models.DateField("datum")
    amount = models.PositiveBigIntegerField("bedrag (EUR)")
    # A commitment names its project and municipality; the other kinds point at a commitment.
    project_name = models.CharField("project", max_length=200, blank=True)
    municipality = models.ForeignKey(Municipality, null=True, blank=True, on_delete=models.PROTECT,
                                     related_name="wies_commitments", verbose_name="gemeente")
    commitment = models.ForeignKey("self", null=True, blank=True, on_delete=models.PROTECT, related_name="followups",
                                   limit_choices_to={"kind": EntryKind.COMMITMENT}, verbose_name="vastlegging")
    note = models.TextField("toelichting", blank=True)
    created_at = models.DateTimeField("geboekt op", auto_now_add=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+", verbose_name="geboekt door")

    class Meta:
        ordering = ["date", "id"]
        verbose_name = "boeking"
        verbose_name_plural = "boekingen"
        constraints = [
            models.CheckConstraint(condition=models.Q(amount__gt=0), name="wies_entry_amount_positive",
                                   violation_error_message="Het bedrag moet meer dan € 0 zijn."),
            models.CheckConstraint(
                condition=models.Q(kind="commitment", commitment__isnull=True, municipality__isnull=False)
                | (~models.Q(kind="commitment") & models.Q(commitment__isnull=False)),
                name="wies_entry_shape",
                violation_error_message="Een vastlegging heeft een gemeente en verwijst niet naar een vastlegging; "
                                        "een uitbetaling, vrijgave of terugvloei verwijst naar een vastlegging.",
            ),
        ]

    def __str__(self) -> str:
        label = self.project_name if self.kind == EntryKind.COMMITMENT else (self.commitment.project_name if self.commitment_id else "")
        return f"{self.get_kind_display()} {label} ({self.date:%d-%m-%Y})".replace("  ", " ")

    def save(self, *args, **kwargs):
        if self.pk is not None and not self._state.adding:
            raise AppendOnly("Een boeking wordt nooit gewijzigd: boek een correctie als nieuwe boeking.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnly("Een boeking wordt nooit verwijderd: boek een correctie als nieuwe boeking.")
