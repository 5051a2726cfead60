"""The figure extraction engine: text (+ publication date) in, ``Figure`` records out.

Pipeline, all over offsets into the raw text (nothing is rewritten):

1. spans that hold no figure (URLs, dates, clock times, year ranges, list numbers) are blocked;
2. every numeral (digits or spelled out) is read outwards: scale words, currency before and
   after, percent words, units, qualifier cues; names, years, ordinals are dropped;
3. neighbours are linked: ranges share currency and scale, converted amounts in brackets
   pair up, "thirteen dollars and forty-five cents" merges;
4. period, region and metric are attached (``periods``, ``regions``, ``metrics``).

>>> [(f.surface, str(f.value), f.unit, f.qualifier) for f in parse_figures(
...     "It invested nearly 30 billion yuan, trained more than 400,000 officials and paid "
...     "4,000 yuan (US$620) per person.")]  # doctest: +NORMALIZE_WHITESPACE
[('nearly 30 billion yuan', '30000000000', 'CNY', 'at_most'),
 ('more than 400,000 officials', '400000', 'official', 'at_least'),
 ('4,000 yuan', '4000', 'CNY', 'exact'),
 ('US$620', '620', 'USD', 'exact')]
"""
from __future__ import annotations

import re
from bisect import bisect_right
from decimal import Decimal
from typing import Sequence

from . import chinese as _chinese
from . import currencies as _currencies
from . import metrics as _metrics
from . import patterns as P
from . import periods as _periods
from . import regions as _regions
from ._cache import by_identity
from ._finder import Finder, matches_at
from ._lexicon import (
    CAPITAL_NON_NAMES,
    CODE_ALIASES,
    DETERMINERS,
    DOLLAR_PREFIXES_SPACED,
    FRACTION_STEMS,
    FRACTION_WORDS,
    FUNCTION_WORDS,
    FX_BASE_CURRENCIES,
    FX_SUBJECT_EXTRA,
    LABEL_WORDS,
    MEASURE_UNITS,
    MINOR_UNITS,
    MONTHS,
    QUALIFIER_PREFIX,
    QUALIFIER_SUFFIX,
    SCALE_ABBR,
    SCALE_WORDS_AFTER_DIGITS,
    TIME_UNITS,
    UNIT_WORDS,
    USD_QUOTED_RATES,
    YEAR_PREVS,
    YEARLY_NOUNS,
)
from .cues import with_cues
from .currencies import DOLLAR_PREFIXES, SYMBOLS
from .currencies import NAMES as CURRENCY_NAMES
from .numerals import digits_re, is_plural, lemma, parse_digits, spelled_numbers
from .record import NO_PERIOD, Figure, MetricDef, Reading, Region
from .sentences import SentenceIndex

EXTRACTOR_VERSION = "0.5.9"  # 0.5.9: a level before its change keeps its own period; Chinese 两年均, 如今, 本年 as the report's year, year heading lines, 上年结余 this year's; a trading country's partners no regions, ISO subdivisions by their English names and numbers (Canary Islands, Region XI), Vietnamese places without tone marks, datelines with two agencies; "over the level of 2023"; bracketed labels "(H1 2024: X)" date their bracket only; Chinese places written one after another name the last, section headings date their sections, congress sessions no counts; US states' own fiscal years (NASBO); an undated text's relative dates read for an unknown year (English and Chinese); a state's own offices named by its place, central banks "of" a country, national budgets known by their currency (a country's own code even where CLDR lists another first), title-case datelines with agency tags, no three-capital acronyms as places; 0.5.8: title-case codes, Frw, Nu, Gulf letter signs, capitals as country cues, Bn/Tn, meticais, "p.p.", "one-half of a per cent", "is estimated at" exact, "within"; "compared with the previous year", fronted comparisons, "the same period in 2019", changes between compared levels, "since May 2020, when", weekdays for their sentence, causes and relative clauses, pledges "in five years", records "the sixth loss in seven years", a quarterly report's name; datelines of several cities or after an agency tag, central banks, publishers, venues and causes no region, ranges share a place; Chinese thousands separators, 个千分点, 由/从…调整为, price base years, autonomous counties in pinyin; 0.5.7: a change "on" a year, decades ago, "compared to the", "above the N% recorded in", "its March quarter", months of "FY25", 1H25/3Q24/9M24, spoken decimals, a relative clause's year, "the previous fiscal year"; riyals by country; a dollar country's government, Dh, the country of an unnamed national treasury; Chinese parts of a year with their days, traditional characters, short city names in their province; 0.5.6: typed stages; lists paired by "respectively", bracketed figures after places, bulleted items, the full year, N weeks ended, the same period last year, fiscal quarters, budgets named by year, undated fiscal reports; Rs by institutions, cr, pp in words, rand and dirham by country; Chinese report periods and counties the gazetteer lacks (pinyin); 0.5.5: fiscal calendars of 41 countries (a table with sources), parts and months of fiscal years, named bases after a dated change, listings name the dollar, lone foreign regions, compound amounts, Bikram Sambat, text cues for claims; Chinese undated reviews, counties named after cities, 分别, pairing aid; 0.5.4: bases of changes, appositive fiscal years, fractions, "tr", euro cents; 0.5.3: regions of stories that open on a federal budget, asides, remittances, the dollar, 全市/全省; 0.5.2: regions carry over only where a sentence points back, periods of bases, weekdays, windows; 0.5.1: periods; 0.5.0: Chinese text, periods with days and granularity; 0.4.0: world gazetteer, every currency

_ONE = Decimal(1)


class Cand:
    """A figure under construction (mutable; becomes a frozen ``Figure`` at the end)."""

    __slots__ = ("start", "end", "cs", "ce", "mantissa", "scale", "value", "kind", "unit",
                 "qual", "word", "unit_kind", "sent", "link", "link_type", "soft_drop", "minor",
                 "cur_name", "ne", "has_cue")

    def __init__(self, cs: int, ce: int, mantissa: Decimal, word: bool):
        self.cs, self.ce = cs, ce
        self.start, self.end = cs, ce
        self.mantissa = mantissa
        self.scale = _ONE
        self.value = mantissa
        self.kind = "quantity"
        self.unit: str | None = None
        self.unit_kind: str | None = None  # percent / money / measure / time / times / noun
        self.qual = "exact"
        self.has_cue = False
        self.word = word
        self.sent = 0
        self.link: Cand | None = None
        self.link_type: str | None = None
        self.soft_drop = False
        self.minor = False
        self.cur_name = False
        self.ne = ce  # end of numeral + scale (before units)

    @property
    def bare(self) -> bool:
        return self.unit_kind is None

    def __repr__(self) -> str:  # pragma: no cover - debugging aid
        return f"Cand({self.start},{self.end},{self.value},{self.kind},{self.unit},{self.qual})"


# ---------------------------------------------------------------------------------------------
# public entry point
# ---------------------------------------------------------------------------------------------
def parse_figures(text: str, pub_date: str | None = None, *, regions: Sequence[Region] = (),
                  metrics: Sequence[MetricDef] = (),
                  ignore: Sequence[tuple[int, int]] = ()) -> list[Figure]:
    """Every numeric figure in ``text``, sorted by start offset.

    ``pub_date`` ('YYYY', 'YYYY-MM', 'YYYY-MM-DD' or None) resolves relative dates;
    ``regions``/``metrics`` are the gazetteer and metric lexicon (see ``regions_from_rows``,
    ``metrics_from_rows``); no figure starts inside an ``ignore`` span.
    """
    if not isinstance(text, str) or not text.strip():
        return []
    if _chinese.is_chinese(text):  # README_zh: the same records, read by the Chinese reader
        return _freeze(text, _chinese.parse(text, pub_date, regions=regions, metrics=metrics, ignore=ignore))
    # a wire story wrapped at a fixed width ("projects a\nbudget deficit ... in the new\nfiscal year")
    # is read as the running lines it is; a space for each break, so every offset stays the text's
    flowing = _WRAPPED_BREAK_RE.sub(" ", text) if "\n" in text else text
    return _freeze(text, _read_english(flowing, pub_date, regions=regions, metrics=metrics, ignore=ignore))


