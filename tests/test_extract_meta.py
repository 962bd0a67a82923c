"""Table tests: title, summary, dateline and agency, author, publisher, date."""
from __future__ import annotations

from pathlib import Path

import pytest

from builder.extract import extract, load_rules
from builder.models import Extraction, PartialDate

RULES = load_rules(Path(__file__).resolve().parent.parent / "site_config")
P1 = "Officials said on Tuesday that the talks would resume next month, according to a statement released after the meeting."
P2 = "The two sides have met four times since the spring, and each round has ended without an agreement on the main issues."
H = "Seoul Urges Beijing to Halt Forced Returns of Defectors"
S = "Activists say hundreds face torture if they are sent home."
LONG_LEAD = ("The foreign ministry in Seoul on Thursday summoned a senior Chinese diplomat to protest against what it "
             "called the forced return of hundreds of North Korean escapees, the first such protest in more than a decade.")


def run(*lines: str) -> Extraction:
    return extract("\n\n".join(lines), RULES)


@pytest.mark.parametrize("lines, title", [
    ([H, P1, P2], H),
    (["Recommended", H, P1], H),
    (["Most Popular", H, P1], H),
    (["World", H, P1], H),
    (["North Korea", H, P1], H),
    (["Skip to main content", "Menu", "Search", H, P1], H),
    ([H, H, P1], H),
    (["(LEAD) " + H, P1], H),
    (["(2nd LD) " + H, P1], H),
    (["(URGENT) " + H, P1], H),
    (["UPDATE 2-" + H, P1], H),
    (["EXCLUSIVE-" + H, P1], H),
    (["BREAKING: " + H, P1], H),
    (["Photo: AP", H, P1], H),
    (["The Korea Herald", H, P1], H),
    ([H, "By Kim Min-ji", "Published: Sept. 22, 2023", P1], H),
    (["Will China Keep Sending Defectors Back?", P1], "Will China Keep Sending Defectors Back?"),
    (["U.N. experts alarmed by returns to N.K.", P1], "U.N. experts alarmed by returns to N.K."),
    (["Home > News > World", H, P1], H),
    (["Share this article", H, P1, P2], H),
    ([P1, P2], "Officials said on Tuesday that the talks would resume next month"),
    (["(Photo: Jane Doe/AFP) Rescue workers search the rubble in Hamhung.", P1], "Officials said on Tuesday that the talks would resume next month"),
    (["A boat is seen in this photo taken near Sokcho.", P1], "Officials said on Tuesday that the talks would resume next month"),
    (["Rights groups rally in Seoul.", P1], "Rights groups rally in Seoul"),
    (["SEOUL, Oct. 4 (Yonhap) -- " + P1], "Officials said on Tuesday that the talks would resume next month"),
    (["Fewer defectors reach South Korea as border controls tighten on both sides of the Tumen",
      "By Lee Ji-won", P1], "Fewer defectors reach South Korea as border controls tighten on both sides of the Tumen"),
])
def test_title(lines: list[str], title: str) -> None:
    assert run(*lines).title == title


@pytest.mark.parametrize("lead, title", [
    ("A short lead sentence that fits easily under the limit for titles.",
     "A short lead sentence that fits easily under the limit for titles"),
    ("The possible return of hundreds of refugees, who activists say face prison, prompted a protest on Friday.",
     "The possible return of hundreds of refugees"),
    ("Thousands of protesters marched through the centre of the city on Sunday demanding the release of detained activists.",
     "Thousands of protesters marched through the centre of the city on Sunday demanding"),
])
def test_title_from_lead(lead: str, title: str) -> None:
    got = run(lead, P2)
    assert got.title == title and got.origins["title"] == "lead"
    assert len(got.title) <= 90


