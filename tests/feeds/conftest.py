import datetime as dt

import pytest
from django.core.management import call_command

from randwijzer.feeds import importing

TODAY = dt.date(2026, 11, 26)


@pytest.fixture
def run_import(db):
    """Import like the command does, on a fixed day; returns the report."""
    def run(source, location, dry_run=False, on=TODAY):
        return importing.run(source, str(location), dry_run=dry_run, on=on)
    return run


@pytest.fixture
def command(db, capsys):
    """`randwijzer import …`: (exit status, stdout, stderr)."""
    def run(*args):
        try:
            call_command("import", *[str(a) for a in args])
            status = 0
        except SystemExit as exit_:
            status = exit_.code
        except Exception as error:  # CommandError: Django's call_command raises instead of exiting
            status = getattr(error, "returncode", 1)
            print(error, file=__import__("sys").stderr)
        out = capsys.readouterr()
        return status, out.out, out.err
    return run
