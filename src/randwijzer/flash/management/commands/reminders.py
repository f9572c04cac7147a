from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from randwijzer.flash import outbox, reminders
from randwijzer.flash.models import Kind
from randwijzer.ops.cli_dates import parse_today


class Command(BaseCommand):
    help = "Herinneringen voor uiterste indiendata: zet ze in de wachtrij en verstuur ze. Veilig om dagelijks te draaien."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True, metavar="{send}")
        send = sub.add_parser("send", help="Zet de herinneringen van vandaag in de wachtrij en verstuur ze.")
        send.add_argument("--today", help="doe alsof het vandaag deze datum is (JJJJ-MM-DD)")

    def handle(self, *args, action, today=None, **options):
        day = timezone.localdate()
        if today:
            day = parse_today(today)
        self.stdout.write(str(reminders.queue_due(day)))
        report = outbox.send_due(kind=Kind.REMINDER)
        self.stdout.write("\n".join(report.lines()))
        if report.stopped:
            raise CommandError("Niet alles kon verstuurd worden; de volgende run probeert opnieuw.")
