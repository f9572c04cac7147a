"""Login throttling, two limits (docs/security.md):

- django-axes counts failures per e-mail address and client address: 5 lock that pair for 15 minutes;
- password spraying (one address trying many accounts, each a few times) never trips that lock, so the
  failures of one client address across all accounts are counted too (ops.ratelimit, per clock hour):
  past LOGIN_FAILURES_PER_ADDRESS every login from that address is refused with a Dutch 429 until the
  hour is over, before any password is checked."""
from django.contrib.auth.backends import BaseBackend, ModelBackend
from django.contrib.auth.signals import user_login_failed
from django.core.exceptions import PermissionDenied
from django.dispatch import receiver
from django.shortcuts import render
from django.utils import timezone

from randwijzer.ops import ratelimit
from randwijzer.ops.clients import client_ip

from .services import normalize_email

LOGIN_FAILURES_PER_ADDRESS = 20  # failed logins per client address per clock hour, over all accounts
SCOPE = "login-ip"


def login_email(request, credentials=None) -> str:
    """AXES_USERNAME_CALLABLE: the login field ("username", holding the e-mail), lower-cased."""
    raw = (credentials or {}).get("username")
    if raw is None and request is not None:
        raw = request.POST.get("username", "")
    return normalize_email(raw)


def _key(request) -> str:
    return ratelimit.client_key("ip", client_ip(request))


@receiver(user_login_failed, dispatch_uid="randwijzer.accounts.count_failure_per_address")
def count_failure(sender, credentials, request=None, **kwargs):
    if request is not None and not getattr(request, "login_address_limited", False):
        ratelimit.record(SCOPE, [_key(request)])


class AddressLimitBackend(BaseBackend):
    """First in AUTHENTICATION_BACKENDS: refuses every login from an address past the limit. It never
    logs anyone in; get_user is ModelBackend's, for sessions made with the first backend (force_login)."""

    def authenticate(self, request, **credentials):
        if request is None:
            return None
        if ratelimit.count(SCOPE, _key(request), timezone.now()) >= LOGIN_FAILURES_PER_ADDRESS:
            request.login_address_limited = True
            raise PermissionDenied("too many failed logins from this address")
        return None

    def get_user(self, user_id):
        return ModelBackend().get_user(user_id)


class AddressLimitMiddleware:
    """Turns a login refused by AddressLimitBackend into the Dutch 429 page (the login views themselves
    would only say the password is wrong)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if getattr(request, "login_address_limited", False):
            retry = timezone.localtime(ratelimit.retry_at(timezone.now()))
            return render(request, "accounts/address_limited.html",
                          {"limit": LOGIN_FAILURES_PER_ADDRESS, "retry": f"{retry:%H:%M}"}, status=429)
        return response
