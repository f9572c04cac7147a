"""What users type, turned into catalogue objects, or an InputError saying in Dutch what is wrong.

Shared by the API (422), the web forms (a message beside the field) and the CLI (exit status 2).
"""
from __future__ import annotations

import difflib

from randwijzer.text.dutch import join_nl
from randwijzer.text.normalize import fold

from . import places
from .models import ApplicantType, Municipality


class InputError(ValueError):
    """Bad input in one field, with a Dutch message and the values the user may have meant."""

    def __init__(self, field: str, message: str, suggestions: list[str] | None = None, *, reason: str = ""):
        self.field, self.message, self.suggestions = field, message, suggestions or []
        # The message without its "Bedoelde u ...?", for pages that show the suggestions as links.
        self.reason = reason or message
        super().__init__(message)


class AmbiguousPlace(InputError):
    """The value names several municipalities (a shared postcode, a deelgemeente name): the user must choose."""


def shown(value: str, limit: int = 60) -> str:
    """The value as quoted back to the user: short, on one line, without control characters."""
    value = " ".join("".join(c if c.isprintable() else " " for c in value).split())
    return value if len(value) <= limit else value[:limit] + "…"


def _clean(value: str | None) -> str:
    return "".join(c for c in str(value or "") if c.isprintable()).strip()


def resolve_municipality(value: str | None, field: str = "municipality") -> Municipality | None:
    """None for empty input; the municipality the value names; else an InputError with suggestions."""
    value = _clean(value)[:200]
    if not value:
        return None
    found = places.lookup(value)
    if found.municipality is not None:
        return found.municipality
    if found.ambiguous:
        names = [m.name_nl for m in found.candidates]
        if found.postcode:
            message = f"Postcode {found.postcode} hoort bij {join_nl(names)}: welke gemeente bedoelt u?"
        else:
            message = f"'{shown(value)}' ligt {join_nl(f'in {name}' for name in names)}: welke gemeente bedoelt u?"
        raise AmbiguousPlace(field, message, names)
    suggestions = places.suggest_municipalities(value)
    hint = (f" Bedoelde u: {', '.join(suggestions)}?" if suggestions
            else " Geef een gemeentenaam, een deelgemeente, een postcode of een NIS-code.")
    reason = f"Onbekende gemeente '{shown(value)}'."
    raise InputError(field, reason + hint, suggestions, reason=reason)


def applicant_labels() -> dict[str, str]:
    return dict(ApplicantType.objects.values_list("id", "label"))


def resolve_applicant_type(value: str | None, known: dict[str, str] | None = None) -> str | None:
    value = _clean(value)[:200]
    if not value:
        return None
    known = known if known is not None else applicant_labels()
    names = {fold(id_): id_ for id_ in known} | {fold(label): id_ for id_, label in known.items()}
    key = fold(value)
    if key in names:
        return names[key]
    suggestions = sorted({names[c] for c in difflib.get_close_matches(key, list(names), n=3, cutoff=0.5)})
    hint = f" Bedoelde u: {', '.join(suggestions)}?" if suggestions else ""
    raise InputError("applicant_type", f"Onbekend type aanvrager '{value[:80]}'.{hint} Kies uit: {', '.join(known)}.", suggestions)
