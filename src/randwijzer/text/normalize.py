"""Text normalisation shared by lookups and search: case- and accent-insensitive."""
import re
import unicodedata

_NON_WORD = re.compile(r"[^a-z0-9]+")
# Combining marks (accents) of the Basic Multilingual Plane, dropped by one str.translate.
_DROP_MARKS = {c: None for c in range(0x10000) if unicodedata.combining(chr(c))}


def fold(text: str) -> str:
    """Lower case without accents: 'Rhode-Saint-Genèse' -> 'rhode-saint-genese'."""
    return unicodedata.normalize("NFKD", text).translate(_DROP_MARKS).casefold()


def name_key(text: str) -> str:
    """A key for names: folded, punctuation and spaces dropped ('Sint Genesius Rode' == 'Sint-Genesius-Rode')."""
    return _NON_WORD.sub("", fold(text))


def without_surrogates(value):
    """Lone surrogates (valid in JSON, not in UTF-8) are dropped rather than refused."""
    if not isinstance(value, str):
        return value
    return value.encode("utf-8", "ignore").decode("utf-8") if any("\ud800" <= c <= "\udfff" for c in value) else value


def printable(value):
    """Drop control characters and lone surrogates from a name: they never belong in one."""
    value = without_surrogates(value)
    return "".join(c for c in value if c.isprintable()) if isinstance(value, str) else value
