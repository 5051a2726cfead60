"""Compiled regular expressions shared by the engine, built once from ``_lexicon``.

Every pattern that looks left of a number is anchored at the end (``$``) and is run with
``pattern.search(text, pos, endpos)`` on a short window; every pattern that looks right is
run with ``pattern.match(text, pos)``.
"""
from __future__ import annotations

import re
from functools import lru_cache
from itertools import product

from ._finder import Finder
from ._lexicon import (
    CODE_ALIASES,
    CONTEXT_SIGNS,
    FX_QUOTE_WORDS,
    FX_SUBJECT_EXTRA,
    GLUED_UNITS_OK,
    ISO_LOWER_SAFE,
    MEASURE_UNITS,
    MINOR_UNITS,
    MONTHS,
    QUALIFIER_BRIDGE_VERBS,
    QUALIFIER_PREFIX,
    QUALIFIER_SUFFIX,
    RATE_UNITS,
    SCALE_ABBR,
    SCALE_ABBR_SPACED,
    SCALE_WORDS_AFTER_DIGITS,
    TIME_UNITS,
    TIMEZONES,
    TOP_VERB_LEADS,
)
from .currencies import CODES as ISO_CODES
from .currencies import DOLLAR_PREFIXES, SYMBOLS
from .currencies import NAMES as CURRENCY_NAMES


def _alt(words, escape=True) -> str:
    """Alternation, longest first, spaces matching any run of blanks."""
    out = []
    for w in sorted(set(words), key=len, reverse=True):
        p = re.escape(w) if escape else w
        out.append(p.replace(r"\ ", r"[ \t\u00a0]+"))
    return "|".join(out)


def trie_alt(words, fold: bool = False, space: str = r"[ \t\u00a0]+") -> str:
    """A literal alternation compiled as a character trie ("C(?:hina|ongqing)|...").

    Python's regex engine tries the branches of a flat alternation one by one at every
    position; a trie shares prefixes, which makes a gazetteer of hundreds of names fast.
    Longer words win over their prefixes (greedy, like "longest first"). ``fold`` lower-cases
    the words (compile the result with re.IGNORECASE).
    """
    trie: dict = {}
    for w in set(words):
        if not w:
            continue
        node = trie
        for ch in (w.lower() if fold else w):
            node = node.setdefault(ch, {})
        node[""] = {}

    def ser(node: dict) -> str:
        end = "" in node
        branches = []
        for ch in sorted(k for k in node if k):
            piece = space if ch == " " else re.escape(ch)
            branches.append(piece + ser(node[ch]))
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if end:
            return "(?:" + body + ")?" if len(branches) == 1 and len(body) > 1 else body + "?" if len(body) == 1 else "(?:" + body + ")?"
        return body

    return ser(trie)


# what re.IGNORECASE matches an ASCII letter with besides its two cases
_FOLDS = {"i": "\u0130\u0131", "k": "\u212a", "s": "\u017f"}


def _cases(ch: str) -> str:
    low = ch.lower()
    return low + low.upper() + _FOLDS.get(low, "")


