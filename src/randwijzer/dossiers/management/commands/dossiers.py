from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from randwijzer.dossiers import reminders
from randwijzer.ops.cli_dates import parse_today


class Command(BaseCommand):
    help = "Dossiers van organisaties: herinneringen voor de uiterste indiendata."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True, metavar="{remind}")
        remind = sub.add_parser("remind", help="Mail de herinneringen die vandaag verschuldigd zijn. "
                                               "Veilig om dagelijks te draaien.")
        remind.add_argument("--days", default=str(reminders.DEFAULT_DAYS),
                            help=f"zoveel dagen voor de uiterste indiendatum (standaard {reminders.DEFAULT_DAYS})")
        remind.add_argument("--today", help="doe alsof het vandaag deze datum is (JJJJ-MM-DD)")

    def handle(self, *args, action, days, today=None, **options):
        try:
            days = int(str(days).strip())
        except ValueError:
            days = -1
        if not 0 <= days <= 366:
            raise CommandError("Ongeldig aantal dagen voor --days: geef een geheel getal van 0 tot 366.", returncode=2)
        day = timezone.localdate()
        if today:
            day = parse_today(today)
        report = reminders.send_due(day, days)
        self.stdout.write("\n".join(report.lines()))
        if report.failed:
            raise CommandError("Niet alles kon verstuurd worden (zie hierboven); "
                               "een dossier dat niemand bereikte, probeert de volgende run opnieuw.")
