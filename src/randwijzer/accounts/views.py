"""The account pages: log in and out, passwords, my organisations, members and invitations, API tokens.

Thin views: a form, one service call, a page. The services say in Dutch what went wrong.
"""
import axes.utils
from django.contrib import messages
from django.contrib.auth import get_user_model, login
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse, reverse_lazy
from django.utils import timezone
from django.utils.http import urlencode
from django.views.decorators.http import require_POST

from randwijzer.ops import ratelimit
from randwijzer.ops.clients import client_ip
from randwijzer.ops.ratelimit import RateLimited

from . import invitations, mailqueue, members
from .errors import AccountsError, InvitationProblem, LastAdmin, NotAllowed
from .forms import (ApiTokenForm, DutchPasswordResetForm, DutchSetPasswordForm,
                    EmailAuthenticationForm, InviteForm, NewAccountForm, RoleForm)
from .services import (api_tokens_of, create_api_token, is_org_admin, normalize_email, organisations_of, revoke_api_token,
                       user_for_email)

EMAIL_BACKEND = "randwijzer.accounts.backends.EmailBackend"
RESET_LIMIT_PER_HOUR = 3  # password-reset requests per client IP address and per e-mail address (docs/security.md)


class ThenRedirect(HttpResponseRedirect):
    """A redirect that runs `then` when the WSGI server closes it, i.e. after the answer went out."""

    def __init__(self, url, then):
        super().__init__(url)
        self._then = then

    def close(self):
        try:
            self._then()
        finally:
            super().close()


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    authentication_form = EmailAuthenticationForm
    redirect_authenticated_user = True


class LogoutView(auth_views.LogoutView):
    http_method_names = ["post", "options"]


class PasswordResetView(auth_views.PasswordResetView):
    form_class = DutchPasswordResetForm
    template_name = "accounts/password_reset.html"
    email_template_name = "accounts/mail/password_reset.txt"
    subject_template_name = "accounts/mail/password_reset_subject.txt"
    success_url = reverse_lazy("accounts:password_reset_done")

    def form_valid(self, form):
        """Count, queue the address, answer; the mail leaves after the response (accounts.mailqueue).

        The same statements for an address with and without an account: the answer's timing tells nothing."""
        email = form.cleaned_data["email"]
        try:
            with transaction.atomic():
                ratelimit.hit("password-reset", ratelimit.client_keys(ip=client_ip(self.request), email=email),
                              RESET_LIMIT_PER_HOUR)
                queued = mailqueue.queue_password_reset(email)
        except RateLimited as exc:
            limited = (f"Er kwamen het afgelopen uur al {RESET_LIMIT_PER_HOUR} aanvragen binnen van uw "
                       f"internetverbinding of voor dit e-mailadres. Dat is het maximum. Probeer het opnieuw na "
                       f"{timezone.localtime(exc.retry_at):%H:%M} uur.")
            return self.render_to_response(self.get_context_data(form=form, limited=limited), status=429)
        return ThenRedirect(self.get_success_url(), then=lambda: mailqueue.send_after_response([queued.pk]))


class PasswordResetDoneView(auth_views.PasswordResetDoneView):
    template_name = "accounts/password_reset_done.html"


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    form_class = DutchSetPasswordForm
    template_name = "accounts/password_reset_confirm.html"
    success_url = reverse_lazy("accounts:password_reset_complete")

    def form_valid(self, form):
        response = super().form_valid(form)
        # Whoever can read the mailbox may try again at once: lift a lockout on this address.
        axes.utils.reset(username=normalize_email(form.user.email))
        return response


class PasswordResetCompleteView(auth_views.PasswordResetCompleteView):
    template_name = "accounts/password_reset_complete.html"


def problem(request, title: str, message: str, status: int):
    return render(request, "accounts/problem.html", {"title": title, "message": message}, status=status)


@login_required
def overview(request):
    memberships = request.user.memberships.select_related("organisation").order_by("organisation__name")
    return render(request, "accounts/overview.html", {"memberships": memberships})


def _organisation(request, slug):
    # Only members find the organisation here; anyone else (editors too) gets a 404 and learns nothing.
    return get_object_or_404(organisations_of(request.user), slug=slug)


