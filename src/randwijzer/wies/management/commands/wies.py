import json

from django.core.management.base import BaseCommand, CommandError

from randwijzer.text.dutch import format_euro
from randwijzer.wies.calculator import calculate
from randwijzer.wies.errors import WiesDataError, WiesInputError

WIES_WORDS = {"yes": "ja", "no": "nee", "unknown": "te verifiëren"}


class Command(BaseCommand):
    help = "WIES-rekenhulp: de gemeentelijke tussenkomst in het grondaandeel, het deel van het WIES-fonds en de nettokost."

    def add_arguments(self, parser):
        parser.add_argument("--municipality", required=True, help="gemeente: naam, deelgemeente, postcode of NIS-code")
        parser.add_argument("--units", required=True, help="aantal WIES-woningen of -kavels")
        parser.add_argument("--land-share", dest="land_share", required=True, help="grondaandeel per woning, in hele euro")
        parser.add_argument("--contribution-pct", dest="contribution_pct", required=True,
                            help="tussenkomst van de gemeente in % van het grondaandeel (50 tot 100)")
        parser.add_argument("--json", action="store_true", help="uitvoer als JSON, zoals de API")

    def handle(self, *args, municipality, units, land_share, contribution_pct, json: bool, **options):
        try:
            result = calculate(municipality, units, land_share, contribution_pct)
        except WiesInputError as exc:
            raise CommandError(exc.message, returncode=2) from None
        except WiesDataError as exc:
            raise CommandError(str(exc), returncode=1) from None
        if json:
            self.stdout.write(_json(result.to_dict()))
            return
        self.stdout.write("\n".join([
            f"WIES-rekenhulp voor {result.municipality}",
            f"WIES-gemeente: {WIES_WORDS[result.wies_municipality]}",
            f"WIES-fonds van toepassing: {'ja' if result.fund_applies else 'nee'}",
            f"Gemeentelijke tussenkomst: {format_euro(result.municipal_contribution)}",
            f"Deel van het WIES-fonds: {format_euro(result.fund_share)}",
            f"Netto kost voor de gemeente: {format_euro(result.municipality_net)}",
            "",
            "Stap voor stap:",
            *[f"  {n}. {step}" for n, step in enumerate(result.steps, 1)],
        ]))


def _json(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2)
