"""What every standard reads from the catalogue: the lines and partners with their details, their
dates (from the one date engine, through the deadline service) and when each record was made."""
from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Max, Min

from randwijzer.catalogue.models import PLACEHOLDER_PARTNERS, FundingLine, Partner
from randwijzer.deadlines import services as deadlines

# How far ahead the published dates reach: the same year the calendar feed holds.
DAYS_AHEAD = deadlines.FEED_FUTURE_DAYS


def funding_lines(line_id: str | None = None) -> list[FundingLine]:
    # The administrator's territory (every standard names it) and the line's municipalities (CommonGrants
    # lists them) in the same few queries for any number of lines.
    lines = (FundingLine.objects.with_details().select_related("administrator__territory")
             .prefetch_related("territory__municipalities").order_by("id"))
    if line_id is not None:
        lines = lines.filter(pk=line_id)
    return list(lines)


def partners(partner_id: str | None = None) -> list[Partner]:
    found = Partner.objects.exclude(pk__in=PLACEHOLDER_PARTNERS).prefetch_related("themes", "services__audiences", "services__themes", "sources",
                                             "administered_lines").select_related("territory").order_by("id")
    if partner_id is not None:
        found = found.filter(pk=partner_id)
    return list(found)


def open_line_ids(reference: dt.date) -> set[str]:
    """Lines one can apply to on `reference` (the catalogue's own rule per submission mode)."""
    return set(FundingLine.objects.open_on(reference).values_list("pk", flat=True))


def upcoming_dates(reference: dt.date) -> dict[str, list[deadlines.Item]]:
    """Per line: its deadlines and windows in the coming year, as the deadline pages list them."""
    query = deadlines.parse_query(reference=reference, days=DAYS_AHEAD)
    found: dict[str, list[deadlines.Item]] = defaultdict(list)
    for item in deadlines.find(query):
        found[item.line.pk].append(item)
    return found


@dataclass(frozen=True)
class Stamps:
    created: dt.datetime
    modified: dt.datetime


def line_stamps(lines: list[FundingLine]) -> dict[str, Stamps]:
    """When each line's record was first stored (its oldest history row) and last changed."""
    first = dict(FundingLine.history.filter(id__in=[line.pk for line in lines])
                 .values("id").annotate(first=Min("history_date")).values_list("id", "first"))
    return {line.pk: Stamps(min(first.get(line.pk) or line.updated_at, line.updated_at), line.updated_at)
            for line in lines}


def last_modified(model) -> dt.datetime | None:
    """The last change to the model's rows: an edit (updated_at) or a deletion (its history record)."""
    stamps = [model.objects.aggregate(last=Max("updated_at"))["last"],
              model.history.filter(history_type="-").aggregate(last=Max("history_date"))["last"]]
    return max((s for s in stamps if s is not None), default=None)
