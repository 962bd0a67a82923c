"""How well the builder names people, organisations and places, scored against hand-marked news.

    python -m benchmarks.entities [--data DIR] [--config DIR] [--speed DIR --speed-files N] [--errors K]

DIR is a folder in the format of ../shared/corpora/conll-dev/: `text/*.txt` and `gold.json`
(its README gives the scoring rules applied here). Each text is read out the way
`builder explain FILE --json` reads it (extract, merge, enrich); its people, organizations and
places are compared with the document's PER, ORG and LOC. Printed: precision, recall and F1 per
kind, the organisations and places taken as people, and the read-out time per article.
`--speed DIR` also times the read-out on the first N files under another folder (e.g. the BBC
corpus). The corpus is only read: nothing is copied into the project.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import time
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from builder.config import default_config_dir
from builder.knowledge.schema import read_entities
from builder.knowledge.checks import Problems, read_yaml
from builder.process import Reader
from builder.sources import read

PROJECT_ROOT = Path(__file__).resolve().parents[1]
CORPUS = Path("shared") / "corpora" / "conll-dev"
# ../shared/corpora/conll-dev beside the project (or beside a folder above it, for a worktree)
DEFAULT_DATA = next((p / CORPUS for p in PROJECT_ROOT.parents if (p / CORPUS).is_dir()), PROJECT_ROOT.parent / CORPUS)
KINDS = (("people", "PER"), ("organizations", "ORG"), ("places", "LOC"))
_DROP = re.compile(r"[.,\"'’‘“”`]")


def normalise(text: str) -> str:
    """Accents dropped, case folded, hyphens = spaces, . , quotes and a trailing 's dropped, leading 'the' dropped."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = re.sub(r"['’]s$", "", text.strip())
    text = _DROP.sub("", text.replace("-", " "))
    text = " ".join(text.split())
    return text[4:] if text.startswith("the ") else text


def acronym(text: str) -> str:
    """'U.N. High Commissioner for Refugees' -> 'unhcr'; '' when it has fewer than two letters."""
    letters = []
    for word in re.split(r"[\s-]+", text):
        if "." in word.strip(".") and word.replace(".", "").isalpha():
            letters.append(word.replace(".", ""))  # "U.N." gives both letters
        elif word[:1].isupper():
            letters.append(word[0])
    joined = normalise("".join(letters))
    return joined if len(joined) >= 2 else ""


def same_thing(a: str, b: str) -> bool:
    """Equal after normalising, or one the acronym of the other."""
    na, nb = normalise(a), normalise(b)
    if na == nb:
        return True
    flat_a, flat_b = na.replace(" ", ""), nb.replace(" ", "")
    return bool((acronym(a) and acronym(a) == flat_b and " " not in nb)
                or (acronym(b) and acronym(b) == flat_a and " " not in na))


def last_word(text: str) -> str:
    words = normalise(text).split()
    return words[-1] if words else ""


@dataclass
class Tally:
    predicted: int = 0
    correct: int = 0
    gold: int = 0
    found: int = 0

    def scores(self) -> tuple[float, float, float]:
        p = self.correct / self.predicted if self.predicted else 0.0
        r = self.found / self.gold if self.gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


@dataclass
class Result:
    tallies: dict[str, Tally] = field(default_factory=lambda: {k: Tally() for k, _ in KINDS})
    people_not_people: list[tuple[str, str]] = field(default_factory=list)  # (doc, name)
    wrong: dict[str, list[tuple[str, str]]] = field(default_factory=lambda: {k: [] for k, _ in KINDS})
    missed: dict[str, list[tuple[str, str]]] = field(default_factory=lambda: {k: [] for k, _ in KINDS})
    seconds: list[float] = field(default_factory=list)  # wall time per article
    cpu: float = 0.0  # CPU seconds of all articles (steadier than wall time on a busy machine)


def aliases_of(config_dir: Path) -> dict[str, tuple[str, ...]]:
    """canonical name -> its spellings in entities.yml (a prediction is right when one of them is)."""
    problems = Problems()
    data = read_yaml(config_dir / "entities.yml", "entities.yml", problems)
    return {e.name: e.aliases for e in read_entities(data, "entities.yml", problems)}


def score_people(doc_id: str, predicted: list[str], gold: dict, result: Result) -> None:
    tally = result.tallies["people"]
    others = [e["name"] for e in gold.get("ORG", []) + gold.get("LOC", [])]
    strings = [e["name"] for e in gold.get("PER", [])]
    names = {normalise(p): p for p in predicted}
    right = set()
    for key, name in names.items():
        tally.predicted += 1
        if any(normalise(o) == key for o in others):
            result.people_not_people.append((doc_id, name))
            result.wrong["people"].append((doc_id, name))
            continue
        if any(normalise(s) == key or last_word(s) == last_word(name) for s in strings):
            tally.correct += 1
            right.add(key)
        else:
            result.wrong["people"].append((doc_id, name))
    for group in gold.get("PER_groups", []):
        tally.gold += 1
        if any(normalise(s) == k or last_word(s) == last_word(names[k]) for s in group["strings"] for k in right):
            tally.found += 1
        else:
            result.missed["people"].append((doc_id, group["name"]))


