"""Strict field types for JSON bodies: dates and amounts checked by catalogue.limits, in Dutch.

A failed check is a pydantic error of type "limits" whose reason api.py shows after the field's
name ("parameter cost mag hoogstens € 1.000.000.000 zijn"), instead of pydantic's "int/float/str".
"""
from __future__ import annotations

import datetime as dt
from typing import Annotated

from ninja import Field
from pydantic import BeforeValidator, ConfigDict
from pydantic_core import PydanticCustomError

from randwijzer.catalogue import limits

# Every JSON body refuses fields it does not know (a typo would otherwise be silently ignored).
STRICT_BODY = ConfigDict(extra="forbid")


def _checked(check):
    def validate(value):
        if value is None:
            return None
        try:
            return check(value)
        except ValueError as exc:
            raise PydanticCustomError("limits", "{reason}", {"reason": str(exc)}) from None
    return validate


def only(kinds: tuple, reason: str):
    """Checks the JSON type only (no bool for a number, no list for text); the service judges the value,
    so all of a dossier's errors come back together, as on the page."""
    def validate(value):
        if value is None or (isinstance(value, kinds) and not isinstance(value, bool)):
            return value
        raise PydanticCustomError("limits", "{reason}", {"reason": reason})
    return validate


Day = Annotated[dt.date | None, BeforeValidator(_checked(limits.parse_day))]
# The range is checked by the validator; the schema only documents it (ge/le would not accept null).
WholeEuros = Annotated[int | None, BeforeValidator(_checked(limits.parse_whole_euros)),
                       Field(json_schema_extra={"minimum": 0, "maximum": limits.MAX_AMOUNT})]
# Dossier amounts and dates: the JSON type here, the value in dossiers.values (with limits).
Euros = Annotated[int | float | str | None, BeforeValidator(only((int, float, str), limits.EUROS))]
DayText = Annotated[dt.date | None, BeforeValidator(only((str,), limits.DAY_FORM))]