@login_required
def member_list(request, slug):
    organisation = _organisation(request, slug)
    is_admin = is_org_admin(request.user, organisation)
    form = InviteForm()
    if request.method == "POST":
        if not is_admin:
            return problem(request, "Geen toegang", "Alleen een beheerder van de organisatie kan mensen uitnodigen.", 403)
        form = InviteForm(request.POST)
        if form.is_valid():
            try:
                invitation = invitations.invite(organisation, form.cleaned_data["email"], form.cleaned_data["role"],
                                                request.user, request)
            except AccountsError as error:
                form.add_error("email" if isinstance(error, NotAllowed) else None, error.message)
            else:
                messages.success(request, f"De uitnodiging is verstuurd naar {invitation.email}. De link werkt 14 dagen.")
                return redirect("accounts:members", slug=organisation.slug)
    return render(request, "accounts/members.html", {
        "organisation": organisation, "is_admin": is_admin, "form": form,
        "members": members.members_of(organisation),
        "invitations": members.open_invitations(organisation) if is_admin else [],
    }, status=400 if form.errors else 200)


def _member_action(request, slug, action, done: str):
    organisation = _organisation(request, slug)
    try:
        action(organisation)
    except LastAdmin as error:
        messages.error(request, error.message)
    except NotAllowed as error:
        return problem(request, "Geen toegang", error.message, 403)
    else:
        messages.success(request, done)
    return redirect("accounts:members", slug=organisation.slug)


@login_required
@require_POST
def member_role(request, slug, pk):
    form = RoleForm(request.POST)
    role = form.cleaned_data["role"] if form.is_valid() else ""
    return _member_action(request, slug, lambda org: members.change_role(request.user, org, pk, role),
                          "De rol is gewijzigd.")


@login_required
@require_POST
def member_remove(request, slug, pk):
    return _member_action(request, slug, lambda org: members.remove_member(request.user, org, pk),
                          "Het lid is verwijderd uit de organisatie.")


@login_required
@require_POST
def invitation_withdraw(request, slug, pk):
    return _member_action(request, slug, lambda org: members.withdraw_invitation(request.user, org, pk),
                          "De uitnodiging is ingetrokken: de link werkt niet meer.")


def invitation(request, token):
    try:
        found = invitations.find(token)
    except InvitationProblem as error:
        return problem(request, "Deze uitnodiging werkt niet", error.message, error.status)
    here = reverse("accounts:invitation", kwargs={"token": token})
    context = {"invitation": found, "organisation": found.organisation, "here": here}
    if request.user.is_authenticated:
        return _invitation_for_user(request, token, context)
    if user_for_email(found.email) is not None:
        return render(request, "accounts/invitation_login.html",
                      {**context, "login_url": f"{reverse('accounts:login')}?{urlencode({'next': here})}"})
    return _invitation_for_new_person(request, token, found, context)


def _invitation_for_user(request, token, context):
    if normalize_email(request.user.email) != normalize_email(context["invitation"].email):
        return render(request, "accounts/invitation_wrong_account.html", context, status=403)
    if request.method == "POST":
        try:
            invitations.accept_as_user(token, request.user)
        except InvitationProblem as error:
            return problem(request, "Deze uitnodiging werkt niet", error.message, error.status)
        messages.success(request, f"U bent nu lid van {context['organisation']}.")
        return redirect("accounts:overview")
    return render(request, "accounts/invitation_accept.html", context)


def _invitation_for_new_person(request, token, found, context):
    future = get_user_model()(username=found.email, email=found.email)
    form = NewAccountForm(future, request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            user = invitations.accept_as_new_user(token, form.cleaned_data["new_password1"])
        except InvitationProblem as error:
            return problem(request, "Deze uitnodiging werkt niet", error.message, error.status)
        login(request, user, backend=EMAIL_BACKEND)
        messages.success(request, f"Welkom! Uw account is aangemaakt en u bent lid van {context['organisation']}.")
        return redirect("accounts:overview")
    return render(request, "accounts/invitation_new.html", {**context, "form": form},
                  status=400 if form.errors else 200)


@login_required
def api_token_list(request):
    form, new_token, secret = ApiTokenForm(), None, ""
    if request.method == "POST":
        form = ApiTokenForm(request.POST)
        if form.is_valid():
            new_token, secret = create_api_token(request.user, form.cleaned_data["name"])
            form = ApiTokenForm()
    response = render(request, "accounts/api_tokens.html", {
        "form": form, "tokens": api_tokens_of(request.user), "new_token": new_token, "secret": secret,
    }, status=400 if form.errors else 200)
    response["Cache-Control"] = "no-store"  # the secret is on this page once; no cache may keep it
    return response


@login_required
@require_POST
def api_token_revoke(request, pk):
    if revoke_api_token(request.user, pk):
        messages.success(request, "De sleutel is ingetrokken: wie hem nog gebruikt, krijgt geen toegang meer.")
    else:
        messages.error(request, "Deze sleutel bestaat niet of was al ingetrokken.")
    return redirect("accounts:api_tokens")
