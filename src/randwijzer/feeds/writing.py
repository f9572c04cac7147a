"""The one place where an import writes a record: through the catalogue's edit bracket.

Every write of one feed record is one `catalogue_edit` (catalogue/editing.py): one transaction,
one history moment, the change log field by field, `catalogue_changed` after the commit.
"""
from __future__ import annotations

from collections.abc import Callable

from randwijzer.catalogue import models as m
from randwijzer.catalogue.editing import catalogue_edit

REASONS = {"subsidiepunt": "Ingelezen uit Subsidiepunt", "ipdc": "Ingelezen uit IPDC"}
ORIGINS = {"subsidiepunt": "feed: Subsidiepunt", "ipdc": "feed: IPDC"}


def write_record(source: str, line_id: str, change: Callable[[], None], new: bool = False) -> None:
    """Run `change` for the line `line_id` as one edit: all of it lands, or nothing does.

    The line is named before the change, so the change log shows what the record added or changed;
    a `new` line has nothing to read before (one query less per new line of an import)."""
    with catalogue_edit(None, REASONS[source], source=ORIGINS[source]) as edit:
        edit.include(m.FundingLine(pk=line_id), new=new)
        change()
