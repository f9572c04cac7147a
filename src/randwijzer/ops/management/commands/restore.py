from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from randwijzer.ops.backup import BackupError, restore


class Command(BaseCommand):
    help = ("Herstel een back-up van `randwijzer backup` in één transactie, in een lege databank "
            "(na `randwijzer migrate`), of met --flush na het wissen van alle gegevens.")

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help="het back-upbestand")
        parser.add_argument("--flush", action="store_true", help="wis eerst alle gegevens (in dezelfde transactie)")

    def handle(self, *args, file: Path, flush: bool = False, **options):
        try:
            manifest = restore(file, flush=flush)
        except BackupError as exc:
            raise CommandError(str(exc), returncode=2) from None
        rows = sum(manifest.counts.values())
        self.stdout.write(f"Hersteld uit {file}: {rows} rijen in {len(manifest.counts)} tabellen "
                          f"(back-up van {manifest.created}, {manifest.database}).")
