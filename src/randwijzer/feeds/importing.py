"""`randwijzer import SOURCE [PATH_OR_URL] [--dry-run]`: read a feed, report per record, write per record.

A record that cannot be mapped or written is skipped with its reason and the rest lands; a document
or page that cannot be read stops the run with a Dutch message (the IPDC walk resumes there next time).
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import DataError, IntegrityError, transaction

from . import fetching, ipdc, ldes, rdf, subsidiepunt, sync
from .rdf import FeedError
from .records import Skip, label
from .report import Report
from .runcache import RunCache
from .timeutil import today

SOURCES = ("subsidiepunt", "ipdc")
PROGRESS_EVERY = 250


def location_for(source: str, given: str | None) -> str:
    if given:
        return fetching.as_location(given)
    url = settings.FEED_URLS.get(source, "")
    if not url:
        variable = {"subsidiepunt": "SUBSIDIEPUNT_FEED_URL", "ipdc": "IPDC_FEED_URL"}[source]
        raise FeedError(f"geen adres voor {source}: geef een bestand of URL, of zet {variable}.")
    return url


def run(source: str, given: str | None = None, dry_run: bool = False, progress: Callable[[str], None] | None = None,
        on: dt.date | None = None) -> Report:
    if source not in SOURCES:
        raise FeedError(f"onbekende bron '{source}': kies {' of '.join(SOURCES)}.")
    progress = progress or (lambda text: None)
    location = location_for(source, given)
    report = Report(sync.SOURCE_LABELS[source], dry_run)
    on = on or today()
    cache = RunCache()  # what the run has read once (areas, rows that exist): feeds/runcache.py
    if source == "subsidiepunt":
        text, content_type = fetching.read(location)
        graph = rdf.parse(text, location, rdf.guess_format(location, text, content_type), base=location)
        handle(source, subsidiepunt.records(graph, on), report, dry_run, on, progress, cache)
    else:
        _run_ipdc(location, report, dry_run, on, progress, cache)
    return report


def _run_ipdc(start: str, report: Report, dry_run: bool, on: dt.date, progress, cache: RunCache) -> None:
    state = ldes.state_for("ipdc", start, dry_run)
    pages = 0
    try:
        for url, graph in ldes.walk(state, lambda note: report.lines.append(f"let op: {note}"), save=not dry_run):
            pages += 1
            progress(f"pagina {pages}: {url}")
            handle("ipdc", ipdc.records(graph, on), report, dry_run, on, progress, cache)
    except FeedError as error:
        report.stopped = f"{error} De volgende keer gaat het verder bij die pagina."


def handle(source: str, found: list, report: Report, dry_run: bool, on: dt.date, progress, cache: RunCache) -> None:
    # The records of one page (or document) commit together, each in its own savepoint (its edit's
    # atomic block): a record the database refuses rolls back alone and the rest lands. One commit
    # per page instead of per record: on SQLite each commit waits for the disk (tens of ms).
    try:
        with transaction.atomic():
            _handle(source, found, report, dry_run, on, progress, cache)
    except BaseException:
        cache.page_failed()
        raise
    cache.page_committed()


def _handle(source: str, found: list, report: Report, dry_run: bool, on: dt.date, progress, cache: RunCache) -> None:
    cache.read_page([record for record in found if not isinstance(record, Skip)])
    for i, record in enumerate(found, start=1):
        if isinstance(record, Skip):
            report.add("overgeslagen", label(record), record.reason)
            continue
        report.lines.extend(f"let op: {label(record)} — {note}" for note in record.notes)
        try:
            decision = sync.decide(source, record, cache)
            if not dry_run:
                sync.apply(source, record, decision, on, cache)
        # A record the database refuses is skipped; a database that cannot write at all (a full disk,
        # a read-only file: OperationalError) stops the run.
        except (ValidationError, IntegrityError, DataError, ValueError) as error:
            cache.record_failed(record.iri)  # its savepoint rolled back: what it created is gone
            report.add("overgeslagen", label(record), f"kon niet geschreven worden ({error}); er is niets van bewaard")
            continue
        if not dry_run:
            cache.record_landed(record.iri, decision.outcome, decision.line_id)
        detail = ", ".join(decision.fields) if decision.outcome == "gewijzigd" else ""
        if decision.review:
            detail += ("; " if detail else "") + "na te kijken door de redactie: " + ", ".join(decision.review)
        report.add(decision.outcome, f"{label(record)} ({decision.line_id})", detail)
        if i % PROGRESS_EVERY == 0:
            progress(f"{i} van {len(found)} records")
