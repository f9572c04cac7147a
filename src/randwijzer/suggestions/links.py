"""Where an editor goes to act on a suggestion: the entry's change form in the admin."""
from __future__ import annotations

from django.urls import reverse

from .models import Kind, Suggestion


def admin_target(suggestion: Suggestion) -> tuple[str, str] | None:
    """(url, link text) of the admin form to edit, or None when there is nothing to link to."""
    if suggestion.funding_line_id:
        return (reverse("admin:catalogue_fundingline_change", args=[suggestion.funding_line_id]),
                f"Steunmaatregel ‘{suggestion.funding_line}’ aanpassen in het beheer")
    if suggestion.partner_id:
        return (reverse("admin:catalogue_partner_change", args=[suggestion.partner_id]),
                f"Partner ‘{suggestion.partner}’ aanpassen in het beheer")
    if suggestion.kind == Kind.NEW_FUNDING_LINE:
        return reverse("admin:catalogue_fundingline_add"), "Nieuwe steunmaatregel toevoegen in het beheer"
    if suggestion.kind == Kind.NEW_PARTNER:
        return reverse("admin:catalogue_partner_add"), "Nieuwe partner toevoegen in het beheer"
    return None


def public_target(suggestion: Suggestion) -> str:
    if suggestion.funding_line_id:
        return reverse("catalogue:funding", args=[suggestion.funding_line_id])
    if suggestion.partner_id:
        return reverse("catalogue:partner", args=[suggestion.partner_id])
    return ""
