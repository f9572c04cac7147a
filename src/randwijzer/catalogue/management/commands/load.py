from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import OperationalError, transaction

from randwijzer.catalogue.yaml.loader import CatalogueError, load_catalogue
from randwijzer.ops.db_errors import unwritable_reason


class Command(BaseCommand):
    help = "Valideer de catalogus (YAML) en laad hem in één transactie in de databank."

    def add_arguments(self, parser):
        parser.add_argument("path", nargs="?", type=Path, default=None, help="map met de catalogus (standaard data/catalogue)")

    def handle(self, *args, path=None, **options):
        from randwijzer.feeds.rdf import FeedError
        from randwijzer.feeds.snapshots import import_all

        path = path or settings.CATALOGUE_DIR
        try:
            # The catalogue and the bundled feed snapshots (data/feeds/feeds.yaml) in one transaction:
            # a load stopped half-way leaves the database as it was. Each feed record is still its own
            # edit inside it (a savepoint), so one bad record is skipped and the rest lands.
            with transaction.atomic():
                report = load_catalogue(path)
                feed_reports = import_all()
        except CatalogueError as exc:
            for problem in exc.problems:
                self.stderr.write(str(problem))
            raise CommandError(f"{len(exc.problems)} fout(en) in de catalogus; de databank is niet gewijzigd.",
                               returncode=2) from None
        except FeedError as exc:
            raise CommandError(f"{exc} De databank is niet gewijzigd.", returncode=2) from None
        except OperationalError as exc:
            # E.g. a read-only SQLite file or a full disk: the transaction is rolled back.
            raise CommandError(f"Kan niet schrijven naar de databank ({unwritable_reason(exc)}); de databank is niet gewijzigd.",
                               returncode=2) from None
        self.stdout.write(str(report))
        for feed_report in feed_reports:
            self.stdout.write(feed_report.summary())
