"""The accounts' e-mails: plain Dutch text. Invitations and editor links are sent at once (a person is waiting);
password-reset mails leave after the answer, through accounts.mailqueue."""
import smtplib

from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from randwijzer.ops.links import absolute_url

from .errors import MailNotSent


def site_url(request=None) -> str:
    """The address links in mails start with: RANDWIJZER_SITE_URL, else the address the request came in on."""
    configured = absolute_url()
    if configured or request is None:
        return configured
    return request.build_absolute_uri("/").rstrip("/")


def password_set_url(user, request=None) -> str:
    """Django's one-time password-reset link: it also serves people who never had a password."""
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    return site_url(request) + reverse("accounts:password_reset_confirm", kwargs={"uidb64": uid, "token": token})


def link_days() -> int:
    return max(1, settings.PASSWORD_RESET_TIMEOUT // 86400)


def send(to: str, template: str, context: dict, request=None) -> None:
    """Render accounts/mail/<template>.txt (first line: the subject) and send it; MailNotSent if the server refuses."""
    context = {"site_url": site_url(request), **context}
    subject, _, body = render_to_string(f"accounts/mail/{template}.txt", context).strip().partition("\n")
    try:
        send_mail(subject.strip(), body.strip() + "\n", None, [to])
    except (OSError, smtplib.SMTPException) as error:
        raise MailNotSent("De e-mail kon niet verstuurd worden: de mailserver antwoordt niet. "
                          "Probeer het over enkele minuten opnieuw.") from error
