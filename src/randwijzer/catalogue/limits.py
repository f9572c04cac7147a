"""The one range for every date and amount a user may give, and the checks API, pages and CLI share.

Dates lie between 1900 and 2100: wide enough for any project, round, decision or report
(the catalogue itself starts after 1990), narrow enough that date arithmetic (a reminder two
weeks before, a year after) never leaves Python's calendar. Amounts are at most
€ 1.000.000.000: a thousand times the largest funding line in the catalogue, so no real
project is refused, while a typo such as 10^30 is. Each helper raises ValueError with a Dutch
reason that reads after the field's name ("Kostprijs: moet ...").
"""
from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal, InvalidOperation

FIRST_DAY, LAST_DAY = dt.date(1900, 1, 1), dt.date(2100, 12, 31)
MAX_AMOUNT = 1_000_000_000  # euro
_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_WHOLE = re.compile(r"[0-9]+")  # ASCII digits only: int() would also read "٣"
_CENTS = re.compile(r"[0-9]+(\.[0-9]{1,2})?")

DAY_FORM = "moet een datum zijn in de vorm JJJJ-MM-DD"
DAY_RANGE = f"moet tussen {FIRST_DAY.year} en {LAST_DAY.year} liggen"
WHOLE_EUROS = "moet een bedrag in hele euro zijn (een geheel getal, bijvoorbeeld 4000)"
EUROS = "moet een bedrag in euro zijn (hoogstens 2 cijfers na de komma, bijvoorbeeld 1500 of 1500.50)"
AMOUNT_RANGE = "mag hoogstens € 1.000.000.000 zijn"
NEGATIVE = "mag niet negatief zijn"


def check_day(day: dt.date) -> dt.date:
    """A date inside the one range."""
    if not FIRST_DAY <= day <= LAST_DAY:
        raise ValueError(DAY_RANGE)
    return day


def parse_day(value) -> dt.date:
    """A date object or the text YYYY-MM-DD, inside the range (a datetime or a number is refused)."""
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return check_day(value)
    if not isinstance(value, str) or not _DAY.fullmatch(value.strip()):
        raise ValueError(DAY_FORM)
    try:
        day = dt.date.fromisoformat(value.strip())
    except ValueError:
        raise ValueError(DAY_FORM) from None
    return check_day(day)


def check_amount(amount):
    """An amount (int or Decimal) between 0 and MAX_AMOUNT."""
    if amount < 0:
        raise ValueError(NEGATIVE)
    if amount > MAX_AMOUNT:
        raise ValueError(AMOUNT_RANGE)
    return amount


def parse_whole_number(value, reason: str = "moet een geheel getal zijn") -> int:
    """An int (not a bool), a float without fraction, or digits as text ("4000", not "1e3" or "4000.5")."""
    if isinstance(value, bool):
        raise ValueError(reason)
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, str):
        text = value.strip()
        if not _WHOLE.fullmatch(text.removeprefix("-")) or len(text) > 20:
            raise ValueError(reason)
        value = int(text)
    if not isinstance(value, int):
        raise ValueError(reason)
    return value


def parse_whole_euros(value) -> int:
    """Whole euros (parse_whole_number) inside the range."""
    return check_amount(parse_whole_number(value, WHOLE_EUROS))


def parse_euros(value) -> Decimal:
    """Euros with at most two decimals: a number (not a bool) or text like "1500.50"; inside the range."""
    if isinstance(value, bool):
        raise ValueError(EUROS)
    try:
        if isinstance(value, str):
            text = value.strip()
            if not _CENTS.fullmatch(text.removeprefix("-")) or len(text) > 30:
                raise ValueError(EUROS)
            amount = Decimal(text)
        elif isinstance(value, float):
            amount = Decimal(repr(value))
        elif isinstance(value, (int, Decimal)):
            amount = Decimal(value)
        else:
            raise ValueError(EUROS)
    except InvalidOperation:
        raise ValueError(EUROS) from None
    if not amount.is_finite():
        raise ValueError(EUROS)
    check_amount(amount)
    if amount != amount.quantize(Decimal("0.01")):
        raise ValueError("mag hoogstens 2 cijfers na de komma hebben")
    return amount.quantize(Decimal("0.01"))


def has_lone_surrogate(text: str) -> bool:
    """A lone surrogate ("\\ud800") is valid in JSON but not in UTF-8: no database can store it."""
    return any("\ud800" <= c <= "\udfff" for c in text)
