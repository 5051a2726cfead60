"""A deterministic corpus of synthetic economics news, laid out as a raw root the flow ingests.

    python bench/corpus.py --n 1000 --seed 7 --out /tmp/corpus1k [--gold /tmp/corpus1k/gold.jsonl]

writes

    <out>/articles/bench-000001.txt ...   one article per file (~5 KB each)
    <out>/tables/*.csv                    the curated tables of raw/tables, copied, with one
                                          articles.csv row appended per generated article
    <out>/gold.jsonl                      (unless --no-gold) the figures each article states,
                                          in the gold format of /work/shared/bench/FORMAT.md

Article i depends only on (seed, i): the same command always writes the same bytes, and
the corpus is written article by article, so N is bounded by disk, not memory.

The prose is built from sentence patterns that each know which figures they state, so the
gold is exact by construction: money in five currencies with scale words and abbreviations,
conversions "4,000 yuan (US$620)", ranges, percentages and percentage points, counts,
durations, physical quantities, number words, qualifiers, explicit years and spans, and
relative dates resolved against the article's publication date. Around them: things that
are not figures (dates, clock times, ordinals, plan and flight names, page furniture).
Region names come from the gazetteer (raw/tables/regions.csv); every period and region in
the gold is one the sentence states, otherwise the gold says null.
"""
from __future__ import annotations

import argparse
import csv
import json
import math
import random
import shutil
import sys
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_TABLES = PROJECT_ROOT / "raw" / "tables"
ARTICLE_FIELDS = ["path", "title", "publisher", "url", "pub_date", "pub_date_precision", "source"]
TARGET_BYTES = 5_000  # 1,000 articles ~ 5 MB, the size the issue asks for

# Used only if the gazetteer is not there yet; names only, no statistics.
FALLBACK_REGIONS = [("China", "country"), ("Xinjiang", "province"), ("Guangdong", "province"),
                    ("Zhejiang", "province"), ("Sichuan", "province"), ("Kashgar", "prefecture"),
                    ("Shenzhen", "city"), ("Hotan", "prefecture"), ("Jiangsu", "province")]

WORD_NUMBERS = {2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven", 8: "eight",
                9: "nine", 10: "ten", 11: "eleven", 12: "twelve", 15: "fifteen", 20: "twenty"}