_WRAPPED_BREAK_RE = re.compile(r"(?<=[A-Za-z,])\n(?=[a-z])")


def _read_english(text: str, pub_date: str | None = None, *, regions: Sequence[Region] = (),
         metrics: Sequence[MetricDef] = (), ignore: Sequence[tuple[int, int]] = ()) -> Reading:
    """The stages of the English reader: scan and read the numerals into candidates, link
    conversions and ranges, then attach each candidate's place, period and metric."""
    sents = SentenceIndex(text)
    doc = _DocInfo(text)
    cands = _compounds(text, _scan(text, doc, ignore))
    if "point" in text and ("half" in text or "quarter" in text or "Half" in text or "Quarter" in text):
        cands = _fraction_points(text, cands, ignore)
    _signs(text, cands)
    cands = _link(text, cands)
    cands = _drop_per_unit(text, cands)
    cands = [c for c in cands if not (c.soft_drop and c.bare and c.link is None) and _plausible(c)]
    if ignore:  # no figure starts inside an ignored span, not even one a later stage widened to its cue
        ign = _merge(ignore)
        istarts = [a for a, _ in ign]
        cands = [c for c in cands if not _inside(ign, istarts, c.start)]
    for c in cands:
        c.sent = sents.of(c.start)
    # regions first: the place a text is about sets the fiscal calendar of its periods
    places = _regions.regions_of(text, sents, cands, regions)
    country = _periods.fiscal_country([places[c] for c in cands], _parents(regions)) if regions else None
    return Reading(cands, places, _periods.periods_of(text, sents, cands, pub_date, country),
                   _metrics.metrics_of(text, sents, cands, metrics, regions))


@by_identity
def _parents(regions: tuple[Region, ...]) -> dict[str, str]:
    return {r.name: r.parent for r in regions if r.parent}


_MINUS_BEFORE_RE = re.compile(r"(?<![\w-])(?:minus|negative)[ \t]+$", re.I)


def _signs(text: str, cands: list) -> None:
    """"minus five percent": a signed figure."""
    if "minus" not in text and "negative" not in text and "Minus" not in text and "Negative" not in text:
        return
    for c in cands:
        m = _MINUS_BEFORE_RE.search(text, max(0, c.start - 12), c.start)
        if m and c.value > 0 and c.qual == "exact":
            c.value, c.mantissa, c.start = -c.value, -c.mantissa, m.start()


_COMPOUND_GAP_RE = re.compile(r"[ \t]+(?:and[ \t]+)?")
_RANGE_LEAD_RE = re.compile(r"\b(?:between|from)[ \t]+(?:\S+[ \t]+)?$", re.I)


def _compounds(text: str, cands: list) -> list:
    """"Rs 1 trillion 860 billion and 300 million" (as budget speeches in South Asia write amounts):
    one amount, a sum of parts each of a smaller scale than the one before."""
    out: list = []
    last_scale: Decimal | None = None
    for c in cands:
        p = out[-1] if out else None
        if (p is not None and c.bare and c.scale >= 1000 and last_scale is not None and c.scale < last_scale
                and c.mantissa < 1000 and p.end == p.ne and _COMPOUND_GAP_RE.fullmatch(text, p.end, c.start)
                and not _RANGE_LEAD_RE.search(text, max(0, p.start - 12), p.start)):  # "between 3 billion and 500 million"
            p.value += c.value
            p.mantissa = p.value / p.scale
            p.end = p.ne = c.end
            last_scale = c.scale
            continue
        out.append(c)
        last_scale = c.scale if c.scale >= 1000 else None
    return out


# "cut by half a percentage point", "a quarter-point cut", "five quarter point cuts"
# hyphenated, a step of a rate ("the fourth half-point cut", "three-quarter-point"); spaced, not a
# part of a year ("the fourth quarter points to a slowdown")
_FRACTION_POINT_RE = re.compile(
    r"(?<![\w-])(?:(?P<three>[Tt]hree-)?(?P<h>[Hh]alf|[Qq]uarters?)(?:-|(?<=[Tt]hree-quarter)[ ]|(?<=[Tt]hree-quarters)[ ])"
    r"(?:percentage[- ])?points?\b"
    r"|(?<!\bthe )(?<!\bfirst )(?<!\bsecond )(?<!\bthird )(?<!\bfourth )(?<!\bfinal )(?<!\blast )"
    r"(?P<h2>[Hh]alf|[Qq]uarter)(?:[- ](?:of[- ])?a)?[ ](?:percentage[- ])?(?:point\b|points\b(?![ \t]+(?:to|out|at)\b)))")
_FRACTIONS_OF_A_POINT = {"half": Decimal("0.5"), "quarter": Decimal("0.25"), "quarters": Decimal("0.25")}


def _fraction_points(text: str, cands: list, ignore: Sequence[tuple[int, int]]) -> list:
    """A fraction of a percentage point written in words is a figure in pp: "half a percentage
    point" 0.5, "a quarter point" 0.25 (central banks' steps)."""
    ign = _merge(ignore) if ignore else []
    extra = []
    for m in _FRACTION_POINT_RE.finditer(text):
        s, e = m.span()
        if ign and _overlapping(ign, s, e):
            continue
        over = [c for c in cands if c.start < e and s < c.end]
        if any(not (c.unit_kind == "noun" and c.ne <= s) for c in over):
            continue
        for c in over:  # "five quarter point cuts": five cuts, each a quarter point
            c.end = c.ne
        value = _FRACTIONS_OF_A_POINT[(m.group("h") or m.group("h2")).lower()] * (3 if m.group("three") else 1)
        c = Cand(s, e, value, True)
        c.kind, c.unit, c.unit_kind = "percent", "pp", "percent"
        extra.append(c)
    return sorted(cands + extra, key=lambda c: c.start) if extra else cands


def _drop_per_unit(text: str, cands: list) -> list:
    """"64.2 cents a dozen": the per-unit part of a price is no count."""
    drop = set()
    for a, b in zip(cands, cands[1:]):
        if (a.kind == "money" and b.word and b.kind == "quantity" and b.unit_kind is None
                and text[b.cs:b.ce].lower().split()[0] in ("a", "an", "per")
                and not text[a.end:b.start].strip()):
            drop.add(id(b))
    return [c for c in cands if id(c) not in drop] if drop else cands


_MAX_VALUE = Decimal("1e18")
_MAX_DIGITS = 60


def _plausible(c: Cand) -> bool:
    """Codes and serial numbers are not figures: no amount reaches 10^18, no share 10^5 %."""
    v = abs(c.value)
    return v < _MAX_VALUE and (c.kind != "percent" or v <= 100_000)


def _freeze(text: str, reading: Reading) -> list[Figure]:
    cands, places, periods, metrics = reading
    cands.sort(key=lambda c: (c.start, c.end))
    seq = {id(c): i for i, c in enumerate(cands)}
    out = []
    for i, c in enumerate(cands):
        value = c.value
        integral = value.to_integral_value()
        if value == integral:
            value = Decimal(int(integral))
        else:
            value = value.normalize()
            if value.as_tuple().exponent > 0:  # never "3E+8"
                value = value.quantize(_ONE)
        # A partner that did not survive to the output (a malformed other end) leaves no link.
        link_seq = seq.get(id(c.link)) if c.link is not None else None
        p = periods.get(c, NO_PERIOD)
        out.append(Figure(
            seq=i, start=c.start, end=c.end, surface=text[c.start:c.end], sentence=c.sent,
            kind=c.kind, value=value, unit=c.unit or "count", qualifier=c.qual,
            period_start=p.start, period_end=p.end, region=places.get(c), metric=metrics.get(c),
            link_seq=link_seq, link_type=c.link_type if link_seq is not None else None,
            period_granularity=p.granularity, period_first_day=p.first_day, period_last_day=p.last_day,
        ))
    return with_cues(text, out)


