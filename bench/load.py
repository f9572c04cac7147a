"""Load test (make load): gunicorn + the configured database, many concurrent clients, loopback only.

    scripts/with-postgres.sh .venv/bin/python bench/load.py [--clients 100] [--duration 60] [--workers 3] [--write docs/load.md]

Prepares a database (migrate, load, collectstatic) and starts gunicorn exactly as
`make serve-prod` does on a free 127.0.0.1 port. Then two phases with the same clients:
a trivial view (/healthz, one SELECT 1) for a baseline of what the server itself can do,
then the mix: catalogue search, the Projectwijzer (match), funding pages and /calendar.ics.
Each client sends one request after another (new connection per request: gunicorn's sync
workers close them). Reports throughput, p50/p95/p99 per kind, and every error (status >= 500,
other unexpected status, timeout, connection failure). Bounded: at most 500 clients and 600 s;
everything stops by itself and gunicorn is stopped at the end.
"""
from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from tests.ops.server import Gunicorn  # noqa: E402

MAX_CLIENTS, MAX_DURATION, REQUEST_TIMEOUT = 500, 600, 30
SEARCHES = ["taal", "sport", "cultuur", "samenleven", "muziek voor kinderen", "vrijwilligers"]
MATCHES = [
    ("We willen als vzw een taalcafé opstarten waar anderstalige ouders Nederlands oefenen.", "Wemmel", "vzw"),
    ("Onze school wil een voorleesproject met de bibliotheek.", "Dilbeek", "school"),
    ("Dorpsfeest op 11 juli met optreden en kinderanimatie.", "Linkebeek", "feitelijke-vereniging"),
]


def mixed_paths(funding_ids: list[str]) -> list[tuple[str, str]]:
    paths = [("search", "/catalogus/?" + urllib.parse.urlencode({"q": q})) for q in SEARCHES]
    paths += [("match", "/match/?" + urllib.parse.urlencode({"text": t, "municipality": m, "applicant_type": a}))
              for t, m, a in MATCHES]
    paths += [("funding", f"/steun/{i}/") for i in funding_ids]
    paths += [("calendar", "/calendar.ics")] * 2
    return paths


