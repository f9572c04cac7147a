"""The site's URLs plus views that fail on purpose, for the error-page tests (test_security.py)."""
from django.core.exceptions import PermissionDenied, SuspiciousOperation
from django.urls import path

from randwijzer.urls import urlpatterns as site_urlpatterns

SECRET_DETAIL = "kapot-detail-7f3a SELECT password FROM auth_user /srv/randwijzer/settings.py"


def crash(request):
    raise RuntimeError(SECRET_DETAIL)


def forbidden(request):
    raise PermissionDenied(SECRET_DETAIL)


def suspicious(request):
    raise SuspiciousOperation(SECRET_DETAIL)


urlpatterns = [
    path("test-kapot/", crash),
    path("test-verboden/", forbidden),
    path("test-verdacht/", suspicious),
    *site_urlpatterns,
]
