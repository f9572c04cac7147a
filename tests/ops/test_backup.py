"""`randwijzer backup FILE` and `randwijzer restore FILE`: round trips that compare every table,
on the configured database and (in the PostgreSQL run) SQLite → PostgreSQL → SQLite; damaged
files and non-empty databases are refused with exit status 2 and the database is left as it was."""
import gzip
import os
import shutil

import pytest

from .conftest import NO_POSTGRES, ON_POSTGRES, run_cli, snapshot

SUPERUSER = {"DJANGO_SUPERUSER_USERNAME": "redactie", "DJANGO_SUPERUSER_PASSWORD": "geheim-wachtwoord-123",
             "DJANGO_SUPERUSER_EMAIL": "redactie@example.org"}


def filled(url, data_dir):
    """A database with the catalogue, an editor account and what the load recorded."""
    run_cli(url, "migrate", "--no-input", "-v", "0", data_dir=data_dir)
    run_cli(url, "load", data_dir=data_dir)
    run_cli(url, "createsuperuser", "--no-input", data_dir=data_dir, env=SUPERUSER)
    return url


def assert_same_tables(first: dict, second: dict):
    assert first["unmodelled"] == [] and second["unmodelled"] == [], "tables that no model (and no backup) covers"
    assert first["tables"].keys() == second["tables"].keys()
    for table, rows in first["tables"].items():
        if table == "catalogue_catalogueversion":
            # Left out of backups on purpose: a restore makes a new catalogue version (the page cache's key).
            assert second["tables"][table] != rows, "a restore must replace the catalogue version"
            continue
        assert second["tables"][table] == rows, f"table {table} differs"


def test_round_trip_on_the_same_kind_of_database(databases, data_dir, tmp_path):
    source = filled(databases.fresh(), data_dir)
    backup = tmp_path / "randwijzer.json.gz"
    out = run_cli(source, "backup", str(backup), data_dir=data_dir).stdout
    assert "Back-up geschreven" in out
    target = databases.fresh()
    run_cli(target, "migrate", "--no-input", "-v", "0", data_dir=data_dir)
    assert "Hersteld uit" in run_cli(target, "restore", str(backup), data_dir=data_dir).stdout
    before, after = snapshot(source, data_dir), snapshot(target, data_dir)
    assert sum(len(rows) for rows in before["tables"].values()) > 1000
    assert len(before["tables"]["auth_user"]) == 1
    assert_same_tables(before, after)
    # The restored database keeps working: new rows get fresh ids (sequences were reset).
    run_cli(target, "createsuperuser", "--no-input", data_dir=data_dir,
            env={**SUPERUSER, "DJANGO_SUPERUSER_USERNAME": "tweede"})
    assert len(snapshot(target, data_dir)["tables"]["auth_user"]) == 2


@pytest.mark.skipif(not ON_POSTGRES, reason=NO_POSTGRES)
def test_sqlite_to_postgresql_and_back(databases, data_dir, tmp_path):
    sqlite_source = filled(databases.sqlite("source"), data_dir)
    run_cli(sqlite_source, "backup", str(tmp_path / "from-sqlite.json.gz"), data_dir=data_dir)
    postgres = databases.postgres()
    run_cli(postgres, "migrate", "--no-input", "-v", "0", data_dir=data_dir)
    run_cli(postgres, "restore", str(tmp_path / "from-sqlite.json.gz"), data_dir=data_dir)
    run_cli(postgres, "backup", str(tmp_path / "from-postgres.json.gz"), data_dir=data_dir)
    sqlite_again = databases.sqlite("again")
    run_cli(sqlite_again, "migrate", "--no-input", "-v", "0", data_dir=data_dir)
    run_cli(sqlite_again, "restore", str(tmp_path / "from-postgres.json.gz"), data_dir=data_dir)
    original = snapshot(sqlite_source, data_dir)
    assert_same_tables(original, snapshot(postgres, data_dir))
    assert_same_tables(original, snapshot(sqlite_again, data_dir))


@pytest.fixture
def backup_and_empty_target(databases, data_dir, tmp_path, loaded_template):
    source = databases.sqlite("source")
    shutil.copy(loaded_template, source.removeprefix("sqlite:///"))
    backup = tmp_path / "good.json.gz"
    run_cli(source, "backup", str(backup), data_dir=data_dir)
    target = databases.fresh()
    run_cli(target, "migrate", "--no-input", "-v", "0", data_dir=data_dir)
    return source, backup, target


def refused(target, path, data_dir, *extra):
    result = run_cli(target, "restore", str(path), *extra, data_dir=data_dir, check=False)
    assert result.returncode == 2, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    return result.stderr


def test_a_damaged_backup_is_refused_and_nothing_is_written(backup_and_empty_target, data_dir, tmp_path):
    _, backup, target = backup_and_empty_target
    raw = gzip.decompress(backup.read_bytes())
    head, _, payload = raw.partition(b"\n")
    changed = payload.replace(b"Wemmel", b"Wemmal", 1)
    assert changed != payload
    damaged = tmp_path / "damaged.json.gz"
    damaged.write_bytes(gzip.compress(head + b"\n" + changed))
    empty = snapshot(target, data_dir)
    assert "beschadigd" in refused(target, damaged, data_dir)
    truncated = tmp_path / "truncated.json.gz"
    truncated.write_bytes(backup.read_bytes()[: len(backup.read_bytes()) // 2])
    assert "beschadigd" in refused(target, truncated, data_dir)
    flipped = tmp_path / "flipped.json.gz"
    data = bytearray(backup.read_bytes())
    data[len(data) // 2] ^= 0xFF
    flipped.write_bytes(bytes(data))
    assert "beschadigd" in refused(target, flipped, data_dir)
    not_a_backup = tmp_path / "other.json.gz"
    not_a_backup.write_bytes(gzip.compress(b'{"hello": 1}\n[]'))
    assert "geen Randwijzer-back-up" in refused(target, not_a_backup, data_dir)
    assert "bestaat niet" in refused(target, tmp_path / "missing.json.gz", data_dir)
    assert snapshot(target, data_dir) == empty


def test_restore_refuses_a_database_with_data_unless_flushed(backup_and_empty_target, data_dir):
    source, backup, target = backup_and_empty_target
    run_cli(target, "createsuperuser", "--no-input", data_dir=data_dir, env=SUPERUSER)
    before = snapshot(target, data_dir)
    assert "bevat al gegevens" in refused(target, backup, data_dir)
    assert snapshot(target, data_dir) == before
    run_cli(target, "restore", "--flush", str(backup), data_dir=data_dir)
    after = snapshot(target, data_dir)
    assert after["tables"]["auth_user"] == []
    assert_same_tables(snapshot(source, data_dir), after)


def test_backup_to_a_missing_folder_is_a_clear_error(backup_and_empty_target, data_dir, tmp_path):
    source, _, _ = backup_and_empty_target
    result = run_cli(source, "backup", str(tmp_path / "nope" / "b.json.gz"), data_dir=data_dir, check=False)
    assert result.returncode == 2 and "bestaat niet" in result.stderr and "Traceback" not in result.stderr
