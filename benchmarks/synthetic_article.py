"""One synthetic article: `_Writer` turns an RNG into the text of a browser copy-paste."""
from __future__ import annotations

import json
import random

from benchmarks.synthetic_data import (
    BACKGROUND_FIGURES, CITY_FOR_DATELINE, CN_PLACES, CREDITS, DEKS, FOOTER, GENERIC_CAPTIONS,
    GENERIC_SENTENCES, GENERIC_TITLES, INVENTED_ORGS, KICKERS, KR_PLACES, MID_CHROME, MONTHS,
    MONTHS_SHORT, NEWSLETTER, NK_BORDER, NK_PLACES, OUTLETS, PRE_CHROME, REAL_ORGS, REFUGEE_CAPTIONS,
    REFUGEE_SENTENCES, REFUGEE_TITLES, TRANSIT, WEEKDAYS, WORLD_PLACES,
)


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
