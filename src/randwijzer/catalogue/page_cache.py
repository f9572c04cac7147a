"""Catalogue pages from the cache, and 304 answers to conditional requests (`@cached_page`).

A page's key is the catalogue version (catalogue.version: every write replaces it), today's date
(deadlines and "open now" follow the calendar), the language and the full address with its query
string, scheme and host (feeds print absolute links). Nothing is ever stale after a write: the next
request simply asks for another key.

Only what is shared is cached: the response to an anonymous visitor without pending messages, and
only when its rendering set no cookie and took no CSRF token. A logged-in visitor's header shows
their own links, so their pages are rendered each time (they are few: editors and members) and
carry a private ETag that includes who they are. Both get `ETag`, `Last-Modified` and
`Cache-Control: no-cache` (a browser keeps the page but asks again each time), and a request that
still has the current page gets 304 before anything is rendered.
"""
from __future__ import annotations

import datetime as dt
import hashlib
from functools import wraps

from django.contrib.messages import get_messages
from django.core.cache import cache
from django.http import HttpResponse
from django.utils import timezone
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers
from django.utils.http import http_date
from django.utils.translation import get_language

from . import version

PAGE_SECONDS = 24 * 60 * 60  # the date is in the key: a page is of no use the next day


def cached_page(view=None, *, depends_on=None):
    """Decorate a GET view of catalogue data. `depends_on(request)` names what else the page is
    made from (e.g. a data file's modification time), so that a change to it is a new key too."""
    def decorate(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            if request.method not in ("GET", "HEAD"):
                return view(request, *args, **kwargs)
            page = Page(request, depends_on(request) if depends_on else "")
            not_modified = get_conditional_response(request, etag=page.etag, last_modified=page.last_modified)
            if not_modified is not None:
                return page.finish(not_modified)
            stored = cache.get(page.key) if page.shared else None
            if stored is not None:
                return page.finish(_response(stored))
            response = view(request, *args, **kwargs)
            if response.status_code != 200 or response.streaming:
                return response
            if page.shared and _storable(request, response):
                cache.set(page.key, _stored(response), PAGE_SECONDS)
            return page.finish(response)
        return wrapper
    return decorate(view) if view is not None else decorate


class Page:
    def __init__(self, request, extra: str):
        state = request.catalogue_version = version.current()
        today = timezone.localdate()
        address = request.build_absolute_uri()
        self.shared = not request.user.is_authenticated and not len(get_messages(request))
        viewer = "anonymous" if not request.user.is_authenticated else f"user-{request.user.pk}"
        page = f"{state.token}|{today.isoformat()}|{get_language()}|{extra}|{address}"
        self.key = "page:" + _digest(page)
        self.etag = '"' + _digest(f"{page}|{viewer}")[:32] + '"'
        # The page changes with the catalogue and at midnight (deadlines): the later of the two.
        midnight = timezone.make_aware(dt.datetime.combine(today, dt.time()))
        self.last_modified = int(max(state.changed_at, midnight).timestamp())

    def finish(self, response):
        response["ETag"] = self.etag
        response["Last-Modified"] = http_date(self.last_modified)
        patch_cache_control(response, no_cache=True, **({} if self.shared else {"private": True}))
        patch_vary_headers(response, ["Cookie"])  # a logged-in visitor sees other links in the header
        return response


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def _storable(request, response) -> bool:
    # A CSRF token or a cookie in the response belongs to this visitor alone.
    return not response.cookies and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE") and not response.has_header("Cache-Control")


def _stored(response) -> tuple:
    return response.content, dict(response.headers)


def _response(stored: tuple) -> HttpResponse:
    content, headers = stored
    return HttpResponse(content, headers=headers)
