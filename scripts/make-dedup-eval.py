#!/usr/bin/env python3
"""Builds assets/eval/dedup-pairs.jsonl: labelled pairs of jobs for `jobhound-cli eval dedup`.

Every job starts as a real recorded posting (assets/recorded, parsed by
`jobhound-cli parse`). Pairs are that posting and a variation whose label follows from how it was
made: relisted on an aggregator, retitled, lightly edited, copied by an agency or reposted (the
same job), or moved to another city, given another team's text, another title, or another
company's name (a different job). Real near-twins from the recordings (Linear's Europe and North
America roles, Vercel's two account executive roles) are included as they are. Deterministic:
the same inputs give the same file.

The everyday shapes of one job on two boards have kinds of their own: an aggregator's copy cut to
its first 200, 400 or 700 characters, rewrapped, or wrapped in the board's boilerplate; the title
retyped (case, punctuation, the job's city or "Remote" appended, a translation beside it); the
company or the location retyped or dropped; a repost with one sentence changed. So do the hard
negatives they must not swallow: the same text for another city, another team's title on the same
template, another level.

    CARGO_TARGET_DIR=... python3 scripts/make-dedup-eval.py
"""
import json
import os
import random
import re
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


SPANISH = {"engineer": "Ingeniero", "software": "Software", "senior": "Senior", "manager": "Gerente",
           "data": "Datos", "product": "Producto", "designer": "Diseñador", "analyst": "Analista",
           "account": "Cuenta", "executive": "Ejecutivo", "developer": "Desarrollador", "customer": "Cliente",
           "success": "Éxito", "sales": "Ventas", "marketing": "Marketing", "operations": "Operaciones"}
BOARD_PREAMBLES = ["Apply on company site\n\n", "About the job\n", "Job description: "]
BOARD_FOOTERS = ["\n\nJobs by Jooble", " Apply on company site", "\n\nSee more jobs like this on our board."]
TEAMS = [("Payments", "Growth"), ("Platform", "Search"), ("Mobile", "Billing"), ("Identity", "Data")]
NEW_SENTENCE = "This posting was refreshed and the team now works from a new office with a larger budget"


def cut(text, length):
    """An aggregator's cut: the first `length` characters, ending at a word, then an ellipsis."""
    if len(text) <= length:
        return text
    return text[:length].rsplit(" ", 1)[0] + "…"


def retyped_case(title, rng):
    return rng.choice([title.upper(), title.title(), title.lower()])


def retyped_punctuation(title):
    if ", " in title:
        return title.replace(", ", " - ", 1)
    if " - " in title:
        return title.replace(" - ", ", ", 1)
    if "(" in title:
        return title.replace(" (", " - ").replace(")", "")
    return title + ","


def translated(title, rng):
    words = [SPANISH.get(word.lower(), word) for word in title.split()]
    spanish = " ".join(reversed(words)) if len(words) > 1 else "Puesto " + title
    return rng.choice([f"{spanish} ({title})", f"{spanish} - {title}"])


def with_suffix(title, suffix):
    """`title` with `suffix` after the job's name: LinkedIn's "X Job at Y in Z" keeps its sentence last."""
    at = title.find(" Job at ")
    return title + suffix if at < 0 else title[:at] + suffix + title[at:]


