from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from randwijzer.catalogue.yaml.export import export_catalogue


class Command(BaseCommand):
    help = ("Schrijf de catalogus uit de databank terug naar de YAML-bestanden (zelfde indeling als `load`), "
            "zodat een jaarlijkse update een na te lezen git diff wordt.")

    def add_arguments(self, parser):
        parser.add_argument("path", nargs="?", type=Path, default=None, help="doelmap (standaard data/catalogue)")

    def handle(self, *args, path=None, **options):
        path = Path(path or settings.CATALOGUE_DIR)
        if path.exists() and not path.is_dir():
            raise CommandError(f"{path} is geen map.", returncode=2)
        try:
            report = export_catalogue(path)
        except OSError as exc:
            raise CommandError(f"Kan niet schrijven naar {path} ({exc.strerror or exc}).", returncode=2) from None
        for line in report.lines():
            self.stdout.write(line)
