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
QUOTE = "“We are not going to stop until every one of them is safe,” said Park Sun-young, who leads the group."


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
    # title case and all caps
    (f"{P1}\n\nWhat Comes Next for the Talks\n\n{P2}", "What Comes Next for the Talks"),
    (f"{P1}\nFamilies Still Waiting for News\n{P2}\n{P3}", "Families Still Waiting for News"),
    (f"{P1}\n\nThe Road to Panmunjom\n\n{QUOTE}", "The Road to Panmunjom"),
    (f"{P1}\n\nWHY IT MATTERS\n\n{P2}", "WHY IT MATTERS"),
    (f"{P1}\nA DECADE OF RETURNS\n{P2}", "A DECADE OF RETURNS"),
    # short sentence case (BBC, Guardian shapes), blank-line or single-newline separated
    (f"{P1}\n\nFears of a wider crackdown\n\n{P2}", "Fears of a wider crackdown"),
    (f"{P1}\nFears of a wider crackdown\n{P2}", "Fears of a wider crackdown"),
    (f"{P1}\n\nWhat happens to those sent back\n\n{P2}\n\n{P3}", "What happens to those sent back"),
    (f"{P1}\n\nWhat is at stake\n\n{P2}", "What is at stake"),  # a question word, so the verb is fine
    (f"{QUOTE}\n\nPressure on the consulate\n\n{P2}", "Pressure on the consulate"),
    (f"{P1}\n\nCalls for an inquiry grow\n\n{P2}", "Calls for an inquiry grow"),
    (WRAPPED.replace("nine people.\n\n", "nine people.\nFears of a wider crackdown\n"), "Fears of a wider crackdown"),
    # questions
    (f"{P1}\n\nWhat happens next?\n\n{P2}", "What happens next?"),
    (f"{P1}\nWhat happens next?\n{P2}", "What happens next?"),
    (f"{P1}\n\nWill the ban hold?\n\n{P2}", "Will the ban hold?"),
    (f"{P1}\n\nHow did it come to this?\n\n{P2}", "How did it come to this?"),
])
def test_subheadings(text: str, heading: str) -> None:
    body = run(text).body
    assert [b.text for b in body if b.type == "heading"] == [heading]
    assert body[0].type == "paragraph" and body[-1].type == "paragraph"


def test_two_subheadings() -> None:
    body = run(f"{P1}\n\nWhy the talks stalled\n\n{P2}\n\nA long wait for answers\n\n{P3}").body
    assert [b.type for b in body] == ["paragraph", "heading", "paragraph", "heading", "paragraph"]


@pytest.mark.parametrize("line", [
    "That was the plan.",  # a short sentence with its full stop
    "He declined to comment.",
    "“We are not afraid”",  # a quoted line
    "\"Where are they now?\"",
    "The vote is expected in March",  # a clause that lost its full stop
    "The ministry said it would respond",
    "She has not been seen since",
    "- Aid deliveries resume",  # a list item
    "Why?",  # one word
])
def test_not_subheadings(line: str) -> None:
    body = run(f"{P1}\n\n{line}\n\n{P2}").body
    assert [b.type for b in body] == ["paragraph"] * 3
    assert body[1].text == line


