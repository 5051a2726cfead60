"""Numerals: digit strings, spelled-out numbers and unit-noun lemmas.

>>> parse_digits("4,168"), parse_digits("4,60,518.80")
(Decimal('4168'), Decimal('460518.80'))
>>> [m.group() for m in DIGITS_RE.finditer("Rs 4,60,518.80 crore, 1,00,000 and 12,345")]
['4,60,518.80', '1,00,000', '12,345']
>>> [(text, str(v)) for _, _, text, v in spelled_numbers("twenty-eight thousand six hundred forty-two students")]
[('twenty-eight thousand six hundred forty-two', '28642')]
>>> [str(v) for _, _, _, v in spelled_numbers("half a billion, one and a half million")]
['500000000.0', '1500000.0']
>>> lemma("labourers"), lemma("cities"), lemma("people"), lemma("socks")
('labourer', 'city', 'person', 'sock')
"""
from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from typing import Iterator

from ._finder import AfterBoundary
from ._lexicon import DOZEN, IRREGULAR_PLURALS, NOT_PLURAL_S, SCALE_WORDS, TENS_WORDS, UNIT_WORDS
from .patterns import caseless, trie_alt

_NW = trie_alt({*UNIT_WORDS, *TENS_WORDS, *SCALE_WORDS, *DOZEN}, fold=True)
# A run of number words, optionally led by "a"/"an"/"half" and joined by spaces, hyphens or
# "and" ("one hundred and twenty", "twenty-eight", "two - door" is cut later).
_FIRSTS = "".join(sorted({w[0] for w in (*UNIT_WORDS, *TENS_WORDS, *SCALE_WORDS, *DOZEN, "a", "half")}))
# (case-insensitive; written with classes, not the flag, which the engine runs faster)
SPELLED_RE = re.compile(caseless(
    rf"(?=[{_FIRSTS}])(?<![\w-])(?:(?:an?|half)[ \t]+(?:a[ \t]+)?)?(?:{_NW})"
    rf"(?:(?:[ \t]+|[ \t]*-[ \t]*)(?:and[ \t]+(?:a[ \t]+half|{_NW})|a[ \t]+half|point[ \t]+{_NW}|{_NW}))*(?![\w])"))
_SPELLED = AfterBoundary(SPELLED_RE)  # read with the character before each number
_TOKEN_RE = re.compile(r"[A-Za-z]+")

# Indian grouping, as printed: lakhs and crores in pairs before the last three digits ("4,60,518.80")
_INDIAN_DIGITS = r"[0-9]{1,2}(?:,[0-9]{2})+,[0-9]{3}(?:\.[0-9]+)?"
_PLAIN_DIGITS = (rf"{_INDIAN_DIGITS}|[0-9]{{1,3}}(?:,[0-9]{{3}})+(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?"
                 r"|(?<![A-Za-z])\.[0-9]+")
DIGITS_RE = re.compile(  # (the leading lookahead lets the engine skip non-digits quickly)
    rf"(?=[0-9.])(?<![0-9_,])(?<![0-9][.])(?:{_PLAIN_DIGITS})(?![0-9]|,[0-9]{{3}}(?![0-9]))"
)
# tokenised news copy: "4 . 8 %", "80 , 000 spectators", "10 000 dollars" (used on texts that
# have a digit, a space and a digit: ``digits_re``)
DIGITS_TOKENISED_RE = re.compile(
    r"(?=[0-9.])(?<![0-9_,])(?<![0-9][.])(?:(?<![0-9] )(?:[0-9]{1,3}(?: , [0-9]{3})+(?= [a-z$€£])|[0-9]{1,3}(?: [0-9]{3})+(?= [a-z$€£])"
    r"|[0-9]{1,3} \. [0-9]{1,3}(?= (?:%|percent|per cent|billion|million|trillion|pence|cents)\b| %))"
    rf"|{_PLAIN_DIGITS})(?![0-9]|,[0-9]{{3}}(?![0-9]))"
)
_TOKENISED_HINT_RE = re.compile(r"[0-9] (?:[.,] )?[0-9]")


