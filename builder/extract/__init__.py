"""Stage 2, extract: article text -> Extraction (what the text alone says).

    rules = load_rules(Path("site_config"))
    extraction = extract(text, rules)

Steps, each in its own module: classify every line (lines), read the lines above
the article (head), build paragraphs and subheadings (paragraphs), read the wire
dateline (dateline), then run one cascade per field (attribution, dates).
Every input line ends in exactly one of: title, evidence, body, captions, removed.
"""
from __future__ import annotations

from builder.extract import dates, endings
from builder.extract.attribution import Attribution, owner_named, read_attribution
from builder.extract.dateline import Dateline, read_dateline
from builder.extract.extent import Extent, confine, locate
from builder.extract.head import Head, read_head, title_from_lead
from builder.extract.lines import Sheet, classify
from builder.extract.published import near_lines, posted_day, publication_date, updated_line
from builder.extract.paragraphs import body_blocks, split_paragraphs, to_blocks, wrap_width
from builder.extract.rules import Rules, load_rules
from builder.extract.screens import screens
from builder.extract.text import first_sentence, resolve_references
from builder.models import Block, Extraction, PartialDate, Removed

__all__ = ["Rules", "extract", "load_rules", "prepare", "reading"]


def extract(text: str, rules: Rules) -> Extraction:
    """Read title, attribution, date, body and captions from one article's text."""
    text = resolve_references(text)
    sheet = classify(text, rules)
    extent = locate(sheet, rules)
    head = read_head(sheet, rules, extent.first if extent else None)
    standfirst = confine(sheet, extent, rules) if extent is not None else None
    blocks = body_blocks(sheet)
    width = wrap_width(blocks)
    paragraphs = [p for block in blocks for p in split_paragraphs(block, width, rules)]
    dateline = read_dateline(paragraphs[0], rules) if paragraphs else None
    evidence = _line_evidence(sheet)
    if dateline is not None:
        paragraphs[0] = paragraphs[0][len(dateline.prefix):]
        evidence.append(Removed(dateline.prefix.strip(), "dateline"))
    body = to_blocks(paragraphs, rules)
    near = near_lines(sheet, extent, head.title_at, rules)
    attribution = read_attribution(sheet.signals, head.masthead, dateline, rules, text, near)
    date, date_origin, date_note = _date(sheet, extent, head, dateline, paragraphs, text, rules)
    title, title_origin = _title(head, paragraphs, rules)
    summary, summary_origin = _summary(head, standfirst, body)
    return Extraction(
        title=title,
        summary=summary,
        publisher=attribution.publisher,
        republished_by=attribution.republished_by,
        author=attribution.author,
        dateline=dateline.place if dateline else None,
        date=date,
        body=body,
        captions=tuple(sheet.lines[i] for i, m in enumerate(sheet.marks) if m and m.dest == "caption"),
        removed=tuple(Removed(sheet.lines[i], m.reason)
                      for i, m in enumerate(sheet.marks) if m and m.dest == "removed"),
        evidence=tuple(evidence),
        origins=_origins(title_origin, summary_origin, attribution, dateline, date_origin),
        notes=_notes(title_origin, attribution, owner_named(sheet.signals, rules), date, date_note, body),
    )


def prepare(rules: Rules, every_ending: bool = False) -> None:
    """Compile now what extraction otherwise compiles for these rules on first use (the
    screens, the date patterns, the patterns by line ending): once in a build's process,
    not once in each worker. `every_ending`: also the patterns for every line ending a
    worker may meet (about 60 ms; worth it only before forking workers)."""
    screens(rules)
    dates.finder(rules)
    endings.prepare(rules, every_ending)


