"""Organisations and their members.

People log in with their e-mail address (Django's own User, with the e-mail, lower-cased, as its
username). An organisation — a municipality, a vzw, a school, … — has members; its admins
invite others. Editors are a separate role (the "Redactie" group) and see no organisation's data.
"""
import hashlib
import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone


class Organisation(models.Model):
    name = models.CharField("naam", max_length=200)
    slug = models.SlugField("korte naam", max_length=80, unique=True)
    applicant_type = models.ForeignKey("catalogue.ApplicantType", null=True, blank=True, on_delete=models.SET_NULL,
                                       related_name="+", verbose_name="soort aanvrager")
    municipality = models.ForeignKey("catalogue.Municipality", null=True, blank=True, on_delete=models.SET_NULL,
                                     related_name="+", verbose_name="gemeente")
    created_at = models.DateTimeField("aangemaakt op", default=timezone.now)

    class Meta:
        verbose_name = "organisatie"
        verbose_name_plural = "organisaties"
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Role(models.TextChoices):
    ADMIN = "admin", "beheerder"
    MEMBER = "member", "lid"


class Membership(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships")
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField("rol", max_length=10, choices=Role.choices, default=Role.MEMBER)
    joined_at = models.DateTimeField("lid sinds", default=timezone.now)

    class Meta:
        verbose_name = "lidmaatschap"
        verbose_name_plural = "lidmaatschappen"
        constraints = [models.UniqueConstraint(fields=["user", "organisation"], name="one_membership_per_organisation")]

    def __str__(self) -> str:
        return f"{self.user} – {self.organisation} ({self.get_role_display()})"


def hash_secret(raw: str) -> str:
    """Secrets (invitation links, API tokens) are stored as SHA-256 only: a leaked table opens nothing."""
    return hashlib.sha256(raw.encode()).hexdigest()


def new_secret() -> str:
    return secrets.token_urlsafe(32)


class Invitation(models.Model):
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="invitations")
    email = models.EmailField("e-mailadres")
    role = models.CharField("rol", max_length=10, choices=Role.choices, default=Role.MEMBER)
    token_hash = models.CharField(max_length=64, unique=True)
    invited_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField("geldig tot")
    accepted_at = models.DateTimeField("aanvaard op", null=True, blank=True)

    class Meta:
        verbose_name = "uitnodiging"
        verbose_name_plural = "uitnodigingen"
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.email} → {self.organisation}"


class ApiToken(models.Model):
    """A personal token for /api/v1/dossiers: it acts as its user, with that user's memberships."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField("omschrijving", max_length=100)
    prefix = models.CharField(max_length=8)  # shown in lists, so a user can tell tokens apart
    key_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(default=timezone.now)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "API-sleutel"
        verbose_name_plural = "API-sleutels"
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.prefix}… ({self.name})"


class QueuedMail(models.Model):
    """A mail asked for in a request and sent after the response (accounts.mailqueue, `randwijzer mail send`).

    A password reset stores only the address typed, also when no account has it: the request does
    the same work either way, and the account, its token and the SMTP conversation come later.
    Left out of backups (ops.backup.LEFT_OUT): once sent, the row is gone."""

    class Kind(models.TextChoices):
        PASSWORD_RESET = "password_reset", "nieuw wachtwoord"

    kind = models.CharField("soort", max_length=20, choices=Kind.choices)
    to = models.EmailField("aan", max_length=254)
    created_at = models.DateTimeField("gevraagd op", default=timezone.now)
    attempts = models.PositiveSmallIntegerField("pogingen", default=0)
    claimed_at = models.DateTimeField(null=True, blank=True)
    last_error = models.TextField("laatste fout", blank=True)

    class Meta:
        ordering = ["id"]
        verbose_name = "te versturen mail"
        verbose_name_plural = "te versturen mails"
