"""Whole pasted pages (invented, in the shapes real pages have): where the article lies,
its headline, byline, date and publisher, and what is left out."""
from __future__ import annotations

from pathlib import Path

import pytest

from builder.extract import extract, load_rules, reading
from builder.models import Extraction, PartialDate

RULES = load_rules(Path(__file__).resolve().parent.parent / "site_config")

HEAD = "Rivers rise after a week of rain"
P1 = ("The river rose two metres overnight, flooding the lower town and cutting the road to the coast "
      "for most of the day.")
P2 = "Farmers moved their animals to higher ground as the water spread across the fields east of the bridge."
P3 = "The council said pumps would arrive from the capital by Thursday, and schools will stay closed until then."
MENU = ["Home", "News", "Local", "Weather", "Sport", "Business", "Culture", "Opinion", "Sign in", "Subscribe"]
TEASERS = ["Market day returns to the square", "2 hours ago", "Bridge repairs to start in spring", "5 hours ago",
           "Library extends its opening hours", "1 day ago", "Ferry timetable changes for winter", "2 days ago"]


def page(*lines: str) -> str:
    return "\n\n".join(lines) + "\n"


def run(*lines: str) -> Extraction:
    return extract(page(*lines), RULES)


def paragraphs(found: Extraction) -> list[str]:
    return [b.text for b in found.body if b.type == "paragraph"]


# --- where the article lies -----------------------------------------------------------

@pytest.mark.parametrize("lines", [
    [*MENU, HEAD, "By Mara Quill", P1, P2, P3],  # a mega-menu above the headline
    [HEAD, P1, P2, P3, "Most read", *TEASERS],  # a teaser list with time stamps below
    [HEAD, P1, P2, P3, "4 comments", "Tom Reed says:", "This happens every single year and nobody on the "
     "council seems to care about the people who live by the river.", "Reply"],  # a comment thread
    [HEAD, "By Mara Quill", P1, P2, P3, "Market day returns to the square", "By Tom Reed",
     "Stalls selling bread, cheese and spring flowers filled the square again on Saturday after a long winter.",
     "Traders said the first day went better than they had dared to hope, with queues at most stalls."],  # a second post
])
def test_only_the_article_is_kept(lines: list[str]) -> None:
    assert paragraphs(run(*lines)) == [P1, P2, P3]


def test_a_long_comment_thread_does_not_outweigh_the_story() -> None:
    comment = ("I have lived by this river for forty years and I can tell you that the council has known about "
               "the problem with the embankment for at least a decade, and nothing was ever done about it.")
    thread = [line for n in range(8) for line in (f"Reader{n}", "2 days ago at 07:52 am", comment, "Rating: 3 Votes")]
    found = run(*MENU, HEAD, "By Mara Quill", P1, P2, P3, "[ 32 comments ]", "Top rated comments", *thread)
    assert paragraphs(found) == [P1, P2, P3]


def test_a_teaser_list_inside_the_story_is_left_out_and_the_story_goes_on() -> None:
    """A gap is bridged when the text on both sides of it outweighs its cost."""
    p4 = ("Volunteers filled sandbags at the old fire station until late in the evening, and the organisers said "
          "that more helpers are expected to arrive from the neighbouring villages tomorrow morning.")
    found = run(*MENU, HEAD, "By Mara Quill", P1, P2, "Trending", "Market day returns to the square",
                "Bridge repairs to start in spring", "Library extends its opening hours", P3, p4)
    assert paragraphs(found) == [P1, P2, P3, p4]
    assert ("Bridge repairs to start in spring", "inline-list") in [(r.text, r.reason) for r in found.removed]


QUOTES = ["“The water came up so fast that we only had time to grab the dog and the photo albums.”", "– Ann P.",
          "“Nobody warned us. The sirens stayed silent until the street was already a river.”", "– Joe K.",
          "“We have lived here thirty years and never seen anything like it, not even in the great flood.”",
          "– Lin***"]
EMBED = ["Council statement:", "Pumps are on their way from the capital and will be running by Thursday morning.",
         "— Valley Council (@valleycouncil) May 4, 2020"]


