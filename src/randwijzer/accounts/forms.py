"""Dutch forms for logging in, passwords, invitations and API tokens."""
from django import forms
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm, SetPasswordForm

from .models import Role

LOGIN_ERROR = ("Dit e-mailadres en wachtwoord passen niet bij elkaar. Let op: het wachtwoord is "
               "hoofdlettergevoelig. Wachtwoord vergeten? Vraag hieronder een nieuw aan.")
ROLE_CHOICES = [(Role.MEMBER.value, "lid"), (Role.ADMIN.value, "beheerder")]


def _email_field(**kwargs) -> forms.EmailField:
    return forms.EmailField(
        label="E-mailadres", max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email", "autofocus": True}),
        error_messages={"required": "Vul uw e-mailadres in.", "invalid": "Vul een geldig e-mailadres in, zoals naam@gemeente.be."},
        **kwargs,
    )


class EmailLoginMixin:
    """The credential stays in the field "username" (what Django and django-axes expect), labelled as the e-mail."""

    error_messages = {
        "invalid_login": LOGIN_ERROR,
        "inactive": "Dit account is niet actief. Neem contact op met de beheerder van uw organisatie.",
    }

    def __init__(self, request=None, *args, **kwargs):
        super().__init__(request, *args, **kwargs)
        self.fields["username"] = _email_field()
        self.fields["password"].label = "Wachtwoord"
        self.fields["password"].error_messages["required"] = "Vul uw wachtwoord in."


class EmailAuthenticationForm(EmailLoginMixin, AuthenticationForm):
    pass


class AdminEmailAuthenticationForm(EmailLoginMixin, AdminAuthenticationForm):
    error_messages = {
        **EmailLoginMixin.error_messages,
        "invalid_login": "Dit e-mailadres en wachtwoord passen niet bij een redacteursaccount.",
    }


class DutchPasswordResetForm(PasswordResetForm):
    email = _email_field()

    def get_users(self, email):
        """Also people who never chose a password (created by the CLI): the link is how they choose one."""
        User = get_user_model()
        return (u for u in User._default_manager.filter(email__iexact=email, is_active=True)
                if u.email.casefold() == email.casefold())


class DutchSetPasswordForm(SetPasswordForm):
    def __init__(self, user, *args, **kwargs):
        super().__init__(user, *args, **kwargs)
        self.fields["new_password1"].label = "Nieuw wachtwoord"
        self.fields["new_password1"].help_text = "Minstens 10 tekens; niet alleen cijfers en geen veelgebruikt wachtwoord."
        self.fields["new_password2"].label = "Herhaal het nieuwe wachtwoord"
        self.fields["new_password2"].help_text = ""
        self.error_messages = {**self.error_messages, "password_mismatch": "De twee wachtwoorden zijn niet gelijk."}
        for name in ("new_password1", "new_password2"):
            self.fields[name].error_messages["required"] = "Vul een wachtwoord in."


class InviteForm(forms.Form):
    email = forms.EmailField(label="E-mailadres", max_length=150,  # it becomes the username (150 at most)
                             error_messages={"required": "Vul het e-mailadres in van wie u wilt uitnodigen.",
                                             "invalid": "Vul een geldig e-mailadres in, zoals naam@gemeente.be.",
                                             "max_length": "Een e-mailadres mag hier hoogstens 150 tekens lang zijn."})
    role = forms.ChoiceField(label="Rol", choices=ROLE_CHOICES, initial=Role.MEMBER.value,
                             help_text="Een beheerder kan zelf mensen uitnodigen, rollen wijzigen en leden verwijderen.",
                             error_messages={"invalid_choice": "Kies lid of beheerder."})


class RoleForm(forms.Form):
    role = forms.ChoiceField(label="Rol", choices=ROLE_CHOICES, error_messages={"invalid_choice": "Kies lid of beheerder."})


class ApiTokenForm(forms.Form):
    name = forms.CharField(label="Omschrijving", max_length=100,
                           help_text="Waarvoor dient deze sleutel? Bijvoorbeeld: koppeling met ons dossierbeheer.",
                           error_messages={"required": "Geef de sleutel een omschrijving, zodat u hem later herkent.",
                                           "max_length": "Houd de omschrijving onder 100 tekens."})



class NewAccountForm(DutchSetPasswordForm):
    """Choosing the first password when accepting an invitation; validated against the future account."""

    def __init__(self, user, *args, **kwargs):
        super().__init__(user, *args, **kwargs)
        self.fields["new_password1"].label = "Kies een wachtwoord"
        self.fields["new_password2"].label = "Herhaal het wachtwoord"