def score_kind(kind: str, label: str, doc_id: str, predicted: list[str], gold: dict,
               aliases: dict[str, tuple[str, ...]], result: Result) -> None:
    tally = result.tallies[kind]
    strings = [e["name"] for e in gold.get(label, [])]
    names = {normalise(p): p for p in predicted}
    spellings = {k: aliases.get(n, (n,)) for k, n in names.items()}
    for key, name in names.items():
        tally.predicted += 1
        if any(same_thing(a, s) for a in spellings[key] for s in strings):
            tally.correct += 1
        else:
            result.wrong[kind].append((doc_id, name))
    for string in strings:
        tally.gold += 1
        if any(same_thing(a, string) for spelled in spellings.values() for a in spelled):
            tally.found += 1
        else:
            result.missed[kind].append((doc_id, string))


def run(data_dir: Path, config_dir: Path) -> Result:
    gold = json.loads((data_dir / "gold.json").read_text(encoding="utf-8"))["documents"]
    reader, aliases, result = Reader(config_dir), aliases_of(config_dir), Result()
    for doc_id, doc in sorted(gold.items()):
        path = data_dir / doc["file"]
        started, cpu = time.perf_counter(), time.process_time()
        knowledge = reader.article(read(path, path.name)).knowledge
        result.seconds.append(time.perf_counter() - started)
        result.cpu += time.process_time() - cpu
        score_people(doc_id, list(knowledge.people), doc, result)
        for kind, label in KINDS[1:]:
            score_kind(kind, label, doc_id, list(getattr(knowledge, kind)), doc, aliases, result)
    return result


def speed(folder: Path, config_dir: Path, count: int) -> tuple[int, float, float]:
    """(files, wall seconds, CPU seconds per file) reading out the first `count` .txt files under folder."""
    reader = Reader(config_dir)
    files = sorted(folder.rglob("*.txt"))[:count]
    started, cpu = time.perf_counter(), time.process_time()
    for path in files:
        reader.article(read(path, path.name))
    size = max(1, len(files))
    return len(files), (time.perf_counter() - started) / size, (time.process_time() - cpu) / size


def report(result: Result, errors: int) -> str:
    lines = [f"{'kind':15} {'precision':>9} {'recall':>7} {'F1':>6}   predicted / correct, gold / found"]
    for kind, _ in KINDS:
        t = result.tallies[kind]
        p, r, f = t.scores()
        lines.append(f"{kind:15} {p:9.2f} {r:7.2f} {f:6.2f}   {t.predicted} / {t.correct}, {t.gold} / {t.found}")
    docs = len(result.seconds)
    wrong = result.people_not_people
    lines.append(f"organisations or places taken as people: {len(wrong)} in {docs} articles "
                 f"({100 * len(wrong) / max(1, docs):.1f} per 100): " + "; ".join(n for _, n in wrong[:20]))
    total = sum(result.seconds)
    lines.append(f"read-out time: {1000 * total / max(1, docs):.1f} ms per article, "
                 f"{1000 * result.cpu / max(1, docs):.1f} ms CPU ({docs} articles, {total:.2f} s)")
    if errors:
        for kind, _ in KINDS:
            lines.append(f"-- {kind}, wrong (first {errors}): " + "; ".join(f"{d}:{n}" for d, n in result.wrong[kind][:errors]))
            lines.append(f"-- {kind}, missed (first {errors}): " + "; ".join(f"{d}:{n}" for d, n in result.missed[kind][:errors]))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.entities", description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="text/ + gold.json (default ../shared/corpora/conll-dev)")
    parser.add_argument("--config", type=Path, default=None, help="site_config folder (default: the builder's)")
    parser.add_argument("--errors", type=int, default=0, help="also list this many wrong and missed names per kind")
    parser.add_argument("--speed", type=Path, default=None, help="also time the read-out on files of this folder")
    parser.add_argument("--speed-files", type=int, default=300, help="how many files --speed reads (default 300)")
    args = parser.parse_args(argv)
    if not (args.data / "gold.json").is_file():
        parser.error(f"--data {args.data}: no gold.json there (expected the format of conll-dev)")
    config_dir = args.config or default_config_dir()
    print(f"data: {args.data}  config: {config_dir}")
    print(report(run(args.data, config_dir), args.errors))
    if args.speed:
        files, seconds, cpu = speed(args.speed, config_dir, args.speed_files)
        print(f"read-out time on {args.speed}: {1000 * seconds:.1f} ms per article, {1000 * cpu:.1f} ms CPU ({files} files)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
