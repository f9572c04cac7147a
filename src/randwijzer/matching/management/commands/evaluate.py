from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from randwijzer.matching.evaluation import report


class Command(BaseCommand):
    help = "Meet de projectmatcher op de evaluatiegevallen, naast een BM25-basislijn."

    def add_arguments(self, parser):
        parser.add_argument("path", nargs="?", type=Path, default=settings.PROJECT_DIR / "eval" / "cases.yaml")

    def handle(self, *args, path, **options):
        text, _, _ = report(path)
        self.stdout.write(text)
