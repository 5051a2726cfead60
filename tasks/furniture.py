"""Page furniture: the parts of a captured web page that are not the article.

Furniture is returned as spans into the raw text, never as a rewritten string, so every
offset downstream (figures, report highlights, warehouse rows) stays an offset into raw.
"""
from __future__ import annotations

import re

from tasks.extract.chinese_lexicon import FURNITURE_FIELDS

# Whole lines that news sites wrap around the story. Matched case-insensitively on the
# stripped line; kept short and generic so other publishers' chrome is caught too.
_FURNITURE_LINES = re.compile(
    r"""^(?:
        advertisement | advert | sponsored(?:\ content)? | skip\ advertisement
      | get\ more\ with\ \w+ | learn\ more | read\ more | read\ full\ article
      | a\ personalised\ news\ feed\ of\ stories\ that\ matter\ to\ you
      | sign\ up(?:\ for\ .{0,60})? | subscribe(?:\ now)? | share(?:\ this\ article)?
      | related(?:\ articles|\ topics)? | photo:.{0,80} | video
      | (?:\d{1,2}:)?\d{1,2}:\d{2}            # a video player's duration, "03:36"
      | \d{1,6}                               # a bare number on its own line: a comment
                                              # or share count, never a sentence
    )$""",
    re.IGNORECASE | re.VERBOSE,
)
# Chinese pages: metadata lines ("时间:2021-08-12 来源:市统计局 点击:1024", "【字号:大 中 小】"),
# buttons, picture labels and photo credits ("……生产线一角。刘磊 摄")
_ZH_FIELDS = "|".join(sorted(FURNITURE_FIELDS, key=len, reverse=True))
_ZH_FURNITURE = re.compile(
    rf"^[【\[(（]?\s*(?:{_ZH_FIELDS})\s*[:：].{{0,160}}$"
    r"|^(?:打印本页|关闭窗口|返回顶部|打印|关闭|上一篇|下一篇)(?:\s+\S{1,6}){0,4}$"
    r"|^[(（【\[]?(?:资料图|图片来源[^)）】\]]{0,30}|图)[)）】\]]?$"
    r"|[\u4e00-\u9fff]{2,4}\s*摄$")
_CAPTION = re.compile(r"\b(?:Photo|Picture|Image|Graphic)s?: [^.]{1,80}$")
_DURATION = re.compile(r"(?:\d{1,2}:)?\d{1,2}:\d{2}")
_LINE = re.compile(r"[^\n]*(?:\n|$)")


def _lines(text: str):
    """(start, end, stripped) for every line; end excludes the newline."""
    for m in _LINE.finditer(text):
        if m.start() == len(text):
            break
        raw = m.group().rstrip("\r\n")
        lead = len(raw) - len(raw.lstrip())
        yield m.start() + lead, m.start() + len(raw.rstrip()), raw.strip()


def furniture_spans(text: str) -> list[tuple[int, int]]:
    """Spans of ``text`` that are page furniture, sorted and non-overlapping.

    Furniture is: known chrome lines, photo captions ("... Photo: Xinhua"), video
    durations and the caption line that follows one, and every copy of a short line
    printed more than once (players repeat their captions; sites repeat section tags).

    >>> t = "Advertisement\\nGDP rose 5 per cent.\\n03:36\\nLeaders meet\\n\\nLeaders meet\\n"
    >>> [t[s:e] for s, e in furniture_spans(t)]
    ['Advertisement', '03:36', 'Leaders meet', 'Leaders meet']
    """
    lines = [ln for ln in _lines(text) if ln[2]]
    counts: dict[str, int] = {}
    for _, _, line in lines:
        counts[line] = counts.get(line, 0) + 1
    spans: list[tuple[int, int]] = []
    after_duration = False
    for start, end, line in lines:
        repeated = counts[line] > 1 and len(line) < 200
        if (_FURNITURE_LINES.match(line) or _CAPTION.search(line) or repeated
                or after_duration or (len(line) <= 200 and _ZH_FURNITURE.search(line))):
            spans.append((start, end))
        after_duration = bool(_DURATION.fullmatch(line))
    return spans


def first_content_line(text: str) -> str | None:
    """The first non-empty line that is not furniture: a fallback title."""
    ignored = set(furniture_spans(text))
    for start, end, line in _lines(text):
        if line and (start, end) not in ignored:
            return line
    return None
