"""Sentence and clause boundaries as character offsets into the raw text.

Never rewrites the text: every boundary is an offset, so figure spans stay spans of the raw
input.

>>> text = "Mr. Zhao said 4,000 yuan. Dec. 2 was late. The U.S. economy grew 2.1%.\\nNext line"
>>> [text[s:e] for s, e in split_sentences(text)]
['Mr. Zhao said 4,000 yuan.', 'Dec. 2 was late.', 'The U.S. economy grew 2.1%.', 'Next line']
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache

_ABBREVIATIONS = frozenset("""
mr mrs ms dr prof st jr sr co corp inc ltd bros vs etc e.g i.e u.s u.k u.n no nos jan feb mar
apr jun jul aug sep sept oct nov dec a.m p.m gov sen rep gen col lt capt sgt mt ft ave approx
est dept fig al cf op vol pp ed eds rev hon messrs univ assn gov't rs re tk
""".split())  # (rs, re, tk: "Rs. 970 billion", "Tk. 40 crore": a currency before its amount)

# a full stop / ! / ? (then closing quotes or brackets) and white space; or a line break
_BOUNDARY_RE = re.compile(r"[.!?…]+[\"'”’)\]]*[ \t\u00a0]+|[ \t]*\n\s*")
# the same, found by the character each starts with or holds (the punctuation, the line break)
# so that the engine need not stop at every blank; see _boundaries
_BOUNDARY_LEAD_RE = re.compile(r"[.!?…\n](?:(?<=\n)\s*|(?<=[.!?…])[.!?…]*[\"'”’)\]]*[ \t\u00a0]+)")
# the word before a full stop, read backwards from it: what ``([A-Za-z][A-Za-z.']*)\.$`` searched
# in the text up to the stop finds (its longest such word; "$" also matches before a final line
# break), in one match of the reversed text
_WORD_BEFORE_REVERSED_RE = re.compile(r"\n?\.([A-Za-z.']*[A-Za-z])")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence; white space between sentences belongs to none."""
    spans: list[tuple[int, int]] = []
    start = 0
    n = len(text)
    for b_start, b_end in _boundaries(text):
        group = text[b_start:b_end]
        end_punct = group.rstrip()
        if "\n" not in group:
            nxt = text[b_end: b_end + 1]
            # the next sentence starts with a capital, a digit, a quote or a bracket
            if not nxt or not (nxt.isupper() or nxt.isdigit() or nxt in "\"'“‘([€£$¥"):
                continue
            if end_punct.endswith(".") and _is_abbreviation(text, b_start):
                continue
        s, e = start, b_start + len(end_punct) if "\n" not in group else b_start
        if e > s and text[s:e].strip():
            spans.append(_strip(text, s, e))
        start = b_end
    if start < n and text[start:].strip():
        spans.append(_strip(text, start, n))
    if any(e - s > MAX_SENTENCE for s, e in spans):
        spans = [piece for s, e in spans for piece in _chunk(text, s, e)]
    return spans


def _boundaries(text: str):
    """The spans of ``_BOUNDARY_RE.finditer(text)``.

    A boundary starts at its punctuation, or at the blanks before its line break: found at the
    line break, it starts at the first of those blanks that the previous boundary left.
    """
    last = 0
    for m in _BOUNDARY_LEAD_RE.finditer(text):
        s = m.start()
        if text[s] == "\n":
            while s > last and text[s - 1] in " \t":
                s -= 1
        last = m.end()
        yield s, last


MAX_SENTENCE = 1200  # a "sentence" longer than this (a table, a list) is cut at blanks


