"""Turn what a user typed into catalogue filters, or say in Dutch why it is unknown.

Shared by the API (answers 422) and the CLI (exits with status 2). Vocabulary values are
matched in Python, so odd input never reaches the database.
"""
import difflib

from randwijzer.catalogue.inputs import InputError, resolve_municipality, shown
from randwijzer.catalogue.models import ApplicantType, Level, PartnerKind, Status, Theme
from randwijzer.text.normalize import fold, name_key

# How each parameter is named in a Dutch message ("Onbekend thema ...").
UNKNOWN = {
    "theme": "Onbekend thema",
    "applicant_type": "Onbekend type aanvrager",
    "status": "Onbekende status",
    "level": "Onbekend niveau",
    "kind": "Onbekende soort partner",
}


class InvalidFilter(InputError):
    """An InputError named the way filters speak: parameter and detail."""

    def __init__(self, parameter: str, detail: str, suggestions: list[str] | None = None):
        super().__init__(parameter, detail, suggestions)

    @property
    def parameter(self) -> str:
        return self.field

    @property
    def detail(self) -> str:
        return self.message


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
    """The one resolver for places (catalogue.inputs), raising InvalidFilter like the other filters."""
    try:
        return resolve_municipality(value, parameter)
    except InputError as error:
        raise InvalidFilter(parameter, error.message, error.suggestions) from None


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