@pytest.mark.parametrize("lines", [
    [*MENU, HEAD, "By Mara Quill", P1, "Residents told us:", *QUOTES, P2, "Most read", *TEASERS],
    [*MENU, HEAD, "By Mara Quill", P1, P2, *EMBED, "Share this:", "Facebook", "Twitter", "Email", "Most read",
     *TEASERS],
])
def test_quotes_and_embedded_posts_with_their_credits_stay_in_the_story(lines: list[str]) -> None:
    kept = paragraphs(run(*lines))
    credited = QUOTES if "– Ann P." in lines else EMBED[1:]
    assert kept[0] == P1 and all(line in kept for line in credited)


STANDINGS = ["Pos.\tTeam\tPlayed\tPoints", "1\tRiverside\t12\t30", "2\tHill Town\t12\t26", "3\tLower Ford\t12\t19",
             "4\tEast Bridge\t12\t11"]


def test_a_table_inside_the_story_stays_with_its_rows_as_paragraphs() -> None:
    found = run(*MENU, HEAD, "By Mara Quill", P1, "The table after the twelfth round:", *STANDINGS, P2, P3,
                "Most read", *TEASERS)
    kept = paragraphs(found)
    assert kept[0] == P1 and kept[-2:] == [P2, P3] and all(row in kept for row in STANDINGS)
    assert not any(b.type == "heading" for b in found.body)


DEALS = ["1) Folding kayak with paddle", "https://example.org/a1", "2) Waterproof map case", "https://example.org/a2",
         "3) Pocket weather radio", "https://example.org/a3", "4) Thermal flask, one litre", "https://example.org/a4"]


def test_a_numbered_list_the_story_introduces_stays() -> None:
    kept = paragraphs(run(*MENU, HEAD, "By Mara Quill", P1, P2, "Here is what we packed for the trip:", *DEALS,
                          "Tags: rain, rivers", "Most read", *TEASERS))
    assert kept[:2] == [P1, P2] and all(item in " ".join(kept) for item in DEALS[::2])


def test_a_numbered_list_of_other_stories_is_left_out() -> None:
    most_read = ["1. Market day returns to the square", "2. Bridge repairs to start in spring",
                 "3. Library extends its opening hours", "4. Ferry timetable changes for winter"]
    kept = paragraphs(run(*MENU, HEAD, "By Mara Quill", P1, P2, P3, "Most read:", *most_read))
    assert kept == [P1, P2, P3]


def test_explain_gives_the_extent_and_its_reasons() -> None:
    found = reading(page(*MENU, HEAD, P1, P2, P3, "4 comments", "Tom Reed says:"), RULES)
    extent = found["extent"]
    assert extent["first"] == P1 and extent["last"] == P3
    assert "comment thread" in extent["why_last"]
    assert found["title_candidates"][0]["text"] == HEAD


# --- headline ------------------------------------------------------------------------------

