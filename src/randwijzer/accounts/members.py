"""An organisation's members: change a role, remove someone, withdraw an invitation.

Only the organisation's admins may do so, and an organisation never loses its last admin.
"""
from django.db import transaction
from django.utils import timezone

from .errors import LastAdmin, NotAllowed
from .models import Invitation, Membership, Organisation, Role
from .services import is_org_admin

LAST_ADMIN = ("{org} heeft altijd minstens één beheerder nodig. Maak eerst iemand anders beheerder, "
              "dan kunt u deze beheerder wijzigen of verwijderen.")


def members_of(organisation: Organisation):
    return Membership.objects.filter(organisation=organisation).select_related("user").order_by("user__email")


def open_invitations(organisation: Organisation):
    return Invitation.objects.filter(organisation=organisation, accepted_at__isnull=True, expires_at__gt=timezone.now())


def _locked(actor, organisation: Organisation, membership_id: int) -> Membership:
    if not is_org_admin(actor, organisation):
        raise NotAllowed("Alleen een beheerder van de organisatie kan leden wijzigen.")
    # Lock the organisation: two admins demoting each other at once must not leave it without one.
    Organisation.objects.select_for_update().get(pk=organisation.pk)
    member = Membership.objects.select_related("user").filter(pk=membership_id, organisation=organisation).first()
    if member is None:
        raise NotAllowed("Dit lid bestaat niet (meer) in deze organisatie.")
    return member


def _refuse_last_admin(member: Membership) -> None:
    others = Membership.objects.filter(organisation_id=member.organisation_id, role=Role.ADMIN).exclude(pk=member.pk)
    if member.role == Role.ADMIN and not others.exists():
        raise LastAdmin(LAST_ADMIN.format(org=member.organisation))


@transaction.atomic
def change_role(actor, organisation: Organisation, membership_id: int, role: str) -> Membership:
    if role not in Role.values:
        raise NotAllowed("Kies lid of beheerder.")
    member = _locked(actor, organisation, membership_id)
    if role != Role.ADMIN:
        _refuse_last_admin(member)
    member.role = role
    member.save(update_fields=["role"])
    return member


@transaction.atomic
def remove_member(actor, organisation: Organisation, membership_id: int) -> Membership:
    member = _locked(actor, organisation, membership_id)
    _refuse_last_admin(member)
    member.delete()
    return member


@transaction.atomic
def withdraw_invitation(actor, organisation: Organisation, invitation_id: int) -> None:
    if not is_org_admin(actor, organisation):
        raise NotAllowed("Alleen een beheerder van de organisatie kan uitnodigingen intrekken.")
    Invitation.objects.filter(pk=invitation_id, organisation=organisation, accepted_at__isnull=True).delete()
