"""Table tests: paragraphs, boilerplate and captions."""
from __future__ import annotations

from pathlib import Path

import pytest

from builder.extract import extract, load_rules
from builder.models import Extraction

RULES = load_rules(Path(__file__).resolve().parent.parent / "site_config")
P1 = "Officials said on Tuesday that the talks would resume next month, according to a statement released after the meeting."
P2 = "The two sides have met four times since the spring, and each round has ended without an agreement on the main issues."
P3 = "Observers expect the next round to focus on humanitarian aid and on family reunions across the border."


def run(text: str) -> Extraction:
    return extract(text, RULES)


def paragraphs(text: str) -> list[str]:
    return [b.text for b in run(text).body if b.type == "paragraph"]


WRAPPED = (
    "The ministry said on Monday that it had asked the embassy for a full\n"
    "account of the arrests, which took place near the border late last week\n"
    "and involved at least nine people.\n\n"
    "Rights groups said the detainees faced torture if they were sent back,\n"
    "and urged the government to raise the matter at the United Nations in\n"
    "Geneva during the session that opens later this month in the city.\n"
)
WRAPPED_SINGLE = WRAPPED.replace("\n\n", "\n")
HYPHENATED = (
    "The committee chairman, speaking to reporters after the closed-door hear-\n"
    "ing, said lawmakers would vote on the bill before the end of the year and\n"
    "that the ruling party had enough votes to pass it without opposition help.\n"
    "He declined to say whether the president would sign it into law quickly.\n"
)


@pytest.mark.parametrize("text, expected", [
    (f"{P1}\n\n{P2}\n\n{P3}", [P1, P2, P3]),
    (f"{P1}\n{P2}\n{P3}", [P1, P2, P3]),
    (f"{P1}\n\n\n\n{P2}", [P1, P2]),
    (f"  {P1}  \n\n\t{P2}\t", [P1, P2]),
    (f"{P1}\r\n{P2}".replace("\r\n", "\n"), [P1, P2]),
    (P1, [P1]),
    ("", []),
    ("\n\n\n", []),
    (WRAPPED, [
        "The ministry said on Monday that it had asked the embassy for a full account of the arrests, "
        "which took place near the border late last week and involved at least nine people.",
        "Rights groups said the detainees faced torture if they were sent back, and urged the government to raise "
        "the matter at the United Nations in Geneva during the session that opens later this month in the city.",
    ]),
    (WRAPPED_SINGLE, [
        "The ministry said on Monday that it had asked the embassy for a full account of the arrests, "
        "which took place near the border late last week and involved at least nine people.",
        "Rights groups said the detainees faced torture if they were sent back, and urged the government to raise "
        "the matter at the United Nations in Geneva during the session that opens later this month in the city.",
    ]),
    (HYPHENATED, [
        "The committee chairman, speaking to reporters after the closed-door hearing, said lawmakers would vote on "
        "the bill before the end of the year and that the ruling party had enough votes to pass it without opposition help. "
        "He declined to say whether the president would sign it into law quickly.",
    ]),
    (f"{P1}\nthe report added that more meetings were planned.", [P1 + " the report added that more meetings were planned."]),
    (f"Officials in the capital said the talks would resume\nnext month after a pause of several weeks.\n\n{P2}",
     ["Officials in the capital said the talks would resume next month after a pause of several weeks.", P2]),
    (f"{P1}\n\n“We will not give up,” she said.\n\n{P2}", [P1, "“We will not give up,” she said.", P2]),
    (f"{P1}\n\n{P1}", [P1]),  # a paragraph pasted twice is kept once
    (f"{P1}\n\n{P2}\n\n{P1}", [P1, P2, P1]),  # not consecutive: kept
    (f"{P1}\n\nWhat Happens Next\n\n{P2}\n\n{P3}", [P1, P2, P3]),
    (f"{P1}\nA Long Road Home\n{P2}", [P1, P2]),
    (f"{P1}\n\nWHAT THE LAW SAYS\n\n{P2}", [P1, P2]),
    (f"{P1}\n\nThe vote is expected in March\n\n{P2}", [P1, "The vote is expected in March", P2]),
    (f"{P1}\n\n{P2}\n\nWhy it matters: the deal would be the first in years.", [P1, P2, "Why it matters: the deal would be the first in years."]),
    (f"{P1}\n\n- The first point of the plan is aid.\n- The second point is family reunions.",
     [P1, "- The first point of the plan is aid.", "- The second point is family reunions."]),
    (f"{P1} {P2}", [f"{P1} {P2}"]),
    ("x" * 5000, ["x" * 5000]),
    (f"{P1}\n\n1. Aid deliveries resume.\n\n2. Talks continue in Geneva.", [P1, "1. Aid deliveries resume.", "2. Talks continue in Geneva."]),
])
def test_paragraphs(text: str, expected: list[str]) -> None:
    assert paragraphs(text) == expected


