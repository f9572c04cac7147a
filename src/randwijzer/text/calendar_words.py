"""Month and weekday names as users write them (Dutch, French, English), folded (lower case, no accents).

Used to read dates out of free text; the Dutch display names stay in `dutch.MONTHS`.
"""
from __future__ import annotations

_MONTH_WORDS = (
    ("januari jan janv janvier january", 1),
    ("februari febr feb febuari feburari fevrier fevr fev february", 2),
    ("maart mrt mars march mar", 3),
    ("april apr avril avr", 4),
    ("mei mai may", 5),
    ("juni jun juin june", 6),
    ("juli jul juillet juil july", 7),
    ("augustus aug agustus aout august", 8),
    ("september sept sep septembre", 9),
    ("oktober okt octobre october oct", 10),
    ("november nov novembre", 11),
    ("december dec decembre", 12),
)

# Folded month word -> month number ('juillet' -> 7).
MONTH_NUMBERS: dict[str, int] = {word: number for words, number in _MONTH_WORDS for word in words.split()}

# Month words that are also ordinary words ('may', 'march', 'mars'): read only with a day before them
# or a year after them, never as 'May 2' on their own.
AMBIGUOUS_MONTH_WORDS = frozenset({"may", "mai", "mar", "march", "mars", "jan"})

_WEEKDAY_WORDS = (
    ("maandag lundi monday", 0),
    ("dinsdag mardi tuesday", 1),
    ("woensdag mercredi wednesday", 2),
    ("donderdag jeudi thursday", 3),
    ("vrijdag vendredi friday", 4),
    ("zaterdag samedi saturday", 5),
    ("zondag dimanche sunday", 6),
)

# Folded weekday word -> Python weekday number (Monday 0).
WEEKDAY_NUMBERS: dict[str, int] = {word: number for words, number in _WEEKDAY_WORDS for word in words.split()}

WEEKDAYS_NL = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")


def words_pattern(words) -> str:
    """A regex alternation of words, longest first, so 'juillet' is tried before 'juil'."""
    return "|".join(sorted(words, key=len, reverse=True))
