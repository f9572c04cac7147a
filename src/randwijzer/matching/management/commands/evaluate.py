import json
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from randwijzer.matching.evaluation import SETS, CaseFileError, as_json, markdown, run


class Command(BaseCommand):
    help = ("Meet de projectmatcher op de evaluatiesets (regressie, afstemmen, held-out), "
            "naast een BM25-basislijn.")

    def add_arguments(self, parser):
        parser.add_argument("--set", dest="set_name", metavar="NAAM",
                            help=f"alleen deze set: {', '.join(SETS)}")
        parser.add_argument("--json", dest="json_output", action="store_true", help="de cijfers als JSON")
        parser.add_argument("--dir", dest="directory", type=Path, default=settings.PROJECT_DIR / "eval",
                            help="map met cases.yaml en cases-users.yaml (standaard: eval/)")

    def handle(self, *args, set_name, json_output, directory, **options):
        if set_name is not None and set_name not in SETS:
            raise CommandError(f"Onbekende set '{set_name}'. Kies uit: {', '.join(SETS)}.", returncode=2)
        try:
            scores = run(directory, (set_name,) if set_name else SETS)
        except CaseFileError as error:
            raise CommandError(str(error), returncode=2) from error
        self.stdout.write(_dumps(as_json(scores)) if json_output else markdown(scores))


def _dumps(data) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2)
