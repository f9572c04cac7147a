"""The one permission check for the editors' pages (ledger, staleness page, suggestion review).

An editor is an active member of the group Redactie, or a superuser. Being staff is not enough:
staff rights may be given for another part of the admin (docs/security.md)."""
from __future__ import annotations

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.shortcuts import render
from django.urls import reverse

from .services import is_editor


def can_edit(user) -> bool:
    return bool(user.is_authenticated and user.is_active and (user.is_superuser or is_editor(user)))


def editors_only(forbidden_template: str):
    """Anonymous: to the admin's login. Logged in but no editor: the Dutch 403 page `forbidden_template`."""
    def decorate(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path(), reverse("admin:login"))
            if not can_edit(request.user):
                return render(request, forbidden_template, status=403)
            return view(request, *args, **kwargs)
        return wrapped
    return decorate
