"""Inviting people into an organisation by e-mail, and accepting such an invitation.

The link carries a random secret; only its hash is stored. A link works once, for 14 days, and only for
the e-mail address it was sent to.
"""
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from . import mails
from .errors import InvitationProblem, NotAllowed
from .models import Invitation, Membership, Organisation, Role, hash_secret, new_secret
from .services import is_org_admin, normalize_email, user_for_email

VALID_FOR = timedelta(days=14)


def invite(organisation: Organisation, email: str, role: str, invited_by, request=None) -> Invitation:
    """Create an invitation and mail its link. Only an admin of the organisation may invite."""
    if not is_org_admin(invited_by, organisation):
        raise NotAllowed("Alleen een beheerder van de organisatie kan mensen uitnodigen.")
    email = normalize_email(email)
    if Membership.objects.filter(organisation=organisation, user__email__iexact=email).exists():
        raise NotAllowed(f"{email} is al lid van {organisation}.")
    raw = new_secret()
    with transaction.atomic():
        # A new invitation replaces an open one for the same address: only the newest link works.
        Invitation.objects.filter(organisation=organisation, email__iexact=email, accepted_at__isnull=True).delete()
        invitation = Invitation.objects.create(organisation=organisation, email=email, role=role, invited_by=invited_by,
                                               token_hash=hash_secret(raw), expires_at=timezone.now() + VALID_FOR)
    link = mails.site_url(request) + reverse("accounts:invitation", kwargs={"token": raw})
    try:
        mails.send(email, "invitation", {"invitation": invitation, "link": link, "inviter": invited_by}, request)
    except Exception:
        invitation.delete()  # an invitation nobody received should not linger as "open"
        raise
    return invitation


def find(raw: str) -> Invitation:
    """The open invitation behind a link, or InvitationProblem saying in Dutch why it cannot be used."""
    invitation = Invitation.objects.select_related("organisation").filter(token_hash=hash_secret(raw or "")).first()
    _check_open(invitation)
    return invitation


def _check_open(invitation: Invitation | None) -> None:
    if invitation is None:
        raise InvitationProblem("unknown", "Deze uitnodigingslink is niet geldig. Controleer of u de volledige link "
                                           "uit de e-mail gebruikte, of vraag een nieuwe uitnodiging.")
    if invitation.accepted_at is not None:
        raise InvitationProblem("used", f"Deze uitnodiging voor {invitation.organisation} is al gebruikt. "
                                        "Bent u al lid? Meld u dan gewoon aan.")
    if invitation.expires_at <= timezone.now():
        raise InvitationProblem("expired", f"Deze uitnodiging voor {invitation.organisation} is verlopen (een link werkt "
                                           "14 dagen). Vraag een beheerder van de organisatie om een nieuwe uitnodiging.")


def _lock_open(raw: str) -> Invitation:
    # The row lock makes a link work once even when it is clicked twice at the same moment.
    invitation = Invitation.objects.select_for_update().select_related("organisation").filter(
        token_hash=hash_secret(raw or "")).first()
    _check_open(invitation)
    return invitation


def _join(invitation: Invitation, user) -> Membership:
    member, created = Membership.objects.get_or_create(user=user, organisation=invitation.organisation,
                                                       defaults={"role": invitation.role})
    if not created and invitation.role == Role.ADMIN and member.role != Role.ADMIN:
        member.role = Role.ADMIN  # an invitation can raise a role, never lower it
        member.save(update_fields=["role"])
    invitation.accepted_at = timezone.now()
    invitation.save(update_fields=["accepted_at"])
    return member


@transaction.atomic
def accept_as_new_user(raw: str, password: str):
    """A person without an account: create it (username = e-mail) with the chosen password, and join."""
    invitation = _lock_open(raw)
    if user_for_email(invitation.email) is not None:
        raise InvitationProblem("existing", f"Er bestaat al een account voor {invitation.email}. "
                                            "Meld u aan om de uitnodiging te aanvaarden.")
    user = get_user_model().objects.create_user(username=invitation.email, email=invitation.email, password=password)
    _join(invitation, user)
    return user


@transaction.atomic
def accept_as_user(raw: str, user) -> Membership:
    """A logged-in person: only the account with the invited e-mail address may use the link."""
    invitation = _lock_open(raw)
    if normalize_email(user.email) != normalize_email(invitation.email):
        raise InvitationProblem("wrong_account", f"Deze uitnodiging is voor {invitation.email}, maar u bent aangemeld "
                                                 f"als {user.email}. Meld u af en meld u aan met {invitation.email}.")
    return _join(invitation, user)