def caseless(source: str) -> str:
    r"""A pattern matching what ``source`` compiled with re.IGNORECASE matches, with each ASCII
    letter written as the class of the letters that flag lets it match ("a" -> "[aA]", "s" ->
    "[sS\u017f]"): Python's engine then skips a failing alternative by its first class instead of
    entering it. For plain sources only: escapes, classes of single characters, groups that
    capture nothing by name.

    >>> print(caseless(r"(?:an?|half)[ \t]+\w"))
    (?:[aA][nN]?|[hH][aA][lL][fF])[ \t]+\w
    """
    out, i, n = [], 0, len(source)
    while i < n:
        ch = source[i]
        if ch == "\\":
            if source[i + 1:i + 2].isalpha() and source[i + 1] not in "bBdDsSwWtnr":
                raise ValueError(f"escape {source[i:i + 2]!r}")
            out.append(source[i:i + 2])
            i += 2
        elif ch == "[":
            j = i + 1
            members = []
            while source[j] != "]":
                if source[j] == "\\":
                    members.append(source[j:j + 2])
                    j += 2
                    continue
                if (source[j] == "^" and j == i + 1) or (source[j] == "-" and j > i + 1 and source[j + 1] != "]"):
                    raise ValueError("negated class or range")
                members.append(_cases(source[j]) if source[j].isascii() and source[j].isalpha() else source[j])
                j += 1
            out.append("[" + "".join(members) + "]")
            i = j + 1
        elif ch == "(" and source.startswith("(?", i):
            m = re.match(r"\(\?(?::|=|!|<=|<!)", source[i:])
            if not m:
                raise ValueError(f"group {source[i:i + 4]!r}")
            out.append(m.group())
            i += len(m.group())
        elif ch.isascii() and ch.isalpha():
            out.append("[" + _cases(ch) + "]")
            i += 1
        else:
            out.append(ch)
            i += 1
    return "".join(out)


def _before_blanks(text: str, lo: int, end: int) -> tuple[int, int]:
    """(where the trailing blanks of ``text[lo:end]`` start, end without a final line break)."""
    if end > lo and text[end - 1] == "\n":
        end -= 1
    k = end
    while k > lo and text[k - 1] in " \t\u00a0":
        k -= 1
    return k, end


def ends_before_blanks(text: str, words: tuple[str, ...], lo: int, end: int) -> bool:
    """Does ``text[lo:end]`` end with one of ``words`` and at least one blank, then perhaps a
    line break, where "$" also matches? A pattern "...(?:word|word){S}+$" searched in that
    window matches only then, which this tells without running it.

    >>> ends_before_blanks("exports to  ", ("to", "into"), 0, 12), ends_before_blanks("photo", ("to",), 0, 5)
    (True, False)
    """
    k, end = _before_blanks(text, lo, end)
    return k < end and text.endswith(words, lo, k)


# letters re.IGNORECASE matches with an ASCII letter but str.lower() does not turn into it
_ODD_CASE = "\u0130\u0131\u017f\u212a"


@lru_cache(maxsize=4)
def folded(text: str) -> str | None:
    """``text.lower()``, in which a case-insensitive pattern of ASCII words has its words, lower
    case, exactly where it matches ``text``; None when the text holds a letter that breaks this
    (the long s, the Kelvin sign, the dotted and the dotless i). (Kept for the text being read,
    which several steps ask for.)

    >>> folded("Over 5"), folded("\u017fome 5")
    ('over 5', None)
    """
    return None if any(ch in text for ch in _ODD_CASE) else text.lower()


def windows(text: str, rx: re.Pattern, before: int, after: int) -> list[tuple[int, int]]:
    """Merged stretches [match - before, match + after) around every match of ``rx``.

    Patterns that always contain such an anchor need only run inside these stretches.
    """
    out: list[tuple[int, int]] = []
    n = len(text)
    lo = hi = -1
    for m in rx.finditer(text):
        a, b = m.start() - before, m.end() + after
        if a < 0:
            a = 0
        if b > n:
            b = n
        if a <= hi:
            if b > hi:
                hi = b
        else:
            if hi > lo:
                out.append((lo, hi))
            lo, hi = a, b
    if hi > lo:
        out.append((lo, hi))
    return out


S = r"[ \t\u00a0]"          # a blank inside a line
# blanks, or one line break among blanks, before a lower-case word: what may stand between a
# number and its scale word or currency in copy wrapped at a fixed width ("2.4\nbillion euros")
SB = rf"(?:{S}+|{S}*\n{S}*(?=[a-z]))"
HY = r"[-‑–]"                # hyphens that join a number to its unit
MONTH_ALT = "|".join(sorted((m for m in MONTHS if m != "may"), key=len, reverse=True))
MONTH_RE_SRC = rf"(?:(?i:{MONTH_ALT})\.?|May|MAY)"

