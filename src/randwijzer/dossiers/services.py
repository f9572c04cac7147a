"""Create, change and move dossiers: the rules live here, pages and API only call these.

Every write runs in one transaction, locks the row, checks the `version` the writer saw and
raises it, so a write based on an older state is refused (VersionConflict) instead of
silently overwriting a colleague's work.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from randwijzer.catalogue import limits

from . import pipeline
from .access import DossierNotFound, find_dossier
from .models import Dossier, DossierEvent, EventKind
from .pipeline import Status
from .values import FIELDS, DossierInvalid, display, plain_values, validate

__all__ = ["DossierInvalid", "DossierNotFound", "VersionConflict", "Difference", "create_dossier", "update_dossier",
           "move_status"]
MAX_REASON = 2000


@dataclass(frozen=True)
class Difference:
    field: str
    label: str
    yours: str
    stored: str


class VersionConflict(Exception):
    """Someone saved the dossier after this writer read it: nothing was written."""

    def __init__(self, current: Dossier, differences: list[Difference]):
        super().__init__(f"dossier {current.pk} is nu versie {current.version}")
        self.current = current
        self.differences = differences


def _stored(dossier: Dossier) -> dict:
    return {field: getattr(dossier, field) for field in FIELDS}


def differences(wanted: dict, dossier: Dossier) -> list[Difference]:
    """The fields where what a writer wants differs from what is stored, in Dutch words."""
    stored = _stored(dossier)
    return [Difference(field, label, display(field, wanted[field]), display(field, stored[field]))
            for field, label in FIELDS.items()
            if field in wanted and display(field, wanted[field]) != display(field, stored[field])]


def _check_version(dossier: Dossier, version, wanted: dict) -> None:
    if version != dossier.version:
        raise VersionConflict(dossier, differences(wanted, dossier))


def _reason(reason) -> str:
    if reason is None:
        return ""
    if not isinstance(reason, str) or "\x00" in reason or limits.has_lone_surrogate(reason):
        raise DossierInvalid({"reason": "De reden bevat ongeldige tekens."})
    reason = reason.strip()
    if len(reason) > MAX_REASON:
        raise DossierInvalid({"reason": f"De reden is te lang (hoogstens {MAX_REASON} tekens)."})
    return reason


@transaction.atomic
def create_dossier(user, organisation, raw: dict) -> Dossier:
    """A new dossier, status idee. The caller found `organisation` among the user's (access.find_organisation)."""
    values = validate(organisation, raw)
    now = timezone.now()
    dossier = Dossier.objects.create(organisation=organisation, created_by=user, created_at=now, updated_at=now, **values)
    DossierEvent.objects.create(dossier=dossier, kind=EventKind.CREATED, to_status=dossier.status, by=user, at=now)
    return dossier


def _move(dossier: Dossier, target, reason: str, user, today: dt.date) -> DossierEvent:
    if target not in Status.values:
        raise DossierInvalid({"status": "Kies een status uit de lijst."})
    if not pipeline.can_move(dossier.status, target):
        moves = pipeline.allowed_moves(dossier.status)
        hint = (" Mogelijk: " + ", ".join(pipeline.label(m).lower() for m in moves) + ".") if moves else \
            " Vanuit deze status kan het dossier niet meer verder."
        raise DossierInvalid({"status": f"Van ‘{dossier.status_label.lower()}’ naar ‘{pipeline.label(target).lower()}’ "
                                        f"kan niet.{hint}"})
    if target in pipeline.REASON_REQUIRED and not reason:
        raise DossierInvalid({"reason": "Geef de reden van de afwijzing."})
    event = DossierEvent(dossier=dossier, kind=EventKind.STATUS, from_status=dossier.status, to_status=target,
                         reason=reason, by=user)
    dossier.status = target
    # The dates a move implies, unless the member filled them in already.
    if target == Status.INGEDIEND and dossier.submitted_on is None:
        dossier.submitted_on = today
    if target in (Status.TOEGEKEND, Status.AFGEWEZEN) and dossier.decision_on is None:
        dossier.decision_on = today
    if target == Status.AFGEWEZEN:
        dossier.rejection_reason = reason
    return event


def _save(dossier: Dossier, events: list[DossierEvent]) -> Dossier:
    now = timezone.now()
    dossier.version += 1
    dossier.updated_at = now
    dossier.save()
    for event in events:
        event.at = now
        event.save()
    return dossier


@transaction.atomic
def update_dossier(user, pk, changes: dict, version, status=None, reason=None) -> Dossier:
    """Change some fields (and optionally move the status) of the dossier `user` read at `version`.

    Only the keys of FIELDS in `changes` are touched; absent keys keep their stored value.
    """
    dossier = find_dossier(user, pk, for_update=True)
    wanted = {**plain_values(dossier), **{k: v for k, v in changes.items() if k in FIELDS}}
    values = validate(dossier.organisation, wanted)
    reason = _reason(reason)
    changed = [field for field in FIELDS if display(field, values[field]) != display(field, getattr(dossier, field))]
    moving = status is not None and status != dossier.status
    if not changed and not moving:
        return dossier  # nothing to write: the version stays, a colleague's open form stays valid
    _check_version(dossier, version, values)
    events = []
    for field in changed:
        setattr(dossier, field, values[field])
    if changed:
        summary = "Gewijzigd: " + ", ".join(FIELDS[f].lower() for f in changed)
        events.append(DossierEvent(dossier=dossier, kind=EventKind.EDITED, summary=summary[:500], by=user))
    if moving:
        events.append(_move(dossier, status, reason, user, timezone.localdate()))
    return _save(dossier, events)


@transaction.atomic
def move_status(user, pk, target, reason, version) -> Dossier:
    """Move a dossier along the pipeline (pipeline.MOVES); a rejection needs a reason."""
    dossier = find_dossier(user, pk, for_update=True)
    reason = _reason(reason)
    _check_version(dossier, version, {})
    event = _move(dossier, target, reason, user, timezone.localdate())
    return _save(dossier, [event])