@pytest.mark.parametrize("lines, summary, origin", [
    ([H, "Activists say hundreds face torture if they are sent home.", "By Kim Min-ji", P1, P2],
     "Activists say hundreds face torture if they are sent home.", "standfirst"),
    ([H, "The ministry calls the returns a breach of international law", P1, P2],
     "The ministry calls the returns a breach of international law", "standfirst"),
    ([H, "A new report counts 600 forced returns this year.", "Published: Oct. 13, 2023", P1, P2],
     "A new report counts 600 forced returns this year.", "standfirst"),
    ([H, "Lawmakers want answers from Beijing.", "Photo: AP", P1, P2], "Lawmakers want answers from Beijing.", "standfirst"),
    ([H, P1, P2], P1, "lead"),
    ([P1, P2], P1, "lead"),
    ([H, "SEOUL, Oct. 4 (Yonhap) -- " + P1, P2], P1, "lead"),
    ([H, "Photo: AP", P1, P2], P1, "lead"),
    ([H, "By Kim Min-ji", P1, P2], P1, "lead"),
    ([H, P1 + " " + P2], P1, "lead"),
    # a one-sentence standfirst set apart by a dateline lead, a byline or a date line
    ([H, S, "SEOUL (Reuters) - " + P1, P2], S, "standfirst"),
    ([H, S, "By Kim Min-ji", "SEOUL, Oct. 4 (Yonhap) -- " + P1, P2], S, "standfirst"),
    ([H, S, "By Lee Ji-won", "October 13, 2023", "HONG KONG (AFP) – " + P1, P2], S, "standfirst"),
    ([H, S.rstrip("."), "By Kim Min-ji", P1, P2], S.rstrip("."), "standfirst"),
    ([H, "“We will never go back,” one escapee told reporters.", "By Kim Min-ji", P1, P2],
     "“We will never go back,” one escapee told reporters.", "standfirst"),
    # outlet shapes: Guardian (dek, "NAME in PLACE", date), Korea Herald, SCMP (bare name), HRW
    (["World news", H, "Families wait for word from relatives held across the border", "Jane Smith in Seoul",
      "Fri 13 Oct 2023 05.00 BST", P1, P2], "Families wait for word from relatives held across the border", "standfirst"),
    (["The Korea Herald", "National", H, "Lawmakers demand answers from Beijing over the returns.", "By Kim Arin",
      "Published : Oct. 13, 2023 - 15:37", P1, P2], "Lawmakers demand answers from Beijing over the returns.", "standfirst"),
    (["South China Morning Post", "China / Diplomacy", H, "Ministry says border crossers are illegal migrants, not refugees",
      "Jane Lee", "Published: 7:15pm, 13 Oct, 2023", P1, P2],
     "Ministry says border crossers are illegal migrants, not refugees", "standfirst"),
    ([H, "Halt Returns; Grant Safe Passage to Refugees", "Human Rights Watch", "October 13, 2023", P1, P2],
     "Halt Returns; Grant Safe Passage to Refugees", "standfirst"),
    # no standfirst: the summary comes from the lead
    (["BBC News", "Asia", H, "By Jean Smith", "BBC News, Seoul", "13 October 2023", P1, P2], P1, "lead"),
    (["BBC News", H, "By Jean Smith", "Seoul correspondent", "13 October 2023", P1, P2], P1, "lead"),
    ([H, "By Josh Smith", "October 13, 2023 3:02 PM GMT+9", "SEOUL, Oct 13 (Reuters) - " + P1, P2], P1, "lead"),
    ([H, LONG_LEAD, P2], LONG_LEAD, "lead"),  # a long second line is the lead, not a standfirst
    ([H, LONG_LEAD + " " + P2, P1], LONG_LEAD, "lead"),
    ([H, "Updated 2 hours ago", P1, P2], P1, "lead"),
    ([H, "Most Popular", P1, P2], P1, "lead"),
    ([H, "Share this article", P1, P2], P1, "lead"),
    ([H, "A boat is seen in this photo taken near Sokcho.", P1, P2], P1, "lead"),  # a caption
    ([H, "October 13, 2023", P1, P2], P1, "lead"),
    (["SEOUL (Yonhap) -- " + P1, P2], P1, "lead"),
])
def test_summary(lines: list[str], summary: str, origin: str) -> None:
    got = run(*lines)
    assert got.summary == summary and got.origins["summary"] == origin
    if origin == "standfirst":
        assert summary not in [b.text for b in got.body]
        assert got.body[0].text == P1


