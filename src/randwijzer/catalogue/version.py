"""The catalogue version: a token that every catalogue write replaces, and the key of every cached page.

It is one database row (models.CatalogueVersion), so all workers on all hosts agree on it; reading it
is one primary-key query. A write replaces the token inside the writer's own transaction: the new
data and the new token become visible together, and a crash between the two cannot leave cached
pages stale. One transaction replaces it once, however many rows it writes (the loader writes
thousands); a version read in between (a page rendered inside the transaction) makes the next write
replace it again.
"""
from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils import timezone

from .models import CatalogueVersion

_BUMPED = "_randwijzer_catalogue_bumped"


@dataclass(frozen=True)
class Version:
    token: str
    changed_at: dt.datetime


def current() -> Version:
    row = CatalogueVersion.objects.filter(pk=1).values_list("token", "changed_at").first()
    setattr(transaction.get_connection(), _BUMPED, None)
    if row is None:  # a database restored from a backup made before the row existed
        return bump(force=True)
    return Version(*row)


def for_request(request) -> Version:
    """The version a request's page is keyed on (page_cache sets it): one query per request at most."""
    state = getattr(request, "catalogue_version", None)
    return state if state is not None else current()


def bump(force: bool = False, replaced_with_the_data: bool = False, **_signal_arguments) -> Version | None:
    """Replace the token (once per transaction); returns the new version, or None when already done.

    `replaced_with_the_data` (catalogue_changed after an edit whose own transaction replaced it): already
    done, in the commit that made the data visible; a second write would only cost a commit (an import
    sends the signal once per record)."""
    connection = transaction.get_connection()
    if not force and (replaced_with_the_data or _bumped_in_this_transaction(connection)):
        return None
    version = Version(uuid.uuid4().hex, timezone.now())
    if not CatalogueVersion.objects.filter(pk=1).update(token=version.token, changed_at=version.changed_at):
        CatalogueVersion.objects.create(pk=1, token=version.token, changed_at=version.changed_at)
    if connection.in_atomic_block:
        marker = _Marker()
        setattr(connection, _BUMPED, marker)
        transaction.on_commit(marker)
    return version


class _Marker:
    """A no-op commit hook: while it is still queued, this transaction has replaced the token."""

    def __call__(self) -> None:
        pass


def replaced_in_this_transaction() -> bool:
    """Whether the transaction in progress has replaced the token (and nobody read it since)."""
    return _bumped_in_this_transaction(transaction.get_connection())


def _bumped_in_this_transaction(connection) -> bool:
    marker = getattr(connection, _BUMPED, None)
    # Django drops the queued hooks on commit and on (savepoint) rollback, and with them the marker:
    # a rolled-back bump is thus done again. Each entry is (savepoint ids, hook, robust).
    return marker is not None and connection.in_atomic_block and any(entry[1] is marker for entry in connection.run_on_commit)


def watch(*models) -> None:
    """Replace the version on every save and delete of these models and every change of their many-to-many fields."""
    for model in models:
        uid = f"catalogue-version-{model._meta.label}"
        post_save.connect(bump, sender=model, dispatch_uid=uid, weak=False)
        post_delete.connect(bump, sender=model, dispatch_uid=uid, weak=False)
        for field in model._meta.local_many_to_many:
            m2m_changed.connect(bump, sender=field.remote_field.through, dispatch_uid=f"{uid}-{field.name}", weak=False)
