"""Set-up and documentation: `make run` installs no test tools, mail works locally without a server,
every environment variable the settings and ops modules read and every command is in the README, and
commands print no start-up log noise."""
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from django.conf import settings as django_settings

from randwijzer.catalogue.management.commands.serve import local_mail_note

ROOT = Path(__file__).resolve().parents[2]
SRC = ROOT / "src" / "randwijzer"
README = (ROOT / "README.md").read_text(encoding="utf-8")
ENV_READ = re.compile(r"""(?:environ\.get|environ\[|_flag)\(?\s*['"]([A-Z][A-Z0-9_]+)['"]""")
NOT_SETTINGS = {"DJANGO_SETTINGS_MODULE"}  # set by the code itself, never by an operator


def environment_variables() -> set[str]:
    files = [SRC / "settings.py", SRC / "cli.py", *sorted((SRC / "ops").glob("*.py"))]
    found = set()
    for path in files:
        found |= set(ENV_READ.findall(path.read_text(encoding="utf-8")))
    return found - NOT_SETTINGS


def test_the_scan_finds_the_variables_it_should():
    found = environment_variables()
    assert {"DATABASE_URL", "EMAIL_BACKEND", "PORT", "WORKERS", "HTTPS"} <= found


def test_every_environment_variable_is_documented_in_the_readme():
    missing = sorted(name for name in environment_variables() if f"`{name}`" not in README)
    assert not missing, f"niet in README.md: {missing}"


def commands() -> set[str]:
    return {path.stem for path in SRC.glob("*/management/commands/*.py") if path.stem != "__init__"}


def test_every_command_is_in_the_readme_cli_list():
    cli = README.split("## Command line", 1)[1].split("\n## ", 1)[0]
    missing = sorted(name for name in commands() if not re.search(rf"^randwijzer {re.escape(name)}\b", cli, re.M))
    assert len(commands()) > 10 and not missing, f"niet in de lijst van README.md: {missing}"


def make_dry_run(tmp_path, target: str, site_installed: bool = False) -> str:
    shutil.copy(ROOT / "Makefile", tmp_path / "Makefile")
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    if site_installed:
        (tmp_path / ".venv" / "bin").mkdir(parents=True)
        (tmp_path / ".venv" / "bin" / ".installed-site").touch()
    result = subprocess.run(["make", "-n", target], cwd=tmp_path, capture_output=True, text=True, timeout=60)
    return result.stdout


def test_make_run_installs_no_test_tools(tmp_path):
    out = make_dry_run(tmp_path, "run")
    assert "pip install -q -e ." in out and "[test]" not in out and "serve" in out


def test_make_test_after_make_run_still_installs_the_test_tools(tmp_path):
    out = make_dry_run(tmp_path, "test", site_installed=True)
    assert "pip install -q -e '.[test]'" in out
    assert "pip install -q -e .\n" not in out  # the site's part is already there


def settings_in_a_fresh_process(tmp_path, **env) -> dict:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("EMAIL_") and k not in {"HTTPS", "SECRET_KEY"}}
    clean |= {"RANDWIJZER_DATA_DIR": str(tmp_path), "DJANGO_SETTINGS_MODULE": "randwijzer.settings", **env}
    code = "from django.conf import settings as s; print(s.EMAIL_BACKEND); print(s.EMAIL_FILE_PATH)"
    out = subprocess.run([sys.executable, "-c", code], env=clean, capture_output=True, text=True, timeout=60, check=True)
    backend, path = out.stdout.split()
    return {"backend": backend, "path": path}


def test_locally_mail_goes_to_files_in_var_mail(tmp_path):
    local = settings_in_a_fresh_process(tmp_path)
    assert local == {"backend": "django.core.mail.backends.filebased.EmailBackend", "path": str(tmp_path / "mail")}


def test_with_a_mail_server_configured_mail_goes_over_smtp(tmp_path):
    assert settings_in_a_fresh_process(tmp_path, EMAIL_HOST="smtp.voorbeeld.be")["backend"].endswith("smtp.EmailBackend")
    console = "django.core.mail.backends.console.EmailBackend"
    assert settings_in_a_fresh_process(tmp_path, EMAIL_BACKEND=console)["backend"] == console


def test_serve_says_where_local_mail_goes(settings, tmp_path):
    settings.EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    settings.EMAIL_FILE_PATH = tmp_path / "mail"
    assert str(tmp_path / "mail") in local_mail_note()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    assert local_mail_note() == ""


def test_a_command_prints_no_axes_banner(tmp_path):
    env = {**os.environ, "RANDWIJZER_DATA_DIR": str(tmp_path), "DJANGO_SETTINGS_MODULE": "randwijzer.settings"}
    result = subprocess.run([sys.executable, "-m", "randwijzer.cli", "check"], env=env, capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "AXES" not in result.stdout + result.stderr
    assert django_settings.AXES_VERBOSE is False
