"""The `randwijzer` console script: Django's manage command for this project."""
import os
import sys

from django.conf import settings


def main(argv: list[str] | None = None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "randwijzer.settings")
    from django.core.management import execute_from_command_line

    # SQLite's file lives in the data directory: create it on first use.
    settings.DATA_DIR.mkdir(parents=True, exist_ok=True)
    execute_from_command_line(["randwijzer", *(sys.argv[1:] if argv is None else argv)])


if __name__ == "__main__":
    main()
