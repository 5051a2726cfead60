"""Article text + figure spans + furniture spans -> HTML with every figure highlighted in place.

Pure: no I/O. Offsets are into the raw article text exactly as the warehouse stores them, so
the highlighted text is the raw text, character for character, HTML-escaped.

Each figure becomes exactly ONE ``<mark data-figure-id=…>`` element, so a reader (or a test)
can count highlights against the warehouse. Spans that nest are nested marks. Spans that
cross (one starts inside another and ends past it) cannot both be whole elements in HTML:
the later one is clipped to the part outside the earlier and carries ``data-clipped`` (its
full surface is still in its details). Furniture never splits a mark: it is applied to the
plain text pieces between marks, and a mark inside furniture gets the class ``furniture``.
"""
from __future__ import annotations

import html
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

VERDICTS = ("consistent", "inconsistent", "unverifiable")
NO_CHECK = "none"
_STOPS = (". ", "? ", "! ")


@dataclass(frozen=True)
class Highlight:
    figure_id: int
    start: int
    end: int
    verdict: str = NO_CHECK  # one of VERDICTS or NO_CHECK


@dataclass
class _Node:
    highlight: Highlight
    start: int  # differ from the highlight's own span when it had to be clipped
    end: int
    children: list[_Node] = field(default_factory=list)

    @property
    def clipped(self) -> bool:
        return (self.start, self.end) != (self.highlight.start, self.highlight.end)


def figure_verdict(verdicts: Iterable[str]) -> str:
    """One colour for a figure with several checks: red if any check fails, else green if
    any holds, else amber (none could be verified); 'none' when it has no check.

    >>> figure_verdict(["consistent", "inconsistent"]), figure_verdict([])
    ('inconsistent', 'none')
    """
    seen = set(verdicts)
    for verdict in ("inconsistent", "consistent", "unverifiable"):
        if verdict in seen:
            return verdict
    return NO_CHECK


def check_spans(text: str, highlights: Sequence[Highlight]) -> None:
    """Raise ValueError naming the figure and span if any span does not fit the text."""
    for h in highlights:
        if not (0 <= h.start < h.end <= len(text)):
            raise ValueError(
                f"figure {h.figure_id}: span [{h.start}, {h.end}) does not fit an article "
                f"text of {len(text)} characters"
            )
        if h.verdict not in VERDICTS and h.verdict != NO_CHECK:
            raise ValueError(f"figure {h.figure_id}: unknown verdict {h.verdict!r}")


def _clip(spans: list[tuple[int, int]], s: int, e: int) -> tuple[int, int]:
    """[s, e) shrunk until it crosses none of ``spans`` (which never cross each other)."""
    changed = True
    while changed:
        changed = False
        for a, b in spans:
            if a < s < b < e:      # overruns an earlier span: start where it ends
                s, changed = b, True
            elif s < a < e < b:    # runs into a (clipped) span: end where it starts
                e, changed = a, True
    return s, e


def nest(highlights: Sequence[Highlight]) -> list[_Node]:
    """Top-level nodes of a properly nested tree of spans (crossing spans clipped)."""
    accepted: list[tuple[int, int]] = []
    nodes: list[_Node] = []
    for h in sorted(highlights, key=lambda h: (h.start, -h.end, h.figure_id)):
        s, e = _clip(accepted, h.start, h.end)
        accepted.append((s, e))
        nodes.append(_Node(h, s, e))
    roots: list[_Node] = []
    stack: list[_Node] = []
    for node in sorted(nodes, key=lambda n: (n.start, -n.end)):  # stable: ties keep order
        while stack and stack[-1].end <= node.start:
            stack.pop()
        (stack[-1].children if stack else roots).append(node)
        stack.append(node)
    return roots


def _furniture_html(text: str, start: int, end: int, furniture: Sequence[tuple[int, int]]) -> str:
    """text[start:end] escaped, with the parts inside furniture spans greyed."""
    out: list[str] = []
    pos = start
    for f_start, f_end in furniture:
        if f_end <= pos or f_start >= end:
            continue
        lo, hi = max(f_start, pos), min(f_end, end)
        if lo > pos:
            out.append(html.escape(text[pos:lo], quote=False))
        out.append(f'<span class="furniture">{html.escape(text[lo:hi], quote=False)}</span>')
        pos = hi
    if pos < end:
        out.append(html.escape(text[pos:end], quote=False))
    return "".join(out)


def _in_furniture(start: int, end: int, furniture: Sequence[tuple[int, int]]) -> bool:
    return any(f_start <= start and end <= f_end for f_start, f_end in furniture)


def _emit(text: str, nodes: list[_Node], start: int, end: int,
          furniture: Sequence[tuple[int, int]], id_prefix: str | None, out: list[str]) -> None:
    pos = start
    for node in nodes:
        out.append(_furniture_html(text, pos, node.start, furniture))
        h = node.highlight
        classes = ["fig", f"v-{h.verdict}"]
        if _in_furniture(h.start, h.end, furniture):
            classes.append("furniture")
        attrs = [f'class="{" ".join(classes)}"', f'data-figure-id="{int(h.figure_id)}"']
        if id_prefix is not None:
            attrs.append(f'id="{html.escape(id_prefix)}{int(h.figure_id)}"')
        attrs.append('tabindex="0"')
        if node.clipped:
            attrs.append('data-clipped="true"')
        out.append(f"<mark {' '.join(attrs)}>")
        _emit(text, node.children, node.start, node.end, furniture, id_prefix, out)
        out.append("</mark>")
        pos = node.end
    out.append(_furniture_html(text, pos, end, furniture))


def annotate(text: str, highlights: Sequence[Highlight],
             furniture: Sequence[tuple[int, int]] = (), id_prefix: str | None = None) -> str:
    """The whole of ``text`` as HTML: figures as ``<mark>``, furniture greyed, all escaped.

    With ``id_prefix`` each mark also gets ``id="<prefix><figure_id>"`` (a link target).

    >>> annotate("Cost: 5 < 6 yuan.", [Highlight(7, 6, 16, "consistent")])
    'Cost: <mark class="fig v-consistent" data-figure-id="7" tabindex="0">5 &lt; 6 yuan</mark>.'
    """
    check_spans(text, highlights)
    furniture = sorted((int(s), int(e)) for s, e in furniture if e > s)
    out: list[str] = []
    _emit(text, nest(highlights), 0, len(text), furniture, id_prefix, out)
    return "".join(out)


def sentence_context(text: str, start: int, end: int, limit: int = 260) -> tuple[str, str, str]:
    """(before, surface, after): the sentence around text[start:end], at most ~limit characters.

    Sentences end at a line break or at ". ", "? ", "! " — good enough to show a claim in
    its words; the warehouse's sentence index is not needed for that.
    """
    lo = max([text.rfind("\n", 0, start) + 1]
             + [i + 2 for i in (text.rfind(p, 0, start) for p in _STOPS) if i >= 0])
    hi = min([i for i in [text.find("\n", end)] if i >= 0]
             + [i + 1 for i in (text.find(p, end) for p in _STOPS) if i >= 0]
             + [len(text)])
    before, after = text[lo:start].lstrip(), text[end:hi].rstrip()
    room = max(limit - (end - start), 40)
    if len(before) > room // 2:
        cut = before[-(room // 2):]
        before = "…" + (cut.split(" ", 1)[1] if " " in cut else cut).lstrip()  # whole words only
    if len(after) > room - len(before):
        cut = after[: max(room - len(before), 20)]
        after = (cut.rsplit(" ", 1)[0] if " " in cut.strip() else cut).rstrip() + "…"
    return before, text[start:end], after
