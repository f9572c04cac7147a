"""bench/load.py (make load): its options, its warm-up and what its report says about how the server ran.
The benchmark itself is not run here (minutes of load); these are the parts a wrong number would come from."""
import importlib.util
import sys
import threading
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location("load_bench", ROOT / "bench" / "load.py")
load = sys.modules["load_bench"] = importlib.util.module_from_spec(_spec)  # dataclasses look it up
_spec.loader.exec_module(load)


def test_the_server_keeps_database_connections_as_deployment_recommends_unless_told_otherwise(monkeypatch):
    monkeypatch.delenv("DB_CONN_MAX_AGE", raising=False)
    assert load.arguments([]).conn_max_age == 60
    monkeypatch.setenv("DB_CONN_MAX_AGE", "0")
    assert load.arguments([]).conn_max_age == 0
    assert load.arguments(["--conn-max-age", "600"]).conn_max_age == 600


@pytest.mark.parametrize("argv", [["--conn-max-age", "-1"], ["--warm-rounds", "101"], ["--section", "a b"],
                                  ["--rates", "50,10"]])
def test_bad_options_exit_2_with_the_reason(argv, capsys):
    with pytest.raises(SystemExit) as stopped:
        load.arguments(argv)
    assert stopped.value.code == 2
    assert argv[0] in capsys.readouterr().err


class FakeServer:
    def __init__(self):
        self.asked: list[str] = []
        self.lock = threading.Lock()

    def get(self, path):
        with self.lock:
            self.asked.append(path)
        return 200, {}, b""


def test_the_warm_up_asks_each_distinct_address_rounds_times_workers():
    server = FakeServer()
    sent = load.warm_up(server, ["/a", "/b", "/a", "/c"], workers=3, rounds=2)
    assert sent == len(server.asked) == 18
    assert {path: server.asked.count(path) for path in set(server.asked)} == {"/a": 6, "/b": 6, "/c": 6}


def test_the_warm_up_stops_the_run_when_a_page_does_not_answer_200():
    class Broken(FakeServer):
        def get(self, path):
            return (500 if path == "/b" else 200), {}, b""

    with pytest.raises(SystemExit, match="/b answers 500"):
        load.warm_up(Broken(), ["/a", "/b"], workers=1, rounds=1)


def test_the_mix_has_each_kind_of_page_the_report_names():
    mix = load.page_mix(["line-1", "line-2"], ["partner-1"])
    assert {kind for kind, _ in mix} == set(load.KINDS)
    assert ("api", "/api/v1/funding/line-2") in mix
    assert ("opendata", "/open-data/subsidiemaatregelen/line-1.jsonld") in mix


def test_the_report_says_how_the_server_ran():
    line = load.setup_line(3, 60, 6, "redis://127.0.0.1:6379/0")
    assert "kept 60 s" in line and "shared Redis" in line and "18 times" in line
    line = load.setup_line(3, 0, 0, "")
    assert "new database connection per request" in line and "each worker's own memory" in line and "no warm-up" in line


def test_a_section_is_written_between_its_own_markers_and_leaves_the_others(tmp_path):
    doc = tmp_path / "load.md"
    doc.write_text("intro\n<!-- load:begin -->\nold\n<!-- load:end -->\nmiddle\n", encoding="utf-8")
    load.write(doc, "redis table\n", "load-redis")
    load.write(doc, "new table\n", "load")
    load.write(doc, "redis table 2\n", "load-redis")
    text = doc.read_text(encoding="utf-8")
    assert "old" not in text and "redis table\n" not in text
    assert text.index("new table") < text.index("middle") < text.index("redis table 2")
    assert text.count("<!-- load-redis:begin -->") == 1


def test_timed_requests_name_the_port_in_host_as_the_warm_up_does():
    # The page cache keys on the absolute address: a Host without the port would miss every warmed page.
    head = load.request_head(41175, "/steun/x/").decode()
    assert head.startswith("GET /steun/x/ HTTP/1.1\r\n")
    assert "\r\nHost: 127.0.0.1:41175\r\n" in head


def test_the_report_gives_the_generators_own_cpu_share_and_the_capacity_per_core():
    def phase(target, rate, latency, cpu):
        done = load.Phase(target, rate, 10, {"healthz" if target == "healthz" else "funding": [latency] * int(rate * 10)})
        done.sent, done.elapsed, done.generator_cpu = int(rate * 10), 10.0, cpu
        return done

    text = load.report({"healthz": [phase("healthz", 5, 0.01, 0.2), phase("healthz", 50, 0.05, 1.5)],
                        "mix": [phase("mix", 5, 0.05, 0.3), phase("mix", 50, 0.3, 2.0)]}, "Run: test", 2)
    assert "generator CPU %" in text
    assert "| 50 | 500 | 50.0 | 50 | 50 | 50 | 0 | 0 | 15 |" in text  # /healthz at 50 req/s: 1.5 s CPU in 10 s
    assert "Capacity of the page mix (p95 < 200 ms, 0 errors): 5 req/s, 2.5 req/s per CPU core (p95 50 ms)." in text
