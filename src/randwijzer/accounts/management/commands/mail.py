from django.core.management.base import BaseCommand

from randwijzer.accounts import mailqueue


class Command(BaseCommand):
    help = "Mails die een pagina vroeg (nieuw wachtwoord) en die nog wachten: verstuur ze. Veilig om elke minuut te draaien."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True, metavar="{send}")
        sub.add_parser("send", help="Verstuur de wachtende mails; wat mislukt, probeert de volgende run opnieuw.")

    def handle(self, *args, action, **options):
        report = mailqueue.send_queued()
        self.stdout.write("\n".join(report.lines()))