# --- left of a number -------------------------------------------------------------------------
_DPRE = trie_alt(DOLLAR_PREFIXES, fold=True)
CURRENCY_PREFIX_RE = re.compile(
    rf"(?:(?<![A-Za-z])(?P<dpre>(?i:{_DPRE})){S}?)?(?P<dollar>\$)(?:{S}?(?P<post>(?i:US|USD))(?=\s))?{S}*$"
    rf"|(?P<sym>[{''.join(SYMBOLS)}]){S}*$"
    rf"|(?<![A-Za-z])(?P<code>{trie_alt(ISO_CODES | set(CODE_ALIASES) | ISO_LOWER_SAFE)}){S}*$"
)
# searched in a window before every number: tried only where a currency can start
CURRENCY_PREFIX_FIND = Finder(CURRENCY_PREFIX_RE)
# what a window ends with (but for blanks) where CURRENCY_PREFIX_RE matches: "$" or a symbol,
# a code, or "US"/"USD" after the "$" (in any case re.IGNORECASE matches)
_CURRENCY_END_CHARS = frozenset("$" + "".join(SYMBOLS))
_CURRENCY_END_WORDS = {*ISO_CODES, *CODE_ALIASES, *ISO_LOWER_SAFE,
                       *("".join(p) for p in product("uU", "sS\u017f")),
                       *("".join(p) for p in product("uU", "sS\u017f", "dD"))}
_CURRENCY_END_2 = frozenset(w for w in _CURRENCY_END_WORDS if len(w) == 2)
_CURRENCY_END_3 = frozenset(w for w in _CURRENCY_END_WORDS if len(w) == 3)
assert _CURRENCY_END_2 | _CURRENCY_END_3 == _CURRENCY_END_WORDS


def currency_may_end(text: str, lo: int, end: int) -> bool:
    """Can CURRENCY_PREFIX_RE match in ``text[lo:end]``? Only if, blanks (and a line break, where
    "$" also matches) aside, the window ends with "$", a symbol, a code or "US"/"USD"; telling
    that costs less than the search, which most numbers (after a word) would fail.

    >>> currency_may_end("paid US$ 5", 0, 9), currency_may_end("paid 5", 0, 5)
    (True, False)
    """
    k, _ = _before_blanks(text, lo, end)
    return k > lo and (text[k - 1] in _CURRENCY_END_CHARS or text[max(lo, k - 2):k] in _CURRENCY_END_2
                       or text[max(lo, k - 3):k] in _CURRENCY_END_3)


SIGN_CHARS = "-−+"
SIGN_LEADS = " \t\n\u00a0([{;:,/"  # what may stand before a sign (not "3%-4%", not "2014-19")

_QP = trie_alt(QUALIFIER_PREFIX, fold=True, space=rf"{S}+")
# (_QUALIFIER_REVERSED_RE below reads it backwards: change both together)
QUALIFIER_PREFIX_RE = re.compile(
    rf"(?<![\w])(?P<cue>(?i:{_QP})){S}*$"
    rf"|(?<![\w])(?P<bridge>(?i:nearly|almost|just{S}+about)){S}+(?i:{trie_alt(QUALIFIER_BRIDGE_VERBS, fold=True)}){S}+$"
    rf"|(?<![\w])(?i:{trie_alt(TOP_VERB_LEADS, fold=True)}){S}+(?P<top>top){S}+$"
    rf"|(?P<sub>(?i:sub|under|below)){HY}$"
    rf"|(?P<over>(?i:over|above)){HY}$"
)
# searched in a window before every number: tried only where a cue can start
QUALIFIER_PREFIX_FIND = Finder(QUALIFIER_PREFIX_RE, split=True)  # each alternative with its own first characters
# the same alternatives read backwards from the end of the window, without their look-behinds:
# wherever QUALIFIER_PREFIX_RE matches in a window, this matches the reversed window (a cheap
# test that spares the search in the many windows holding no cue)
_QUALIFIER_REVERSED_RE = re.compile(
    rf"\n?(?:{S}*(?i:{trie_alt([k[::-1] for k in QUALIFIER_PREFIX], fold=True, space=rf'{S}+')})"
    rf"|{S}+(?i:{trie_alt([v[::-1] for v in QUALIFIER_BRIDGE_VERBS], fold=True)}){S}+(?i:ylraen|tsomla|tuoba{S}+tsuj)"
    rf"|{S}+pot{S}+(?i:{trie_alt([w[::-1] for w in TOP_VERB_LEADS], fold=True)})"
    rf"|{HY}(?i:bus|rednu|woleb|revo|evoba))"
)


