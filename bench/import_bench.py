"""Measure an IPDC import of a synthetic LDES feed (not a test).

The feed is generated from the official concept sample (tests/feeds/data, see tests/feeds/fixtures.py):
N products (5,000) on pages of 50 linked by tree:relation; 4 in 5 are financial advantages for local
governments (imported), 1 in 5 for citizens (skipped with the reason). Runs on a throw-away SQLite
database: migrate, load the catalogue, then time the first import, a re-sync (the LDES way: the last
page again) and a full re-walk of every page with nothing changed. Peak memory is the process's
maximum resident set size (the first import alone: measured before the re-syncs run).

Usage: python bench/import_bench.py [--products N] [--profile FILE]
(`make bench-import PRODUCTS=N`; default 5,000, the issue's target size). `--profile FILE` writes
cProfile statistics of the first import to FILE (read them with `python -m pstats FILE`).
"""
import argparse
import cProfile
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

os.environ["RANDWIJZER_DATA_DIR"] = tempfile.mkdtemp(prefix="rw-import-bench-")
os.environ.pop("DATABASE_URL", None)
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "randwijzer.settings")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402

from randwijzer.catalogue.yaml.loader import load_catalogue  # noqa: E402
from randwijzer.catalogue.models import FundingLine  # noqa: E402
from randwijzer.feeds import importing  # noqa: E402
from randwijzer.feeds.models import FeedState  # noqa: E402
from tests.feeds.fixtures import citizen_concept, local_government_concept, page  # noqa: E402

PER_PAGE = 50


def write_feed(folder: Path, n: int) -> Path:
    pages = (n + PER_PAGE - 1) // PER_PAGE
    for p in range(pages):
        products = [local_government_concept(i + 1) if i % 5 else citizen_concept(i + 1)
                    for i in range(p * PER_PAGE, min(n, (p + 1) * PER_PAGE))]
        # N-Triples (rdflib reads it several times faster than Turtle): the products are, the links made so.
        following = [(folder / f"page-{p + 1}.nt").as_uri()] if p + 1 < pages else []
        text = page(products, following, f"synthetic LDES page {p} from the IPDC concept sample")
        text = text.replace("<> ", f"<{(folder / f'page-{p}.nt').as_uri()}> ")
        (folder / f"page-{p}.nt").write_text(text, encoding="utf-8")
    return folder / "page-0.nt"


def timed(location: str, profile: str | None = None):
    profiler = cProfile.Profile() if profile else None  # its own clock: a CPU-time clock is a system call per event (5× slower)
    start, cpu = time.perf_counter(), time.process_time()
    if profiler:
        profiler.enable()
    report = importing.run("ipdc", location)
    if profiler:
        profiler.disable()
        profiler.dump_stats(profile)
    return report, time.perf_counter() - start, time.process_time() - cpu


def main(n: int, profile: str | None = None) -> None:
    call_command("migrate", verbosity=0)
    load_catalogue(settings.CATALOGUE_DIR)
    start = write_feed(Path(tempfile.mkdtemp(prefix="rw-ldes-")), n)
    first, first_s, first_cpu = timed(str(start), profile)
    print(first.summary())
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    again, again_s, again_cpu = timed(str(start))
    print(again.summary())
    FeedState.objects.all().delete()
    full, full_s, full_cpu = timed(str(start))
    print(full.summary())
    print()
    print(f"| {n} products, {FundingLine.objects.filter(feed_source='ipdc').count()} lines | wall s | CPU s |")
    print("|---|---|---|")
    print(f"| first import | {first_s:.1f} | {first_cpu:.1f} |")
    print(f"| re-sync (last page again) | {again_s:.1f} | {again_cpu:.1f} |")
    print(f"| full re-walk, nothing changed | {full_s:.1f} | {full_cpu:.1f} |")
    print(f"\npeak memory (max RSS): {peak_mb:.0f} MB")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description="Time an IPDC import of a synthetic LDES feed.")
    parser.add_argument("--products", type=int, default=5000, help="products in the feed (5000)")
    parser.add_argument("--profile", metavar="FILE", help="write cProfile statistics of the first import to FILE")
    parser.add_argument("n", nargs="?", type=int, help=argparse.SUPPRESS)  # the older `import_bench.py N`
    arguments = parser.parse_args()
    main(arguments.n or arguments.products, arguments.profile)
