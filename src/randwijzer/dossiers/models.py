"""An organisation's applications for funding (dossiers), their timeline and the reminders sent.

Only members of the organisation see a dossier (services.visible_dossiers); it is deliberately
not in the Django admin, so editors never see it either.
"""
from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.utils import timezone

from .pipeline import Status

AMOUNT = {"max_digits": 12, "decimal_places": 2, "null": True, "blank": True, "validators": [MinValueValidator(0)]}


class Dossier(models.Model):
    organisation = models.ForeignKey("accounts.Organisation", on_delete=models.CASCADE, related_name="dossiers",
                                     verbose_name="organisatie")
    # PROTECT: a line that leaves the catalogue must not take an organisation's history with it.
    funding_line = models.ForeignKey("catalogue.FundingLine", on_delete=models.PROTECT, related_name="dossiers",
                                     verbose_name="steunmaatregel")
    call_round = models.ForeignKey("catalogue.CallRound", null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="dossiers", verbose_name="oproep")
    round_label = models.CharField("ronde", max_length=100, blank=True)
    title = models.CharField("titel", max_length=200)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.IDEE)
    amount_requested = models.DecimalField("gevraagd bedrag", **AMOUNT)
    amount_granted = models.DecimalField("toegekend bedrag", **AMOUNT)
    planned_submission_on = models.DateField("geplande indiening", null=True, blank=True)
    submitted_on = models.DateField("ingediend op", null=True, blank=True)
    decision_on = models.DateField("beslissing op", null=True, blank=True)
    reporting_due_on = models.DateField("verantwoording uiterlijk", null=True, blank=True)
    rejection_reason = models.TextField("reden van afwijzing", blank=True)
    notes = models.TextField("notities", blank=True)
    responsible = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="+", verbose_name="verantwoordelijke")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    created_at = models.DateTimeField("aangemaakt op", default=timezone.now)
    updated_at = models.DateTimeField("bijgewerkt op", default=timezone.now)
    # Optimistic locking: every write raises it; a write based on an older version is refused.
    version = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = "dossier"
        verbose_name_plural = "dossiers"
        ordering = ["-updated_at", "-pk"]
        constraints = [
            models.CheckConstraint(condition=models.Q(amount_requested__gte=0) | models.Q(amount_requested__isnull=True),
                                   name="dossier_amount_requested_not_negative"),
            models.CheckConstraint(condition=models.Q(amount_granted__gte=0) | models.Q(amount_granted__isnull=True),
                                   name="dossier_amount_granted_not_negative"),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def status_label(self) -> str:
        return Status(self.status).label


class EventKind(models.TextChoices):
    CREATED = "created", "aangemaakt"
    EDITED = "edited", "gewijzigd"
    STATUS = "status", "status gewijzigd"
    REMINDER = "reminder", "herinnering verstuurd"


class DossierEvent(models.Model):
    """One line of a dossier's timeline: who did what, when, and why."""

    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(max_length=10, choices=EventKind.choices)
    from_status = models.CharField(max_length=20, choices=Status.choices, blank=True)
    to_status = models.CharField(max_length=20, choices=Status.choices, blank=True)
    reason = models.TextField("reden", blank=True)
    summary = models.CharField(max_length=500, blank=True)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return f"{self.dossier}: {self.get_kind_display()}"


class DossierReminder(models.Model):
    """A deadline reminder that was sent (or is being sent): at most one per dossier and deadline."""

    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="reminders")
    deadline = models.DateField()
    recipients = models.TextField(blank=True)
    claimed_at = models.DateTimeField(default=timezone.now)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["dossier", "deadline"], name="one_reminder_per_dossier_deadline")]