def _chunk(text: str, s: int, e: int) -> list[tuple[int, int]]:
    """Cut an overlong span into pieces of at most about MAX_SENTENCE characters, at a ';', ','
    or blank, so that no step of the engine works on an unbounded sentence."""
    out = []
    while e - s > MAX_SENTENCE:
        cut = -1
        for sep in (";", ",", " "):
            cut = text.rfind(sep, s + MAX_SENTENCE // 2, s + MAX_SENTENCE)
            if cut != -1:
                break
        if cut == -1:
            cut = s + MAX_SENTENCE
        else:
            cut += 1
        out.append(_strip(text, s, cut))
        s = cut
        while s < e and text[s].isspace():
            s += 1
    if e > s:
        out.append((s, e))
    return [p for p in out if p[1] > p[0]]


def _strip(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


def _is_abbreviation(text: str, dot: int) -> bool:
    """Is the full stop at ``dot`` part of an abbreviation or an initial ("N. Carruth")?"""
    m = _WORD_BEFORE_REVERSED_RE.match(text[max(0, dot - 12):dot + 1][::-1])
    if not m:
        return False
    word = m.group(1)[::-1]
    if len(word) == 1 and word.isupper():  # an initial
        return True
    return word.lower().rstrip(".") in _ABBREVIATIONS


class SentenceIndex:
    """Maps an offset to the index of its sentence (or the preceding one)."""

    __slots__ = ("spans", "_starts")

    def __init__(self, text: str):
        self.spans = split_sentences(text)
        self._starts = [s for s, _ in self.spans]

    @classmethod
    def from_spans(cls, spans: list[tuple[int, int]]) -> "SentenceIndex":
        """An index over sentences another splitter found (Chinese: tasks/extract/chinese.py)."""
        self = cls.__new__(cls)
        self.spans = spans
        self._starts = [s for s, _ in spans]
        return self

    def of(self, pos: int) -> int:
        return max(0, bisect_right(self._starts, pos) - 1)


# clause boundaries inside a sentence: ", " ; : dashes and brackets (not "4,000")
CLAUSE_BREAK_RE = re.compile(r",(?=\s)|[;:](?=\s)|\s[–—-]\s|[()]")


def clause_bounds(text: str, start: int, end: int, pos: int) -> tuple[int, int]:
    """(start, end) of the clause of the sentence [start, end) holding ``pos``: from the end of
    the last break ending at or before ``pos`` to the start of the first break starting at or
    after it (a break around ``pos`` itself bounds nothing).

    >>> text = "In 2019, output rose (by 5%) to 30 tonnes; exports fell."
    >>> [text[slice(*clause_bounds(text, 0, len(text), text.index(w)))] for w in ("2019", "5%", "30")]
    ['In 2019', 'by 5%', ' to 30 tonnes']
    """
    starts, ends = _clause_breaks(text, start, end)
    i = bisect_right(ends, pos)
    j = bisect_left(starts, pos)
    return (ends[i - 1] if i else start), (starts[j] if j < len(starts) else end)


@lru_cache(maxsize=256)
def _clause_breaks(text: str, start: int, end: int) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """Starts and ends of the clause breaks of a sentence (asked for once per figure and date in
    it, so kept for the few sentences of the text being read)."""
    spans = [m.span() for m in CLAUSE_BREAK_RE.finditer(text, start, end)]
    return tuple(s for s, _ in spans), tuple(e for _, e in spans)


_FIGURE_LIST_GAP_RE = re.compile(r"(?:[ \t\u00a0]+[a-z]+)?,?[ \t\u00a0]*(?:(?:and|or)[ \t\u00a0]+)?")


def runs(items: list, joined) -> list[list]:
    """``items`` cut into runs of neighbours that ``joined(a, b)`` holds together."""
    out: list[list] = []
    for it in items:
        if out and joined(out[-1][-1], it):
            out[-1].append(it)
        else:
            out.append([it])
    return out


def figure_lists(text: str, figs: list, n: int) -> list[list]:
    """The lists of ``n`` figures in a sentence's ``figs`` ("5.2%, 4.8% and 3.1%", "6.81
    trillion yuan and 5.92 trillion yuan"), a converted amount in brackets riding with the amount
    it converts."""
    own = [f for f in figs if not (f.link_type == "conversion" and f.link is not None and f.link.start < f.start)]
    return [r for r in runs(own, lambda a, b: _FIGURE_LIST_GAP_RE.fullmatch(text, _past_conversion(text, a), b.start))
            if len(r) == n]


def _past_conversion(text: str, c) -> int:
    p = c.link
    if c.link_type == "conversion" and p is not None and p.start >= c.end:
        close = text.find(")", p.end, p.end + 4)
        return close + 1 if close != -1 else p.end
    return c.end
