"""The WIES buyer check: does a household meet the criteria of a WIES-koper?

The thresholds are dated data in data/wies/buyer-criteria.yaml (2023 figures), validated
with pydantic and read at run time; the file is read again when it changes. A threshold the
sources do not state (the lower income bound for couples) is `null` and answers "na te gaan".
"""
from __future__ import annotations

import datetime as dt
import threading
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from django.conf import settings
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from randwijzer.text.dutch import format_date_nl, format_euro, format_number

from .errors import WiesDataError, WiesInputError

PASS, FAIL, UNKNOWN, INFO = "pass", "fail", "unknown", "info"
MEETS, DOES_NOT_MEET, UNCERTAIN = "meets", "does_not_meet", "uncertain"
HOUSEHOLD_TYPES = {"single": "alleenstaande", "couple": "koppel"}
MAX_INCOME = 10_000_000  # a plausibility bound that catches typing errors


# ---------------------------------------------------------------- the data file


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class SourceData(Strict):
    title: str
    url: str = Field(pattern=r"^https?://")


class Dated(Strict):
    text: str
    year: int = Field(ge=2000, le=2100)
    sources: list[str] = Field(min_length=1)
    verified_on: dt.date


class LocalTies(Dated):
    years_required: int = Field(ge=1)
    consecutive: bool
    window_years: int = Field(ge=1)


class Bounds(Strict):
    min: int | None = Field(ge=0)
    max: int | None = Field(ge=0)


class Income(Dated):
    single: Bounds
    couple: Bounds
    to_verify: dict[str, str] = {}


class Residence(Dated):
    years: int = Field(ge=1)


class Criteria(Strict):
    local_ties: LocalTies
    no_other_property: Dated
    income: Income
    residence: Residence


class BuyerCriteria(Strict):
    sources: dict[str, SourceData]
    criteria: Criteria

    @model_validator(mode="after")
    def _known_sources(self):
        for name in Criteria.model_fields:
            for key in getattr(self.criteria, name).sources:
                if key not in self.sources:
                    raise ValueError(f"criteria.{name}: onbekende bron '{key}'")
        return self

    @property
    def years(self) -> list[int]:
        return sorted({getattr(self.criteria, name).year for name in Criteria.model_fields})


def criteria_path() -> Path:
    return Path(getattr(settings, "WIES_DATA_DIR", settings.PROJECT_DIR / "data" / "wies")) / "buyer-criteria.yaml"


_cache: dict[Path, tuple[int, BuyerCriteria]] = {}
_lock = threading.Lock()


def read_criteria(path: Path) -> BuyerCriteria:
    """Parse and validate one file; WiesDataError names the file and the problems."""
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
        return BuyerCriteria.model_validate(raw)
    except OSError as exc:
        raise WiesDataError(f"{path}: kan niet gelezen worden ({exc.strerror}).") from None
    except yaml.YAMLError as exc:
        raise WiesDataError(f"{path}: geen geldige YAML ({exc}).") from None
    except ValidationError as exc:
        problems = "; ".join(f"{'.'.join(str(p) for p in e['loc']) or '(bestand)'}: {e['msg']}" for e in exc.errors())
        raise WiesDataError(f"{path}: {problems}") from None


def load_criteria(path: Path | None = None) -> BuyerCriteria:
    """The criteria, cached until the file changes."""
    path = path or criteria_path()
    try:
        stamp = path.stat().st_mtime_ns
    except OSError:
        raise WiesDataError(f"{path}: het bestand met de WIES-kopercriteria ontbreekt.") from None
    with _lock:
        cached = _cache.get(path)
        if cached and cached[0] == stamp:
            return cached[1]
        criteria = read_criteria(path)
        _cache[path] = (stamp, criteria)
        return criteria


# ---------------------------------------------------------------- the check


@dataclass
class CriterionResult:
    criterion: str
    outcome: str
    explanation: str
    year: int
    verified_on: dt.date
    sources: list[SourceData]


@dataclass
class BuyerCheck:
    verdict: str
    summary: str
    criteria: list[CriterionResult]
    notes: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {
            "verdict": self.verdict,
            "summary": self.summary,
            "criteria": [
                {"criterion": c.criterion, "outcome": c.outcome, "explanation": c.explanation, "year": c.year,
                 "verified_on": c.verified_on.isoformat(), "sources": [s.model_dump() for s in c.sources]}
                for c in self.criteria
            ],
            "notes": list(self.notes),
        }


def _int(field_name: str, value, label: str, low: int, high: int) -> int:
    if isinstance(value, bool) or value is None:
        raise WiesInputError(field_name, f"{label} moet een geheel getal zijn.")
    try:
        number = int(str(value).strip()) if not isinstance(value, int) else value
    except ValueError:
        raise WiesInputError(field_name, f"{label} moet een geheel getal zijn.") from None
    if not low <= number <= high:
        raise WiesInputError(field_name, f"{label} moet tussen {format_number(low)} en {format_number(high)} liggen.")
    return number


def _household(value) -> str:
    text = str(value or "").strip().lower()
    for key, label in HOUSEHOLD_TYPES.items():
        if text in (key, label, "alleenstaand" if key == "single" else "koppel"):
            return key
    raise WiesInputError("household_type", "Kies het soort huishouden: single (alleenstaande) of couple (koppel).")


