#!/usr/bin/env python3
"""Builds assets/eval/dedup-pairs.jsonl: labelled pairs of jobs for `jobhound-cli eval dedup`.

Every job starts as a real recorded posting (assets/recorded, parsed by
`jobhound-cli parse`). Pairs are that posting and a variation whose label follows from how it was
made: relisted on an aggregator, retitled, lightly edited, copied by an agency or reposted (the
same job), or moved to another city, given another team's text, another title, or another
company's name (a different job). Real near-twins from the recordings (Linear's Europe and North
America roles, Vercel's two account executive roles) are included as they are. Deterministic:
the same inputs give the same file.

    CARGO_TARGET_DIR=... python3 scripts/make-dedup-eval.py
"""
import json
import os
import random
import subprocess
import sys
import zlib

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FIXTURES = os.path.join(ROOT, "assets/recorded")
TARGET = os.environ.get("CARGO_TARGET_DIR", os.path.join(os.environ["HOME"], ".cache/jobhound-target"))
CLI = os.path.join(TARGET, "debug/jobhound-cli")
OUT = os.path.join(ROOT, "assets/eval/dedup-pairs.jsonl")

SOURCES = [
    ("greenhouse", "greenhouse-sample-1.json", None),
    ("lever", "lever-sample-1.json", "Spotify"),
    ("ashby", "ashby-sample-1.json", "Linear"),
    ("workable", "workable-sample-1.json", None),
    ("smartrecruiters", "smartrecruiters-sample-1.json", None),
    ("recruitee", "recruitee-sample-1.json", None),
    ("remoteok", "remoteok-sample-1.json", None),
    ("remotive", "remotive-sample-1.json", None),
    ("arbeitnow", "arbeitnow-sample-1.json", None),
    ("himalayas", "himalayas-sample-1.json", None),
    ("jsearch", "jsearch-sample-1.json", None),
    ("hackernews", "hn-algolia-sample-1.json", None),
    ("rss", "weworkremotely-sample-1.xml", None),
    ("linkedin", "linkedin-sample-1.html", None),
]

SUFFIXES = [", Inc.", " Inc", " GmbH", " Ltd", " LLC", " B.V.", " AG", " Limited"]
TITLE_EDITS = [
    lambda t: t + " (m/w/d)",
    lambda t: t + " - Remote",
    lambda t: t.replace("Senior", "Sr.") if "Senior" in t else t.upper(),
    lambda t: t.lower(),
    lambda t: "  " + t.replace(" ", "  ") + " ",
    lambda t: t + " (f/m/x)",
]
CITIES = ["Lisbon", "Toronto", "Austin", "Warsaw", "Sydney", "Dublin", "Madrid", "Tokyo", "Zurich", "Nairobi"]
AGENCIES = ["Hays Recruitment", "Talent Partners Ltd", "Robert Walters", "Harnham", "Michael Page"]
BOILERPLATE = " We are an equal opportunity employer and value diversity at our company."


def parse(kind, file):
    out = subprocess.run([CLI, "parse", "--source", kind, os.path.join(FIXTURES, file)], check=True,
                         capture_output=True, text=True).stdout
    return [json.loads(line) for line in out.splitlines() if line.strip()]


def base_jobs():
    jobs = []
    for kind, file, company in SOURCES:
        for job in parse(kind, file):
            if company and not job.get("company"):
                job["company"] = company  # as ingest names a single-company board
            if job.get("title") and job.get("company") and len(job.get("description_text", "").split()) >= 40:
                jobs.append(job)
    return jobs


def copy(job, **changes):
    other = json.loads(json.dumps(job))
    other.update(changes)
    return other


def aggregator(job, n):
    return f"https://jobs.example-aggregator.com/view/{zlib.crc32(job['source_id'].encode()) % 100000}-{n}"


def main():
    rng = random.Random(20261123)
    jobs = base_jobs()
    pairs = []

    def add(a, b, duplicate, kind):
        pairs.append({"a": a, "b": b, "duplicate": duplicate, "kind": kind})

    for index, job in enumerate(jobs):
        text = job["description_text"]
        sentences = [s for s in text.split(". ") if s]
        apply = job.get("apply_url") or job.get("url")
        # The same job.
        if apply:
            add(job, copy(job, source="jsonld", source_id=f"agg-{index}", url=aggregator(job, 1),
                          apply_url=apply + ("&" if "?" in apply else "?") + "utm_source=aggregator&utm_medium=feed",
                          company=job["company"] + rng.choice(SUFFIXES)), True, "relisted with tracking link")
        add(job, copy(job, source="jsearch", source_id=f"re-{index}", url=aggregator(job, 2), apply_url=aggregator(job, 2),
                      title=rng.choice(TITLE_EDITS)(job["title"]),
                      description_text=text.replace(". ", ".  ", 3)), True, "retitled on another board")
        add(job, copy(job, source_id=f"ed-{index}", url=aggregator(job, 3), apply_url=aggregator(job, 3),
                      description_text=text + BOILERPLATE), True, "light edit")
        add(job, copy(job, source="linkedin", source_id=f"ag-{index}", url=aggregator(job, 4), apply_url=aggregator(job, 4),
                      company=rng.choice(AGENCIES)), True, "agency copy")
        add(job, copy(job, source="remoteok", source_id=f"ag2-{index}", url=aggregator(job, 10), apply_url=aggregator(job, 10),
                      company=rng.choice(AGENCIES), description_text=text + " Apply via our agency."), True,
            "agency copy with a footer")
        add(job, copy(job, source_id=f"rp-{index}", url=aggregator(job, 5), apply_url=aggregator(job, 5),
                      company=job["company"].upper()), True, "repost")
        # A different job.
        city = rng.choice([c for c in CITIES if c not in job.get("locations", [])])
        add(job, copy(job, source_id=f"city-{index}", url=aggregator(job, 6), apply_url=aggregator(job, 6),
                      locations=[city], remote="onsite",
                      description_text=text.replace(". ", f". Based in {city}. ", 1)), False, "same title, other city")
        other = jobs[(index + 1 + rng.randrange(len(jobs) - 1)) % len(jobs)]
        add(job, copy(job, source_id=f"team-{index}", url=aggregator(job, 7), apply_url=aggregator(job, 7),
                      description_text=other["description_text"]), False, "same title, other team")
        add(job, copy(job, source_id=f"title-{index}", url=aggregator(job, 8), apply_url=aggregator(job, 8),
                      title=("Staff " if "Senior" not in job["title"] else "Principal ") + job["title"].replace("Senior ", "")),
            False, "same company, other title")
        add(job, copy(other, title=job["title"]), False, "same title, other company and text")
        if len(sentences) > 4:
            rest = ". ".join(sentences[len(sentences) // 2:])
            add(job, copy(job, source_id=f"half-{index}", url=aggregator(job, 9), apply_url=aggregator(job, 9),
                          company=rng.choice(AGENCIES), description_text=rest), False, "agency, other text")
    # Every pair of distinct recorded jobs is a different job, the real near-twins included.
    for i in range(len(jobs)):
        for j in range(i + 1, len(jobs)):
            add(jobs[i], jobs[j], False, "two recorded jobs")
    with open(OUT, "w") as out:
        for pair in pairs:
            out.write(json.dumps(pair, ensure_ascii=False, sort_keys=True) + "\n")
    duplicates = sum(1 for pair in pairs if pair["duplicate"])
    print(f"{len(pairs)} pairs ({duplicates} duplicates) from {len(jobs)} recorded jobs -> {OUT}", file=sys.stderr)


if __name__ == "__main__":
    main()
