"""How often records name their outlet, and whether the domain is the page's.

    .venv/bin/python benchmarks/outlets.py [../shared]

Converts the corpora's pages without their addresses, as a folder of saved pages would be:
the HTML pages of NAEB and fundus-publishers (outlet.domain against the host of the gold
`site` for NAEB, of the gold `url` for both; outlet.name among the pages that declare a name
in og:site_name, a JSON-LD publisher or application-name) and the text captures (how many
get a name; the host of the page a capture was copied from beside its name, to read).
"""

from __future__ import annotations

import gzip
import json
import sys
from pathlib import Path

from newsnorm import normalize
from newsnorm.document import host_of
from newsnorm.html.content import parse
from newsnorm.html.meta import collect
from newsnorm.outlet.declared import declared_names
from newsnorm.outlet.names import clean_name
from newsnorm.text.decoding import decode

HTML_CORPORA = {"naeb": "site", "fundus-publishers": "url"}


def html_shares(shared: Path, corpus: str, gold_field: str) -> str:
    gold = json.loads((shared / "corpora" / corpus / "articles.json").read_text("utf-8"))
    counts = {"pages": 0, "gold host": 0, "url host": 0, "declaring": 0, "named": 0}
    for key, item in gold.items():
        path = shared / "corpora" / corpus / "html" / f"{key}.html.gz"
        if not path.exists():  # NAEB's gold lists three pages the corpus leaves out
            continue
        raw = gzip.decompress(path.read_bytes())
        outlet = normalize(raw).outlet
        counts["pages"] += 1
        counts["gold host"] += outlet.domain == host_of(item[gold_field])
        counts["url host"] += outlet.domain == host_of(item["url"])
        declared = declared_names(collect(parse(decode(raw))))
        if any(clean_name(name.value.split(" | ")[0]) for name in declared):  # not a URL
            counts["declaring"] += 1
            counts["named"] += outlet.name is not None
    hosts = f"the gold `{gold_field}` host on {_share(counts['gold host'], counts['pages'])}"
    if gold_field != "url":
        hosts += f", the gold `url` host on {_share(counts['url host'], counts['pages'])}"
    return (
        f"{corpus}: {counts['pages']} pages; outlet.domain is {hosts}; named on"
        f" {_share(counts['named'], counts['declaring'])} of the pages declaring a name"
    )


def capture_names(shared: Path) -> tuple[str, list[str]]:
    folder = shared / "corpora" / "captures"
    gold = json.loads((folder / "articles.json").read_text("utf-8"))
    rows = []
    for key, item in sorted(gold.items()):
        outlet = normalize((folder / "text" / f"{key}.txt").read_bytes()).outlet
        if outlet.name:
            rows.append(f"{host_of(item['url'])}\t{outlet.name}\t{outlet.domain or ''}")
    return f"captures: {len(gold)}, named {_share(len(rows), len(gold))}", rows


def _share(part: int, whole: int) -> str:
    return f"{part}/{whole} ({part / whole:.1%})" if whole else "0/0"


def main(shared: Path) -> None:
    for corpus, gold_field in HTML_CORPORA.items():
        print(html_shares(shared, corpus, gold_field))
    summary, rows = capture_names(shared)
    print(summary)
    print("\n".join(sorted(set(rows))))


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "../shared"))