@pytest.mark.parametrize("lines, title", [
    ([*MENU, HEAD, "By Mara Quill", P1, P2], HEAD),
    (["Share all sharing options", HEAD, "May 4, 2020", P1, P2], HEAD),
    (["Bridge repairs to start in spring", HEAD, "By Mara Quill", "May 4, 2020", P1, P2], HEAD),
    ([HEAD, "Families count the cost as the water spreads across the valley", "By Mara Quill", P1, P2], HEAD),
    # a wire credit under the headline is neither a headline nor an author
    ([*MENU, HEAD, "Mara Quill Associated Press", "Published 9:14 AM EST May 4, 2020", P1, P2], HEAD),
    ([*MENU, HEAD, "Valley Post wire services", "Published 9:14 AM EST May 4, 2020", P1, P2], HEAD),
    # a section name first on the page with the headline under it, not a headline with its deck
    (["Local news", HEAD, "Published May 4, 2020", P1, P2], HEAD),
    # a "Posted ... by" line in a language whose month names the rules do not know
    ([*MENU, HEAD, "Posted on Marzo 3, 2015 by admin", P1, P2], HEAD),
    # a byline, its label and a photo credit between the headline and the article
    ([*MENU, HEAD, "By Mara Quill", "Valley correspondent", "Credit...",
      "(Tom Reed / Associated Press)", "Photo: Tom Reed", P1, P2], HEAD),
    # a headline with its deck (a much shorter one too), and the byline under the deck
    (["Visit our partner site", HEAD, "Families count the cost as the water spreads across the valley", "By Mara Quill",
      "May 4, 2020", P1, P2], HEAD),
    ([*MENU, HEAD + ", and the valley counts the cost of a wet spring", "Repairs start on Monday", "By Mara Quill",
      "May 4, 2020", P1, P2], HEAD + ", and the valley counts the cost of a wet spring"),
    # a share prompt with a byline under it
    ([HEAD, "By Mara Quill", "Share it with friends", "May 4, 2020", P1, P2], HEAD),
    # a photo caption with its credit glued to its last sentence
    ([HEAD, "The old bridge under water near the mill.Mara Quill / Reuters file", P1, P2], HEAD),
    # a bare name and a weekday with a time under the headline, under teasers of the same section
    ([*MENU, "Market day returns to the square", "Mara QuillFriday 5:11PM", "Local", HEAD, "Mara Quill",
      "Monday 6:30PM", P1, P2], HEAD),
    # the name printed twice under the headline, the date above it
    ([*MENU, "Valley Talk", "Market day returns to the square", "Monday 4 May 2020 9:22 am", HEAD, "Mara Quill",
      "Mara Quill", "Share", P1, P2], HEAD),
    # share counts and a comment count between the headline, its deck and the byline
    ([*MENU, "Local", HEAD, "New, 15 comments", "The valley counts the cost of a wet spring", "By Mara Quill",
      "858", "Shares", P1, P2], HEAD),
    # share buttons between the headline's standfirst and the byline
    ([*MENU, "Published 1 day ago", HEAD, "The valley counts the cost of a wet spring.", "Facebook", "Twitter",
      "Print", "Email", "By Mara Quill", P1, P2], HEAD),
    # a byline of two names and the outlet, without "By", under the headline
    ([*MENU, HEAD, "Mara Quill and Tom Reed Valley Post", "Published 9:14 AM EST May 4, 2020", P1, P2], HEAD),
    # a headline of several short sentences, with its date right under it
    (["Sign in", "Weather", "Rain again. And again. The valley is tired of it.", "Updated May 4, 9:41 AM", P1, P2],
     "Rain again. And again. The valley is tired of it."),
    # ... under a banner with its button, and with a byline of two names between it and its date
    (["Welcome to the Valley Post reader experience", "Learn More", "Rain again. And again. The valley is tired of it.",
      "Mara Quill and Tom Reed Valley Post", "Published 9:14 AM EST May 4, 2020", P1, P2],
     "Rain again. And again. The valley is tired of it."),
    # a short headline first in a clean text (not a sentence for being short)
    (["Rivers rise again", P1, P2, P3], "Rivers rise again"),
    # a headline in capitals over "written by"
    ([*MENU, "Local", "RIVERS RISE AFTER A WEEK OF RAIN", "written by Mara", "Sharing is caring!", P1, P2],
     "RIVERS RISE AFTER A WEEK OF RAIN"),
    # a standfirst of two sentences under a label, with the date under it: the line above is the headline
    (["Opinion", HEAD, "Editorial", "The council waited too long. It must act before the next storm.",
      "Mon 4 May 2020 18.54 BST", P1, P2], HEAD),
])
def test_headline_among_candidates(lines: list[str], title: str) -> None:
    found = run(*lines)
    assert found.title == title and found.origins["title"] == "headline"


def test_one_item_of_a_teaser_list_is_no_headline() -> None:
    """Headline-shaped lines above and below the candidate: a list of other stories."""
    found = run(*MENU, "Most popular", "Market day returns to the square with new stalls",
                "Bridge repairs to start in spring after a long delay", "Library extends its opening hours for exams",
                "Ferry timetable changes for the winter months", P1, P2)
    assert found.origins["title"] == "lead"


@pytest.mark.parametrize("lines", [
    # dated teasers of one shape (section, headline, date) right above the article
    [*MENU, "Local", "Market day returns to the square", "May 2, 2020", "Local", "Bridge repairs to start in spring",
     "May 3, 2020", "Local", "Library extends its opening hours", "May 4, 2020", P1, P2],
    # a label printed before each block of a list, the last block's right above the article
    [*MENU, *[line for _ in range(3) for line in ("Before your morning run", "Two slices of toast with honey",
                                                  "Drink a glass of water")], P1, P2],
])
def test_a_repeated_shape_or_label_is_no_headline(lines: list[str]) -> None:
    assert run(*lines).origins["title"] == "lead"