class _DocInfo:
    """Document-wide facts the reading of one figure depends on (computed when first asked)."""

    __slots__ = ("text", "_dollar", "_yen", "_ambiguous", "_signs", "_cents")

    _HK_RE = Finder(re.compile(r"\bHong Kong\b|\bHKSAR\b"))
    # the voice of a Hong Kong government paper, where "$" means HK$
    _HK_GOV_RE = re.compile(r"\b(?:Budget|Financial Secretary|Legislative Council|LegCo|Policy Address|"
                            r"revised estimates?|original estimates?|fiscal reserves|salaries tax|"
                            r"profits tax|stamp duty|land premium|HKSAR Government|the Government)\b")
    _US_RE = Finder(re.compile(r"\bU\.?S\.?\b|\bUnited States\b|\bAmerican?\b"))
    _EXPLICIT_DOLLAR_RE = Finder(re.compile(r"HK\s?\$|\bHKD\b|\bUS\s?\$|\bUSD\b|\bU\.S\.\s?\$|US dollars?"))
    # the country, its money, its financial capitals and its central bank ("Sony said in Tokyo")
    _JAPAN_RE = Finder(re.compile(r"\byen\b|\bJapan(?:ese)?\b|\bTokyo\b|\bOsaka\b|\bNikkei\b|\bBOJ\b"), split=True)
    _CHINA_RE = Finder(re.compile(r"\byuan\b|\bChina\b|\bChinese\b|\bRMB\b|\brenminbi\b|\bBeijing\b|\bShanghai\b"
                                  r"|\bShenzhen\b|\bPBOC\b"), split=True)

    def __init__(self, text: str):
        self.text = text
        self._dollar: str | None = None
        self._yen: str | None = None
        self._ambiguous: dict[str, str] = {}
        self._signs: dict[str, str | None] = {}
        self._cents: str | None = None

    def currency(self, code: str) -> str:
        """The ISO code for a currency name: "$" the text's dollar, "?franc" by the text's country."""
        if code == "$":
            return self.dollar
        if code[0] != "?":
            return code
        if code not in self._ambiguous:
            self._ambiguous[code] = _currencies.resolve(code, self.text)
        return self._ambiguous[code]

    def sign(self, sign: str) -> str | None:
        """The currency a letter sign glued to an amount stands for in this text ("R" -> ZAR), if any."""
        if sign not in self._signs:
            self._signs[sign] = _currencies.context_sign(sign, self.text)
        return self._signs[sign]

    @property
    def dollar(self) -> str:
        """A plain "$" is the US dollar unless the text's own currency is another dollar: a Hong
        Kong text that never says which dollar it means (a Hong Kong government paper:
        "$554.6 billion" is HKD), or a text about another dollar country (``text_dollar``)."""
        if self._dollar is None:
            text, self._dollar = self.text, "USD"
            hk = sum(1 for _ in self._HK_RE.finditer(text)) if "Hong Kong" in text or "HKSAR" in text else 0
            if (hk and not self._EXPLICIT_DOLLAR_RE.search(text) and hk > sum(1 for _ in self._US_RE.finditer(text))
                    and self._HK_GOV_RE.search(text)):
                self._dollar = "HKD"
            else:
                self._dollar = _currencies.text_dollar(text)
        return self._dollar

    _EURO_RE = Finder(re.compile(r"€|\beuros?\b|\bEUR\b"))
    _DOLLAR_WORD_RE = Finder(re.compile(r"\$|\bdollars?\b|\bUSD\b"))

    @property
    def cent_currency(self) -> str:
        """Whose cents a bare "cents" are: the euro's in a text of euros that names no dollar,
        else the text's dollar."""
        if self._cents is None:
            text = self.text
            self._cents = "EUR" if (self._EURO_RE.search(text) and not self._DOLLAR_WORD_RE.search(text)) else "$"
            if self._cents == "$" and "$" in text:
                self._cents = _currencies.written_dollar(text) or "$"  # "S$2.8 billion ... 30 cents"
        return self._cents

    @property
    def yen_sign(self) -> str:
        """"¥" is the yuan unless the text is about Japan."""
        if self._yen is None:
            jp = sum(1 for _ in self._JAPAN_RE.finditer(self.text))
            self._yen = "JPY" if jp and jp >= sum(1 for _ in self._CHINA_RE.finditer(self.text)) else "CNY"
        return self._yen


# ---------------------------------------------------------------------------------------------
# 1-2. scanning
# ---------------------------------------------------------------------------------------------
def _blocked(text: str) -> list[tuple[int, int]]:
    spans = [m.span() for m in P.URL_RE.finditer(text)] if ("http" in text or "www." in text) else []
    if "@" in text:
        spans.extend(m.span() for m in P.EMAIL_RE.finditer(text))
    for lo, hi in P.windows(text, P.DIGIT_RUN_RE, 16, 24):
        for m in P.BLOCK_RE.finditer(text, lo, hi):
            _block_one(m, spans)
    if text.count("\n") >= 2:  # furniture: a line holding nothing but a number ("63", "03:36")
        spans.extend(m.span() for m in P.NUMBER_LINE_RE.finditer(text))
    return _merge(spans)


def _block_one(m: re.Match, spans: list) -> None:
    """Keep a blocked span; a year range only when it reads as one ("2014-19", not "2019-15")."""
    if m.lastgroup == "yrange":
        a, b = re.split(r"[ \t]*[-–—‑/][ \t]*", m.group())
        y0, y1 = int(a), int(b)
        if y1 < 100:
            y1 += y0 - y0 % 100
            if y1 < y0:
                y1 += 100
        if not (y0 < y1 <= y0 + 60):
            return
    spans.append(m.span())


def _merge(spans) -> list[tuple[int, int]]:
    """Sorted, non-overlapping spans (so that a bisect finds the one holding a position)."""
    out: list[list[int]] = []
    for s, e in sorted((int(a), int(b)) for a, b in spans if int(b) > int(a)):
        if out and s <= out[-1][1]:
            out[-1][1] = max(out[-1][1], e)
        else:
            out.append([s, e])
    return [(s, e) for s, e in out]


def _overlapping(spans: list[tuple[int, int]], s: int, e: int) -> bool:
    """Does [s, e) overlap one of the merged, sorted ``spans``?"""
    i = bisect_right(spans, (e, -1)) - 1
    return i >= 0 and spans[i][1] > s


def _inside(spans: list[tuple[int, int]], starts: list[int], pos: int) -> bool:
    i = bisect_right(starts, pos) - 1
    return i >= 0 and spans[i][0] <= pos < spans[i][1]


_AND_HALF_RE = re.compile(r"(?:[ \t]+|-)and(?:[ \t]+|-)(?:a|one)(?:[ \t]+|-)half\b(?![ \t]+(?:of|a|an|the)\b)")
# "14-point-87 trillion won", "five-point-seven percent": a decimal read out as broadcasters script it
_DIGIT_WORDS = {**{w: str(n) for w, n in UNIT_WORDS.items() if n < 10}, "oh": "0"}
_SPOKEN_POINT_RE = re.compile(rf"-point-(\d+|(?:{'|'.join(_DIGIT_WORDS)})(?:-(?:{'|'.join(_DIGIT_WORDS)}))*)\b", re.I)


