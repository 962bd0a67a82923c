"""The word lists and sentence templates the synthetic corpus is recombined from.

Written for this project (no real article is copied); see `benchmarks.synthetic`. The order
of every list matters: the generator picks by index, so reordering changes the output.
"""
from __future__ import annotations

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
