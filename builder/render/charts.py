"""Stage 7, render: articles per month (or per year) as a static SVG bar chart, made at build
time: no script, works offline, with a text alternative (a caption and a table) beside it.

Each bar links to its place on the timeline. Labels are numbers and month names the builder
made; they are escaped all the same.
"""
from __future__ import annotations

import calendar
from collections import Counter
from html import escape
from typing import Callable

from builder.models import Article

WIDTH, HEIGHT = 640, 180  # the viewBox; the chart scales to its column
PAD_LEFT, PAD_BOTTOM, PAD_TOP = 34, 26, 10
MONTHS_UP_TO = 36  # a span of more months is charted per year


def per_period(articles: list[Article]) -> tuple[str, list[tuple[tuple[int, int], int]]]:
    """('month' | 'year', [((year, month), count)]) over the whole span, empty periods included.

    Articles dated to the year only count in their year's chart; in a month chart they are
    left out (and the caption says how many)."""
    dated = [a.date for a in articles if a.date]
    if not dated:
        return "year", []
    first, last = min(d.year for d in dated), max(d.year for d in dated)
    monthly = [d for d in dated if d.month]
    if monthly and (last - first) * 12 <= MONTHS_UP_TO:
        counts = Counter((d.year, d.month) for d in monthly)
        start = min(counts)
        end = max(counts)
        keys, (y, m) = [], start
        while (y, m) <= end:
            keys.append((y, m))
            y, m = (y + 1, 1) if m == 12 else (y, m + 1)
        return "month", [(k, counts.get(k, 0)) for k in keys]
    counts = Counter((d.year, 0) for d in dated)
    return "year", [((y, 0), counts.get((y, 0), 0)) for y in range(first, last + 1)]


def period_label(key: tuple[int, int], short: bool = False) -> str:
    year, month = key
    if not month:
        return str(year)
    return f"{calendar.month_abbr[month] if short else calendar.month_name[month]} {year}"


def chart(articles: list[Article], link: Callable[[tuple[int, int]], str], title: str = "Articles per") -> str:
    """A <figure> with the SVG chart and its table; '' when no article has a date."""
    unit, series = per_period(articles)
    if not series:
        return ""
    left_out = sum(1 for a in articles if a.date and unit == "month" and not a.date.month)
    caption = f"{title} {unit}: {sum(c for _, c in series)} dated articles, {period_label(series[0][0])}" \
              f" to {period_label(series[-1][0])}"
    if left_out:
        caption += f" ({left_out} dated to the year only are not shown)"
    peak = max(c for _, c in series) or 1
    slot = (WIDTH - PAD_LEFT) / len(series)
    bar = max(1.0, slot * 0.8)
    scale = (HEIGHT - PAD_BOTTOM - PAD_TOP) / peak
    bars, labels = [], []
    every = max(1, round(len(series) / 12))  # at most about a dozen period labels
    for i, (key, count) in enumerate(series):
        x = PAD_LEFT + i * slot + (slot - bar) / 2
        h = count * scale
        y = HEIGHT - PAD_BOTTOM - h
        name = f"{period_label(key)}: {count} article{'' if count == 1 else 's'}"
        rect = (f'<rect x="{x:.1f}" y="{y:.1f}" width="{bar:.1f}" height="{max(h, 0):.1f}" class="archive-bar">'
                f"<title>{escape(name)}</title></rect>")
        bars.append(f'<a href="{escape(link(key))}" aria-label="{escape(name)}">{rect}</a>' if count else rect)
        if i % every == 0:
            labels.append(f'<text x="{x + bar / 2:.1f}" y="{HEIGHT - 8}" text-anchor="middle">'
                          f"{escape(period_label(key, short=True))}</text>")
    axis = (f'<text x="{PAD_LEFT - 6}" y="{PAD_TOP + 8}" text-anchor="end">{peak}</text>'
            f'<text x="{PAD_LEFT - 6}" y="{HEIGHT - PAD_BOTTOM}" text-anchor="end">0</text>'
            f'<line x1="{PAD_LEFT}" y1="{HEIGHT - PAD_BOTTOM}" x2="{WIDTH}" y2="{HEIGHT - PAD_BOTTOM}" class="archive-axis"/>')
    svg = (f'<svg class="archive-chart" viewBox="0 0 {WIDTH} {HEIGHT}" role="group" aria-label="{escape(caption)}" '
           f'xmlns="http://www.w3.org/2000/svg">{axis}{"".join(bars)}{"".join(labels)}</svg>')
    rows = "".join(f'<tr><td><a href="{escape(link(k))}">{escape(period_label(k))}</a></td><td>{c}</td></tr>'
                   for k, c in series if c)
    table = (f'<details class="archive-chart-table"><summary>The numbers as a table</summary>'
             f"<table><thead><tr><th>{unit.title()}</th><th>Articles</th></tr></thead><tbody>{rows}</tbody></table>"
             "</details>")
    return f'<figure class="archive-figure" data-search-exclude>{svg}<figcaption>{escape(caption)}</figcaption>{table}</figure>'


def timeline_anchor(key: tuple[int, int]) -> str:
    """The heading id MkDocs gives a timeline section: '2017' or 'november-2017'."""
    year, month = key
    return f"{calendar.month_name[month].lower()}-{year}" if month else str(year)