def digits_re(text: str) -> re.Pattern:
    """The digit reader for ``text``: the tokenised one only where digits stand apart."""
    return DIGITS_TOKENISED_RE if _TOKENISED_HINT_RE.search(text) else DIGITS_RE


def parse_digits(s: str) -> Decimal:
    """Digits with thousands separators and a decimal point, as written."""
    try:
        return Decimal(s.replace(",", "").replace(" ", ""))
    except InvalidOperation:  # pragma: no cover - the regex admits only valid numerals
        return Decimal(0)


def _kind(tok: str) -> str:
    if tok in UNIT_WORDS:
        return "U"
    if tok in TENS_WORDS:
        return "T"
    if tok == "hundred":
        return "H"
    if tok in SCALE_WORDS:
        return "S"
    if tok in DOZEN:
        return "D"
    if tok in ("a", "an"):
        return "A"
    if tok == "half":
        return "F"
    if tok == "and":
        return "N"
    if tok == "point":
        return "P"
    return "?"


def spelled_numbers(text: str, pos: int = 0, endpos: int | None = None
                    ) -> Iterator[tuple[int, int, str, Decimal]]:
    """Spelled-out numbers in ``text``: (start, end, surface, value).

    A run of number words is split where English would not continue one number
    ("two three" is two numbers; "and" joins only after hundred/thousand/...).
    """
    endpos = len(text) if endpos is None else endpos
    for m in _SPELLED.finditer(text, pos, endpos):
        g = m.group()
        if g.isascii() and g.isalpha() and g.lower() in _SCALES_ALONE:
            continue  # "billion" after digits: a bare scale word is no number (see _parse_one)
        toks = [(t.start(), t.end(), t.group().lower()) for t in _TOKEN_RE.finditer(g)]
        base = m.start()
        for s, e, val in _group(toks):
            yield base + s, base + e, text[base + s: base + e], val


_SCALES_ALONE = frozenset({*SCALE_WORDS, *DOZEN})


def _group(toks: list[tuple[int, int, str]]) -> Iterator[tuple[int, int, Decimal]]:
    i, n = 0, len(toks)
    while i < n:
        res = _parse_one(toks, i)
        if res is None:
            i += 1
            continue
        j, val = res
        yield toks[i][0], toks[j - 1][1], val
        i = j