def qualifier_may_end(text: str, lo: int, end: int) -> bool:
    """Can QUALIFIER_PREFIX_RE match in ``text[lo:end]``? Not unless the reversed window starts
    with a reversed cue (and blanks).

    >>> qualifier_may_end("rose to more than 5", 0, 18), qualifier_may_end("rose in 2019", 0, 8)
    (True, False)
    """
    return _QUALIFIER_REVERSED_RE.match(text[lo:end][::-1]) is not None
QUALIFIER_SUFFIX_RE = re.compile(
    rf"(?:{S}*(?P<cue>(?i:{trie_alt([k for k in QUALIFIER_SUFFIX if k[0] not in '+-'], fold=True)})\b)"
    rf"|(?P<glued>-plus\b|-odd\b|\+))"
)

CODE_GLUED_RE = re.compile(rf"(?<![A-Za-z])(?:{trie_alt(ISO_CODES | set(CODE_ALIASES) | ISO_LOWER_SAFE)})$")
# a letter sign glued to the amount ("R59bn"): a currency only in its country's copy (figures)
_CONTEXT_SIGN_ENDS = frozenset(s[-1] for s in CONTEXT_SIGNS)
_CONTEXT_SIGN_ENDS_SPACED = frozenset(s[-1] for s in CONTEXT_SIGNS if len(s) > 1)


def context_sign_may_end(text: str, cs: int) -> bool:
    """Can CONTEXT_SIGN_RE match right before ``cs``? Only after a sign's last letter, or a blank
    after a two-letter sign's."""
    if cs < 1:
        return False
    ch = text[cs - 1]
    return ch in _CONTEXT_SIGN_ENDS or (ch in " \t\u00a0" and cs >= 2 and text[cs - 2] in _CONTEXT_SIGN_ENDS_SPACED)


CONTEXT_SIGN_RE = re.compile(
    rf"(?<![\w&'’.-])(?:(?P<sign>{'|'.join(s for s in CONTEXT_SIGNS if len(s) == 1)})"
    rf"|(?P<sign2>{'|'.join(s for s in CONTEXT_SIGNS if len(s) > 1)}){S}?)$")
# "(0700.HK)", "(2354.TW)": an exchange code after a ticker number
TICKER_SUFFIX_RE = re.compile(r"\.[A-Z]{1,4}(?=[)\],;])")
GLUED_SCALE_END_RE = re.compile(r"[0-9](?:bn|Bn|mn|Mn|mln|m|k|K|tn|Tn|trn|b|pc|pct)$")
OR_MORE_RE = re.compile(rf"{S}+or{S}+(?:more|so|less|fewer)\b")
# "3 x 10^8", "1.2e6": powers of ten
POWER_RE = re.compile(rf"{S}*[x×*]{S}*10{S}*\^{S}*([-+−]?[0-9]{{1,3}})(?![0-9])|[eE]([-+]?[0-9]{{1,3}})(?![A-Za-z0-9])")
MIXED_FRACTION_RE = re.compile(rf"{S}+([0-9]{{1,2}})/([0-9]{{1,2}})(?![0-9/])")
OVER_DURATION_RE = re.compile(r"\b(?:for|of|after|lasted|lasting|took|taking|spent|spending|aged|than|in)\s+$", re.I)
# "the two-week repo rate", "the 10-year bond yield", "the one-year loan prime rate": an instrument's
# tenor is part of its name, no figure
TENOR_NAME_AFTER_RE = re.compile(
    r"[ \t]+(?:(?:US|U\.S\.|government|sovereign|benchmark|Treasury|treasury|German|Japanese|reverse|repo|"
    r"loan|prime|deposit|lending|interbank|swap|medium-term|term|policy|bond)[ \t]+){0,3}"
    r"(?:yields?|bonds?|notes?|bills?|Treasur(?:y|ies)|gilts?|Bunds?|repos?|LPR|JGBs?|rates?|swaps?|"
    r"facility|paper|securities)\b")

