"""Check that the catalogue's links still answer: every source URL and contact URL.

A link is asked with HEAD (cheap) and, when that fails with a status, again with GET (some
servers refuse or mishandle HEAD). Redirects are followed, up to MAX_REDIRECTS. A link is
broken when it ends in a status of 400 or more, a time-out, a DNS or connection error.
Standard library only: urllib in a thread pool.
"""
from __future__ import annotations

import http.client
import socket
import ssl
import urllib.error
import urllib.parse
import urllib.request
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

from randwijzer.catalogue import models as m

MAX_REDIRECTS = 10
USER_AGENT = "Randwijzer-linkcontrole/1.0"
REASONS_NL = {
    400: "ongeldige aanvraag", 401: "aanmelden vereist", 403: "geen toegang", 404: "niet gevonden",
    405: "methode niet toegestaan", 410: "verdwenen", 429: "te veel aanvragen", 500: "serverfout",
    502: "ongeldige gateway", 503: "dienst niet beschikbaar", 504: "gateway antwoordt niet op tijd",
}


@dataclass
class LinkResult:
    url: str
    ok: bool
    status: int | None = None
    problem: str = ""  # Dutch, for a broken link
    final_url: str = ""
    used_in: list[str] = field(default_factory=list)


def catalogue_links() -> dict[str, list[str]]:
    """{url: where it is used, in Dutch} for every source and contact URL in the catalogue."""
    used = defaultdict(list)
    for source in m.Source.objects.select_related("funding_line", "partner").exclude(url=""):
        owner = source.funding_line or source.partner
        kind = "steunmaatregel" if source.funding_line_id else "partner"
        used[source.url].append(f"bron ‘{source.title}’ van {kind} ‘{owner}’")
    for line in m.FundingLine.objects.exclude(contact_url=""):
        used[line.contact_url].append(f"contactpagina van steunmaatregel ‘{line.title}’")
    for partner in m.Partner.objects.exclude(website=""):
        used[partner.website].append(f"website van partner ‘{partner.name}’")
    municipalities = m.Municipality.objects.exclude(source_url="")
    for url in sorted(set(municipalities.values_list("source_url", flat=True))):
        count = municipalities.filter(source_url=url).count()
        used[url].append(f"bron van de gemeentegegevens ({count} gemeenten)")
    return dict(used)


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    # Redirects are followed by hand, so a HEAD stays a HEAD and every hop is counted.
    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None


_opener = urllib.request.build_opener(_NoRedirect)


def _request(url: str, method: str, timeout: float) -> tuple[int, str]:
    """(final status, final url), following redirects."""
    for _ in range(MAX_REDIRECTS + 1):
        request = urllib.request.Request(url, method=method, headers={"User-Agent": USER_AGENT})
        try:
            with _opener.open(request, timeout=timeout) as response:
                return response.status, url
        except urllib.error.HTTPError as error:
            error.close()
            location = error.headers.get("Location") if error.code in (301, 302, 303, 307, 308) else None
            if not location:
                return error.code, url
            url = urllib.parse.urljoin(url, location)
    raise _TooManyRedirects


class _TooManyRedirects(Exception):
    pass


def _problem(error: BaseException) -> str:
    reason = getattr(error, "reason", error)
    if isinstance(reason, (TimeoutError, socket.timeout)) or "timed out" in str(reason):
        return "antwoordt niet op tijd (time-out)"
    if isinstance(reason, socket.gaierror):
        return "domeinnaam niet gevonden (DNS-fout)"
    if isinstance(reason, ConnectionRefusedError):
        return "verbinding geweigerd"
    if isinstance(reason, ssl.SSLError):
        return f"beveiligde verbinding mislukt ({reason})"
    if isinstance(error, _TooManyRedirects):
        return f"meer dan {MAX_REDIRECTS} doorverwijzingen"
    return f"geen antwoord ({reason})"


def check_url(url: str, timeout: float = 10.0) -> LinkResult:
    try:
        status, final = _request(url, "HEAD", timeout)
        if status >= 400:
            status, final = _request(url, "GET", timeout)
    except (urllib.error.URLError, OSError, http.client.HTTPException, ValueError, _TooManyRedirects) as error:
        return LinkResult(url, False, problem=_problem(error))
    if status >= 400:
        return LinkResult(url, False, status, f"status {status} ({REASONS_NL.get(status, 'fout')})", final)
    return LinkResult(url, True, status, final_url=final)


def check_links(links: dict[str, list[str]], timeout: float = 10.0, concurrency: int = 8) -> list[LinkResult]:
    """Every link checked, in the order of `links`; at most `concurrency` at a time."""
    urls = list(links)
    with ThreadPoolExecutor(max_workers=max(1, concurrency)) as pool:
        results = list(pool.map(lambda url: check_url(url, timeout), urls))
    for result in results:
        result.used_in = links[result.url]
    return results
