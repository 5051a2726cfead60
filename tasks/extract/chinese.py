"""The Chinese reader: statistical communiqués (统计公报) and news in Chinese -> figure candidates.

``figures.parse_figures`` routes a text here when most of its letters are Han characters
(``is_chinese``) and freezes what comes back into the same ``Figure`` records as English.
Conventions: bench/README_zh.md on top of bench/FORMAT.md.

Everything works on offsets: full-width forms are mapped one character to one (``FULL_WIDTH``),
so a span of the mapped copy is the same span of the raw text.

1. numerals: Arabic (ASCII or full-width digits, "1,234.5") and Chinese ("三百万", "两");
   then scale (万/亿/万亿/千), unit or measure word, qualifier before and after, change verb;
2. not figures: years and dates, ordinals (第), period labels (一季度, 1-9月), numbers in
   names, slogans and idioms (“六稳”, 中亚五国, 三次产业), codes (G30), numerals of place names;
3. bare numbers take the unit of the list or range they end ("280-300天", "1.2、0.8个百分点");
   a structure ratio "10.1:48.7:41.2" is three percent shares; an index level is unit index;
4. period (the report's year Y, the publication year P, cues in the sentence, carried within
   a paragraph), region (Chinese names in the gazetteer) and metric (Chinese triggers).

>>> [(c.kind, str(c.value), c.unit, c.qual) for c in parse("全州粮食产量达到35万吨以上,同比增长3.2%。")]
[('quantity', '350000', 'tonne', 'at_least'), ('percent', '3.2', '%', 'exact')]
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from calendar import monthrange
from datetime import date
from decimal import Decimal
from functools import lru_cache
from typing import Sequence

from . import chinese_lexicon as L
from ._cache import by_identity
from .metrics import family_fits
from .patterns import trie_alt
from .record import MetricDef, Period, Reading, Region
from .regions import LEVEL_RANK
from .sentences import SentenceIndex

_HAN_RE = re.compile(r"[\u4e00-\u9fff]")
_LATIN_RE = re.compile(r"[A-Za-z]")
# a text is Chinese when Han characters are at least as many as Latin letters (and a few):
# an English article that quotes a Chinese name stays English
MIN_HAN = 4
_SAMPLE = 4000


def is_chinese(text: str) -> bool:
    """Is ``text`` written in Chinese (the share of Han characters among its letters)?

    >>> is_chinese("德阳市2020年地区生产总值2404.1亿元"), is_chinese("Xinjiang (新疆) grew 5%.")
    (True, False)
    """
    sample = text[:_SAMPLE]  # the opening says the language; a long text need not be counted whole
    han = len(_HAN_RE.findall(sample))
    return han >= MIN_HAN and han >= len(_LATIN_RE.findall(sample))




def _simplified_forms() -> dict[int, str]:
    """Traditional character -> its simplified form, one character for one so that every offset
    stays the text's (億 -> 亿, 個 -> 个, 長 -> 长): OpenCC's character table, its first reading."""
    from importlib.resources import files

    table: dict[int, str] = {}
    for line in (files("opencc") / "dictionary" / "TSCharacters.txt").read_text("utf-8").splitlines():
        trad, _, simp = line.partition("\t")
        simp = simp.split(" ")[0]
        if len(trad) == 1 and len(simp) == 1 and trad != simp:
            table[ord(trad)] = simp
    return table


# the reader reads simplified Chinese with ASCII digits; a page in traditional characters (Hong
# Kong, Taiwan) or with full-width digits is read through the same words
_TRANS = {**_simplified_forms(), **str.maketrans(L.FULL_WIDTH)}
_ONE = Decimal(1)
_CN_DIGITS = "零〇一二两三四五六七八九"
_CN_ALL = _CN_DIGITS + "十百千万亿"


def _first_chars(words) -> str:
    """A lookahead on the first characters of ``words``: the engine skips other positions fast."""
    return "(?=[" + "".join(sorted({re.escape(w[0]) for w in words if w})) + "])"


def _units() -> dict[str, tuple[str, str, str]]:
    """Every unit word -> (kind, unit, family of word)."""
    out: dict[str, tuple[str, str, str]] = {}
    out.update({w: ("quantity", u, "counter") for w, u in L.COUNTERS.items()})
    out.update({w: ("quantity", u, "place") for w, u in L.PLACE_NOUNS.items()})
    out.update({w: ("quantity", u, "time") for w, u in L.TIME.items()})
    out.update({w: ("quantity", u, "measure") for w, u in L.MEASURES.items()})
    out.update({w: ("money", u, "money") for w, u in L.MONEY.items()})
    out.update({w: ("percent", u, "percent") for w, u in L.PERCENT.items()})
    out[L.TENTHS] = ("percent", "%", "tenths")
    out[L.TIMES] = ("quantity", "times", "times")
    return out


_UNITS = _units()
_SCALE_VALUES = {w: Decimal(v) for w, v in L.SCALES.items()}
# A Chinese numeral is read only where a unit, scale or qualifier can follow it, or after
# 百分之: the many 一 of 统一, 一体 are never looked at (the run is possessive: no backtracking)
_CN_NEXT = "".join(sorted({w[0] for w in _UNITS} | set("多余万亿千") | set(L.KILO_UNIT_STARTS)))
_NUM_RE = re.compile(
    rf"(?=[-0-9{_CN_DIGITS}十])(?:(?<![0-9.])-?(?:\d{{1,3}}(?:,\d{{3}})+(?![0-9])|\d+)(?:\.\d+)?"
    rf"|(?:(?<=分之)|(?=[{_CN_DIGITS}十][{_CN_ALL}]*+(?:点[{_CN_DIGITS}]+)?[{re.escape(_CN_NEXT)}]))"
    rf"[{_CN_DIGITS}十][{_CN_ALL}]*+(?:点[{_CN_DIGITS}]+)?)")
_SCALE_ALT = "万亿|亿|千万|百万|万|千(?![" + L.KILO_UNIT_STARTS + "])"
_TAIL_RE = re.compile(
    r"[ \t]?(?P<m1>[多余])?(?P<scale>" + _SCALE_ALT + r")?(?P<m2>[多余])?[ \t]?"
    r"(?P<unit>" + trie_alt(_UNITS) + r")?"
    r"(?P<per>" + trie_alt(L.PER_UNIT) + r")?"
    r"(?P<post>" + "|".join(L.QUALIFIER_AFTER) + r")?")
_COUNTED_RE = re.compile(trie_alt(L.COUNTED_NOUNS))
_NOT_FIGURES_RE = re.compile(_first_chars(L.NOT_FIGURES) + "(?:" + trie_alt(L.NOT_FIGURES) + ")")
# short quotations are names and slogans (“六稳”, “一对一”); book titles are names
_QUOTE_RE = re.compile(r"“[^”\n]{1,12}”|\"[^\"\n]{1,12}\"|「[^」\n]{1,12}」|《[^》\n]{1,80}》")
_SENT_END_RE = re.compile(r"[。!?;]+[”’」』)]*|\n")
_LIST_SEP_RE = re.compile(r"[ \t]*(?:[、]|和|及|与|或)[ \t]*")
_RANGE_SEP_RE = re.compile(r"[ \t]*(?:[-~]|至|到)[ \t]*")
_POST_RE = re.compile("|".join(L.QUALIFIER_AFTER))
_CONVERSION_GAP_RE = re.compile(r"[ \t]*\(?[ \t]*(?:约合|折合|合)?")
_REPORT_TITLE_RE = re.compile(r"公报|统计|经济运行|国民经济|报告|年鉴")
_YEAR_DIGITS_RE = re.compile(r"(?:19|20)\d{2}")
# a change verb (perhaps with 了) ending where the number or its qualifier begins, read backwards
_VERB_BEFORE_REV_RE = re.compile("了?(?:" + "|".join(re.escape(v[::-1]) for v in sorted(L.CHANGE_VERBS, key=len, reverse=True)) + ")")


@lru_cache(maxsize=4096)
def _cn_value(run: str) -> Decimal | None:
    """A Chinese numeral's value (cn2an: maintained, handles 两/〇/点 and sloppy forms)."""
    import cn2an  # imported on the first Chinese numeral: it costs ~0.4 s

    try:
        v = cn2an.cn2an(run, "normal")
    except (ValueError, KeyError, IndexError):
        return None
    return Decimal(str(v))


