"""Persistent identifiers: built from an entry's id (a slug that never changes), never from its title.

IRIs live under the site's base URL (`RANDWIJZER_SITE_URL`); the CommonGrants UUID does not even
depend on that, so moving the site keeps every opportunity's id.
"""
from __future__ import annotations

import uuid
from urllib.parse import quote, urlsplit

from django.conf import settings

# A fixed namespace for uuid5: never change it, or every published opportunity id changes.
OPPORTUNITY_NAMESPACE = uuid.UUID("6f1c3a52-2d0e-5b7a-9c41-52616e64776a")


def site_url() -> str:
    return settings.RANDWIJZER_SITE_URL.rstrip("/")


def absolute(path: str) -> str:
    """A site path ("/open-data/") as an absolute URL."""
    return site_url() + path


# Characters an IRI may hold as they are; anything else (a space, <, >, ", {, }, |, backslash, ^, `) is
# percent-encoded, so one odd address from a feed cannot break a whole Turtle document.
IRI_SAFE = ":/?#[]@!$&'()*+,;=%~-._"


def web_page(address: str) -> str | None:
    """An http(s) address as a valid IRI, or None when it is no web address at all."""
    address = (address or "").strip()
    if urlsplit(address).scheme.lower() not in ("http", "https") or not urlsplit(address).netloc:
        return None
    return quote(address, safe=IRI_SAFE)


def line_iri(line_id: str) -> str:
    return absolute(f"/id/steunmaatregel/{line_id}")


def partner_iri(partner_id: str) -> str:
    return absolute(f"/id/partner/{partner_id}")


def service_iri(partner_id: str, position: int) -> str:
    # Services have no slug of their own; their place in the partner's list is what the YAML keeps.
    return absolute(f"/id/partner/{partner_id}/dienst/{position}")


def part_iri(owner_iri: str, kind: str, key: str | int = "") -> str:
    """A node that belongs to one record (its criterion, amount, period): under the record's IRI."""
    return f"{owner_iri}/{kind}/{key}" if key != "" else f"{owner_iri}/{kind}"


def call_keys(calls) -> list[tuple[str, object]]:
    """Each call round's key in its IRIs, from its closing day ("oproep-2023-07-10"), not its place in
    the list: a round added or removed later leaves the others' IRIs as they were."""
    found, seen = [], set()
    for call in calls:
        base = f"oproep-{call.closes_on.isoformat()}"
        # Two rounds that close on the same day: the opening day tells them apart, else their order.
        candidates = [base, f"{base}-{call.opens_on.isoformat() if call.opens_on else 'zonder-start'}"]
        key = next((c for c in candidates if c not in seen), None) or f"{base}-{len(found) + 1}"
        seen.add(key)
        found.append((key, call))
    return found


def opportunity_id(line_id: str) -> uuid.UUID:
    return uuid.uuid5(OPPORTUNITY_NAMESPACE, f"funding-line:{line_id}")