def _bool(value) -> bool:
    if isinstance(value, bool):
        return value
    raise WiesInputError("owns_other_property", "Zeg of het huishouden ander vastgoed bezit: ja (true) of nee (false).")


def check_buyer(years_lived, owns_other_property, household_type, income, criteria: BuyerCriteria | None = None) -> BuyerCheck:
    """Per criterion pass / fail / unknown (the sources do not say) / info (a commitment), and the verdict."""
    data = criteria or load_criteria()
    c = data.criteria
    years = _int("years_lived", years_lived, "Het aantal jaren", 0, c.local_ties.window_years)
    owns = _bool(owns_other_property)
    kind = _household(household_type)
    income = _int("income", income, "Het inkomen", 0, MAX_INCOME)

    def result(name: str, outcome: str, text: str) -> CriterionResult:
        item = getattr(c, name)
        return CriterionResult(name, outcome, text, item.year, item.verified_on, [data.sources[k] for k in item.sources])

    ties = c.local_ties
    where = "in de gemeente of een buurgemeente"
    if years >= ties.years_required:
        local = result("local_ties", PASS, f"U woonde {years} opeenvolgende jaren van de laatste {ties.window_years} {where}; "
                                           f"minstens {ties.years_required} is nodig.")
    else:
        local = result("local_ties", FAIL, f"U woonde {years} opeenvolgende {'jaar' if years == 1 else 'jaren'} van de laatste "
                                           f"{ties.window_years} {where}; er zijn er minstens {ties.years_required} nodig.")
    prop = (result("no_other_property", FAIL, "Het huishouden bezit ander vastgoed: een WIES-koper mag geen ander vastgoed bezitten.")
            if owns else result("no_other_property", PASS, "Het huishouden bezit geen ander vastgoed."))
    results = [local, prop, result("income", *_income(c.income, kind, income)),
               result("residence", INFO, f"Als WIES-koper verbindt u zich ertoe {c.residence.years} jaar in de woning te wonen.")]

    outcomes = {r.outcome for r in results}
    if FAIL in outcomes:
        verdict, summary = DOES_NOT_MEET, "Het huishouden voldoet niet aan alle voorwaarden van een WIES-koper."
    elif UNKNOWN in outcomes:
        verdict, summary = UNCERTAIN, "Het huishouden voldoet aan de gekende voorwaarden, maar niet alles is zeker: zie wat na te gaan is."
    else:
        verdict, summary = MEETS, "Het huishouden voldoet aan de voorwaarden van een WIES-koper."
    years_text = ", ".join(str(y) for y in data.years)
    notes = [f"Bedragen van {years_text}: de gemeente past de bedragen die vandaag gelden toe."]
    if c.income.to_verify.get("definition"):
        notes.append(f"Te verifiëren: {c.income.to_verify['definition']}")
    return BuyerCheck(verdict, summary, results, notes)


def _income(rule: Income, kind: str, income: int) -> tuple[str, str]:
    bounds = rule.single if kind == "single" else rule.couple
    who = "een alleenstaande" if kind == "single" else "een koppel"
    amount = format_euro(income)
    if bounds.max is not None and income > bounds.max:
        return FAIL, f"Uw inkomen ({amount}) ligt boven de bovengrens van {format_euro(bounds.max)} voor {who}."
    if bounds.min is not None and income < bounds.min:
        return FAIL, f"Uw inkomen ({amount}) ligt onder de ondergrens van {format_euro(bounds.min)} voor {who}."
    if income in (bounds.min, bounds.max):
        return UNKNOWN, (f"Uw inkomen ({amount}) is precies de grens voor {who}. Of de grens zelf nog meetelt, "
                         "zeggen onze bronnen niet: na te gaan.")
    if bounds.min is None:
        reason = rule.to_verify.get(f"{kind}_min", f"Een ondergrens voor {who} staat niet in onze bronnen.")
        upper = f"ligt niet boven de bovengrens van {format_euro(bounds.max)} voor {who}" if bounds.max is not None else "heeft geen gekende bovengrens"
        return UNKNOWN, f"Uw inkomen ({amount}) {upper}. Na te gaan: {reason}"
    if bounds.max is None:
        return UNKNOWN, f"Uw inkomen ({amount}) ligt boven de ondergrens van {format_euro(bounds.min)}; een bovengrens voor {who} staat niet in onze bronnen: na te gaan."
    return PASS, (f"Uw inkomen ({amount}) ligt tussen {format_euro(bounds.min)} en {format_euro(bounds.max)}, "
                  f"de grenzen voor {who}.")


def thresholds_in_dutch(data: BuyerCriteria | None = None) -> list[dict]:
    """The thresholds as the page shows them: text, year, verified date, sources, doubts."""
    data = data or load_criteria()
    rows = []
    for name in Criteria.model_fields:
        item = getattr(data.criteria, name)
        doubts = list(getattr(item, "to_verify", {}).values())
        rows.append({"criterion": name, "text": item.text, "year": item.year, "verified_on": format_date_nl(item.verified_on),
                     "sources": [data.sources[k] for k in item.sources], "to_verify": doubts})
    return rows
