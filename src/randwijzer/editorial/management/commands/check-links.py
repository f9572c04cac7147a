from django.core.management.base import BaseCommand, CommandError

from randwijzer.editorial.links import catalogue_links, check_links


class Command(BaseCommand):
    help = ("Controleer of elke bron- en contactlink van de catalogus nog antwoordt (HEAD, anders GET, "
            "doorverwijzingen gevolgd). Eindigt met status 1 als er links niet antwoorden.")

    def add_arguments(self, parser):
        parser.add_argument("--timeout", type=float, default=10.0, metavar="S", help="seconden per aanvraag (standaard 10)")
        parser.add_argument("--concurrency", type=int, default=8, metavar="N", help="zoveel links tegelijk (standaard 8)")

    def handle(self, *args, timeout: float, concurrency: int, **options):
        if timeout <= 0 or concurrency < 1:
            raise CommandError("--timeout moet groter zijn dan 0 en --concurrency minstens 1.", returncode=2)
        links = catalogue_links()
        results = check_links(links, timeout=timeout, concurrency=concurrency)
        broken = [r for r in results if not r.ok]
        for result in broken:
            self.stdout.write(f"✗ {result.url}: {result.problem}")
            for place in result.used_in:
                self.stdout.write(f"    gebruikt in {place}")
        redirected = [r for r in results if r.ok and r.final_url != r.url]
        for result in redirected:
            self.stdout.write(f"→ {result.url} verwijst door naar {result.final_url}")
        self.stdout.write(f"{len(results)} links nagekeken: {len(results) - len(broken)} antwoorden, "
                          f"{len(broken)} niet.")
        if broken:
            raise CommandError(f"{len(broken)} van de {len(results)} links antwoorden niet.", returncode=1)
