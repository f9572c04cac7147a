"""Migrations: none missing, and all of them apply to an empty database of the configured kind
(SQLite in the first run of `make test`, PostgreSQL in the second), and back to zero."""
from .conftest import ON_POSTGRES, run_cli


def test_no_model_change_lacks_a_migration(databases, data_dir):
    result = run_cli(databases.sqlite(), "makemigrations", "--check", "--dry-run", data_dir=data_dir, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def test_migrations_apply_to_an_empty_database_and_unapply(databases, data_dir):
    url = databases.fresh()
    assert url.startswith("postgres://" if ON_POSTGRES else "sqlite:///")
    run_cli(url, "migrate", "--no-input", "-v", "0", data_dir=data_dir)
    plan = run_cli(url, "showmigrations", "--plan", data_dir=data_dir).stdout
    assert "[X]" in plan and "[ ]" not in plan
    run_cli(url, "load", data_dir=data_dir)
    for app in ("wies", "flash", "changes", "catalogue"):
        run_cli(url, "migrate", app, "zero", "--no-input", "-v", "0", data_dir=data_dir)
    run_cli(url, "migrate", "--no-input", "-v", "0", data_dir=data_dir)
    assert "[ ]" not in run_cli(url, "showmigrations", "--plan", data_dir=data_dir).stdout
