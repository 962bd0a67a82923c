"""Every pattern in extraction.yml (the builder's default rules), exercised by a table: (line, what it becomes).

Two checks: each table line ends where its group sends it (the builder's own reading), and
each pattern of the settings file matches at least one table line of its group, so a pattern
no line of any shape needs is found (and removed) instead of silently kept. All lines are
invented, in the shapes real pages print.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from builder.extract import extract, load_rules
from builder.extract.head import clean_title
from builder.extract.lines import classify
from builder.extract.rules import RULES_FILE, _PLACEHOLDERS
from builder.settings import config_file

SETTINGS = Path(__file__).resolve().parent.parent / "site_config"
RULES = load_rules(SETTINGS)
RAW = yaml.safe_load(config_file(SETTINGS, RULES_FILE).read_text(encoding="utf-8"))
H = "Rivers rise after a week of rain across the valley"
P1 = ("The river rose two metres overnight, flooding the lower town and cutting the road to the coast "
      "for most of the day.")
P2 = "Farmers moved their animals to higher ground as the water spread across the fields east of the bridge."

# Boilerplate: group -> lines a pattern of the group removes on their own.
BOILERPLATE = {
    "site-chrome": [
        "Skip to main content", "Skip to navigation", "SKIP TO SITE INDEX", "Skip to Article", "Jump to search",
        "Go to Contents Go to Navigation", "Main menu", "Sign in", "Log in", "Share", "Print",
        "E-mail", "Back to top", "Back to top ↑", "Share this article", "Share on Facebook", "Facebook",
        "Twitter, WhatsApp, Email", "Search the site", "Search for articles", "A A", "A+ A-", "4 min read",
        "Listen to this article", "Accept all cookies", "We use cookies to improve your experience",
        "This website uses cookies", "Home > News > Regions", "News | Local", "ADVERTISEMENT",
        "Content continues below", "Story continues below advertisement", "Article continues after this advertisement",
        "Explore more on these topics", "Reuse this content", "Topics:", "Filed under:", "Tags",
        "Show more sharing options", "See all sharing options", "Share all sharing options for: Rivers rise",
        "Sharing is caring", "Share it with friends", "Share this story with your friends",
        "Continue reading the main story", "Click here for full coverage", "Click to read more", "Get short URL",
        "Link copied", "Twitter Facebook LinkedIn Email", "Pocket Flipboard",
    ],
    "section-name": ["World", "North Korea", "Asia-Pacific", "Features", "Press releases", "Local news", "N. Korea"],
    "comment-thread": [
        "12 comments", "3 replies", "[ 12 comments ]", "Comments (4)", "Top rated comments", "Reader comments", "Join the discussion", "Discussion:", "Leave a comment",
        "Post a reply", "View all 12 comments", "Load comments", "Tom Reed says:", "Mara Quill wrote:",
    ],
    "kicker": ["Most popular", "Trending now", "Related stories", "You may also like", "Editor's picks", "Don’t miss",
               "More from our partners", "Sponsored content", "Headlines"],
    "newsletter-appeal": [
        "Get our morning news in your inbox", "Sign up for alerts", "Subscribe to our updates", "Subscribe",
        "Breaking news e-mails & alerts", "Breaking News Emails", "Local news alerts", "The Valley Post newsletter",
        "Enter your email", "Your e-mail address", "Thanks for signing up!", "By signing up you agree to our terms",
        "Get the top stories delivered to your inbox", "Receive our daily digest", "Stay up to date",
        "Never miss a story",
    ],
    "donation-appeal": [
        "Help keep Valley Post free for everyone", "Support independent journalism",
        "Please consider making a donation", "By making a monthly gift you keep us going", "Become a member",
        "Donate now", "Give monthly", "If you value our reporting, please help", "We rely on readers’ support",
        "Your support helps us report", "Chip in today", "Support Valley Post", "Every dollar helps",
    ],
    "paywall-appeal": [
        "This article is for subscribers only", "You’ve reached your limit",
        "You have read 3 free articles", "Already a subscriber?", "Log in to continue", "Unlock this story",
        "Start your free trial", "Continue reading with a subscription", "Register now to read on",
        "To continue reading, log in", "Create a free account",
    ],
    "feedback-prompt": [
        "Was this article helpful?", "Did you find this story useful?", "Tell us what you think",
        "Send us a tip", "Report an error", "Rate this article", "Thank you for your feedback", "Have a news tip?",
    ],
    "promo": ["Watch: the flood from the air", "Watch", "Video: the bridge at dawn", "Play video", "Video",
              "Download the app", "Get the app", "Click here to watch", "Sponsored"],
    "social-follow": ["Follow us on Twitter", "Follow @valleypost", "Follow Valley Post on Instagram",
                      "Like us on Facebook", "Join our community", "Connect with us", "Find us on Facebook"],
    "wire-end-marker": ["(END)", "(끝)", "-- END --", "###", "-30-", "-ends-"],
    "wire-credit": ["Mara Quill Associated Press", "Mara Quill, Reuters", "Valley Post wire services"],
    "reporter-email": ["mara@valleypost.example", "(mara@valleypost.example)", "Contact the reporter: mara@valleypost.example",
                       "Contact the writer", "For more information, please contact the press office",
                       "Media enquiries", "To arrange an interview, call the office"],
    "editors-note": ["(Editor's note: this story was updated)", "(ATTN: adds quote)", "(Adds quote from mayor)",
                     "(Updates with new figures)", "*****", "Correction: An earlier version misspelt a name",
                     "Editing by Mara Quill", "Our Standards: The Trust Principles."],
    "timestamp": ["2 hours ago", "Updated an hour ago", "Updated 10:32", "Published: 9.15", "Yesterday"],
    "copyright": ["© 2020 Valley Post", "(c) Valley Post", "All rights reserved.",
                  "Reproduction or redistribution is prohibited",
                  "This material may not be published, broadcast or redistributed.", "Unauthorised use prohibited"],
    "related-link": ["More from Valley Post: Bridge repairs start", "Related: Bridge repairs start", "[Related]",
                     "Related stories: Bridge repairs start", "Read more: Bridge repairs start",
                     "Also read: Bridge repairs start", "Read more", "See also",
                     "More: Bridge repairs start in spring", "Recommended reading: Bridge repairs",
                     "» Bridge repairs start", "→ Bridge repairs start"],
}
# "continues": lines removed only inside a run the group already started (opener, line).
CONTINUES = {
    "comment-thread": ["Reply", "Report abuse", "12 likes"],
    "newsletter-appeal": ["Be the first to know", "The day's highlights each day", "Privacy policy",
                          "You can unsubscribe at any time", "We respect your privacy", "Email address",
                          "Invalid email", "Daily", "Weekly"],
    "donation-appeal": ["A donation of any amount helps", "Thank you, you’re helping", "Donate annually", "Monthly", "$10"],
    "paywall-appeal": ["Register now", "Cancel anytime"],
    "feedback-prompt": ["We're sorry to hear that", "Sorry to hear that", "Hope you’ll give us another try",
                        "Return to the homepage", "Yes", "No", "Great!", "Glad you liked it"],
}
OPENERS = {"comment-thread": "12 comments", "newsletter-appeal": "Subscribe", "donation-appeal": "Donate now",
           "paywall-appeal": "Already a subscriber?", "feedback-prompt": "Was this article helpful?"}
# Body lines no boilerplate pattern may take (the fixed defects among them).
NOT_BOILERPLATE = [
    "Daily life in the camps was hard, she said, and the winter made it harder still.",
    "More: the ministry said it would publish the full figures next week.",
    "Weekly markets reopened in the town on Saturday.",
]

CAPTIONS = {
    "credit_lines": ["Photo: Mara Quill", "(Photo by Mara Quill)", "AP Photo/Mara Quill", "(Reuters)",
                     "Mara Quill via Getty Images", "Getty Images", "(File photo)", "Mara Quill/AFP",
                     "(Mara Quill / Associated Press)",
                     "Image caption, Rivers rise", "Image copyright Mara Quill", "Mara Quill | Getty Images",
                     "[Yonhap photo]"],
    "leading": ["(Photo: Mara Quill/AFP) Workers fill sandbags by the bridge.",
                "This undated photo provided by the council shows the bridge under water."],
    "trailing": ["Workers fill sandbags by the bridge. (Photo: Mara Quill)", "Workers fill sandbags by the bridge. (AP)",
                 "Workers fill sandbags by the bridge | Photo: Mara Quill", "Workers fill sandbags. (Yonhap Photo)",
                 "Workers fill sandbags by the bridge. Photo: Reuters",
                 "Workers fill sandbags by the bridge. Photograph: Mara Quill",
                 "Workers fill sandbags by the bridge.Mara Quill / Reuters file"],
}
# Caption wording, read only above the article.
CAPTION_PHRASES = ["Workers are seen at the bridge during the flood", "A view of the bridge in this photo from the council",
                   "A photo taken at the bridge shows the flood", "The bridge in a file photo",
                   "The bridge at dawn (File photo)", "Workers pictured at the bridge"]

ATTRIBUTION = ["This article originally appeared at Valley Post.", "Originally published on Valley Post.",
               "Republished with permission from Valley Post.", "This story was republished from Valley Post.",
               "Reprinted with permission of Valley Post."]
CHROME_OUTLETS = ["Help keep Valley Post free", "Follow Valley Post on Twitter", "Valley Post e-mails and alerts",
                  "Support Valley Post today", "Sign up for Valley Post's daily newsletter", "Subscribe to Valley Post",
                  "More from Valley Post", "Search Valley Post", "Download the Valley Post app",
                  "Most read on Valley Post", "Advertise with Valley Post", "Valley Post staff"]
COPYRIGHT_OUTLETS = ["© 2020 Valley Post", "Copyright 2020 Valley Post"]
BYLINES = {  # line -> the author's name it gives
    "By Mara Quill": "Mara Quill", "Written by Mara Quill": "Mara Quill", "Words by Mara Quill": "Mara Quill",
    "Reporting by Mara Quill": "Mara Quill", "Story by Mara Quill": "Mara Quill",
    "Mara Quill, staff reporter": "Mara Quill", "Mara Quill mara@valleypost.example": "Mara Quill",
    "Posted at 9 am by Mara Quill": "Mara Quill", "Mara Quill | May 2020": "Mara Quill",
}
ORGANISATION_BYLINES = {"By Valley Post": "Valley Post"}
HEAD_BYLINES = {"Mara Quill": "Mara Quill", "Mara Quill in Riverton": "Mara Quill"}
BYLINE_AFFILIATIONS = ["Valley Post, Riverton", "Riverton correspondent"]
TITLE_TAGS = {"[Analysis] " + H: H, "(LEAD) " + H: H, "UPDATE 2-" + H: H, "BREAKING: " + H: H}
SOCIAL_FOLLOW = {"Follow Mara Quill on Twitter": "Mara Quill"}


def mark_of(*lines: str):
    sheet = classify("\n".join(lines), RULES)
    return sheet.marks[len(lines) - 1]


@pytest.mark.parametrize("group, line", [(g, line) for g, lines in BOILERPLATE.items() for line in lines])
def test_boilerplate_line(group: str, line: str) -> None:
    mark = mark_of(line)
    assert mark is not None and (mark.dest, mark.reason) == ("removed", group)


@pytest.mark.parametrize("group, line", [(g, line) for g, lines in CONTINUES.items() for line in lines])
def test_boilerplate_run_goes_on(group: str, line: str) -> None:
    mark = mark_of(OPENERS[group], line)
    assert mark is not None and (mark.dest, mark.reason) == ("removed", group)
    assert mark_of(line) is None or mark_of(line).reason != group  # alone it is not removed by this group


@pytest.mark.parametrize("line", NOT_BOILERPLATE)
def test_body_line_is_kept(line: str) -> None:
    assert mark_of(line) is None
    assert mark_of(OPENERS["newsletter-appeal"], line) is None


@pytest.mark.parametrize("line", [line for lines in CAPTIONS.values() for line in lines])
def test_caption_line(line: str) -> None:
    mark = mark_of(line)
    assert mark is not None and mark.dest == "caption"


@pytest.mark.parametrize("line", CAPTION_PHRASES)
def test_caption_wording_above_the_article(line: str) -> None:
    assert line in extract("\n\n".join([H, line, P1, P2]), RULES).captions


@pytest.mark.parametrize("line", ATTRIBUTION)
def test_attribution(line: str) -> None:
    assert extract("\n\n".join([H, P1, P2, line]), RULES).publisher == "Valley Post"


@pytest.mark.parametrize("line, found", [(line, "chrome") for line in CHROME_OUTLETS]
                         + [(line, "copyright") for line in COPYRIGHT_OUTLETS])
def test_outlet_names_itself(line: str, found: str) -> None:
    assert getattr(classify(line, RULES).signals, found) == ["Valley Post"]


@pytest.mark.parametrize("line, name", [*BYLINES.items(), *ORGANISATION_BYLINES.items()])
def test_byline(line: str, name: str) -> None:
    assert [n for _, n in classify(line, RULES).signals.bylines] == [name]


@pytest.mark.parametrize("line, name", HEAD_BYLINES.items())
def test_bare_name_under_the_headline(line: str, name: str) -> None:
    assert extract("\n\n".join([H, line, P1, P2]), RULES).author == name


@pytest.mark.parametrize("line", BYLINE_AFFILIATIONS)
def test_byline_affiliation(line: str) -> None:
    found = extract("\n\n".join([H, "Mara Quill", line, P1, P2]), RULES)
    assert line in [e.text for e in found.evidence] and found.summary != line


@pytest.mark.parametrize("line, title", TITLE_TAGS.items())
def test_title_tag(line: str, title: str) -> None:
    assert clean_title(line, RULES) == title


@pytest.mark.parametrize("line, name", SOCIAL_FOLLOW.items())
def test_social_follow(line: str, name: str) -> None:
    assert classify(line, RULES).signals.follows == [name]


# --- every pattern is exercised ---------------------------------------------------------------

def _compiled(source: str) -> re.Pattern[str]:
    for holder, text in _PLACEHOLDERS.items():
        source = source.replace(holder, text)
    return re.compile(source, re.IGNORECASE)


def _patterns_and_examples() -> list[tuple[str, str, list[str], bool]]:
    """(where, pattern, the table lines of its group, searched anywhere rather than from the start)."""
    found = []
    for group in RAW["boilerplate"]:
        name = group["name"]
        found += [(f"boilerplate {name}", p, BOILERPLATE.get(name, []), False) for p in group.get("patterns", [])]
        found += [(f"boilerplate {name} continues", p, CONTINUES.get(name, []), False)
                  for p in group.get("continues", [])]
    captions = RAW["captions"]
    found += [("captions credit_lines", p, CAPTIONS["credit_lines"], False) for p in captions["credit_lines"]]
    found += [("captions leading", p, CAPTIONS["leading"], False) for p in captions["leading"]]
    found += [("captions trailing", p, CAPTIONS["trailing"], True) for p in captions["trailing"]]
    found += [("captions phrases", p, CAPTION_PHRASES, True) for p in captions["phrases"]]
    for key, lines in (("attribution", ATTRIBUTION), ("chrome_outlets", CHROME_OUTLETS),
                       ("copyright_outlets", COPYRIGHT_OUTLETS), ("bylines", list(BYLINES)),
                       ("organisation_bylines", list(ORGANISATION_BYLINES)), ("head_bylines", list(HEAD_BYLINES)),
                       ("byline_affiliations", BYLINE_AFFILIATIONS), ("title_tags", list(TITLE_TAGS))):
        found += [(key, p, lines, False) for p in RAW[key]]
    found.append(("social_follow", RAW["social_follow"], list(SOCIAL_FOLLOW), False))
    return found


@pytest.mark.parametrize("where, pattern, lines, anywhere", _patterns_and_examples())
def test_every_pattern_has_a_table_line(where: str, pattern: str, lines: list[str], anywhere: bool) -> None:
    compiled = _compiled(pattern)
    matches = [line for line in lines if (compiled.search(line) if anywhere else compiled.match(line))]
    assert matches, f"{where}: no table line exercises {pattern!r}; add one (or remove the pattern)"
