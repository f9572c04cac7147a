"""Build a monthly edition: one message per reader, written to the outbox in one transaction.

What a reader gets: the funding lines that are new or changed since the previous edition
(from the change log, field by field), the deadlines and windows of the next 60 days, and
one funded example; all narrowed to the lines that concern the reader (municipality,
applicant type, themes). A reader for whom there is neither a change nor a date gets no
mail; the edition counts them for the archive.

Readers with the same preferences get the same content: it is rendered once per profile,
and only the personal links are rendered per reader, which keeps 10,000 readers fast.
"""
from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import mark_safe

from randwijzer.catalogue.models import FundedExample, FundingLine, Status as LineStatus, Territory
from randwijzer.catalogue.timing import deadlines_between, windows_between
from randwijzer.changes import service as changes
from randwijzer.ops.links import absolute_url
from randwijzer.text.dutch import MONTHS, format_number

from . import mails
from .models import Edition, Kind, Message, Subscriber

HORIZON_DAYS = 60
MONTH = re.compile(r"(\d{4})-(\d{2})")
PROGRESS_EVERY = 1000


NOT_NEWS = {"verified_on"}  # change-log fields that never make an edition

class EditionError(Exception):
    """A Dutch message for the user: malformed, unknown or impossible edition."""


def parse_month(value: str) -> tuple[int, int]:
    match = MONTH.fullmatch(value.strip()) if isinstance(value, str) else None
    if not match or not 1 <= int(match[2]) <= 12 or int(match[1]) < 2000:
        shown = str(value)[:20]
        raise EditionError(f"‘{shown}’ is geen geldige editie: schrijf jaar en maand als JJJJ-MM, bijvoorbeeld 2027-05.")
    return int(match[1]), int(match[2])


def month_label(month: str) -> str:
    year, number = parse_month(month)
    return f"{MONTHS[number - 1]} {year}"


def get_edition(month: str) -> Edition:
    parse_month(month)
    edition = Edition.objects.filter(month=month).first()
    if edition is None:
        raise EditionError(f"Editie {month} bestaat niet. Stel ze eerst samen met: randwijzer flash build --edition {month}")
    return edition


# ---------------------------------------------------------------- who is concerned


@dataclass(frozen=True)
class Profile:
    """What narrows an edition: the reader's preferences (None / empty: no filter)."""

    municipality: str | None = None  # NIS code, after a merger the new municipality's
    applicant_type: str | None = None
    themes: frozenset[str] = frozenset()

    @classmethod
    def of(cls, subscriber: Subscriber) -> Profile:
        muni = subscriber.municipality
        code = (muni.merged_into_id or muni.nis_code) if muni else None
        return cls(code, subscriber.applicant_type_id, frozenset(t.id for t in subscriber.themes.all()))


@dataclass
class LineScope:
    municipalities: set[str]
    applicant_types: set[str]
    themes: set[str]

    def concerns(self, profile: Profile) -> bool:
        if profile.municipality and profile.municipality not in self.municipalities:
            return False
        if profile.applicant_type and profile.applicant_type not in self.applicant_types:
            return False
        return not profile.themes or bool(profile.themes & self.themes)


def line_scopes(lines: list[FundingLine]) -> dict[str, LineScope]:
    members = defaultdict(set)
    for territory_id, code in Territory.municipalities.through.objects.values_list("territory_id", "municipality_id"):
        members[territory_id].add(code)
    return {
        line.id: LineScope(
            members[line.territory_id],
            {a.id for a in line.applicant_types.all()} | {a.id for a in line.applicant_types_to_verify.all()},
            {t.id for t in line.themes.all()},
        )
        for line in lines
    }


# ---------------------------------------------------------------- content


@dataclass
class Content:
    change_groups: list[dict] = field(default_factory=list)
    deadlines: list = field(default_factory=list)
    windows: list = field(default_factory=list)
    example: FundedExample | None = None

    @property
    def has_news(self) -> bool:
        return bool(self.change_groups or self.deadlines or self.windows)