def _numerals(text: str):
    """All numerals in text order: (start, end, value, is_word)."""
    digits = [(m.start(), m.end(), parse_digits(m.group()), False) for m in digits_re(text).finditer(text)]
    words = [(s, e, v, True) for s, e, _, v in spelled_numbers(text)]
    if "-point-" in text:
        digits, words = _spoken_points(text, digits), _spoken_points(text, words)
    if "and a half" in text or "and one half" in text or "and-a-half" in text:  # "two and a half miles"
        for group in (words, digits) if "and-a-half" in text else (words,):
            for i, (s, e, v, w) in enumerate(group):
                m = _AND_HALF_RE.match(text, e)
                if m and v == v.to_integral_value():
                    group[i] = (s, m.end(), v + Decimal("0.5"), w)
    if not words:
        return digits
    merged = sorted(digits + words)
    out, last_end = [], -1
    for item in merged:
        if item[0] >= last_end:
            out.append(item)
            last_end = item[1]
    return out


def _spoken_points(text: str, numerals: list) -> list:
    """Whole numerals followed by "-point-" and their decimals ("15-point-six"), read as one."""
    out = []
    for s, e, v, w in numerals:
        m = _SPOKEN_POINT_RE.match(text, e) if v == v.to_integral_value() else None
        if m:
            decimals = "".join(_DIGIT_WORDS.get(p.lower(), p) for p in m.group(1).split("-"))
            v, e = v + Decimal("0." + decimals), m.end()
        out.append((s, e, v, w))
    return out


def _scan(text: str, doc: _DocInfo, ignore: Sequence[tuple[int, int]]) -> list[Cand]:
    blocked = _blocked(text)
    bstarts = [s for s, _ in blocked]
    ign = _merge(ignore) if ignore else []
    istarts = [s for s, _ in ign]
    cands: list[Cand] = []
    dropped_ends: set[int] = set()
    consumed = -1
    for cs, ce, val, word in _numerals(text):
        if cs < consumed:
            continue
        if blocked and _inside(blocked, bstarts, cs):
            continue
        c = _read(text, cs, ce, val, word, doc)
        if c is None:
            dropped_ends.add(ce)
            continue
        # "ISO 3888-2": the second half of a hyphenated pair whose first half is a name
        if cs >= 2 and text[cs - 1] in "-‑" and text[cs - 2].isdigit() and (cs - 1) in dropped_ends:
            dropped_ends.add(ce)
            continue
        if ign and (_inside(ign, istarts, c.start) or _inside(ign, istarts, cs)):
            continue
        cands.append(c)
        consumed = c.ne if c.unit_kind in (None, "noun") else c.end
    return cands


def _read(text: str, cs: int, ce: int, val: Decimal, word: bool, doc: _DocInfo) -> Cand | None:
    """Read one numeral outwards; None when it is not a figure."""
    # A run of digits this long is no amount (_plausible stops at 10^18), and scaling it
    # would overflow Decimal's exponent (a 1 MB digit run raised decimal.Overflow).
    if val.adjusted() > _MAX_DIGITS:
        return None
    n = len(text)
    before = text[cs - 1] if cs else ""
    # --- glued on the left: "cac40", "COVID-19", "DS-018995", "fb−1"; but "sub-300" ---------
    hy_qual = None
    if before and (before.isalpha() or before in "_#@/\\"):
        # only a currency code may be glued to the digits: "CNY5bn", "RM5 million", "Rs500"
        if not (before.isalpha() and (P.CODE_GLUED_RE.search(text, max(0, cs - 5), cs)
                                      or _context_sign(text, cs, doc))):
            return None
    if before in "-‑−" and cs >= 2 and text[cs - 2].isalpha() \
            and not P.GLUED_SCALE_END_RE.search(text, max(0, cs - 9), cs - 1):  # not "1.2m-1.5m"
        m = P.QUALIFIER_PREFIX_FIND.search(text, max(0, cs - 8), cs)
        if m and (m.group("sub") or m.group("over")):
            hy_qual = "at_most" if m.group("sub") else "at_least"
        else:
            return None
    if before == "." and cs >= 2 and text[cs - 2].isalnum() and not P.CODE_GLUED_RE.search(text, max(0, cs - 5), cs):
        return None  # "v1.2", "No.1"; but "Rs.500"
    c = Cand(cs, ce, val, word)
    pos = ce
    # version numbers, IP addresses: "1.2.3"; tickers "(0700.HK)"
    if not word and pos < n and text[pos] == "." and pos + 1 < n and (
            text[pos + 1].isdigit() or P.TICKER_SUFFIX_RE.match(text, pos)):
        return None
    # --- scale ------------------------------------------------------------------------------
    pre = _currency_prefix(text, cs, doc)
    if not word:
        m = P.POWER_RE.match(text, pos)
        if m:
            exp = int((m.group(1) or m.group(2)).replace("−", "-"))
            c.mantissa = c.mantissa.scaleb(exp)
            pos = m.end()
        m = P.MIXED_FRACTION_RE.match(text, pos)  # "2 1/2", "35 3/8" (old stock quotes)
        if m:
            num, den = int(m.group(1)), int(m.group(2))
            if 0 < num < den and den in (2, 3, 4, 8, 16, 32, 64):
                c.mantissa = c.mantissa + Decimal(num) / Decimal(den)
                pos = m.end()
        pos = _read_scale(text, c, pos, pre is not None)
        if pre is not None and pre[1] == cs - 1 and c.scale == 1 and ce - cs < 3 and text[cs - 1].isalpha():
            return None  # "R2", "N95": a letter sign needs more than a short number (a name)
    c.ne = pos
    # glued on the right: ordinals ("10th"), decades ("1970s"), codes ("5G", "3D")
    if pos < n and text[pos].isalpha():
        if not (P.PERCENT_RE.match(text, pos) or P.MEASURE_GLUED_RE.match(text, pos)
                or P.MINOR_UNIT_RE.match(text, pos) or P.TIMES_RE.match(text, pos)
                or P.CURRENCY_SYMBOL_SUFFIX_RE.match(text, pos)):  # "100元"
            return None
    # --- currency before ----------------------------------------------------------------------
    left = cs
    if pre is not None:
        code, left, _ = pre
        c.kind, c.unit, c.unit_kind = "money", code, "money"
    # sign
    if left >= 1 and text[left - 1] in P.SIGN_CHARS and (left < 2 or text[left - 2] in P.SIGN_LEADS):
        if text[left - 1] != "+":
            c.mantissa = -c.mantissa
        left -= 1
    c.start = left
    # --- units after ---------------------------------------------------------------------------
    pos = _read_unit(text, c, pos, doc)
    if pos is None:
        return None
    if c.unit_kind is None and c.scale == 1 and text.startswith(P.FX_LEADS, pos + 1):
        pos = _fx_rate(text, c, pos, doc)
    if c.unit_kind is None and c.scale > 1 and P.INDIAN_SCALE_RE.search(text, c.ce, c.ne):
        # "210 crores", "Rs" left unsaid: crores and lakhs of nothing named are rupees
        c.kind, c.unit, c.unit_kind = "money", "INR", "money"
    c.value = c.mantissa * c.scale
    # --- rate ("/day", "per person", "a share") ------------------------------------------------
    if c.unit_kind in ("money", "noun", "measure", None):
        m = P.RATE_RE.match(text, pos)
        if m and (c.unit_kind != "noun" or m.group("w") in ("day", "year", "month", "week")) \
                and not P.RELATIVE_TIME_AFTER_RE.match(text, m.end()):  # not "8.4 million a year earlier"
            pos = m.end()
            if pre is not None and pre[2] and m.group("w") in USD_QUOTED_RATES:
                c.unit = "USD"
    # --- qualifiers -----------------------------------------------------------------------------
    lo = max(0, left - 24)
    m = (P.QUALIFIER_PREFIX_FIND.search(text, lo, left)
         if _may_follow_cue(text, left) and P.qualifier_may_end(text, lo, left) else None)
    if hy_qual:
        c.qual, c.has_cue = hy_qual, True
    elif m:
        if m.group("cue"):
            cue = " ".join(m.group("cue").lower().split())
            q = QUALIFIER_PREFIX.get(cue)
            if (cue == "over" and c.unit_kind == "time"
                    and not P.OVER_DURATION_RE.search(text, max(0, m.start() - 12), m.start())):
                q = None  # "doubled over five years": during, not more than
            if cue == "below" and re.search(r"\bliv(?:e|es|ed|ing)\s+$", text[max(0, m.start() - 8):m.start()]):
                q = None  # "living below $6.85/day": a threshold, not an amount
            if q and q != "exact" and not (cue == "some" and c.word and c.value < 2):
                c.qual, c.has_cue = q, True
                c.start = m.start("cue")
        elif m.group("bridge"):
            c.qual, c.has_cue = "at_most", True
        elif m.group("top"):
            c.qual, c.has_cue = "at_least", True
    m = P.QUALIFIER_SUFFIX_RE.match(text, pos)
    if m:
        cue = (m.group("cue") or m.group("glued") or "").lower()
        cue = " ".join(cue.split())
        q = QUALIFIER_SUFFIX.get(cue)
        if q and not (cue in ("plus", "odd") and c.unit_kind is not None):
            if c.qual == "exact":
                c.qual, c.has_cue = q, True
            pos = m.end()
    c.end = pos
    if not _keep(text, c, word):
        return None
    return c


