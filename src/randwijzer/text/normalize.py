"""Text normalisation shared by lookups and search: case- and accent-insensitive."""
import re
import unicodedata

_NON_WORD = re.compile(r"[^a-z0-9]+")


def fold(text: str) -> str:
    """Lower case without accents: 'Rhode-Saint-Genèse' -> 'rhode-saint-genese'."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def name_key(text: str) -> str:
    """A key for names: folded, punctuation and spaces dropped ('Sint Genesius Rode' == 'Sint-Genesius-Rode')."""
    return _NON_WORD.sub("", fold(text))
