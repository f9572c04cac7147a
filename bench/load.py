"""Capacity benchmark (make load): open-loop arrivals at increasing rates against gunicorn + PostgreSQL.

    scripts/with-postgres.sh .venv/bin/python bench/load.py [--rates 25,50,100,200,400] [--duration 10]
        [--workers 3] [--conn-max-age 60] [--warm-rounds 6] [--write docs/load.md] [--section load]

Prepares a database (migrate, load, collectstatic) and starts gunicorn exactly as `make serve-prod`
does on a free 127.0.0.1 port. Then, for each rate in turn, two phases of DURATION seconds each:
`/healthz` (one SELECT 1: what the server itself can do) and the page mix people read (a funding
line, a partner, a municipality, a catalogue search, a Projectwijzer permalink, the calendar feed,
a funding line from the API, a funding line's open-data document, in turn).

gunicorn runs as docs/deployment.md recommends for production: database connections kept between
requests (DB_CONN_MAX_AGE, 60 s; 0 opens a PostgreSQL connection per request, which alone costs
more than serving a cached page). The page cache is each worker's own memory unless CACHE_URL is
set (scripts/with-redis.sh: one Redis shared by all workers). Before timing, every distinct address
of the mix is requested WARM_ROUNDS × workers times by as many clients as there are workers, so that
(almost surely) each worker has rendered each page once: the state of a site some minutes after a
start or a catalogue change. The report says all three.

Open loop: the requests' start times are drawn in advance (Poisson arrivals at the rate, fixed
seed), independent of the answers, and each latency is measured from its scheduled time, so time
spent waiting for a free worker counts, as it does for a person. A closed loop (N clients that wait
for each answer) slows its own arrivals down when the server is slow and hides that queue.

An error is a status other than 200, a connection failure, no answer within TIMEOUT seconds, or a
request not sent because MAX_IN_FLIGHT were already waiting. A target stops climbing after a rate
with errors above 1 % or p95 above STOP_P95. Bounded: at most 2,000 req/s, 120 s a phase.
"""
from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import random
import resource
import subprocess
import sys
import tempfile
import time
import urllib.parse
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from tests.ops.server import Gunicorn  # noqa: E402

RATES = (5, 10, 25, 50, 100, 200, 400)
TIMEOUT = 10.0  # seconds an answer may take before it counts as an error
MAX_IN_FLIGHT = 1000  # requests waiting at once; beyond this an arrival is an error (not sent)
STOP_P95 = 1.0  # seconds: after a rate above this (or over 1 % errors) a target climbs no further
TARGET_P95 = 0.2  # seconds: the capacity is the highest rate with p95 under this and no errors
MAX_RATE, MAX_DURATION = 2000, 120
SEED = 17
SEARCHES = ["taal", "sport", "cultuur", "samenleven", "muziek voor kinderen", "vrijwilligers"]
MATCHES = [
    ("We willen als vzw een taalcafé opstarten waar anderstalige ouders Nederlands oefenen.", "Wemmel", "vzw"),
    ("Onze school wil een voorleesproject met de bibliotheek.", "Dilbeek", "school"),
    ("Dorpsfeest op 11 juli met optreden en kinderanimatie.", "Linkebeek", "feitelijke-vereniging"),
]
MUNICIPALITIES = ["wemmel", "dilbeek", "zaventem", "grimbergen"]
KINDS = ("funding", "partner", "municipality", "search", "permalink", "calendar", "api", "opendata")
WARM_ROUNDS = 6  # requests per distinct address and worker before timing: a worker misses one with p ≈ (1 - 1/W)^(6W)
CONN_MAX_AGE = 60  # seconds, as docs/deployment.md recommends


def page_mix(funding_ids: list[str], partner_ids: list[str]) -> list[tuple[str, str]]:
    """The pages people read, one of each kind in turn (each kind cycles through its own paths)."""
    paths = {
        "funding": [f"/steun/{i}/" for i in funding_ids],
        "partner": [f"/partners/{i}/" for i in partner_ids],
        "municipality": [f"/gemeenten/{slug}/" for slug in MUNICIPALITIES],
        "search": ["/catalogus/?" + urllib.parse.urlencode({"q": q}) for q in SEARCHES],
        "permalink": ["/match/?" + urllib.parse.urlencode({"text": t, "municipality": m, "applicant_type": a})
                      for t, m, a in MATCHES],
        "calendar": ["/calendar.ics"],
        "api": [f"/api/v1/funding/{i}" for i in funding_ids],
        "opendata": [f"/open-data/subsidiemaatregelen/{i}.jsonld" for i in funding_ids],
    }
    rounds = max(len(p) for p in paths.values())
    return [(kind, paths[kind][n % len(paths[kind])]) for n in range(rounds) for kind in KINDS]


