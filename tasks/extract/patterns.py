"""Compiled regular expressions shared by the engine, built once from ``_lexicon``.

Every pattern that looks left of a number is anchored at the end (``$``) and is run with
``pattern.search(text, pos, endpos)`` on a short window; every pattern that looks right is
run with ``pattern.match(text, pos)``.
"""
from __future__ import annotations

import re

from ._lexicon import (CODE_ALIASES, CURRENCY_NAMES, DOLLAR_PREFIXES, GLUED_UNITS_OK, ISO_LOWER_SAFE,
                       ISO_CODES, MEASURE_UNITS, MINOR_UNITS, MONTHS, QUALIFIER_BRIDGE_VERBS,
                       QUALIFIER_PREFIX, QUALIFIER_SUFFIX, RATE_UNITS, SYMBOLS, TIME_UNITS,
                       TIMEZONES, TOP_VERB_LEADS)


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
SIGN_CHARS = "-−+"
SIGN_LEADS = " \t\n\u00a0([{;:,/"  # what may stand before a sign (not "3%-4%", not "2014-19")

_QP = trie_alt(QUALIFIER_PREFIX, fold=True, space=rf"{S}+")
QUALIFIER_PREFIX_RE = re.compile(
    rf"(?<![\w])(?P<cue>(?i:{_QP})){S}*$"
    rf"|(?<![\w])(?P<bridge>(?i:nearly|almost|just{S}+about)){S}+(?i:{trie_alt(QUALIFIER_BRIDGE_VERBS, fold=True)}){S}+$"
    rf"|(?<![\w])(?i:{trie_alt(TOP_VERB_LEADS, fold=True)}){S}+(?P<top>top){S}+$"
    rf"|(?P<sub>(?i:sub|under|below)){HY}$"
    rf"|(?P<over>(?i:over|above)){HY}$"
)
QUALIFIER_SUFFIX_RE = re.compile(
    rf"(?:{S}*(?P<cue>(?i:{trie_alt([k for k in QUALIFIER_SUFFIX if k[0] not in '+-'], fold=True)})\b)"
    rf"|(?P<glued>-plus\b|-odd\b|\+))"
)

CODE_GLUED_RE = re.compile(rf"(?<![A-Za-z])(?:{trie_alt(ISO_CODES | set(CODE_ALIASES) | ISO_LOWER_SAFE)})$")
GLUED_SCALE_END_RE = re.compile(r"[0-9](?:bn|mn|mln|m|k|K|tn|trn|b|pc|pct)$")
OR_MORE_RE = re.compile(rf"{S}+or{S}+(?:more|so|less|fewer)\b")
# "3 x 10^8", "1.2e6": powers of ten
POWER_RE = re.compile(rf"{S}*[x×*]{S}*10{S}*\^{S}*([-+−]?[0-9]{{1,3}})(?![0-9])|[eE]([-+]?[0-9]{{1,3}})(?![A-Za-z0-9])")
MIXED_FRACTION_RE = re.compile(rf"{S}+([0-9]{{1,2}})/([0-9]{{1,2}})(?![0-9/])")
OVER_DURATION_RE = re.compile(r"\b(?:for|of|after|lasted|lasting|took|taking|spent|spending|aged|than)\s+$", re.I)

# the word before a number: for names ("Game 7", "iPhone 11") and years ("in 2015")
PREV_WORD_RE = re.compile(rf"(?P<w>[#A-Za-z][\w&'’.#-]*){S}*$")
NEXT_WORD_RE = re.compile(rf"{S}+(?P<w>[A-Za-z][\w'’-]*)")

# --- right of a number ------------------------------------------------------------------------
SCALE_WORD_RE = re.compile(rf"(?:{S}*{HY}{S}*|{S}+)(?P<w>(?i:hundred|thousand|million|billion|trillion|lakh|crore|dozen))\b")
SCALE_ABBR_GLUED_RE = re.compile(r"(?P<w>bn|mn|mln|bln|tn|trn|k|K|m|M|b|B|T)(?![A-Za-z0-9²³])")
SCALE_ABBR_SPACED_RE = re.compile(rf"{S}+(?P<w>bn|mn|mln|bln|tn|trn)\b")
METRE_CONTEXT_RE = re.compile(
    rf"{S}*(?:tall|high|long|deep|wide|away|above|below|sprint|race|run|dash|hurdles|freestyle|"
    rf"metres?|meters?|of{S}+water|under)\b|[²³]"
)

PERCENT_POINTS_RE = re.compile(
    rf"{S}*(?:(?i:percentage|percent|per{S}?cent|pct)(?:{S}+|{S}*-{S}*)(?i:points?|pts?)\b|(?:ppts?|pp)\b)"
)
PERCENT_RE = re.compile(
    rf"{S}*(?:%|％)|{S}*-?{S}*(?i:per{S}?-?{S}?cents?|percents?|pct)\b|{S}?pc\b|{S}?p\.c\.|{S}*(?i:percentage)\b"
)
_NAMES = trie_alt(CURRENCY_NAMES, fold=True)
CURRENCY_NAME_RE = re.compile(rf"{S}*(?:{HY}{S}*)?(?P<w>(?i:{_NAMES}))(?![A-Za-z])")
CURRENCY_CODE_SUFFIX_RE = re.compile(rf"{S}*(?P<w>{trie_alt(ISO_CODES | ISO_LOWER_SAFE | {'RMB', 'Rmb', 'rmb'})})(?![A-Za-z])")
# "10 €", "100元", and "10 $" in tokenised copy (a "$" not followed by an amount)
CURRENCY_SYMBOL_SUFFIX_RE = re.compile(rf"{S}?(?P<w>[{''.join(c for c in SYMBOLS if c != '$')}]|\$(?![ \t]*[0-9.]))")
MINOR_UNIT_RE = re.compile(
    rf"{S}*(?:{HY}{S}*)?(?P<w>(?i:{trie_alt([k for k in MINOR_UNITS if k not in ('p', 'c')], fold=True)}))(?![A-Za-z])"
    rf"|(?P<p>{S}?p)(?![A-Za-z'’]|\.[A-Za-z])"
)
POUND_WEIGHT_RE = re.compile(rf"{S}+of\b")
US_AFTER_DOLLAR_RE = re.compile(rf"{S}+(?:US|U\.S\.)(?!{S}*\$)(?![A-Za-z])")

TIMES_RE = re.compile(rf"(?:{S}*{HY}{S}*|{S}+)(?P<w>times|fold)\b|(?P<glued>fold)\b")
TIME_UNIT_RE = re.compile(
    rf"(?:{S}*{HY}{S}*|{S}+)(?P<w>(?i:{trie_alt(TIME_UNITS, fold=True)}))(?![A-Za-z])"
    rf"(?P<old>{S}*{HY}?{S}*old\b)?"
)
RELATIVE_TIME_AFTER_RE = re.compile(rf"{S}+(?:ago|earlier|later|before|after|prior|previously|hence)\b")
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
