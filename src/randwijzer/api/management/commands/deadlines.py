import json

from django.core.management.base import BaseCommand, CommandError

from randwijzer.api.deadlines import serialize
from randwijzer.catalogue.filters import InvalidFilter
from randwijzer.deadlines import services
from randwijzer.text.dutch import format_date_nl


class Command(BaseCommand):
    help = "Toon de uiterste indiendata en periodes van de steunmaatregelen tussen twee data."

    def add_arguments(self, parser):
        parser.add_argument("--from", dest="start", metavar="JJJJ-MM-DD", help="begindatum (standaard vandaag)")
        parser.add_argument("--to", dest="end", metavar="JJJJ-MM-DD", help="einddatum (standaard 90 dagen na de begindatum)")
        parser.add_argument("--municipality", help="gemeente: naam, deelgemeente, postcode of NIS-code")
        parser.add_argument("--applicant-type", dest="applicant_type", help="type aanvrager (id of naam)")
        parser.add_argument("--theme", help="thema (id of naam)")
        parser.add_argument("--json", action="store_true", help="uitvoer als JSON, zoals de API")

    def handle(self, *args, start, end, municipality, applicant_type, theme, json: bool, **options):
        try:
            query = services.parse_query(start, end, municipality, applicant_type, theme)
        except InvalidFilter as exc:
            raise CommandError(exc.detail, returncode=2) from None
        items = services.find(query)
        if json:
            self._print_json(items)
        else:
            self._print_text(query, items)

    def _print_json(self, items):
        data = [serialize(item).model_dump(mode="json") for item in items]
        self.stdout.write(json.dumps(data, ensure_ascii=False, indent=2))

    def _print_text(self, query, items):
        period = f"van {format_date_nl(query.start)} tot en met {format_date_nl(query.end)}"
        if not items:
            self.stdout.write(f"Geen uiterste indiendata of periodes {period}.")
            return
        self.stdout.write(f"Indiendata en periodes {period} ({len(items)})")
        for item in items:
            when = format_date_nl(item.start)
            if item.kind == "window":
                when += f" tot en met {format_date_nl(item.end)}"
            self.stdout.write(f"{when} · {item.kind_nl} · {item.line.title} [{item.line.pk}]")
            self.stdout.write(f"    {item.label}")
            for doubt in item.doubts:
                self.stdout.write(f"    {doubt}")