@dataclass
class Phase:
    target: str
    rate: float
    duration: float
    latencies: dict[str, list[float]] = field(default_factory=dict)  # per kind, seconds from the scheduled time
    errors: list[str] = field(default_factory=list)
    sent: int = 0
    elapsed: float = 0.0
    late_start: float = 0.0  # how far behind its timeline the generator itself fell (max, seconds)
    generator_cpu: float = 0.0  # CPU seconds the load generator itself used (it shares the machine's cores)

    @property
    def ok(self) -> list[float]:
        return [x for values in self.latencies.values() for x in values]

    @property
    def throughput(self) -> float:
        return len(self.ok) / self.elapsed if self.elapsed else 0.0

    def p(self, pct: float, kind: str | None = None) -> float:
        return percentile(self.latencies.get(kind, []) if kind else self.ok, pct)

    @property
    def error_share(self) -> float:
        return len(self.errors) / self.sent if self.sent else 0.0

    @property
    def within_target(self) -> bool:
        return not self.errors and self.p(95) < TARGET_P95

    @property
    def blown(self) -> bool:
        return self.error_share > 0.01 or not self.p(95) < STOP_P95


def percentile(values: list[float], pct: float) -> float:
    """Nearest rank; NaN for no values (a phase where everything failed)."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[max(0, min(len(ordered) - 1, round(pct / 100 * len(ordered) + 0.5) - 1))]


def request_head(port: int, path: str) -> bytes:
    # The Host header names the port, as a browser's does and as the warm-up's (urllib) does: the page
    # cache keys on the absolute address, so without the port no timed request would find a warmed page.
    return (f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n"
            "User-Agent: randwijzer-load\r\n\r\n").encode()


async def fetch(port: int, path: str) -> int:
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    try:
        writer.write(request_head(port, path))
        await writer.drain()
        status_line = await reader.readline()
        await reader.read()  # until the server closes: the whole answer has arrived
        return int(status_line.split()[1])
    finally:
        writer.close()


async def run_phase(port: int, target: str, paths: list[tuple[str, str]], rate: float, duration: float) -> Phase:
    phase = Phase(target, rate, duration, {kind: [] for kind, _ in paths})
    rng = random.Random(f"{SEED}-{target}-{rate}")
    schedule, t = [], rng.expovariate(rate)
    while t < duration:
        schedule.append(t)
        t += rng.expovariate(rate)
    loop = asyncio.get_running_loop()
    in_flight: set[asyncio.Task] = set()

    async def one(kind: str, path: str, due: float) -> None:
        try:
            status = await asyncio.wait_for(fetch(port, path), TIMEOUT - (loop.time() - due))
        except (OSError, asyncio.TimeoutError, ValueError, IndexError) as exc:
            phase.errors.append(f"{type(exc).__name__} {path}")
            return
        if status == 200:
            phase.latencies[kind].append(loop.time() - due)
        else:
            phase.errors.append(f"{status} {path}")

    start, cpu = loop.time(), time.process_time()
    for n, offset in enumerate(schedule):
        due = start + offset
        delay = due - loop.time()
        if delay > 0:
            await asyncio.sleep(delay)
        else:
            phase.late_start = max(phase.late_start, -delay)
        kind, path = paths[n % len(paths)]
        phase.sent += 1
        if len(in_flight) >= MAX_IN_FLIGHT:
            phase.errors.append(f"not sent ({MAX_IN_FLIGHT} waiting) {path}")
            continue
        task = asyncio.create_task(one(kind, path, due))
        in_flight.add(task)
        task.add_done_callback(in_flight.discard)
    if in_flight:
        await asyncio.wait(set(in_flight))
    phase.elapsed = max(loop.time() - start, duration)
    phase.generator_cpu = time.process_time() - cpu
    return phase


def ms(seconds: float) -> str:
    return "–" if seconds != seconds else f"{seconds * 1000:.0f}"


def table(header: list[str], body: list[list[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---:" for _ in header) + "|"]
    return "\n".join(lines + ["| " + " | ".join(r) + " |" for r in body])


def capacity(phases: list[Phase]) -> Phase | None:
    """The highest rate with p95 under the target and no errors (only rates below the first miss count)."""
    best = None
    for phase in phases:
        if not phase.within_target:
            break
        best = phase
    return best


def report(phases: dict[str, list[Phase]], info: str, cores: int) -> str:
    header = ["offered req/s", "sent", "achieved req/s", "p50 ms", "p95 ms", "p99 ms", "errors", "generator late ms",
              "generator CPU %"]
    parts = [info, ""]
    for target, label in (("healthz", "`/healthz` (baseline)"), ("mix", "the page mix")):
        parts += [f"**{label}**", "", table(header, [
            [f"{p.rate:g}", str(p.sent), f"{p.throughput:.1f}", ms(p.p(50)), ms(p.p(95)), ms(p.p(99)), str(len(p.errors)),
             ms(p.late_start), f"{100 * p.generator_cpu / p.elapsed:.0f}" if p.elapsed else "–"] for p in phases[target]]), ""]
    mix = phases["mix"]
    parts += ["**p95 per page kind** (ms)", "",
              table(["offered req/s", *KINDS], [[f"{p.rate:g}", *(ms(p.p(95, k)) for k in KINDS)] for p in mix]), ""]
    lines = []
    for target, label in (("healthz", "`/healthz`"), ("mix", "page mix")):
        cap = capacity(phases[target])
        lines.append(f"- Capacity of the {label} (p95 < {TARGET_P95 * 1000:.0f} ms, 0 errors): "
                     + (f"{cap.rate:g} req/s, {cap.rate / cores:g} req/s per CPU core (p95 {ms(cap.p(95))} ms)."
                        if cap else f"below {phases[target][0].rate:g} req/s (the lowest rate tried)."))
    top = {t: max(phases[t], key=lambda p: p.throughput) for t in phases}
    ratio = top["mix"].throughput / top["healthz"].throughput if top["healthz"].throughput else float("nan")
    healthz_saturated = top["healthz"].throughput < 0.9 * phases["healthz"][-1].rate or phases["healthz"][-1].blown
    lines.append(f"- Highest achieved throughput: page mix {top['mix'].throughput:.1f} req/s, `/healthz` "
                 f"{top['healthz'].throughput:.1f} req/s: ratio {ratio:.2f}×"
                 + ("." if healthz_saturated else
                    f" (`/healthz` kept up with the highest rate tried, so its real ceiling is higher and the ratio lower)."))
    failures: dict[str, int] = {}
    for phase in (p for target in phases.values() for p in target):
        for error in phase.errors:
            reason = error.split(" /", 1)[0]
            failures[reason] = failures.get(reason, 0) + 1
    if failures:
        lines.append("- Errors by kind: " + ", ".join(f"{reason} × {n}" for reason, n in sorted(failures.items())) + ".")
    return "\n".join(parts + lines) + "\n"


def machine(url: str) -> str:
    cpu, ram = platform.processor() or platform.machine(), "?"
    try:
        with open("/proc/cpuinfo") as handle:
            cpu = next((line.split(":", 1)[1].strip() for line in handle if line.startswith("model name")), cpu)
        with open("/proc/meminfo") as handle:
            kib = next(int(line.split()[1]) for line in handle if line.startswith("MemTotal"))
            ram = f"{kib / 2**20:.1f} GiB"
    except (OSError, StopIteration, ValueError):
        pass
    database = url.split(":", 1)[0]
    if url.startswith("postgres"):
        import psycopg

        with psycopg.connect(url) as conn:
            database = "PostgreSQL " + conn.execute("show server_version").fetchone()[0]
    return (f"{os.cpu_count()} CPU cores ({cpu}), {ram} RAM, Python {platform.python_version()}, {database}, "
            f"load average before the run {os.getloadavg()[0]:.1f}")


def prepare(url: str, data_dir: Path) -> None:
    env = {**os.environ, "DATABASE_URL": url, "RANDWIJZER_DATA_DIR": str(data_dir), "LOG_LEVEL": "WARNING"}
    cli = [str(Path(sys.executable).with_name("randwijzer"))]
    for args in (["migrate", "--no-input", "-v", "0"], ["load"], ["collectstatic", "--no-input", "-v", "0"]):
        subprocess.run(cli + args, env=env, check=True, cwd=ROOT, stdout=subprocess.DEVNULL)


def ids(server: Gunicorn, path: str) -> list[str]:
    listing = json.loads(server.get(path)[2])
    return [item["id"] for item in (listing["items"] if isinstance(listing, dict) else listing)]


def warm_up(server: Gunicorn, paths: list[str], workers: int, rounds: int = WARM_ROUNDS) -> int:
    """Every page must answer 200 before its speed means anything. Each distinct address is requested
    rounds × workers times by as many clients as there are workers: gunicorn hands a request to any
    free worker, so this makes it very likely that each worker has rendered and cached each page (with
    a shared cache one render is enough). Returns the number of requests sent."""
    distinct = list(dict.fromkeys(paths))
    todo = [path for _ in range(max(1, rounds) * workers) for path in distinct]
    with ThreadPoolExecutor(workers) as pool:
        for path, (status, _, _) in zip(todo, pool.map(server.get, todo)):
            if status != 200:
                raise SystemExit(f"load: {path} answers {status}, not 200; no measurement.")
    return len(todo)


def measure(server: Gunicorn, rates: list[float], duration: float, workers: int,
            warm_rounds: int = WARM_ROUNDS) -> dict[str, list[Phase]]:
    port = int(server.url.rsplit(":", 1)[1])
    mix = page_mix(ids(server, "/api/v1/funding"), ids(server, "/api/v1/partners"))
    if warm_rounds:
        sent = warm_up(server, [path for _, path in mix], workers, warm_rounds)
        print(f"load: warm-up: {sent} requests, {len(set(mix))} distinct addresses", file=sys.stderr)
    else:  # still: every page must answer 200
        warm_up(server, [path for _, path in mix], 1, 1)
    targets = {"healthz": [("healthz", "/healthz")], "mix": mix}
    phases: dict[str, list[Phase]] = {t: [] for t in targets}
    for rate in rates:  # the two targets side by side at each rate: the same machine, the same minute
        for target, paths in targets.items():
            if phases[target] and phases[target][-1].blown:
                continue
            phase = asyncio.run(run_phase(port, target, paths, rate, duration))
            phases[target].append(phase)
            print(f"load: {target:7} {rate:5g} req/s offered: {phase.throughput:6.1f} achieved, p95 {ms(phase.p(95))} ms, "
                  f"{len(phase.errors)} errors", file=sys.stderr)
            settle(server)
    return phases


def settle(server: Gunicorn, quiet: float = 0.1, limit: float = 60) -> None:
    """Wait until the workers have finished what timed-out clients left queued (a lone /healthz answers
    quickly again), so that one phase's backlog is not measured in the next."""
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        started = time.monotonic()
        try:
            if server.get("/healthz", timeout=limit)[0] == 200 and time.monotonic() - started < quiet:
                return
        except OSError:
            pass
        time.sleep(0.5)


