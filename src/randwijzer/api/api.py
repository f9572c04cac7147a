"""The JSON API under /api/v1: one router per domain, errors always as Dutch JSON."""
import django.core.exceptions
import pydantic
from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.http import Http404
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, ValidationError

from randwijzer.catalogue.inputs import InputError

from . import deadlines, funding, match, municipalities, partners, plan, wies

api = NinjaAPI(title="Randwijzer API", version="1", description="Steunmaatregelen en partners voor de Vlaamse Rand.")
api.add_router("/funding", funding.router)
api.add_router("/partners", partners.router)
api.add_router("/municipalities", municipalities.router)
api.add_router("/match", match.router)
api.add_router("/wies", wies.router)
wies.register_errors(api)
api.add_router("/plan", plan.router)
api.add_router("/deadlines", deadlines.router)
api.add_router("/dossiers", "randwijzer.api.dossiers.router")  # bearer token; an organisation's own dossiers

# Dutch words for the pydantic errors that query parameters and JSON bodies can raise.
REASONS = {
    "limits": "{reason}",
    "extra_forbidden": "is onbekend: laat dit veld weg (zie /api/v1/docs voor de velden)",
    "bool_type": "moet true of false zijn",
    "bool_parsing": "moet true of false zijn",
    "float_type": "moet een getal zijn",
    "float_parsing": "moet een getal zijn",
    "list_type": "moet een lijst zijn",
    "dict_type": "moet een JSON-object zijn",
    "date_type": "moet een datum zijn in de vorm JJJJ-MM-DD",
    "date_parsing": "moet een datum zijn in de vorm JJJJ-MM-DD",
    "date_from_datetime_parsing": "moet een datum zijn in de vorm JJJJ-MM-DD",
    "string_unicode": "bevat ongeldige tekens",
    "less_than_equal": "mag hoogstens {le} zijn",
    "greater_than": "moet meer dan {gt} zijn",
    "literal_error": "moet een van deze waarden zijn: {expected}",
    "string_too_long": "is te lang (maximaal {max_length} tekens)",
    "missing": "ontbreekt",
    "string_type": "moet tekst zijn",
    "too_long": "is te lang (maximaal {max_length} tekens)",
    "day": "{reason}",
    "greater_than_equal": "moet minstens {ge} zijn",
    "int_type": "moet een geheel getal zijn",
    "int_parsing": "moet een geheel getal zijn",
    "int_from_float": "moet een geheel getal zijn",
    "model_attributes_type": "moet een JSON-object zijn",
}


def _reason(error: dict) -> str:
    template = REASONS.get(error.get("type", ""), "heeft een ongeldige waarde")
    try:
        return template.format(**error.get("ctx", {}))
    except (KeyError, IndexError):
        return "heeft een ongeldige waarde"


def _parameter(error: dict) -> str | None:
    # loc is e.g. ("query", "filters", "q") or ("body", "payload", "cost"): the last part names the
    # parameter; a union's member types ("int", "str", "function-before[...]") are no names.
    loc = [str(part) for part in error.get("loc", ()) if not isinstance(part, int) and not _is_type_name(str(part))]
    return loc[-1] if len(loc) > 1 else None


def _is_type_name(part: str) -> bool:
    return part in {"int", "float", "str", "bool", "list", "dict", "none"} or "[" in part


def _first_per_parameter(errors: list[dict]) -> list[dict]:
    # A union reports one error per member type: one reason per field is what a reader needs.
    seen, kept = set(), []
    for error in errors:
        if _parameter(error) not in seen:
            seen.add(_parameter(error))
            kept.append(error)
    return kept


@api.exception_handler(AuthenticationError)
def not_authenticated(request, exc):
    body = {"detail": "Aanmelden vereist: stuur een geldige API-sleutel mee als 'Authorization: Bearer <sleutel>' "
                      "(aan te maken op /account/sleutels/).", "parameter": None, "suggestions": []}
    response = api.create_response(request, body, status=401)
    response["WWW-Authenticate"] = "Bearer"
    return response


# Bad input in one field (InvalidFilter and MatchInputError are InputErrors too).
@api.exception_handler(InputError)
def invalid_input_field(request, exc: InputError):
    body = {"detail": exc.message, "parameter": exc.field, "suggestions": exc.suggestions}
    return api.create_response(request, body, status=422)


@api.exception_handler(ValidationError)
def invalid_input(request, exc: ValidationError):
    errors = _first_per_parameter(exc.errors) or [{}]
    parts = [f"parameter {_parameter(e) or '?'} {_reason(e)}" for e in errors]
    body = {"detail": "Ongeldige invoer: " + "; ".join(parts) + ".", "parameter": _parameter(errors[0]), "suggestions": []}
    return api.create_response(request, body, status=422)


# Validation errors that escape a route are bad input, not a crash: answer 422, not 500.
@api.exception_handler(pydantic.ValidationError)
@api.exception_handler(django.core.exceptions.ValidationError)
def unexpected_validation_error(request, exc):
    return api.create_response(request, {"detail": "Ongeldige invoer.", "parameter": None, "suggestions": []}, status=422)


@api.exception_handler(Http404)
def not_found(request, exc):
    return api.create_response(request, {"detail": "Niet gevonden."}, status=404)


# A body above DATA_UPLOAD_MAX_MEMORY_SIZE: JSON like every API answer, not Django's HTML 400 page.
@api.exception_handler(RequestDataTooBig)
def body_too_large(request, exc):
    limit = f"{settings.DATA_UPLOAD_MAX_MEMORY_SIZE / 2**20:.1f}".replace(".", ",")
    body = {"detail": f"Het verzoek is te groot: hoogstens {limit} MB.", "parameter": None, "suggestions": []}
    return api.create_response(request, body, status=413)


# A request body that is not JSON is bad input like any other: 422 with a Dutch reason, not
# django-ninja's English 400 (found by the API fuzzer, tests/e2e/test_api_fuzz.py).
@api.exception_handler(HttpError)
def http_error(request, exc: HttpError):
    if exc.status_code == 400 and str(exc).startswith("Cannot parse request body"):
        body = {"detail": "Ongeldige invoer: de inhoud van het verzoek is geen geldige JSON.", "parameter": None,
                "suggestions": []}
        return api.create_response(request, body, status=422)
    return api.create_response(request, {"detail": str(exc)}, status=exc.status_code)