class EditionData:
    """Everything an edition needs from the database, read once."""

    def __init__(self, edition: Edition):
        self.edition = edition
        self.lines = list(FundingLine.objects.with_details())
        self.scopes = line_scopes(self.lines)
        open_lines = [line for line in self.lines if line.status != LineStatus.AFGESLOTEN]
        start = edition.reference_date
        end = start + dt.timedelta(days=HORIZON_DAYS)
        self.deadlines = deadlines_between(open_lines, start, end)
        self.windows = windows_between(open_lines, start, end)
        self.changes = list(changes.between(edition.period_start, edition.period_end))
        self.examples = [e for line in self.lines for e in line.fundedexamples.all()]
        self._cache: dict[frozenset, tuple[Content, str, str]] = {}

    def _concerns(self, line_id: str, profile: Profile) -> bool:
        scope = self.scopes.get(line_id)
        # A line that left the catalogue has no scope any more: its removal is news for everyone.
        return scope is None or scope.concerns(profile)

    def _url(self, line_id: str) -> str:
        return absolute_url(reverse("catalogue:funding", args=[line_id]))

    def content(self, profile: Profile) -> Content:
        groups: dict[str, dict] = {}
        existing = {line.id for line in self.lines}
        for change in self.changes:
            # An editor re-checking the sources changes no rule: the change log shows it, the flash
            # would drown the real news in "nagekeken" lines after every yearly review.
            if change.field in NOT_NEWS or not self._concerns(change.funding_line_id, profile):
                continue
            group = groups.setdefault(change.funding_line_id, {
                "title": change.funding_title, "items": [], "new": False,
                "url": self._url(change.funding_line_id) if change.funding_line_id in existing else "",
            })
            group["new"] = group["new"] or change.field == "line" and change.new_value is not None
            group["title"] = change.funding_title
            if change.field != "line" or change.new_value is None:
                group["items"].append(change.description)
        summaries = {line.id: line.summary for line in self.lines}
        for line_id, group in groups.items():
            if group["new"]:
                # A new line is news as a whole: its summary says it, not a list of first "changes".
                group["items"] = [summaries[line_id]] if line_id in summaries else []
        content = Content(
            change_groups=list(groups.values()),
            deadlines=[{"date": d.date, "title": d.line.title, "label": d.label, "url": self._url(d.line.id)}
                       for d in self.deadlines if self._concerns(d.line.id, profile)],
            windows=[{"start": w.start, "end": w.end, "title": w.line.title, "label": w.label, "url": self._url(w.line.id)}
                     for w in self.windows if self._concerns(w.line.id, profile)],
        )
        examples = [e for e in self.examples if self._concerns(e.funding_line_id, profile)] or self.examples
        if examples:
            year, month = parse_month(self.edition.month)
            # A different example each month, the same for every reader with the same preferences.
            content.example = examples[(year * 12 + month) % len(examples)]
        return content

    def rendered(self, profile: Profile) -> tuple[Content, str, str]:
        """(content, text body, html body) for a profile. Everything in the content follows from
        the set of lines that concern the reader, so it is rendered once per such set."""
        key = frozenset(line_id for line_id in self.scopes if self.scopes[line_id].concerns(profile))
        if key not in self._cache:
            content = self.content(profile)
            context = {"content": content, "edition": self.edition, "label": month_label(self.edition.month),
                       "site_url": absolute_url(), "horizon": HORIZON_DAYS,
                       "example_url": self._url(content.example.funding_line_id) if content.example else ""}
            text = render_to_string("flash/mail/edition_body.txt", context).strip()
            html = render_to_string("flash/mail/edition_body.html", context)
            self._cache[key] = (content, text, html)
        return self._cache[key]


# ---------------------------------------------------------------- building


