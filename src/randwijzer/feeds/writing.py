"""The one place where an import writes a record: transaction, history moment, change log.

Every write of one feed record goes through `write_record`, so the catalogue's edit bracket
(snapshot, change, record in history and change log) can replace its body in one spot.
"""
from __future__ import annotations

from collections.abc import Callable

from django.db import transaction

from randwijzer.catalogue.history import history_moment
from randwijzer.changes import service as changes

REASONS = {"subsidiepunt": "Ingelezen uit Subsidiepunt", "ipdc": "Ingelezen uit IPDC"}
ORIGINS = {"subsidiepunt": "feed: Subsidiepunt", "ipdc": "feed: IPDC"}


def write_record(source: str, line_id: str, change: Callable[[], None], new: bool = False) -> None:
    """Run `change` for the line `line_id` as one edit: all of it lands, or nothing does.

    `new`: the line does not exist yet, so there is nothing to snapshot before (a query saved per record)."""
    with transaction.atomic(), history_moment(REASONS[source]):
        before = {} if new else changes.snapshots([line_id])
        change()
        changes.record(before, changes.snapshots([line_id]), origin=ORIGINS[source])