@pytest.mark.parametrize("lead, place, publisher", [
    ("SEOUL, Sept. 22 (Yonhap) -- " + P1, "SEOUL", "Yonhap News Agency"),
    ("SEOUL, Sept. 22 (Yonhap) — " + P1, "SEOUL", "Yonhap News Agency"),
    ("PYONGYANG, Oct. 1 (KCNA) -- " + P1, "PYONGYANG", "Korean Central News Agency"),
    ("SEOUL, South Korea (AP) — " + P1, "SEOUL, South Korea", "Associated Press"),
    ("BEIJING (Reuters) - " + P1, "BEIJING", "Reuters"),
    ("HONG KONG (AFP) – " + P1, "HONG KONG", "Agence France-Presse"),
    ("WASHINGTON, March 3 (UPI) -- " + P1, "WASHINGTON", "United Press International"),
    ("TOKYO, Feb. 9 (Kyodo) -- " + P1, "TOKYO", "Kyodo News"),
    ("BEIJING, Jan. 5 (Xinhua) -- " + P1, "BEIJING", "Xinhua News Agency"),
    ("UNITED NATIONS (AP) — " + P1, "UNITED NATIONS", "Associated Press"),
    ("GENEVA (22 September 2023) – " + P1, "GENEVA", None),
    ("SEOUL — " + P1, "SEOUL", None),
    ("NEW YORK, Sept. 19 -- " + P1, "NEW YORK", None),
    ("SEOUL/WASHINGTON (Reuters) - " + P1, "SEOUL/WASHINGTON", "Reuters"),
    ("INCHEON, May 2 (Yonhap) -- " + P1, "INCHEON", "Yonhap News Agency"),
    ("LONDON (Reuters) — " + P1, "LONDON", "Reuters"),
])
def test_dateline(lead: str, place: str, publisher: str | None) -> None:
    got = run("Ministers Meet in Capital to Discuss Aid Package", lead, P2)
    assert got.dateline == place
    assert got.publisher == publisher
    assert got.body[0].text == P1
    assert got.origins["dateline"] == "dateline"


@pytest.mark.parametrize("lead", [
    P1,
    "Kim Jong Un — the country's leader — visited the factory on Monday, state media said in a report.",
    "In Seoul - a city of ten million - the protests drew several hundred people on Saturday afternoon.",
    "Seoul - The capital saw protests on Saturday, said police, who estimated the crowd at several hundred.",
    "SEOUL (Photo) -- " + P1,
    "U.S.-China talks resumed on Monday in Geneva after months of tension over trade and security issues.",
    "CSW (Christian Solidarity Worldwide) - the group - said on Monday that it had written to the ministry.",
    "Ten North Korean defectors are reportedly facing the threat of being sent back, a human rights group said.",
    "NATO: the alliance said on Monday that it would hold talks with partners in Asia next month.",
])
def test_no_dateline(lead: str) -> None:
    got = run(H, lead, P2)
    assert got.dateline is None
    assert got.body[0].text == lead


@pytest.mark.parametrize("lines, author, origin", [
    ([H, "By Kim Min-ji", P1], "Kim Min-ji", "byline"),
    ([H, "By KIM MIN-JI", P1], "Kim Min-ji", "byline"),
    ([H, "BY LEE SUNG-EUN [lee.sungeun@joongang.co.kr]", P1], "Lee Sung-eun", "byline"),
    ([H, "By Kim Arin (arin@heraldcorp.com)", P1], "Kim Arin", "byline"),
    ([H, "By Jane Smith, BBC News", P1], "Jane Smith", "byline"),
    ([H, "By Jane Smith | Published Oct. 3, 2023", P1], "Jane Smith", "byline"),
    ([H, "By: Park Ji-hoon", P1], "Park Ji-hoon", "byline"),
    ([H, "Written by Tom O'Neill", P1], "Tom O'Neill", "byline"),
    ([H, "Jane Smith, Staff Reporter", P1], "Jane Smith", "byline"),
    ([H, "Samuel Lee, Seoul Correspondent", P1], "Samuel Lee", "byline"),
    ([H, "Choi Hye-jin (hjchoi@koreatimes.co.kr)", P1], "Choi Hye-jin", "byline"),
    ([H, P1, "Reporting by Josh Park; Editing by Ed Green"], "Josh Park", "byline"),
    ([H, P1, "Follow Jane Smith on Twitter: @janesmith"], "Jane Smith", "social"),
    ([H, P1, "Follow Samuel Lee on X"], "Samuel Lee", "social"),
    ([H, "By Human Rights Watch", P1], "Human Rights Watch", "byline"),
    ([H, "By Amnesty International", P1], "Amnesty International", "byline"),
    ([H, "By Daniel Kim", P1, "Follow Jane Smith on Twitter"], "Daniel Kim", "byline"),
    ([H, "Families wait for word from relatives held across the border", "Jane Smith in Seoul", "13 Oct 2023", P1],
     "Jane Smith", "byline"),  # a bare name under the headline
    ([H, "Ministry says border crossers are illegal migrants, not refugees", "Jane Lee", "13 Oct 2023", P1],
     "Jane Lee", "byline"),
])
def test_author(lines: list[str], author: str, origin: str) -> None:
    got = run(*lines)
    assert got.author == author and got.origins["author"] == origin


