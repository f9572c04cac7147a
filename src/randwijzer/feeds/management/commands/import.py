import sys

from django.core.management.base import BaseCommand, CommandError
from django.db import OperationalError

from randwijzer.feeds import importing
from randwijzer.feeds.rdf import FeedError
from randwijzer.ops.db_errors import unwritable_reason


class Command(BaseCommand):
    help = "Lees een open-datafeed (subsidiepunt of ipdc) in: per record nieuw, gewijzigd, ongewijzigd of overgeslagen."

    def add_arguments(self, parser):
        parser.add_argument("source", help="subsidiepunt of ipdc")
        parser.add_argument("location", nargs="?", default=None,
                            help="bestand of URL (standaard SUBSIDIEPUNT_FEED_URL of IPDC_FEED_URL)")
        parser.add_argument("--dry-run", action="store_true", help="toon wat er zou gebeuren, schrijf niets")

    def handle(self, *args, source, location=None, dry_run=False, **options):
        try:
            report = importing.run(source, location, dry_run, progress=lambda text: print(text, file=sys.stderr))
        except FeedError as error:
            raise CommandError(f"{error}", returncode=2) from None
        except OperationalError as error:
            raise CommandError(f"Kan niet schrijven naar de databank ({unwritable_reason(error)}). Elk record is apart "
                               "bewaard: wat al ingelezen was, blijft; een volgende run gaat verder.", returncode=2) from None
        for line in report.lines:
            self.stdout.write(line)
        self.stdout.write(report.summary())
        if report.stopped:
            raise CommandError(report.stopped, returncode=1)
