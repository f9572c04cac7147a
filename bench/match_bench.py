#!/usr/bin/env python
"""`make bench`: match latency and memory of the project matcher on synthetic catalogues.

For each catalogue size (1k, 10k, 100k funding lines) a fresh subprocess
- generates the lines deterministically from the real catalogue's Dutch text,
- builds `Matcher(lines, line_texts, partners, partner_texts)` (timed separately),
- times `Matcher.match(req, limit=20)` over a fixed set of project queries,
- records the process's peak RSS,
- and, in the same process, times a bare SQLite FTS5 query over the same rows and query words.

The parent collects the figures, prints a Markdown table and writes it into docs/benchmark.md
(between the `bench:start` / `bench:end` markers; text outside them is kept).

    python bench/match_bench.py                      # all sizes, writes docs/benchmark.md
    python bench/match_bench.py --sizes 1000 --no-write
    python bench/match_bench.py --worker 10000       # one size, JSON on the last line
"""
from __future__ import annotations

import argparse
import csv
import datetime as dt
import gc
import json
import os
import platform
import random
import re
import resource
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DOC = ROOT / "docs" / "benchmark.md"
SIZES = (1_000, 10_000, 100_000)
QUERIES = 200
WARMUP = 5
LIMIT = 20
SEED = 20261126
REFERENCE = dt.date(2026, 11, 26)  # the reference date of eval/cases.yaml
APPLICANT_TYPES = ("lokaal-bestuur", "vzw", "feitelijke-vereniging", "school", "andere-organisatie")
# Targets from the issue.
TARGET_P95_MS = 50.0
TARGET_RATIO = 3.0
TARGET_RSS_MB = 500.0
MARK_START, MARK_END = "<!-- bench:start -->", "<!-- bench:end -->"


# ---------------------------------------------------------------- measuring


def rss_mb() -> float:
    """Current resident set size of this process."""
    with open("/proc/self/status") as handle:
        for line in handle:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def percentile(values: list[float], pct: float) -> float:
    """Nearest-rank percentile."""
    ordered = sorted(values)
    rank = max(1, min(len(ordered), round(pct / 100 * len(ordered) + 0.5)))
    return ordered[rank - 1]


def summary(seconds: list[float]) -> dict:
    ms = [s * 1000 for s in seconds]
    return {"p50": percentile(ms, 50), "p95": percentile(ms, 95), "p99": percentile(ms, 99),
            "mean": sum(ms) / len(ms), "max": max(ms), "n": len(ms)}


# ---------------------------------------------------------------- real vocabulary


def _load_yaml(path: Path):
    import yaml

    with path.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def _sentences(text: str | None) -> list[str]:
    text = " ".join((text or "").split())
    return [s for s in re.split(r"(?<=[.;!?])\s+", text) if s]


class Corpus:
    """Words and sentences of the real catalogue, recombined by a first-order Markov chain.

    The chain follows real word pairs, so generated text has the catalogue's vocabulary,
    word frequencies and compounds ('taalstimulering', 'faciliteitengemeenten'), without
    copying whole lines.
    """

    def __init__(self, rng: random.Random):
        self.rng = rng
        prose, titles = [], []
        for path in sorted((ROOT / "data" / "catalogue").rglob("*.yaml")):
            doc = _load_yaml(path) or {}
            if path.parent.name == "funding":
                titles.append(doc.get("title"))
                prose += [doc.get("summary"), doc.get("description"), doc.get("status_reason")]
                prose += [c.get("text") for c in doc.get("conditions", [])]
                prose += [x.get("text") for x in doc.get("limits", [])]
                for example in doc.get("examples", []):
                    titles.append(example.get("title"))
                    prose.append(example.get("description"))
                prose += [v for v in (doc.get("to_verify") or {}).values()]
            elif path.parent.name == "partners":
                titles.append(doc.get("name"))
                prose += [doc.get("summary"), doc.get("description")]
                for service in doc.get("services", []):
                    titles.append(service.get("title"))
                    prose.append(service.get("description"))
            elif path.name == "vocabularies.yaml":
                for group in doc.values():
                    for item in group if isinstance(group, list) else []:
                        titles.append(item.get("label"))
                        prose.append(item.get("description"))
        self.sentences = [s for text in prose for s in _sentences(text)]
        self.titles = [t for t in titles if t]
        self.prose_chain = self._chain(self.sentences)
        self.title_chain = self._chain(self.titles)
        self.prose_starts = [s.split()[0] for s in self.sentences]
        self.title_starts = [t.split()[0] for t in self.titles]
        self.words = sorted({w for s in self.sentences for w in s.split()})

    @staticmethod
    def _chain(texts: list[str]) -> dict[str, list[str | None]]:
        chain: dict[str, list[str | None]] = {}
        for text in texts:
            words = text.split()
            for a, b in zip(words, [*words[1:], None]):
                chain.setdefault(a, []).append(b)
        return chain

    def _walk(self, chain, starts, max_words: int) -> list[str]:
        choice = self.rng.choice
        word = choice(starts)
        out = [word]
        while len(out) < max_words:
            word = choice(chain.get(word) or [None])
            if word is None:
                break
            out.append(word)
        return out

    def sentence(self, max_words: int = 30) -> str:
        words = self._walk(self.prose_chain, self.prose_starts, max_words)
        text = " ".join(words)
        return text if text[-1] in ".;!?" else text.rstrip(",:;") + "."

    def text(self, words: int) -> str:
        """Sentences until about `words` words."""
        out, count = [], 0
        while count < words:
            sentence = self.sentence(min(30, max(6, words - count + 4)))
            out.append(sentence)
            count += sentence.count(" ") + 1
        return " ".join(out)

    def title(self, words: int = 6) -> str:
        out: list[str] = []
        while len(out) < words:
            out += self._walk(self.title_chain, self.title_starts, words - len(out))
        return " ".join(out[:words]).rstrip(",.;:")


