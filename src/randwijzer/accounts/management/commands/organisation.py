from django.core.management.base import BaseCommand, CommandError

from randwijzer.accounts.errors import AccountsError, MailNotSent
from randwijzer.accounts.onboarding import create_organisation_with_admin


class Command(BaseCommand):
    help = "Organisaties: maak een organisatie aan met haar eerste beheerder (create)."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True, metavar="{create}")
        create = sub.add_parser("create", help="Maak een organisatie aan; de beheerder krijgt een mail met een link.")
        create.add_argument("--name", required=True, help="naam, bijvoorbeeld 'Gemeente Wemmel'")
        create.add_argument("--slug", required=True, help="korte naam voor de adressen, bijvoorbeeld gemeente-wemmel")
        create.add_argument("--admin-email", required=True, help="e-mailadres van de eerste beheerder")

    def handle(self, *args, action, name, slug, admin_email, **options):
        try:
            organisation, user, created = create_organisation_with_admin(name, slug, admin_email)
        except MailNotSent as error:
            raise CommandError(error.message, returncode=1) from None
        except AccountsError as error:
            raise CommandError(error.message, returncode=2) from None
        account = "nieuw account" if created else "bestaand account"
        self.stdout.write(f"Organisatie '{organisation.name}' ({organisation.slug}) aangemaakt; beheerder: "
                          f"{user.email} ({account}). Er is een mail verstuurd naar {user.email}.")