@pytest.mark.parametrize("text", [
    f"{P1}\n\nBy Kim Min-ji\n\n{P2}",  # a byline is evidence
    f"{P1}\n\nPhoto: AP\n\n{P2}",  # a credit is a caption
    f"{P1}\n\nRecommended\n\n{P2}",  # a kicker is removed
    f"{P1}\n\n{P2}\n\n(END)\n\nSeoul shares close higher\n\nBOK holds rate steady\n\nExport growth slows in August",
    f"{P1}\n\n{P2}\n\nThe investigation continues",  # last, not between paragraphs
    f"{P1}\n\nAid deliveries\n\nFamily reunions\n\n{P2}",  # short lines not set between full paragraphs
])
def test_no_subheading(text: str) -> None:
    assert [b for b in run(text).body if b.type == "heading"] == []


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
    (["(Photo: Yonhap) Fishing boats sit idle at a port on the west coast."],
     "(Photo: Yonhap) Fishing boats sit idle at a port on the west coast."),
    (["(Photo: ED JONES/AFP via Getty Images) Tourists look across the border from an observatory in Paju."],
     "(Photo: ED JONES/AFP via Getty Images) Tourists look across the border from an observatory in Paju."),
    (["Photo: AFP"], "Photo: AFP"),
    (["AFP via Getty Images"], "AFP via Getty Images"),
    (["ANTHONY WALLACE/AFP via Getty Images"], "ANTHONY WALLACE/AFP via Getty Images"),
    (["KCNA via REUTERS"], "KCNA via REUTERS"),
    (["Reuters/Tyrone Siu"], "Reuters/Tyrone Siu"),
    (["EPA-EFE/JEON HEON-KYUN"], "EPA-EFE/JEON HEON-KYUN"),
    (["Getty Images/iStockphoto"], "Getty Images/iStockphoto"),
    (["Police officers stand guard outside the court in Hong Kong, March 4, 2024. | (Photo: REUTERS/Staff)"],
     "Police officers stand guard outside the court in Hong Kong, March 4, 2024. | (Photo: REUTERS/Staff)"),
    (["Image caption, Police say the boat was found drifting near the island"],
     "Image caption, Police say the boat was found drifting near the island"),
    (["Image source, Reuters"], "Image source, Reuters"),
    (["File photo"], "File photo"),
    (["(File photo)"], "(File photo)"),
    (["Handout"], "Handout"),
    (["This photo provided by the Unification Ministry shows a meeting at the truce village. (PHOTO NOT FOR SALE) (Yonhap)"],
     "This photo provided by the Unification Ministry shows a meeting at the truce village. (PHOTO NOT FOR SALE) (Yonhap)"),
    (["This undated photo provided by the family shows the missing fisherman."],
     "This undated photo provided by the family shows the missing fisherman."),
    (["Protesters march in Wan Chai on Sunday. Photo: Sam Tsang"], "Protesters march in Wan Chai on Sunday. Photo: Sam Tsang"),
    (["Demonstrators gather near the legislature. Photograph: Anthony Kwan/Getty Images"],
     "Demonstrators gather near the legislature. Photograph: Anthony Kwan/Getty Images"),
    (["Workers inspect damage at the plant. (EPA)"], "Workers inspect damage at the plant. (EPA)"),
    (["Shoppers in Myeongdong on Saturday. [NEWS1]"], "Shoppers in Myeongdong on Saturday. [NEWS1]"),
    (["Photo courtesy of the Ministry of Unification"], "Photo courtesy of the Ministry of Unification"),
    (["soldiers patrol border fence", "AFP via Getty Images"], "soldiers patrol border fence"),  # alt text
    (["a woman holds a candle", "Reuters/Kim Hong-Ji"], "a woman holds a candle"),
])
def test_captions(lines: list[str], caption: str) -> None:
    got = run("\n\n".join([P1, *lines, P2]))
    assert caption in got.captions
    assert [b.text for b in got.body] == [P1, P2]


@pytest.mark.parametrize("lines, caption", [
    (["Relatives hold a vigil in Seoul on Monday. (Yonhap)"] * 2, "Relatives hold a vigil in Seoul on Monday. (Yonhap)"),
    (["Relatives hold a vigil in Seoul on Monday night.", "Relatives hold a vigil in Seoul on Monday night. (Yonhap)"],
     "Relatives hold a vigil in Seoul on Monday night. (Yonhap)"),
])
def test_repeated_caption_in_body_is_one_caption(lines: list[str], caption: str) -> None:
    got = run("\n".join([P1, *lines, P2]))
    assert list(got.captions) == [caption]
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
    "The photo was taken in 2015, he said.",
    "Reuters reported that the talks had stalled after the second day of meetings in Geneva.",
    "Photos of the meeting were later published by state media, which called it a success.",
    "Getty Images, the agency, said it had withdrawn the picture after questions were raised.",
    "He showed reporters a photo: the boat, he said, had been towed back to Nampo overnight.",
    "the ministry said",
])
def test_not_captions(line: str) -> None:
    got = run(f"{P1}\n\n{line}\n\n{P2}")
    assert line not in got.captions
    assert line in " ".join(b.text for b in got.body)


@pytest.mark.parametrize("written, read", [
    ("Beyonc&#233; sings", "Beyoncé sings"),   # decimal
    ("a &#x2013; b", "a – b"),                 # hexadecimal
    ("&#60;b&#62; and &#x26;", "<b> and &"),   # the characters; every output escapes them again
    ("AT&T and R&D", "AT&T and R&D"),          # not references
    ("Q&amp;A, &lt;b&gt; and &#233", "Q&amp;A, &lt;b&gt; and &#233"),  # named ones stay as typed; no ";"
    ("a&#x1;b and &#9999999;", "ab and \ufffd"),  # a control character goes; no such character: the mark for one
])
def test_character_references_left_in_the_text_are_read_as_their_characters(written, read):
    extraction = run(f"Sales rose to &#163;5m at {written}\n\n{P1} It came from {written}.\n\n{P2}\n\n{P3}\n")
    assert extraction.title == f"Sales rose to £5m at {read}"
    assert paragraphs_of(extraction)[0].endswith(f"It came from {read}.")


def paragraphs_of(extraction: Extraction) -> list[str]:
    return [b.text for b in extraction.body if b.type == "paragraph"]