class ZhCand:
    """A figure under construction; the attributes ``figures._freeze`` reads."""

    __slots__ = ("start", "end", "ns", "ne", "mantissa", "scale", "value", "kind", "unit", "fam",
                 "qual", "chinese", "sent", "link", "link_type", "verb", "prefix")

    def __init__(self, ns: int, ne: int, mantissa: Decimal, chinese: bool):
        self.start, self.end, self.ns, self.ne = ns, ne, ns, ne
        self.mantissa, self.scale, self.value = mantissa, _ONE, mantissa
        self.kind, self.unit, self.fam = "quantity", None, None
        self.qual, self.chinese, self.sent = "exact", chinese, 0
        self.link = self.link_type = None
        self.verb = False
        self.prefix = False

    @property
    def bare(self) -> bool:
        return self.unit is None

    def __repr__(self) -> str:  # pragma: no cover - debugging aid
        return f"ZhCand({self.start},{self.end},{self.value},{self.kind},{self.unit},{self.qual})"


# ---------------------------------------------------------------------------------------------
def sentence_spans(t: str) -> tuple[list[tuple[int, int]], list[int]]:
    """Sentences (ending at 。！？；!?; or a line break) and the paragraph of each."""
    spans, paras = [], []
    s, para = 0, 0
    for m in _SENT_END_RE.finditer(t):
        e = m.end() if m.group() != "\n" else m.start()
        a, b = _strip(t, s, e)
        if b > a:
            spans.append((a, b))
            paras.append(para)
        if m.group() == "\n":
            para += 1
        s = m.end()
    a, b = _strip(t, s, len(t))
    if b > a:
        spans.append((a, b))
        paras.append(para)
    return spans, paras


def _strip(t: str, s: int, e: int) -> tuple[int, int]:
    while s < e and t[s].isspace():
        s += 1
    while e > s and t[e - 1].isspace():
        e -= 1
    return s, e


def parse(text: str, pub_date: str | None = None, *, regions: Sequence[Region] = (),
          metrics: Sequence[MetricDef] = (), ignore: Sequence[tuple[int, int]] = ()) -> Reading:
    """The figure candidates of a Chinese ``text`` and their places, periods and metrics."""
    t = text.translate(_TRANS)
    keep = None
    if "(" in t and _GLOSS_RE.search(t):
        t, keep = _without_glosses(t)
        ignore = [(bisect_left(keep, s), bisect_left(keep, e)) for s, e in ignore]
    spans, paras = sentence_spans(t)
    sents = SentenceIndex.from_spans(spans)
    gaz = _gazetteer(regions) if regions else None
    mentions = gaz.mentions(t) if gaz else []
    own = _title_place(t, spans, gaz) if gaz else None
    if own is not None:
        mentions = sorted(mentions + own[1], key=lambda m: m.start)
    blocked = _blocked(t, ignore, mentions)
    cands = _scan(t, blocked)
    cands = _bare_numbers(t, cands)
    for c in cands:
        c.sent = sents.of(c.start)
    pub_year = int(pub_date[:4]) if pub_date and pub_date[:4].isdigit() else None
    pub_month = int(pub_date[5:7]) if pub_date and pub_date[5:7].isdigit() else None
    times = _periods(t, spans, paras, cands, pub_year, pub_month)
    places = _regions(t, spans, paras, cands, mentions, gaz, own[0] if own else None)
    _aid_to_its_recipient(t, cands, mentions, gaz, places)
    reading = Reading(cands, places, times, _metrics(t, spans, cands, metrics))
    if keep is not None:  # back to the text's own offsets
        for c in cands:
            c.start, c.ns = keep[c.start], keep[c.ns]
            c.end, c.ne = keep[c.end - 1] + 1, keep[c.ne - 1] + 1
    return reading


# "統(tǒng)計公報": the pinyin a converter wrote after each character of a traditional page
_GLOSS_RE = re.compile(r"(?<=[\u4e00-\u9fff])\((?=[a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹ])[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹ]{1,7}\)")


def _without_glosses(t: str) -> tuple[str, list[int]]:
    """``t`` without its pinyin glosses, and for each character left its offset in ``t``."""
    keep: list[int] = []
    last = 0
    for m in _GLOSS_RE.finditer(t):
        keep.extend(range(last, m.start()))
        last = m.end()
    keep.extend(range(last, len(t)))
    return "".join(t[i] for i in keep), keep


# ---------------------------------------------------------------------------------------------
# numerals
# ---------------------------------------------------------------------------------------------
def _blocked(t: str, ignore, mentions) -> list[tuple[int, int]]:
    spans = list(ignore)
    spans += [m.span() for m in _QUOTE_RE.finditer(t)]
    spans += [m.span() for m in _NOT_FIGURES_RE.finditer(t)]
    spans += [(m.start, m.end) for m in mentions]
    spans.sort()
    merged: list[tuple[int, int]] = []
    for s, e in spans:
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], e))
        else:
            merged.append((s, e))
    return merged


def _inside(blocked, starts, pos: int) -> bool:
    i = bisect_right(starts, pos) - 1
    return i >= 0 and blocked[i][0] <= pos < blocked[i][1]


def _scan(t: str, blocked) -> list[ZhCand]:
    starts = [s for s, _ in blocked]
    out: list[ZhCand] = []
    n = len(t)
    for m in _NUM_RE.finditer(t):
        ns, ne = m.span()
        if blocked and _inside(blocked, starts, ns):
            continue
        if ns and t[ns - 1] in L.ORDINAL_BEFORE:
            continue
        run = m.group()
        chinese = not (run[0].isdigit() or run[0] == "-")
        if chinese:
            if ne < n and t[ne - 1] == "千" and t[ne] in L.KILO_UNIT_STARTS:
                ne -= 1  # "五千瓦"
                run = run[:-1]
            if len(run) > 1 and not any(ch in run for ch in "十百千万亿点"):
                continue  # "一二三线", "二〇二〇": digit strings are names and years
            val = _cn_value(run)
            if val is None:
                continue
        else:
            if ns and t[ns - 1].isascii() and t[ns - 1].isalpha() and not _abbreviation_before(t, ns):
                continue  # a code: "G30线"
            val = Decimal(run.replace(",", ""))
        c = ZhCand(ns, ne, val, chinese)
        if _read_tail(t, c):
            out.append(c)
    return out


