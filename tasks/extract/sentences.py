"""Sentence and clause boundaries as character offsets into the raw text.

Never rewrites the text: every boundary is an offset, so figure spans stay spans of the raw
input.

>>> text = "Mr. Zhao said 4,000 yuan. Dec. 2 was late. The U.S. economy grew 2.1%.\\nNext line"
>>> [text[s:e] for s, e in split_sentences(text)]
['Mr. Zhao said 4,000 yuan.', 'Dec. 2 was late.', 'The U.S. economy grew 2.1%.', 'Next line']
"""
from __future__ import annotations

import re
from bisect import bisect_right

_ABBREVIATIONS = frozenset("""
mr mrs ms dr prof st jr sr co corp inc ltd bros vs etc e.g i.e u.s u.k u.n no nos jan feb mar
apr jun jul aug sep sept oct nov dec a.m p.m gov sen rep gen col lt capt sgt mt ft ave approx
est dept fig al cf op vol pp ed eds rev hon messrs univ assn gov't
""".split())

# a full stop / ! / ? (then closing quotes or brackets) and white space; or a line break
_BOUNDARY_RE = re.compile(r"[.!?…]+[\"'”’)\]]*[ \t\u00a0]+|[ \t]*\n\s*")
_WORD_BEFORE_RE = re.compile(r"([A-Za-z][A-Za-z.']*)\.$")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence; white space between sentences belongs to none."""
    spans: list[tuple[int, int]] = []
    start = 0
    n = len(text)
    for m in _BOUNDARY_RE.finditer(text):
        end_punct = m.group().rstrip()
        if "\n" not in m.group():
            nxt = text[m.end(): m.end() + 1]
            # the next sentence starts with a capital, a digit, a quote or a bracket
            if not nxt or not (nxt.isupper() or nxt.isdigit() or nxt in "\"'“‘([€£$¥"):
                continue
            if end_punct.endswith(".") and _is_abbreviation(text, m.start()):
                continue
        s, e = start, m.start() + len(end_punct) if "\n" not in m.group() else m.start()
        if e > s and text[s:e].strip():
            spans.append(_strip(text, s, e))
        start = m.end()
    if start < n and text[start:].strip():
        spans.append(_strip(text, start, n))
    if any(e - s > MAX_SENTENCE for s, e in spans):
        spans = [piece for s, e in spans for piece in _chunk(text, s, e)]
    return spans


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
    m = _WORD_BEFORE_RE.search(text, max(0, dot - 12), dot + 1)
    if not m:
        return False
    word = m.group(1)
    if len(word) == 1 and word.isupper():  # an initial
        return True
    return word.lower().rstrip(".") in _ABBREVIATIONS


class SentenceIndex:
    """Maps an offset to the index of its sentence (or the preceding one)."""

    __slots__ = ("spans", "_starts")

    def __init__(self, text: str):
        self.spans = split_sentences(text)
        self._starts = [s for s, _ in self.spans]

    def of(self, pos: int) -> int:
        return max(0, bisect_right(self._starts, pos) - 1)


# clause boundaries inside a sentence: ", " ; : dashes and brackets (not "4,000")
CLAUSE_BREAK_RE = re.compile(r",(?=\s)|[;:](?=\s)|\s[–—-]\s|[()]")


def clause_bounds(text: str, start: int, end: int, pos: int) -> tuple[int, int]:
    """(start, end) of the clause of the sentence [start, end) holding ``pos``."""
    cs, ce = start, end
    for m in CLAUSE_BREAK_RE.finditer(text, start, end):
        if m.end() <= pos:
            cs = m.end()
        elif m.start() >= pos:
            ce = m.start()
            break
    return cs, ce
