from django.core.management.base import BaseCommand, CommandError

from randwijzer.flash import editions, outbox
from randwijzer.flash.editions import EditionError


class Command(BaseCommand):
    help = "Subsidieflash: stel een editie samen (build) of verstuur wat in de wachtrij staat (send)."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True, metavar="{build,send}")
        build = sub.add_parser("build", help="Stel de editie per lezer samen en zet ze in de wachtrij.")
        build.add_argument("--edition", required=True, help="maand als JJJJ-MM, bijvoorbeeld 2027-05")
        send = sub.add_parser("send", help="Verstuur de berichten in de wachtrij (nieuwe en opnieuw te proberen).")
        send.add_argument("--edition", help="alleen deze editie (JJJJ-MM); zonder: alles wat klaarstaat")

    def handle(self, *args, action, edition=None, **options):
        try:
            if action == "build":
                report = editions.build(edition, progress=self._progress("lezers"))
                self.stdout.write(str(report))
                return
            selected = editions.get_edition(edition) if edition else None
        except EditionError as exc:
            raise CommandError(str(exc), returncode=2) from None
        report = outbox.send_due(edition=selected, progress=self._progress("berichten"))
        self.stdout.write("\n".join(report.lines()))
        if report.stopped:
            # Nothing is lost, but cron should notice: exit 1.
            raise CommandError("Niet alles kon verstuurd worden; probeer later opnieuw met dezelfde opdracht.")

    def _progress(self, what: str):
        def show(done: int, total: int) -> None:
            self.stderr.write(f"{done}/{total} {what} verwerkt")
            self.stderr.flush()
        return show
