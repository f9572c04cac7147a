"""Which address a request comes from, also behind our reverse proxy (docs/deployment.md).

Used by everything that counts per client: login throttling (django-axes, AXES_CLIENT_IP_CALLABLE)
and the readers' suggestions rate limit."""
from __future__ import annotations

import ipaddress

from django.conf import settings


def client_ip(request) -> str:
    """The client's address. Behind our reverse proxy (docs/deployment.md) REMOTE_ADDR is the proxy
    for everyone, so then the nearest untrusted address in X-Forwarded-For is the client."""
    trusted = getattr(settings, "TRUSTED_PROXIES", ["127.0.0.1"])
    remote = request.META.get("REMOTE_ADDR", "")
    if not _is_trusted(remote, trusted):
        return remote
    chain = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
    for address in reversed(chain):
        if not _valid_ip(address):
            break  # a malformed entry: whatever is left of it may be forged
        if not _is_trusted(address, trusted):
            return address
    return remote


def _valid_ip(value: str) -> bool:
    try:
        ipaddress.ip_address(value)
    except ValueError:
        return False
    return True


def _is_trusted(address: str, trusted: list[str]) -> bool:
    return "*" in trusted or address in trusted
