"""Faults: `randwijzer load` killed with SIGKILL half-way leaves the database as it was; a SQLite
file that cannot be written gives a clear error and stays intact."""
import os
import shutil
import signal
import subprocess
import sys
import time

import pytest

from .conftest import ON_POSTGRES, ROOT, cli_command, run_cli, snapshot


def counts(snap: dict) -> dict:
    return {table: len(rows) for table, rows in snap["tables"].items()}


def test_load_killed_half_way_leaves_the_database_unchanged(databases, data_dir):
    url = databases.fresh()
    run_cli(url, "migrate", "--no-input", "-v", "0", data_dir=data_dir)
    empty = snapshot(url, data_dir)
    env = {**os.environ, "DATABASE_URL": url, "RANDWIJZER_DATA_DIR": str(data_dir), "LOG_LEVEL": "WARNING"}
    # How long a whole load takes here, on a throwaway copy of the same kind of database.
    probe = databases.fresh()
    run_cli(probe, "migrate", "--no-input", "-v", "0", data_dir=data_dir)
    started = time.monotonic()
    run_cli(probe, "load", data_dir=data_dir)
    full = time.monotonic() - started
    loaded_counts = counts(snapshot(probe, data_dir))
    killed_before_commit = []
    for fraction in (0.3, 0.5, 0.7, 0.9):
        process = subprocess.Popen([*cli_command(), "load"], env=env, cwd=ROOT,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(full * fraction)
        process.send_signal(signal.SIGKILL)
        process.wait(60)
        after = snapshot(url, data_dir)
        # All or nothing: either exactly as before, or the whole catalogue (killed after the commit).
        if after == empty:
            killed_before_commit.append(fraction)
            continue
        assert counts(after) == loaded_counts, f"killed at {fraction:.0%} of a load: a partly loaded database"
        url = databases.fresh()
        env["DATABASE_URL"] = url
        run_cli(url, "migrate", "--no-input", "-v", "0", data_dir=data_dir)
        empty = snapshot(url, data_dir)
    print(f"load takes {full:.1f} s here; killed before its commit at {killed_before_commit} of that")
    assert killed_before_commit, "every kill came after the load's commit: nothing was tested half-way"
    # And the database still takes a full load afterwards.
    run_cli(url, "load", data_dir=data_dir)
    assert len(snapshot(url, data_dir)["tables"]["catalogue_fundingline"]) > 0


@pytest.mark.skipif(ON_POSTGRES, reason="an unwritable database file is a SQLite matter; this run is on PostgreSQL")
def test_an_unwritable_sqlite_file_gives_a_clear_error_and_no_corruption(tmp_path, loaded_template):
    folder = tmp_path / "db"
    folder.mkdir()
    database = folder / "randwijzer.sqlite3"
    shutil.copy(loaded_template, database)
    # Remove one line so that a load has something to write.
    run_cli(f"sqlite:///{database}", "shell", "-c",
            "from randwijzer.catalogue.models import FundingLine; FundingLine.objects.order_by('id').first().delete()",
            data_dir=tmp_path)
    before = database.read_bytes()
    data_dir = tmp_path / "data"
    (data_dir / "static").mkdir(parents=True)
    os.chmod(tmp_path, 0o755)
    os.chmod(data_dir, 0o777)
    os.chmod(data_dir / "static", 0o777)
    database.chmod(0o444)
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{database}", "RANDWIJZER_DATA_DIR": str(data_dir), "LOG_LEVEL": "WARNING",
           "PYTHONDONTWRITEBYTECODE": "1"}
    command = [*cli_command(), "load"]
    if os.geteuid() == 0:  # root writes anything: drop the capability that lets it ignore file modes
        if not shutil.which("setpriv"):
            pytest.skip("running as root without setpriv (util-linux): cannot make the file unwritable for root")
        drop = "-dac_override,-dac_read_search"
        command = ["setpriv", f"--inh-caps={drop}", f"--bounding-set={drop}", "--", *command]
    result = subprocess.run(command, env=env, cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 2, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    assert "kan niet schrijven" in result.stderr.lower() or "alleen-lezen" in result.stderr.lower(), result.stderr
    database.chmod(0o644)
    assert database.read_bytes() == before
    check = subprocess.run([sys.executable, "-c", "import sqlite3, sys; print(sqlite3.connect(sys.argv[1]).execute('PRAGMA integrity_check').fetchone()[0])",
                            str(database)], capture_output=True, text=True)
    assert check.stdout.strip() == "ok"
