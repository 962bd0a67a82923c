"""A deterministic synthetic corpus: N varied, realistic article files for the benchmarks.

    python -m benchmarks.synthetic OUT_DIR --count 1000 --seed 7

Every article is recombined from the original sentence templates and vocabulary below
(written for this project; no real article is copied). The people quoted are invented;
places, organisations and outlets are real names so that the builder's vocabulary
matching, outlet detection and topic scoring do realistic work. About two thirds of the
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
import json
import random
import sys
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
TOPICS_FILE = PROJECT_ROOT / "site_config" / "topics.yml"
FALLBACK_TOPICS = [
    "Forced repatriation", "Arrests and detention in China", "Protests and advocacy",
    "Refugee law and non-refoulement", "Punishment after return", "Families and personal stories",
]

# ---------------------------------------------------------------------------------------
# Vocabulary
# ---------------------------------------------------------------------------------------
KO_SURNAMES = ["Kim", "Lee", "Park", "Choi", "Jung", "Kang", "Cho", "Yoon", "Jang", "Lim", "Han",
               "Oh", "Seo", "Shin", "Kwon", "Hwang", "Ahn", "Song", "Ryu", "Hong", "Jeon", "Ko", "Moon",
               "Yang", "Baek", "Nam", "Noh", "Ha", "Kwak", "Yoo"]
KO_SYLLABLES = ["min", "ji", "seo", "hyun", "young", "eun", "sung", "hye", "jin", "su", "won", "chul",
                "ho", "mi", "kyung", "dong", "soo", "jae", "hee", "ok", "na", "yeon", "woo", "joon",
                "kyu", "sang", "tae", "il", "ah", "bin", "ran", "gyu"]
CN_SURNAMES = ["Zhang", "Wang", "Li", "Liu", "Chen", "Yang", "Zhao", "Huang", "Zhou", "Wu", "Xu",
               "Sun", "Ma", "Zhu", "Hu", "Guo", "He", "Lin", "Gao", "Luo"]
CN_GIVEN = ["Wei", "Fang", "Lei", "Jing", "Tao", "Yan", "Hui", "Ming", "Qiang", "Xiu", "Bo", "Lan",
            "Peng", "Yun", "Hao", "Ning", "Jun", "Rui", "Xin", "Dan"]
WESTERN_FIRST = ["Sarah", "David", "Emma", "James", "Laura", "Michael", "Anna", "Thomas", "Rachel",
                 "Daniel", "Helen", "Mark", "Julia", "Peter", "Claire", "Jonathan", "Maria", "Andrew"]
WESTERN_LAST = ["Thompson", "Miller", "Evans", "Harris", "Collins", "Baker", "Morgan", "Reid",
                "Fischer", "Dubois", "Novak", "Walsh", "Carter", "Hughes", "Bennett", "Lawson"]

NK_BORDER = ["Hoeryong", "Musan", "Hyesan", "Sinuiju", "Onsong", "Namyang", "Manpo"]
NK_PLACES = ["Hoeryong", "Musan", "Hyesan", "Sinuiju", "Chongjin", "Onsong", "Pyongyang",
             "North Hamgyong Province", "Ryanggang Province", "Hamhung", "Wonsan", "Kaesong"]
CN_PLACES = ["Shenyang", "Dandong", "Yanji", "Tumen", "Changbai", "Helong", "Hunchun", "Longjing",
             "Jilin", "Liaoning", "Yanbian", "Kunming", "Qingdao", "Dalian", "Beijing", "Shanghai"]
KR_PLACES = ["Seoul", "Busan", "Incheon", "Ansan", "Daegu", "Gwangju", "Hanawon", "Paju"]
TRANSIT = ["Laos", "Thailand", "Vietnam", "Mongolia", "Cambodia", "Myanmar"]
WORLD_PLACES = ["Geneva", "Washington, D.C.", "Tokyo", "New York", "London", "Brussels", "Bangkok"]

REAL_ORGS = ["UNHCR", "Human Rights Watch", "Amnesty International", "Christian Solidarity Worldwide",
             "Citizens' Alliance for North Korean Human Rights", "the National Human Rights Commission of Korea",
             "the Ministry of Unification", "the UN Human Rights Council", "Open Doors",
             "the Transitional Justice Working Group", "the South Korean Foreign Ministry",
             "the Chinese Foreign Ministry", "the National Assembly of South Korea"]
INVENTED_ORGS = ["the Bridge of Hope Network", "Tumen Light Foundation", "the Border Crossing Relief Fund",
                 "North Star Refugee Aid", "the Korean Diaspora Legal Clinic", "the Free Passage Coalition",
                 "Homecoming Korea", "the Yalu Families Association", "Safe Harbour Asia",
                 "the Centre for Refugee Testimony"]
BACKGROUND_FIGURES = [
    ("Kim Jong-un", "since Kim Jong-un took power at the end of 2011"),
    ("Kim Jong Il", "during the famine years under Kim Jong Il"),
    ("Xi Jinping", "since Xi Jinping became China's leader"),
    ("Moon Jae-in", "under the Moon Jae-in government"),
    ("Yoon Suk Yeol", "under President Yoon Suk Yeol"),
    ("Lee Myung-bak", "during the Lee Myung-bak administration"),
]
OUTLETS = [
    # (publisher, dateline agency tag, section, site chrome name, domain)
    ("Yonhap News Agency", "Yonhap", "North Korea", "Yonhap News Agency", "en.yna.co.kr"),
    ("Associated Press", "AP", "World", "AP News", "apnews.com"),
    ("Reuters", "Reuters", "Asia Pacific", "Reuters", "www.reuters.com"),
    ("Agence France-Presse", "AFP", "Asia", "AFP", "www.afp.com"),
    ("The Korea Herald", None, "National", "The Korea Herald", "www.koreaherald.com"),
    ("The Korea Times", None, "North Korea", "The Korea Times", "www.koreatimes.co.kr"),
    ("Korea JoongAng Daily", None, "National", "Korea JoongAng Daily", "koreajoongangdaily.joins.com"),
    ("NK News", None, "News", "NK News", "www.nknews.org"),
    ("Daily NK", None, "Analysis", "Daily NK", "www.dailynk.com"),
    ("Radio Free Asia", None, "Korea", "Radio Free Asia", "www.rfa.org"),
    ("South China Morning Post", None, "China", "South China Morning Post", "www.scmp.com"),
    ("The Guardian", None, "World", "The Guardian", "www.theguardian.com"),
    ("Voice of America", None, "East Asia", "VOA", "www.voanews.com"),
    ("The Seoul Ledger", None, "Society", "The Seoul Ledger", "www.seoul-ledger.example"),
    ("East Asia Wire", "EAW", "Region", "East Asia Wire", "eastasiawire.example"),
    ("Border Dispatch", None, "Features", "Border Dispatch", "borderdispatch.example"),
]
CITY_FOR_DATELINE = {"Yonhap": "SEOUL", "AP": "SEOUL, South Korea", "Reuters": "BEIJING/SEOUL",
                     "AFP": "BEIJING", "EAW": "SHENYANG, China"}
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
MONTHS_SHORT = ["Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.",
                "Nov.", "Dec."]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

# ---------------------------------------------------------------------------------------
# Sentence templates. Slots: {d} defector, {a} activist, {o} organisation, {cn} Chinese place,
# {nk} North Korean place, {kr} South Korean place, {t} transit country, {n} number,
# {nkb} North Korean border town, {sn} small number, {y} year, {wd} weekday, {off} Chinese official, {kro} Korean official,
# {bg} background clause, {w} world place, {exp} foreign expert.
# ---------------------------------------------------------------------------------------
REFUGEE_SENTENCES = [
    "Chinese police detained {sn} North Koreans at a bus terminal in {cn} on {wd}, according to {o}.",
    "The group had crossed the Tumen River near {nkb} in the early hours and hid in a farmhouse for {sn} days.",
    "Activists said the detainees were being held at a detention centre in {cn} and could be sent back within days.",
    "China treats North Koreans who cross the border illegally as economic migrants rather than refugees.",
    "Beijing says it handles such cases in accordance with domestic law, international law and humanitarian principles.",
    "Human rights groups say those who are forcibly repatriated face interrogation, forced labour and, in some cases, execution.",
    "{o} urged Beijing to respect the principle of non-refoulement and to let the group travel to a third country.",
    "\u201cIf they are sent back, they will be punished severely,\u201d said {a}, who runs a shelter in {kr}.",
    "\u201cMy daughter called me from {cn} and then the line went dead,\u201d said {d}, who reached {kr} in {y}.",
    "\u201cWe are asking China to treat them as human beings, not as criminals,\u201d {a} told reporters.",
    "{d} said she spent {sn} months in a holding cell in {nk} after being returned from China.",
    "According to {o}, at least {n} people have been repatriated since the border reopened.",
    "The South Korean government said it had raised the issue with Chinese officials through diplomatic channels.",
    "{kro}, a spokesperson for the Ministry of Unification, said Seoul would accept every defector who wished to come.",
    "{off}, a spokesperson for the Chinese Foreign Ministry, told a regular briefing that there were no refugees in China.",
    "About {n} protesters gathered outside the Chinese Embassy in {kr} holding candles and banners.",
    "The rally was the {sn}th held in front of the embassy this year, organisers said.",
    "Many of the women who cross the border are sold to farmers in rural {cn} as brides, rights groups say.",
    "Brokers charge between {n} and {n2} US dollars to guide a person from the border to {t}.",
    "The journey south through {t} can take weeks, and most travellers move at night to avoid checkpoints.",
    "The number of defectors arriving in South Korea has fallen sharply {bg}.",
    "Surveillance cameras along the border and new fences have made crossings far more dangerous.",
    "Lawmakers at the National Assembly passed a resolution calling on China to halt the deportations.",
    "The UN special rapporteur on human rights in North Korea said the returns violated international law.",
    "{exp}, a researcher at a university in {w}, said the arrests followed a familiar seasonal pattern.",
    "\u201cChina has signed the refugee convention, and it must live up to it,\u201d said {exp}.",
    "Relatives in {kr} have sent letters to the Chinese president asking for clemency.",
    "Church groups in {kr} have sheltered North Koreans in safe houses in {cn} for two decades.",
    "The detainees reportedly include a {sn}-year-old boy and a woman who is pregnant.",
    "{d}, a former soldier from {nk}, said guards beat prisoners who spoke to one another.",
    "Satellite images reviewed by {o} show an expanded detention facility near {nk}.",
    "Officials in {cn} declined to comment when contacted by telephone.",
    "The case has drawn attention from lawmakers in {w} and from the European Parliament.",
    "A petition signed by {n} people was delivered to the embassy on {wd}.",
    "Some of those arrested had lived in China for more than {sn} years and had children there.",
    "Children born to North Korean mothers in China often have no legal identity.",
    "The ministry said {n} defectors arrived in the South last year, down from {n2} a decade earlier.",
    "{a} said the group had been betrayed by a broker who reported them to the police.",
    "Families of the detainees held a news conference in {kr} on {wd} morning.",
    "\u201cThere is nothing more we can do but wait and pray,\u201d said {d}, whose brother is among those held.",
    "The United States State Department said it was deeply concerned by the reports.",
    "Experts say the reopening of the border after the pandemic has led to a new wave of returns.",
    "Hundreds of people are believed to be held in facilities in Jilin and Liaoning provinces.",
    "The Commission of Inquiry found in 2014 that returnees faced crimes against humanity.",
    "{d} eventually reached {kr} via {t} and now works as a nurse.",
    "Some defectors use smuggled mobile phones to call relatives still in {nk}.",
    "Under North Korean law, leaving the country without permission is treated as treason.",
    "A group of {sn} lawmakers visited the border city of {cn} last month to study the issue.",
    "South Korea's foreign minister raised the case during talks with his Chinese counterpart in {w}.",
    "Rights advocates say the issue is rarely discussed at summits between the two countries.",
]
GENERIC_SENTENCES = [
    "The central bank left its benchmark interest rate unchanged at {sn}.5 percent on {wd}.",
    "Exports rose {sn} percent from a year earlier, led by shipments of semiconductors and cars.",
    "Analysts had expected a smaller increase, citing weak demand in Europe.",
    "Heavy rain flooded roads in {kr} and forced the evacuation of {n} residents.",
    "The weather agency issued a heat wave warning for most of the country.",
    "The company said it would invest {n} million dollars in a new battery plant.",
    "Shares in the firm fell {sn} percent in early trading.",
    "The national football team beat its rivals {sn}-1 in a friendly match in {kr}.",
    "The coach said he was pleased with the performance but warned of tougher games ahead.",
    "The film festival in {kr} opened on {wd} with a record {n} entries.",
    "Tickets for the concert sold out within minutes, the organisers said.",
    "The new smartphone will go on sale next month at a price of about {n} dollars.",
    "Researchers in {w} said the findings could lead to cheaper solar panels.",
    "Housing prices in the capital rose for the {sn}th consecutive month.",
    "The government announced a package of measures to support small businesses.",
    "Unemployment among young people remained stubbornly high at {sn} percent.",
    "Officials said the new rail line would cut the journey time to {sn} hours.",
    "The museum will display {n} artefacts that have never been shown in public.",
    "Local residents have complained about noise from the construction site for months.",
    "The opposition party criticised the budget as too cautious.",
    "{exp}, an economist in {w}, said growth would slow in the second half of the year.",
    "\u201cWe are cautiously optimistic,\u201d said {exp}, speaking at a conference in {w}.",
    "The airline said it would add {sn} weekly flights between {kr} and {w}.",
    "Police said no one was injured in the fire, which started in a warehouse on {wd} night.",
    "The festival attracted about {n} visitors over the weekend.",
]
REFUGEE_TITLES = [
    "China detains {sn} North Korean defectors in {cn}, {o_short} says",
    "{sn} North Koreans held in {cn} face deportation, families warn",
    "Rally in {kr} urges Beijing to halt forced repatriation of {sn} defectors",
    "Free the {sn} North Koreans arrested near {nk}, {o_short} tells China",
    "Defector {d} recalls {sn} months in {cn} detention centre",
    "Seoul raises repatriation of {sn} North Koreans with Beijing on {wd}",
    "{sn} North Koreans caught in {t} face return to China via {cn}",
    "Lawmakers in {kr} demand answers on {sn} defectors deported in {month}",
    "UN expert condemns China's return of {sn} North Korean escapees from {cn}",
    "Broker network in {cn} exposed after {sn} arrests in {month}",
    "{d} tells of escape from {nk} through {t}",
    "Activists deliver {n}-name petition to Chinese Embassy in {kr} on {wd}",
    "Defector arrivals in South Korea fall to {n} in {y}",
    "{sn} women sold as brides in {cn} describe their ordeal",
    "Hunger strike in {kr} enters day {sn} for North Koreans held in {cn}",
    "Police in {cn} arrest {sn} North Koreans on {wd}, {a} says",
    "{a}: 'They will die if they are sent back to {nk}'",
    "Candlelight vigil in {kr} for {sn} families detained in {cn}",
    "Returnees to {nk} beaten and starved, {o_short} report says ({y})",
    "{sn} escapees from {nk} stranded in {t} after broker vanishes",
]
GENERIC_TITLES = [
    "Exports rise {sn} percent in {month} {y} as chip demand recovers",
    "Central bank holds rates steady on {wd} as inflation eases to {sn}.{sn2} percent",
    "Heavy rain floods roads in {kr}; {n} residents evacuated on {wd}",
    "Battery maker plans {n} million dollar plant near {kr} by {y}",
    "National team wins {sn}-{sn2} friendly in {kr} on {wd}",
    "Film festival opens in {kr} with {n} entries from {sn} countries",
    "New rail line to cut {kr}-{w} journey to {sn} hours by {y}",
    "Museum in {kr} to show {n} hidden artefacts from {y} excavation",
    "Youth unemployment at {sn}.{sn2} percent in {month} {y}",
    "Airline adds {sn} weekly flights between {kr} and {w} from {month}",
    "Housing prices in {kr} rise for {sn}th month in a row in {y}",
    "Warehouse fire in {kr} forces {n} to evacuate on {wd}",
]
DEKS = [
    "Rights groups say the detainees face torture if they are returned.",
    "The arrests are the latest in a series since the border reopened.",
    "Relatives in the South have appealed to the Chinese president.",
    "Officials say the measures will take effect next month.",
    "The decision was in line with market expectations.",
]
REFUGEE_CAPTIONS = [
    "Protesters hold banners in front of the Chinese Embassy in {kr} on {wd}.",
    "A North Korean soldier patrols the bank of the Tumen River near {nkb}.",
    "Defectors attend a news conference in {kr} in this file photo.",
    "The border fence near {cn} is seen in this undated photo provided by a rights group.",
]
GENERIC_CAPTIONS = [
    "Shipping containers are stacked at a port in {kr}.",
    "Fans cheer during the match in {kr}.",
    "Commuters walk past an electronic board showing stock prices in {kr}.",
]
CREDITS = ["(Photo: Yonhap)", "(Photo: Reuters)", "(Yonhap)", "Photo: AFP", "(AP Photo/{wn})",
           "(Photo: courtesy of {o_short})", "Getty Images", "(File photo)", "Photo by {wn}"]
PRE_CHROME = ["Skip to main content", "Skip to content", "Menu", "Search", "Sign in", "Home > News > North Korea",
              "Home | World | Asia", "Toggle navigation", "Subscribe", "Listen to this article", "A A-",
              "Share", "Print", "4 min read"]
MID_CHROME = ["ADVERTISEMENT", "Story continues below advertisement", "Related: {h}", "Read more: {h}",
              "Sign up for our daily newsletter", "Enter your email address", "Follow us on Twitter"]
NEWSLETTER = [["Get the North Korea news you need", "Sign up for our free weekly newsletter",
               "Enter your email", "Sign up", "By signing up you agree to our privacy policy."],
              ["Stay informed", "Subscribe to our morning briefing", "Your email address", "Subscribe"]]
KICKERS = ["Recommended", "Most Read", "Related stories", "More stories", "You may also like", "Latest News"]
FOOTER = ["About us", "Contact", "Terms of use", "Privacy policy", "Back to top"]


def _topic_names() -> list[str]:
    try:
        import yaml

        data = yaml.safe_load(TOPICS_FILE.read_text(encoding="utf-8")) or {}
        names = [t["name"] for t in data.get("topics", []) if isinstance(t, dict) and t.get("name")]
        return names or FALLBACK_TOPICS
    except Exception:  # noqa: BLE001 - any problem: use the built-in list
        return FALLBACK_TOPICS


# ---------------------------------------------------------------------------------------
# One article
# ---------------------------------------------------------------------------------------
class _Writer:
    """Builds the text of article i from its own RNG."""

    def __init__(self, rng: random.Random, topics: list[str], people: dict[str, list[str]]):
        self.r = rng
        self.topics = topics
        self.people = people
        self.refugee = rng.random() < 0.68
        self.outlet = rng.choice(OUTLETS)
        self.year = rng.randint(2002, 2024)
        self.month = rng.randint(1, 12)
        self.day = rng.randint(1, 28)
        self.cast = {"d": self._ko_name(), "a": self._ko_name(), "kro": self._ko_name(),
                     "off": self._cn_name(), "exp": self._western_name()}

    # names -----------------------------------------------------------------------------
    def _pick(self, names: list[str]) -> str:
        """A few people recur in many articles, most in a few (as in a real archive)."""
        return names[int(len(names) * self.r.random() ** 2.5)]

    def _ko_name(self) -> str:
        return self._pick(self.people["ko"])

    def _cn_name(self) -> str:
        return self._pick(self.people["cn"])

    def _western_name(self) -> str:
        return self._pick(self.people["western"])

    def fill(self, template: str) -> str:
        r = self.r
        org = r.choice(REAL_ORGS if r.random() < 0.6 else INVENTED_ORGS)
        values = dict(self.cast)
        values.update(
            o=org, o_cap=org[0].upper() + org[1:], o_short=org.replace("the ", ""),
            cn=r.choice(CN_PLACES), nk=r.choice(NK_PLACES), nkb=r.choice(NK_BORDER), kr=r.choice(KR_PLACES), t=r.choice(TRANSIT),
            w=r.choice(WORLD_PLACES), n=r.choice([12, 30, 48, 60, 75, 120, 200, 350, 600, 1200, 2000]),
            n2=r.choice([3000, 5000, 8000, 10000, 15000]), sn=r.randint(2, 9), y=r.randint(1998, 2023),
            wd=r.choice(WEEKDAYS), bg=r.choice(BACKGROUND_FIGURES)[1], wn=self._western_name(),
            h=self.headline(),
        )
        return template.format(**values)

    # parts -----------------------------------------------------------------------------
    def headline(self) -> str:
        return self.r.choice(REFUGEE_TITLES if self.refugee else GENERIC_TITLES).format_map(_Lazy(self))

    def paragraphs(self) -> list[str]:
        r = self.r
        pool = REFUGEE_SENTENCES if self.refugee else GENERIC_SENTENCES
        if self.refugee and r.random() < 0.25:
            pool = pool + GENERIC_SENTENCES[:8]
        order = r.sample(pool, k=len(pool))  # no sentence twice until the pool is used up
        paragraphs, used = [], 0
        for _ in range(r.randint(5, 18)):
            size = r.choice([1, 2, 2, 3, 3, 4])
            paragraphs.append(" ".join(self.fill(order[(used + k) % len(order)]) for k in range(size)))
            used += size
        return paragraphs

    def dateline(self) -> str:
        r, agency = self.r, self.outlet[1]
        month = MONTHS[self.month - 1]
        if agency == "Yonhap":
            return f"SEOUL, {month} {self.day} (Yonhap) -- "
        if agency:
            dash = r.choice(["\u2014", "-", "--"])
            return f"{CITY_FOR_DATELINE[agency]} ({agency}) {dash} "
        return r.choice([f"{r.choice(KR_PLACES).upper()} \u2014 ", f"{r.choice(CN_PLACES).upper()}, China \u2014 ", ""])

    def timestamp(self) -> str | None:
        r, m = self.r, self.month
        choices = [
            f"Updated {r.randint(1, 12)}:{r.randint(10, 59)} PM GMT+9, {MONTHS[m - 1]} {self.day}, {self.year}",
            f"Published : {MONTHS_SHORT[m - 1]} {self.day}, {self.year} - {r.randint(10, 23)}:{r.randint(10, 59)}",
            f"{WEEKDAYS[r.randint(0, 6)]}, {self.day} {MONTHS[m - 1]} {self.year}",
            f"Posted {self.year}-{m:02d}-{self.day:02d}",
            f"{MONTHS[m - 1]} {self.day}, {self.year}",
        ]
        if r.random() < 0.08:
            return None
        return r.choice(choices)

    def byline(self) -> str | None:
        r = self.r
        name = self._western_name() if r.random() < 0.4 else self._ko_name()
        return r.choice([f"By {name}", f"By {name.upper()}", f"{name}, Staff Reporter", None, None])

    def caption(self) -> list[str]:
        r = self.r
        text = self.fill(r.choice(REFUGEE_CAPTIONS if self.refugee else GENERIC_CAPTIONS))
        credit = self.fill(r.choice(CREDITS))
        return r.choice([[text, f"{text} {credit}"], [f"{text} {credit}"], [text, credit]])

    def header(self) -> list[str]:
        r = self.r
        lines = ["---"]
        if r.random() < 0.2:
            lines.append(f"title: {json.dumps(self.headline(), ensure_ascii=False)}")
        date = r.choice([f"{self.year}", f"{self.year}-{self.month:02d}", f"{self.year}-{self.month:02d}-{self.day:02d}"])
        lines.append(f"date: {date}")
        lines.append(f"publisher: {json.dumps(self.outlet[0])}")
        if r.random() < 0.3:
            lines.append(f"author: {json.dumps(self._ko_name())}")
        if r.random() < 0.5:
            lines.append(f"url: https://{self.outlet[4]}/article/{r.randint(100000, 999999)}")
        if self.refugee and r.random() < 0.7:
            chosen = r.sample(self.topics, k=min(len(self.topics), r.randint(1, 2)))
            lines.append(f"topics: [{', '.join(json.dumps(t, ensure_ascii=False) for t in chosen)}]")
        return lines + ["---"]

    def tail(self) -> list[str]:
        r, lines = self.r, []
        if self.outlet[1] == "Yonhap" and r.random() < 0.8:
            lines.append("(END)")
        if r.random() < 0.3:
            lines.append(f"{self.cast['a'].split()[1].split('-')[0].lower()}{r.randint(1, 99)}@{self.outlet[4].split('.', 1)[-1]}")
        if r.random() < 0.35:
            lines.append(f"Follow {self._western_name()} on Twitter")
        if r.random() < 0.4:
            lines.append(f"Copyright {self.year} {self.outlet[3]}. All rights reserved.")
        if r.random() < 0.25:
            lines.append(f"This article was originally published by {self.outlet[0]}.")
        if r.random() < 0.5:
            lines.append(r.choice(KICKERS))
            lines += [self.headline() for _ in range(r.randint(3, 6))]
        if r.random() < 0.3:
            lines += r.sample(FOOTER, k=r.randint(2, len(FOOTER)))
        return lines

    # whole article -----------------------------------------------------------------------
    def article(self) -> str:
        r = self.r
        header = "\n".join(self.header()) + "\n" if r.random() < 0.33 else ""
        lines: list[str] = []
        if r.random() < 0.6:
            lines += r.sample(PRE_CHROME, k=r.randint(1, 4))
        if r.random() < 0.7:
            lines.append(self.outlet[3])
        if r.random() < 0.4:
            lines.append(self.outlet[2])
        lines.append(self.headline())
        if r.random() < 0.3:
            lines.append(r.choice(DEKS))
        for part in (self.byline(), self.timestamp()):
            if part:
                lines.append(part)
        if r.random() < 0.45:
            lines += self.caption()
        lines += self._body()
        lines += self.tail()
        separator = "\n" if r.random() < 0.25 else "\n\n"
        return header + separator.join(lines) + "\n"

    def _body(self) -> list[str]:
        r = self.r
        paragraphs = self.paragraphs()
        if r.random() < 0.75:
            paragraphs[0] = self.dateline() + paragraphs[0]
        body: list[str] = []
        for index, paragraph in enumerate(paragraphs):
            body.append(paragraph)
            if 0 < index < len(paragraphs) - 1 and r.random() < 0.08:
                body.append(self.fill(r.choice(MID_CHROME)))
            if index == len(paragraphs) // 2 and r.random() < 0.15:
                body += r.choice(NEWSLETTER)
            if index == 2 and r.random() < 0.1:
                body += self.caption()
        return body


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


class _Lazy(dict):
    """format_map values for headlines (no recursion into headline())."""

    def __init__(self, writer: _Writer):
        super().__init__()
        self.w = writer

    def __missing__(self, key: str) -> str:
        w, r = self.w, self.w.r
        org = r.choice(REAL_ORGS)
        table = {"sn": lambda: str(r.randint(2, 60)), "sn2": lambda: str(r.randint(0, 9)),
                 "n": lambda: str(r.randrange(20, 2000, 10)),
                 "cn": lambda: r.choice(CN_PLACES), "nk": lambda: r.choice(NK_BORDER),
                 "kr": lambda: r.choice(KR_PLACES), "t": lambda: r.choice(TRANSIT), "w": lambda: r.choice(WORLD_PLACES),
                 "o_cap": lambda: org[0].upper() + org[1:], "o_short": lambda: org.replace("the ", ""),
                 "d": lambda: w.cast["d"], "a": lambda: w.cast["a"], "wd": lambda: r.choice(WEEKDAYS),
                 "month": lambda: MONTHS[w.month - 1], "y": lambda: str(w.year)}
        return table[key]()


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