# the word before a number: for names ("Game 7", "iPhone 11") and years ("in 2015")
# what ``PREV_WORD_RE = (?P<w>[#A-Za-z][\w&'’.#-]*){S}*$`` would find searched before a number,
# read backwards from the number (one match instead of a try at every start): see prev_word
_PREV_WORD_REVERSED_RE = re.compile(rf"\n?{S}*([\w&'’.#-]*[#A-Za-z])")


def prev_word(text: str, lo: int, end: int) -> str:
    r"""The word ``text[lo:end]`` ends with, blanks aside ("" if none): the group "w" of
    ``re.search(r"(?P<w>[#A-Za-z][\w&'’.#-]*)[ \t\u00a0]*$", text[lo:end])``.

    That search finds the longest such word ending at the blanks before the end (or before a
    final line break, where "$" also matches), starting at its first letter; so does matching
    the reversed window from its end.

    >>> prev_word("grew by No. 7", 0, 11), prev_word("in  ", 0, 4), prev_word("(12) ", 0, 5)
    ('No.', 'in', '')
    """
    m = _PREV_WORD_REVERSED_RE.match(text[lo:end][::-1])
    return m.group(1)[::-1] if m else ""


NEXT_WORD_RE = re.compile(rf"{S}+(?P<w>[A-Za-z][\w'’-]*)")

# --- right of a number ------------------------------------------------------------------------
SCALE_WORD_RE = re.compile(
    rf"(?:{S}*{HY}{S}*|{SB})(?P<w>(?i:{trie_alt(SCALE_WORDS_AFTER_DIGITS, fold=True)}))(?![A-Za-z])")
INDIAN_SCALE_RE = re.compile(r"(?i:crores?|lakhs?|lacs?)\b")
# "Rs18.87tr": Pakistani copy; the words of SCALE_ABBR, longest first
SCALE_ABBR_GLUED_RE = re.compile(rf"(?P<w>{_alt(SCALE_ABBR)})(?![A-Za-z0-9²³])")
SCALE_ABBR_SPACED_RE = re.compile(rf"{SB}(?P<w>{_alt(SCALE_ABBR_SPACED)})\b")
METRE_CONTEXT_RE = re.compile(
    rf"{S}*(?:tall|high|long|deep|wide|away|above|below|sprint|race|run|dash|hurdles|freestyle|"
    rf"metres?|meters?|of{S}+water|under)\b|[²³]"
)

