import json

from django.core.management.base import BaseCommand, CommandError

from randwijzer.api import lookups, serializers
from randwijzer.catalogue import places
from randwijzer.catalogue.inputs import AmbiguousPlace, InputError, resolve_municipality, shown
from randwijzer.catalogue.management import text


class Command(BaseCommand):
    help = "Toon een steunmaatregel of partner (op id) of een gemeente (op naam, deelgemeente, postcode of NIS-code)."

    def add_arguments(self, parser):
        parser.add_argument("id", help="id van een steunmaatregel of partner, of een gemeente: naam, deelgemeente, postcode of NIS-code")
        parser.add_argument("--json", action="store_true", help="uitvoer als JSON, zoals de API")

    def handle(self, *args, id: str, json: bool, **options):
        if line := lookups.funding_line(id):
            detail, lines = serializers.funding_detail(line), lambda d: text.funding_line(line, d.url)
        elif partner := lookups.partner(id):
            detail, lines = serializers.partner_detail(partner), lambda d: text.partner(partner, d.url)
        elif municipality := _municipality(id):
            detail, lines = serializers.municipality_detail(municipality), lambda d: text.municipality(municipality, d)
        else:
            raise CommandError(self._not_found(id), returncode=2)
        if json:
            self.stdout.write(_json(detail))
        else:
            self.stdout.write("\n".join(lines(detail)))

    def _not_found(self, value: str) -> str:
        message = f"Geen steunmaatregel, partner of gemeente gevonden voor '{shown(value)}'."
        suggestions = lookups.similar_ids(value) + places.suggest_municipalities(value[:200])
        if suggestions:
            message += f" Bedoelde u: {', '.join(suggestions)}?"
        return message


def _municipality(value: str):
    """The municipality the value names; None when it names none; a shared postcode asks which (exit 2)."""
    try:
        return resolve_municipality(value[:200])
    except AmbiguousPlace as error:
        raise CommandError(error.message, returncode=2) from None
    except InputError:
        return None


def _json(detail) -> str:
    return json.dumps(detail.model_dump(mode="json"), ensure_ascii=False, indent=2)