def write(path: Path, report_text: str, section: str = "load") -> None:
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    start, end = f"<!-- {section}:begin -->", f"<!-- {section}:end -->"
    block = f"{start}\n{report_text}{end}"
    if start in text and end in text:
        text = text[: text.index(start)] + block + text[text.index(end) + len(end):]
    else:
        text = (text or "# Load test\n\n") + ("\n" if text else "") + block + "\n"
    path.write_text(text, encoding="utf-8")


def arguments(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rates", default=os.environ.get("RATES", ",".join(map(str, RATES))),
                        help="offered rates in requests a second, comma-separated, climbing")
    parser.add_argument("--duration", type=float, default=float(os.environ.get("DURATION", 10)), help="seconds per rate and target")
    parser.add_argument("--workers", type=int, default=int(os.environ.get("WORKERS", 3)))
    parser.add_argument("--conn-max-age", type=int, default=int(os.environ.get("DB_CONN_MAX_AGE") or CONN_MAX_AGE),
                        help="seconds gunicorn keeps a database connection (DB_CONN_MAX_AGE; 0: one per request)")
    parser.add_argument("--warm-rounds", type=int, default=int(os.environ.get("WARM_ROUNDS", WARM_ROUNDS)),
                        help="requests per distinct address and worker before timing (0: one each, only to check for 200)")
    parser.add_argument("--write", type=Path, help="write the report (Markdown) into this file")
    parser.add_argument("--section", default="load", help="the markers in --write between which the report goes")
    args = parser.parse_args(argv)
    try:
        rates = [float(r) for r in args.rates.replace(" ", ",").split(",") if r]
    except ValueError:
        parser.error(f"--rates: numbers separated by commas, not {args.rates!r}")
    if not rates or rates != sorted(rates) or not all(0 < r <= MAX_RATE for r in rates):
        parser.error(f"--rates: climbing rates between 0 and {MAX_RATE} req/s")
    if not 1 <= args.duration <= MAX_DURATION or not 1 <= args.workers <= 32:
        parser.error(f"duration 1–{MAX_DURATION} s, workers 1–32")
    if not 0 <= args.conn_max_age <= 3600 or not 0 <= args.warm_rounds <= 100:
        parser.error("--conn-max-age 0–3600 s, --warm-rounds 0–100")
    if not args.section.replace("-", "").isalnum():
        parser.error("--section: letters, digits and hyphens")
    args.rates = rates
    return args