# ---------------------------------------------------------------- real places


class Places:
    """Municipalities and territories by the rules of data/catalogue/territories.yaml."""

    def __init__(self):
        info = _load_yaml(ROOT / "data" / "catalogue" / "municipalities.yaml")
        self.rows: dict[str, dict] = {}
        with (ROOT / "data" / "reference" / "municipalities-be-2020.csv").open(encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                self.rows[row["NIS_code"]] = {
                    "name": row["municipality_NL"], "name_fr": row["municipality_FR"],
                    "arrondissement": row["arrondissement_NL"], "province": row["province_NL"], "region": row["region_NL"],
                }
        for added in info.get("added", []):
            self.rows[str(added["nis_code"])] = {
                "name": added["name_nl"], "name_fr": added["name_fr"], "arrondissement": added["arrondissement"],
                "province": added["province"], "region": added["region"],
            }
        self.merged = {str(code): str(m["into"]) for m in info.get("mergers", []) for code in m["nis_codes"]}
        self.current = sorted(code for code in self.rows if code not in self.merged)
        wies = info.get("wies", {})
        self.wies = {**{str(c): "yes" for c in wies.get("designated", [])}, **{str(c): "no" for c in wies.get("not_designated", [])}}
        self.territories: dict[str, dict] = {}
        for t in _load_yaml(ROOT / "data" / "catalogue" / "territories.yaml")["territories"]:
            self.territories[t["id"]] = {"name": t["name"], "phrase": t["phrase"], "members": self._members(t["rule"])}
        self.rand = self.territories["vlaamse-rand"]["members"]
        self.facility = self.territories["faciliteitengemeenten"]["members"]
        self.vlaams_brabant = self.territories["provincie-vlaams-brabant"]["members"]
        self.flanders = self.territories["vlaanderen"]["members"]
        # Territories a larger catalogue would also use, made by the same rules.
        for key in ("province", "arrondissement"):
            for value in sorted({self.rows[c][key] for c in self.current if self.rows[c][key] not in ("", "0")}):
                tid = f"{key}-{value.lower()}"
                if tid not in self.territories:
                    self.territories[tid] = {"name": value, "phrase": f"in {value}", "members": self._members({key: value})}
        self.real_ids = ["vlaamse-rand", "faciliteitengemeenten", "arrondissement-halle-vilvoorde", "provincie-vlaams-brabant", "vlaanderen"]
        self.other_ids = [t for t in self.territories if t not in self.real_ids]
        self.by_name = {}
        for code, row in self.rows.items():
            for name in (row["name"], row["name_fr"]):
                self.by_name[name.lower()] = code

    def _members(self, rule: dict) -> frozenset[str]:
        if "nis_codes" in rule:
            return frozenset(str(c) for c in rule["nis_codes"])
        (key, value), = rule.items()
        return frozenset(c for c in self.current if self.rows[c][key] == value)

    def municipality(self, code: str):
        from randwijzer.matching.facts import MunicipalityFacts

        merged_from = None
        if code in self.merged:
            merged_from, code = self.rows[code]["name"], self.merged[code]
        return MunicipalityFacts(
            nis_code=code, name=self.rows[code]["name"], wies_status=self.wies.get(code, "to_verify"), wies_note="",
            in_vlaamse_rand=code in self.rand, facility_municipality=code in self.facility,
            merged_from=merged_from, merged_on=dt.date(2025, 1, 1) if merged_from else None,
        )

    def random_code(self, rng: random.Random) -> str | None:
        """Mostly the Rand and Vlaams-Brabant, like the users of the site."""
        roll = rng.random()
        if roll < 0.55:
            return rng.choice(sorted(self.rand))
        if roll < 0.80:
            return rng.choice(sorted(self.vlaams_brabant - self.rand))
        if roll < 0.95:
            return rng.choice(self.current)
        return None


# ---------------------------------------------------------------- synthetic catalogue


def _subset(rng: random.Random, items, low: int = 1) -> frozenset[str]:
    return frozenset(rng.sample(list(items), rng.randint(low, len(items))))


def _day(rng: random.Random) -> tuple[int, int]:
    return rng.randint(1, 12), rng.choice((1, 1, 1, 15, rng.randint(1, 28)))


def generate_lines(n: int, corpus: Corpus, places: Places, rng: random.Random, themes: list[str]):
    """Yields (LineFacts, texts) one line at a time: the caller keeps the facts and stores the texts."""
    from randwijzer.matching.facts import CallFacts, LineFacts

    shared: dict = {}  # equal applicant-type sets are one object, as line_facts() makes them

    # Territory mix: the 5 real territories for most lines, provinces and arrondissements for the rest.
    territory_ids = places.real_ids + places.other_ids
    territory_weights = [30, 10, 12, 12, 10] + [26 / len(places.other_ids)] * len(places.other_ids)
    names = sorted({r["name"] for r in places.rows.values()})
    for i in range(n):
        tid = rng.choices(territory_ids, territory_weights)[0]
        territory = places.territories[tid]
        title = corpus.title(rng.randint(4, 8))
        if rng.random() < 0.3:
            title += " in " + rng.choice(names)
        to_verify = {}
        kinds = shared.setdefault(k := _subset(rng, APPLICANT_TYPES), k)
        kinds_to_verify = frozenset()
        if rng.random() < 0.12:  # like the Randfonds: the sources name no applicants
            kinds, kinds_to_verify = frozenset(), kinds
            to_verify["applicant_types"] = corpus.sentence(20)
        status = rng.choices(("open", "doorlopend", "onzeker", "afgesloten"), (55, 35, 7, 3))[0]
        mode = rng.choices(("rounds", "continuous", "call", "unknown"), (30, 40, 15, 15))[0]
        deadlines, calls, lead, window = (), (), None, None
        if mode == "rounds":
            deadlines = tuple(sorted({_day(rng) for _ in range(rng.randint(1, 4))}))
            lead = rng.choice((None, 1, 2, 3))
        elif mode == "continuous":
            lead = rng.choice((None, None, 1, 2, 3, 6))
            if rng.random() < 0.2:
                (sm, sd), length = _day(rng), rng.randint(20, 120)
                end = dt.date(2027, sm, sd) + dt.timedelta(days=length)
                window = ((sm, sd), (end.month, end.day))
        elif mode == "call":
            calls = []
            for k in range(rng.randint(1, 3)):
                opens = dt.date(2025, 1, 1) + dt.timedelta(days=rng.randint(0, 900))
                calls.append(CallFacts(f"Oproep {k + 1}", opens, opens + dt.timedelta(days=rng.randint(30, 90))))
            calls = tuple(calls)
        else:
            to_verify["submission"] = corpus.sentence(20)
        flags = ()
        if tid in ("vlaamse-rand", "arrondissement-halle-vilvoorde") and rng.random() < 0.08:
            flags = ("wies",)
        checks = tuple(corpus.sentence(22) for _ in range(rng.choice((0, 0, 1, 1, 2))))
        purposes = tuple(corpus.sentence(22) for _ in range(rng.choice((0, 0, 0, 1))))
        infos = [corpus.sentence(22) for _ in range(rng.randint(0, 3))]
        line = LineFacts(
            id=f"syn-{i:06d}", title=title, status=status,
            status_reason=corpus.sentence(18) if status != "open" or rng.random() < 0.5 else "",
            administrator=corpus.title(3), territory_id=tid, territory_name=territory["name"],
            territory_phrase=territory["phrase"], territory_members=territory["members"],
            territory_basis=rng.choice(("seat", "project")),
            applicant_types=kinds, applicant_types_to_verify=kinds_to_verify, required_flags=flags,
            cost_share_pct=rng.choice((None, None, 50, 75, 80, 100)),
            max_amount=rng.choice((None, 1_500, 2_500, 5_000, 25_000, 100_000, 1_000_000)),
            max_duration_months=rng.choice((None, None, None, 12, 24, 36)),
            submission_mode=mode, yearly_deadlines=deadlines, call_rounds=calls, lead_time_months=lead,
            lead_time_reference=rng.choice(("project_start", "activity")), window=window,
            checks=checks, purposes=purposes, to_verify=to_verify,
        )
        examples = []
        for _ in range(rng.choice((0, 1, 2, 3, 3, 4, 5))):
            examples.append(f"{corpus.title(rng.randint(3, 7))} {corpus.sentence(15) if rng.random() < 0.6 else ''}".strip())
        # The shape of randwijzer.catalogue.search.funding_fields.
        yield line, {
            "title": title,
            "summary": corpus.text(rng.randint(18, 32)),
            "themes": " ".join(rng.sample(themes, rng.randint(1, 4))),
            "description": corpus.text(rng.randint(80, 160)) + " " + " ".join([*checks, *purposes, *infos]),
            "examples": " ".join(examples),
        }


def generate_partners(count: int, lines, corpus: Corpus, places: Places, rng: random.Random, themes: list[str]):
    from randwijzer.matching.service import PartnerDoc

    docs, texts, services = [], [], []
    territory_ids = places.real_ids + places.other_ids[:6]
    for i in range(count):
        tid = rng.choice(territory_ids)
        own = [(corpus.title(rng.randint(2, 6)), corpus.sentence(30)) for _ in range(rng.randint(2, 6))]
        related = rng.sample(lines, min(len(lines), rng.randint(0, 12)))
        administered = related[: rng.randint(0, len(related))]
        name = corpus.title(rng.randint(2, 4))
        docs.append(PartnerDoc(
            id=f"partner-{i:03d}", name=name, territory_members=places.territories[tid]["members"],
            audiences=_subset(rng, APPLICANT_TYPES), lines=frozenset(x.id for x in related),
            administered=frozenset(x.id for x in administered), services=[],
        ))
        texts.append({  # the shape of randwijzer.catalogue.search.partner_fields
            "name": name, "summary": corpus.text(25), "themes": " ".join(rng.sample(themes, rng.randint(1, 5))),
            "services": " ".join(f"{t} {d}" for t, d in own), "description": corpus.text(rng.randint(60, 140)),
        })
        services.append(own)
    return docs, texts, services


def generate_queries(count: int, corpus: Corpus, places: Places, rng: random.Random):
    """The 44 texts of eval/cases.yaml with their own input, then variations with random input."""
    from randwijzer.matching.rules import MatchRequest

    cases = _load_yaml(ROOT / "eval" / "cases.yaml")["cases"]
    labels = {a["id"]: a["label"] for a in _load_yaml(ROOT / "data" / "catalogue" / "vocabularies.yaml")["applicant_types"]}
    texts = [c["text"] for c in cases]
    queries = []
    for i in range(count):
        if i < len(cases):
            case = cases[i]
            text = case["text"]
            code = places.by_name.get(str(case.get("municipality") or "").lower())
            kind = case.get("applicant_type")
            start, end, cost = case.get("start"), case.get("end"), case.get("cost")
            reference = case.get("date", REFERENCE)
        else:
            base = rng.choice(texts)
            variant = rng.randrange(4)
            if variant == 0:  # only the first clause, as in a quick search
                text = re.split(r"[,.;]", base)[0]
            elif variant == 1:  # two ideas in one project
                text = base + " " + rng.choice(texts)
            elif variant == 2:  # with an extra sentence in catalogue wording
                text = base + " " + corpus.sentence(20)
            else:  # some words dropped
                words = base.split()
                text = " ".join(w for w in words if rng.random() < 0.8) or base
            code = places.random_code(rng)
            kind = rng.choice([*APPLICANT_TYPES, None]) if rng.random() < 0.95 else None
            start = end = None
            if rng.random() < 0.6:
                start = REFERENCE + dt.timedelta(days=rng.randint(20, 400))
                end = start + dt.timedelta(days=rng.choice((0, 0, 30, 90, 300, 800)))
            cost = rng.choice((None, 1_000, 4_000, 25_000))
            reference = REFERENCE
        queries.append(MatchRequest(
            text=text, municipality=places.municipality(code) if code else None, applicant_type=kind,
            reference=reference, start=start, end=end, cost=cost, applicant_labels=labels,
        ))
    return queries


class StoredTexts:
    """The lines' text fields in an SQLite table, read back in order each time it is iterated."""

    FIELDS = ("title", "summary", "themes", "description", "examples")  # randwijzer.catalogue.search.funding_fields

    def __init__(self, path: Path):
        self.path = path
        self.db = sqlite3.connect(path)
        self.db.execute(f"create table texts (n integer primary key, id text, {', '.join(self.FIELDS)})")
        self.pending: list[tuple] = []
        self.count = 0

    def add(self, line_id: str, texts: dict) -> None:
        self.pending.append((self.count, line_id, *(texts[f] for f in self.FIELDS)))
        self.count += 1
        if len(self.pending) >= 1000:
            self._flush()

    def _flush(self) -> None:
        self.db.executemany(f"insert into texts values ({', '.join('?' * (len(self.FIELDS) + 2))})", self.pending)
        self.pending = []

    def close(self) -> None:
        self._flush()
        self.db.commit()
        self.db.close()

    def __len__(self) -> int:
        return self.count

    def __iter__(self):
        db = sqlite3.connect(self.path)
        try:
            for row in db.execute(f"select {', '.join(self.FIELDS)} from texts order by n"):
                yield dict(zip(self.FIELDS, row))
        finally:
            db.close()


# ---------------------------------------------------------------- one size, in its own process


def worker(size: int, n_queries: int, partners: int, profile: str | None) -> dict:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "randwijzer.settings")
    import django

    django.setup()
    import numpy as np

    from randwijzer.matching.relevance import analyze
    from randwijzer.matching.service import CANDIDATES_PER_RESULT, Matcher
    from randwijzer.text.analysis import tokens

    out: dict = {"size": size, "judged": LIMIT * CANDIDATES_PER_RESULT}
    gc.collect()
    out["rss_start_mb"] = rss_mb()
    rng = random.Random(SEED)  # the same seed for every size: 1k lines are a prefix-like sample of 100k
    corpus = Corpus(rng)
    places = Places()
    themes = [t["label"] for t in _load_yaml(ROOT / "data" / "catalogue" / "vocabularies.yaml")["themes"]]

    # The lines' texts go to a file as they are made, as a database holds them: the matcher's
    # build reads them twice (lexicon, index) one line at a time, and no list of them is kept.
    t0 = time.perf_counter()
    fts_path = Path(tempfile.mkdtemp(prefix="randwijzer-bench-")) / "fts.sqlite3"
    line_texts = StoredTexts(fts_path)
    lines, words = [], 0
    for line, texts in generate_lines(size, corpus, places, rng, themes):
        lines.append(line)
        line_texts.add(line.id, texts)
        words += sum(t.count(" ") + 1 for t in texts.values() if t)
    line_texts.close()
    partner_docs, partner_texts, services = generate_partners(partners, lines, corpus, places, rng, themes)
    queries = generate_queries(n_queries, corpus, places, random.Random(SEED + 1))
    out["generate_s"] = time.perf_counter() - t0
    out["words_per_line"] = words / size

    # The baseline's table is made from the same file: its rows then need no memory of ours
    # while the matcher is built and timed (SQLite reads the file through the OS page cache).
    t0 = time.perf_counter()
    db = sqlite3.connect(fts_path)
    db.execute("create virtual table lines using fts5(id unindexed, title, summary, description)")
    db.execute("insert into lines select id, title, summary, description from texts order by n")
    db.commit()
    db.close()
    out["fts_build_s"] = time.perf_counter() - t0
    gc.collect()
    out["rss_catalogue_mb"] = rss_mb()

    t0 = time.perf_counter()
    matcher = Matcher(lines, line_texts, partner_docs, partner_texts)
    for doc, own in zip(partner_docs, services):  # as build_matcher does
        doc.services = [(title, set(analyze(f"{title} {text}", matcher.lexicon))) for title, text in own]
    out["build_s"] = time.perf_counter() - t0
    out["peak_build_mb"] = peak_rss_mb()
    gc.collect()
    out["rss_matcher_mb"] = rss_mb()
    # As in build_matcher(), the texts are not kept once the matcher is built.
    del line_texts, partner_texts
    gc.collect()
    out["rss_serving_mb"] = rss_mb()
    out["terms"] = len(matcher.line_index.df)
    out["postings_mb"] = matcher.line_index.nbytes / 2**20

    for req in queries[:WARMUP]:
        matcher.match(req, limit=LIMIT)
    times, results = [], []
    for req in queries:
        t0 = time.perf_counter()
        result = matcher.match(req, limit=LIMIT)
        times.append(time.perf_counter() - t0)
        results.append(len(result.funding))
    out["match"] = summary(times)
    out["results_mean"] = sum(results) / len(results)
    out["phases"] = phases(matcher, queries)
    out["peak_matcher_mb"] = peak_rss_mb()  # before the baseline's queries

    if profile:
        import cProfile
        import pstats

        prof = cProfile.Profile()
        prof.enable()
        for req in queries:
            matcher.match(req, limit=LIMIT)
        prof.disable()
        with open(profile, "w") as handle:
            pstats.Stats(prof, stream=handle).sort_stats("cumulative").print_stats(40)

    # The baseline: the same rows and query words in a bare SQLite FTS5 table.
    db = sqlite3.connect(fts_path)
    fts_queries = [" OR ".join(f'"{w}"' for w in dict.fromkeys(tokens(req.text))) for req in queries]
    sql = "select id from lines where lines match ? order by rank limit ?"
    for q in fts_queries[:WARMUP]:
        db.execute(sql, (q, LIMIT)).fetchall()
    fts_times, fts_hits = [], []
    for q in fts_queries:
        t0 = time.perf_counter()
        rows = db.execute(sql, (q, LIMIT)).fetchall() if q else []
        fts_times.append(time.perf_counter() - t0)
        fts_hits.append(len(rows))
    out["fts"] = summary(fts_times)
    out["fts_hits_mean"] = sum(fts_hits) / len(fts_hits)
    out["query_words_mean"] = sum(q.count(" OR ") + 1 for q in fts_queries) / len(fts_queries)
    out["peak_total_mb"] = peak_rss_mb()
    out["ratio"] = out["match"]["p95"] / out["fts"]["p95"]
    db.close()
    fts_path.unlink()
    fts_path.parent.rmdir()
    _ = np  # numpy is imported for the matcher; keep the import explicit
    return out


