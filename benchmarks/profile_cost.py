"""What an outlet profile costs per page: the scrapinghub pages converted with no profile,
with a profile without rules, with a profile of five remove rules, and with the same
profile and two field sources as well; the profile's outlet is forced on every page, so its
rules run everywhere (a forced outlet's time zone changes how some dates are read, so the
profile without rules is the baseline of the extra times).

    cd benchmarks && ../.venv/bin/python profile_cost.py [--shared PATH] [--repeat 3]

Each page is converted `--repeat` times per setting, in turns, and its fastest time kept;
the table gives the median over the pages, and the median of each page's extra time.
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import os
import statistics
import time
from pathlib import Path

from newsnorm.document import Source
from newsnorm.errors import NormalizeError
from newsnorm.pipeline import Pipeline, default_pipeline, pipeline_with
from newsnorm.profiles import ProfileText

KEY = "bench"
EMPTY = """key = "bench"
name = "Bench"
domains = ["bench.example"]
timezone = "Europe/London"
"""
REMOVE = (
    EMPTY
    + """
[html]
remove = [
  "div.newsletter-signup",
  { selector = "aside.related, section.more-stories", name = "related" },
  ".inline-teaser",
  "div[class*='promo'] p",
  "ul.share-tools li",
]
"""
)
FIELDS = REMOVE + 'byline = ".byline, [rel=author]"\npublished = "time@datetime"\n'
SETTINGS = {
    "no profile": (None, ()),
    "profile, no rules": (KEY, (ProfileText("bench.toml", EMPTY),)),
    "5 remove rules": (KEY, (ProfileText("bench.toml", REMOVE),)),
    "5 rules + 2 fields": (KEY, (ProfileText("bench.toml", FIELDS),)),
}


def pages(shared: Path) -> list[bytes]:
    folder = shared / "corpora" / "scrapinghub" / "html"
    return [gzip.decompress(path.read_bytes()) for path in sorted(folder.glob("*.html.gz"))]


def best_time(pipeline: Pipeline, page: bytes, outlet: str | None) -> float:
    started = time.perf_counter()
    # A page that fails fails in every setting; its time still counts.
    with contextlib.suppress(NormalizeError):
        pipeline.run(Source(page), outlet=outlet, explain=True)
    return time.perf_counter() - started


def measure(documents: list[bytes], repeat: int) -> dict[str, list[float]]:
    pipelines = {name: pipeline_with(texts) for name, (_, texts) in SETTINGS.items()}
    assert pipelines["no profile"] is default_pipeline()
    times = {name: [float("inf")] * len(documents) for name in SETTINGS}
    for page in documents[:5]:  # warm: caches, the language model, htmldate's imports
        for name, (outlet, _) in SETTINGS.items():
            best_time(pipelines[name], page, outlet)
    for _ in range(repeat):
        for index, page in enumerate(documents):
            for name, (outlet, _) in SETTINGS.items():
                elapsed = best_time(pipelines[name], page, outlet)
                times[name][index] = min(times[name][index], elapsed)
    return times


def table(times: dict[str, list[float]]) -> str:
    base = times["profile, no rules"]
    lines = [
        "| setting | median ms/page | median extra ms/page | extra, % of median |",
        "| --- | ---: | ---: | ---: |",
    ]
    for name, values in times.items():
        median = statistics.median(values) * 1000
        extra = statistics.median(v - b for v, b in zip(values, base, strict=True)) * 1000
        share = extra / (statistics.median(base) * 1000) * 100
        lines.append(f"| {name} | {median:.2f} | {extra:+.2f} | {share:+.1f}% |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default = os.environ.get("NEWSNORM_SHARED", Path(__file__).resolve().parents[2] / "shared")
    parser.add_argument("--shared", type=Path, default=Path(default))
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    documents = pages(args.shared)
    times = measure(documents, args.repeat)
    print(f"{len(documents)} scrapinghub pages, fastest of {args.repeat} runs each\n")
    print(table(times))


if __name__ == "__main__":
    main()
