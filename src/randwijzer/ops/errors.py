"""The CSRF failure page (settings.CSRF_FAILURE_VIEW): a Dutch explanation instead of Django's
English one. 400, 403, 404 and 500 use Django's own handlers with our templates (400.html, …)."""
from django.http import HttpResponseForbidden
from django.template.loader import render_to_string


def csrf_failure(request, reason=""):
    # The reason (e.g. "CSRF token missing") is for the logs Django writes, not for the reader.
    return HttpResponseForbidden(render_to_string("403_csrf.html", request=request))