def setup_line(workers: int, conn_max_age: int, warm_rounds: int, cache_url: str) -> str:
    """How the server ran, for the report: the three things that change its numbers most."""
    cache = ("the page cache in one shared Redis (`CACHE_URL`)" if cache_url.startswith(("redis", "rediss", "unix"))
             else "the page cache in one shared server (`CACHE_URL`)" if cache_url
             else "the page cache in each worker's own memory (no `CACHE_URL`)")
    connections = (f"database connections kept {conn_max_age} s (`DB_CONN_MAX_AGE`)" if conn_max_age
                   else "a new database connection per request (`DB_CONN_MAX_AGE=0`)")
    warm = (f"before timing, each distinct address requested {warm_rounds * workers} times ({warm_rounds} per worker)"
            if warm_rounds else "no warm-up (each address requested once, to check it answers 200)")
    return f"gunicorn {workers} sync workers; {connections}; {cache}; {warm}"


def main(argv: list[str] | None = None) -> int:
    args = arguments(argv)
    rates = args.rates
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)  # one socket per request in flight
    resource.setrlimit(resource.RLIMIT_NOFILE, (max(soft, min(hard, MAX_IN_FLIGHT + 256)), hard))
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgres"):
        print("load: DATABASE_URL is not PostgreSQL; run me under scripts/with-postgres.sh (make load does).", file=sys.stderr)
    with tempfile.TemporaryDirectory(prefix="randwijzer-load-") as tmp:
        data_dir = Path(tmp)
        url = url or f"sqlite:///{data_dir / 'load.sqlite3'}"
        info = machine(url)
        prepare(url, data_dir)
        extra_env = {"LOG_REQUESTS": "0", "LOG_LEVEL": "WARNING", "DB_CONN_MAX_AGE": str(args.conn_max_age)}
        with Gunicorn(url, data_dir, workers=args.workers, extra_env=extra_env) as server:
            print(f"load: rates {rates} req/s, {args.duration:g} s each for /healthz and the page mix, "
                  f"gunicorn ({args.workers} workers) on {server.url}", file=sys.stderr)
            phases = measure(server, rates, args.duration, args.workers, args.warm_rounds)
    setup = setup_line(args.workers, args.conn_max_age, args.warm_rounds, os.environ.get("CACHE_URL", "").strip())
    info = (f"Run: {time.strftime('%Y-%m-%d %H:%M')}; {info}, after {os.getloadavg()[0]:.1f}; {setup}; "
            f"the load generator on the same machine (loopback); Poisson arrivals, {args.duration:g} s per rate.")
    text = report(phases, info, os.cpu_count() or 1)
    print(text)
    if args.write:
        write(args.write, text, args.section)
    return 0


if __name__ == "__main__":
    sys.exit(main())
