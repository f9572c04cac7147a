"""When an entry's data last changed, from its history (not when a source was checked).

The two dates are different facts: a source's `verified_on` says when an editor last checked
it; this says when anything a reader sees on the page was last edited, loaded or restored.
"""
from __future__ import annotations

import datetime as dt

from django.utils import timezone

from . import models as m

LINE_FACTS = (m.Source, m.YearlyDeadline, m.CallRound, m.Condition, m.ApplicationLimit, m.FundedExample, m.Figure)


def _last(histories) -> dt.date | None:
    times = [h.order_by("-history_date").values_list("history_date", flat=True).first() for h in histories]
    times = [t for t in times if t is not None]
    return timezone.localdate(max(times)) if times else None


def line_changed_on(line: m.FundingLine) -> dt.date | None:
    histories = [line.history.all()] + [model.history.filter(funding_line_id=line.pk) for model in LINE_FACTS]
    return _last(histories) or timezone.localdate(line.updated_at)


def partner_changed_on(partner: m.Partner) -> dt.date | None:
    histories = [partner.history.all(), m.Source.history.filter(partner_id=partner.pk),
                 m.Service.history.filter(partner_id=partner.pk)]
    return _last(histories) or timezone.localdate(partner.updated_at)
