from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import OperationalError

from randwijzer.catalogue.yaml.loader import CatalogueError, load_catalogue


class Command(BaseCommand):
    help = "Valideer de catalogus (YAML) en laad hem in één transactie in de databank."

    def add_arguments(self, parser):
        parser.add_argument("path", nargs="?", type=Path, default=None, help="map met de catalogus (standaard data/catalogue)")

    def handle(self, *args, path=None, **options):
        path = path or settings.CATALOGUE_DIR
        try:
            report = load_catalogue(path)
        except CatalogueError as exc:
            for problem in exc.problems:
                self.stderr.write(str(problem))
            raise CommandError(f"{len(exc.problems)} fout(en) in de catalogus; de databank is niet gewijzigd.",
                               returncode=2) from None
        except OperationalError as exc:
            # E.g. a read-only SQLite file or a full disk: the transaction is rolled back.
            words = str(exc).lower()
            if "readonly" in words:
                reason = "ze is alleen-lezen"
            elif "disk is full" in words or "no space left" in words:
                reason = "de schijf is vol: maak plaats vrij en laad opnieuw"
            else:
                reason = str(exc)
            raise CommandError(f"Kan niet schrijven naar de databank ({reason}); de databank is niet gewijzigd.",
                               returncode=2) from None
        self.stdout.write(str(report))
        self._import_feeds()

    def _import_feeds(self):
        """The bundled feed snapshots (data/feeds/feeds.yaml) after the catalogue, so a fresh clone shows them."""
        from randwijzer.feeds.rdf import FeedError
        from randwijzer.feeds.snapshots import import_all

        try:
            for feed_report in import_all():
                self.stdout.write(feed_report.summary())
        except FeedError as exc:
            raise CommandError(f"{exc}", returncode=2) from None
