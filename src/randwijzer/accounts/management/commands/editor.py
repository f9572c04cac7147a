from django.core.management.base import BaseCommand, CommandError

from randwijzer.accounts.errors import AccountsError, MailNotSent
from randwijzer.accounts.onboarding import add_editor


class Command(BaseCommand):
    help = "Redacteurs: maak iemand redacteur (add): toegang tot het beheer van de catalogus."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True, metavar="{add}")
        add = sub.add_parser("add", help="Maak of wijzig een account tot redacteur en mail een link om een wachtwoord te kiezen.")
        add.add_argument("email", help="e-mailadres van de redacteur")

    def handle(self, *args, action, email, **options):
        try:
            user, created = add_editor(email)
        except MailNotSent as error:
            raise CommandError(error.message, returncode=1) from None
        except AccountsError as error:
            raise CommandError(error.message, returncode=2) from None
        what = "aangemaakt" if created else "bijgewerkt"
        self.stdout.write(f"Redacteur {user.email} {what} (groep Redactie). Er is een mail verstuurd met een link "
                          "om een wachtwoord te kiezen.")