LAMPS = [line for n in range(6) for line in (f"Lamp {n}", f"Reading lamp number {n} for ${20 + n}", "See it now: Shop",
                                              "A small lamp with a warm light and a long cable, good on a desk.")]


def test_the_one_dated_headline_above_a_long_list_heads_the_article() -> None:
    """A shopping list between the head and the story's running text: the window above the
    article holds only list items, and one headline with its byline stands above them."""
    found = run(*MENU, HEAD, "Our pick of the year in lamps, kettles and radios.", "By Mara Quill | May 4, 2020",
                *LAMPS, P1, P2)
    assert (found.title, found.origins["title"], found.author) == (HEAD, "headline", "Mara Quill")


def test_two_dated_headlines_above_a_long_list_give_no_headline() -> None:
    found = run(*MENU, "Market day returns to the square", "By Tom Reed | May 3, 2020", "Sport", HEAD,
                "By Mara Quill | May 4, 2020", *LAMPS, P1, P2)
    assert found.origins["title"] == "lead"


def test_a_link_under_see_also_is_no_headline() -> None:
    found = run(*MENU, HEAD, "By Mara Quill", "May 4, 2020", "See also", "Bridge repairs to start in spring after a long delay",
                P1, P2)
    assert found.title == HEAD


@pytest.mark.parametrize("lines", [
    [*MENU, "May 4, 2020 / 10:07 AM / Updated an hour ago", P1, P2],  # only chrome and a date line above
    [*MENU, "Show more sharing options", P1, P2],
])
def test_no_convincing_headline_gives_a_lead_title_and_a_note(lines: list[str]) -> None:
    found = run(*lines)
    assert found.origins["title"] == "lead" and "title" in found.notes
    assert found.title and P1.startswith(found.title)


# --- byline ---------------------------------------------------------------------------------

@pytest.mark.parametrize("byline, author", [
    ("Monday May 4, 2020 7:45 am PST by Mara Quill", "Mara Quill"),
    ("Posted on May 4, 2020 by Mara Quill", "Mara Quill"),
    ("Mara Quill | May 4, 2020", "Mara Quill"),
    ("Mara Quill - May 4, 2020, 10:31 pm CST", "Mara Quill"),
    ("By Mara Quill and Tom Reed", "Mara Quill"),
    ("By Mara QuillVALLEYPost", "Mara Quill"),  # the outlet's label glued to the name
])
def test_byline_forms(byline: str, author: str) -> None:
    assert run(HEAD, byline, P1, P2).author == author


@pytest.mark.parametrize("lines", [
    [*MENU, "Customer Service", HEAD, P1, P2],  # a capitalised menu line
    [HEAD, "Learn More", P1, P2],  # a button under the headline is no bare-name byline
    [HEAD, P1, P2, P3, "Most read", "Bridge repairs to start", "By Tom Reed", *TEASERS],  # a teaser's byline
    [HEAD, "Side Dish", P1, "Side Dish", P2, "Side Dish", P3, "Side Dish", "Side Dish"],  # a label printed again and again
    [HEAD, "by Valley Post Weekly", P1, P2],  # an outlet signs the story: no person
])
def test_no_author_without_byline_evidence(lines: list[str]) -> None:
    assert run(*lines).author is None


# --- date -------------------------------------------------------------------------------------

