"""Helpers for the operations tests: fresh databases of the configured kind, the CLI in a subprocess.

`make test` runs these twice: on SQLite, and under scripts/with-postgres.sh, where
DATABASE_URL points at a throwaway PostgreSQL server and each fresh database is a new
database on that server (dropped afterwards).
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from django.conf import settings

ROOT = Path(__file__).resolve().parents[2]
ON_POSTGRES = settings.DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"
NO_POSTGRES = ("this run is on SQLite; the PostgreSQL half runs under scripts/with-postgres.sh "
               "(make test, make test-postgres)")


def cli_command() -> list[str]:
    script = Path(sys.executable).with_name("randwijzer")
    return [str(script)] if script.exists() else [sys.executable, "-m", "randwijzer.cli"]


def run_cli(url: str, *args: str, data_dir: Path, check: bool = True, timeout: float = 300,
            env: dict | None = None) -> subprocess.CompletedProcess:
    full_env = {**os.environ, "DATABASE_URL": url, "RANDWIJZER_DATA_DIR": str(data_dir), "LOG_LEVEL": "WARNING",
                **(env or {})}
    result = subprocess.run([*cli_command(), *args], env=full_env, capture_output=True, text=True, timeout=timeout, cwd=ROOT)
    if check and result.returncode != 0:
        raise AssertionError(f"randwijzer {' '.join(args)} exited {result.returncode}:\n{result.stdout}\n{result.stderr}")
    return result


def snapshot(url: str, data_dir: Path) -> dict:
    env = {**os.environ, "DATABASE_URL": url, "RANDWIJZER_DATA_DIR": str(data_dir), "LOG_LEVEL": "WARNING",
           "DJANGO_SETTINGS_MODULE": "randwijzer.settings"}
    out = subprocess.run([sys.executable, "-m", "tests.ops.snapshot"], env=env, capture_output=True, text=True,
                         timeout=300, cwd=ROOT)
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout)


class Databases:
    """Makes empty databases: SQLite files in a temporary directory, or databases on the PostgreSQL server."""

    def __init__(self, tmp: Path):
        self.tmp = tmp
        self.created: list[str] = []

    def sqlite(self, name: str | None = None) -> str:
        return f"sqlite:///{self.tmp / ((name or uuid.uuid4().hex[:8]) + '.sqlite3')}"

    def postgres(self) -> str:
        import psycopg

        base = settings.DATABASES["default"]
        name = f"rw_ops_{uuid.uuid4().hex[:10]}"
        with psycopg.connect(host=base["HOST"], port=base["PORT"], user=base["USER"], password=base["PASSWORD"] or None,
                             dbname="postgres", autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        self.created.append(name)
        password = f":{base['PASSWORD']}" if base["PASSWORD"] else ""
        return f"postgres://{base['USER']}{password}@{base['HOST']}:{base['PORT']}/{name}"

    def fresh(self) -> str:
        """An empty database of the kind this run is configured for."""
        return self.postgres() if ON_POSTGRES else self.sqlite()

    def drop_all(self) -> None:
        if not self.created:
            return
        import psycopg

        base = settings.DATABASES["default"]
        with psycopg.connect(host=base["HOST"], port=base["PORT"], user=base["USER"], password=base["PASSWORD"] or None,
                             dbname="postgres", autocommit=True) as conn:
            for name in self.created:
                conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def databases(tmp_path):
    made = Databases(tmp_path)
    yield made
    made.drop_all()


@pytest.fixture
def data_dir(tmp_path):
    path = tmp_path / "data"
    path.mkdir()
    return path


@pytest.fixture(scope="module")
def loaded_template(tmp_path_factory):
    """A migrated and loaded SQLite database file, made once per module, copied by tests that need one."""
    tmp = tmp_path_factory.mktemp("template")
    url = f"sqlite:///{tmp / 'template.sqlite3'}"
    run_cli(url, "migrate", "--no-input", "-v", "0", data_dir=tmp)
    run_cli(url, "load", data_dir=tmp)
    return tmp / "template.sqlite3"
