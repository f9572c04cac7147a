"""The funding plan: for one project and its total cost, the lines the matcher finds eligible or
uncertain, each with its estimated amount, the part left for the applicant, and warnings.

Nothing here knows a funding line by name. Co-financing is read from the line's share of the
costs and its `co_financing` fact; whether lines may be combined is never assumed, because the
sources do not say: the plan asks the applicant to check it.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from randwijzer.catalogue import limits
from randwijzer.catalogue.models import ConditionKind, FundingLine
from randwijzer.matching.rules import UNKNOWN
from randwijzer.matching.service import FundingMatch, MatchInputError, match_project
from randwijzer.text.dutch import format_euro, format_number, join_nl
from randwijzer.text.normalize import fold

MAX_COST = limits.MAX_AMOUNT
IN_PLAN = ("eligible", "uncertain")
# Conditions about money that a reader of a plan should see next to the amount.
ABOUT_MONEY = re.compile(r"\d\s*%|procent|kost|bedrag|co-?financ|subsidie per")


@dataclass
class PlanLine:
    id: str
    title: str
    eligibility: str
    estimated_amount: int | None
    share_pct: int | None
    max_amount: int | None
    warnings: list[str] = field(default_factory=list)
    to_check: list[str] = field(default_factory=list)
    co_financing: bool = False
    next_deadline: dt.date | None = None


@dataclass
class FundingPlan:
    cost: int
    lines: list[PlanLine]
    total_estimated_eligible: int
    total_estimated_with_uncertain: int
    own_part: int
    own_part_with_uncertain: int
    warnings: list[str]
    notes: list[str]

    @property
    def eligible(self) -> list[PlanLine]:
        return [line for line in self.lines if line.eligibility == "eligible"]

    @property
    def uncertain(self) -> list[PlanLine]:
        return [line for line in self.lines if line.eligibility == "uncertain"]

    @property
    def uncertain_counted(self) -> bool:
        """Whether an uncertain line has an estimated amount, so "with uncertain" differs."""
        return any(line.estimated_amount is not None for line in self.uncertain)


def check_cost(cost) -> int:
    if cost is None or cost == "":
        raise MatchInputError("cost", "Geef de totale kostprijs van het project in hele euro, bijvoorbeeld 4000.")
    if isinstance(cost, bool) or not isinstance(cost, int):
        raise MatchInputError("cost", "De kostprijs moet een bedrag in hele euro zijn, bijvoorbeeld 4000.")
    if cost <= 0:
        raise MatchInputError("cost", "De kostprijs moet groter zijn dan € 0.")
    if cost > MAX_COST:
        raise MatchInputError("cost", f"Geef een kostprijs van hoogstens € {format_number(MAX_COST)}.")
    return cost


def _count(n: int, one: str, many: str) -> str:
    return one.format(n=n) if n == 1 else many.format(n=n)


def _sentence(text: str) -> str:
    text = " ".join(text.split())
    return text if text.endswith((".", "!", "?")) else text + "."


def plan_line(match: FundingMatch, line: FundingLine, cost: int) -> PlanLine:
    amount, share, cap = match.estimated_amount, line.cost_share_pct, line.max_amount
    item = PlanLine(match.id, match.title, match.eligibility, amount, share, cap, next_deadline=match.apply_by)
    conditions = [c for c in line.conditions.all() if c.kind == ConditionKind.INFO]
    warnings = item.warnings
    if amount is None:
        text = "Bedrag onbekend: de bronnen noemen niet welk deel van de kosten deze steun dekt."
        if cap is not None:
            text += f" Het maximum is {format_euro(cap)} per project."
        warnings.append(text)
    if share is not None and share < 100:
        item.co_financing = True
        rest = f"; de overige {format_euro(cost - amount)} komt uit eigen of andere middelen" if amount is not None else ""
        warnings.append(f"Cofinanciering nodig: deze steun dekt tot {share}% van de kosten{rest}.")
    elif line.co_financing:
        item.co_financing = True
        warnings.append("Cofinanciering nodig: een deel van de kosten komt uit eigen of andere middelen.")
    if amount is not None and cap is not None and share is not None and cost * share // 100 > cap:
        warnings.append(f"Begrensd: deze steun is maximaal {format_euro(cap)} per project.")
    for field_name in ("financial", "cost_share_pct", "max_amount"):
        if line.to_verify.get(field_name):
            warnings.append(f"Te verifiëren: {_sentence(line.to_verify[field_name])}")
    for condition in conditions:
        if ABOUT_MONEY.search(fold(condition.text)):
            warnings.append(f"Let op: {_sentence(condition.text)}")
    if match.eligibility == "uncertain":
        if amount is not None:
            warnings.append("Onzeker: dit bedrag telt alleen mee als ook deze steun toegekend wordt.")
        else:
            warnings.append("Onzeker: ga eerst na of u deze steun kunt krijgen.")
    item.to_check += [reason.explanation for reason in match.reasons if reason.outcome == UNKNOWN]
    return item


def plan_warnings(plan_lines: list[PlanLine], cost: int, eligible_total: int, with_uncertain: int) -> list[str]:
    warnings = []
    if not plan_lines:
        return ["Geen enkele steunmaatregel uit de catalogus komt in aanmerking of is onzeker: "
                "het eigen deel is de volledige kostprijs."]
    co_financed = [line.title for line in plan_lines if line.co_financing]
    if co_financed:
        warnings.append(f"Cofinanciering nodig bij {join_nl(co_financed)}: een deel van de kosten komt uit eigen of andere middelen.")
    if len(plan_lines) > 1:
        warnings.append(
            f"Dit plan telt {len(plan_lines)} steunmaatregelen samen voor dezelfde kosten. De bronnen zeggen niet "
            "dat dat mag: vraag na of u deze steun mag combineren."
        )
    if eligible_total > cost:
        warnings.append(
            f"De geschatte bedragen samen ({format_euro(eligible_total)}) zijn hoger dan de kostprijs "
            f"({format_euro(cost)}). Het eigen deel staat daarom op € 0; dat is een schatting, geen toezegging: "
            "vraag na of u deze steun mag combineren."
        )
    uncertain = [line for line in plan_lines if line.eligibility == "uncertain"]
    uncertain_known = [line for line in uncertain if line.estimated_amount is not None]
    if uncertain:
        text = _count(len(uncertain), "1 steunmaatregel is onzeker", "{n} steunmaatregelen zijn onzeker")
        text += " en telt apart" if len(uncertain) == 1 else " en tellen apart"
        if uncertain_known:
            text += (f": als ook deze toegekend wordt, komt de geschatte steun op {format_euro(with_uncertain)} "
                     f"en het eigen deel op {format_euro(max(cost - with_uncertain, 0))}.")
        else:
            text += "; het bedrag is onbekend." if len(uncertain) == 1 else "; hun bedrag is onbekend."
        warnings.append(text)
    if eligible_total <= cost < with_uncertain:
        warnings.append(
            f"Met de onzekere steun erbij zijn de geschatte bedragen samen ({format_euro(with_uncertain)}) hoger dan "
            f"de kostprijs ({format_euro(cost)}): vraag na of u deze steun mag combineren."
        )
    unknown = [line.title for line in plan_lines if line.estimated_amount is None]
    if unknown:
        warnings.append(
            f"Bedrag onbekend voor {join_nl(unknown)}: "
            + ("deze steunmaatregel telt" if len(unknown) == 1 else "deze steunmaatregelen tellen")
            + " niet mee in de totalen."
        )
    return warnings


def plan_project(text: str, municipality: str | None, applicant_type: str | None, cost: int,
                 reference: dt.date | None = None, start: dt.date | None = None, end: dt.date | None = None) -> FundingPlan:
    """A funding plan; raises MatchInputError for a missing or impossible cost, or what match_project refuses."""
    cost = check_cost(cost)
    result = match_project(text, municipality, applicant_type, reference=reference, start=start, end=end, cost=cost)
    # Lines on topic that apply now: those that fit, and those with something to check.
    chosen = [f for f in result.funding if f.group in ("fits", "check") and f.eligibility in IN_PLAN]
    chosen.sort(key=lambda f: IN_PLAN.index(f.eligibility))  # stable: the matcher's order within each group
    lines = FundingLine.objects.prefetch_related("conditions").in_bulk([f.id for f in chosen])
    plan_lines = [plan_line(f, lines[f.id], cost) for f in chosen if f.id in lines]
    eligible_total = sum(line.estimated_amount or 0 for line in plan_lines if line.eligibility == "eligible")
    with_uncertain = eligible_total + sum(line.estimated_amount or 0 for line in plan_lines if line.eligibility == "uncertain")
    return FundingPlan(
        cost=cost,
        lines=plan_lines,
        total_estimated_eligible=eligible_total,
        total_estimated_with_uncertain=with_uncertain,
        own_part=max(cost - eligible_total, 0),
        own_part_with_uncertain=max(cost - with_uncertain, 0),
        warnings=plan_warnings(plan_lines, cost, eligible_total, with_uncertain),
        notes=list(result.notes),
    )


def plan_to_dict(plan: FundingPlan) -> dict:
    """The plan as JSON data (the API's answer)."""
    return {
        "cost": plan.cost,
        "lines": [
            {"id": line.id, "title": line.title, "eligibility": line.eligibility,
             "estimated_amount": line.estimated_amount, "share_pct": line.share_pct, "max_amount": line.max_amount,
             "warnings": list(line.warnings), "to_check": list(line.to_check)}
            for line in plan.lines
        ],
        "total_estimated_eligible": plan.total_estimated_eligible,
        "total_estimated_with_uncertain": plan.total_estimated_with_uncertain,
        "own_part": plan.own_part,
        "own_part_with_uncertain": plan.own_part_with_uncertain,
        "warnings": [*plan.notes, *plan.warnings],
    }
