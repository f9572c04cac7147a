"""Persistent identifiers: built from an entry's id (a slug that never changes), never from its title.

IRIs live under the site's base URL (`RANDWIJZER_SITE_URL`); the CommonGrants UUID does not even
depend on that, so moving the site keeps every opportunity's id.
"""
from __future__ import annotations

import uuid

from django.conf import settings

# A fixed namespace for uuid5: never change it, or every published opportunity id changes.
OPPORTUNITY_NAMESPACE = uuid.UUID("6f1c3a52-2d0e-5b7a-9c41-52616e64776a")


def site_url() -> str:
    return settings.RANDWIJZER_SITE_URL.rstrip("/")


def absolute(path: str) -> str:
    """A site path ("/open-data/") as an absolute URL."""
    return site_url() + path


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


def opportunity_id(line_id: str) -> uuid.UUID:
    return uuid.uuid5(OPPORTUNITY_NAMESPACE, f"funding-line:{line_id}")