@dataclass
class BuildReport:
    month: str
    created: bool
    readers: int
    queued: int
    nothing_new: int

    def __str__(self) -> str:
        what = "samengesteld" if self.created else "aangevuld met lezers die sindsdien bevestigden"
        text = (f"Editie {self.month} {what}: {format_number(self.queued)} bericht(en) in de wachtrij "
                f"voor {format_number(self.readers)} lezer(s)")
        if self.nothing_new:
            text += f"; voor {format_number(self.nothing_new)} lezer(s) was er niets nieuw, zij krijgen geen mail"
        return text + "."


def _first_day(year: int, month: int) -> dt.date:
    return dt.date(year, month, 1)


def _start_of_day(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time()))


def new_edition(month: str, now: dt.datetime) -> Edition:
    year, number = parse_month(month)
    latest = Edition.objects.order_by("-month").first()
    if latest and latest.month > month:
        raise EditionError(f"Editie {month} is ouder dan de laatste editie {latest.month}; ze kan niet meer samengesteld worden.")
    today = timezone.localdate(now)
    next_month = (today.year + today.month // 12, today.month % 12 + 1)
    if (year, number) > next_month:
        raise EditionError(f"Editie {month} ligt te ver in de toekomst: stel ten laatste de editie van volgende maand "
                           f"({next_month[0]}-{next_month[1]:02d}) samen.")
    if latest:
        start = latest.period_end
    else:
        # The first edition looks back to the start of the previous month.
        previous = (year - 1, 12) if number == 1 else (year, number - 1)
        start = _start_of_day(_first_day(*previous))
    return Edition(month=month, built_at=now, period_start=start, period_end=now,
                   reference_date=max(today, _first_day(year, number)))


def build(month: str, now: dt.datetime | None = None, progress: Callable[[int, int], None] | None = None) -> BuildReport:
    """Write the edition's messages to the outbox in one transaction. Building again only adds
    readers who confirmed since; nobody gets a second message of one edition."""
    now = now or timezone.now()
    with transaction.atomic():
        edition = Edition.objects.select_for_update().filter(month=month).first()
        created = edition is None
        if created:
            edition = new_edition(month, now)
            edition.save()
        data = EditionData(edition)
        readers = (Subscriber.objects.filter(confirmed_at__isnull=False, unsubscribed_at__isnull=True)
                   .exclude(messages__edition=edition).select_related("municipality", "applicant_type")
                   .prefetch_related("themes"))
        if not created:
            # Readers counted at the first build (also those without news) are not counted again.
            readers = readers.filter(confirmed_at__gt=edition.built_at)
        readers = list(readers)
        messages, nothing_new = [], 0
        subject = f"Subsidieflash {month_label(month)}"
        for done, reader in enumerate(readers, 1):
            content, text, html = data.rendered(Profile.of(reader))
            if not content.has_news:
                nothing_new += 1
            else:
                context = {**mails.links(reader), "subscriber": reader, "subject": subject,
                           "body": mark_safe(html), "body_text": text, "label": month_label(month)}
                messages.append(Message(
                    kind=Kind.EDITION, edition=edition, subscriber=reader, to=reader.email, subject=subject,
                    text=render_to_string("flash/mail/edition.txt", context).strip() + "\n",
                    html=render_to_string("flash/mail/edition.html", context),
                    unsubscribe_url=context["unsubscribe_url"],
                ))
            if progress and (done % PROGRESS_EVERY == 0 or done == len(readers)):
                progress(done, len(readers))
        Message.objects.bulk_create(messages, batch_size=500)
        public, public_text, public_html = data.rendered(Profile())
        edition.readers += len(readers)
        edition.nothing_new += nothing_new
        edition.queued += len(messages)
        if created:
            edition.public_html, edition.public_text = public_html, public_text
            edition.changed_lines = len(public.change_groups)
        edition.save()
    return BuildReport(month, created, len(readers), len(messages), nothing_new)
