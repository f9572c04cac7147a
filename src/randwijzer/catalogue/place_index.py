"""The index of place names and postcodes, built from our municipality table and bpost's list.

Pure data work, no database: catalogue.places builds it once per process and looks things up.
"""
from __future__ import annotations

import csv
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings

from randwijzer.text.normalize import fold

POSTCODE_FILES = ("bpost-postcodes-nl-2020.csv", "bpost-postcodes-fr-2020.csv")
_IS_PLACE = {"ja": True, "oui": True, "neen": False, "non": False}  # empty: an organisation, not a place
# "St", "St." and "Saint" are written for "Sint" too: one token for all of them.
SAINTS = {"sint": "st", "saint": "st", "st": "st", "sinte": "ste", "sainte": "ste", "ste": "ste"}
_TOKEN = re.compile(r"[a-z0-9]+")


def tokens(text: str) -> tuple[str, ...]:
    """Folded words with the saint abbreviations made one: 'St.-Pieters-Leeuw' -> ('st', 'pieters', 'leeuw')."""
    return tuple(SAINTS.get(t, t) for t in _TOKEN.findall(fold(text)))


def place_key(text: str) -> str:
    return "".join(tokens(text))


@dataclass(frozen=True)
class PostcodeRow:
    postcode: str
    place: str
    main: str


@dataclass
class PlaceIndex:
    names: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    localities: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    postcodes: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    prefixes: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    locality_prefixes: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    longest: int = 1  # words in the longest name
    current: dict[str, str] = field(default_factory=dict)  # NIS code -> the NIS code it lives on in


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


def one_place(codes: set[str], idx: PlaceIndex) -> set[str]:
    """Codes that all lie in one municipality today count as that one."""
    currents = {idx.current.get(c, c) for c in codes}
    return currents if len(codes) > 1 and len(currents) == 1 else codes
