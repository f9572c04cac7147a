"""Finding a municipality the way people write their place.

One resolver for every entry point: NIS code, 4-digit postcode, Dutch or French name (any
case, accents, spacing or hyphenation; "St-", "St.", "Sint", "Saint", "Ste", "Sainte"), an
unambiguous short form ("Wezembeek", "Strombeek") and a deelgemeente ("Strombeek-Bever" is Grimbergen).
Postcodes and deelgemeenten come from bpost's postcode list in data/reference/.
"""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from functools import lru_cache

from randwijzer.text.normalize import fold, name_key

from .models import Municipality
from .place_index import SAINTS, PlaceIndex, build_index, one_place, place_key, read_postcode_rows


@dataclass
class Lookup:
    """What a text names: one municipality, several (the user must choose), or nothing."""
    municipality: Municipality | None = None
    candidates: list[Municipality] = field(default_factory=list)
    postcode: str = ""  # set when the text was a postcode

    @property
    def ambiguous(self) -> bool:
        return bool(self.candidates)


def _municipality_tuples() -> list[tuple[str, str, str, str, str | None]]:
    return list(Municipality.objects.values_list("nis_code", "name_nl", "name_fr", "postcode", "merged_into_id"))


@lru_cache(maxsize=1)
def _index_for(count: int) -> PlaceIndex:
    return build_index(_municipality_tuples(), read_postcode_rows())


def index() -> PlaceIndex:
    # The table only changes when the catalogue is loaded; its size tells a new load apart.
    return _index_for(Municipality.objects.count())


# ---------------------------------------------------------------- looking up


def _clean(text: str | None) -> str:
    # No name holds control characters, and PostgreSQL refuses a NUL byte in a query.
    return "".join(c for c in (text or "") if c.isprintable()).strip()[:200]


def _answer(codes: set[str], idx: PlaceIndex, postcode: str = "") -> Lookup:
    codes = one_place(codes, idx)
    found = {m.nis_code: m for m in Municipality.objects.select_related("merged_into").filter(nis_code__in=codes)}
    if len(found) == 1:
        return Lookup(municipality=next(iter(found.values())), postcode=postcode)
    return Lookup(candidates=sorted(found.values(), key=lambda m: m.name_nl), postcode=postcode)


def lookup(text: str | None) -> Lookup:
    """What the text names; see the module docstring for the forms accepted."""
    text = _clean(text)
    if not text:
        return Lookup()
    idx = index()
    compact = text.replace(" ", "")
    if compact.isdigit():
        if len(compact) == 5:
            return _answer({compact} & idx.current.keys(), idx)
        if len(compact) == 4:
            return _answer(idx.postcodes.get(compact, set()), idx, postcode=compact)
        return Lookup()
    postcode_and_name = re.fullmatch(r"(\d{4})\s+(\D.*)", text)
    if postcode_and_name:  # "1640 Sint-Genesius-Rode": the name says which, the postcode if it does not
        named = lookup(postcode_and_name[2])
        return named if named.municipality else lookup(postcode_and_name[1])
    key = place_key(text)
    for table in (idx.names, idx.localities):
        if key in table:
            return _answer(table[key], idx)
    # A short form counts only when it starts the name of exactly one municipality ("Wezembeek"),
    # else of deelgemeenten of one municipality ("Strombeek").
    for table in (idx.prefixes, idx.locality_prefixes):
        short = one_place(table.get(key, set()), idx)
        if len(short) == 1:
            return _answer(short, idx)
    return Lookup()


def suggest_municipalities(text: str, limit: int = 3) -> list[str]:
    """Close Dutch names, for 'bedoelde u ...?' messages."""
    names = {name_key(n): n for n in Municipality.objects.values_list("name_nl", flat=True)}
    keys = difflib.get_close_matches(name_key(text or ""), list(names), n=limit, cutoff=0.6)
    return [names[k] for k in keys]


# ---------------------------------------------------------------- a place named in free text

# Municipality names that are also everyday Dutch, French, English or German words ("een boom
# planten", "as soon as possible", "de lier", "vorst"): they count only after "in", "te" and the like.
COMMON_WORDS = frozenset({
    "as", "ham", "peer", "bree", "lo", "mol", "boom", "lint", "hove", "zele", "halle", "spa", "geel", "bever",
    "essen", "lille", "brecht", "tienen", "vorst", "kapellen", "lier", "balen", "wellen", "ans", "mons", "lens",
    "dour", "silly", "comines", "celles", "flobecq", "herve", "perwez", "ath", "ranst", "olen", "puurs", "lede",
    "haren", "halen", "berg", "meer", "beek", "kessel", "perk", "bevel", "wortel", "lot", "heers", "putte", "alken",
    "manage", "waterloo", "ramillies", "aubel", "profondeville", "wanze",
})
# Words after which a capitalised name is a place: "in Linkebeek", "te Sint-Genesius-Rode", "à Rhode".
PLACE_WORDS = frozenset({"in", "te", "uit", "naar", "nabij", "rond", "à", "gemeente", "stad", "deelgemeente",
                         "commune", "ville"})