def one_sentence_changed(text):
    """`text` with its middle sentence (or list item) replaced; None for a text of fewer than three."""
    pieces = re.split(r"(\n+|(?<=[.;!?]) +)", text)
    sentences = [i for i in range(0, len(pieces), 2) if len(pieces[i].split()) >= 3]
    if len(sentences) < 3:
        return None
    pieces[sentences[len(sentences) // 2]] = NEW_SENTENCE + "."
    return "".join(pieces)


def city_of(job):
    for place in job.get("locations", []):
        first = place.split(",")[0].strip()
        if first:
            return first
    return None


def reformatted_locations(job, rng):
    places = job.get("locations", [])
    if not places:
        return []
    choice = rng.randrange(3)
    if choice == 0:
        return []
    if choice == 1:
        return [place.upper() for place in places]
    return [place.split(",")[0].strip() + ", " + rng.choice(["Remote", "Main office", "Anywhere"]) if False else
            place.split(",")[0].strip() for place in places]


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
        # The everyday shapes of one job on two boards.
        aggregator_company = job["company"] + rng.choice(SUFFIXES + ["", " "])
        for length in (200, 400, 700):
            add(job, copy(job, source="jooble", source_id=f"cut{length}-{index}", url=aggregator(job, 11 + length),
                          apply_url=aggregator(job, 11 + length), company=aggregator_company,
                          description_text=cut(text, length)), True, f"cut to {length} characters")
        add(job, copy(job, source="adzuna", source_id=f"wrap-{index}", url=aggregator(job, 12), apply_url=aggregator(job, 12),
                      description_text=rng.choice(BOARD_PREAMBLES) + cut(text, 500) + rng.choice(BOARD_FOOTERS)),
            True, "cut and wrapped in a board's boilerplate")
        add(job, copy(job, source="jobicy", source_id=f"rewrap-{index}", url=aggregator(job, 13), apply_url=aggregator(job, 13),
                      description_text="• " + text.replace(". ", ".\n\n• ").replace("\n", "\n ")), True, "rewrapped")
        add(job, copy(job, source="careerjet", source_id=f"case-{index}", url=aggregator(job, 14), apply_url=aggregator(job, 14),
                      title=retyped_case(job["title"], rng)), True, "title retyped: case")
        add(job, copy(job, source="careerjet", source_id=f"punct-{index}", url=aggregator(job, 15), apply_url=aggregator(job, 15),
                      title=retyped_punctuation(job["title"])), True, "title retyped: punctuation")
        city = city_of(job)
        suffix = f" - {city}" if city and job.get("remote") != "remote" else rng.choice([" (Remote)", " - Remote"])
        add(job, copy(job, source="jooble", source_id=f"where-{index}", url=aggregator(job, 16), apply_url=aggregator(job, 16),
                      title=job["title"] + suffix, description_text=cut(text, 400)), True, "title with its place appended")
        add(job, copy(job, source="getonbrd", source_id=f"bi-{index}", url=aggregator(job, 17), apply_url=aggregator(job, 17),
                      title=translated(job["title"], rng)), True, "title with a translation")
        add(job, copy(job, source="jobicy", source_id=f"co-{index}", url=aggregator(job, 18), apply_url=aggregator(job, 18),
                      company=rng.choice([job["company"].upper() + "  ", job["company"] + ", Inc.", " " + job["company"].lower()])),
            True, "company retyped")
        add(job, copy(job, source="jooble", source_id=f"loc-{index}", url=aggregator(job, 19), apply_url=aggregator(job, 19),
                      locations=reformatted_locations(job, rng), description_text=cut(text, 700)), True,
            "location reformatted or dropped")
        add(job, copy(job, source="careerjet", source_id=f"bare-{index}", url=aggregator(job, 24),
                      apply_url=aggregator(job, 24), company=job["company"].upper(), description_text=""), True,
            "listing without text, same employer")
        changed = one_sentence_changed(text)
        if changed:
            add(job, copy(job, source_id=f"rp2-{index}", url=aggregator(job, 20), apply_url=aggregator(job, 20),
                          description_text=changed), True, "repost with a sentence changed")
        # The hard negatives those must not swallow.
        other_city = rng.choice([c for c in CITIES if c not in job.get("locations", [])])
        add(job, copy(job, source_id=f"twin-{index}", url=aggregator(job, 21), apply_url=aggregator(job, 21),
                      locations=[other_city], remote="onsite"), False, "same text, other city")
        first, second = TEAMS[index % len(TEAMS)]
        add(copy(job, title=with_suffix(job["title"], f", {first}")),
            copy(job, source_id=f"tm-{index}", url=aggregator(job, 22), apply_url=aggregator(job, 22),
                 title=with_suffix(job["title"], f", {second}"), description_text=cut(text, 400)), False,
            "same template, other team")
        if "Senior " in job["title"]:
            lower, higher = job["title"], job["title"].replace("Senior ", "Staff ", 1)
        else:
            lower, higher = with_suffix(job["title"], " II"), with_suffix(job["title"], " III")
        add(copy(job, title=lower), copy(job, source_id=f"lv-{index}", url=aggregator(job, 23),
                                         apply_url=aggregator(job, 23), title=higher), False, "same text, other level")
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