def _fx_rate(text: str, c: Cand, pos: int, doc: _DocInfo) -> int:
    """"The rupee closed at 83.2 per dollar": an exchange rate is money in the currency whose
    rate it is, named before it in the sentence and other than the one it is quoted against."""
    m = P.FX_QUOTE_RE.match(text, pos)
    if m is None:
        return pos
    lo = max(0, c.start - 80)
    lo = max(lo, text.rfind(".", lo, c.start) + 1, text.rfind("\n", lo, c.start) + 1)
    last = None
    for s in P.FX_SUBJECT_RE.finditer(text, lo, c.start):
        last = s
    if last is None:
        return pos
    w = " ".join(last.group("w").lower().split())
    code = doc.currency(CURRENCY_NAMES.get(w) or FX_SUBJECT_EXTRA[w])
    quote = " ".join(m.group("w").lower().split())
    quote_code = doc.currency(CURRENCY_NAMES.get(quote, "USD" if quote == "greenback" else "$"))
    if code == quote_code:
        return pos
    if code in FX_BASE_CURRENCIES and text.startswith("against", m.start() + 1):
        code = quote_code  # "sterling at 1.27 against the dollar": dollars per pound
    c.kind, c.unit, c.unit_kind = "money", code, "money"
    return m.end()


def _may_follow_cue(text: str, pos: int) -> bool:
    """Could a qualifier cue ("about", "more than", "~", "sub-") end right before ``pos``?"""
    j = pos - 1
    while j >= 0 and text[j] in " \t\u00a0":
        j -= 1
    return j >= 0 and (text[j].isalpha() or text[j] in "~.-‑")


def _currency_prefix(text: str, cs: int, doc: _DocInfo) -> tuple[str, int, bool] | None:
    """(ISO code, start offset, is it a bare "$") of a currency written before the number at ``cs``."""
    lo = max(0, cs - 12)
    # the sign may stand between currency and number: "$-5"; rare, ignored
    m = P.CURRENCY_PREFIX_FIND.search(text, lo, cs) if P.currency_may_end(text, lo, cs) else None
    if not m:
        return _context_sign(text, cs, doc) if P.context_sign_may_end(text, cs) else None
    if m.group("dollar"):
        dpre = m.group("dpre")
        code = doc.dollar
        start = m.start("dollar")
        if dpre:
            spaced = m.end("dpre") < m.start("dollar")
            key = _prefix_key(dpre)
            if key is not None and (not spaced or key in DOLLAR_PREFIXES_SPACED):
                code = DOLLAR_PREFIXES[key]
                start = m.start("dpre")
        if m.group("post"):
            code = "USD"
        return code, start, start == m.start("dollar") and not m.group("post")
    if m.group("sym"):
        sym = m.group("sym")
        code = SYMBOLS[sym]
        if sym in "¥￥":
            code = doc.yen_sign
        return code, m.start("sym"), False
    code = m.group("code")
    code = CODE_ALIASES.get(code, code)
    return (doc.currency(code) if code[0] == "?" else code.upper()), m.start("code"), False


def _context_sign(text: str, cs: int, doc: _DocInfo) -> tuple[str, int, bool] | None:
    """(ISO code, start offset, False) of a letter sign before the number at ``cs`` ("R59bn" in
    South African copy, "RO 69.56 million" in Omani copy)."""
    m = P.CONTEXT_SIGN_RE.search(text, max(0, cs - 4), cs)
    if not m:
        return None
    group = "sign" if m.group("sign") else "sign2"
    code = doc.sign(m.group(group))
    return (code, m.start(group), False) if code else None


def _prefix_key(p: str) -> str | None:
    for k in DOLLAR_PREFIXES:
        if k.lower() == p.lower():
            return k
    return None


def _read_scale(text: str, c: Cand, pos: int, money: bool) -> int:
    """Scale words and abbreviations after digits ("2.3 trillion", "$4.6bn", "12.3m")."""
    scale = _ONE
    while True:
        m = P.SCALE_WORD_RE.match(text, pos)
        if not m:
            break
        w = m.group("w").lower()
        scale *= SCALE_WORDS_AFTER_DIGITS[w]
        pos = m.end()
    if scale == 1:
        m = P.SCALE_ABBR_GLUED_RE.match(text, pos) or P.SCALE_ABBR_SPACED_RE.match(text, pos)
        if m:
            w = m.group("w")
            ok = True
            if w in ("m", "M"):
                ok = money or not P.METRE_CONTEXT_RE.match(text, m.end())
                if not ok:  # "100m sprint": metres
                    c.unit, c.unit_kind = "metre", "measure"
                    return m.end()
            elif w in ("b", "B", "T", "tr"):
                ok = money or bool(P.CURRENCY_NAME_RE.match(text, m.end()))
            if ok:
                scale = Decimal(SCALE_ABBR[w])
                pos = m.end()
    c.scale = scale
    return pos


