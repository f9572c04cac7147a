"""Plain snapshots of the catalogue that the rule engine reads.

The engine works on these frozen dataclasses, not on ORM objects: rules stay pure
functions, and a snapshot of 100,000 lines can be evaluated without touching the database.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Prefetch

from randwijzer.catalogue import models as m


@dataclass(frozen=True)
class CallFacts:
    label: str
    opens_on: dt.date | None
    closes_on: dt.date


@dataclass(frozen=True, slots=True)
class LineFacts:
    id: str
    title: str
    status: str
    status_reason: str
    administrator: str
    territory_id: str
    territory_name: str
    territory_phrase: str
    territory_members: frozenset[str]
    territory_basis: str
    applicant_types: frozenset[str]
    applicant_types_to_verify: frozenset[str]
    required_flags: tuple[str, ...]
    cost_share_pct: int | None
    max_amount: int | None
    max_duration_months: int | None
    submission_mode: str
    yearly_deadlines: tuple[tuple[int, int], ...]
    call_rounds: tuple[CallFacts, ...]
    lead_time_months: int | None
    lead_time_reference: str
    window: tuple[tuple[int, int], tuple[int, int]] | None
    checks: tuple[str, ...]
    purposes: tuple[str, ...]
    to_verify: dict = field(hash=False, compare=False)
    share_base: str = "project_cost"  # what cost_share_pct is a share of
    co_financing: bool = False
    status_as_of: str = ""  # the year status_reason describes ("Stand van zaken 2024"); empty: not tied to a time
    conditions_as_of: dict = field(default_factory=dict, hash=False, compare=False)  # condition text -> its year


@dataclass(frozen=True)
class MunicipalityFacts:
    nis_code: str
    name: str
    wies_status: str
    wies_note: str
    in_vlaamse_rand: bool
    facility_municipality: bool
    merged_from: str | None = None  # the name the user gave, when it merged into this one
    merged_on: dt.date | None = None


def municipality_facts(municipality: m.Municipality) -> MunicipalityFacts:
    """Facts of the municipality as it exists today: a merged one answers for what it became."""
    current = municipality.merged_into or municipality
    return MunicipalityFacts(
        nis_code=current.nis_code,
        name=current.name_nl,
        wies_status=current.wies_status,
        wies_note=current.wies_note,
        in_vlaamse_rand=current.in_vlaamse_rand,
        facility_municipality=current.facility_municipality,
        merged_from=municipality.name_nl if municipality.merged_into_id else None,
        merged_on=municipality.merged_on,
    )


def territory_members() -> dict[str, frozenset[str]]:
    members: dict[str, set[str]] = {}
    for territory_id, nis in m.Territory.municipalities.through.objects.values_list("territory_id", "municipality_id"):
        members.setdefault(territory_id, set()).add(nis)
    return {t: frozenset(codes) for t, codes in members.items()}


def line_facts(lines, members: dict[str, frozenset[str]]) -> list[LineFacts]:
    return [_line(line, members) for line in lines]


def load_line_facts(queryset=None) -> list[LineFacts]:
    queryset = queryset if queryset is not None else m.FundingLine.objects.all()
    lines = queryset.select_related("administrator", "territory").prefetch_related(
        "applicant_types", "applicant_types_to_verify", "yearlydeadlines", "callrounds",
        Prefetch("conditions", queryset=m.Condition.objects.exclude(kind=m.ConditionKind.INFO)),
    )
    return line_facts(lines, territory_members())


def _line(line: m.FundingLine, members) -> LineFacts:
    window = None
    if line.has_activity_window:
        window = ((line.window_start_month, line.window_start_day), (line.window_end_month, line.window_end_day))
    return LineFacts(
        id=line.id,
        title=line.title,
        status=line.status,
        status_reason=line.status_reason,
        administrator=line.administrator.name,
        territory_id=line.territory_id,
        territory_name=line.territory.name,
        territory_phrase=line.territory.phrase,
        territory_members=members.get(line.territory_id, frozenset()),
        territory_basis=line.territory_basis,
        applicant_types=frozenset(a.id for a in line.applicant_types.all()),
        applicant_types_to_verify=frozenset(a.id for a in line.applicant_types_to_verify.all()),
        required_flags=tuple(line.required_municipality_flags),
        cost_share_pct=line.cost_share_pct,
        share_base=line.share_base,
        co_financing=line.co_financing,
        max_amount=line.max_amount,
        max_duration_months=line.max_duration_months,
        submission_mode=line.submission_mode,
        yearly_deadlines=tuple((d.month, d.day) for d in line.yearlydeadlines.all()),
        call_rounds=tuple(CallFacts(c.label, c.opens_on, c.closes_on) for c in line.callrounds.all()),
        lead_time_months=line.lead_time_months,
        lead_time_reference=line.lead_time_reference,
        window=window,
        checks=tuple(c.text for c in line.conditions.all() if c.kind == m.ConditionKind.CHECK),
        purposes=tuple(c.text for c in line.conditions.all() if c.kind == m.ConditionKind.PURPOSE),
        to_verify=dict(line.to_verify),
        status_as_of=line.status_as_of,
        conditions_as_of={c.text: c.as_of for c in line.conditions.all() if c.as_of},
    )