PERCENT_POINTS_RE = re.compile(
    rf"{S}*(?:(?i:percentage|percent|per{S}?cent|pct)(?:{S}+|{S}*-{S}*)(?i:points?|pts?)\b|(?:ppts?|pp)\b|p\.{S}?p\.(?![A-Za-z])"
    rf"|%{S}*(?i:percentage){S}+(?i:points?)\b)"  # "0.5 p.p.", "0.5% percentage point"
)
PERCENT_RE = re.compile(
    rf"{S}*(?:%|％)|{S}*-?{S}*(?i:per{S}?-?{S}?cents?|percents?|pct)\b|{S}?pc\b|{S}?p\.c\.|{S}*(?i:percentage)\b"
)
_NAMES = trie_alt(CURRENCY_NAMES, fold=True)
CURRENCY_NAME_RE = re.compile(rf"(?:{SB}|{S}*{HY}{S}*|)(?P<w>(?i:{_NAMES}))(?![A-Za-z])")
# after an amount, the codes and the written signs that are whole words ("500 Ksh", "574.5 billion Frw")
_CODE_WORD_ALIASES = {a for a in CODE_ALIASES if len(a) >= 3 and a.isalpha()}
CURRENCY_CODE_SUFFIX_RE = re.compile(rf"(?:{SB}|){S}*(?P<w>{trie_alt(ISO_CODES | ISO_LOWER_SAFE | _CODE_WORD_ALIASES)})(?![A-Za-z])")
# "10 €", "100元", and "10 $" in tokenised copy (a "$" not followed by an amount)
CURRENCY_SYMBOL_SUFFIX_RE = re.compile(rf"{S}?(?P<w>[{''.join(c for c in SYMBOLS if c != '$')}]|\$(?![ \t]*[0-9.]))")
MINOR_UNIT_RE = re.compile(
    rf"{S}*(?:{HY}{S}*)?(?P<w>(?i:{trie_alt([k for k in MINOR_UNITS if k not in ('p', 'c')], fold=True)}))(?![A-Za-z])"
    rf"|(?P<p>{S}?p)(?![A-Za-z'’]|\.[A-Za-z])"
    rf"|(?P<c>c)(?![A-Za-z'’]|\.[A-Za-z])"  # "50c": cents, glued only
)
POUND_WEIGHT_RE = re.compile(rf"{S}+of\b")
US_AFTER_DOLLAR_RE = re.compile(rf"{S}+(?:US|U\.S\.)(?!{S}*\$)(?![A-Za-z])")

TIMES_RE = re.compile(rf"(?:{S}*{HY}{S}*|{S}+)(?P<w>times|fold)\b|(?P<glued>fold)\b")
TIME_UNIT_RE = re.compile(
    rf"(?:{S}*{HY}{S}*|{S}+)(?P<w>(?i:{trie_alt(TIME_UNITS, fold=True)}))(?![A-Za-z])"
    rf"(?P<old>{S}*{HY}?{S}*old\b)?"
)
RELATIVE_TIME_AFTER_RE = re.compile(rf"{S}+(?:ago|earlier|later|before|after|prior|previously|hence|back)\b")
_SPACED_UNITS = [u for u in MEASURE_UNITS if len(u) > 1 or u in ("g",)]
MEASURE_SPACED_RE = re.compile(rf"(?:{S}*{HY}{S}*|{S}+)(?P<w>{trie_alt(_SPACED_UNITS)})(?![A-Za-z0-9])")
MEASURE_GLUED_RE = re.compile(rf"(?P<w>{trie_alt(GLUED_UNITS_OK)})(?![A-Za-z0-9])")
WORD_AFTER_RE = re.compile(rf"(?P<sep>{S}*{HY}{S}*|{S}+)(?P<w>[A-Za-z][A-Za-z'’]*(?:-[A-Za-z]+)*)")
# one match decides which of the unit readers above applies (in this order of precedence)
UNIT_ORDER = (("pp", PERCENT_POINTS_RE), ("pct", PERCENT_RE), ("code", CURRENCY_CODE_SUFFIX_RE),
              ("name", CURRENCY_NAME_RE), ("minor", MINOR_UNIT_RE), ("sym", CURRENCY_SYMBOL_SUFFIX_RE),
              ("times", TIMES_RE), ("time", TIME_UNIT_RE), ("meas", MEASURE_SPACED_RE),
              ("meas", MEASURE_GLUED_RE))
UNIT_DISPATCH_RE = re.compile("|".join(
    f"(?P<{k}{i}>{re.sub(r'[(][?]P<[A-Za-z_]+>', '(?:', rx.pattern)})" for i, (k, rx) in enumerate(UNIT_ORDER)))
# "83.2 per dollar", "150 to the dollar", "1.08 against the euro": an exchange rate
FX_QUOTE_RE = re.compile(
    rf"{S}+(?:per|to{S}+the|to{S}+one|against{S}+the|a){S}+(?P<w>(?i:{trie_alt(FX_QUOTE_WORDS, fold=True)}))(?![A-Za-z])")
