"""Who may see what: the one place that answers it, for pages, exports and the API alike."""
from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.management import create_permissions
from django.contrib.auth.models import AbstractBaseUser, AnonymousUser, Group, Permission
from django.db import transaction
from django.utils import timezone

from .models import ApiToken, Membership, Organisation, Role, hash_secret, new_secret

EDITORS_GROUP = "Redactie"


def normalize_email(email: str) -> str:
    return (email or "").strip().lower()


def is_editor(user: AbstractBaseUser | AnonymousUser) -> bool:
    return bool(user.is_authenticated and user.is_active and user.groups.filter(name=EDITORS_GROUP).exists())


def organisations_of(user: AbstractBaseUser | AnonymousUser):
    """The organisations whose data this user may see: only through a membership, never by being staff."""
    if not user.is_authenticated or not user.is_active:
        return Organisation.objects.none()
    return Organisation.objects.filter(memberships__user=user)


def membership(user, organisation: Organisation) -> Membership | None:
    if not user.is_authenticated or not user.is_active:
        return None
    return Membership.objects.filter(user=user, organisation=organisation).first()


def is_org_admin(user, organisation: Organisation) -> bool:
    m = membership(user, organisation)
    return m is not None and m.role == Role.ADMIN


def create_api_token(user, name: str) -> tuple[ApiToken, str]:
    """Returns the token and its secret; the secret is shown once and stored only as a hash."""
    raw = new_secret()
    token = ApiToken.objects.create(user=user, name=name, prefix=raw[:8], key_hash=hash_secret(raw))
    return token, raw


def user_for_api_token(raw: str):
    """The active user behind a token, or None; records when it was last used."""
    if not raw:
        return None
    token = ApiToken.objects.select_related("user").filter(key_hash=hash_secret(raw), revoked_at__isnull=True).first()
    if token is None or not token.user.is_active:
        return None
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=timezone.now())
    return token.user


@transaction.atomic
def create_organisation(name: str, slug: str, admin_user, **fields) -> Organisation:
    org = Organisation.objects.create(name=name, slug=slug, **fields)
    Membership.objects.create(user=admin_user, organisation=org, role=Role.ADMIN)
    return org


def api_tokens_of(user):
    return ApiToken.objects.filter(user=user).order_by("revoked_at", "-created_at")


def revoke_api_token(user, token_id: int) -> bool:
    """Revoke one of this user's own tokens; False when there is no such open token."""
    return bool(ApiToken.objects.filter(pk=token_id, user=user, revoked_at__isnull=True).update(revoked_at=timezone.now()))


def user_for_email(email: str):
    """The account behind an e-mail address, whatever its capitals (the oldest, should there be two)."""
    return get_user_model().objects.filter(email__iexact=normalize_email(email)).order_by("pk").first()


def get_or_create_user(email: str):
    """The account for an e-mail address (username = the address, lower-cased); a new one has no password yet."""
    User = get_user_model()
    email = normalize_email(email)
    user = user_for_email(email)
    if user is not None:
        return user, False
    user = User(username=email, email=email)
    user.set_unusable_password()  # they choose one through the mailed link
    user.save()
    return user, True


# What the editors (group "Redactie") may do in the admin: the whole catalogue, and read the change log.
EDITOR_APPS_FULL = ("catalogue",)
EDITOR_APPS_VIEW = ("changes",)


def ensure_editors_group():
    """Create or update the group "Redactie" with its permissions; safe to run again (adds new models' rights)."""
    for label in EDITOR_APPS_FULL + EDITOR_APPS_VIEW:
        create_permissions(apps.get_app_config(label), verbosity=0)  # on a fresh database they may not exist yet
    group, _ = Group.objects.get_or_create(name=EDITORS_GROUP)
    catalogue = Permission.objects.filter(content_type__app_label__in=EDITOR_APPS_FULL)
    # The editing history (django-simple-history's tables) is read, never written by hand: view only.
    full = catalogue.filter(codename__regex=r"^(add|change|delete|view)_").exclude(codename__regex=r"^[a-z]+_historical")
    view = Permission.objects.filter(content_type__app_label__in=EDITOR_APPS_VIEW + EDITOR_APPS_FULL,
                                     codename__startswith="view_")
    group.permissions.add(*full, *view)
    return group


@transaction.atomic
def make_editor(email: str):
    """Create or update an editor: staff (for the admin) and member of "Redactie". Returns (user, created)."""
    user, created = get_or_create_user(email)
    user.is_staff = True
    user.is_active = True
    user.save(update_fields=["is_staff", "is_active"])
    user.groups.add(ensure_editors_group())
    return user, created