def _parse_one(toks: list[tuple[int, int, str]], i: int) -> tuple[int, Decimal] | None:
    """Parse one number starting at token i; return (next index, value) or None."""
    n = len(toks)
    k0 = _kind(toks[i][2])
    lead_half = False
    j = i
    if k0 in ("A", "F"):  # "a million", "half a billion", "half million"
        nxt = j + 1
        if k0 == "F" and nxt < n and _kind(toks[nxt][2]) == "A":
            nxt += 1
        if nxt >= n or _kind(toks[nxt][2]) not in ("H", "S", "D"):
            return None
        lead_half = k0 == "F"
        j = nxt
        current = Decimal("0.5") if lead_half else Decimal(1)
        last = "A"
    elif k0 in ("U", "T", "H", "S", "D"):
        if k0 in ("H", "S", "D"):  # a bare scale word is not a number ("millions", "hundred")
            return None
        current = None
        last = None
    else:
        return None
    total = Decimal(0)
    last_scale = None
    while j < n:
        tok = toks[j][2]
        k = _kind(tok)
        if k == "U":
            v = UNIT_WORDS[tok]
            if last == "T" and v < 10 and current is not None and current % 10 == 0:
                current += v
            elif last in (None, "H", "S", "N"):
                current = (current or 0) + v if last in ("H", "N") else Decimal(v)
            else:
                break
        elif k == "T":
            if last in (None, "H", "S", "N"):
                current = (current or 0) + TENS_WORDS[tok] if last in ("H", "N") else Decimal(TENS_WORDS[tok])
            else:
                break
        elif k == "H":
            if last in ("U", "T", "A") and current is not None and current < 100:
                current = current * 100
            else:
                break
        elif k == "S":
            scale = SCALE_WORDS[tok]
            if last in ("U", "T", "H", "A", "D") and current is not None:
                if last_scale is not None and scale >= last_scale:
                    break
                total += current * scale
                current = None
                last_scale = scale
            elif last == "S" and current is None and total and last_scale and scale > last_scale:
                total *= scale  # "two thousand million" (British billion)
                last_scale = scale
            else:
                break
        elif k == "D":
            if last in ("U", "T", "A") and current is not None:
                current = current * 12
            else:
                break
        elif k == "P":  # "one point five million": decimal digits follow
            if last not in ("U", "T", "H") or current is None or j + 1 >= n:
                break
            digits = []
            jj = j + 1
            while jj < n and _kind(toks[jj][2]) == "U" and UNIT_WORDS[toks[jj][2]] < 10:
                digits.append(str(UNIT_WORDS[toks[jj][2]]))
                jj += 1
            if not digits:
                break
            current = current + Decimal("0." + "".join(digits))
            j = jj
            last = "U"
            continue
        elif k == "N":  # "and": only "hundred and five", "one and a half million"
            if j + 1 >= n:
                break
            nk = _kind(toks[j + 1][2])
            if last in ("H", "S") and nk in ("U", "T"):
                j += 1
                last = "N"
                continue
            if (last in ("U", "T") and nk == "A" and j + 2 < n and toks[j + 2][2] == "half"
                    and j + 3 < n and _kind(toks[j + 3][2]) in ("S", "D")):
                current = (current or 0) + Decimal("0.5")
                j += 3
                last = "U"
                continue
            break
        else:
            break
        last = k
        j += 1
    if last in ("A", "N") or j == i:
        return None
    value = total + (current or 0)
    return j, value


# a numeral as the engine meets one, counted before reading: a run of digits or one number word
_NUMERAL_RE = re.compile(r"\d+|(?<![A-Za-z])" + caseless(f"(?:{_NW})") + r"(?![A-Za-z])")


def more_numerals_than(text: str, limit: int) -> bool:
    """Does ``text`` hold more than ``limit`` numerals (digit runs and number words)? The
    engine's work and memory grow with the numerals it meets, whichever way they are written.

    >>> more_numerals_than("one two 3", 2), more_numerals_than("one two 3", 3)
    (True, False)
    """
    for count, _ in enumerate(_NUMERAL_RE.finditer(text), start=1):
        if count > limit:
            return True
    return False


# ---------------------------------------------------------------------------------------------
# Lemmas of unit nouns
# ---------------------------------------------------------------------------------------------
_ES_ENDINGS = ("sses", "shes", "ches", "xes", "zzes")


@lru_cache(maxsize=4096)
def lemma(word: str) -> str:
    """Singular of a (count) noun: workers -> worker, cities -> city, people -> person."""
    w = word.lower()
    if w in IRREGULAR_PLURALS:
        return IRREGULAR_PLURALS[w]
    if len(w) <= 3 or w in NOT_PLURAL_S:
        return w
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith(_ES_ENDINGS):
        return w[:-2]
    if w.endswith(("ss", "us", "is", "ous")):
        return w
    if w.endswith("s"):
        return w[:-1]
    return w


def is_plural(word: str) -> bool:
    """Does this lower-case word look like a plural count noun?"""
    if word in IRREGULAR_PLURALS:
        return True
    if len(word) <= 3 or word in NOT_PLURAL_S or not word.endswith("s"):
        return False
    return not word.endswith(("ss", "us", "is", "ous", "'s"))