def reading(text: str, rules: Rules) -> dict:
    """How extraction read the text, for `builder explain`: the article's extent (first and
    last line, and why each boundary is there) and the headline candidates with their reasons."""
    sheet = classify(text, rules)
    extent = locate(sheet, rules)
    head = read_head(sheet, rules, extent.first if extent else None)
    found: dict = {"extent": None, "title_candidates": [
        {"line": c.index + 1, "text": sheet.lines[c.index], "score": c.score, "reasons": list(c.reasons)}
        for c in head.candidates]}
    if extent is not None:
        found["extent"] = {
            "first_line": extent.first + 1, "first": sheet.lines[extent.first], "why_first": extent.why_first,
            "last_line": extent.last + 1, "last": sheet.lines[extent.last], "why_last": extent.why_last,
        }
    return found


def _line_evidence(sheet: Sheet) -> list[Removed]:
    return [Removed(sheet.lines[i], m.reason) for i, m in enumerate(sheet.marks)
            if m and m.dest in ("evidence", "title")]


def _title(head: Head, paragraphs: list[str], rules: Rules) -> tuple[str | None, str | None]:
    """The headline line, else a short title cut from the lead sentence."""
    if head.title:
        return head.title, "headline"
    if paragraphs:
        return title_from_lead(paragraphs[0], rules) or None, "lead"
    return None, None


def _summary(head: Head, standfirst: str | None, body: tuple[Block, ...]) -> tuple[str | None, str | None]:
    """The standfirst under the headline (or above the byline), else the lead's first sentence."""
    if head.summary or standfirst:
        return head.summary or standfirst, "standfirst"
    lead = next((b.text for b in body if b.type == "paragraph"), None)
    return (first_sentence(lead), "lead") if lead else (None, None)


def _date(sheet: Sheet, extent: Extent | None, head: Head, dateline: Dateline | None, paragraphs: list[str],
          text: str, rules: Rules) -> tuple[PartialDate | None, str | None, str | None]:
    """A date printed near the headline or the article's foot, else the dateline's date
    (a bare month-day only if proven)."""
    found, _ = publication_date(sheet, extent, head.title_at, rules, sheet.signals.order)
    if found is not None:
        return found, "text", None
    found, _ = posted_day(sheet, extent, head.title_at, rules)
    if found is not None:
        return found, "text+copyright-year", None
    if dateline is None or (dateline.date is None and dateline.month_day is None):
        updated = updated_line(sheet, extent, head.title_at, rules)
        if updated:
            return None, None, f"only an updated date ({updated}) near the headline"
        return None, None, "no publication date near the headline"
    if dateline.date is not None:
        return dateline.date, "dateline", None
    month, day = dateline.month_day or (1, 1)
    year = dates.prove_year(month, day, paragraphs[0], text, rules)
    if year is not None:
        return PartialDate(year, month, day), "dateline", None
    printed = dateline.prefix.split(",", 1)[-1].split("(")[0].strip()
    return None, None, f"dateline gives {printed} but no year the text proves"


def _origins(title: str | None, summary: str | None, attribution: Attribution,
             dateline: Dateline | None, date: str | None) -> dict[str, str]:
    origins = {
        "title": title,
        "summary": summary,
        "publisher": attribution.publisher_origin,
        "republished_by": "chrome" if attribution.republished_by else None,
        "author": attribution.author_origin,
        "dateline": "dateline" if dateline else None,
        "date": date,
    }
    return {name: origin for name, origin in origins.items() if origin}


def _notes(title_origin: str | None, attribution: Attribution, owner: str | None, date: PartialDate | None,
           date_note: str | None, body: tuple[Block, ...]) -> dict[str, str]:
    """What extraction was unsure of, by field (a curated header value makes a note moot)."""
    notes = {}
    if title_origin == "lead":
        notes["title"] = "no headline line in the text; the title is cut from the lead sentence"
    if title_origin is None:
        notes["title"] = "no headline and no lead sentence to derive a title from"
    if attribution.publisher is None:
        notes["publisher"] = (f"only a company is named ({owner}, in the copyright line): the publication's owner, "
                              "not the publication" if owner else "no publisher named in the text")
    if attribution.author is None:
        notes["author"] = "no byline in the text"
    if date is None and date_note:
        notes["date"] = date_note
    if not body:
        notes["body"] = "no article text left after removing the page's chrome"
    return notes
