"""Subscribers, editions, reminders and the persistent outbox.

Every e-mail (confirmation, edition, reminder) is first a row in `Message`; the sender
marks a row sent right after the SMTP server accepted it. Unique constraints make the
database itself refuse a second message of one edition to one reader, and a second
reminder for one deadline.
"""
import secrets

from django.db import models
from django.db.models.functions import Lower

from randwijzer.catalogue.models import ApplicantType, FundingLine, Municipality, Theme


def new_secret() -> str:
    return secrets.token_urlsafe(16)


class Subscriber(models.Model):
    email = models.EmailField("e-mail", max_length=254)
    municipality = models.ForeignKey(Municipality, null=True, blank=True, on_delete=models.SET_NULL, verbose_name="gemeente")
    applicant_type = models.ForeignKey(ApplicantType, null=True, blank=True, on_delete=models.SET_NULL, verbose_name="type aanvrager")
    themes = models.ManyToManyField(Theme, blank=True, verbose_name="thema's")
    created_at = models.DateTimeField("ingeschreven op", auto_now_add=True)
    confirmed_at = models.DateTimeField("bevestigd op", null=True, blank=True)
    unsubscribed_at = models.DateTimeField("uitgeschreven op", null=True, blank=True)
    # Part of every signed link: replacing it makes all earlier links of this reader invalid.
    secret = models.CharField(max_length=40, default=new_secret)

    class Meta:
        ordering = ["id"]
        verbose_name = "abonnee"
        verbose_name_plural = "abonnees"
        constraints = [models.UniqueConstraint(Lower("email"), name="subscriber_email_unique_ci")]

    def __str__(self) -> str:
        return self.email

    @property
    def active(self) -> bool:
        return self.confirmed_at is not None and self.unsubscribed_at is None


class Edition(models.Model):
    month = models.CharField("editie", max_length=7, unique=True)  # YYYY-MM
    built_at = models.DateTimeField("samengesteld op")
    period_start = models.DateTimeField("wijzigingen vanaf")
    period_end = models.DateTimeField("wijzigingen tot")
    # The first day the "next 60 days" of deadlines count from.
    reference_date = models.DateField("datum voor de indiendata")
    readers = models.PositiveIntegerField("lezers", default=0)
    nothing_new = models.PositiveIntegerField("lezers zonder nieuws", default=0)
    queued = models.PositiveIntegerField("berichten", default=0)
    # The edition as the archive shows it: for every reader, without a reader's filters.
    public_html = models.TextField(blank=True)
    public_text = models.TextField(blank=True)
    changed_lines = models.PositiveIntegerField("gewijzigde steunmaatregelen", default=0)

    class Meta:
        ordering = ["-month"]
        verbose_name = "editie"
        verbose_name_plural = "edities"

    def __str__(self) -> str:
        return self.month


class Reminder(models.Model):
    subscriber = models.ForeignKey(Subscriber, on_delete=models.CASCADE, related_name="reminders")
    funding_line = models.ForeignKey(FundingLine, on_delete=models.CASCADE, related_name="flash_reminders", verbose_name="steunmaatregel")
    days_before = models.PositiveSmallIntegerField("dagen vooraf")
    last_sent_for = models.DateField("laatst verstuurd voor de indiendatum", null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["id"]
        verbose_name = "herinnering"
        verbose_name_plural = "herinneringen"
        constraints = [models.UniqueConstraint(fields=["subscriber", "funding_line"], name="reminder_one_per_line")]


class Kind(models.TextChoices):
    CONFIRMATION = "confirmation", "bevestiging"
    EDITION = "edition", "editie"
    REMINDER = "reminder", "herinnering"


class Status(models.TextChoices):
    QUEUED = "queued", "in de wachtrij"
    SENDING = "sending", "wordt verstuurd"
    SENT = "sent", "verstuurd"
    FAILED_TEMPORARY = "failed-temporary", "tijdelijk mislukt"
    FAILED_PERMANENT = "failed-permanent", "definitief mislukt"
    # The reader unsubscribed before the message went out.
    CANCELLED = "cancelled", "geannuleerd"


class Message(models.Model):
    """One e-mail in the outbox."""

    kind = models.CharField("soort", max_length=20, choices=Kind.choices)
    subscriber = models.ForeignKey(Subscriber, on_delete=models.CASCADE, related_name="messages")
    edition = models.ForeignKey(Edition, null=True, blank=True, on_delete=models.CASCADE, related_name="messages")
    reminder = models.ForeignKey(Reminder, null=True, blank=True, on_delete=models.SET_NULL, related_name="messages")
    funding_line = models.ForeignKey(FundingLine, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    deadline = models.DateField("indiendatum", null=True, blank=True)
    to = models.EmailField("aan", max_length=254)
    subject = models.CharField("onderwerp", max_length=300)
    text = models.TextField("tekst")
    html = models.TextField("HTML", blank=True)
    unsubscribe_url = models.URLField(max_length=1000, blank=True)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.QUEUED, db_index=True)
    attempts = models.PositiveSmallIntegerField("pogingen", default=0)
    next_attempt_at = models.DateTimeField("volgende poging", null=True, blank=True)
    claimed_at = models.DateTimeField(null=True, blank=True)
    last_error = models.TextField("laatste fout", blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField("verstuurd op", null=True, blank=True)

    class Meta:
        ordering = ["id"]
        verbose_name = "bericht"
        verbose_name_plural = "berichten (outbox)"
        constraints = [
            models.UniqueConstraint(fields=["edition", "subscriber"], condition=models.Q(edition__isnull=False),
                                    name="message_one_per_edition_reader"),
            # Per reader, line and deadline date: also holds when a reminder is removed and asked again.
            models.UniqueConstraint(fields=["subscriber", "funding_line", "deadline"], condition=models.Q(kind="reminder"),
                                    name="message_one_reminder_per_deadline"),
        ]

    def __str__(self) -> str:
        return f"{self.to}: {self.subject}"