@pytest.mark.parametrize("lines", [
    [H, P1, "“We will not stop,” said Kim Young-ja, an activist, at the rally on Tuesday afternoon."],
    [H, P1, "Follow The Korea Herald on Twitter"],
    [H, P1, "Follow Business Insider Australia on Facebook, Twitter, LinkedIn, and Instagram."],
    [H, "Photo by Kim Min-jun", P1],
    [H, P1, "By making a recurring donation, you're helping us report."],
    [H, "By the end of the year, officials said, the border would be reopened to trade and travel.", P2],
    [H, P1, "Follow us on Twitter"],
    [H, P1, "He told Reuters that he had been by the border when the convoy passed late on Monday."],
    [H, "North Korea", P1],  # a section name under the headline is not a bare-name byline
    [H, P1, "Jane Smith", P2],  # a bare name in the body is not a byline
])
def test_no_author(lines: list[str]) -> None:
    assert run(*lines).author is None


@pytest.mark.parametrize("lines, publisher, republished_by, origin", [
    ([H, P1, "This post originally appeared at Seoul Monitor."], "Seoul Monitor", None, "attribution"),
    ([H, P1, "This post originally appeared at GlobalPost.", "Follow Business Insider Australia on Facebook, Twitter, LinkedIn, and Instagram."],
     "GlobalPost", "Business Insider Australia", "attribution"),
    ([H, P1, "This article was originally published by Radio Free Asia."], "Radio Free Asia", None, "attribution"),
    ([H, P1, "Republished with permission from NK News."], "NK News", None, "attribution"),
    ([H, P1, "This story first appeared in The Diplomat."], "The Diplomat", None, "attribution"),
    ([H, P1, "Help keep Asia Watch Daily free for everyone."], "Asia Watch Daily", None, "chrome"),
    ([H, P1, "Follow The Korea Herald on Facebook"], "The Korea Herald", None, "chrome"),
    ([H, P1, "© 2023 The Associated Press. All rights reserved."], "Associated Press", None, "chrome"),
    ([H, P1, "Copyright © 2023 Yonhap News Agency"], "Yonhap News Agency", None, "chrome"),
    ([H, P1, "julesyi@yna.co.kr"], "Yonhap News Agency", None, "email-domain"),
    ([H, "By Kim Arin (arin@heraldcorp.com)", P1], "The Korea Herald", None, "email-domain"),
    ([H, P1, "kim@koreatimes.co.kr"], "The Korea Times", None, "email-domain"),
    ([H, P1, "reporter@scmp.com"], "South China Morning Post", None, "email-domain"),
    (["The Korea Times", H, P1], "The Korea Times", None, "masthead"),
    (["South China Morning Post", H, P1], "South China Morning Post", None, "masthead"),
    (["Hong Kong Free Press", H, P1], "Hong Kong Free Press", None, "masthead"),
    ([H, "SEOUL, Sept. 22 (Yonhap) -- " + P1], "Yonhap News Agency", None, "dateline"),
    ([H, "LONDON (Reuters) - " + P1], "Reuters", None, "dateline"),
    (["BBC News", H, "SEOUL (Reuters) - " + P1], "BBC News", None, "masthead"),
])
def test_publisher(lines: list[str], publisher: str, republished_by: str | None, origin: str) -> None:
    got = run(*lines)
    assert (got.publisher, got.republished_by) == (publisher, republished_by)
    assert got.origins["publisher"] == origin


