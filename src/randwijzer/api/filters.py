"""Turn what a user typed into catalogue filters, or say in Dutch why it is unknown.

Shared by the API (answers 422) and the CLI (exits with status 2). Vocabulary values are
matched in Python, so odd input never reaches the database.
"""
import difflib

from randwijzer.catalogue import places
from randwijzer.catalogue.models import ApplicantType, Level, PartnerKind, Status, Theme
from randwijzer.text.normalize import fold, name_key

# How each parameter is named in a Dutch message ("Onbekend thema ...").
UNKNOWN = {
    "theme": "Onbekend thema",
    "applicant_type": "Onbekend type aanvrager",
    "status": "Onbekende status",
    "level": "Onbekend niveau",
    "kind": "Onbekende soort partner",
    "municipality": "Onbekende gemeente",
}


class InvalidFilter(ValueError):
    def __init__(self, parameter: str, detail: str, suggestions: list[str] | None = None):
        self.parameter = parameter
        self.detail = detail
        self.suggestions = suggestions or []
        super().__init__(detail)


def shown(value: str, limit: int = 60) -> str:
    """The value as quoted back to the user: short, on one line, without control characters."""
    value = " ".join("".join(c if c.isprintable() else " " for c in value).split())
    return value if len(value) <= limit else value[:limit] + "…"


def _given(value: str | None) -> bool:
    return bool(value and value.strip())


def choose(parameter: str, value: str | None, choices: dict[str, str]) -> str | None:
    """The id in `choices` (id -> label) that `value` names, ignoring case and accents."""
    if not _given(value):
        return None
    key = name_key(value)
    for id_, label in choices.items():
        if key and key in (name_key(id_), name_key(label)):
            return id_
    suggestions = difflib.get_close_matches(fold(value.strip()), list(choices), n=3, cutoff=0.6)
    detail = f"{UNKNOWN[parameter]} '{shown(value)}' (parameter {parameter})."
    if suggestions:
        detail += f" Bedoelde u: {', '.join(suggestions)}?"
    detail += f" Mogelijke waarden: {', '.join(choices)}."
    raise InvalidFilter(parameter, detail, suggestions)


def municipality(value: str | None, parameter: str = "municipality"):
    if not _given(value):
        return None
    found = places.find_municipality(value)
    if found is None:
        raise unknown_municipality(value, parameter)
    return found


def unknown_municipality(value: str, parameter: str = "municipality") -> InvalidFilter:
    suggestions = places.suggest_municipalities(value)
    detail = f"{UNKNOWN['municipality']} '{shown(value)}' (parameter {parameter}): geef een NIS-code of een gemeentenaam."
    if suggestions:
        detail += f" Bedoelde u: {', '.join(suggestions)}?"
    return InvalidFilter(parameter, detail, suggestions)


def _vocabulary(model) -> dict[str, str]:
    return dict(model.objects.values_list("id", "label"))


def _common(theme, applicant_type, municipality_text) -> dict:
    return {
        "theme": choose("theme", theme, _vocabulary(Theme)),
        "applicant_type": choose("applicant_type", applicant_type, _vocabulary(ApplicantType)),
        "municipality": municipality(municipality_text),
    }


def funding_filters(theme=None, applicant_type=None, municipality=None, status=None, level=None) -> dict:
    """Keyword arguments for catalogue.search.search_funding."""
    return {
        **_common(theme, applicant_type, municipality),
        "status": choose("status", status, dict(Status.choices)),
        "level": choose("level", level, dict(Level.choices)),
    }


def partner_filters(theme=None, applicant_type=None, municipality=None, kind=None) -> dict:
    """Keyword arguments for catalogue.search.search_partners."""
    return {**_common(theme, applicant_type, municipality), "kind": choose("kind", kind, dict(PartnerKind.choices))}