def _read_unit(text: str, c: Cand, pos: int, doc: _DocInfo) -> int | None:
    """Percent, currency after the number, multiplier, time or measure unit, or count noun."""
    if c.unit_kind == "money":
        # redundant code after a symbol: "$5 million USD"; "$76 US"
        m = P.CURRENCY_CODE_SUFFIX_RE.match(text, pos)
        if m:
            return m.end()
        m = P.CURRENCY_NAME_RE.match(text, pos)
        if (m and CURRENCY_NAMES.get(" ".join(m.group("w").lower().split())) in ("$", "USD")
                and c.unit in ("USD", "HKD", doc.dollar)):
            return m.end()
        return pos
    d = P.UNIT_DISPATCH_RE.match(text, pos)
    if d is None:
        return pos if c.unit_kind == "measure" else _read_noun(text, c, pos)
    kind, rx = P.UNIT_ORDER[int(d.lastgroup[-1])]
    if c.unit_kind == "measure" and kind in ("times", "time", "meas"):
        return pos  # set by the scale reader ("100m sprint")
    m = rx.match(text, pos)
    if kind == "pp":
        c.kind, c.unit, c.unit_kind = "percent", "pp", "percent"
        return m.end()
    if kind == "pct":
        c.kind, c.unit, c.unit_kind = "percent", "%", "percent"
        return m.end()
    if kind == "code":
        w = m.group("w")
        w = CODE_ALIASES.get(w, w)
        c.kind, c.unit, c.unit_kind = "money", doc.currency(w) if w[0] == "?" else w.upper(), "money"
        return m.end()
    if kind == "name":
        w = " ".join(m.group("w").lower().split())
        code = CURRENCY_NAMES[w]
        if w in ("pound", "pounds") and (P.POUND_WEIGHT_RE.match(text, m.end())
                                         or (w == "pound" and "-" in text[pos:m.start("w")])):
            # "One pound of coal", "a 10-pound bag": weight
            c.unit, c.unit_kind = "pound", "measure"
            return m.end()
        if w == "pound" and text.startswith(("-feet", "-foot", "‑feet", "‑foot"), m.end()):
            c.unit, c.unit_kind = "pound-foot", "measure"  # "275 pound-feet of torque"
            return m.end() + 5
        if w in ("won", "real", "rand", "dong", "som", "lira") and c.scale == 1 and c.word:
            return _read_noun(text, c, pos)
        c.kind, c.unit, c.unit_kind, c.cur_name = "money", doc.currency(code), "money", True
        return m.end()
    if kind == "minor":
        if m.group("p"):
            code, div = "GBP", 100
        elif m.group("c"):
            code, div = MINOR_UNITS["c"]
        else:
            code, div = MINOR_UNITS[" ".join(m.group("w").lower().split())]
        if code == "$":  # "48 cents a share" in a text of euros: euro cents
            code = doc.cent_currency
        c.kind, c.unit, c.unit_kind, c.minor = "money", doc.currency(code), "money", True
        c.mantissa = c.mantissa / div
        return m.end()
    if kind == "sym":
        sym = m.group("w")
        code = doc.yen_sign if sym in "¥￥" else SYMBOLS.get(sym) or doc.currency("$")
        c.kind, c.unit, c.unit_kind = "money", code, "money"
        return m.end()
    if kind == "times":
        c.unit, c.unit_kind = "times", "times"
        return m.end()
    if kind == "time":
        w = m.group("w")
        if w[0].isupper() and c.word and c.cs > 0 and text[c.cs].isupper():
            return None  # "Five-Year Plan", "Three-Year Action Plan": a name
        c.unit, c.unit_kind = TIME_UNITS[w.lower()], "time"
        if c.unit == "quarter" and c.word and "-" in text[c.ce:m.start("w")]:
            return None  # "three-quarters": a fraction
        if P.RELATIVE_TIME_AFTER_RE.match(text, m.end()) and not m.group("old"):
            return None  # "four years ago": a date, not a figure
        return m.end()
    w = m.group("w")
    c.unit, c.unit_kind = MEASURE_UNITS.get(w) or MEASURE_UNITS.get(w.lower(), w), "measure"
    return m.end()


def _read_noun(text: str, c: Cand, pos: int) -> int | None:
    """Head noun of the counted thing: "14 economically advanced provinces" -> province.

    The figure's span runs to the head noun ("400,000 Xinjiang officials").
    """
    p = pos
    m = P.OR_MORE_RE.match(text, p)  # "50 or more people"
    if m:
        c.qual, c.has_cue = QUALIFIER_SUFFIX.get(" ".join(m.group().split()), "exact"), True
        p = m.end()
    after_of = False
    for i in range(5):
        m = P.WORD_AFTER_RE.match(text, p)
        if not m:
            break
        w = m.group("w")
        lw = w.lower().replace("’", "'")
        hyphen = "-" in m.group("sep") or "‑" in m.group("sep")
        if i == 0 and hyphen:
            base = lw.split("-")[0]
            if base in ("off", "time", "third", "thirds", "quarter", "quarters", "fifth", "fifths",
                        "tenth", "tenths", "half", "halves", "figure", "digit", "way", "fold", "for"):
                return None  # "one-off", "one-time", "two-for-one": idioms; "two-thirds": a fraction
            if base in FUNCTION_WORDS or base in ("way", "sided", "party", "on", "and"):
                return pos
            c.unit, c.unit_kind = lemma(base), "noun"
            return m.end() if "-" not in lw else m.start("w") + len(base)
        if lw.endswith("'s"):
            if after_of:
                p = m.end()
                continue
            break
        if lw in FUNCTION_WORDS:
            if i == 0 and lw == "of" and not after_of:
                after_of = True
                p = m.end()
                continue
            if after_of and lw in ("the", "its", "their", "his", "her", "our", "these", "those", "my", "your"):
                p = m.end()
                continue
            break
        if (is_plural(lw) and (w[0].islower() or _last_capital(text, m.end()))
                or lw in ("people", "staff", "personnel", "cattle")):
            c.unit, c.unit_kind = lemma(lw), "noun"
            return m.end()
        if w[0].isupper() and i >= 3:
            break
        p = m.end()
    return pos


def _last_capital(text: str, pos: int) -> bool:
    """A capitalised plural ends the noun phrase ("1,307,000 Americans were")."""
    m = P.NEXT_WORD_RE.match(text, pos)
    return not m or not m.group("w")[0].isupper()


_MONTH_DOT_BEFORE_RE = re.compile(r"(?<![A-Za-z])(?i:jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)[ \t]*\.[ \t]*$")
_DAY_BEFORE_RE = re.compile(
    r"(?<![A-Za-z])(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?[ \t]+\d{1,2}(?:st|nd|rd|th)?,?[ \t]+$")
_MONTH_IN_BEFORE_RE = re.compile(r"\b(?i:in|during|since|by|until|through|from|for|of|last|next|this)[ \t]+[A-Z][a-z]+\.?[ \t]+$")
_NEGATION_BEFORE_RE = re.compile(r"\b(?:never|not|n[’']t|no|without)\b[^.;,]{0,30}$", re.I)