def _abbreviation_before(t: str, pos: int) -> bool:
    """"(GDP)2404亿元" or "GDP2404亿元": an abbreviation of three letters or more, not a code."""
    k = pos
    while k > 0 and t[k - 1].isascii() and t[k - 1].isalpha():
        k -= 1
    return pos - k >= 3


def _read_tail(t: str, c: ZhCand) -> bool:
    """Scale, unit, qualifiers and verb around the numeral; False if it is no figure."""
    ns, ne = c.ns, c.ne
    pre = t[max(0, ns - 3):ns]
    if pre in L.PERCENT_PREFIX:  # 百分之七十
        c.kind, c.unit, c.fam, c.prefix = "percent", L.PERCENT_PREFIX[pre], "percent", True
        c.start = ns - 3
        c.end = ne
        _qualifier_before(t, c, c.start)
        return True
    m = _TAIL_RE.match(t, ne)
    end = ne
    m1, scale, m2, unit, per, post = m.groups()
    if m1 or m2:
        c.qual = "at_least"
    if scale:
        c.scale = _SCALE_VALUES[scale]
        end = m.end("scale")
        if m2:
            end = m.end("m2")
    elif m1:
        end = m.end("m1")
    if unit:
        kind, u, fam = _UNITS[unit]
        after = t[m.end("unit"):m.end("unit") + 2]
        if not _unit_ok(t, c, unit, fam, after):
            unit = None
        else:
            c.kind, c.unit, c.fam = kind, u, fam
            end = m.end("unit")
            if fam == "tenths":
                c.scale = c.scale * 10
            if fam in ("counter", "place"):
                cm = _COUNTED_RE.match(t, end)
                if cm and fam == "counter":
                    c.unit = L.COUNTED_NOUNS[cm.group()]
                    if not c.chinese and unit == "个" and cm.group() in ("村", "乡", "县", "市", "镇"):
                        end = cm.end()  # "168个行政村" quotes the noun
                    elif cm.group() in ("行政村", "村民小组", "社区"):
                        end = cm.end()
            if per and fam == "measure":
                c.unit = c.unit + L.PER_UNIT[per]
                end = m.end("per")
            elif c.unit == "MJ" and "平方米" in t[max(0, ns - 16):ns]:
                c.unit = "MJ/m2"
            if post:
                c.qual = L.QUALIFIER_AFTER[post]
                end = m.end("post")
    if unit is None:
        if m.group("post") and not m.group("unit"):
            pass
        if c.chinese and c.scale == 1:
            return False
        if c.chinese and c.mantissa == 1 and len(t[ns:ne]) == 1:
            return False
        if c.scale == 1:
            end = ne
        post = _POST_RE.match(t, end)
        if post and c.scale != 1:
            c.qual = L.QUALIFIER_AFTER[post.group()]
            end += 2
    c.end = end
    c.value = c.mantissa * c.scale
    if not _keep(t, c, unit):
        return False
    _qualifier_before(t, c, ns)
    return True


def _unit_ok(t: str, c: ZhCand, word: str, fam: str, after: str) -> bool:
    """Is the word after the numeral its unit, or the start of another word?"""
    if fam == "tenths":
        return not after or after[0] not in L.TENTHS_NOT_BEFORE
    if fam == "money" and c.chinese:
        return not after or after[0] not in L.MONEY_NOT_AFTER
    if fam == "time" and word == "周" and after[:1] == "年":
        return False  # 周年: an anniversary
    if fam == "time" and word == "年" and after[:1] == "代":
        return False
    if fam in ("counter", "place") and c.chinese:
        if t[c.ns:c.ne] == "一" and c.scale == 1:
            return False  # "一个", "一批": an article, not a count
        if fam == "place" and c.ns and _HAN_RE.match(t[c.ns - 1]) and t[c.ns - 1] not in L.COUNT_LEAD_CHARS:
            return False  # "中亚五国": part of a name
    return True


def _keep(t: str, c: ZhCand, unit: str | None) -> bool:
    """Dates, period labels, ranks and names are no figures."""
    if unit == "年" and c.scale == 1:
        v = c.mantissa
        if v == v.to_integral_value() and 1000 <= v <= 2200:
            return False  # a year
        if t.startswith(L.YEAR_NAME_AFTER, c.end):
            return False  # 三年行动, 五年规划
    if c.ns and t[c.ns - 1] == "前" and (c.fam == "time" or unit in ("名", "位")):
        return False  # 前10个月 (a period label), 前10名 (a rank)
    if unit == "位" and t.startswith("数", c.end):
        return False  # 两位数增长: how many digits a rate has, not a count of people
    if unit == "次" and t.startswith(_SESSION_AFTER, c.end):
        return False  # 十七届人大二次会议: which session of a congress, not a count
    if unit is None and c.scale == 1 and t.startswith(L.PERIOD_LABEL_AFTER, c.ne):
        return False
    if c.ne < len(t) and t[c.ne].isascii() and t[c.ne].isalpha() and unit is None:
        return False  # "5G"
    return abs(c.value) < Decimal("1e18") and (c.kind != "percent" or abs(c.value) <= 100_000)


def _qualifier_before(t: str, c: ZhCand, pos: int) -> None:
    """Qualifier word and change verb just before the number; both join the quote."""
    q_start = pos
    for k in (3, 2, 1):
        w = t[pos - k:pos] if pos >= k else ""
        if w in L.QUALIFIER_BEFORE:
            if w == "近" and (c.unit == "year" or (pos >= 2 and t[pos - 2] == "最")):
                break  # 近三年: the recent years; 最近: lately
            c.qual = L.QUALIFIER_BEFORE[w] if c.qual == "exact" or L.QUALIFIER_BEFORE[w] != "exact" else c.qual
            if w not in L.QUALIFIER_SILENT:
                q_start = pos - k
                c.start = q_start
            else:
                q_start = pos - k
            break
    vm = _VERB_BEFORE_REV_RE.match(t[max(0, q_start - 3):q_start][::-1])
    if vm:
        c.start = min(c.start, q_start - vm.end())
        c.verb = True


