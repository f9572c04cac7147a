"""Response headers Django's own SecurityMiddleware does not set, and a clean answer when the
database is unreachable or cannot write.

Content-Security-Policy comes from django-csp (settings.CONTENT_SECURITY_POLICY); nosniff,
Referrer-Policy, Cross-Origin-Opener-Policy and X-Frame-Options from Django itself."""
import logging

from django.db import InterfaceError, OperationalError, connection
from django.http import HttpResponse, JsonResponse
from django.template.loader import render_to_string

log = logging.getLogger("randwijzer.security")

# No page of the site uses these browser features: a page that is ever injected cannot either.
PERMISSIONS_POLICY = ", ".join(f"{feature}=()" for feature in (
    "camera", "microphone", "geolocation", "payment", "usb", "interest-cohort"))
RETRY_AFTER_SECONDS = "30"


class SecurityHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        return response


# SQLite's words for a database that cannot be written or opened right now.
SQLITE_OUTAGES = ("database or disk is full", "disk i/o error", "readonly database", "database is locked",
                  "unable to open database")


def is_outage(exception: BaseException) -> bool:
    """Is this database error the database being away or unable to write, rather than a bug?"""
    if isinstance(exception, InterfaceError):
        return True  # the connection was closed under us
    if not isinstance(exception, OperationalError):
        return False
    if connection.vendor == "sqlite":
        return any(words in str(exception).lower() for words in SQLITE_OUTAGES)
    # PostgreSQL: the server went away if the connection no longer answers (or never opened).
    return connection.connection is None or not connection.is_usable()


class DatabaseUnavailableMiddleware:
    """A lost database connection (PostgreSQL restarting) or a database that cannot write (disk
    full) is an outage, not a bug: answer 503 with a Dutch explanation and Retry-After instead of
    the generic 500, and drop the broken connection so the next request opens a fresh one."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not is_outage(exception):
            return None  # a bug (e.g. a missing table): the generic 500, logged with its traceback
        first_line = (str(exception).splitlines() or [""])[0]
        log.error("database unavailable: %s: %s", exception.__class__.__name__, first_line)
        connection.close_if_unusable_or_obsolete()
        reason = "De databank kan op dit moment niet bereikt of niet bijgewerkt worden. Probeer het over enkele ogenblikken opnieuw."
        if request.path.startswith("/api/"):
            response = JsonResponse({"detail": reason}, status=503)
        else:
            # Rendered without the request: context processors (the logged-in user) would ask the
            # very database that is gone.
            response = HttpResponse(render_to_string("503.html"), status=503)
        response["Retry-After"] = RETRY_AFTER_SECONDS
        return response