ORDINALS = ["first", "second", "third", "fourth", "fifth"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
PUBLISHERS = ["South China Morning Post", "Caixin Global", "Nikkei Asia", "Reuters",
              "The Economist", "Financial Times", "Sixth Tone", "China Daily"]
REPORTERS = ["Orange Wang", "Frank Tang", "Ji Siqi", "Kandy Wong", "Ralph Jennings",
             "Mandy Zuo", "Amanda Lee", "Luna Sun", "Lo Hoi-ying", "Jiang Xiaoqing"]
COMPANIES = ["Huafu Fashion", "Zhongtai Chemical", "Xinjiang Goldwind", "TCL Zhonghuan",
             "Daqo New Energy", "Hoshine Silicon", "Esquel Group", "Tianshan Wool"]

QUALIFIER_WORDS = {
    "approx": ["about", "around", "roughly", "some", "approximately"],
    "at_least": ["more than", "over", "at least"],
    "at_most": ["nearly", "almost", "up to", "less than"],
}

# (label, currency, low, high): plausible magnitudes, in units of the currency
MONEY_METRICS = [
    ("gross domestic product", "CNY", 5e10, 9e12), ("fixed-asset investment", "CNY", 1e9, 3e12),
    ("fiscal revenue", "CNY", 1e9, 8e11), ("retail sales of consumer goods", "CNY", 1e9, 4e12),
    ("transfer payments", "CNY", 1e10, 5e11), ("pairing assistance funds", "CNY", 1e8, 5e10),
    ("tourism revenue", "CNY", 1e9, 6e11), ("foreign direct investment", "USD", 1e8, 4e10),
    ("exports", "USD", 1e9, 6e11), ("imports", "USD", 1e9, 5e11),
    ("government spending", "CNY", 1e10, 2e12), ("the trade surplus", "USD", 1e9, 3e11),
]
PER_PERSON_METRICS = [
    ("per capita GDP", 20_000, 190_000), ("per capita disposable income", 9_000, 85_000),
    ("the average annual wage", 40_000, 180_000), ("rural per capita income", 6_000, 40_000),
]
PERCENT_METRICS = [
    "the surveyed urban unemployment rate", "the urbanisation rate", "the poverty rate",
    "the share of services in output", "the household savings rate",
    "the share of manufacturing in output", "the forest coverage rate",
]
GROWTH_METRICS = ["economic output", "industrial output", "retail sales", "exports",
                  "fixed-asset investment", "fiscal revenue", "tourist arrivals",
                  "household income"]
COUNT_NOUNS = [("employees", "employee", 50, 20_000), ("workers", "worker", 100, 900_000),
               ("households", "household", 200, 500_000), ("tourists", "tourist", 10_000, 90_000_000),
               ("companies", "company", 10, 30_000), ("officials", "official", 100, 500_000),
               ("students", "student", 1_000, 3_000_000), ("villages", "village", 10, 9_000),
               ("new jobs", "job", 1_000, 2_000_000), ("residents", "resident", 5_000, 30_000_000),
               ("projects", "project", 5, 12_000), ("teachers", "teacher", 100, 90_000),
               ("doctors", "doctor", 50, 40_000)]
PHYSICAL = [("km", "km", 20, 3_000, "of new highways"), ("tonnes", "tonne", 1_000, 9_000_000, "of cotton"),
            ("hectares", "hectare", 100, 900_000, "of farmland"),
            ("square metres", "square metre", 5_000, 3_000_000, "of new housing"),
            ("kilometres", "kilometre", 20, 2_000, "of railway track")]

PROSE = [
    "Analysts said the figures pointed to a gradual recovery rather than a rebound.",
    "The local government has not responded to requests for comment.",
    "Officials described the programme as a model for other inland provinces.",
    "Critics argue that the spending has favoured state-owned enterprises.",
    "The region's economy remains heavily dependent on energy and agriculture.",
    "Economists cautioned that local statistics are often revised after publication.",
    "Residents interviewed by reporters said living costs had risen sharply.",
    "The policy was first proposed by coastal provinces seeking new markets.",
    "Beijing has repeatedly rejected the accusations as interference in its internal affairs.",
    "Several factories have since moved their production lines further inland.",
    "The central bank signalled that it would keep monetary policy accommodative.",
    "Exporters have struggled with weak demand from Europe and the United States.",
]
FURNITURE = ["Advertisement", "Get more with myNEWS", "Learn more", "Read more",
             "Photo: Xinhua", "Photo: Reuters", "Sign up for our newsletter"]


@dataclass
class Sentence:
    """Text assembled piece by piece; figure pieces carry their gold record."""

    parts: list[str] = field(default_factory=list)
    figures: list[tuple[int, dict]] = field(default_factory=list)  # (offset in sentence, gold)

    def t(self, text: str) -> "Sentence":
        self.parts.append(text)
        return self

    def f(self, quote: str, kind: str, value: Decimal, unit: str, qualifier: str = "exact",
          period: tuple[int | None, int | None] = (None, None), region: str | None = None,
          metric: str | None = None) -> "Sentence":
        offset = sum(len(p) for p in self.parts)
        self.figures.append((offset, {
            "quote": quote, "kind": kind, "value": _json_number(value), "unit": unit,
            "qualifier": qualifier, "period_start": period[0], "period_end": period[1],
            "region": region, "metric": metric}))
        self.parts.append(quote)
        return self

    @property
    def text(self) -> str:
        return "".join(self.parts)


def _json_number(value: Decimal) -> float | int:
    return int(value) if value == value.to_integral_value() else float(value)


# ---------------------------------------------------------------- numbers and amounts

def _mantissa(rng: random.Random, lo: float, hi: float, decimals: int) -> Decimal:
    """A value between lo and hi (log-uniform) rounded to `decimals` places, never zero."""
    x = math.exp(rng.uniform(math.log(lo), math.log(hi)))
    q = Decimal(1).scaleb(-decimals)
    d = Decimal(repr(x)).quantize(q)
    return d if d > 0 else q


def _digits(value: Decimal) -> str:
    """'53,593' / '263.69': thousands separators, decimals as given."""
    if value == value.to_integral_value():
        return f"{int(value):,}"
    whole, frac = f"{value:f}".split(".")
    return f"{int(whole):,}.{frac}"


SCALES = [(Decimal(10) ** 12, "trillion", None), (Decimal(10) ** 9, "billion", "bn"),
          (Decimal(10) ** 6, "million", "m")]


def _scaled(rng: random.Random, value_hint: float) -> tuple[str, str | None, Decimal]:
    """(number text, scale word or abbreviation or None, exact value) near value_hint."""
    for scale, word, abbr in SCALES:
        if value_hint >= float(scale):
            m = _mantissa(rng, value_hint / float(scale) * 0.8, value_hint / float(scale) * 1.2,
                          rng.choice([0, 1, 1, 2]))
            use_abbr = abbr is not None and rng.random() < 0.2
            return _digits(m), (abbr if use_abbr else word), m * scale
    v = _mantissa(rng, max(1.0, value_hint * 0.8), value_hint * 1.2 + 1, 0)
    return _digits(v), None, v


def money_text(rng: random.Random, currency: str, number: str, scale: str | None) -> str:
    """One of the ways news writes an amount in `currency`."""
    abbr = scale in ("bn", "m")
    sc = "" if scale is None else (scale if abbr else " " + scale)
    if currency == "CNY":
        forms = [f"{number}{sc} yuan", f"RMB{number}{sc}", f"{number}{sc} yuan"]
        if not abbr:
            forms += [f"RMB {number}{sc}", f"{number}{sc} renminbi", f"¥{number}{sc}"]
    elif currency == "USD":
        forms = [f"US${number}{sc}", f"US${number}{sc}", f"${number}{sc}"]
        if not abbr:
            forms += [f"{number}{sc} US dollars"]
    elif currency == "HKD":
        forms = [f"HK${number}{sc}"]
    elif currency == "EUR":
        forms = [f"€{number}{sc}"] + ([] if abbr else [f"{number}{sc} euros"])
    elif currency == "GBP":
        forms = [f"£{number}{sc}"]
    else:
        raise ValueError(currency)
    return rng.choice(forms)


def money(rng: random.Random, currency: str, hint: float) -> tuple[str, Decimal]:
    number, scale, value = _scaled(rng, hint)
    return money_text(rng, currency, number, scale), value


def percent_text(rng: random.Random, value: Decimal) -> str:
    return f"{value}" + rng.choice([" per cent", " per cent", " percent", "%"])


def qualify(rng: random.Random, quote: str, p: float = 0.3) -> tuple[str, str]:
    if rng.random() >= p:
        return quote, "exact"
    q = rng.choice(list(QUALIFIER_WORDS))
    return f"{rng.choice(QUALIFIER_WORDS[q])} {quote}", q


# ---------------------------------------------------------------- time phrases

@dataclass(frozen=True)
class Ctx:
    pub: date | None          # publication date, None when the article has no metadata
    region: str               # the article's main region
    regions: tuple[str, ...]  # others that may be mentioned
    currency: str             # the article's usual foreign currency besides CNY
    cny_per_usd: float        # the rate its conversions use: the publication year's average


def when(rng: random.Random, ctx: Ctx, allow_relative: bool = True) -> tuple[str, int | None]:
    """A phrase naming one year, and the year it means (None when it cannot be resolved)."""
    year_now = ctx.pub.year if ctx.pub else 2021
    if allow_relative and rng.random() < 0.45:
        kind = rng.choice(["last year", "this year", "ago", "last year"])
        if kind == "ago":
            n = rng.choice([2, 3, 4, 5, 10])
            return f"{WORD_NUMBERS[n]} years ago", (ctx.pub.year - n if ctx.pub else None)
        return kind, ((ctx.pub.year - (kind == "last year")) if ctx.pub else None)
    y = rng.randint(year_now - 9, year_now - 1 if ctx.pub else year_now)
    return rng.choice([f"in {y}", f"in {y}", f"during {y}", f"for {y}"]), y


def span(rng: random.Random, ctx: Ctx) -> tuple[str, int, int]:
    end = (ctx.pub.year if ctx.pub else 2021) - rng.randint(1, 4)
    start = end - rng.randint(2, 12)
    form = rng.choice(["from {a} to {b}", "between {a} and {b}", "in {a}-{bb}", "over {a}-{bb}"])
    return form.format(a=start, b=end, bb=f"{end % 100:02d}"), start, end


# ---------------------------------------------------------------- sentence patterns
# Each returns a Sentence whose gold records are exactly the figures it states.

def s_level(rng, ctx):
    label, cur, lo, hi = rng.choice(MONEY_METRICS)
    cur = ctx.currency if cur == "USD" and ctx.currency != "CNY" and rng.random() < 0.3 else cur
    phrase, year = when(rng, ctx)
    quote, value = money(rng, cur, rng.uniform(lo, hi))
    quote, q = qualify(rng, quote)
    reg = ctx.region
    s = Sentence()
    if rng.random() < 0.5:
        s.t(f"{phrase[0].upper()}{phrase[1:]}, {label} in {reg} {rng.choice(['reached', 'totalled', 'came to', 'stood at'])} ")
        s.f(quote, "money", value, cur, q, (year, year), reg, label).t(".")
    else:
        s.t(f"{reg}'s {label.removeprefix('the ')} {rng.choice(['reached', 'totalled', 'amounted to', 'hit'])} ")
        s.f(quote, "money", value, cur, q, (year, year), reg, label).t(f" {phrase}.")
    return s


def s_growth(rng, ctx):
    label = rng.choice(GROWTH_METRICS)
    year = (ctx.pub.year if ctx.pub else 2021) - rng.randint(1, 6)
    pct = _mantissa(rng, 0.3, 25, 1)
    reg = ctx.region
    s = Sentence().t(f"In {year}, {label} in {reg} {rng.choice(['rose', 'grew', 'increased', 'fell', 'dropped'])} ")
    # A change over the year before spans both years only where the base year is named
    # ("compared with 2020", as the dev set's convention); "year on year" leaves it open.
    base = rng.choice([" from a year earlier", f" compared with {year - 1}", " year on year"])
    period = (year - 1, year) if base.startswith(" compared") else (None, None)
    s.f(percent_text(rng, pct), "percent", pct, "%", "exact", period, reg, f"growth of {label}")
    s.t(base)
    if rng.random() < 0.5:
        label2, cur, lo, hi = rng.choice(MONEY_METRICS)
        quote, value = money(rng, cur, rng.uniform(lo, hi))
        s.t(f", while {label2} {rng.choice(['reached', 'totalled'])} ")
        s.f(quote, "money", value, cur, "exact", (year, year), reg, label2)
    return s.t(".")


def s_per_person(rng, ctx):
    label, lo, hi = rng.choice(PER_PERSON_METRICS)
    phrase, year = when(rng, ctx, allow_relative=False)
    v = _mantissa(rng, lo, hi, 0)
    quote = rng.choice([f"{_digits(v)} yuan", f"RMB{_digits(v)}", f"{_digits(v)} yuan"])
    reg = rng.choice(ctx.regions)
    s = Sentence().t(f"{phrase[0].upper()}{phrase[1:]}, {label} in {reg} was ")
    s.f(quote, "money", v, "CNY", "exact", (year, year), reg, label)
    if rng.random() < 0.5:
        pct = _mantissa(rng, 20, 95, 0)
        s.t(", or ").f(percent_text(rng, pct), "percent", pct, "%", "exact", (year, year), reg,
                       f"{label} relative to the national average")
        s.t(" of the national average")
    return s.t(".")


def s_conversion(rng, ctx):
    per = rng.random() < 0.6
    v = _mantissa(rng, 800, 9_000, 0) if per else _mantissa(rng, 1, 900, rng.choice([0, 1]))
    # Newspapers convert at the day's rate: within 1 % of the year's average (fx_rates.csv).
    rate = Decimal(str(round(ctx.cny_per_usd * rng.uniform(0.99, 1.01), 4)))
    if per:
        yuan_q, yuan_v = f"{_digits(v)} yuan", v
        usd_v = (v / rate).quantize(Decimal(1))
        usd_q = f"US${_digits(usd_v)}"
    else:
        scale = rng.choice(["million", "billion"])
        mult = Decimal(10) ** (6 if scale == "million" else 9)
        yuan_q, yuan_v = f"{_digits(v)} {scale} yuan", v * mult
        usd_m = (v / rate).quantize(Decimal("0.1"))
        if usd_m < 1:
            usd_m = Decimal("1")
        usd_q, usd_v = f"US${_digits(usd_m)} {scale}", usd_m * mult
    phrase, year = when(rng, ctx)
    reg = ctx.region
    what = rng.choice(["a one-off subsidy of", "an annual allowance of", "a relocation grant of"]) if per \
        else rng.choice(["a fund of", "a budget of", "loans worth"])
    metric = what.split(" of")[0].replace("a ", "").replace("an ", "").replace(" worth", "")
    s = Sentence().t(f"Authorities in {reg} set aside {what} ")
    s.f(yuan_q, "money", yuan_v, "CNY", "exact", (year, year), reg, metric).t(" (")
    s.f(usd_q, "money", usd_v, "USD", "exact", (year, year), reg, metric).t(f") {phrase}")
    return s.t(rng.choice([".", " for each household.", ", according to local media."]) if per else ".")


def s_range_money(rng, ctx):
    label, cur, lo, hi = rng.choice(MONEY_METRICS)
    _, a, b = span(rng, ctx)
    scale_word, scale = rng.choice([("billion", Decimal(10) ** 9), ("million", Decimal(10) ** 6)])
    lo_v = _mantissa(rng, 10, 500, 2)
    hi_v = (lo_v * Decimal(str(round(rng.uniform(1.1, 2.5), 3)))).quantize(Decimal("0.01"))
    reg = ctx.region
    unit_after = {"CNY": " yuan", "USD": " US dollars"}[cur]
    s = Sentence().t(f"{reg}'s {label.removeprefix('the ')} {rng.choice(['rose', 'climbed', 'grew'])} from ")
    if rng.random() < 0.5:  # the currency once, after the second end, applies to both
        s.f(f"{_digits(lo_v)} {scale_word}", "money", lo_v * scale, cur, "exact", (a, a), reg, label)
        s.t(f" in {a} to ")
        s.f(f"{_digits(hi_v)} {scale_word}{unit_after}", "money", hi_v * scale, cur, "exact", (b, b), reg, label)
        s.t(f" in {b}.")
    else:
        s.f(money_text(rng, cur, _digits(lo_v), scale_word), "money", lo_v * scale, cur, "exact", (a, a), reg, label)
        s.t(f" in {a} to ")
        s.f(money_text(rng, cur, _digits(hi_v), scale_word), "money", hi_v * scale, cur, "exact", (b, b), reg, label)
        s.t(f" in {b}.")
    return s


def s_span_total(rng, ctx):
    label, cur, lo, hi = rng.choice(MONEY_METRICS)
    phrase, a, b = span(rng, ctx)
    quote, value = money(rng, cur, rng.uniform(lo, hi) * (b - a))
    quote, q = qualify(rng, quote, 0.6)
    reg = ctx.region
    s = Sentence().t(f"{phrase[0].upper()}{phrase[1:]}, {rng.choice(['the central government', 'coastal provinces', 'state-owned banks'])} ")
    s.t(f"{rng.choice(['poured', 'channelled', 'invested'])} ")
    s.f(quote, "money", value, cur, q, (a, b), reg, label).t(f" into {reg}.")
    return s


def s_percent_level(rng, ctx):
    label = rng.choice(PERCENT_METRICS)
    phrase, year = when(rng, ctx)
    pct = _mantissa(rng, 1, 80, rng.choice([0, 1]))
    quote, q = qualify(rng, percent_text(rng, pct), 0.25)
    reg = ctx.region
    s = Sentence().t(f"{label[0].upper()}{label[1:]} in {reg} {rng.choice(['was', 'stood at', 'reached'])} ")
    return s.f(quote, "percent", pct, "%", q, (year, year), reg, label).t(f" {phrase}.")


def s_points(rng, ctx):
    label = rng.choice(PERCENT_METRICS)
    year = (ctx.pub.year if ctx.pub else 2021) - rng.randint(1, 5)
    pp = _mantissa(rng, 0.1, 6, 1)
    to = _mantissa(rng, 5, 70, 1)
    reg = ctx.region
    s = Sentence().t(f"In {year}, {label} in {reg} {rng.choice(['rose', 'fell'])} by ")
    s.f(f"{pp} percentage points", "percent", pp, "pp", "exact", (None, None), reg, f"change in {label}")
    s.t(" to ").f(percent_text(rng, to), "percent", to, "%", "exact", (year, year), reg, label)
    return s.t(".")


def s_pct_range(rng, ctx):
    a = _mantissa(rng, 1, 8, 0)
    b = a + _mantissa(rng, 1, 4, 0)
    reg = ctx.region
    label = rng.choice(GROWTH_METRICS)
    year = ctx.pub.year if ctx.pub else None
    s = Sentence().t(f"The {reg} government expects {label} to grow by between ")
    s.f(f"{a}", "percent", a, "%", "exact", (year, year), reg, f"growth target for {label}")
    s.t(" and ").f(f"{b} per cent", "percent", b, "%", "exact", (year, year), reg, f"growth target for {label}")
    return s.t(" this year.")


def s_count(rng, ctx):
    noun, lemma, lo, hi = rng.choice(COUNT_NOUNS)
    v = _mantissa(rng, lo, hi, 0)
    phrase, year = when(rng, ctx)
    reg = ctx.region
    if v >= 1_000_000 and rng.random() < 0.6:
        m = (v / Decimal(10) ** 6).quantize(Decimal("0.1"))
        v, num = m * Decimal(10) ** 6, f"{m} million"
    else:
        num = _digits(v)
    quote, q = qualify(rng, f"{num} {noun}", 0.4)
    people = lemma in ("employee", "worker", "official", "teacher", "doctor")
    lead = rng.choice([None, f"Officials in {reg} said it had reached ",
                       f"Local firms in {reg} hired " if people else f"Statistics from {reg} counted "])
    s = Sentence().t(lead or "The programme covered ")
    return s.f(quote, "quantity", v, lemma, q, (year, year), reg if lead else None, noun).t(f" {phrase}.")


def s_company(rng, ctx):
    company = rng.choice(COMPANIES)
    v = _mantissa(rng, 200, 12_000, 0)
    city = rng.choice(ctx.regions)
    s = Sentence().t(f"{company}, which opened its plant in {city} in {rng.randint(2005, 2015)}, employs ")
    s.f(f"{_digits(v)} {rng.choice(['employees', 'people'])}", "quantity", v, "employee", "exact",
        (None, None), city, "employees")
    if rng.random() < 0.5:
        quote, value = money(rng, "CNY", rng.uniform(1e8, 3e10))
        s.t(" and reported sales revenue of ").f(quote, "money", value, "CNY", "exact", (None, None), None,
                                                 "sales revenue")
    return s.t(".")


def s_duration(rng, ctx):
    s = Sentence()
    choice = rng.randrange(3)
    if choice == 0:
        n = rng.choice([6, 12, 18, 24, 30, 36])
        s.t("The ").f(f"{n}-month", "quantity", Decimal(n), "month", "exact", (None, None), None, "project duration")
        s.t(f" project in {ctx.region} is due to finish next year.")
    elif choice == 1:
        n = rng.choice([3, 5, 8, 10, 11, 15, 20])
        s.t("Over the past ").f(f"{n} years", "quantity", Decimal(n), "year", "exact", (None, None), None,
                                 "duration of the programme")
        s.t(f", the programme has reshaped {ctx.region}'s towns.")
    else:
        n = rng.choice([2, 3, 4, 5])
        s.t("Workers are typically signed to ").f(f"{WORD_NUMBERS[n]}-year", "quantity", Decimal(n), "year",
                                                  "exact", (None, None), None, "contract length")
        s.t(" contracts.")
    return s


def s_physical(rng, ctx):
    unit_text, lemma, lo, hi, what = rng.choice(PHYSICAL)
    v = _mantissa(rng, lo, hi, rng.choice([0, 0, 1]))
    phrase, year = when(rng, ctx)
    reg = ctx.region
    if v >= 1_000_000:
        m = (v / Decimal(10) ** 6).quantize(Decimal("0.1"))
        v, num = m * Decimal(10) ** 6, f"{m} million"
    else:
        num = _digits(v)
    quote, q = qualify(rng, f"{num} {unit_text}", 0.3)
    s = Sentence().t(f"{reg} {rng.choice(['added', 'completed', 'produced', 'reclaimed'])} ")
    return s.f(quote, "quantity", v, lemma, q, (year, year), reg, f"{lemma} {what}").t(f" {what} {phrase}.")


def s_number_words(rng, ctx):
    reg = ctx.region
    n = rng.choice([2, 3, 4, 5, 6, 8, 10, 12, 20])
    choice = rng.randrange(3)
    s = Sentence()
    if choice == 0:
        s.t("The scheme has drawn ").f(f"{WORD_NUMBERS[n]} million visitors", "quantity", Decimal(n) * 10 ** 6,
                                         "visitor", "exact", (None, None), reg, "visitors")
        s.t(f" to {reg}.")
    elif choice == 1:
        s.t("The city will spend ").f("half a billion yuan", "money", Decimal(5) * 10 ** 8, "CNY", "exact",
                                       (None, None), reg, "spending")
        s.t(f" on water projects in {reg}.")
    else:
        s.t("A ").f("dozen", "quantity", Decimal(12), "company", "exact", (None, None), reg, "companies")
        s.t(f" companies from the east have opened offices in {reg}.")
    return s


def s_foreign(rng, ctx):
    cur = rng.choice(["HKD", "EUR", "GBP", "USD"])
    phrase, year = when(rng, ctx)
    quote, value = money(rng, cur, rng.uniform(5e7, 5e10))
    quote, q = qualify(rng, quote, 0.3)
    who = {"HKD": "Hong Kong investors", "EUR": "European companies", "GBP": "British firms",
           "USD": "American funds"}[cur]
    s = Sentence().t(f"{who} committed ")
    return s.f(quote, "money", value, cur, q, (year, year), None, f"investment by {who}").t(
        f" to projects in {ctx.region} {phrase}.")


FIGURE_PATTERNS = [(s_level, 5), (s_growth, 4), (s_per_person, 3), (s_conversion, 2),
                   (s_range_money, 2), (s_span_total, 2), (s_percent_level, 3), (s_points, 1),
                   (s_pct_range, 1), (s_count, 4), (s_company, 1), (s_duration, 2),
                   (s_physical, 2), (s_number_words, 1), (s_foreign, 2)]


# ---------------------------------------------------------------- non-figures

SUBJECTS = ["Local officials", "The provincial government", "Economists at a Beijing think tank",
            "Business owners", "Analysts", "State media", "Foreign diplomats", "Researchers"]
VERBS = ["have argued", "said", "warned", "insisted", "noted", "acknowledged"]
CLAIMS = ["that {r} would benefit from closer ties with the coast",
          "that investment in {r} had shifted from roads to factories",
          "that growth in {r} depended on continued support from Beijing",
          "that the programme in {r} had created jobs but also empty buildings",
          "that consumer confidence in {r} remained fragile",
          "that {r} needed more private investment to sustain its recovery",
          "that land sales in {r} had slowed markedly",
          "that the labour market in {r} had tightened"]


def prose(rng: random.Random, ctx: Ctx) -> str:
    """A figure-free sentence, fixed or composed around a region name."""
    if rng.random() < 0.4:
        return rng.choice(PROSE)
    claim = rng.choice(CLAIMS).format(r=rng.choice(ctx.regions))
    s = f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {claim}"
    if rng.random() < 0.3:
        s += f", {rng.choice(['citing official data', 'pointing to recent surveys', 'though details were scarce'])}"
    return s + "."

def distractor(rng: random.Random, ctx: Ctx) -> str:
    y = ctx.pub.year if ctx.pub else 2021
    d = rng.randint(1, 28)
    month = rng.choice(MONTHS)
    options = [
        f"The report was released on {month} {d}, {y}.",
        f"The figures were published on {d} {month} by the statistics bureau.",
        f"Officials met in {ctx.region} at {rng.randint(8, 11)}:{rng.choice(['00', '15', '30'])}am on {rng.choice(['Monday', 'Tuesday', 'Thursday'])}.",
        f"It was the {rng.choice(ORDINALS)} round of the programme.",
        f"The {rng.choice(['13th', '14th'])} Five-Year Plan sets out the priorities for {ctx.region}.",
        "The G20 summit and the COVID-19 pandemic dominated the agenda.",
        f"Flight MU{rng.randint(2000, 9999)} was the only direct link to the region at the time.",
        f"Article {rng.randint(10, 60)} of the regulation covers subsidies.",
        f"The {rng.choice(ORDINALS)} phase of Highway G{rng.randint(10, 99)} opened on {month} {d}.",
        f"{rng.choice(REPORTERS)} reported from {rng.choice(ctx.regions)}.",
    ]
    return rng.choice(options)


# ---------------------------------------------------------------- articles

def load_regions(tables_dir: Path) -> list[tuple[str, str]]:
    path = tables_dir / "regions.csv"
    if not path.is_file():
        print(f"warning: {path} not found; using {len(FALLBACK_REGIONS)} built-in region names",
              file=sys.stderr)
        return list(FALLBACK_REGIONS)
    with path.open(encoding="utf-8-sig", newline="") as fh:
        rows = [r for r in csv.DictReader(fh) if (r.get("name") or "").strip()]
    if not rows:
        raise SystemExit(f"{path}: no region rows")
    parent = {r["name"].strip(): (r.get("parent") or "").strip() for r in rows}

    def in_china(name: str) -> bool:
        seen = set()
        while name and name not in seen:
            if name == "China":
                return True
            seen.add(name)
            name = parent.get(name, "")
        return False

    # The corpus is news about China's regional economy: its places are China and the
    # gazetteer's places inside China (the parent chain reaches China).
    china = sorted((n, (r.get("level") or "").strip()) for r in rows
                   if in_china(n := r["name"].strip()))
    if not china:
        raise SystemExit(f"{path}: no region whose parent chain reaches China")
    return china


def pick_pub_date(rng: random.Random) -> tuple[date | None, str | None, str]:
    """(date used to resolve relative phrases, pub_date string, precision)."""
    r = rng.random()
    if r < 0.05:
        return None, None, "unknown"
    d = date(2016, 1, 1) + timedelta(days=rng.randrange(365 * 9))
    if r < 0.10:
        return d, f"{d.year}", "year"
    if r < 0.15:
        return d, f"{d.year}-{d.month:02d}", "month"
    return d, d.isoformat(), "day"


def load_usd_rates(tables_dir: Path) -> dict[int, float]:
    """CNY per USD by year from fx_rates.csv (empty if the table is not there)."""
    path = tables_dir / "fx_rates.csv"
    if not path.is_file():
        return {}
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return {int(r["year"]): float(r["cny_per_unit"]) for r in csv.DictReader(fh)
                if r.get("currency") == "USD" and r.get("year", "").isdigit()}


def article(seed: int, i: int, regions: list[tuple[str, str]], usd_rates: dict[int, float] | None = None
            ) -> tuple[str, dict, list[dict], str | None, bool]:
    """(text, articles.csv row, gold figures, pub_date, has a metadata row) of article i."""
    rng = random.Random(f"newsfigures-bench:{seed}:{i}")
    pub, pub_str, precision = pick_pub_date(rng)
    has_meta = pub is not None
    names = [n for n, _ in regions]
    main = rng.choice(names)
    others = tuple(sorted(set(rng.sample(names, min(4, len(names))) + [main])))
    rates = usd_rates or {}
    year = pub.year if pub else max(rates, default=0)
    # without a curated rate for the year, a plausible one (the text is synthetic anyway)
    ctx = Ctx(pub, main, others, rng.choice(["USD", "USD", "HKD", "EUR"]),
              rates.get(year) or rates.get(year - 1) or 6.8)

    topic = rng.choice(["economy", "investment drive", "jobs push", "poverty relief",
                        "infrastructure spending", "trade slowdown", "consumer recovery"])
    title = f"{main}'s {topic} {rng.choice(['tested by', 'lifted by', 'faces questions over', 'bets on'])} " \
            f"{rng.choice(['Beijing support', 'coastal partners', 'weak demand', 'new factories', 'tourism'])}"
    head = [rng.choice(["Advertisement", "Advertisement", "Economy"]), main, "Get more with myNEWS",
            "A personalised news feed of stories that matter to you", "Learn more", "", title, "",
            f"By {rng.choice(REPORTERS)}", ""]
    text_parts: list[str] = ["\n".join(head) + "\n"]
    gold: list[dict] = []
    pos = len(text_parts[0])
    patterns, weights = zip(*FIGURE_PATTERNS)

    while pos < TARGET_BYTES * rng.uniform(0.8, 1.2):
        para: list[str] = []
        for _ in range(rng.randint(2, 5)):
            if para:
                para.append(" ")
            r = rng.random()
            if r < 0.42:
                s = rng.choices(patterns, weights)[0](rng, ctx)
                base = pos + sum(len(p) for p in para)
                for off, fig in s.figures:
                    gold.append({**fig, "_start": base + off})
                para.append(s.text)
            elif r < 0.82:
                para.append(prose(rng, ctx))
            else:
                para.append(distractor(rng, ctx))
        block = "".join(para) + "\n\n"
        if rng.random() < 0.2:
            block += rng.choice(FURNITURE) + "\n\n"
        if rng.random() < 0.1:
            block += f"0{rng.randint(1, 9)}:{rng.randint(10, 59)}\n\n{main} officials tour new industrial park\n\n"
        text_parts.append(block)
        pos += len(block)
    text = "".join(text_parts)
    for fig in gold:  # exact by construction; a failure here is a bug in a pattern
        start = fig.pop("_start")
        assert text[start:start + len(fig["quote"])] == fig["quote"], (i, fig)
    row = {"path": f"bench-{i:06d}.txt", "title": title, "publisher": rng.choice(PUBLISHERS),
           "url": "", "pub_date": pub_str or "", "pub_date_precision": precision,
           "source": f"bench/corpus.py synthetic article (seed {seed}, article {i}); not real news"}
    return text, row, gold, pub_str, has_meta


def write_corpus(n: int, seed: int, out: Path, tables_dir: Path = DEFAULT_TABLES,
                 gold_path: Path | None = None) -> dict:
    """Write n articles, the tables and optionally the gold under `out`; return counts."""
    articles_dir, out_tables = out / "articles", out / "tables"
    if articles_dir.exists():
        shutil.rmtree(articles_dir)
    articles_dir.mkdir(parents=True)
    out_tables.mkdir(parents=True, exist_ok=True)
    for csv_path in sorted(tables_dir.glob("*.csv")):
        shutil.copyfile(csv_path, out_tables / csv_path.name)
    regions = load_regions(tables_dir)
    usd_rates = load_usd_rates(tables_dir)

    meta_path = out_tables / "articles.csv"
    fieldnames = ARTICLE_FIELDS
    if meta_path.is_file():
        with meta_path.open(encoding="utf-8-sig", newline="") as fh:
            fieldnames = next(csv.reader(fh))
        if set(fieldnames) != set(ARTICLE_FIELDS):
            raise SystemExit(f"{meta_path}: header {fieldnames} is not {ARTICLE_FIELDS}")
    else:
        with meta_path.open("w", encoding="utf-8", newline="") as fh:
            csv.writer(fh).writerow(fieldnames)

    total_bytes = total_figures = 0
    gold_fh = gold_path.open("w", encoding="utf-8") if gold_path else None
    try:
        with meta_path.open("a", encoding="utf-8", newline="") as meta_fh:
            meta = csv.DictWriter(meta_fh, fieldnames=fieldnames)
            for i in range(1, n + 1):
                text, row, gold, pub_str, has_meta = article(seed, i, regions, usd_rates)
                data = text.encode("utf-8")
                (articles_dir / row["path"]).write_bytes(data)
                if has_meta:
                    meta.writerow(row)
                total_bytes += len(data)
                total_figures += len(gold)
                if gold_fh:
                    gold_fh.write(json.dumps({"id": row["path"], "text": text, "pub_date": pub_str,
                                              "figures": gold, "source": row["source"]},
                                             ensure_ascii=False) + "\n")
    finally:
        if gold_fh:
            gold_fh.close()
    return {"articles": n, "bytes": total_bytes, "figures": total_figures, "out": str(out)}


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, required=True, help="number of articles")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--out", type=Path, required=True, help="raw root to write (articles/, tables/)")
    ap.add_argument("--tables", type=Path, default=DEFAULT_TABLES, help="curated tables to copy")
    ap.add_argument("--gold", type=Path, default=None, help="gold JSONL path (default <out>/gold.jsonl)")
    ap.add_argument("--no-gold", action="store_true", help="do not write gold figures")
    args = ap.parse_args(argv)
    if args.n < 1:
        ap.error("--n must be at least 1")
    gold = None if args.no_gold else (args.gold or args.out / "gold.jsonl")
    stats = write_corpus(args.n, args.seed, args.out, args.tables, gold)
    print(f"{stats['articles']:,} articles, {stats['bytes'] / 1e6:.2f} MB, "
          f"{stats['figures']:,} gold figures -> {stats['out']}"
          + (f" (gold: {gold})" if gold else ""))


if __name__ == "__main__":
    main()
