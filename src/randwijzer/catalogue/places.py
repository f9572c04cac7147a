"""Finding a municipality the way people write their place.

One resolver for every entry point: NIS code, 4-digit postcode, Dutch or French name (any
case, accents, spacing or hyphenation; "St-", "St.", "Sint", "Saint", "Ste", "Sainte"), an
unambiguous short form ("Wezembeek") and a deelgemeente ("Strombeek-Bever" is Grimbergen).
Postcodes and deelgemeenten come from bpost's postcode list in data/reference/.
"""
from __future__ import annotations

import csv
import difflib
import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from django.conf import settings

from randwijzer.text.normalize import fold, name_key

from .models import Municipality

# bpost's lists (Dutch and French): postcode, place, deelgemeente yes/no, main municipality, province.
POSTCODE_FILES = ("bpost-postcodes-nl-2020.csv", "bpost-postcodes-fr-2020.csv")
_IS_PLACE = {"ja": True, "oui": True, "neen": False, "non": False}  # empty: an organisation, not a place
# "St", "St." and "Saint" are written for "Sint" too: one token for all of them.
_SAINTS = {"sint": "st", "saint": "st", "st": "st", "sinte": "ste", "sainte": "ste", "ste": "ste"}
_TOKEN = re.compile(r"[a-z0-9]+")


def tokens(text: str) -> tuple[str, ...]:
    """Folded words with the saint abbreviations made one: 'St.-Pieters-Leeuw' -> ('st', 'pieters', 'leeuw')."""
    return tuple(_SAINTS.get(t, t) for t in _TOKEN.findall(fold(text)))


def place_key(text: str) -> str:
    return "".join(tokens(text))


@dataclass(frozen=True)
class PostcodeRow:
    postcode: str
    place: str
    main: str


@dataclass
class Lookup:
    """What a text names: one municipality, several (the user must choose), or nothing."""
    municipality: Municipality | None = None
    candidates: list[Municipality] = field(default_factory=list)
    postcode: str = ""  # set when the text was a postcode

    @property
    def ambiguous(self) -> bool:
        return bool(self.candidates)


@dataclass
class PlaceIndex:
    names: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    localities: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    postcodes: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    prefixes: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    locality_prefixes: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    longest: int = 1  # words in the longest name
    current: dict[str, str] = field(default_factory=dict)  # NIS code -> the NIS code it lives on in
    name_of: dict[str, str] = field(default_factory=dict)


# ---------------------------------------------------------------- the postcode list


def read_postcode_rows(directory: Path | None = None) -> list[PostcodeRow]:
    directory = directory or Path(settings.PROJECT_DIR) / "data" / "reference"
    rows = []
    for name in POSTCODE_FILES:
        with open(directory / name, encoding="utf-8", newline="") as handle:
            for record in list(csv.reader(handle))[1:]:
                if len(record) >= 4 and record[2].strip().lower() in _IS_PLACE:
                    rows.append(PostcodeRow(record[0].strip(), record[1].strip(), record[3].strip()))
    return rows


def map_row(row: PostcodeRow, by_name: dict[str, set[str]], by_postcode: dict[str, set[str]],
            merged_into: dict[str, str | None]) -> set[str]:
    """The municipalities of our table a bpost row belongs to.

    The list may be newer or older than our table. When it names a newer main municipality
    (Tollembeek in Pajottegem), the municipality of our table with that main postcode that
    merged into it is the more precise answer (Galmaarden); when it names one we do not know
    at all, the one with that main postcode is.
    """
    same_postcode = by_postcode.get(row.postcode, set())
    main = _near(row, by_name.get(place_key(row.main), set()), by_postcode)
    if main:
        older = {nis for nis in same_postcode if merged_into.get(nis) in main}
        return older or set(main)
    itself = by_name.get(place_key(row.place), set()) & same_postcode
    if itself or len(same_postcode) == 1:
        return itself or set(same_postcode)
    # bpost adds the region to a few names ("Beveren-Waas", "Moerbeke-Waas"): then the leading words name it.
    words = tokens(row.main)
    for size in range(len(words) - 1, 0, -1):
        found = _near(row, by_name.get("".join(words[:size]), set()), by_postcode)
        if found:
            return set(found)
    return set()


def _near(row: PostcodeRow, found: set[str], by_postcode: dict[str, set[str]]) -> set[str]:
    """Of two municipalities with one name (Saint-Nicolas is also Sint-Niklaas in French), the one near the postcode."""
    if len(found) < 2:
        return found
    near = {nis for code, codes in by_postcode.items() if code[:2] == row.postcode[:2] for nis in codes & found}
    return near or found


def build_index(municipalities: list[tuple[str, str, str, str, str | None]], rows: list[PostcodeRow]) -> PlaceIndex:
    """From (nis, name_nl, name_fr, postcode, merged_into) tuples and bpost rows."""
    index = PlaceIndex()
    by_postcode: dict[str, set[str]] = defaultdict(set)
    merged_into = {}
    for nis, name_nl, name_fr, postcode, into in municipalities:
        index.current[nis] = into or nis
        index.name_of[nis] = name_nl
        merged_into[nis] = into
        if postcode:
            by_postcode[postcode].add(nis)
        for name in {name_nl, name_fr} - {""}:
            index.names[place_key(name)].add(nis)
            _add_prefixes(index.prefixes, tokens(name), {nis})
            index.longest = max(index.longest, len(tokens(name)))
    for row in rows:
        found = map_row(row, index.names, by_postcode, merged_into)
        if found:
            index.postcodes[row.postcode] |= found
            index.localities[place_key(row.place)] |= found
            _add_prefixes(index.locality_prefixes, tokens(row.place), found)
            index.longest = max(index.longest, len(tokens(row.place)))
    return index


def _add_prefixes(table: dict[str, set[str]], words: tuple[str, ...], codes: set[str]) -> None:
    for size in range(1, len(words)):
        table["".join(words[:size])] |= codes


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


def _one_place(codes: set[str], idx: PlaceIndex) -> set[str]:
    """Codes that all lie in one municipality today count as that one."""
    currents = {idx.current.get(c, c) for c in codes}
    return currents if len(codes) > 1 and len(currents) == 1 else codes


def _answer(codes: set[str], idx: PlaceIndex, postcode: str = "") -> Lookup:
    codes = _one_place(codes, idx)
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
    short = _one_place(idx.prefixes.get(key, set()), idx)
    # A short form counts only when it starts the name of exactly one municipality.
    return _answer(short, idx) if len(short) == 1 else Lookup()


def find_municipality(text: str | None) -> Municipality | None:
    """The one municipality the text names, or None (unknown or ambiguous)."""
    return lookup(text).municipality


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
        codes = _one_place(idx.prefixes.get(key, set()) | idx.locality_prefixes.get(key, set()), idx)
        if len(codes) == 1 and len(key) >= MIN_SHORT_FORM:
            phrases[key] = Phrase(frozenset(codes), True)
    for table, guarded in ((idx.localities, True), (idx.names, False)):
        for key, codes in table.items():
            codes = _one_place(codes, idx)
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
    keys = [_SAINTS.get(w, w) for w in (fold(m.group()) for m in words)]
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
    if before is not None and before.group().lower() in SURNAME_WORDS and between.strip() == "":
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