@pytest.mark.parametrize("line, date", [
    ("27/09/2018", PartialDate(2018, 9, 27)),
    ("13.11.2019, 23:06", PartialDate(2019, 11, 13)),
    ("2019-11-19T12:48:14Z", PartialDate(2019, 11, 19)),
    ("PUBLISHED WED, NOV 20 20194:29 AM EST", PartialDate(2019, 11, 20)),
    ("Published 11:11 PM EST Nov 19, 2019", PartialDate(2019, 11, 19)),
    ("11.14.2019 09:00 AM", PartialDate(2019, 11, 14)),
    ("By Mara Quill - 11/19/19 06:56 AM EST", PartialDate(2019, 11, 19)),
    ("Mara Quill 21/06/2014 Reviews, News", PartialDate(2014, 6, 21)),
    ("2019년 11월 19일", PartialDate(2019, 11, 19)),
    ("Nov 18, 2019 · Updated: Nov 19, 2019", PartialDate(2019, 11, 18)),
    # month names in other languages
    ("Posted on Maret 3, 2015 by admin", PartialDate(2015, 3, 3)),
    ("24 сентября 2018", PartialDate(2018, 9, 24)),
    ("12. Oktober 2019", PartialDate(2019, 10, 12)),
    ("3 de marzo de 2019", PartialDate(2019, 3, 3)),
    ("Publié le 5 juillet 2019", PartialDate(2019, 7, 5)),
])
def test_date_forms_under_the_headline(line: str, date: PartialDate) -> None:
    found = run(HEAD, line, P1, P2)
    assert found.date == date and found.origins["date"] == "text"


@pytest.mark.parametrize("lines", [
    [HEAD, "Updated May 5, 2020, 9:14 AM", P1, P2],  # an update is not the publication
    [HEAD, "05/06/2020", P1, P2],  # day and month cannot be told apart
    ["Tuesday, May 12, 2020", *MENU, HEAD, P1, P2],  # the masthead's "today", far above the headline
    [HEAD, P1, P2, P3, "Most read", "Bridge repairs to start", "May 3, 2020", *TEASERS],  # a teaser's date
    [HEAD, "By Mara Quill Updated May 5, 2020, 9:14 AM", P1, P2],  # a byline with only its update
    [HEAD, "By Mara Quill Updated May 5, 2020", P1, "— Tom Reed (@tomreed) May 3, 2020", P2],  # an embedded post
])
def test_no_date_without_publication_evidence(lines: list[str]) -> None:
    assert run(*lines).date is None


RECENT = ["Recent from Mara Quill", "Bridge repairs to start in spring", "Mara Quill11/13/19 11:00AM",
          "Library extends its opening hours", "Mara Quill11/13/19 9:00AM", "Ferry timetable changes for winter",
          "Mara Quill11/12/19 4:40PM"]


@pytest.mark.parametrize("lines", [
    [*RECENT, HEAD, "Mara Quill", "Monday 5:30PM", P1, P2],  # the author's other stories, each with its date
    ["Bridge repairs to start in spring", "May 2, 2020", "Library extends its opening hours", "April 28, 2020",
     "Ferry timetable changes for winter", "April 20, 2020", HEAD, "April 11, 2020", P1, P2],  # a dated teaser run
])
def test_a_teaser_lists_date_is_not_the_articles(lines: list[str]) -> None:
    assert run(*lines).date is None


def test_a_date_printed_again_and_again_is_no_teaser_run() -> None:
    found = run(HEAD, "May 4, 2020", "By Mara Quill", "May 4, 2020 09:12", "Share", "4 May 2020", P1, P2)
    assert found.date == PartialDate(2020, 5, 4)


def test_a_date_above_an_undated_teaser_list_stays() -> None:
    assert run(*MENU, HEAD, "May 4, 2020", P1, P2, P3, "Most read", *TEASERS).date == PartialDate(2020, 5, 4)


@pytest.mark.parametrize("line, date", [
    ("Updated Nov 19, 9:41 AM;Posted Nov 18, 8:19 PM", PartialDate(2019, 11, 18)),
    ("Posted Nov 18, 2019 | Updated Nov 19, 2019", PartialDate(2019, 11, 18)),
    ("Published Tuesday, Nov 18 · 8:19 PM EST", PartialDate(2019, 11, 18)),
])
def test_a_posted_day_without_year_takes_the_copyright_year(line: str, date: PartialDate) -> None:
    found = run(HEAD, line, P1, P2, P3, "© 2019 Valley Post. All rights reserved.")
    assert found.date == date


