"""A deterministic synthetic corpus: N varied, realistic article files for the benchmarks.

    python -m benchmarks.synthetic OUT_DIR --count 1000 --seed 7

Every article is recombined from the original sentence templates and vocabulary in
synthetic_data.py (written for this project; no real article is copied) by the `_Writer`
in synthetic_article.py. The people quoted are invented; places, organisations and outlets
are real names so that the builder's vocabulary matching, outlet detection and topic
scoring do realistic work. About two thirds of the
articles are about North Korean refugees, China and South Korea; the rest is generic news
(economy, weather, technology, sport, culture), so that not every article gets a topic.

Each file looks like text copied from a browser: site chrome (skip links, menus,
breadcrumbs, section names), a headline, a byline and time stamp, photo captions, a wire
dateline on the first paragraph, mid-article advertisements and "Related:" links,
newsletter appeals, "Follow NAME on Twitter", end markers, copyright lines and a closing
list of recommended headlines. About a third start with a YAML header (date, publisher,
topics from site_config/topics.yml, sometimes title, author and url).

Article i depends only on (seed, i): a 1,000-article corpus is the prefix of the
10,000-article one with the same seed, and `--start` adds new articles to a folder.
"""
from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

from benchmarks.synthetic_article import _Writer
from benchmarks.synthetic_data import CN_GIVEN, CN_SURNAMES, KO_SURNAMES, KO_SYLLABLES, WESTERN_FIRST, WESTERN_LAST

PROJECT_ROOT = Path(__file__).resolve().parent.parent
TOPICS_FILE = PROJECT_ROOT / "site_config" / "topics.yml"
FALLBACK_TOPICS = [
    "Forced repatriation", "Arrests and detention in China", "Protests and advocacy",
    "Refugee law and non-refoulement", "Punishment after return", "Families and personal stories",
]


def _topic_names() -> list[str]:
    try:
        import yaml

        data = yaml.safe_load(TOPICS_FILE.read_text(encoding="utf-8")) or {}
        names = [t["name"] for t in data.get("topics", []) if isinstance(t, dict) and t.get("name")]
        return names or FALLBACK_TOPICS
    except Exception:  # noqa: BLE001 - any problem: use the built-in list
        return FALLBACK_TOPICS


def people_pool(seed: int) -> dict[str, list[str]]:
    """The invented people of a corpus: 500 Korean, 80 Chinese and 120 Western names."""
    r = random.Random(f"people:{seed}")

    def unique(make, count):
        names: list[str] = []
        while len(names) < count:
            name = make()
            if name not in names:
                names.append(name)
        return names

    return {
        "ko": unique(lambda: f"{r.choice(KO_SURNAMES)} {r.choice(KO_SYLLABLES).capitalize()}-{r.choice(KO_SYLLABLES)}", 500),
        "cn": unique(lambda: f"{r.choice(CN_SURNAMES)} {r.choice(CN_GIVEN)}", 80),
        "western": unique(lambda: f"{r.choice(WESTERN_FIRST)} {r.choice(WESTERN_LAST)}", 120),
    }


def article_text(seed: int, index: int, topics: list[str] | None = None,
                 people: dict[str, list[str]] | None = None) -> str:
    """The text of synthetic article `index` for `seed` (independent of the corpus size)."""
    rng = random.Random(f"press-archive-synthetic:{seed}:{index}")
    return _Writer(rng, topics or _topic_names(), people or people_pool(seed)).article()


def file_name(seed: int, index: int) -> str:
    rng = random.Random(f"name:{seed}:{index}")
    suffix = ".md" if rng.random() < 0.03 else ".txt"
    return f"syn_{index:05d}_{rng.getrandbits(32):08x}{suffix}"


def write_corpus(out_dir: Path, count: int, seed: int = 1, start: int = 0) -> list[Path]:
    """Write articles start .. start+count-1 into out_dir; return their paths."""
    out_dir.mkdir(parents=True, exist_ok=True)
    topics, people = _topic_names(), people_pool(seed)
    written = []
    for index in range(start, start + count):
        path = out_dir / file_name(seed, index)
        text = article_text(seed, index, topics, people)
        if index % 97 == 13:
            path.write_bytes(text.replace("\n", "\r\n").encode("utf-8"))  # a Windows copy-paste
        else:
            path.write_text(text, encoding="utf-8")
        written.append(path)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.synthetic", description=__doc__.split("\n\n")[0])
    parser.add_argument("out_dir", type=Path, help="folder to write the article files into")
    parser.add_argument("--count", type=int, default=1000, help="number of articles (default 1000)")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    parser.add_argument("--start", type=int, default=0, help="index of the first article (to add more)")
    args = parser.parse_args(argv)
    paths = write_corpus(args.out_dir, args.count, args.seed, args.start)
    size = sum(p.stat().st_size for p in paths)
    print(f"wrote {len(paths)} articles ({size / 1e6:.1f} MB) to {args.out_dir}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
