"""What one import run has already read, so that each record does not read it again (issue 13, Scale).

A run of 5,000 products asked the database the same questions for every record: the area of the same
LAU/NUTS codes, whether the same territory and the same administrator exist. A `RunCache` is made by
`importing.run` and passed down; it lives for that run only (nothing is shared between runs).

A record is written in its own savepoint and may roll back alone: what it created then no longer
exists. So a row the record creates is only remembered once the record has landed (`record_landed`);
a failed record (`record_failed`) leaves the memo as it was before it. Likewise a page commits as a
whole: what its records created is forgotten if the page rolls back (`page_failed`).
"""
from __future__ import annotations

from . import areas


class RunCache:
    def __init__(self) -> None:
        # The municipalities table does not change during an import: an area is a function of its codes.
        self._areas: dict[tuple[str, ...], areas.Area | None] = {}
        self._existing: set[tuple[type, str]] = set()  # rows known to exist for the rest of the run
        self._created: set[tuple[type, str]] = set()  # created by the record being written: not yet landed
        self._page: set[tuple[type, str]] = set()  # created by landed records of the page not yet committed

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

    def record_landed(self) -> None:
        self._page |= self._created
        self._created.clear()

    def record_failed(self) -> None:
        self._created.clear()

    def page_committed(self) -> None:
        self._existing |= self._page
        self._page.clear()

    def page_failed(self) -> None:
        self._created.clear()
        self._page.clear()
