"""Staff pages of the editors (the rest of their work is in the Django admin)."""
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import render
from django.utils import timezone

from . import staleness


def staff_only(view):
    """Anonymous: to the admin's login. Logged in but not staff: a Dutch 403, not the page."""
    def wrapped(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path(), "admin:login")
        if not (request.user.is_active and request.user.is_staff):
            return render(request, "editorial/forbidden.html", status=403)
        return view(request, *args, **kwargs)
    wrapped.__name__ = view.__name__
    wrapped.__doc__ = view.__doc__
    return wrapped


@staff_only
def stale(request):
    today = timezone.localdate()
    return render(request, "editorial/stale.html", {
        "items": staleness.stale_items(today),
        "cutoff": staleness.stale_cutoff(today),
        "months": staleness.MAX_AGE_MONTHS,
        "doubts": staleness.doubts(),
        "municipalities": staleness.municipality_doubts(),
    })