async def fetch(port: int, path: str) -> int:
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    try:
        writer.write(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nUser-Agent: randwijzer-load\r\n\r\n".encode())
        await writer.drain()
        status_line = await reader.readline()
        await reader.read()  # until the server closes: the whole answer has arrived
        return int(status_line.split()[1])
    finally:
        writer.close()


async def phase(port: int, paths: list[tuple[str, str]], clients: int, duration: float) -> dict:
    latencies: dict[str, list[float]] = defaultdict(list)
    errors: dict[str, list[str]] = defaultdict(list)
    deadline = time.monotonic() + duration

    async def client(n: int) -> None:
        i = n
        while time.monotonic() < deadline:
            kind, path = paths[i % len(paths)]
            i += 1
            started = time.perf_counter()
            try:
                status = await asyncio.wait_for(fetch(port, path), REQUEST_TIMEOUT)
                if status != 200:
                    errors[kind].append(f"{status} {path}")
            except (OSError, asyncio.TimeoutError, ValueError, IndexError) as exc:
                errors[kind].append(f"{type(exc).__name__} {path}")
                continue
            latencies[kind].append(time.perf_counter() - started)

    started = time.monotonic()
    await asyncio.wait_for(asyncio.gather(*(client(n) for n in range(clients))), duration + REQUEST_TIMEOUT + 10)
    return {"elapsed": time.monotonic() - started, "latencies": latencies, "errors": errors}


def percentile(values: list[float], p: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def rows(result: dict) -> list[list[str]]:
    out = []
    kinds = sorted(set(result["latencies"]) | set(result["errors"]))
    for kind in [*kinds, "all"] if len(kinds) > 1 else kinds:
        lat = [x for k in kinds for x in result["latencies"][k]] if kind == "all" else result["latencies"][kind]
        err = sum(len(result["errors"][k]) for k in kinds) if kind == "all" else len(result["errors"][kind])
        ms = [x * 1000 for x in lat]
        out.append([kind, str(len(lat) + err), f"{len(lat) / result['elapsed']:.1f}",
                    *(f"{percentile(ms, p):.0f}" for p in (50, 95, 99)), f"{max(ms, default=0):.0f}", str(err)])
    return out


def table(header: list[str], body: list[list[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    return "\n".join(lines + ["| " + " | ".join(r) + " |" for r in body])


def prepare(url: str, data_dir: Path) -> None:
    env = {**os.environ, "DATABASE_URL": url, "RANDWIJZER_DATA_DIR": str(data_dir), "LOG_LEVEL": "WARNING"}
    cli = [str(Path(sys.executable).with_name("randwijzer"))]
    for args in (["migrate", "--no-input", "-v", "0"], ["load"], ["collectstatic", "--no-input", "-v", "0"]):
        subprocess.run(cli + args, env=env, check=True, cwd=ROOT, stdout=subprocess.DEVNULL)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clients", type=int, default=int(os.environ.get("CLIENTS", 100)))
    parser.add_argument("--duration", type=float, default=float(os.environ.get("DURATION", 60)))
    parser.add_argument("--baseline-duration", type=float, default=None, help="seconds on /healthz (default: duration/3)")
    parser.add_argument("--workers", type=int, default=int(os.environ.get("WORKERS", 3)))
    parser.add_argument("--write", type=Path, help="write the report (Markdown) to this file")
    args = parser.parse_args()
    if not 1 <= args.clients <= MAX_CLIENTS or not 1 <= args.duration <= MAX_DURATION or not 1 <= args.workers <= 32:
        parser.error(f"clients 1–{MAX_CLIENTS}, duration 1–{MAX_DURATION} s, workers 1–32")
    baseline = args.baseline_duration or max(5.0, args.duration / 3)
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgres"):
        print("load: DATABASE_URL is not PostgreSQL; run me under scripts/with-postgres.sh (make load does).", file=sys.stderr)
    with tempfile.TemporaryDirectory(prefix="randwijzer-load-") as tmp:
        data_dir = Path(tmp)
        if not url:
            url = f"sqlite:///{data_dir / 'load.sqlite3'}"
        prepare(url, data_dir)
        with Gunicorn(url, data_dir, workers=args.workers, extra_env={"LOG_REQUESTS": "0", "LOG_LEVEL": "WARNING"}) as server:
            port = int(server.url.rsplit(":", 1)[1])
            listing = json.loads(server.get("/api/v1/funding")[2])
            funding_ids = [item["id"] for item in (listing["items"] if isinstance(listing, dict) else listing)]
            print(f"load: {args.clients} clients, /healthz for {baseline:.0f} s, then the mix for {args.duration:.0f} s "
                  f"against gunicorn ({args.workers} workers) on {server.url}", file=sys.stderr)
            trivial = asyncio.run(phase(port, [("healthz (trivial)", "/healthz")], args.clients, baseline))
            mixed = asyncio.run(phase(port, mixed_paths(funding_ids), args.clients, args.duration))
    header = ["requests", "n", "req/s", "p50 ms", "p95 ms", "p99 ms", "max ms", "errors"]
    report = "\n".join([
        f"Run: {time.strftime('%Y-%m-%d %H:%M')}, {os.cpu_count()} CPU cores ({platform.processor() or platform.machine()}), "
        f"Python {platform.python_version()}, database {url.split(':', 1)[0]}, gunicorn {args.workers} sync workers, "
        f"{args.clients} concurrent clients on the same machine (loopback).", "",
        table(header, rows(trivial) + rows(mixed)), "",
    ])
    errors = [e for r in (trivial, mixed) for es in r["errors"].values() for e in es]
    if errors:
        report += "\nFirst errors: " + "; ".join(errors[:10]) + "\n"
    print(report)
    if args.write:
        text = args.write.read_text(encoding="utf-8") if args.write.exists() else ""
        start, end = "<!-- load:begin -->", "<!-- load:end -->"
        block = f"{start}\n{report}{end}"
        if start in text and end in text:
            text = text[: text.index(start)] + block + text[text.index(end) + len(end):]
        else:
            text = (text or "# Load test\n\n") + block + "\n"
        args.write.write_text(text, encoding="utf-8")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
