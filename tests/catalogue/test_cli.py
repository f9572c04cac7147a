"""The `randwijzer` commands: search, show and serve, in-process and as a real console script."""
import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from randwijzer.cli import main

pytestmark = pytest.mark.django_db

TAAL = "subsidie-taalstimulering-nederlands"


def run(*args) -> str:
    out = StringIO()
    call_command(*args, stdout=out, stderr=StringIO())
    return out.getvalue()


def fails(*args) -> CommandError:
    with pytest.raises(CommandError) as info:
        run(*args)
    assert info.value.returncode == 2
    return info.value


# ---------------------------------------------------------------- show


def test_show_funding_line_in_dutch():
    text = run("show", TAAL)
    assert text.startswith("Subsidie taalstimulering Nederlands\n")
    assert "€ 15.000" in text and "80%" in text and "3 maanden" in text
    assert "Geverifieerd op 26 november 2026" in text
    assert f"/steun/{TAAL}/" in text


def test_show_json_is_the_api_detail_object(client):
    shown = json.loads(run("show", TAAL, "--json"))
    assert shown == client.get(f"/api/v1/funding/{TAAL}").json()
    partner = json.loads(run("show", "vlabinvest", "--json"))
    assert partner == client.get("/api/v1/partners/vlabinvest").json()


def test_show_partner_and_municipality():
    assert "rand@vlaanderen.be" in run("show", "abb-team-vlaamse-rand")
    tervuren = run("show", "Tervuren")
    assert "Tervuren (NIS 24104)" in tervuren and "WIES-gemeente: te verifiëren" in tervuren
    gooik = json.loads(run("show", "gooik", "--json"))
    assert gooik["merged_into"] == "23106"
    assert "Opgegaan in Pajottegem" in run("show", "23024")


def test_show_unknown_id_exits_2_with_suggestions():
    error = fails("show", "subsidie-taal")
    assert "Geen steunmaatregel, partner of gemeente" in str(error)
    assert TAAL in str(error)
    assert "Tervuren" in str(fails("show", "Tervure"))


# ---------------------------------------------------------------- search


def test_search_in_dutch():
    text = run("search", "taalstimulering")
    assert "Steunmaatregelen (1)" in text
    assert f"Subsidie taalstimulering Nederlands [{TAAL}] – doorlopend" in text


def test_search_json_gives_the_api_list_items(client):
    found = json.loads(run("search", "--theme", "wonen", "--json"))
    assert set(found) == {"funding", "partners"}
    assert found["funding"] == client.get("/api/v1/funding", {"theme": "wonen"}).json()
    assert found["partners"] == client.get("/api/v1/partners", {"theme": "wonen"}).json()


def test_search_filters_narrow_the_results():
    everything = json.loads(run("search", "--json"))
    wemmel = json.loads(run("search", "--municipality", "Wemmel", "--json"))
    leuven = json.loads(run("search", "--municipality", "Leuven", "--applicant-type", "school", "--json"))
    ids = lambda found: {item["id"] for item in found["funding"]}  # noqa: E731
    assert ids(leuven) < ids(wemmel) <= ids(everything)
    assert "subsidie-feest-vlaamse-gemeenschap" in ids(wemmel)


def test_search_with_nothing_found():
    assert "Geen steunmaatregelen gevonden." in run("search", "xyzzy")


@pytest.mark.parametrize(("option", "value", "hint"), [
    ("--municipality", "Wemel", "Wemmel"),
    ("--theme", "wonem", "wonen"),
    ("--applicant-type", "scool", "school"),
])
def test_search_unknown_filter_exits_2_with_suggestion(option, value, hint):
    error = fails("search", option, value)
    assert value in str(error) and hint in str(error)


def test_console_entry_point_exits_2_and_writes_dutch_to_stderr(capsys):
    with pytest.raises(SystemExit) as info:
        main(["search", "--municipality", "Wemel"])
    assert info.value.code == 2
    assert "Onbekende gemeente 'Wemel'" in capsys.readouterr().err


# ---------------------------------------------------------------- the real console script


def command() -> list[str]:
    script = Path(sys.executable).with_name("randwijzer")
    return [str(script)] if script.exists() else [sys.executable, "-m", "randwijzer.cli"]


@pytest.fixture(scope="module")
def data_env(tmp_path_factory) -> dict:
    """A fresh data directory with a migrated and loaded database, as a new office would have."""
    env = {**os.environ, "RANDWIJZER_DATA_DIR": str(tmp_path_factory.mktemp("data"))}
    env.pop("DATABASE_URL", None)
    for args in (["migrate", "-v0"], ["load"]):
        subprocess.run(command() + args, env=env, check=True, capture_output=True, timeout=180)
    return env


def test_console_script_show_json(data_env):
    done = subprocess.run(command() + ["show", TAAL, "--json"], env=data_env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data["financial"]["cost_share_pct"] == 80 and data["financial"]["max_amount"] == 15000
    assert data["timing"]["lead_time_months"] == 3

    done = subprocess.run(command() + ["show", "bestaat-niet"], env=data_env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 2 and "Geen steunmaatregel" in done.stderr


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def get(url: str) -> tuple[int, bytes]:
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.status, response.read()


def test_serve_really_serves(data_env):
    port = free_port()
    server = subprocess.Popen(command() + ["serve", "--host", "127.0.0.1", "--port", str(port), "--threads", "2"],
                              env=data_env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 30
        while True:
            assert server.poll() is None, server.stderr.read()
            try:
                status, _ = get(base + "/")
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.2)
        assert status == 200
        status, body = get(base + "/api/v1/funding")
        assert status == 200 and TAAL in {item["id"] for item in json.loads(body)}
    finally:
        server.terminate()
        out, _ = server.communicate(timeout=10)
    assert f"Randwijzer draait op {base}" in out


def test_serve_refuses_a_bad_port():
    assert "poort" in str(fails("serve", "--port", "70000"))