@pytest.mark.parametrize("lines", [
    [HEAD, "Posted Nov 18, 8:19 PM", P1, P2, P3],  # no copyright year on the page
    [HEAD, "Updated Nov 19, 9:41 AM", P1, P2, P3, "© 2019 Valley Post"],  # only an update
    [HEAD, "Posted Nov 18, 8:19 PM", P1, P2, "The hearing is set for March 3, 2021.", P3, "© 2019 Valley Post"],
    [HEAD, "Nov 18", P1, P2, P3, "© 2019 Valley Post"],  # no label says it is the publication
])
def test_a_posted_day_without_proof_of_its_year_stays_empty(lines: list[str]) -> None:
    assert run(*lines).date is None


def test_numeric_order_from_the_page_itself() -> None:
    assert run(HEAD, "05/06/2020", P1, P2, P3, "Comments closed 25/06/2020").date == PartialDate(2020, 6, 5)


def test_first_published_at_the_foot() -> None:
    assert run(HEAD, P1, P2, P3, "First published on May 4, 2020 / 8:16 AM").date == PartialDate(2020, 5, 4)


# --- publisher ----------------------------------------------------------------------------------

@pytest.mark.parametrize("lines, publisher", [
    ([HEAD, P1, P2, "More from Valley Post", "© 2020 Valley Post"], "Valley Post"),
    ([HEAD, P1, P2, "Sign up for Valley Post's daily newsletter", "© 2020 Hillside Communications Inc."],
     "Valley Post"),
    ([HEAD, P1, P2, "© 2020 Valley Post. All rights reserved."], "Valley Post"),
    ([HEAD, P1, P2, "© Valley Post, a Hillside newspaper"], "Valley Post"),
    ([HEAD, P1, P2, "Search the Valley PostSearch the Valley Post"], "Valley Post"),  # a label pasted twice
    ([HEAD, P1, P2, "Advertise with Valley Post", "© 2020 Hillside Media, LLC. All rights reserved."], "Valley Post"),
    ([HEAD, P1, P2, "© 2020 Valleypost Pty Ltd. All rights reserved."], "Valleypost"),  # a company named after it
    # the masthead over a product the page sells more often ("Subscribe to X")
    (["Valley Post", *MENU, HEAD, P1, P2, "Subscribe to VP Plus", "VP Plus", "VP Plus", "More from Valley Post"],
     "Valley Post"),
    # a known outlet's name as a line of its own, in the footer
    ([HEAD, P1, P2, "About us", "Contact", "The Korea Herald", "Terms of use"], "The Korea Herald"),
    # a blog that signs its posts with its own name, with a dated notice
    ([HEAD, "May 4, 2020 | BY: Valleypost", P1, P2, "© 2020 Valleypost, LLC. All rights reserved."], "Valleypost"),
])
def test_publisher_names_itself(lines: list[str], publisher: str) -> None:
    assert run(*lines).publisher == publisher


@pytest.mark.parametrize("lines", [
    [HEAD, P1, P2, "© 2020 Hillside Communications Inc. All rights reserved."],  # the owner only
    [HEAD, P1, P2, "First published on November 19, 2020"],  # a month is no outlet
    [HEAD, P1, P2, "Copyright Policy"],
    [HEAD, P1, P2, "About the Newsroom"],  # a link, not the publication naming itself
    [HEAD, P1, P2, "© Mara Quill"],  # a photographer's credit
    [HEAD, P1, P2, "© REUTERS / POOL"],  # an agency's photo credit
    [HEAD, P1, P2, "More from the Web"],
    [HEAD, "By Mara Quill", P1, P2, "More from Mara Quill"],  # the author's page, not the publication
    [HEAD, P1, P2, "© 2020 Hillside Media, LLC. All rights reserved."],  # the owner, with its company word after a comma
    [HEAD, P1, P2, "About us", "Associated Press", "Terms of use"],  # an agency's name alone is a credit
    [HEAD, "written by Mara", P1, P2, "© Mara"],  # the author's own notice, no year: a person, not the publication
])
def test_no_publisher_from_an_owner_a_month_or_a_link(lines: list[str]) -> None:
    found = run(*lines)
    assert found.publisher is None and "publisher" in found.notes


def test_owner_is_named_in_the_note() -> None:
    found = run(HEAD, P1, P2, "© 2020 Hillside Communications Inc. All rights reserved.")
    assert "Hillside Communications" in found.notes["publisher"]


# --- languages -------------------------------------------------------------------------------------