def _keep(text: str, c: Cand, word: bool) -> bool:
    """Drop numerals that are not figures: years, names, labels, ordinal-like idioms."""
    n = len(text)
    v = c.mantissa
    if c.unit in ("day", "week", "month", "year") and text[c.ne:c.ne + 1] in "-‑" and P.TENOR_NAME_AFTER_RE.match(text, c.end):
        return False
    bare = c.unit_kind in (None, "noun") and c.scale == 1 and c.kind == "quantity"
    pw = P.prev_word(text, max(0, c.start - 24), c.start)
    pwl = pw.lower().rstrip(".")
    # days of a month: "September 8", "Dec. 2" (the year after them is a year, below)
    if (pwl in MONTHS and (pw[0].isupper() or pwl != "may") and c.unit_kind is None and not c.has_cue
            and not word and c.scale == 1 and v == v.to_integral_value() and 1 <= v <= 31):
        return False
    # ... before a noun too ("data published August 30 shows"), but for a month that is no day's
    # ("In March 5 firms failed")
    if (pwl in MONTHS and pw[0].isupper() and pwl != "may" and c.unit_kind == "noun" and not c.has_cue
            and not word and c.scale == 1 and v == v.to_integral_value() and 1 <= v <= 31
            and text[c.ce:c.ce + 1] == " " and not _MONTH_IN_BEFORE_RE.search(text, max(0, c.start - 24), c.start)):
        return False
    # tokenised dates: "nov . 6", "oct . 25"; "on 1 may that year"
    if (not word and c.unit_kind is None and not c.has_cue and c.scale == 1
            and v == v.to_integral_value() and 1 <= v <= 31):
        if _MONTH_DOT_BEFORE_RE.search(text, max(0, c.start - 8), c.start):
            return False
        nm = P.NEXT_WORD_RE.match(text, c.end)
        if nm and nm.group("w").lower() in MONTHS and (nm.group("w") != "may" or pwl in ("on", "by", "from", "until")):
            return False
    # years used as dates
    if (not word and bare and not c.has_cue and v == v.to_integral_value()
            and "," not in text[c.cs:c.ce] and "." not in text[c.cs:c.ce] and c.ce - c.cs == 4):
        y = int(v)
        if 1900 <= y <= 2099 or (1700 <= y < 1900 and pwl in YEAR_PREVS):
            if c.unit_kind != "noun" or pwl in YEAR_PREVS or pwl in DETERMINERS:
                return False
            # "Mexico's 2025 budget": a possessive and a singular noun name a dated thing
            # (but "the firm's 2000 employees" are a count)
            if pw.endswith(("'s", "’s")) and (nw := P.NEXT_WORD_RE.match(text, c.ce)) \
                    and not is_plural(nw.group("w").lower()):
                return False
            # "March 23, 2018 shows", "Mar 9 2018 MIT researchers": the year of a date;
            # "October 2018 levels": a month and its year
            if _DAY_BEFORE_RE.search(text, max(0, c.start - 16), c.start) or pwl in MONTHS:
                return False
            # "1988 sales of": the year of a yearly series
            if c.unit in YEARLY_NOUNS:
                return False
            # "2024 Budget Parameters: Oil Price Pegged At $77.96": a headline opening on its year
            if (c.cs == 0 or text[c.cs - 1] == "\n") and (nw := P.NEXT_WORD_RE.match(text, c.ce)) \
                    and nw.group("w")[:1].isupper():
                return False
    if (not word and c.unit_kind is None and c.scale == 1 and c.ce - c.cs == 4 and text[c.cs:c.ce].isdigit()
            and 1900 <= int(text[c.cs:c.ce]) <= 2099):
        before = text[max(0, c.cs - 9):c.cs].lower().split()
        if before and before[-1] in ("over", "vs", "vs.", "versus", "against") \
                and (c.ce >= n or text[c.ce] in ",.;:)"):
            return False  # "an increase of 3,915 yuan over 2012,"
    if word:
        lw = text[c.cs:c.ce].lower()
        if lw in ("one", "zero") and c.unit_kind in (None, "noun"):
            return False
        if lw in ("one", "a", "single") and c.minor and _NEGATION_BEFORE_RE.search(text, max(0, c.start - 40), c.start):
            return False  # "has never taken away one penny": an idiom
        if lw == "one" and c.unit == "day":  # "one day" is an idiom
            return False
        if lw == "one" and re.match(r"\s+of\b", text[c.ce:c.ce + 4]):
            return False
    if not bare:
        return True
    # labels and names: "Game 7", "chapter 11", "No. 1", "iPhone 11 cameras", "S&P 500"
    if pw and not c.has_cue and not (c.unit_kind == "noun" and text[c.ce:c.ce + 1] in "-‑"):
        if (pwl in LABEL_WORDS or pw == "#") and not (
                pw.islower() and pwl.endswith("ing") and c.unit_kind == "noun" and is_plural(text[c.ne:c.end].split()[-1] if text[c.ne:c.end].split() else "")):
            return False  # "Building 7", but "by building 56 hospitals": a verb and a count
        if ((pw[0].isupper() or any(ch.isupper() for ch in pw[1:]) or "&" in pw)
                and pw not in CAPITAL_NON_NAMES and pw.rstrip(".").lower() not in MONTHS
                and not pw.endswith(("'s", "’s"))):
            return False
    if c.unit_kind == "noun":
        return True
    # "the 787 Dreamliner": a model number before a capitalised name
    if c.unit_kind is None and pwl in DETERMINERS:
        m = P.NEXT_WORD_RE.match(text, c.end)
        if m and m.group("w")[0].isupper() and m.group("w") not in CAPITAL_NON_NAMES:
            return False
    # footnote marks "(1)", "[2]"; "increased 1) in July", "1) Volume refers to": a note's number
    if c.start > 0 and c.end < n and text[c.start - 1] in "([" and text[c.end] in ")]" and c.unit_kind is None:
        return False
    if (c.end < n and text[c.end] == ")" and c.unit_kind is None and not word and v == v.to_integral_value() and v < 20
            and (c.start == 0 or text[c.start - 1] in " \n") and "(" not in text[max(0, c.start - 40):c.start]):
        return False
    if word and text[c.cs:c.ce].lower() in ("one", "zero"):
        c.soft_drop = True
    return True


# ---------------------------------------------------------------------------------------------
# 3. linking neighbours
# ---------------------------------------------------------------------------------------------
_DOLLARS_CENTS_GAP_RE = re.compile(r"[ \t]+(?:and[ \t]+)?")  # "3 dollars 50 cents"


def _link(text: str, cands: list[Cand]) -> list[Cand]:
    out: list[Cand] = []
    i = 0
    while i < len(cands):
        c = cands[i]
        # "thirteen dollars and forty-five cents"
        if (i + 1 < len(cands) and c.cur_name and cands[i + 1].minor and c.unit == cands[i + 1].unit
                and _DOLLARS_CENTS_GAP_RE.fullmatch(text, c.end, cands[i + 1].start)):
            nxt = cands[i + 1]
            c.value = c.value + nxt.value
            c.end = nxt.end
            out.append(c)
            i += 2
            continue
        out.append(c)
        i += 1
    for a, b in zip(out, out[1:], strict=False):
        if a.link_type == "conversion" and b.link is None and _try_further_conversion(text, a, b):
            continue
        if a.link is not None or b.link is not None:
            continue
        if _try_range(text, a, b):
            continue
        _try_conversion(text, a, b)
    _fractions(text, out)
    _fraction_units(text, out)
    return out


# "from 12.36 million in 2011 to 25.99 million US dollars in 2015": a year stated after the
# first end still leaves one range, whose currency is written once, at the end.
_YEAR_AFTER_FIRST_END = re.compile(r"\s*,?\s+(?:in|by)\s+(?:19|20)\d{2},?(?=\s)")


def _try_range(text: str, a: Cand, b: Cand) -> bool:
    gap = text[a.end:b.start]
    fb = P.FROM_BEFORE_RE.search(text, max(0, a.start - 12), a.start)
    lead = fb.group("w").lower() if fb else ""
    if lead == "from" and (year := _YEAR_AFTER_FIRST_END.match(gap)):
        gap = gap[year.end():]
    if len(gap) > 12:
        return False
    m = P.RANGE_GAP_RE.fullmatch(gap) if gap else None
    if not m:
        return False
    conn = (m.group("to") or "").lower() or "-"
    if conn == "and" and lead != "between":
        return False
    a_bare, b_bare = a.unit_kind is None, b.unit_kind is None
    if conn == "or" and not a_bare:
        return False
    if conn == "-" and a.unit_kind is not None and b.unit_kind is not None and a.unit != b.unit:
        return False
    tight = conn in ("-", "and") or lead in ("from", "between")
    if a_bare and not b_bare and b.unit_kind != "noun":
        a.kind, a.unit, a.unit_kind = b.kind, b.unit, b.unit_kind
    elif a_bare and b.unit_kind == "noun":
        a.unit = b.unit
    elif b_bare and not a_bare and tight and a.unit_kind != "noun":
        b.kind, b.unit, b.unit_kind = a.kind, a.unit, a.unit_kind
        b.end = b.ne
    elif a.kind != b.kind or a.unit != b.unit:
        return False
    elif not tight and (lead == "by" or not (a_bare and b_bare)) and conn != "to":
        return False
    elif conn == "to" and lead == "by":
        return False
    # scale written once: "1 to 2 thousand", "US$89 to $93 billion", "$5-6 million"
    if a.scale == 1 and b.scale > 1 and not a.word and abs(a.mantissa) < 10 * abs(b.mantissa):
        a.scale = b.scale
        a.value = a.mantissa * a.scale
    elif b.scale == 1 and a.scale > 1 and not b.word and conn == "-" and abs(b.mantissa) < 10 * abs(a.mantissa):
        b.scale = a.scale
        b.value = b.mantissa * b.scale
    # "around 10-15 exabytes" qualifies both ends; "from about $350 to $680" only the first
    if a.qual != "exact" and b.qual == "exact" and a.qual == "approx" and lead != "from":
        b.qual = a.qual
    a.link, b.link = b, a
    a.link_type = b.link_type = "range"
    a.soft_drop = b.soft_drop = False
    return True