def _bare_numbers(t: str, cands: list[ZhCand]) -> list[ZhCand]:
    """Bare numbers: ratio shares, index levels, ends of ranges and lists; else dropped."""
    n = len(cands)
    for i, c in enumerate(cands):  # structure ratios "10.1:48.7:41.2"
        if c.bare and c.scale == 1 and i + 1 < n and t[c.ne:c.ne + 1] == ":" and cands[i + 1].ns == c.ne + 1:
            j = i
            while j + 1 < n and cands[j].bare and t[cands[j].ne:cands[j].ne + 1] == ":" and cands[j + 1].ns == cands[j].ne + 1:
                j += 1
            group = cands[i:j + 1]
            if all(g.bare for g in group) and any(cue in t[max(0, c.ns - 30):c.ns] for cue in L.RATIO_CUES):
                for g in group:
                    g.kind, g.unit, g.fam = "percent", "%", "ratio"
    for i in range(n - 2, -1, -1):  # lists and ranges end in the shared unit
        a, b = cands[i], cands[i + 1]
        if not a.bare or b.bare or b.fam == "ratio" or a.prefix:
            continue
        gap = t[a.end:b.ns]
        rng = _RANGE_SEP_RE.fullmatch(gap)
        if rng is None and _LIST_SEP_RE.fullmatch(gap) is None:
            continue
        if b.start < b.ns and not rng:
            continue  # "A、增长B%": B has its own verb, A is no part of it
        a.kind, a.unit, a.fam = b.kind, b.unit, b.fam
        if a.scale == 1 and b.scale != 1:
            a.scale = b.scale
            a.value = a.mantissa * a.scale
        if b.fam == "tenths":
            a.scale = a.scale * 10
            a.value = a.mantissa * a.scale
        if rng:
            a.link, a.link_type, b.link, b.link_type = b, "range", a, "range"
        if a.fam == "time" and a.unit == "year" and _is_year(a.mantissa):
            a.unit = None  # "2016-2020年": years
            b.unit = None
    out = []
    for c in cands:
        if c.bare:
            if c.scale != 1 and not (c.chinese and c.scale == 1):
                c.unit = "count"
                out.append(c)
            elif any(cue in t[max(0, c.ns - 8):c.ns] for cue in L.INDEX_CUES) and not _is_year(c.mantissa):
                c.unit, c.fam = "index", "index"
                out.append(c)
            continue
        if c.unit is None:
            continue
        out.append(c)
    prev = None
    for c in out:  # converted amounts: "5000万美元(约合3.5亿元)"
        if (prev is not None and c.kind == "money" and prev.kind == "money" and c.unit != prev.unit
                and c.start - prev.end <= 4 and _CONVERSION_GAP_RE.fullmatch(t, prev.end, c.start)):
            c.link, c.link_type, prev.link, prev.link_type = prev, "conversion", c, "conversion"
        prev = c
    return out


def _is_year(v: Decimal) -> bool:
    return v == v.to_integral_value() and 1900 <= v <= 2100


