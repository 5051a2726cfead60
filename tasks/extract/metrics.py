"""Metrics: a short label for what each figure measures.

From the curated lexicon (metrics.csv: key, label, unit family, trigger phrases) where a trigger
stands near the figure in its sentence (before it preferred); otherwise the head noun phrase:
the counted noun of a quantity ("4,168 employees" -> "employees") or the words that lead up to
the figure ("Revenue from land premium is $19.4 billion" -> "land premium").

>>> lex = metrics_from_rows([{"key": "gdp_per_capita", "label": "per capita GDP",
...                           "unit_family": "money", "triggers": "per capita GDP|GDP per capita"}])
>>> from tasks.extract import parse_figures
>>> [(f.surface, f.metric) for f in parse_figures(
...     "Xinjiang's per capita GDP increased to 54,280 yuan.", metrics=lex)]
[('54,280 yuan', 'per capita GDP')]

A lexicon metric is only ever given to a figure its unit family can describe
(``family_fits``): an amount of money never becomes a growth rate, a span of years never
becomes a budget. A percentage or multiple of a metric measured otherwise is named after it
("change in exports", "share of employees", "multiple of profit"); a figure no metric fits
keeps the text's own words, or none: never a lexicon metric of the wrong family.
"""
from __future__ import annotations

import re
from typing import Iterable, Mapping, Sequence

from schemas.vocabulary import UNIT_FAMILIES  # noqa: F401  metrics.csv's unit_family words

from ._cache import by_identity
from ._lexicon import (
    FUNCTION_WORDS,
    PLACE_PREPOSITIONS,
    TIME_UNITS,
    VERBISH,
)
from .patterns import folded, trie_alt
from .record import MetricDef
from .regions import _gazetteer

# What a figure of each unit family is: its kind, and for quantities what its unit must be.
# A duration is counted in units of time; a count, physical quantity or index level is not
# (nor is a multiple, "3.7 times", which is a ratio of two values of one metric); a rate
# moves in basis points (hundredths of a percentage point) as well as in per cent.
_TIME_UNITS = frozenset(TIME_UNITS.values())
_NOT_AMOUNTS = frozenset({"times", "basis point"})


def family_fits(family: str, kind: str, unit: str | None) -> bool:
    """Can a metric of unit ``family`` be what a figure of ``kind`` and ``unit`` measures?

    >>> family_fits("percent", "money", "INR"), family_fits("duration", "quantity", "year")
    (False, True)
    """
    if family == "any":
        return True
    if kind == "money" or kind == "percent":
        return family == kind
    if family == "duration":
        return unit in _TIME_UNITS
    if family == "percent":
        return unit == "basis point"
    return (family in ("count", "quantity", "physical")
            and unit not in _TIME_UNITS and unit not in _NOT_AMOUNTS)


def _derived(family: str, kind: str, unit: str | None) -> bool:
    """A percentage or multiple of an amount, count or physical quantity names a change in it,
    a share of it or a multiple of it; a span of time has no such share."""
    return (kind == "percent" or unit == "times") and family in ("money", "count", "quantity", "physical")


_CHANGE_RE = re.compile(r"\b(?:grew|grow|growth|rose|rise|rising|fell|fall|falling|increased?|"
                        r"decreased?|declined?|dropped|drop|up|down|higher|lower|more|less|"
                        r"expanded|shrank|contracted|jumped|surged|slid|slipped|gained|lost|"
                        r"climbed|plunged|soared|dipped|change|changed)\b", re.I)
_CLAUSE_GAP_RE = re.compile(r"[,;:(]|\band\b")
_WORD_RE = re.compile(r"[A-Za-z][\w'’-]*|[^\sA-Za-z]")
_YEAR_IN_GAP_RE = re.compile(r"(?<![\d.,])(?:19|20)\d\d(?![\d.,])")


def metrics_from_rows(rows: Iterable[Mapping[str, str]]) -> list[MetricDef]:
    """Lexicon rows (key, label, unit_family, triggers '|'-separated) -> ``MetricDef`` records."""
    out = []
    for r in rows:
        key = (r.get("key") or "").strip()
        if not key:
            continue
        label = (r.get("label") or key).strip()
        fam = (r.get("unit_family") or "any").strip() or "any"
        trig = tuple(t.strip() for t in (r.get("triggers") or "").split("|") if t.strip())
        out.append(MetricDef(key=key, label=label, unit_family=fam, triggers=trig or (label,)))
    return out