@pytest.mark.parametrize("text, heading", [
    (f"{P1}\n\nWhat Happens Next\n\n{P2}", "What Happens Next"),
    (f"{P1}\nMore Than 300 Detainees Sent Back\n{P2}", "More Than 300 Detainees Sent Back"),
    (f"{P1}\n\nTHE RESPONSE FROM BEIJING\n\n{P2}", "THE RESPONSE FROM BEIJING"),
    (f"{P1}\n\nA Pattern of Forced Returns\n\n{P2}\n\n{P3}", "A Pattern of Forced Returns"),
])
def test_subheadings(text: str, heading: str) -> None:
    body = run(text).body
    assert [b.text for b in body if b.type == "heading"] == [heading]
    assert body[0].type == "paragraph" and body[-1].type == "paragraph"


@pytest.mark.parametrize("line, reason", [
    ("Skip to main content", "site-chrome"),
    ("Menu", "site-chrome"),
    ("Search", "site-chrome"),
    ("Share this article", "site-chrome"),
    ("Back to top", "site-chrome"),
    ("Print", "site-chrome"),
    ("Home > News > North Korea", "site-chrome"),
    ("Recommended", "kicker"),
    ("Most Read", "kicker"),
    ("Sign up for our morning briefing", "newsletter-appeal"),
    ("The Daily Digest newsletter", "newsletter-appeal"),
    ("Get the latest headlines delivered to your inbox", "newsletter-appeal"),
    ("Help keep Seoul Monitor free for all readers.", "donation-appeal"),
    ("Support independent journalism", "donation-appeal"),
    ("Become a member today and read without limits.", "donation-appeal"),
    ("You have reached your limit of free articles.", "paywall-appeal"),
    ("Already a subscriber? Log in", "paywall-appeal"),
    ("Was this article helpful?", "feedback-prompt"),
    ("NOW WATCH: Ten things you missed this week", "promo"),
    ("Follow us on Twitter and Facebook", "social-follow"),
    ("Advertisement", "site-chrome"),
    ("kimjs@heraldcorp.com", "reporter-email"),
    ("(EDITOR'S NOTE: This story contains graphic descriptions.)", "editors-note"),
    ("3 hours ago", "timestamp"),
    ("© 2023 Example Media Group. All rights reserved.", "copyright"),
    ("Related article: Seoul protests repatriation", "related-link"),
    ("READ MORE: What the new border rules mean", "related-link"),
    ("More from Asia Wire: Japan and Korea hold talks", "related-link"),
])
def test_boilerplate_line(line: str, reason: str) -> None:
    got = run(f"{P1}\n\n{line}\n\n{P2}")
    assert (line, reason) in [(r.text, r.reason) for r in got.removed]
    assert [b.text for b in got.body] == [P1, P2]


@pytest.mark.parametrize("run_lines, reasons", [
    (["Was this article helpful?", "Yes", "No", "We're sorry to hear that."], ["feedback-prompt"] * 4),
    (["Get our free newsletter", "Be the first to know.", "Privacy Policy"], ["newsletter-appeal"] * 3),
    (["Support independent journalism", "Give once", "Monthly"], ["donation-appeal"] * 3),
    (["Make a donation", "Every donation of any amount, you're helping us report."], ["donation-appeal"] * 2),
])
def test_boilerplate_runs(run_lines: list[str], reasons: list[str]) -> None:
    got = run("\n".join([P1, "", *run_lines, "", P2]))
    assert [r.reason for r in got.removed] == reasons
    assert [b.text for b in got.body] == [P1, P2]


