"""Read a feed document from a file or a URL, with a time-out; the caller passes IPDC's API key where it belongs."""
from __future__ import annotations

import codecs
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import unquote, urlparse

from django.conf import settings

from .rdf import FeedError

ACCEPT = "text/turtle, application/n-triples;q=0.9, application/ld+json;q=0.8, */*;q=0.1"
TIMEOUT_SECONDS = 30
MAX_BYTES = 50 * 1024 * 1024  # one page or dump; a feed that sends more is not a feed we read


def as_location(value: str) -> str:
    """A URL as given, or a file path as a file:// URI (so relative TREE links resolve against it)."""
    if urlparse(value).scheme in ("http", "https", "file"):
        return value
    return Path(value).resolve().as_uri()


def ipdc_key_for(url: str, start: str) -> str | None:
    """IPDC's API key, but only for a page on the host of the IPDC feed's start URL.

    A TREE page may point at any host; the key is a secret of IPDC's and is not sent elsewhere."""
    key = settings.IPDC_API_KEY
    if not key:
        return None
    page, first = urlparse(url), urlparse(start)  # start: IPDC_FEED_URL, or the URL given to the command
    same_host = page.netloc and page.netloc.lower() == first.netloc.lower()
    return key if same_host and page.scheme in ("http", "https") else None


def read(location: str, timeout: float | None = None, api_key: str | None = None) -> tuple[str, str]:
    """(text, content type) of one document; FeedError in Dutch naming it when it cannot be read."""
    timeout = timeout or TIMEOUT_SECONDS
    parsed = urlparse(location)
    if parsed.scheme == "file":
        path = Path(unquote(parsed.path))
        try:
            return path.read_text(encoding="utf-8"), ""
        except FileNotFoundError:
            raise FeedError(f"{path}: bestand bestaat niet.") from None
        except (OSError, UnicodeDecodeError) as exc:
            raise FeedError(f"{path}: kan het bestand niet lezen ({exc}).") from None
    headers = {"Accept": ACCEPT, "User-Agent": "Randwijzer-feeds"}
    if api_key:
        headers["x-api-key"] = api_key
    try:
        with urllib.request.urlopen(urllib.request.Request(location, headers=headers), timeout=timeout) as answer:  # noqa: S310
            body = answer.read(MAX_BYTES + 1)
            if len(body) > MAX_BYTES:
                raise FeedError(f"pagina {location} is groter dan {MAX_BYTES // 1024 // 1024} MB; niet gelezen.")
            charset = answer.headers.get_content_charset() or "utf-8"
            try:
                codecs.lookup(charset)
            except LookupError:
                raise FeedError(f"pagina {location} noemt een onbekende tekenset ({charset}); niet gelezen.") from None
            return body.decode(charset, errors="replace"), answer.headers.get("Content-Type", "")
    except urllib.error.HTTPError as exc:
        raise FeedError(f"pagina {location} antwoordt met status {exc.code}.") from None
    except (TimeoutError, urllib.error.URLError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        if isinstance(reason, TimeoutError) or "timed out" in str(reason):
            raise FeedError(f"pagina {location} antwoordt niet binnen {timeout:g} seconden.") from None
        raise FeedError(f"pagina {location} is niet bereikbaar ({reason}).") from None