class _Lexicon:
    __slots__ = ("rx", "rx_folded", "by_trigger", "by_name")

    def __init__(self, metrics: Sequence[MetricDef]):
        self.by_trigger: dict[str, MetricDef] = {}
        # a metric as the pipeline reads a figure's label back (tasks.normalise.metric_keys)
        self.by_name: dict[str, MetricDef] = {}
        for md in metrics:
            self.by_name.setdefault(md.key.casefold(), md)
            self.by_name.setdefault(md.label.casefold(), md)
            for t in (*md.triggers, md.label):
                self.by_trigger.setdefault(" ".join(t.lower().split()), md)
        body = trie_alt(self.by_trigger, fold=True, space=r"[\s-]+")
        firsts = "".join(sorted({re.escape(t[0].lower()) + re.escape(t[0].upper()) for t in self.by_trigger if t}))
        self.rx = re.compile(rf"(?=[{firsts}])(?<![\w])(?:{body})(?![\w])", re.I) if body else None
        # the same words in the lower-cased text (patterns.folded), which the engine scans faster
        lower = "".join(sorted({re.escape(t[0].lower()) for t in self.by_trigger if t}))
        self.rx_folded = re.compile(rf"(?=[{lower}])(?<![\w])(?:{body})(?![\w])") if body else None


_lexicon = by_identity(_Lexicon)


def metrics_of(text: str, sents, cands: list, metrics: Sequence[MetricDef],
               regions: Sequence = ()) -> dict[object, str | None]:
    """What every candidate figure measures (a lexicon label, else the text's own words, else
    None), keyed by figure; a phrase of the text that only names a place of ``regions`` (the
    gazetteer) says where, not what, and is no metric."""
    labels: dict[object, str | None] = {}
    if not cands:
        return labels
    hits: dict[int, list[tuple[int, int, MetricDef]]] = {}
    lex = _lexicon(metrics) if metrics else None
    if lex is not None:
        if lex.rx is not None:
            low = folded(text)
            rx, seen = (lex.rx, text) if low is None else (lex.rx_folded, low)
            for m in (m for lo, hi in _figure_sentences(sents, cands) for m in rx.finditer(seen, lo, hi)):
                md = lex.by_trigger.get(" ".join(m.group().lower().replace("-", " ").split()))
                if md is None:
                    md = lex.by_trigger.get(" ".join(m.group().lower().split()))
                if md is not None:
                    hits.setdefault(sents.of(m.start()), []).append((m.start(), m.end(), md))
    measured: dict[int, list] = {}
    prev: dict[int, object] = {}  # the figure before each one in its sentence
    for a, b in zip(cands, cands[1:]):
        if a.sent == b.sent and a.end <= b.start:
            prev[id(b)] = a
    for c in cands:
        if c.unit_kind != "noun":
            measured.setdefault(c.sent, []).append(c)
    for c in cands:
        s_start, s_end = sents.spans[c.sent] if c.sent < len(sents.spans) else (0, len(text))
        own = [md for ts, te, md in hits.get(c.sent, ())
               if ts < c.end and c.start < te and family_fits(md.unit_family, c.kind, c.unit)]
        if own:  # a trigger in the figure's own words: "4,168 employees"
            labels[c] = own[-1].label
            continue
        if c.unit_kind == "noun":  # what is counted: "19 wealthy cities", "1.3 billion socks"
            labels[c] = _counted(text, c)
            continue
        best, best_d = None, None
        # "12.1 trillion won (about USD8.8 billion) towards facilities investment": the words
        # after an amount begin after its conversion, which is part of the same mention
        after = c.link.end if (c.link_type == "conversion" and c.link is not None
                               and c.link.start > c.start) else c.end
        # another figure's unit of measure ("50 basis points") names no metric; what another
        # figure counts ("4,168 employees") can still be what a share is of
        units_of_others = [o for o in measured.get(c.sent, ()) if o is not c]
        for ts, te, md in hits.get(c.sent, ()):
            fits = family_fits(md.unit_family, c.kind, c.unit)
            if not fits and not _derived(md.unit_family, c.kind, c.unit):
                continue
            if any(o.start <= ts and te <= o.end for o in units_of_others):
                continue
            if te <= c.start:
                d = c.start - te
            elif ts >= after:
                d = (ts - after) * 2 + 10
                if _CLAUSE_GAP_RE.search(text, after, ts):  # "..., and per capita income": another figure's
                    d += 100
            else:
                d = 0
            if d > 160:
                continue
            if not fits:
                d = d * 2 + 20
            if best_d is None or d < best_d:
                best, best_d = md, d
        if best is not None:
            label = best.label
            if c.unit == "times" and not family_fits(best.unit_family, c.kind, c.unit):
                label = f"multiple of {label}"
            elif c.kind == "percent" and not family_fits(best.unit_family, c.kind, c.unit):
                if text.startswith(" of ", c.end):
                    label = f"share of {label}"
                elif _CHANGE_RE.search(text, max(s_start, c.start - 40), min(s_end, c.end + 30)):
                    label = f"change in {label}"
                else:
                    label = f"share of {label}"
            labels[c] = label
        else:
            labels[c] = _without_places(_head_phrase(text, s_start, c, prev.get(id(c))), regions)
    for c in cands:
        if c.link_type == "conversion" and c.link is not None and c.start > c.link.start:
            labels[c] = labels.get(c.link)
        if lex is not None and labels.get(c) is not None:
            # The text's own words can spell a metric of another family ("growth rate"
            # before an amount): read back as a key, that would be a wrong guess.
            md = lex.by_name.get(labels[c].casefold())
            if md is not None and not family_fits(md.unit_family, c.kind, c.unit):
                labels[c] = None
    return labels


