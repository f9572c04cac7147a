"""Setting people up from the command line: a new organisation with its first admin, and editors."""
from django.core.exceptions import ValidationError
from django.core.validators import validate_email, validate_slug
from django.db import transaction

from . import mails
from .errors import AccountsError, MailNotSent
from .models import Organisation
from .services import create_organisation, get_or_create_user, make_editor, normalize_email


def _checked_email(email: str) -> str:
    email = normalize_email(email)
    try:
        validate_email(email)
    except ValidationError:
        raise AccountsError(f"'{email}' is geen geldig e-mailadres.") from None
    if len(email) > 150:
        raise AccountsError("Een e-mailadres mag hoogstens 150 tekens lang zijn.")
    return email


def create_organisation_with_admin(name: str, slug: str, admin_email: str):
    """Create the organisation and make admin_email its admin (creating that account if needed), then mail them.

    Returns (organisation, user, user_created)."""
    name, slug = (name or "").strip(), (slug or "").strip()
    if not name:
        raise AccountsError("Geef de organisatie een naam (--name).")
    try:
        validate_slug(slug)
    except ValidationError:
        raise AccountsError(f"'{slug}' is geen geldige korte naam: gebruik kleine letters, cijfers en koppeltekens, "
                            "bijvoorbeeld gemeente-wemmel.") from None
    email = _checked_email(admin_email)
    if Organisation.objects.filter(slug=slug).exists():
        raise AccountsError(f"Er bestaat al een organisatie met de korte naam '{slug}'.")
    with transaction.atomic():
        user, created = get_or_create_user(email)
        organisation = create_organisation(name, slug, user)
    context = {"organisation": organisation, "user": user, "needs_password": not user.has_usable_password()}
    if context["needs_password"]:
        context.update(link=mails.password_set_url(user), days=mails.link_days())
    _send_or_explain(user, "organisation_admin", context, f"De organisatie '{organisation.name}' is aangemaakt")
    return organisation, user, created


def add_editor(email: str):
    """Make email an editor and mail a link to choose a password. Returns (user, created)."""
    user, created = make_editor(_checked_email(email))
    _send_or_explain(user, "editor", {"user": user, "link": mails.password_set_url(user), "days": mails.link_days(),
                                      "needs_password": not user.has_usable_password()},
                     f"{user.email} is redacteur")
    return user, created


def _send_or_explain(user, template: str, context: dict, done: str) -> None:
    """The account work is kept when the mail fails: say so, and how the person can still get in."""
    try:
        mails.send(user.email, template, context)
    except MailNotSent:
        raise MailNotSent(f"{done}, maar de mail aan {user.email} kon niet verstuurd worden (de mailserver antwoordt "
                          "niet). Probeer later opnieuw, of laat de persoon 'Wachtwoord vergeten' gebruiken op "
                          "/account/wachtwoord/vergeten/.") from None
