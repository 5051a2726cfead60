"""What the text says around each figure that the claim checks read (tasks/claims.py):
the precision the writer stated and four cues, so that the checks are arithmetic over the
figure records and never read the text again.

- ``half_unit``: half a unit of the last digit the writer gave, in the figure's scaled units.
  Decimals and one- or two-digit integers count every written digit ("76 per cent" 0.5,
  "3.94 billion" 0.005 billion); integers of three or more digits are read as rounded to
  their last non-zero digit ("US$620" 5, "US$7,000" 500); number words ("three million")
  the value's own last non-zero digit.
- ``whole_cue``: "among", "out of", "of the"/"of all" just before it: a whole that the
  sentence's other figures may be parts of ("among the 151,000 labourers …").
- ``growth_cue``: a word of growth or fall near it ("rose", "expanded", "fell"), so that a
  percentage beside "from X to Y" is a stated rate of change.
- ``of_follows``: "of" right after it ("76 per cent of …": a share of something).
- ``apposed_seq``: the figure just before it, when only a dash, a comma, "or" and a hedge
  ("just", "about", …) stand between them ("54,280 yuan – or just 76 per cent").
"""
from __future__ import annotations

import re
from typing import Sequence

from .record import Figure

_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")
_WHOLE_CUE = re.compile(r"\b(?:among|out of|of (?:the|all))\s+(?:the\s+)?$", re.IGNORECASE)
_APPOSITION_GAP = re.compile(r"^[\s)]*[\u2013\u2014\-,]?\s*(?:or\s+)?(?:just|only|roughly|about|around|some|"
                             r"nearly|almost|barely)?\s*$", re.IGNORECASE)
# the lookahead on the first letters halves the time of a search (measured: 3 µs a figure)
_GROWTH_WORD = re.compile(r"\b(?=[cdefgijprsu])(?:gr[eo]w|growth|ris[ei]|rose|increas|expan|up\b|jump|surg|"
                          r"climb|soar|fell|fall|drop|declin|decreas|down\b|shr[ai]nk|plung)", re.IGNORECASE)
_OF_AFTER = re.compile(r"^\s+of\b", re.IGNORECASE)
# how far around a figure each cue is looked for (characters)
WHOLE_CUE_BEFORE = 16
GROWTH_BEFORE, GROWTH_AFTER = 40, 25
OF_AFTER = 8


def half_unit(surface: str, value: float) -> float:
    """Half a unit of the last digit the writer gave, in the figure's scaled units."""
    token = _NUMBER.search(surface)
    if token is None:
        return _half_unit_of_value(value)
    plain = token.group().replace(",", "")
    written = float(plain)
    if written == 0:
        return 0.5
    scale = abs(value / written) if value else 1.0
    if "." in plain:
        unit = 10.0 ** -len(plain.split(".")[1])
    else:
        digits = plain.lstrip("0") or "0"
        zeros = len(digits) - len(digits.rstrip("0")) if len(digits) >= 3 else 0
        unit = 10.0 ** zeros
    return 0.5 * unit * scale


def _half_unit_of_value(value: float) -> float:
    # Number words ("three million"): the value's own last non-zero digit.
    v = abs(value)
    if v == 0 or not float(v).is_integer():
        return 0.5
    unit = 1.0
    while v % (unit * 10) == 0:
        unit *= 10
    return 0.5 * unit


def text_cues(text: str, spans: Sequence[tuple[int, int]]) -> list[tuple[bool, bool, bool, int | None]]:
    """(whole_cue, growth_cue, of_follows, apposed) of the figures at ``spans`` (start, end),
    sorted by start; ``apposed`` is the position in ``spans`` of the figure it is apposed to."""
    out = []
    for i, (start, end) in enumerate(spans):
        before = i - 1
        while before >= 0 and spans[before][1] > start:  # a figure it overlaps is not before it
            before -= 1
        # slices, not pos/endpos: the patterns anchor (^, $, \b) at the window's edges
        apposed = (before if before >= 0 and _APPOSITION_GAP.match(text[spans[before][1]:start])
                   else None)
        out.append((
            _WHOLE_CUE.search(text[max(0, start - WHOLE_CUE_BEFORE):start]) is not None,
            _GROWTH_WORD.search(text[max(0, start - GROWTH_BEFORE):end + GROWTH_AFTER]) is not None,
            _OF_AFTER.match(text[end:end + OF_AFTER]) is not None,
            apposed,
        ))
    return out


def with_cues(text: str, figures: list[Figure]) -> list[Figure]:
    """``figures``, just made and in text order (``seq`` their position), with their precision
    and cues set.

    Set in place on records no one else holds yet: ``dataclasses.replace`` would copy each one
    at 8 µs a figure, a fifth of the engine's whole time per figure (measured on the dev sets)."""
    cues = text_cues(text, [(f.start, f.end) for f in figures])
    for f, (whole, growth, of, apposed) in zip(figures, cues):
        for name, value in (("half_unit", half_unit(f.surface, float(f.value))), ("whole_cue", whole),
                            ("growth_cue", growth), ("of_follows", of),
                            ("apposed_seq", None if apposed is None else figures[apposed].seq)):
            object.__setattr__(f, name, value)
    return figures