# ---------------------------------------------------------------------------------------------
# periods
# ---------------------------------------------------------------------------------------------
def _alt(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_Y = r"((?:19|20)\d{2})[ \t]*年"
_CUE_RE = re.compile(
    r"(?=[0-9比较与同和是十上去今本两现目当全年下一二三四第前调提增减变升降扩缩近日如])"
    rf"(?:(?P<range>((?:19|20)\d{{2}})[ \t]*年?[ \t]*(?:[-~]|至|到)[ \t]*((?:19|20)\d{{2}})[ \t]*年)"
    # "2010年新一轮对口援疆以来": since that year, the event named between them
    # (not "创有记录以来新高": a record, not a start)
    rf"|(?P<since>{_Y}(?:[^,;:。!?()\d创记录统计史]{{0,12}}?)以来|去年以来)"
    rf"|(?P<base>(?:比|较|与|同|是)[ \t]*{_Y}(?:末|底|同期)?)"
    rf"|(?P<year>{_Y}(?:末|底|度)?)"
    rf"|(?P<plan>十[一二三四五六七八九]五)"
    rf"|(?P<keep>{_alt(L.KEEP_CUES)})"
    r"|(?P<prev>上年|去年)"
    rf"|(?P<to>{_alt(L.TO_CUES)})"
    # "1-9月", and a month of the year ("截至9月末", "6月份"): the reporting year's
    rf"|(?P<label>{_alt(L.YEAR_LABELS)}|\d{{1,2}}[ \t]*(?:[-~]|至)[ \t]*\d{{1,2}}[ \t]*月|(?<![\d.])(?:1[0-2]|[1-9])[ \t]*月(?:末|底|份)?(?![\d]))"
    r"|(?P<this>今年|本年)"
    r"|(?P<twoavg>两年平均|两年均(?=[增下提回]))"  # "两年均增长3.9%": the short form
    r"|(?P<now>(?<![实出表体发呈展再兑涌凸])现(?=已|有|在|辖|存|拥)|目前|当前|如今|近日|(?<![\d月])日前))")
_CLAUSE_END_RE = re.compile(r"[,;:。!?()]")
_MONTH_LABEL_RE = re.compile(r"(1[0-2]|[1-9])[ \t]*月")
_COMMUNIQUE_RE = re.compile(r"统计公报|国民经济和社会发展")
_TITLE_YEAR_RE = re.compile(r"((?:19|20)\d{2})[ \t]*年")
_REPORT_YEAR_RE = re.compile(
    r"((?:19|20)\d{2})[ \t]*年(?=上半年|下半年|[一二三四]季度|第[一二三四]季度|前三季度|全年|度|"
    r"\d{1,2}[ \t]*(?:[-~]|至)[ \t]*\d{1,2}[ \t]*月|国民经济|经济运行|,)")
# "2022年是党的二十大召开之年, ...": a review that opens on the year it looks back on
_OPENING_YEAR_RE = re.compile(r"\s*((?:19|20)\d{2})[ \t]*年(?=是|以来)")
_LAST_YEAR_REPORT_RE = re.compile(r"去年全年|全年[^。]{0,40}(?:同比|比上年)")
_THIS_YEAR_REPORT_RE = re.compile(r"今年(?:以来|上半年|[一二三四]季度|前三季度|1[ \t]*(?:[-~]|至))")


def report_year(t: str, spans, pub_year: int | None, pub_month: int | None = None) -> int | None:
    """Y: the year the communiqué or report is about, where the text says so."""
    if spans:
        s, e = spans[0]
        title = t[s:e]
        if len(title) <= 80 and _REPORT_TITLE_RE.search(title):
            m = _TITLE_YEAR_RE.search(title)
            if m:
                return int(m.group(1))
    m = _REPORT_YEAR_RE.search(t) or _OPENING_YEAR_RE.match(t)
    if m:
        return int(m.group(1))
    if pub_year is not None and _THIS_YEAR_REPORT_RE.search(t):
        return pub_year
    if pub_year is not None and pub_month is not None and pub_month <= 3 and _LAST_YEAR_REPORT_RE.search(t):
        return pub_year - 1  # "全年...增长" in the first quarter: the year just ended
    return None


_SINCE_AFTER_PLAN = ("以来", "”以来", "\"以来", "’以来", "规划以来", "时期以来")


def _plan_years(m: re.Match) -> tuple[int, int]:
    n = 10 + "一二三四五六七八九".index(m.group()[1]) + 1  # 十三五: the 13th
    first_n, first_year = L.PLAN_FIRST_REGULAR
    start = first_year + 5 * (n - first_n)
    return start, start + 4


def _periods(t: str, spans, paras, cands: list[ZhCand], pub: int | None,
             pub_month: int | None = None) -> dict[ZhCand, Period]:
    per: dict[ZhCand, tuple] = {c: (None, None) for c in cands}
    Y = report_year(t, spans, pub, pub_month)
    cur_y = Y if Y is not None else pub
    default = (Y, Y) if Y is not None and _COMMUNIQUE_RE.search(t[:300]) else (None, None)
    by_sent: dict[int, list[ZhCand]] = {}
    for c in cands:
        by_sent.setdefault(c.sent, []).append(c)
    carried = (None, None)
    last_para = -1
    lead = None  # the period the text opens on ("上半年，湖南地区生产总值…"): a report's own
    section = None  # the period a heading names ("一、2022年财政预算执行情况"), until the next heading
    for si, (s, e) in enumerate(spans):
        if paras[si] != last_para:
            if lead is None and last_para != -1 and carried != (None, None):
                lead = carried
            carried = (None, None)
            last_para = paras[si]
        figs = by_sent.get(si)
        cues = list(_CUE_RE.finditer(t, s, e))
        heading = e - s <= 40 and (_SECTION_HEADING_RE.match(t, s) is not None or _YEAR_HEADING_RE.fullmatch(t, s, e) is not None)
        if heading:
            section = None
        if not figs:
            if cues:
                carried = _walk(t, cues, [], carried, Y, cur_y, pub, pub_month, per)
                if heading and carried != (None, None):
                    section = carried
            continue
        # within a section on one year ("2019年工作回顾"), "比上年" counts from that year's own
        year = section[0] if section is not None and section[0] == section[1] else cur_y
        carried = _walk(t, cues, figs, carried, Y, year, pub, pub_month, per)
        for c in figs:
            if per[c] == (None, None):
                # a paragraph that names no time goes on about the report's period
                per[c] = section or (default if default != (None, None) else lead or (None, None))
    return {c: Period(*years, *_detail(years)) for c, years in per.items()}


_PRICE_BASE_AFTER = ("不变价", "可比价", "价格")
_CARRIED_IN_AFTER = ("结余", "结转")
_SESSION_AFTER = ("会议", "全会", "全体会议", "代表大会")
# a report's numbered section heading ("一、2022年财政预算执行情况", "二、2023年预算草案"): the
# period it names is the section's, across its paragraphs
_SECTION_HEADING_RE = re.compile(r"[ \t]*[一二三四五六七八九十]{1,3}、")
# ... or a line of its own that opens on a year ("2019年工作回顾", "2020年工作安排")
_YEAR_HEADING_RE = re.compile(r"[ \t]*(?:19|20)\d{2}[ \t]*年[^,，;；:：。!！?？\n]{2,18}[ \t]*\n?")


def _walk(t, cues, figs, state, Y, cur_y, pub, pub_month, per: dict):
    """Walk a sentence's cues and figures in order; returns the period carried onwards."""
    events = [(m.start(), 0, m) for m in cues] + [(c.ns, 1, c) for c in figs]
    events.sort(key=lambda x: (x[0], x[1]))
    saved = None
    base = None
    scoped = None            # (period, until)
    now_from = None
    last_end = -10
    for pos, kind, obj in events:
        if scoped is not None and pos >= scoped[1]:
            scoped = None
        if kind == 0:
            m, g = obj, obj.lastgroup
            if g == "range":
                state = (int(m.group(2)), int(m.group(3)))
            elif g == "since":
                y0 = pub - 1 if m.group().startswith("去年") and pub is not None else int(m.group()[:4]) if m.group()[:1].isdigit() else None
                if y0 is not None:
                    state = (y0, pub)
            elif g == "base":
                base = int(_YEAR_DIGITS_RE.search(m.group()).group())
            elif g == "year" and t.startswith(_PRICE_BASE_AFTER, m.end()):
                pass  # "按2020年不变价格计算": the prices' base year, no period
            elif g == "year":
                if t[max(0, m.start() - 1):m.start()] in ("由", "从") and saved is None:
                    # "由2022年的16.8:49.2:34.0调整为15.2:50.2:34.6": the "to" side is the sentence's own
                    saved = state if state != (None, None) else ((cur_y, cur_y) if cur_y is not None else None)
                state = (int(m.group()[:4]),) * 2
            elif g == "plan":
                state = _plan_years(m)
                if t.startswith(_SINCE_AFTER_PLAN, m.end()) and pub is not None and state[0] <= pub:
                    state = (state[0], pub)  # "“十四五”以来": since the plan began, until now (FORMAT.md: since YEAR -> YEAR-P)
            elif g == "keep":
                if state == (None, None) and cur_y is not None:
                    state = (cur_y, cur_y)
            elif g == "prev":
                if t.startswith(_CARRIED_IN_AFTER, m.end()):
                    pass  # "上年结余115.4亿元": last year's balance, received in this year's accounts
                elif m.group() == "去年":  # an undated text never gets a year from a relative date
                    state = (pub - 1, pub - 1) if pub is not None else (None, None)
                elif cur_y is not None:
                    saved = state if state != (None, None) else (cur_y, cur_y)
                    state = (cur_y - 1, cur_y - 1)
            elif g == "to":
                if saved is not None:
                    state, saved = saved, None
            elif g == "label":
                # "比一季度加快": the quarter is what the change is counted from, not the figure's part
                base_before = t[max(0, m.start() - 1):m.start()] in ("比", "较")
                if base_before and cur_y is not None and tuple(state) == (cur_y, cur_y):
                    pass  # "1-8月……比上半年加快": the figure keeps its own part of the year
                elif m.start() - last_end > 1:  # "2023年上半年": the year said it
                    if m.group() in L.ANNUAL_LABELS and Y is None:
                        pass
                    elif cur_y is not None:
                        state = (cur_y, cur_y)
                        mon = _MONTH_LABEL_RE.match(m.group())
                        if mon and Y is None and pub_month is not None and int(mon.group(1)) > pub_month:
                            state = (cur_y - 1, cur_y - 1)  # "12月末" in a January article: last December
                        if not base_before:
                            state = _part_of(state, m.group())
                elif state[0] is not None and state[0] == state[1] and not base_before:
                    state = _part_of(state, m.group())
            elif g == "this":
                if m.group() == "本年" and (state[0] is not None or Y is not None):
                    # "2023年,……本年收支结余7.24亿元": the year the report is on, not the calendar's
                    if state[0] is None:
                        state = (Y, Y)
                else:
                    state = (pub, pub) if pub is not None else (None, None)
            elif g == "twoavg":
                if cur_y is not None:
                    scoped = ((cur_y - 1, cur_y), _clause_end(t, m.end()))
            elif g == "now":
                if pub is not None and now_from is None:
                    now_from = state
                    state = (pub, pub)
            last_end = m.end()
            continue
        c = obj
        if c.unit == "year" and c.fam == "time" and scoped is None:
            span = _span_period(t, c, Y, pub)
            if span is not None:
                per[c] = span
                if span[0] is not None and not t.startswith(L.SUPERLATIVE_AFTER, c.end):
                    # "五年来,全州新建学校86所": the span bounds the rest of the sentence
                    if now_from is None:
                        now_from = state
                    state = span
                continue
        if scoped is not None:
            per[c] = scoped[0]
        elif base is not None:
            per[c] = (base, state[1] if state[1] is not None else cur_y)
            base = None
        else:
            per[c] = state
    return now_from if now_from is not None else state


def _span_period(t: str, c: ZhCand, Y, pub):
    """近三年, 三年来, 过去五年: spans anchored at the publication year (a superlative's at Y)."""
    n = int(c.value) if c.value == c.value.to_integral_value() else None
    if n is None:
        return None
    before = t[max(0, c.ns - 2):c.ns]
    if before.endswith("近"):
        if t.startswith(L.SUPERLATIVE_AFTER, c.end):
            anchor = Y if Y is not None else pub
        else:
            anchor = pub
        return (anchor - n, anchor) if anchor is not None else (None, None)
    if t.startswith("来", c.end) or before == "过去":
        return (pub - n, pub) if pub is not None else (None, None)
    if before == "未来":
        return (pub, pub + n) if pub is not None else (None, None)
    return None


def _clause_end(t: str, pos: int) -> int:
    m = _CLAUSE_END_RE.search(t, pos)
    return m.start() if m else len(t)


class _Part(tuple):
    """The years (y, y) of a part of year y, with what part it is: its granularity and its first
    and last month. A tuple, so that the walk carries and compares it as any period's years."""

    def __new__(cls, year: int, granularity: str, m0: int, m1: int):
        self = super().__new__(cls, (year, year))
        self.granularity, self.months = granularity, (m0, m1)
        return self


_MONTHS_LABEL_RE = re.compile(r"(1[0-2]|[1-9])[ \t]*(?:[-~]|至)[ \t]*(1[0-2]|[1-9])[ \t]*月")


def _part_of(years: tuple, label: str) -> tuple:
    """``years`` (one year) narrowed to the part of it a label names ("上半年", "1-5月", "6月末")."""
    part = L.PART_LABELS.get(label)
    if part is None:
        m = _MONTHS_LABEL_RE.match(label) or _MONTH_LABEL_RE.match(label)
        if m is None:
            return years  # "全年", "年末": the whole year
        m0, m1 = int(m.group(1)), int(m.group(m.lastindex))
        if not m0 <= m1:
            return years
        part = ("month", m0, m1)
    return _Part(years[0], *part)


def _detail(period) -> tuple:
    y0, y1 = period
    if y0 is None or y1 is None:
        return None, None, None
    if isinstance(period, _Part):
        m0, m1 = period.months
        return period.granularity, date(y0, m0, 1), date(y0, m1, monthrange(y0, m1)[1])
    return ("year" if y0 == y1 else "multi_year"), date(y0, 1, 1), date(y1, 12, 31)


# ---------------------------------------------------------------------------------------------
# regions
# ---------------------------------------------------------------------------------------------
class _Mention:
    __slots__ = ("start", "end", "region", "rank", "partner", "home", "nation", "members")

    def __init__(self, start, end, region, rank, partner=False, home=False, nation=False):
        self.start, self.end, self.region, self.rank = start, end, region, rank
        self.partner, self.home, self.nation = partner, home, nation
        self.members: list[str | None] = [region]  # "关中、陕北、陕南": each place of a list, in order


_CITY_LEVELS = frozenset({"city", "prefecture"})


class _Gazetteer:
    """The gazetteer's Chinese names, found as a reader finds them in running Chinese text."""

    def __init__(self, regions: tuple[Region, ...]):
        self.by_alias: dict[str, Region] = {}
        self.by_name: dict[str, Region] = {r.name: r for r in regions}
        self.country = None
        for r in regions:
            if r.level in ("excluded", "group"):
                continue
            for a in (r.name, *r.aliases):
                if a and _HAN_RE.search(a) and a not in self.by_alias:
                    self.by_alias[a] = r
            if r.name == "China":
                self.country = r
        # "衡阳县": the county that shares its name with the city it lies in (衡阳, Hengyang) is a
        # place of its own, "Hengyang County", wherever the gazetteer has no row for it
        for r in regions:
            if r.level in _CITY_LEVELS:
                for a in (r.name, *r.aliases):
                    county = f"{a}县"
                    if a and _HAN_RE.search(a) and len(a) >= 2 and not a.endswith(L.ADMIN_SUFFIXES) \
                            and county not in self.by_alias:
                        c = Region(name=f"{r.name} County", aliases=(county,), level="county", parent=r.name)
                        self.by_alias[county] = self.by_name.setdefault(c.name, c)
        self.rx = re.compile(_first_chars(self.by_alias) + "(?:" + trie_alt(self.by_alias) + ")("
                             + _alt(L.ADMIN_SUFFIXES) + ")?") if self.by_alias else None
        self.home_rx = re.compile(_alt(L.HOME_WORDS + L.NATION_WORDS))

    @staticmethod
    def rank(r: Region) -> int:
        return LEVEL_RANK.get(r.level, 3)

    def bare_ok(self, alias: str, r: Region) -> bool:
        """A short city name is also a common word ("白银", "来宾"): it needs 市/县 or a
        confirmed mention elsewhere; province-level names and longer names stand alone."""
        return (len(alias) >= 3 or self.rank(r) <= 2 or r.level == "corps"
                or (r.parent == "Xinjiang" and r.level == "prefecture") or alias.endswith(L.ADMIN_SUFFIXES))

    def mentions(self, t: str) -> list[_Mention]:
        if self.rx is None:
            return []
        raw = []
        confirmed = set()
        for m in self.rx.finditer(t):
            alias = t[m.start():m.start(1)] if m.group(1) else m.group()
            if alias not in self.by_alias:
                continue
            if m.group(1):
                confirmed.add(alias)
            raw.append((m.start(), m.end(), alias, bool(m.group(1))))
        # "甘肃省……庆阳紧随其后": in a text on its province, a short city name is that city; so it
        # is in a text that calls itself 全市 ("中卫经济“半年报”公布,全市实现……")
        provinces = {self.by_alias[a].name for _, _, a, _ in raw if self.rank(self.by_alias[a]) <= 2}
        own_levels = {lv for w in L.HOME_WORDS if w[0] == "全" and w in t for lv in L.HOME_LEVELS.get(w[1:], ())}
        out: list[_Mention] = []
        for s, e, alias, suffixed in raw:
            r = self.by_alias[alias]
            if not (suffixed or alias in confirmed or self.bare_ok(alias, r) or r.parent in provinces
                    or r.level in own_levels):
                continue
            if r.level in ("country", "economic_region") and t.startswith(L.PLACE_NOT_BEFORE, s + len(alias)):
                continue  # "中国银行", "南疆铁路": a name
            if _DATELINE_AFTER_RE.match(t, e):
                continue  # "乌鲁木齐1月5日电": where the story was filed
            if _IN_NAME_BRACKETS(t, s, e):
                continue  # "巴斯夫（广东）一体化基地": the place a company is registered in, part of its name
            partner = bool(_PARTNER_BEFORE_REV_RE.match(t[max(0, s - 3):s][::-1]))
            ment = _Mention(s, e, r.name, self.rank(r), partner)
            if out and out[-1].end == s and not out[-1].home:  # "新疆喀什地区": one place, the smaller
                prev = out[-1]  # (of one rank, the one written last: "新疆生产建设兵团第二师铁门关市")
                if ment.rank >= prev.rank:
                    prev.region, prev.rank = ment.region, ment.rank
                prev.end = e
                continue
            if out and not out[-1].home and _LIST_SEP_RE.fullmatch(t[out[-1].end:s]) and not partner:
                prev = out[-1]  # "喀什、和田两地": several places
                prev.region, prev.end = None, e
                prev.members.append(ment.region)
                continue
            if t.endswith(L.SUBORDINATES_BEFORE, max(0, s - 2), s):
                ment.partner = True  # "辖高昌区、鄯善县": the places it governs
            elif t[max(0, s - 1):s] == "在" and _VENUE_AFTER_RE.match(t, e):
                ment.partner = True  # "开工活动在伊宁县家纺服装产业园举行": where a ceremony was held
            elif t.startswith(_SURVEY_OFFICES, e):
                ment.partner = True  # "据国家统计局新疆调查总队资料": who compiled the data, not where
            out.append(ment)
        for m in self.home_rx.finditer(t):
            nation = m.group() in L.NATION_WORDS
            # "比全国高0.5个百分点", "高于全区平均水平": the nation or the home region only compared with
            compared = (t.endswith(L.COMPARED_BEFORE + L.RANKED_BEFORE + L.SHARE_OF_BEFORE, 0, m.start())
                        or t.startswith(L.RANKED_AFTER + L.SHARE_OF_AFTER, m.end()))
            out.append(_Mention(m.start(), m.end(), self.country.name if nation and self.country else None,
                                0, compared and (not nation or t.endswith(L.COMPARED_BEFORE + L.SHARE_OF_BEFORE, 0, m.start())
                                                 or t.startswith(L.SHARE_OF_AFTER, m.end())),
                                home=not nation, nation=nation))
        out.sort(key=lambda x: x.start)
        return out


# "2021年洪雅县国民经济和社会发展统计公报": the county (district, banner, city) a report is of
# (the name begins the title, or follows its year or the province or city it lies in: "四川省眉山市洪雅县")
_TITLE_PLACE_RE = re.compile(r"(?:(?<=[年省市州盟])|(?<![\u4e00-\u9fff]))((?:(?![年省市州盟县区旗])[\u4e00-\u9fff]){2,4}?)"
                             r"((?:(?![年省市州盟县区旗])[\u4e00-\u9fff]{1,2}族){0,3})"  # "巍山彝族回族自治县": its peoples
                             r"(自治县|县|区|旗|市)"
                             r"(?=\s*(?:国民经济|统计公报|经济运行|经济社会|政府工作报告|20\d\d))")
_TITLE_PLACE_LEVELS = {"县": "county", "自治县": "county", "旗": "county", "区": "district", "市": "city"}


def _title_place(t: str, spans, gaz: _Gazetteer) -> tuple[Region, list[_Mention]] | None:
    """The place a report's title names where the gazetteer has no row for it (China has some
    2,800 counties): a place of this text, named in pinyin ("洪雅县" Hongya), with its mentions."""
    if not spans:
        return None
    s0, e0 = spans[0]
    if len(spans) > 1 and e0 - s0 < 30:  # a title on two lines: the place, then "2021年...统计公报"
        e0 = spans[1][1]
    m = _TITLE_PLACE_RE.search(t, s0, e0)
    if m is None or not _REPORT_TITLE_RE.search(t, m.end(), e0):
        return None
    name, peoples, suffix = m.group(1), m.group(2), m.group(3)
    if name + peoples + suffix in gaz.by_alias or name + suffix in gaz.by_alias or name in gaz.by_alias \
            or name.startswith(L.HOME_PREFIXES):
        return None
    from pypinyin import lazy_pinyin  # only a report of a place the gazetteer lacks needs it

    english = "".join(lazy_pinyin(name)).capitalize()
    if english in gaz.by_name:  # another place's name already ("Hengyang"): say which
        english = f"{english} {_TITLE_PLACE_LEVELS[suffix].capitalize()}"
    # "巍山县委" shortens "巍山彝族回族自治县": both are its names
    forms = [name + peoples + suffix] + ([name + "县"] if peoples and suffix == "自治县" else [])
    level = _TITLE_PLACE_LEVELS[suffix]
    r = Region(name=english, aliases=tuple(forms), level=level)
    rank = LEVEL_RANK.get(r.level, 3)
    found = sorted((_Mention(k.start(), k.end(), english, rank)
                    for k in re.finditer("|".join(map(re.escape, forms)), t)), key=lambda x: x.start)
    return r, found


def _IN_NAME_BRACKETS(t: str, s: int, e: int) -> bool:
    """Is the place at s..e bracketed inside a name, Chinese characters on both sides?"""
    return (0 < s - 1 and e + 1 < len(t) and t[s - 1] in "（(" and t[e] in "）)"
            and bool(_HAN_RE.match(t[s - 2])) and bool(_HAN_RE.match(t[e + 1])))


@lru_cache(maxsize=4096)
def _home_place_in(gaz: _Gazetteer, word: str, choices: tuple) -> str | None:
    """The place a word like "全市" or "全省" stands for: the first of ``choices`` (places named
    before it, nearest first) of the rank it names, or that holds one of them."""
    levels = L.HOME_LEVELS.get(word[1:])
    if not levels:
        return None
    for name in choices:
        r = gaz.by_name.get(name) if name else None
        for _ in range(8):  # no gazetteer nests deeper; a cycle in its parents ends here
            if r is None:
                break
            if r.level in levels:
                return r.name
            r = gaz.by_name.get(r.parent) if r.parent else None
    return None


_gazetteer = by_identity(_Gazetteer)
_PARTNER_BEFORE_REV_RE = re.compile("|".join(re.escape(p[::-1]) for p in L.PARTNER_BEFORE))
# "乌鲁木齐1月5日电", "海口7月25日消息", "兰州3月2日讯": where the story was filed
_DATELINE_AFTER_RE = re.compile(r"[ \t]*\d{1,2}[ \t]*月[ \t]*\d{1,2}[ \t]*日[ \t]*(?:电|消息|讯)")


_AID_WORDS = ("援藏", "援疆", "援青", "对口支援", "对口援助")
# what pairing aid delivers (funds, projects), as against the aider's own people ("选派援疆干部300名")
_DELIVERED_UNITS = frozenset({"item", "project"})
_RECIPIENT_PROVINCES = ("Xinjiang", "Tibet", "Qinghai")  # 援疆, 援藏, 援青


_SURVEY_OFFICES = ("调查总队", "调查队")
_VENUE_AFTER_RE = re.compile(r"[^,;:。!?()\d]{0,16}?(?:举行|召开|举办|开幕)")
_AIDED_BEFORE_RE = re.compile(r"(?:支援|援助|援建|帮扶|援)$")


def _aid_to_its_recipient(t: str, cands, mentions: list[_Mention], gaz, places: dict) -> None:
    """In pairing-aid news the money and the projects an aiding province puts in are the recipient's
    ("福建省...援藏资金投入达5313万元" in a story on Nyingchi, Fujian's partner, is Nyingchi's); the
    aider's own people and teams stay the aider's (README_zh)."""
    if gaz is None or not any(w in t for w in _AID_WORDS):
        return
    recipients = [m for m in mentions if m.region and not m.home and not m.nation
                  and _lies_in(gaz, m.region, _RECIPIENT_PROVINCES)]
    if not recipients:
        return
    # the place the aid words name ("对口支援伊犁州") before a venue of higher rank ("在伊宁县...举行")
    aided = {m.region for m in recipients if _AIDED_BEFORE_RE.search(t, max(0, m.start - 6), m.start)}
    best = max(recipients, key=lambda m: (m.region in aided, m.rank, sum(n.region == m.region for n in recipients)))
    for c in cands:
        r = gaz.by_name.get(places[c]) if places.get(c) else None
        if r is not None and r.level != "country" and (c.kind == "money" or c.unit in _DELIVERED_UNITS) \
                and not _lies_in(gaz, r.name, _RECIPIENT_PROVINCES):
            places[c] = best.region


def _lies_in(gaz, name: str, provinces: tuple[str, ...]) -> bool:
    r = gaz.by_name.get(name)
    for _ in range(8):
        if r is None:
            return False
        if r.name in provinces:
            return True
        r = gaz.by_name.get(r.parent) if r.parent else None
    return False


def _regions(t, spans, paras, cands, mentions, gaz, own: Region | None = None) -> dict[ZhCand, str | None]:
    places: dict[ZhCand, str | None] = {c: None for c in cands}
    if not cands or gaz is None:
        return places

    def _home_place(gaz, word, choices):  # the report's own county too, which the gazetteer lacks
        if own is not None and own.name in choices and own.level in L.HOME_LEVELS.get(word[1:], ()):
            return own.name
        return _home_place_in(gaz, word, choices)

    def _home_or_fallback(gaz, word, choices, fallback):
        """The place "全市" stands for, else the text's; never a province for a city's or county's
        own word ("全市" in a text that names only 辽宁, where the leader visited): a city unnamed."""
        place = _home_place(gaz, word, choices)
        if place is not None or fallback is None:
            return place or fallback
        levels = L.HOME_LEVELS.get(word[1:], ())
        r = gaz.by_name.get(fallback)
        if levels and r is not None and r.level not in levels \
                and LEVEL_RANK.get(r.level, 3) < max(LEVEL_RANK.get(lv, 3) for lv in levels):
            return None
        return fallback

    real = [m for m in mentions if not m.home and not m.partner]
    main, title = None, []
    if spans:
        s0, e0 = spans[0]
        title = [m for m in real if s0 <= m.start < e0 and m.region]
        if title:
            main = max(title, key=lambda m: m.rank).region
    if main is None:
        first = next((m for m in real if m.region and m.rank > 0), None) or next((m for m in real if m.region), None)
        main = first.region if first else None
    named_first = main  # what "全省" stands for even where the text's own place is unnamed
    home = next((m for m in mentions if m.home and not m.partner), None)
    if main is not None and home is not None and (not title or spans[0][1] - spans[0][0] > 80):
        # a city's report that names only its province in passing ("在辽宁考察时", then 全市), in no
        # headline: its own word for itself says which rank it is
        main = _home_or_fallback(gaz, t[home.start:home.end], (main,), main)
    starts = [m.start for m in mentions]
    last_para, carried = -1, None
    unnamed = False  # the place carried on is the text's own, which it never names ("全市" alone)
    sent_of = {}
    for c in cands:
        sent_of.setdefault(c.sent, []).append(c)
    for si, (s, e) in enumerate(spans):
        if paras[si] != last_para:
            carried, last_para, unnamed = None, paras[si], False
        figs = sent_of.get(si, ())
        for c in figs:
            i = bisect_right(starts, c.ns) - 1
            found = False
            while i >= 0 and mentions[i].start >= s:
                m = mentions[i]
                if m.end <= c.ns and not m.partner and not (m.nation and _CLAUSE_END_RE.search(t, m.end, c.ns)):
                    # "全市", "全省": the paragraph's or the text's place of that rank, else the
                    # place the paragraph is about, else the text's
                    if m.home:
                        named, j = None, i - 1
                        while j >= 0 and mentions[j].start >= s and named is None:
                            n = mentions[j]
                            named = n.region if n.region and not n.home and not n.partner else None
                            j -= 1
                        places[c] = _home_or_fallback(gaz, t[m.start:m.end], (named, carried, named_first),
                                                      carried or main)
                    else:
                        places[c] = m.region
                    found = True
                    break
                i -= 1
            if not found:
                places[c] = carried if carried is not None or unnamed else main
        for c, place in _respectively(t, s, e, figs, mentions[bisect_left(starts, s):bisect_left(starts, e)]):
            places[c] = place
        here = [m for m in mentions[bisect_left(starts, s):bisect_left(starts, e)] if not m.partner and not m.nation]
        if here:
            last = here[-1]
            if last.home:  # "全市接待游客...；实现旅游总收入": the city goes on
                named = next((n.region for n in reversed(here) if n.region and not n.home), None)
                carried = _home_or_fallback(gaz, t[last.start:last.end], (named, carried, named_first), carried or main)
                unnamed = carried is None
            else:
                carried, unnamed = last.region, False
    return places


_RESPECTIVELY = "分别"
_LIST_OF_FIGURES_RE = re.compile(r"[ \t]*(?:、|和|及|与|,|，)[ \t]*")


def _respectively(t: str, s: int, e: int, figs, mentions: list[_Mention]):
    """"关中、陕北、陕南县域生产总值同比分别增长6.2%、6.3%、5.3%": the places of a list, taken in
    order by the figures listed after 分别 ("respectively") in the same sentence, as many as
    there are places. (Pairs of (figure, place).)"""
    if _RESPECTIVELY not in t[s:e]:
        return []
    out = []
    for m in mentions:
        if len(m.members) < 2 or m.partner or None in m.members:
            continue
        k = t.find(_RESPECTIVELY, m.end, e)
        while k != -1:
            run = [c for c in figs if c.ns >= k]
            group = run[:1]
            for c in run[1:]:
                if not _LIST_OF_FIGURES_RE.fullmatch(t, group[-1].end, c.ns):
                    break
                group.append(c)
            if len(group) == len(m.members) and group and not _CLAUSE_END_RE.search(t, k, group[0].ns):
                out.extend(zip(group, m.members))
            k = t.find(_RESPECTIVELY, k + 2, e)
    return out


# ---------------------------------------------------------------------------------------------
# metrics
# ---------------------------------------------------------------------------------------------
class _Triggers:
    def __init__(self, metrics: tuple[MetricDef, ...]):
        self.by_trigger: dict[str, MetricDef] = {}
        for md in metrics:
            for tr in md.triggers:
                if _HAN_RE.search(tr):
                    self.by_trigger.setdefault(tr, md)
        self.rx = re.compile(_first_chars(self.by_trigger) + "(?:" + trie_alt(self.by_trigger) + ")") if self.by_trigger else None


_triggers = by_identity(_Triggers)


def _metrics(t, spans, cands, metrics) -> dict[ZhCand, str | None]:
    labels: dict[ZhCand, str | None] = {}
    if not cands or not metrics:
        return labels
    trig = _triggers(metrics)
    if trig.rx is None:
        return labels
    hits: dict[int, list] = {}
    for si in sorted({c.sent for c in cands}):
        s, e = spans[si]
        hits[si] = [(m.start(), m.end(), trig.by_trigger[m.group()]) for m in trig.rx.finditer(t, s, e)]
    for c in cands:
        best, best_d = None, None
        for ts, te, md in hits.get(c.sent, ()):
            fits = family_fits(md.unit_family, c.kind, c.unit)
            derived = (c.kind == "percent" or c.unit == "times") and md.unit_family in ("money", "count", "quantity", "physical")
            if not fits and not derived:
                continue
            if te <= c.ns:
                d = c.ns - te
            elif ts >= c.end:
                d = (ts - c.end) * 2 + 10
            else:
                d = 0
            if not fits:
                d = d * 2 + 20
            if best_d is None or d < best_d:
                best, best_d, best_fits = md, d, fits
        if best is None:
            labels[c] = c.unit if c.fam in ("counter", "place") else None
            continue
        label = best.label
        if not best_fits:
            label = (f"multiple of {label}" if c.unit == "times"
                     else f"change in {label}" if c.verb else f"share of {label}")
        labels[c] = label
    return labels