JAPANESE = [
    "ホーム", "ニュース", "経済", "東京湾の新しい橋が開通、渋滞の緩和に期待", "2019年11月19日",
    "東京湾を横断する新しい橋が十九日に開通し、朝から多くの車が行き交った。地元の住民からは通勤時間が短くなるとの声が上がっている。",
    "市は今後五年間で周辺の道路も整備する計画で、渋滞の緩和に大きな期待が寄せられている。",
    "担当者は「安全な運転を心がけてほしい」と話した。",
]
KOREAN = [
    "전체메뉴", "정치", "북한", "탈북민 강제북송 중단 촉구 집회 열려", "입력 2023.10.12 14:30",
    "인권 단체들은 12일 서울 중국 대사관 앞에서 탈북민 강제 북송을 중단하라고 촉구하는 집회를 열었다.",
    "참가자들은 중국 정부가 국제 난민 협약을 지켜야 한다고 목소리를 높였다.",
    "많이 본 뉴스",
]


@pytest.mark.parametrize("lines, title, date, kept", [
    (JAPANESE, JAPANESE[3], PartialDate(2019, 11, 19), 3),
    (KOREAN, KOREAN[3], PartialDate(2023, 10, 12), 2),
])
def test_cjk_and_korean_pages(lines: list[str], title: str, date: PartialDate, kept: int) -> None:
    found = run(*lines)
    assert (found.title, found.date, len(paragraphs(found))) == (title, date, kept)


def test_table_rows_are_found_to_the_page_end() -> None:
    from builder.extract.lines import classify
    from builder.extract.shapes import table_rows
    sheet = classify(page(HEAD, P1, "Menu\tHome\tNews", *STANDINGS), RULES)
    assert {sheet.lines[i] for i in table_rows(sheet)} == set(STANDINGS)


REVIEW = ("This one surprised everybody on the team. It folds down to the size of a paperback, survives a fall "
          "onto stone steps, and the battery lasted a full week of daily use in the field. The only complaint "
          "we had is the stiff hinge, which loosens after a few days. For the price it is hard to beat, and it "
          "comes with a two-year warranty and a soft case.")


def test_a_review_lists_long_items_stay_with_the_story() -> None:
    items = [line for n in range(1, 6) for line in (f"Brand{n}", f"Gadget number {n} for ${n}0", "See it now: Shop",
                                                   REVIEW.replace("This one", f"Gadget {n}"))]
    kept = paragraphs(run(*MENU, HEAD, "By Mara Quill", P1, P2, P3, *items, "Most read", *TEASERS))
    assert kept[:3] == [P1, P2, P3] and sum(1 for p in kept if p.startswith("Gadget ")) == 5


def test_a_dialog_below_the_copyright_notice_is_not_the_article() -> None:
    policy = ("This website uses cookies to improve your experience while you navigate through the website. "
              "Out of these, the cookies that are categorised as necessary are stored on your browser as they "
              "are essential for the working of basic functionalities of the website, and we also use third-party "
              "cookies that help us analyse and understand how you use this website and what you click on.")
    kept = paragraphs(run(*MENU, HEAD, "By Mara Quill", P1, P2, "© 2020 Valley Post. All rights reserved.",
                          "Privacy Overview", policy, "Privacy Overview", policy.replace("This", "The"), "Necessary",
                          policy.replace("website", "site")))
    assert kept == [P1, P2]


def test_a_long_row_of_links_is_not_running_text() -> None:
    links = " | ".join(f"Valley Post {part} Services and Solutions" for part in ("Home", "Care", "Travel", "Jobs", "Shop"))
    kept = paragraphs(run(*MENU, HEAD, "By Mara Quill", P1, P2, P3, "Quick links", "Our services", links))
    assert kept == [P1, P2, P3]


def test_a_standfirst_above_the_byline_is_the_summary_not_the_body() -> None:
    standfirst = "There are more rivers and roads to watch than ever before. Here is how to keep up with all of them"
    found = run(*MENU, HEAD, standfirst, "By Mara Quill", "May 4, 2020", P1, P2, P3)
    assert paragraphs(found) == [P1, P2, P3] and found.summary == standfirst
    assert found.title == HEAD and found.date == PartialDate(2020, 5, 4)
