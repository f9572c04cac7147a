"""What one import run has already read, so that each record does not read it again (issue 13, Scale).

A run of 5,000 products asked the database the same questions for every record: the area of the same
LAU/NUTS codes, whether the same territory and the same administrator exist, every curated title and
whether an id is taken (these two are read once per page now). A `RunCache` is made by `importing.run`
and passed down; it lives for that run only (nothing is shared between runs). The lines of a page's
feed IRIs are read in one query per page.

A record is written in its own savepoint and may roll back alone: what it created then no longer
exists. So a row the record creates is only remembered once the record has landed (`record_landed`);
a failed record (`record_failed`) leaves the memo as it was before it. Likewise a page commits as a
whole: what its records created is forgotten if the page rolls back (`page_failed`).
"""
from __future__ import annotations

from randwijzer.catalogue import models as m
from randwijzer.text.normalize import name_key

from . import areas


class RunCache:
    def __init__(self) -> None:
        # The municipalities table does not change during an import: an area is a function of its codes.
        self._areas: dict[tuple[str, ...], areas.Area | None] = {}
        self._existing: set[tuple[type, str]] = set()  # rows known to exist for the rest of the run
        self._created: set[tuple[type, str]] = set()  # created by the record being written: not yet landed
        self._page: set[tuple[type, str]] = set()  # created by landed records of the page not yet committed
        self._reset_lines()

    def _reset_lines(self) -> None:
        self._page_lines: dict[str, m.FundingLine] = {}  # feed IRI -> its line, read with the page
        self._page_iris: set[str] = set()  # IRIs read with the page that no record has written since
        self._curated: dict[str, str] | None = None  # name_key(title) -> id of a curated line without feed IRI
        self._line_ids: set[str] | None = None  # every funding line id

    def read_page(self, records) -> None:
        """The lines of the page's feed IRIs, in one query (sync.find_line asked once per record).

        The curated titles and the taken ids are read again for each page (when a record needs them):
        a walk fetches pages over the network for minutes, and editors may add, rename or delete a line
        meanwhile; within a page the memo is kept up to date by the records themselves."""
        self._reset_lines()
        self._page_iris = {record.iri for record in records}
        for line in m.FundingLine.objects.filter(feed_iri__in=self._page_iris):  # in `.first()`'s order
            self._page_lines.setdefault(line.feed_iri, line)

    def line_with_iri(self, iri: str) -> m.FundingLine | None:
        if iri in self._page_iris:
            return self._page_lines.get(iri)
        return m.FundingLine.objects.filter(feed_iri=iri).first()

    def curated_line(self, title: str) -> m.FundingLine | None:
        """A curated line (no feed IRI) with this title; the titles are read once per page."""
        if self._curated is None:
            self._curated = {}
            curated = m.FundingLine.objects.filter(feed_source=m.FeedSource.REDACTIE, feed_iri="")
            for pk, other in curated.values_list("id", "title"):
                self._curated.setdefault(name_key(other), pk)
        pk = self._curated.get(name_key(title))
        return m.FundingLine.objects.filter(pk=pk).first() if pk is not None else None

    def id_taken(self, pk: str) -> bool:
        if self._line_ids is None:
            self._line_ids = set(m.FundingLine.objects.values_list("id", flat=True))
        return pk in self._line_ids

    def area_for(self, codes: list[str]) -> areas.Area | None:
        key = tuple(sorted(set(codes)))
        if key not in self._areas:
            self._areas[key] = areas.area_for(list(key))
        return self._areas[key]

    def exists(self, model, pk: str) -> bool:
        """Whether the row exists now: asked once per run, unless a record that rolled back made it."""
        key = (model, pk)
        if key in self._existing or key in self._page or key in self._created:
            return True
        if model.objects.filter(pk=pk).exists():
            self._existing.add(key)
            return True
        return False

    def created(self, model, pk: str) -> None:
        self._created.add((model, pk))

    def record_landed(self, iri: str, outcome: str, line_id: str) -> None:
        """The record's edit is in: what it created exists, its line is read afresh if the IRI comes again."""
        self._page |= self._created
        self._created.clear()
        self._page_iris.discard(iri)
        if outcome == "nieuw" and self._line_ids is not None:
            self._line_ids.add(line_id)
        if outcome == "gekoppeld" and self._curated is not None:  # it has a feed IRI now: no longer curated alone
            self._curated = {key: pk for key, pk in self._curated.items() if pk != line_id}

    def record_failed(self, iri: str) -> None:
        self._created.clear()
        self._page_iris.discard(iri)  # its line object may hold the values that were rolled back

    def page_committed(self) -> None:
        self._existing |= self._page
        self._page.clear()

    def page_failed(self) -> None:
        self._created.clear()
        self._page.clear()
        self._reset_lines()  # ids and links of the page's records are gone again: read afresh
