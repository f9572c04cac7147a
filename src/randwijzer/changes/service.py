"""Record changes: snapshot the lines before a write, snapshot after, store the differences.

Callers run `record` inside the transaction of the write, so a write that fails records
nothing and a write that changes nothing a reader sees records nothing either.
"""
from __future__ import annotations

from django.utils import timezone

from randwijzer.catalogue.editing import ORIGIN_LOAD
from randwijzer.catalogue.models import FundingLine

from .facts import SNAPSHOT_RELATIONS, diff, snapshot
from .models import Change


def snapshots(ids=None) -> dict[str, dict]:
    """{line id: snapshot} of every line (or of the given ids), read fresh from the database."""
    # Only the relations a snapshot reads (facts.SNAPSHOT_RELATIONS): an import takes one per record.
    lines = FundingLine.objects.select_related("administrator", "territory").prefetch_related(*SNAPSHOT_RELATIONS)
    if ids is not None:
        lines = lines.filter(id__in=list(ids))
    return {line.id: snapshot(line) for line in lines}


def snapshots_after(ids, before: dict[str, dict]) -> dict[str, dict]:
    """The snapshots after an edit of the lines `ids` (None: every line): in full for the lines in `before`;
    a line new in the edit by its title alone, which is all the change log says of it (facts.diff)."""
    if ids is None:  # a load of the whole catalogue: read it all, as before
        return snapshots(None)
    ids = set(ids)
    added = ids - before.keys()
    new = dict(FundingLine.objects.filter(id__in=list(added)).values_list("id", "title")) if added else {}
    kept = ids & before.keys()
    return {**{pk: {"title": title} for pk, title in new.items()}, **(snapshots(kept) if kept else {})}


def record(before: dict[str, dict], after: dict[str, dict], origin: str = ORIGIN_LOAD, at=None) -> list[Change]:
    at = at or timezone.now()
    rows = []
    for line_id in sorted(before.keys() | after.keys()):
        old, new = before.get(line_id), after.get(line_id)
        title = (new or old)["title"]
        for change in diff(old, new):
            rows.append(Change(funding_line_id=line_id, funding_title=title, changed_at=at, field=change.field,
                               old_value=change.old, new_value=change.new, description=change.description, origin=origin))
    return Change.objects.bulk_create(rows)


def between(start, end, line_ids=None):
    """Changes recorded in [start, end), oldest first."""
    changes = Change.objects.filter(changed_at__gte=start, changed_at__lt=end)
    if line_ids is not None:
        changes = changes.filter(funding_line_id__in=list(line_ids))
    return changes.order_by("changed_at", "id")


class ChangeLogRecorder:
    """Keeps the change log of one catalogue edit (registered with catalogue.editing.catalogue_edit)."""

    def __init__(self, edit):
        self.edit = edit
        self.before: dict[str, dict] = {}

    def watch(self, line_ids) -> None:
        if line_ids is not None:  # a line about to be created has nothing to snapshot (an import's first run)
            line_ids = list(FundingLine.objects.filter(id__in=list(line_ids)).values_list("id", flat=True))
            if not line_ids:
                return
        self.before.update(snapshots(line_ids))

    def finish(self, line_ids) -> list[Change]:
        return record(self.before, snapshots_after(line_ids, self.before), origin=self.edit.source)
