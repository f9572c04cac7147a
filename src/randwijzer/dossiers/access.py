"""Who sees which dossiers: members of the organisation, and nobody else.

Not the public, not another organisation, not editors (group Redactie) and not a superuser
without a membership. Anything outside a user's organisations is "not found", so its
existence is not revealed.
"""
from __future__ import annotations

import re

from randwijzer.accounts.models import Organisation
from randwijzer.accounts.services import is_editor, organisations_of

from .models import Dossier

MAX_ID = 2**63 - 1  # larger ids cannot exist and overflow the database's integer
SLUG = re.compile(r"[-a-zA-Z0-9_]{1,80}")


class DossierNotFound(Exception):
    """Not there, or not this user's: the answer is the same (404)."""


def dossier_organisations(user):
    """The organisations whose dossiers `user` may see and change."""
    if not user.is_authenticated or is_editor(user):
        # Editors keep their role apart: they never see an organisation's dossiers.
        return Organisation.objects.none()
    return organisations_of(user).order_by("name")


def visible_dossiers(user):
    return Dossier.objects.filter(organisation__in=dossier_organisations(user))


def find_dossier(user, pk, for_update: bool = False) -> Dossier:
    try:
        pk = int(pk)
    except (TypeError, ValueError):
        raise DossierNotFound from None
    if not 0 < pk <= MAX_ID:
        raise DossierNotFound
    dossiers = visible_dossiers(user).select_related("organisation", "funding_line", "call_round", "responsible")
    if for_update:
        dossiers = dossiers.select_for_update(of=("self",))
    dossier = dossiers.filter(pk=pk).first()
    if dossier is None:
        raise DossierNotFound
    return dossier


def find_organisation(user, slug) -> Organisation:
    if not isinstance(slug, str) or not SLUG.fullmatch(slug):
        raise DossierNotFound
    organisation = dossier_organisations(user).filter(slug=slug).first()
    if organisation is None:
        raise DossierNotFound
    return organisation
