"""Who may see what: the one place that answers it, for pages, exports and the API alike."""
from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
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