# the currency whose rate it is, named shortly before ("the rupee closed at"), the last one wins
FX_SUBJECT_RE = re.compile(rf"(?<![A-Za-z])(?P<w>(?i:{trie_alt({*CURRENCY_NAMES, *FX_SUBJECT_EXTRA}, fold=True)}))(?![A-Za-z])")
FX_LEADS = ("per", "to the", "to one", "against the", "a ")  # (after one blank: a cheap test)
RATE_RE = re.compile(
    rf"(?:{S}*/{S}*|{S}+per{S}+|{S}+an?{S}+|{S}+an?-|{S}+each{S}+)(?P<w>(?i:{trie_alt(RATE_UNITS, fold=True)}))(?![A-Za-z])"
)
UNIT_SEP = rf"{S}*"

# --- spans that hold no figure ----------------------------------------------------------------
URL_RE = re.compile(r"https?://\S+|www\.\S+")
EMAIL_RE = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+")
DIGIT_RUN_RE = re.compile(r"[0-9](?:[0-9.,:/-]*[0-9])?")
# run on windows around digits only (every pattern holds a digit)
BLOCK_RE = re.compile("(?=[0-9])(?:" + "|".join([
    r"(?P<isodate>\b\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z?)?)",
    r"(?P<numdate>\b\d{1,2}(?P<sep>[/.-])\d{1,2}(?P=sep)(?:\d{4}|\d{2})\b(?![.,]\d))",
    r"(?P<yrange>\b(?:1[89]\d\d|20\d\d)[ \t]*[-–—‑/][ \t]*(?:1[89]\d\d|20\d\d|\d{2})\b(?![-/.]\d))",
    rf"(?P<clock>\b\d{{1,2}}[:.]\d{{2}}(?:[:.]\d{{2}})?{S}*(?:[aApP]\.?{S}?[mM]\.?)(?![A-Za-z])"
    rf"|\b\d{{1,2}}:\d{{2}}(?::\d{{2}})?\b"
    rf"|\b\d{{1,2}}{S}*(?:[ap]\.m\.|[AP]\.M\.|[ap]m\b|[AP]M\b)"
    rf"|\b\d{{1,4}}(?::\d{{2}})?{S}*(?:{'|'.join(TIMEZONES)})\b"
    rf"|\b\d{{1,2}}{S}+o['’]clock\b)",
    rf"(?P<daym>\b\d{{1,2}}(?:st|nd|rd|th)?{S}+(?:of{S}+)?{MONTH_RE_SRC}(?![A-Za-z]))",
    r"(?P<frac>(?<![\d/])\b\d{1,2}/\d{1,2}\b(?![\d/]))",
    r"(?m:(?P<listnum>^\d{1,4}[.)](?=[ \t])))",
    # results' period labels: "1H25", "2H 2024", "3Q24", "9M 2024" (nine months), "9MFY25"
    rf"(?P<partlabel>\b(?:[1-4]Q|[12]H|(?:[1-9]|1[01])M){S}?(?:FY{S}?)?(?:(?:19|20)\d\d|['’]?\d\d)\b)",
]) + ")")
NUMBER_LINE_RE = re.compile(r"(?m)^[ \t]*[0-9][0-9.,:]*[ \t]*$")

# connectors between two figures
RANGE_GAP_RE = re.compile(
    rf"(?P<dash>{S}*[-–—‑~]{S}*)$|{S}+(?P<to>to|through|until|till|and|or)(?:{S}+|$)"
)
FROM_BEFORE_RE = re.compile(rf"(?<![\w])(?P<w>from|between|by){S}+$", re.IGNORECASE)
CONVERSION_GAP_RE = re.compile(
    rf"{S}*\({S}*$|{S}*,?{S}*or{S}+$|{S}*[–—]{S}*$"
)
CONVERSION_CLOSE_RE = re.compile(rf"{S}*\)")
AND_RE = re.compile(rf"{S}+and{S}+$")
