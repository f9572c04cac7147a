"""IPDC's area (`dct:spatial`: LAU and NUTS codes) → a territory; a named area never becomes all of Flanders.

LAU codes (BE24123064 = NUTS3 BE241 + NIS 23064) name one municipality. NUTS codes for a Flemish
province, arrondissement or region are expanded with the municipalities table (province, arrondissement
and region per municipality, Statbel 2020). A code we cannot read keeps the record, with the area
"te verifiëren" in the feed's own codes: the matcher then asks the applicant to check it.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from randwijzer.catalogue import models as m
from randwijzer.text.dutch import join_nl

LAU = re.compile(r"^BE\d{3}(\d{5})$")
# NUTS code → (how a sentence names it, the municipalities table's column, its value)
NUTS = {
    "BE1": ("het Brussels Hoofdstedelijk Gewest", "region", "Brussels Hoofdstedelijk Gewest"),
    "BE10": ("het Brussels Hoofdstedelijk Gewest", "region", "Brussels Hoofdstedelijk Gewest"),
    "BE100": ("het Brussels Hoofdstedelijk Gewest", "region", "Brussels Hoofdstedelijk Gewest"),
    "BE2": ("Vlaanderen", "region", "Vlaams Gewest"),
    "BE21": ("de provincie Antwerpen", "province", "Antwerpen"),
    "BE22": ("de provincie Limburg", "province", "Limburg"),
    "BE23": ("de provincie Oost-Vlaanderen", "province", "Oost-Vlaanderen"),
    "BE24": ("de provincie Vlaams-Brabant", "province", "Vlaams-Brabant"),
    "BE241": ("het arrondissement Halle-Vilvoorde", "arrondissement", "Halle-Vilvoorde"),
    "BE242": ("het arrondissement Leuven", "arrondissement", "Leuven"),
    "BE25": ("de provincie West-Vlaanderen", "province", "West-Vlaanderen"),
}
WHOLE_FLANDERS = "vlaanderen"


@dataclass(frozen=True)
class Area:
    territory_id: str
    name: str
    phrase: str
    nis_codes: tuple[str, ...]
    to_verify: str  # the feed's codes we could not read, in a sentence; empty when every code was read


def code(spatial) -> str:
    return str(spatial).rstrip("/").rsplit("/", 1)[-1]


def area_for(codes: list[str]) -> Area | None:
    """The territory for the feed's codes; None when the feed names no area (then: all of Flanders)."""
    codes = sorted(set(codes))
    if not codes:
        return None
    if codes == ["BE2"]:
        return Area(WHOLE_FLANDERS, "Vlaanderen", "in Vlaanderen", (), "")
    current = m.Municipality.objects.filter(merged_into__isnull=True)
    nis, in_parts, parts, unknown = set(), set(), [], []  # in_parts: named by a NUTS code, not one by one
    for one in codes:
        lau = LAU.match(one)
        known = m.Municipality.objects.filter(nis_code=lau.group(1)).first() if lau else None
        if known is not None:
            nis.add(known.merged_into_id or known.nis_code)  # a merged municipality: what it became
        elif one in NUTS:
            words, column, value = NUTS[one]
            in_parts |= set(current.filter(**{column: value}).values_list("nis_code", flat=True))
            parts.append(words)
        else:
            unknown.append(one)
    nis |= in_parts
    names = sorted(current.filter(nis_code__in=nis - in_parts).values_list("name_nl", flat=True))
    name = join_nl(parts + names)
    to_verify = ""
    if unknown:
        # A code we cannot read may cover any municipality: nobody is excluded, everybody checks.
        nis = set(current.values_list("nis_code", flat=True))
        to_verify = (f"IPDC geeft als gebied ook {', '.join(unknown)}; dat konden we niet aan gemeenten koppelen. "
                     "Ga na of uw gemeente erin ligt.")
        name = f"{name} en ander gebied volgens IPDC" if name else f"Gebied volgens IPDC ({', '.join(unknown)})"
    label = name if len(name) <= 100 else f"{len(nis)} gemeenten volgens IPDC"
    phrase = f"in {label}" if not unknown else f"mogelijk in het gebied dat IPDC opgeeft ({', '.join(codes)})"
    digest = hashlib.sha1(",".join(codes).encode()).hexdigest()[:12]
    return Area(f"feed-{digest}", (label[:1].upper() + label[1:])[:120], phrase[:120], tuple(sorted(nis)), to_verify)


def ensure_territory(area: Area, cache) -> None:
    """Create the area's territory unless it exists (asked through the run's cache: feeds/runcache.py)."""
    if area.territory_id == WHOLE_FLANDERS or cache.exists(m.Territory, area.territory_id):
        return
    territory = m.Territory.objects.create(id=area.territory_id, name=area.name, phrase=area.phrase,
                                           description="Het gebied dat IPDC voor dit product opgeeft.")
    territory.municipalities.set(area.nis_codes)
    cache.created(m.Territory, area.territory_id)