@pytest.mark.parametrize("sentence", [
    "The figures were first reported by the Los Angeles Times on Monday, citing officials.",
    "He told Reuters the convoy crossed the river at night, according to people who saw it.",
    "The ministry confirmed the returns, as reported by NBC News, in a short statement on Friday.",
    "According to the Korea JoongAng Daily, the consulate received a report about the arrests.",
    "The Christian Post recently interviewed a defector who described the journey in detail.",
    "Yonhap said the rally drew about 200 people, many of them defectors and their relatives.",
])
def test_cited_outlet_is_not_publisher(sentence: str) -> None:
    got = run(H, P1, sentence, P2)
    assert got.publisher is None
    assert "no publisher named in the text" in got.notes.values()


@pytest.mark.parametrize("lines, date, origin", [
    ([H, "September 22, 2023", P1], PartialDate(2023, 9, 22), "text"),
    ([H, "Sept. 22, 2023", P1], PartialDate(2023, 9, 22), "text"),
    ([H, "22 September 2023", P1], PartialDate(2023, 9, 22), "text"),
    ([H, "Friday 22 September 2023 10.15 BST", P1], PartialDate(2023, 9, 22), "text"),
    ([H, "Fri, Sep 22, 2023, 10:15 AM", P1], PartialDate(2023, 9, 22), "text"),
    ([H, "2023-09-22", P1], PartialDate(2023, 9, 22), "text"),
    ([H, "Published : 2023-09-22 17:17", "Updated : 2023-09-23 09:02", P1], PartialDate(2023, 9, 22), "text"),
    ([H, "Updated : 2023-09-23 09:02", "Published : 2023-09-22 17:17", P1], PartialDate(2023, 9, 22), "text"),
    ([H, "Posted on 2023.09.22 17:17", P1], PartialDate(2023, 9, 22), "text"),
    ([H, "Published: Sept. 22, 2023 - 15:37", P1], PartialDate(2023, 9, 22), "text"),
    ([H, "Oct 13, 2023, 6:22 AM GMT+9", P1], PartialDate(2023, 10, 13), "text"),
    ([H, "13 Oct 2023", P1], PartialDate(2023, 10, 13), "text"),
    ([H, "October 2023", P1], PartialDate(2023, 10), "text"),
    ([H, "By Jane Smith | Oct. 3, 2023", P1], PartialDate(2023, 10, 3), "text"),
    ([H, "Sunday, 5th of November 2017", P1], PartialDate(2017, 11, 5), "text"),
    ([H, "GENEVA (22 September 2023) – " + P1], PartialDate(2023, 9, 22), "dateline"),
    ([H, "SEOUL, Sept. 22, 2023 (Yonhap) -- " + P1], PartialDate(2023, 9, 22), "dateline"),
    # A weekday in the lead fits one year within the years the text mentions.
    ([H, "SEOUL, Sept. 22 (Yonhap) -- Activists rallied on Friday.", "Rallies were held in 2021 and 2023."],
     PartialDate(2023, 9, 22), "dateline"),
    ([H, "SEOUL, Nov. 4 (Yonhap) -- Police arrested ten people on Saturday.", "The group was founded in 2012 and grew by 2017."],
     PartialDate(2017, 11, 4), "dateline"),
])
def test_date(lines: list[str], date: PartialDate, origin: str) -> None:
    got = run(*lines)
    assert got.date == date and got.origins["date"] == origin


@pytest.mark.parametrize("lines, note", [
    ([H, "SEOUL, Sept. 22 (Yonhap) -- Activists rallied on Friday."], "dateline gives Sept. 22 but no year the text proves"),
    ([H, "SEOUL, Sept. 22 (Yonhap) -- Activists rallied on Friday.", "Rallies were held in 2017 and 2023."],
     "dateline gives Sept. 22 but no year the text proves"),  # Friday in 2017 and 2023
    ([H, "SEOUL, Sept. 22 (Yonhap) -- Activists rallied.", "It was founded in 2023."], "dateline gives Sept. 22 but no year the text proves"),
    ([H, P1, "The protest on Feb. 14, 2012 drew 100 people.", P2], "no publication date near the headline"),
    ([H, P1, "Talks were held on March 3, 2019 and again in 2020."], "no publication date near the headline"),
    ([H, P1], "no publication date near the headline"),
    ([H, "Last updated: 4 March 2012", P1], "only an updated date (Last updated: 4 March 2012) near the headline"),
])
def test_date_unknown(lines: list[str], note: str) -> None:
    got = run(*lines)
    assert got.date is None and note in got.notes.values()
