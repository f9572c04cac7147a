"""A feed's web address, checked as Django checks a URL field; an invalid one is dropped with a note."""
from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator

_valid = URLValidator(schemes=["http", "https"])


def web_address(value: str, notes: list[str]) -> str:
    """The address when it is a valid http(s) URL; else "" and a Dutch note for the report."""
    if not value:
        return ""
    try:
        _valid(value)
    except ValidationError:
        notes.append(f"het webadres '{value[:200]}' is ongeldig en is weggelaten")
        return ""
    return value