def phases(matcher, queries) -> dict:
    """Where a match spends its time (ms per query), timed on the matcher's own steps."""
    import numpy as np

    from randwijzer.matching.service import CANDIDATES_PER_RESULT, topic_of

    try:
        parts: dict[str, list[float]] = {"analyse+expand": [], "score_array": [], "candidates": [], "judge": [], "partners": []}
        for req in queries:
            t0 = time.perf_counter()
            query = matcher.project_query(req.text)
            topic = matcher.topic_query(req.text, query)
            t1 = time.perf_counter()
            scores = matcher.line_index.score_array(topic)
            t2 = time.perf_counter()
            best = matcher._best_candidates(req, scores, LIMIT * CANDIDATES_PER_RESULT)
            t3 = time.perf_counter()
            top = float(scores.max())
            terms = matcher.line_index.term_counts(topic, np.array(best, dtype=np.int64))
            funding = [matcher._judge(matcher.lines[i], float(scores[i]), req, topic_of(float(scores[i]), top, int(n), True))
                       for i, n in zip(best, terms)]
            t4 = time.perf_counter()
            matcher._rank_partners(query, req, funding)
            t5 = time.perf_counter()
            for name, value in zip(parts, (t1 - t0, t2 - t1, t3 - t2, t4 - t3, t5 - t4)):
                parts[name].append(value * 1000)
        return {name: {"p50": percentile(v, 50), "p95": percentile(v, 95)} for name, v in parts.items()}
    except (AttributeError, TypeError) as error:  # the matcher's internals changed
        return {"error": str(error)}


