import json

from django.core.management.base import BaseCommand, CommandError

from randwijzer.api import serializers
from randwijzer.catalogue.filters import InvalidFilter, funding_filters, partner_filters
from randwijzer.matching import search
from randwijzer.catalogue.management import text


class Command(BaseCommand):
    help = "Zoek steunmaatregelen en partners op tekst, thema, type aanvrager en gemeente."

    def add_arguments(self, parser):
        parser.add_argument("text", nargs="*", help="zoektekst (mag leeg zijn om alleen te filteren)")
        parser.add_argument("--theme", help="thema (id of naam)")
        parser.add_argument("--applicant-type", dest="applicant_type", help="type aanvrager (id of naam)")
        parser.add_argument("--municipality", help="gemeente: naam, deelgemeente, postcode of NIS-code")
        parser.add_argument("--json", action="store_true", help="uitvoer als JSON, zoals de API")

    def handle(self, *args, text: list[str], theme, applicant_type, municipality, json: bool, **options):
        query = " ".join(text)
        try:
            lines = search.search_funding(query, **funding_filters(theme, applicant_type, municipality))
            partners = search.search_partners(query, **partner_filters(theme, applicant_type, municipality))
        except InvalidFilter as exc:
            raise CommandError(exc.detail, returncode=2) from None
        if json:
            self._print_json(lines, partners)
        else:
            self._print_text(lines, partners)

    def _print_json(self, lines, partners):
        data = {
            "funding": [serializers.funding_item(line).model_dump(mode="json") for line in lines],
            "partners": [serializers.partner_item(p).model_dump(mode="json") for p in partners],
        }
        self.stdout.write(json.dumps(data, ensure_ascii=False, indent=2))

    def _print_text(self, lines, partners):
        self.stdout.write(f"Steunmaatregelen ({len(lines)})" if lines else "Geen steunmaatregelen gevonden.")
        for line in lines:
            self.stdout.write("\n".join(text.list_item(line.title, line.id, line.get_status_display(), line.summary)))
        self.stdout.write("")
        self.stdout.write(f"Partners ({len(partners)})" if partners else "Geen partners gevonden.")
        for partner in partners:
            self.stdout.write("\n".join(text.list_item(partner.name, partner.id, partner.get_kind_display(), partner.summary)))
