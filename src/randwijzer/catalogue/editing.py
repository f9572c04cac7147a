"""One catalogue edit: the bracket every writer of the catalogue goes through.

    with catalogue_edit(user, "Bewerkt in het beheer", entries=[line]) as edit:
        line.title = "..."
        line.save()

The block runs in one transaction and one history moment (catalogue/history.py): its rows
get one history record each, with `why` and `who`. The funding lines the edit touches are
read before the block and after it, and what a reader would notice enters the change log
(randwijzer.changes records it: it registers itself here, so the catalogue imports nothing
above it). After the commit, `catalogue_changed` is sent once. An error in the block rolls
everything back: no history, no change log, no signal.

Name the entries (funding lines, partners) the edit will change, up front or with
`edit.include(entry)` before changing them; `everything=True` (a load of the whole
catalogue) reads every line. A `catalogue_edit` inside another one is part of the outer edit.
"""
from __future__ import annotations

from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field

from django.db import transaction

from . import models as m
from . import version
from .history import history_moment
from .signals import catalogue_changed

ORIGIN_LOAD = "catalogus"  # the change log's source of a YAML load

# Who keeps a record of edits besides the history: factories called with the edit, returning an
# object with `watch(line_ids)` (None: every line; called before those lines change) and
# `finish(line_ids) -> list` (called when the edit's writes are done). The change log registers here.
_recorders: list = []

_current: ContextVar[CatalogueEdit | None] = ContextVar("catalogue_edit", default=None)


def record_edits_with(factory) -> None:
    if factory not in _recorders:
        _recorders.append(factory)


def editor_source(user, note: str = "") -> str:
    """The change log's "bron van de wijziging" for an editor's edit: "beheer: <user>[, note]"."""
    text = f"beheer: {user.get_username() if user else 'onbekend'}" + (f", {note}" if note else "")
    return text[:120]


def line_ids_of(entry) -> list[str]:
    """The funding lines whose public facts show this entry (the change log is kept per line)."""
    if isinstance(entry, m.FundingLine):
        return [entry.pk] if entry.pk else []
    if isinstance(entry, m.Partner):
        return list(m.FundingLine.objects.filter(administrator_id=entry.pk).values_list("id", flat=True))
    return []


@dataclass
class CatalogueEdit:
    who: object
    why: str
    source: str  # the change log's origin: "catalogus", "beheer: <user>", an importer's name
    everything: bool = False
    line_ids: set = field(default_factory=set)
    entries: list = field(default_factory=list)
    recorders: list = field(default_factory=list)
    changes: list = field(default_factory=list)  # what the recorders recorded (the change log's rows)
    history_records: int = 0

    @property
    def changed(self) -> bool:
        """Whether the edit left a trace: a history record or a line in the change log."""
        return bool(self.history_records or self.changes)

    def include(self, *entries, new: bool = False) -> None:
        """Entries about to change: the state of their funding lines is read now, before the change.

        `new`: entries the edit is about to create (a funding line not yet saved): there is no state to
        read before, so the recorders are not asked; the lines are read after the edit like any other."""
        self.entries += [e for e in entries if e not in self.entries]
        if self.everything:
            return
        added = {line_id for entry in entries for line_id in line_ids_of(entry)} - self.line_ids
        if added:
            self.line_ids |= added
            for recorder in ([] if new else self.recorders):
                recorder.watch(added)

    def _finish(self) -> None:
        # An entry may show in more lines after the edit (a new line, a partner named administrator).
        after = None if self.everything else self.line_ids | {i for e in self.entries for i in line_ids_of(e)}
        for recorder in self.recorders:
            self.changes += recorder.finish(after)


@contextmanager
def catalogue_edit(who, why: str, source: str | None = None, entries=(), everything: bool = False):
    """Snapshot, change, record in the history and the change log; `catalogue_changed` after the commit."""
    outer = _current.get()
    if outer is not None:
        outer.include(*entries)
        yield outer
        return
    edit = CatalogueEdit(who, why, source if source is not None else editor_source(who), everything)
    with transaction.atomic():
        with history_moment(why, user=who) as moment:
            token = _current.set(edit)
            try:
                edit.recorders = [factory(edit) for factory in _recorders]
                if everything:
                    for recorder in edit.recorders:
                        recorder.watch(None)
                edit.include(*entries)
                yield edit
                edit._finish()
            finally:
                _current.reset(token)
        edit.history_records = moment.written  # the moment writes its records as it ends
        # The version keys cached pages; a write in this transaction replaced it already (visible with
        # the data at the commit) unless the edit wrote through queryset.update() alone.
        replaced = version.replaced_in_this_transaction()
        transaction.on_commit(lambda: catalogue_changed.send(sender=CatalogueEdit, edit=edit,
                                                             replaced_with_the_data=replaced))


def current_edit() -> CatalogueEdit | None:
    """The edit in progress, if any (a writer deep in a load can include the entries it changes)."""
    return _current.get()
