"""What a reader of a funding line would notice: a snapshot of its facts and their Dutch diff.

`snapshot` turns a line into plain JSON values (labels rather than ids, because a reader
sees labels); `diff` compares two snapshots and says every difference in a Dutch sentence.
Both are pure: no database access beyond the prefetched line.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from randwijzer.catalogue.models import LeadTimeReference, ShareBase, SubmissionMode
from randwijzer.catalogue.presenters import FLAG_SENTENCES, FIELD_LABELS
from randwijzer.catalogue.yaml.schema import month_day_code
from randwijzer.text.dutch import format_date_nl, format_euro, format_month_day, join_nl, months_nl


@dataclass(frozen=True)
class FieldChange:
    field: str
    old: Any
    new: Any
    description: str


# What `snapshot` reads beside the line's administrator and territory (prefetch these, nothing more).
SNAPSHOT_RELATIONS = ("themes", "applicant_types", "applicant_types_to_verify", "yearlydeadlines", "callrounds",
                      "conditions", "applicationlimits", "fundedexamples")


def snapshot(line) -> dict:
    """Every fact of `line` that matters to a reader, as JSON-ready values."""
    window = None
    if line.has_activity_window:
        window = {"start": month_day_code(line.window_start_month, line.window_start_day),
                  "end": month_day_code(line.window_end_month, line.window_end_day)}
    return {
        "title": line.title,
        "summary": line.summary,
        "description": line.description,
        "administrator": line.administrator.name,
        "level": line.get_level_display(),
        "status": line.status,
        "status_reason": line.status_reason,
        "themes": sorted(t.label for t in line.themes.all()),
        "applicant_types": sorted(a.label for a in line.applicant_types.all()),
        "applicant_types_to_verify": sorted(a.label for a in line.applicant_types_to_verify.all()),
        "territory": line.territory.name,
        "required_municipality_flags": sorted(line.required_municipality_flags),
        "cost_share_pct": line.cost_share_pct,
        "share_base": line.share_base,
        "co_financing": line.co_financing,
        "max_amount": line.max_amount,
        "total_budget": line.total_budget,
        "budget_period": line.budget_period,
        "max_duration_months": line.max_duration_months,
        "submission_mode": line.submission_mode,
        "yearly_deadlines": sorted(month_day_code(d.month, d.day) for d in line.yearlydeadlines.all()),
        "call_rounds": [
            {"label": c.label, "opens_on": c.opens_on.isoformat() if c.opens_on else None, "closes_on": c.closes_on.isoformat()}
            for c in line.callrounds.all()
        ],
        "lead_time_months": line.lead_time_months,
        "lead_time_reference": line.lead_time_reference,
        "activity_window": window,
        "conditions": [c.text for c in line.conditions.all()],
        "limits": [x.text for x in line.applicationlimits.all()],
        "examples": [e.title for e in line.fundedexamples.all()],
        "contact": {"name": line.contact_name, "email": line.contact_email, "url": line.contact_url},
        "to_verify": dict(sorted(line.to_verify.items())),
        # Last: a new check of the sources is said after what it found changed.
        "verified_on": line.verified_on.isoformat() if line.verified_on else None,
    }


# ---------------------------------------------------------------- wording


def _day(value: str) -> str:
    month, day = value.split("-")
    return format_month_day(int(month), int(day))


def _date(value: str | None) -> str:
    return format_date_nl(dt.date.fromisoformat(value)) if value else ""


def _pct(value) -> str:
    return f"{value}%"


def _months(value) -> str:
    return months_nl(value)


def _window(value) -> str:
    return f"{_day(value['start'])} tot {_day(value['end'])}"


def _quote(value) -> str:
    return f"‘{value}’"


SUBMISSION = dict(SubmissionMode.choices)
LEAD_REFERENCE = dict(LeadTimeReference.choices)

# field: (subject of the sentence, how a value is said)
SCALARS = {
    "title": ("De titel", _quote),
    "administrator": ("De beheerder", str),
    "level": ("Het niveau", str),
    "status": ("De status", str),
    "territory": ("Het werkingsgebied", str),
    "cost_share_pct": ("Het aandeel van de kosten", _pct),
    "share_base": ("Het aandeel geldt nu voor", lambda v: dict(ShareBase.choices).get(v, v)),
    "co_financing": ("Cofinanciering nodig", lambda v: "ja" if v else "nee"),
    "max_amount": ("Het maximumbedrag", format_euro),
    "total_budget": ("Het totale budget", format_euro),
    "budget_period": ("De periode van het budget", _quote),
    "max_duration_months": ("De maximale looptijd", _months),
    "submission_mode": ("De manier van indienen", lambda v: SUBMISSION.get(v, v)),
    "lead_time_months": ("De minimale aanlooptijd", _months),
    "lead_time_reference": ("De aanlooptijd geldt nu voor", lambda v: LEAD_REFERENCE.get(v, v)),
    "activity_window": ("De periode van de activiteit", _window),
}

# Long texts: the new text is shown, not the old one.
TEXTS = {
    "summary": "De samenvatting werd aangepast",
    "description": "De omschrijving werd aangepast",
    "status_reason": "De toelichting bij de status werd aangepast",
}

# field: (what a new item is called, what a removed item is called)
LISTS = {
    "conditions": ("Nieuwe voorwaarde", "Voorwaarde vervallen"),
    "limits": ("Nieuwe beperking", "Beperking vervallen"),
    "examples": ("Nieuw gesteund voorbeeld", "Voorbeeld niet langer vermeld"),
}

# field: (sentence for added labels, sentence for removed labels)
LABEL_SETS = {
    "applicant_types": ("Nu ook aanvragen: {}", "Niet langer aanvragen: {}"),
    "applicant_types_to_verify": ("Nog te verifiëren of ook mag aanvragen: {}", "Niet langer te verifiëren: {}"),
    "themes": ("Nieuw thema: {}", "Thema niet langer: {}"),
}


def _scalar(field: str, old, new) -> str:
    subject, say = SCALARS[field]
    if field == "lead_time_reference":
        return f"{subject} {say(new)}" if new else "De aanlooptijd geldt niet langer voor een vast moment"
    if old is None or old == "":
        return f"{subject} is nu {say(new)}"
    if new is None or new == "":
        return f"{subject} ({say(old)}) wordt niet langer vermeld"
    return f"{subject} wijzigde van {say(old)} naar {say(new)}"


def _deadlines(old: list[str], new: list[str]) -> str:
    if len(old) == len(new) == 1:
        return f"De uiterste indiendatum wijzigde van {_day(old[0])} naar {_day(new[0])}"
    if not old:
        return f"Nieuwe uiterste indiendata: {join_nl(_day(d) for d in new)}"
    if not new:
        return f"Er zijn geen vaste indiendata meer (voordien {join_nl(_day(d) for d in old)})"
    removed = [d for d in old if d not in new]
    added = [d for d in new if d not in old]
    if len(removed) == len(added) == 1:
        return f"De uiterste indiendatum wijzigde van {_day(removed[0])} naar {_day(added[0])}"
    return f"De uiterste indiendata wijzigden van {join_nl(_day(d) for d in old)} naar {join_nl(_day(d) for d in new)}"


def _call(call: dict) -> str:
    if call["opens_on"]:
        return f"{call['label']} (indienen van {_date(call['opens_on'])} tot en met {_date(call['closes_on'])})"
    return f"{call['label']} (indienen tot en met {_date(call['closes_on'])})"


def _call_changes(old: list[dict], new: list[dict]) -> list[FieldChange]:
    before = {c["label"]: c for c in old}
    after = {c["label"]: c for c in new}
    changes = []
    for label, call in after.items():
        was = before.get(label)
        if was is None:
            changes.append(FieldChange("call_rounds", None, call, f"Nieuwe oproep: {_call(call)}"))
        elif was["closes_on"] != call["closes_on"]:
            text = f"De uiterste indiendatum van {label} wijzigde van {_date(was['closes_on'])} naar {_date(call['closes_on'])}"
            changes.append(FieldChange("call_rounds", was, call, text))
        elif was != call:
            text = f"De start van {label} wijzigde van {_date(was['opens_on']) or 'onbekend'} naar {_date(call['opens_on']) or 'onbekend'}"
            changes.append(FieldChange("call_rounds", was, call, text))
    for label, call in before.items():
        if label not in after:
            changes.append(FieldChange("call_rounds", call, None, f"Oproep niet langer vermeld: {_call(call)}"))
    return changes


def _flag_changes(old: list[str], new: list[str]) -> list[FieldChange]:
    changes = []
    for flag in new:
        if flag not in old:
            changes.append(FieldChange("required_municipality_flags", None, flag, f"Nieuwe voorwaarde: {FLAG_SENTENCES.get(flag, flag)}"))
    for flag in old:
        if flag not in new:
            changes.append(FieldChange("required_municipality_flags", flag, None, f"Voorwaarde vervallen: {FLAG_SENTENCES.get(flag, flag)}"))
    return changes


def _to_verify_changes(old: dict, new: dict) -> list[FieldChange]:
    changes = []
    for field, reason in new.items():
        if old.get(field) != reason:
            label = FIELD_LABELS.get(field, field)
            changes.append(FieldChange("to_verify", old.get(field), reason, f"Te verifiëren ({label}): {reason}"))
    for field, reason in old.items():
        if field not in new:
            label = FIELD_LABELS.get(field, field)
            changes.append(FieldChange("to_verify", reason, None, f"Niet langer te verifiëren ({label})"))
    return changes


def _contact(value: dict) -> str:
    return " · ".join(v for v in (value.get("name"), value.get("email"), value.get("url")) if v) or "geen"


def _verified(old: str | None, new: str | None) -> str:
    if new and (not old or new > old):
        return f"Nagekeken aan de bronnen op {_date(new)}" + (f" (vorige controle: {_date(old)})" if old else "")
    return f"De datum van de laatste controle wijzigde van {_date(old) or 'onbekend'} naar {_date(new) or 'onbekend'}"


def diff(before: dict | None, after: dict | None) -> list[FieldChange]:
    """Each difference between two snapshots as a Dutch sentence; [] when nothing a reader sees changed."""
    if before is None and after is None:
        return []
    if before is None:
        return [FieldChange("line", None, after["title"], f"Nieuwe steunmaatregel: {after['title']}")]
    if after is None:
        return [FieldChange("line", before["title"], None, f"Steunmaatregel niet langer in de catalogus: {before['title']}")]
    changes: list[FieldChange] = []
    # The snapshot's key order is the reading order of the sentences.
    for field, old in before.items():
        new = after.get(field)
        if old == new:
            continue
        if field in SCALARS:
            changes.append(FieldChange(field, old, new, _scalar(field, old, new)))
        elif field in TEXTS:
            text = TEXTS[field] + (f": {new}" if new and field != "description" else "")
            changes.append(FieldChange(field, old, new, text))
        elif field == "yearly_deadlines":
            changes.append(FieldChange(field, old, new, _deadlines(old, new)))
        elif field == "call_rounds":
            changes += _call_changes(old, new or [])
        elif field in LISTS:
            added, removed = LISTS[field]
            changes += [FieldChange(field, None, item, f"{added}: {item}") for item in new if item not in old]
            changes += [FieldChange(field, item, None, f"{removed}: {item}") for item in old if item not in new]
        elif field in LABEL_SETS:
            added, removed = LABEL_SETS[field]
            plus, minus = [x for x in new if x not in old], [x for x in old if x not in new]
            if plus:
                changes.append(FieldChange(field, old, new, added.format(join_nl(plus))))
            if minus:
                changes.append(FieldChange(field, old, new, removed.format(join_nl(minus))))
        elif field == "required_municipality_flags":
            changes += _flag_changes(old, new)
        elif field == "to_verify":
            changes += _to_verify_changes(old, new)
        elif field == "verified_on":
            changes.append(FieldChange(field, old, new, _verified(old, new)))
        elif field == "contact":
            changes.append(FieldChange(field, old, new, f"Het contact wijzigde van {_contact(old)} naar {_contact(new)}"))
    return changes