def _figure_sentences(sents, cands) -> list[tuple[int, int]]:
    """The sentences that hold figures: only there can a trigger name one."""
    seen = sorted({c.sent for c in cands})
    return [sents.spans[i] for i in seen if i < len(sents.spans)]


def _counted(text: str, c) -> str:
    """The noun phrase a count counts, from the figure's own words after the number."""
    words = [w for w in _WORD_RE.findall(text[c.ne:c.end]) if w[0].isalpha()]
    phrase: list[str] = []
    for w in reversed(words):
        if w.lower() in FUNCTION_WORDS or w.endswith(("'s", "’s")) or len(phrase) >= 3:
            break
        phrase.append(w)
    return " ".join(reversed(phrase)) or c.unit


def _without_places(phrase: str | None, regions: Sequence) -> str | None:
    """The phrase without the place that owns it ("Namibia's diamond royalties"); None where it
    only names a place ("Maharashtra will spend Rs 500 crore"): where, not what."""
    if phrase is None or not regions:
        return phrase
    places = _gazetteer(regions).by_surface  # every name and alias the region reader knows
    if phrase.removesuffix("'s").removesuffix("’s") in places:
        return None
    for sep in ("'s ", "’s "):
        owner, found, rest = phrase.partition(sep)
        if found and owner in places:
            return rest
    return phrase


def _head_phrase(text: str, s_start: int, c, before=None) -> str | None:
    """The counted noun of a quantity, else the content words leading up to the figure.

    The words never run into the figure ``before`` it ("cut by 50 basis points to 10.50%": not
    "basis points"); where only small words stand between the two ("to", "from"), the figure
    continues the same phrase, and the words are those leading up to the figure before."""
    if c.unit_kind == "noun" and c.unit:
        return c.unit
    end = c.start
    if before is not None and before.end <= end:
        gap = _YEAR_IN_GAP_RE.sub(" ", text[before.end:end])  # "from 155 billion in 2005 to 313 billion"
        if all(w.lower() in FUNCTION_WORDS for w in _WORD_RE.findall(gap)):
            end = before.start  # "from 4,000 to 6,000 workers": one phrase
        else:
            s_start = max(s_start, before.end)
    lo = max(s_start, end - 80)
    cut = max(text.rfind(",", lo, end), text.rfind("(", lo, end), text.rfind(";", lo, end))
    if cut != -1:
        lo = cut + 1
    words = [w for w in _WORD_RE.findall(text[lo:end])]
    # drop trailing verbs, prepositions, qualifiers, and the place after the measure ("the
    # coverage rate in Pingliang fell by"): where, not what
    while words:
        if words[-1].lower() in FUNCTION_WORDS or words[-1].lower() in VERBISH or not words[-1][0].isalpha():
            words.pop()
            continue
        k = len(words)
        while k and words[k - 1][0].isupper():
            k -= 1
        if 0 < k < len(words) and words[k - 1].lower() in PLACE_PREPOSITIONS:
            del words[k - 1:]
            continue
        break
    phrase: list[str] = []
    for w in reversed(words):
        lw = w.lower()
        if not w[0].isalpha() or lw in FUNCTION_WORDS or lw in VERBISH or len(phrase) >= 4:
            break
        phrase.append(w)
    if not phrase:
        if c.unit_kind in ("time", "measure", "times") and c.unit:
            return c.unit
        return None
    return " ".join(reversed(phrase))
