"""Measure building one Subsidieflash edition for 10,000 subscribers (not a test).

Runs on a throw-away SQLite database in a temporary folder: migrate, load the real
catalogue, create confirmed subscribers with varied preferences, then time `flash build`.
Usage: python bench/flash_bench.py [N]
"""
import os
import random
import sys
import tempfile
import time

os.environ["RANDWIJZER_DATA_DIR"] = tempfile.mkdtemp(prefix="rw-flash-bench-")
os.environ.pop("DATABASE_URL", None)
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "randwijzer.settings")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.utils import timezone  # noqa: E402

from randwijzer.catalogue.yaml.loader import load_catalogue  # noqa: E402
from randwijzer.catalogue.models import ApplicantType, Municipality, Territory, Theme  # noqa: E402
from randwijzer.flash import editions  # noqa: E402
from randwijzer.flash.models import Message, Subscriber  # noqa: E402


def main(n: int) -> None:
    call_command("migrate", verbosity=0)
    load_catalogue(settings.CATALOGUE_DIR)
    rng = random.Random(4)
    rand = list(Territory.objects.get(id="vlaamse-rand").municipalities.values_list("nis_code", flat=True))
    others = list(Municipality.objects.values_list("nis_code", flat=True))
    types = [None, *ApplicantType.objects.values_list("id", flat=True)]
    themes = list(Theme.objects.values_list("id", flat=True))
    now = timezone.now()
    subscribers = [
        Subscriber(email=f"lezer{i}@voorbeeld.be", confirmed_at=now,
                   municipality_id=rng.choice([None, rng.choice(rand), rng.choice(rand), rng.choice(others)]),
                   applicant_type_id=rng.choice(types))
        for i in range(n)
    ]
    Subscriber.objects.bulk_create(subscribers, batch_size=1000)
    through = Subscriber.themes.through
    links = [through(subscriber_id=s.pk, theme_id=t) for s in Subscriber.objects.only("id")
             for t in rng.sample(themes, rng.choice([0, 0, 1, 2]))]
    through.objects.bulk_create(links, batch_size=2000)

    month = timezone.localdate().strftime("%Y-%m")
    start, cpu = time.perf_counter(), time.process_time()
    report = editions.build(month)
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    size = sum(len(t) + len(h) for t, h in Message.objects.values_list("text", "html"))
    print(report)
    print(f"{n} abonnees: editie samengesteld in {seconds:.1f} s (CPU {cpu:.1f} s) "
          f"({report.queued} berichten, gemiddeld {size / max(report.queued, 1) / 1024:.1f} KiB tekst+HTML per bericht)")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 10_000)