def _try_conversion(text: str, a: Cand, b: Cand) -> bool:
    if a.kind != "money" or b.kind != "money" or a.unit == b.unit:
        return False
    if not P.CONVERSION_GAP_RE.fullmatch(text, a.end, b.start):
        return False
    a.link, b.link = b, a
    a.link_type = b.link_type = "conversion"
    if b.qual == "exact":
        b.qual = a.qual
    return True


_FURTHER_CONVERSION_GAP_RE = re.compile(r"[ \t]*[,;/][ \t]*(?:or[ \t]+)?")


def _try_further_conversion(text: str, a: Cand, b: Cand) -> bool:
    """"5.2 trillion rupiah ($330 million, 300 million euros)": ``b``, after the converted amount
    ``a`` inside the same brackets, converts the amount ``a`` converts, and takes its qualifier."""
    src = a.link
    if (b.kind != "money" or src is None or src.end > a.start or b.unit in (a.unit, src.unit)
            or not _FURTHER_CONVERSION_GAP_RE.fullmatch(text, a.end, b.start)
            or "(" not in text[src.end:a.start]):
        return False
    b.link, b.link_type = src, "conversion"
    if b.qual == "exact":
        b.qual = src.qual
    return True


_FRACTION_WORD_RE = re.compile(
    rf"(?<![\w-])(?P<f>{P.trie_alt(FRACTION_WORDS, fold=True)})(?![\w-])"
    r"(?![ \t]+(?:an?[ \t]+)?(?:hour|day|week|month|year|century|decade|mile|dozen|million|billion)s?\b)",
    re.IGNORECASE,
)
_OF_AFTER_RE = re.compile(r"[ \t]+of\b(?![ \t]+the[ \t]+way\b)")
_OF_A_PERCENT_RE = re.compile(r"[ \t-]+of[ \t-]+(?:a|one)[ \t-]+(?:per[ \t-]?cent|percent|(?P<pp>percentage[ \t-]+points?))\b", re.I)
_ORDINAL_BEFORE_RE = re.compile(r"\b(?:first|second|third|fourth|final|last|the)[ \t]+$", re.I)


def _fraction_leads() -> tuple[int, ...]:
    """Lengths of the words before a stem ("two-thirds": 3), each joined to it by blanks or "-"."""
    out = set()
    for w in FRACTION_WORDS:
        stem = next(s for s in FRACTION_STEMS if s in w)
        lead = w[:w.index(stem)]
        if lead:
            if lead[-1] not in " -" or " " in lead[:-1] or "-" in lead[:-1]:
                raise ValueError(f"fraction word {w!r}: one word, then a blank or a hyphen, then the stem")
            out.add(len(lead) - 1)
    return tuple(sorted(out))


_FRACTION_LEADS = _fraction_leads()
_FRACTION_FIND = Finder(_FRACTION_WORD_RE)


def _fraction_words(text: str) -> list[re.Match]:
    """``_FRACTION_WORD_RE.finditer(text)``, tried only at its stems ("third", found with
    str.find in the case-folded text) and at the word ("a", "one", "two", "three") that may
    stand before them."""
    low = P.folded(text)
    if low is None:
        return list(_FRACTION_FIND.finditer(text))
    starts = set()
    for stem in FRACTION_STEMS:
        i = low.find(stem)
        while i != -1:
            starts.add(i)
            b = i
            while b and text[b - 1] in " \t\u00a0":
                b -= 1
            if b == i and b and text[b - 1] == "-":  # "two-thirds"
                b -= 1
            if b < i:
                starts.update(b - n for n in _FRACTION_LEADS)  # "a", "one", "three" ...
            i = low.find(stem, i + 1)
    return matches_at(_FRACTION_WORD_RE, text, starts)


def _fractions(text: str, out: list[Cand]) -> None:
    """Fractions after a qualifier are shares: "close to half" -> 50 %, "more than two-thirds";
    so is a counted fraction of something ("lost a fifth of its value", "two-thirds of voters",
    FORMAT.md: "a fifth" = 20 %). A bare "half" without a qualifier ("half the revenue", "the
    first half of") is not read as a figure.
    """
    low = text.lower()
    if not any(w in low for w in ("half", "third", "quarter", "fifth", "tenth")):
        return
    taken = _merge((c.start, c.end) for c in out)
    added = False
    for m in _fraction_words(text):
        s, e = m.start(), m.end("f")
        q = P.QUALIFIER_PREFIX_FIND.search(text, max(0, s - 32), s)
        cue = " ".join(q.group("cue").lower().split()) if q and q.group("cue") else None
        if cue not in QUALIFIER_PREFIX:
            cue = None
        word = " ".join(m.group("f").lower().split())
        if (cue is None and not (word != "half" and word[:1] != "h" and _OF_AFTER_RE.match(text, e)
                                 and not _ORDINAL_BEFORE_RE.search(text, max(0, s - 12), s))) \
                or _overlapping(taken, s, e):
            continue
        share = FRACTION_WORDS[word]
        c = Cand(s, e, Decimal(str(round(share, 2))), True)
        c.kind, c.unit, c.unit_kind = "percent", "%", "percent"
        of_a = _OF_A_PERCENT_RE.match(text, e)
        if of_a:  # "one-half of a per cent", "three-quarters of a percentage point": that part of one
            c.value = c.mantissa = Decimal(str(round(share, 2))) / 100
            c.end = c.ne = of_a.end()
            c.unit = "pp" if of_a.group("pp") else "%"
        if cue is not None:
            c.start, c.end = q.start("cue"), e
            c.qual, c.has_cue = QUALIFIER_PREFIX[cue], True
        out.append(c)
        added = True
    if added:
        out.sort(key=lambda c: c.start)


_FRACTION_UNIT_RE = re.compile(
    r"(?<![\w-])(?:(?:a|one)[ \t-]+)?(?P<f>quarter|half)(?:[ \t-]+of)?[ \t-]+(?:a[ \t-]+)?"
    r"(?P<u>century|centuries|decade)(?:[ \t-]*old\b)?", re.IGNORECASE)


def _fraction_units(text: str, out: list[Cand]) -> None:
    """"a quarter-century", "nearly quarter-century-old", "half a century": 25 / 50 years."""
    low = text.lower()
    if "century" not in low and "decade" not in low:
        return
    taken = _merge((c.start, c.end) for c in out)
    added = False
    for m in _FRACTION_UNIT_RE.finditer(text):
        s, e = m.span()
        if _overlapping(taken, s, e):
            continue
        years = 25 if m.group("f").lower() == "quarter" else 50
        if not m.group("u").lower().startswith("cent"):
            years = years / 10  # a quarter-decade
        c = Cand(s, e, Decimal(str(years)).normalize(), True)
        c.unit, c.unit_kind = "year", "time"
        q = P.QUALIFIER_PREFIX_FIND.search(text, max(0, s - 32), s)
        if q and q.group("cue"):
            cue = " ".join(q.group("cue").lower().split())
            if cue in QUALIFIER_PREFIX and cue != "over":
                c.qual, c.has_cue = QUALIFIER_PREFIX[cue], True
                c.start = q.start("cue")
        out.append(c)
        added = True
    if added:
        out.sort(key=lambda c: c.start)
