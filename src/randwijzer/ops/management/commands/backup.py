from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from randwijzer.ops.backup import BackupError, write_backup


class Command(BaseCommand):
    help = "Schrijf een back-up van de hele databank naar FILE (gzip, met manifest en SHA-256), los van het databanktype."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help="het back-upbestand, bv. randwijzer-2025-06-01.json.gz")

    def handle(self, *args, file: Path, **options):
        if file.is_dir():
            raise CommandError(f"{file} is een map; geef een bestandsnaam.", returncode=2)
        if not file.parent.exists():
            raise CommandError(f"De map {file.parent} bestaat niet.", returncode=2)
        try:
            manifest = write_backup(file)
        except PermissionError:
            raise CommandError(f"Kan niet schrijven naar {file} (geen toegang).", returncode=2) from None
        except (OSError, BackupError) as exc:
            raise CommandError(f"De back-up is mislukt: {exc}", returncode=2) from None
        rows = sum(manifest.counts.values())
        self.stdout.write(f"Back-up geschreven naar {file}: {rows} rijen uit {len(manifest.counts)} tabellen "
                          f"({manifest.database}), SHA-256 {manifest.sha256[:16]}…")