@pytest.mark.parametrize("line", [
    "Yes",  # a continuation pattern alone, outside any appeal, stays
    "Be the first to know what the committee decided, the chairman told the assembly on Monday.",
    "She said the group would support independent monitors at the border crossing in the spring.",
])
def test_not_boilerplate(line: str) -> None:
    assert line in " ".join(b.text for b in run(f"{P1}\n\n{line}\n\n{P2}").body)


@pytest.mark.parametrize("tail, kept", [
    ("(END)\n-\nFirst headline here today\n-\nSecond headline here today\n-\nFirst headline here today", 1),
    ("(END)\nFirst headline here today\nSecond headline here today", 1),
    ("Most Popular\nFirst headline here today\nSecond headline here today\nThird headline here", 1),
    ("Related Stories\nFirst headline here today\nSecond headline here today\nThird headline here", 1),
    ("Seoul shares close higher on tech gains\nBOK holds rate steady\nExport growth slows in August", 1),
    ("- Seoul shares close higher\n- BOK holds rate steady\n- Export growth slows", 1),
    ("Recommended\n" + P2, 2),  # a kicker followed by article text does not end the article
])
def test_trailing_headlines(tail: str, kept: int) -> None:
    got = run(f"{P1}\n{tail}")
    assert len([b for b in got.body if b.type == "paragraph"]) == kept


@pytest.mark.parametrize("lines, caption", [
    (["Photo: AP"], "Photo: AP"),
    (["(AP Photo/Lee Jin-man)"], "(AP Photo/Lee Jin-man)"),
    (["Getty Images"], "Getty Images"),
    (["REUTERS/Kim Hong-Ji"], "REUTERS/Kim Hong-Ji"),
    (["Image source, Getty Images"], "Image source, Getty Images"),
    (["[Yonhap]"], "[Yonhap]"),
    (["Protesters hold banners outside the embassy in Seoul on Sept. 5. (Yonhap)"],
     "Protesters hold banners outside the embassy in Seoul on Sept. 5. (Yonhap)"),
    (["Activists rally in central Seoul, Oct. 3, 2023. | (Photo: REUTERS/Staff)"],
     "Activists rally in central Seoul, Oct. 3, 2023. | (Photo: REUTERS/Staff)"),
    (["(Photo: Jane Doe/AFP) Rescue workers search the rubble in Hamhung."],
     "(Photo: Jane Doe/AFP) Rescue workers search the rubble in Hamhung."),
    (["A guard post on the border is seen in this file photo. [YONHAP PHOTO]"],
     "A guard post on the border is seen in this file photo. [YONHAP PHOTO]"),
    (["The harbour at dawn. Photo: Reuters"], "The harbour at dawn. Photo: Reuters"),
    (["Photo by Kim Min-jun"], "Photo by Kim Min-jun"),
    (["protest seoul embassy", "Photo: AP"], "protest seoul embassy"),
    (["Students march in Hong Kong on Sunday. (AFP)"], "Students march in Hong Kong on Sunday. (AFP)"),
])
def test_captions(lines: list[str], caption: str) -> None:
    got = run("\n\n".join([P1, *lines, P2]))
    assert caption in got.captions
    assert [b.text for b in got.body] == [P1, P2]


def test_repeated_caption_is_one_caption() -> None:
    caption = "A fishing boat is seen in this photo taken near the port of Sokcho, South Korea, May 2, 2019."
    got = run(f"Fishing Crews Return to Northern Port After Ban Is Lifted\n\n{caption}\n{caption} | (Photo: REUTERS/Staff)\n\n{P1}")
    assert len([c for c in got.captions if c.startswith("A fishing boat")]) == 1
    assert [b.text for b in got.body] == [P1]


@pytest.mark.parametrize("line", [
    "The photo shows how far the river has dropped, she said, pointing to the dry bank.",
    "He told AP in an interview that the decision was final and would not be revisited.",
    "protesters in seoul",  # lowercase run with no credit after it
])
def test_not_captions(line: str) -> None:
    got = run(f"{P1}\n\n{line}\n\n{P2}")
    assert line not in got.captions