# "Van Damme", "De Boom", "Vanden Hove" are people, not places.
SURNAME_WORDS = frozenset({"van", "vande", "vanden", "vander", "de", "der", "den", "ver", "le", "la", "du", "d"})
# Small words that stay lower case inside a name: "Kapelle-op-den-Bos", "Ottignies-Louvain-la-Neuve".
PARTICLES = frozenset({"op", "den", "de", "der", "ten", "ter", "la", "le", "les", "l", "d", "sur", "lez", "les", "en",
                       "aan", "sous", "s", "t", "het", "in", "over", "bij", "heide"})
MIN_SHORT_FORM = 4  # letters: "Le" or "Les" start one name each, but are no short form of it
_WORD = re.compile(r"\w+")


@dataclass
class Phrase:
    """Words that name one municipality."""
    codes: frozenset[str]
    guarded: bool  # needs a place word before it (common word, deelgemeente or short form)


def build_phrases(idx: PlaceIndex) -> dict[tuple[str, ...], Phrase]:
    """Word sequences that name one municipality; official names override deelgemeenten and short forms."""
    phrases: dict[tuple[str, ...], Phrase] = {}
    for key in idx.prefixes.keys() | idx.locality_prefixes.keys():  # "in Strombeek", "te Wezembeek"
        codes = one_place(idx.prefixes.get(key, set()) | idx.locality_prefixes.get(key, set()), idx)
        if len(codes) == 1 and len(key) >= MIN_SHORT_FORM:
            phrases[key] = Phrase(frozenset(codes), True)
    for table, guarded in ((idx.localities, True), (idx.names, False)):
        for key, codes in table.items():
            codes = one_place(codes, idx)
            if len(codes) == 1:
                phrases[key] = Phrase(frozenset(codes), guarded or key in COMMON_WORDS)
            else:  # "Berg" lies in two municipalities: it names neither
                phrases.pop(key, None)
    return phrases


@lru_cache(maxsize=1)
def _phrases_for(count: int) -> dict[str, Phrase]:
    return build_phrases(_index_for(count))


def mentioned_in(text: str) -> Municipality | None:
    """The municipality a free text clearly names, or None (no place, or several different ones).

    "een volksfeest in Linkebeek", "taalcafé te Sint-Genesius-Rode", "1640 Sint-Genesius-Rode" name one;
    "we willen een boom planten" names none. A name counts capitalised and as whole words; a name
    that is also a common word, a deelgemeente or a short form ("in Strombeek") only after a place
    word or a postcode. One pass over the words: linear in the length of the text.
    """
    count = Municipality.objects.count()
    idx = _index_for(count)
    table = _phrases_for(count)
    words = list(_WORD.finditer(text or ""))
    keys = [SAINTS.get(w, w) for w in (fold(m.group()) for m in words)]
    found: list[str] = []
    i = 0
    while i < len(words):
        match = _match_at(text, words, keys, i, table, idx.longest)
        if match is None:
            i += 1
            continue
        code, i = match
        found.append(code)
    currents = {idx.current.get(code, code) for code in found}
    if len(currents) != 1:
        return None
    return Municipality.objects.select_related("merged_into").filter(nis_code=found[0]).first()


def _names_a_person(words, i) -> bool:
    """'Van Damme', 'Jan van Damme' are people; 'het gemeentehuis van Zaventem', 'la commune de Kraainem' places."""
    particle = words[i - 1].group()
    if particle[:1].isupper():
        return True
    return i >= 2 and words[i - 2].group()[:1].isupper()


def _match_at(text, words, keys, i, table, longest) -> tuple[str, int] | None:
    """The longest name starting at word i that counts here, and the index after it."""
    first = words[i].group()
    if not first[:1].isupper():
        return None
    before = words[i - 1] if i else None
    between = text[before.end():words[i].start()] if before else ""
    placed = before is not None and between.strip() == "" and (
        before.group().lower() in PLACE_WORDS or (before.group().isdigit() and len(before.group()) == 4))
    if before is not None and between in ("-", "'"):  # the end of a longer word: "Kasteel-Boom"
        return None
    if before is not None and before.group().lower() in SURNAME_WORDS and between.strip() == "" and _names_a_person(words, i):
        return None
    for size in range(min(longest, len(words) - i), 0, -1):
        last = words[i + size - 1]
        joiners = [text[words[j].end():words[j + 1].start()] for j in range(i, i + size - 1)]
        if any(j not in (" ", "-", ". ", ".-", ".", "'") for j in joiners):
            continue
        phrase = table.get("".join(keys[i:i + size]))
        if phrase is None or (phrase.guarded and not placed):
            continue
        span = words[i:i + size]
        if not placed and any(not w.group()[:1].isupper() and w.group().lower() not in PARTICLES for w in span):
            continue  # "De haan kraait" is no De Haan
        after = text[last.end():last.end() + 2]
        if after[:1] in ("-", "'") and after[1:2].isalnum():  # "Boom-eigenaar" is not Boom
            continue
        return next(iter(phrase.codes)), i + size
    return None