# ---------------------------------------------------------------- the run and the report


def machine() -> dict:
    cpu = "unknown"
    try:
        with open("/proc/cpuinfo") as handle:
            cpu = next((line.split(":", 1)[1].strip() for line in handle if line.startswith("model name")), cpu)
    except OSError:
        pass
    mem = ""
    try:
        with open("/proc/meminfo") as handle:
            mem = f"{int(handle.readline().split()[1]) / 2**20:.1f} GiB"
    except (OSError, ValueError, IndexError):
        pass
    import numpy

    return {
        "nproc": os.cpu_count(), "affinity": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else None,
        "cpu": cpu, "memory": mem, "python": platform.python_version(), "sqlite": sqlite3.sqlite_version,
        "numpy": numpy.__version__, "platform": platform.platform(),
        "date": dt.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z"),
    }


def ok(flag: bool) -> str:
    return "yes" if flag else "**no**"


def report(results: list[dict], info: dict, n_queries: int, partners: int) -> str:
    jobs = info.get("jobs", 1)
    side_by_side = f", {jobs} sizes at a time side by side" if jobs > 1 else ""
    lines = [
        f"Machine: {info['nproc']} CPUs (nproc; {info['affinity']} usable), {info['cpu']}, {info['memory']} RAM; "
        f"Python {info['python']}, SQLite {info['sqlite']}, numpy {info['numpy']}; {info['platform']}. Run on {info['date']}"
        f"{side_by_side}; load average {os.getloadavg()[0]:.1f} at the end.",
        "",
        f"{n_queries} queries per size, `Matcher.match(req, limit={LIMIT})`, {partners} partners; latencies in ms.",
        "",
        "| lines | build (s) | match p50 | match p95 | match p99 | FTS5 p50 | FTS5 p95 | p95 ratio | peak RSS (MB) | RSS serving (MB) | p95 < 50 ms | ratio ≤ 3× | RSS < 500 MB |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|:-:|:-:|:-:|",
    ]
    for r in results:
        mt, ft = r["match"], r["fts"]
        lines.append(
            f"| {r['size']:,} | {r['build_s']:.1f} | {mt['p50']:.1f} | {mt['p95']:.1f} | {mt['p99']:.1f} | "
            f"{ft['p50']:.2f} | {ft['p95']:.2f} | {r['ratio']:.1f}× | {r['peak_matcher_mb']:.0f} | "
            f"{r['rss_serving_mb']:.0f} | {ok(mt['p95'] < TARGET_P95_MS)} | "
            f"{ok(r['ratio'] <= TARGET_RATIO)} | {ok(r['peak_matcher_mb'] < TARGET_RSS_MB)} |"
        )
    lines += [
        "",
        "Where a match spends its time (p50 / p95 in ms per step, timed separately on the same queries):",
        "",
        f"| lines | analyse + expand | score_array | candidates | judge {results[0].get('judged', '')} | partners |",
        "|---:|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        ph = r["phases"]
        if "error" in ph:
            lines.append(f"| {r['size']:,} | {ph['error']} | | | | |")
            continue
        cells = " | ".join(f"{ph[k]['p50']:.2f} / {ph[k]['p95']:.2f}" for k in ("analyse+expand", "score_array", "candidates", "judge", "partners"))
        lines.append(f"| {r['size']:,} | {cells} |")
    lines += [
        "",
        "Other figures per size:",
        "",
        "| lines | generate (s) | words per line | index terms | postings arrays (MB) | RSS: start / catalogue / built / serving (MB) | peak RSS with FTS5 (MB) | FTS5 build (s) | FTS5 hits | query words |",
        "|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|",
    ]
    for r in results:
        lines.append(
            f"| {r['size']:,} | {r['generate_s']:.1f} | {r['words_per_line']:.0f} | {r.get('terms', 0):,} | {r.get('postings_mb', 0):.1f} | "
            f"{r['rss_start_mb']:.0f} / {r['rss_catalogue_mb']:.0f} / {r['rss_matcher_mb']:.0f} / {r['rss_serving_mb']:.0f} | {r['peak_total_mb']:.0f} | "
            f"{r['fts_build_s']:.1f} | {r['fts_hits_mean']:.1f} | {r['query_words_mean']:.1f} |"
        )
    return "\n".join(lines)


METHOD = """\
Method. `make bench` runs `bench/match_bench.py`, which starts one fresh Python process per catalogue
size, so that peak RSS (`ru_maxrss`) belongs to that size alone. Each process generates the funding
lines with a fixed seed: titles, summaries, descriptions, conditions and examples are recombined from
the real catalogue's text (`data/catalogue/**/*.yaml`) by a word-pair Markov chain, so they have its
Dutch vocabulary and compounds; territories are the five real ones of `territories.yaml` (for about
three lines in four) and the Belgian provinces and arrondissements (the rest), computed from
`data/reference/municipalities-be-2020.csv` by the same rules; applicant types, statuses, submission
modes (yearly rounds, continuous with lead times and activity windows, calls, unknown) and
'to verify' facts are drawn in proportions like the real lines. `LineFacts` are built directly (no
database) and kept in a list; each line's texts go, as they are made, into an SQLite table in a
temporary file (as a database holds them), which `Matcher(...)` reads twice, one line at a time
(lexicon, then index), with synthetic partners: no list of all texts is held. The queries are
the 44 texts of `eval/cases.yaml` with their own municipality, applicant type and dates, then
variations of them (first clause only, two texts joined, an extra catalogue sentence, words dropped)
with a random municipality (mostly the Rand and Vlaams-Brabant), applicant type and optional dates.
After 5 warm-up queries each query is timed once with `time.perf_counter()` around
`Matcher.match(req, limit=20)`; percentiles are nearest-rank. The baseline puts the same rows
(id, title, summary, description) in an SQLite FTS5 table (a temporary file) and times
`SELECT id ... WHERE lines MATCH 'w1 OR w2 ...' ORDER BY rank LIMIT 20` with the query's words
(the project's tokeniser: folded, without stop words), rows fetched. Measured: in-process latency of
one match (text analysis, thesaurus expansion, scoring, candidate selection, rule evaluation of
the 200 candidates, partner ranking), the matcher's build time, peak RSS of the process up to the
end of the matcher queries (`ru_maxrss`; it includes Python, Django and numpy, about 75-85 MB, the
generated `LineFacts` and the build's transient structures), "RSS serving": the process's RSS
once the matcher is built, and the FTS5 query (its table is written to the temporary file before
the matcher is built, so it adds no memory to the matcher's figures; it is queried with a warm OS
page cache). With `BENCH_JOBS` above 1 the sizes run side by side in their own processes: peak RSS
stays per size, latencies then share the CPU. Not measured: the database
(loading the catalogue, `build_matcher()`), the HTTP or API layer and serialisation, concurrency,
a cold start, and the quality of the results; the FTS5 baseline does no stemming, compound
splitting, thesaurus or eligibility rules, so it is a lower bound, not a like-for-like engine."""


def write_doc(table: str) -> None:
    block = f"{MARK_START}\n{table}\n\n{METHOD}\n{MARK_END}"
    DOC.parent.mkdir(parents=True, exist_ok=True)
    if DOC.exists() and MARK_START in (text := DOC.read_text(encoding="utf-8")) and MARK_END in text:
        head, rest = text.split(MARK_START, 1)
        tail = rest.split(MARK_END, 1)[1]
        DOC.write_text(head + block + tail, encoding="utf-8")
        return
    DOC.write_text(
        "# Matcher benchmark\n\n"
        "`make bench` measures the project matcher on synthetic catalogues of 1,000, 10,000 and "
        "100,000 funding lines, beside a bare SQLite FTS5 query over the same rows. Targets: "
        "p95 under 50 ms at 100k lines on a 2-core machine, within 3× of the FTS5 query, and under "
        "500 MB of memory. The part between the markers is rewritten by each run.\n\n"
        f"{block}\n", encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default=",".join(map(str, SIZES)), help="comma-separated catalogue sizes")
    parser.add_argument("--queries", type=int, default=QUERIES)
    parser.add_argument("--partners", type=int, default=50)
    parser.add_argument("--no-write", action="store_true", help="print the table, leave docs/benchmark.md alone")
    parser.add_argument("--worker", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--profile", help="write a cProfile of the timed queries to this file (with --worker)")
    parser.add_argument("--timeout", type=int, default=int(os.environ.get("BENCH_TIMEOUT", 1500)), help="seconds per size")
    parser.add_argument("--jobs", type=int, default=int(os.environ.get("BENCH_JOBS", 1)),
                        help="sizes measured side by side (peak RSS stays per process; latencies then share the CPU)")
    args = parser.parse_args()

    if args.worker:
        print("RESULT " + json.dumps(worker(args.worker, args.queries, args.partners, args.profile), default=str))
        return 0

    sizes = [int(s) for s in args.sizes.split(",")]
    started = time.perf_counter()
    # Each size in its own process (its own peak RSS); --jobs runs several side by side.
    pending, running, done, began = list(sizes), {}, {}, {}
    while pending or running:
        while pending and len(running) < args.jobs:
            size = pending.pop(0)
            print(f"bench: {size:,} lines ...", file=sys.stderr, flush=True)
            began[size] = time.perf_counter()
            running[size] = subprocess.Popen(
                [sys.executable, __file__, "--worker", str(size), "--queries", str(args.queries), "--partners", str(args.partners)],
                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env={**os.environ, "PYTHONHASHSEED": "0"},
            )
        time.sleep(0.5)
        for size, proc in list(running.items()):
            if proc.poll() is None and time.perf_counter() - began[size] < args.timeout:
                continue
            if proc.poll() is None:
                proc.kill()
            out, err = proc.communicate()
            del running[size]
            found = [line for line in out.splitlines() if line.startswith("RESULT ")]
            if proc.returncode or not found:
                sys.stderr.write(out + err)
                print(f"bench: the {size:,}-line run failed or took too long", file=sys.stderr)
                for other in running.values():
                    other.kill()
                return 1
            result = done[size] = json.loads(found[-1][len("RESULT "):])
            print(f"bench: {size:,} lines done after {time.perf_counter() - started:.0f} s: build {result['build_s']:.1f} s, "
                  f"match p95 {result['match']['p95']:.1f} ms, FTS5 p95 {result['fts']['p95']:.2f} ms, "
                  f"peak {result['peak_matcher_mb']:.0f} MB", file=sys.stderr, flush=True)
    results = [done[size] for size in sizes]
    info = machine()
    info["jobs"] = args.jobs
    table = report(results, info, args.queries, args.partners)
    print(table)
    if not args.no_write:
        write_doc(table)
        print(f"\nWritten to {DOC.relative_to(ROOT)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
