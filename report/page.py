"""Frames read from the warehouse + article texts -> the report's HTML. Pure: no I/O.

``build.py`` does the reading and writing; this module only shapes and escapes. Every value
that comes from the warehouse or an article goes through ``html.escape`` (element text and
attributes) or ``_json_for_script`` (data islands read by the page's script).

The page is bounded whatever the warehouse holds: counts over the whole warehouse arrive
already aggregated (``Totals``, the article index, the chart frames), and only the articles
chosen for annotation arrive row by row, as ``ArticleBatch``es that ``render_parts`` turns
into HTML one batch at a time.
"""
from __future__ import annotations

import html
import json
import math
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pandas as pd

from report.annotate import NO_CHECK, Highlight, annotate, figure_verdict, sentence_context
from report.charts import (
    CHECK_TYPE_LABELS,
    VERDICT_LABELS,
    gdp_chart,
    money_chart,
    money_summary_chart,
    period_label,
    ratio_chart,
    ratio_gap_chart,
    verdict_chart,
)

TEMPLATE = Path(__file__).resolve().parent / "template.html"
VENDOR = Path(__file__).resolve().parent / "vendor"
VENDOR_SCRIPTS = ("vega.min.js", "vega-lite.min.js", "vega-embed.min.js")

QUALIFIER_WORDS = {
    "exact": "exact",
    "approx": "approximately (“about”)",
    "at_least": "at least (“more than”)",
    "at_most": "at most (“nearly”, “up to”)",
}
KIND_WORDS = {"money": "money", "percent": "percentage", "quantity": "quantity"}
PANEL_HINT = ('<p class="panel-hint">Hover over or click a highlighted figure to see how it was '
              'read and checked.</p>')
_MARKER = re.compile(r"\{\{\s*(\w+)\s*\}\}")


@dataclass
class ArticleText:
    """An article's raw text as read now, and whether it is the version the warehouse holds."""
    text: str | None
    furniture: list[tuple[int, int]] = field(default_factory=list)
    problem: str | None = None  # why the text is missing or differs from the loaded version


@dataclass
class Totals:
    """Counts over the whole warehouse, whatever the page shows of it."""
    articles: int = 0
    figures: int = 0
    checks: int = 0
    claims: dict[str, int] = field(default_factory=dict)  # checked figures by verdict (worst check)

    @property
    def n_claims(self) -> int:
        return sum(self.claims.values())


@dataclass
class ArticleBatch:
    """Some of the annotated articles, with all their rows (column names are the views')."""
    articles: pd.DataFrame      # dim_article rows, in the order shown
    figures: pd.DataFrame       # their mart_figures rows
    checks: pd.DataFrame        # their mart_claim_checks rows
    texts: dict[str, ArticleText] = field(default_factory=dict)  # by dim_article.path


@dataclass
class ClaimRows:
    """The claims of the claims table (at most the cap), failing ones first."""
    order: list[tuple[int, int]] = field(default_factory=list)  # (article_key, seq), in table order
    checks: pd.DataFrame | None = None   # mart_claim_checks rows of those claims
    spans: pd.DataFrame | None = None    # figure_key, article_path, start, end of their figures
    texts: dict[str, ArticleText] = field(default_factory=dict)  # their articles, by path


@dataclass
class ChartData:
    """What the charts draw, counted in SQL; single rows only where there are few of them."""
    region_year: pd.DataFrame                   # mart_region_year rows (per capita GDP in yuan)
    verdict_counts: pd.DataFrame                # check_type, verdict, n
    ratio_checks: pd.DataFrame | None = None    # every stated-ratio check, when few ...
    ratio_figures: pd.DataFrame | None = None   # ... and the figures of their articles
    ratio_gaps: pd.DataFrame | None = None      # else: gap_bin, verdict, n
    money_figures: pd.DataFrame | None = None   # every money figure in yuan, when few
    money_bins: pd.DataFrame | None = None      # else: metric_label, decade, n


@dataclass
class ReportData:
    """What the report shows, as read from the warehouse (column names are the views')."""
    totals: Totals
    index: pd.DataFrame         # articles listed, in report order, with their counts (see article_index)
    shown: pd.DataFrame         # dim_article rows of the annotated articles, in report order
    claims: ClaimRows
    charts: ChartData
    runs: pd.DataFrame          # etl_run, newest first
    quarantine: pd.DataFrame    # quarantine, newest first (at most QUARANTINE_SHOWN rows)
    quarantine_total: int = 0
    rejected_files: pd.DataFrame | None = None  # etl_rejected_file, latest first (at most REJECTED_FILES_SHOWN)
    rejected_files_total: int = 0


@dataclass
class QualityLink:
    href: str | None            # relative link to the Data Docs index, when it exists
    note: str | None = None     # where it was looked for, when it does not


# --------------------------------------------------------------------------- small helpers


def _na(value: Any) -> bool:
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    return isinstance(value, float) and math.isnan(value)


def _e(value: Any) -> str:
    return "" if _na(value) else html.escape(str(value), quote=True)


# What a browser strips from both ends of a URL before it reads the scheme.
_C0_AND_SPACE = "".join(map(chr, range(0x21)))


def web_url(value: Any) -> str | None:
    """``value`` if it is an absolute http(s) URL with a host, else None.

    Only such a URL may become a link: ``javascript:``, ``data:`` and their kin run in the
    reader's browser when clicked, and a relative or schemeless one would point into the
    report's own folder. Parsed, not pattern-matched, after stripping what browsers ignore
    (leading/trailing space and control characters, tabs and newlines anywhere).

    >>> web_url("https://www.scmp.com/a"), web_url(" JaVaScript:alert(1)"), web_url("//x.org")
    ('https://www.scmp.com/a', None, None)
    """
    if _na(value):
        return None
    text = "".join(ch for ch in str(value) if ch not in "\t\n\r").strip(_C0_AND_SPACE)
    try:
        parts = urlsplit(text)
    except ValueError:  # e.g. a malformed IPv6 host
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    return text


def _original_link(url: Any) -> str:
    """' · original' linked to the article's web page, or the URL as plain text if it is
    not a web address (so a curator still sees what articles.csv holds)."""
    if _na(url) or not str(url).strip():
        return ""
    href = web_url(url)
    if href is None:
        return f' · <span class="bad-url" title="not an http(s) link">{_e(url)}</span>'
    return f' · <a href="{_e(href)}" rel="noopener noreferrer">original</a>'


def _int(value: Any) -> int | None:
    return None if _na(value) else int(value)


def plural(n: int, one: str, many: str | None = None) -> str:
    return f"{n:,} {one if n == 1 else (many or one + 's')}"


def human_number(value: Any) -> str:
    """'2.3 trillion', '263.69 billion', '611 million', '53,593', '6.45'."""
    if _na(value):
        return "—"
    v = float(value)
    for scale, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if abs(v) >= scale:
            return f"{v / scale:,.6g} {word}" if abs(v / scale) < 1000 else f"{v / scale:,.0f} {word}"
    if v == int(v) or abs(v) >= 1000:  # converted amounts: cents would be false precision
        return f"{v:,.0f}"
    return f"{v:,.4g}" if abs(v) < 1 else f"{v:,.2f}".rstrip("0").rstrip(".")


def short_number(value: Any) -> str:
    """A number as a person would quote it: '76', '76.57', '6.452', '54,280', '2.3 trillion'."""
    if _na(value):
        return "—"
    v = float(value)
    if abs(v) >= 1e6:
        return human_number(v)
    if abs(v) >= 1000 or v == int(v):
        return f"{v:,.0f}"
    return f"{v:.4g}"


def _unit_words(unit: Any) -> str:
    if _na(unit):
        return ""
    return {"percent": "per cent", "%": "per cent", "CNY": "yuan", "USD": "US dollars",
            "HKD": "Hong Kong dollars", "EUR": "euros"}.get(str(unit), str(unit))


def _json_for_script(data: Any) -> str:
    """JSON safe inside <script type="application/json">: no '<', '>' or '&' left raw."""
    text = json.dumps(data, ensure_ascii=False, allow_nan=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _script_safe(js: str) -> str:
    """Vendored JS inlined in a <script>: a literal '</script' would end the element early."""
    return re.sub(r"</(script)", r"<\\/\1", js, flags=re.IGNORECASE)


def fill_parts(template: str, values: Mapping[str, str | Iterable[str]]) -> Iterator[str]:
    """The template in pieces, each ``{{ name }}`` replaced by its value: a string, or an
    iterable of strings consumed only when its turn comes (so a long section is never one
    string). A marker without a value is an error, raised before anything is produced."""
    missing = sorted({m.group(1) for m in _MARKER.finditer(template)} - set(values))
    if missing:
        raise KeyError(f"report template {TEMPLATE.name}: no value for {', '.join(missing)}")

    def parts() -> Iterator[str]:
        pos = 0
        for m in _MARKER.finditer(template):
            yield template[pos:m.start()]
            value = values[m.group(1)]
            if isinstance(value, str):
                yield value
            else:
                yield from value
            pos = m.end()
        yield template[pos:]
    return parts()


def fill(template: str, values: Mapping[str, str | Iterable[str]]) -> str:
    """Replace each ``{{ name }}`` of the template; a marker without a value is an error."""
    return "".join(fill_parts(template, values))


# --------------------------------------------------------------------------- figures


def checks_by_figure(checks: pd.DataFrame, figures: pd.DataFrame
                     ) -> tuple[dict[int, list[dict]], dict[int, list[dict]]]:
    """(checks of each figure, checks each figure was evidence for), keyed by figure_key."""
    key_of = {(int(a), int(s)): int(k) for a, s, k in
              zip(figures["article_key"], figures["seq"], figures["figure_key"])}
    own: dict[int, list[dict]] = {}
    evidence_for: dict[int, list[dict]] = {}
    for row in checks.itertuples(index=False):
        check = {
            "check": CHECK_TYPE_LABELS.get(row.check_type, row.check_type),
            "verdict": row.verdict,
            "verdict_label": VERDICT_LABELS.get(row.verdict, row.verdict),
            "explanation": row.explanation,
            "evidence": None if _na(row.evidence_source) else row.evidence_source,
            "of": None if _na(row.surface) else row.surface,
        }
        if not _na(row.figure_key):
            own.setdefault(int(row.figure_key), []).append(check)
        if not _na(row.evidence_seq):
            ev = key_of.get((int(row.article_key), int(row.evidence_seq)))
            if ev is not None:
                evidence_for.setdefault(ev, []).append(check)
    return own, evidence_for


def figure_details(figures: pd.DataFrame, checks: pd.DataFrame) -> dict[str, dict]:
    """figure_key -> what the details card shows (strings already formatted for a reader)."""
    own, evidence_for = checks_by_figure(checks, figures)
    details: dict[str, dict] = {}
    for f in figures.itertuples(index=False):
        key = int(f.figure_key)
        checks = own.get(key, [])
        money = f.kind == "money"
        details[str(key)] = {
            "surface": f.surface,
            "kind": KIND_WORDS.get(f.kind, f.kind),
            # Money and percentages read as a phrase; a counted thing is named on its own row
            # ("4,168" / "employee") rather than as an ungrammatical "4,168 employee".
            "value": (f"{human_number(f.value)} {_unit_words(f.unit)}".strip()
                      if f.kind in ("money", "percent") else human_number(f.value)),
            "unit": None if _na(f.unit) or f.kind in ("money", "percent") else str(f.unit),
            "qualifier": QUALIFIER_WORDS.get(f.qualifier, f.qualifier),
            "period": period_label(f.period_start, f.period_end),
            "region": None if _na(f.region) else f.region,
            "metric": None if _na(f.metric_label) else f.metric_label,
            "value_cny": f"{human_number(f.value_cny)} yuan" if money and not _na(f.value_cny) else None,
            "value_usd": f"{human_number(f.value_usd)} US dollars" if money and not _na(f.value_usd) else None,
            "fx": (f"{float(f.fx_rate):.4g} yuan per {f.unit}, {int(f.fx_year)} average"
                   if money and not _na(f.fx_rate) and not _na(f.fx_year) and f.unit != "CNY" else None),
            "linked": (f"{f.link_type}: “{f.linked_surface}”"
                       if not _na(f.link_type) and not _na(f.linked_surface) else None),
            "verdict": figure_verdict(c["verdict"] for c in checks),
            "checks": checks,
            "evidence_for": evidence_for.get(key, []),
        }
    return details


def article_headline(n_figures: int, verdicts: pd.Series | Mapping[str, int]) -> str:
    """'38 figures found; 9 claims checked: 6 hold, 2 do not hold, 1 cannot be verified.'

    ``verdicts`` has one verdict per claim (a checked figure, see ``claim_verdicts``), or is
    already counted: verdict -> number of claims.
    """
    counts = verdicts.value_counts() if isinstance(verdicts, pd.Series) else pd.Series(verdicts, dtype="int64")
    n_claims = int(counts.sum())
    parts = []
    for verdict, words in (("consistent", "hold"), ("inconsistent", "do not hold"),
                           ("unverifiable", "cannot be verified")):
        n = int(counts.get(verdict, 0))
        if n:
            word = {"hold": "holds", "do not hold": "does not hold"}.get(words, words) if n == 1 else words
            parts.append(f'<b class="t-{verdict}">{n:,} {word}</b>')
    checked = f"<b>{plural(n_claims, 'claim')} checked</b>"
    if not n_claims:
        return f"<b>{plural(n_figures, 'figure')}</b> found; no claim could be checked."
    return f"<b>{plural(n_figures, 'figure')}</b> found; {checked}: " + ", ".join(parts) + "."


# --------------------------------------------------------------------------- sections


def _pill(verdict: str, label: str | None = None) -> str:
    label = label or VERDICT_LABELS.get(verdict, "no check")
    icon = {"consistent": "✓", "inconsistent": "✗", "unverifiable": "?"}.get(verdict, "·")
    return f'<span class="pill p-{_e(verdict)}"><span aria-hidden="true">{icon}</span> {_e(label)}</span>'


def claim_verdicts(checks: pd.DataFrame) -> pd.Series:
    """One verdict per checked figure (a claim), indexed by (article_key, seq): see figure_verdict."""
    if checks.empty:
        return pd.Series([], dtype=object)
    return checks.groupby(["article_key", "seq"])["verdict"].agg(figure_verdict)


# How the two numbers of a check are named, by check type: (what the article gives, evidence).
NUMBER_WORDS = {
    "stated_ratio": ("article says (%)", "its figures give (%)"),
    "official_series": ("article says", "official statistic"),
    "conversion": ("rate implied", "annual average rate"),
    "conversion_consistency": ("rate implied", "other conversion's rate"),
    "growth": ("stated growth (%)", "computed (%)"),
}


def _numbers_html(c: Any) -> str:
    """'article says 76 · its figures give 76.57 · off by -0.74 % (tolerance ±0.66 %)'.

    Part/whole checks are one-sided comparisons of two different things, so they get none.
    """
    words = NUMBER_WORDS.get(c.check_type)
    if words is None or _na(c.observed) or _na(c.expected):
        return ""
    parts = [f"<span>{words[0]} <b>{_e(short_number(c.observed))}</b></span>",
             f"<span>{words[1]} <b>{_e(short_number(c.expected))}</b></span>"]
    if not _na(c.rel_diff):
        off = f"off by <b>{100 * float(c.rel_diff):+.2g} %</b>"
        # The tolerance explains the verdict only for two-sided bands; a one-sided band
        # ("more than") can hold well outside it, and then showing it would mislead.
        if not _na(c.tolerance) and (abs(float(c.rel_diff)) <= float(c.tolerance)) == (c.verdict == "consistent"):
            off += f" (tolerance ±{100 * float(c.tolerance):.2g} %)"
        parts.append(f"<span>{off}</span>")
    return f'<div class="nums">{"".join(parts)}</div>'


def _check_html(c: Any, show_pill: bool) -> str:
    evidence = []
    if not _na(c.evidence_surface):
        evidence.append(f"compared with “{_e(c.evidence_surface)}” in the article")
    if not _na(c.evidence_source):
        evidence.append(_e(c.evidence_source))
    pill = f"{_pill(c.verdict)} " if show_pill else ""
    nums = _numbers_html(c)
    return (f'<div class="check"><div class="check-type">{pill}{_e(CHECK_TYPE_LABELS.get(c.check_type, c.check_type))}</div>'
            f'{nums}<div class="explanation">{_e(c.explanation)}</div>'
            + (f'<div class="evidence">Evidence: {"; ".join(evidence)}</div>' if evidence else "")
            + "</div>")


def _verdict_words(counts: Mapping[str, int]) -> str:
    """'4 that do not hold, 12 that hold and 1 that cannot be verified' (zeros left out)."""
    words = {"inconsistent": ("that does not hold", "that do not hold"),
             "consistent": ("that holds", "that hold"),
             "unverifiable": ("that cannot be verified", "that cannot be verified")}
    parts = [f"{n:,} {words[v][n != 1]}" for v in ("inconsistent", "consistent", "unverifiable")
             if (n := int(counts.get(v, 0)))]
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + " and " + parts[-1]


def claims_note(shown: Mapping[str, int], totals: Totals) -> str:
    """Above a capped claims table: how many it shows, and how many of each verdict it leaves out."""
    n_shown, n_all = sum(shown.values()), totals.n_claims
    if n_shown >= n_all:
        return ""
    left = {v: totals.claims.get(v, 0) - shown.get(v, 0) for v in totals.claims}
    return (f'<p class="note">Showing <b>{n_shown:,}</b> of <b>{n_all:,}</b> claims, those that do '
            f"not hold first. Not shown: {_e(_verdict_words(left))}; they are counted in the headline "
            "and the article index, and every check is in the warehouse view "
            "<code>mart_claim_checks</code>.</p>")


def claims_table(claims: ClaimRows, annotated: set[int], several_articles: bool,
                 totals: Totals | None = None) -> str:
    """One row per checked figure, in ``claims.order`` (failing ones first), each shown in its
    own sentence and, when the warehouse holds several articles, under the title of its
    article. A claim of an annotated article links to its highlight there."""
    checks = claims.checks
    if checks is None or checks.empty or not claims.order:
        return '<p class="empty">No claim in the warehouse could be checked.</p>'
    spans = {}
    if claims.spans is not None:
        spans = {int(k): (p, int(s), int(e)) for k, p, s, e in zip(
            claims.spans["figure_key"], claims.spans["article_path"], claims.spans["start"], claims.spans["end"])}
    order = {k: i for i, k in enumerate(CHECK_TYPE_LABELS)}
    by_claim: dict[tuple[int, int], list[Any]] = {}
    for c in checks.itertuples(index=False):  # one pass: per-claim frames cost more than they show
        by_claim.setdefault((int(c.article_key), int(c.seq)), []).append(c)
    for group in by_claim.values():
        group.sort(key=lambda c: order.get(c.check_type, 9))
    shown: dict[str, int] = {}
    out = ['<table class="claims"><thead><tr><th class="c-verdict">Verdict</th>'
           '<th class="c-claim">What the article says</th><th class="c-how">How it was checked</th>'
           "</tr></thead><tbody>"]
    for key in claims.order:
        group = by_claim.get((int(key[0]), int(key[1])))
        if group is None:
            continue
        verdict = figure_verdict(c.verdict for c in group)
        shown[verdict] = shown.get(verdict, 0) + 1
        first = group[0]
        article_key = int(first.article_key)
        linked = article_key in annotated
        claim = f"<q>{_e(first.surface)}</q>"
        if not _na(first.figure_key) and int(first.figure_key) in spans:
            fk = int(first.figure_key)
            path, start, end = spans[fk]
            art = claims.texts.get(path)
            if art and art.text is not None and not art.problem:
                before, surface, after = sentence_context(art.text, start, end)
                fig = (f'<a class="claim-fig" href="#fig-{fk}" data-target="{fk}">{_e(surface)}</a>'
                       if linked else f'<span class="claim-fig">{_e(surface)}</span>')
                claim = f"{_e(before)}{fig}{_e(after)}"
        if several_articles:
            name = _e(first.article_title) or _e(first.article_path)
            claim += ('<div class="claim-source">'
                      + (f'<a href="#article-{article_key}">{name}</a>' if linked else
                         f'<span title="{_e(first.article_path)}">{name}</span> '
                         '<span class="muted">(not annotated below)</span>')
                      + "</div>")
        several = len(group) > 1
        how = "".join(_check_html(c, several) for c in group)
        out.append(f'<tr class="r-{_e(verdict)}"><td class="c-verdict">{_pill(verdict)}</td>'
                   f'<td class="c-claim">{claim}</td><td class="c-how">{how}</td></tr>')
    out.append("</tbody></table>")
    return (claims_note(shown, totals) if totals is not None else "") + "".join(out)


def legend() -> str:
    items = [(v, VERDICT_LABELS[v]) for v in ("consistent", "inconsistent", "unverifiable")]
    items.append((NO_CHECK, "figure, not checked"))
    keys = "".join(f'<span class="key"><mark class="fig v-{v}">12,345</mark> {_e(label)}</span>'
                   for v, label in items)
    return (f'<div class="legend" aria-label="Highlight colours">{keys}'
            '<span class="key"><span class="furniture">Advertisement</span> page furniture (not the article)</span>'
            '</div>')


def article_section(article: Any, figures: Sequence[Any], claims: Mapping[str, int],
                    art: ArticleText, details: dict[str, dict]) -> str:
    """One annotated article: ``figures`` are its mart_figures rows (tuples with attributes),
    ``claims`` its claims counted by verdict, ``details`` what each figure's card shows."""
    meta = [x for x in (_e(article.publisher), _e(article.pub_date), _e(article.path)) if x]
    head = (f'<header class="article-head"><h3>{_e(article.title) or _e(article.path)}</h3>'
            f'<p class="meta">{" · ".join(meta)}'
            + _original_link(article.url)
            + f'</p><p class="article-headline">{article_headline(len(figures), claims)}</p></header>')
    if art.text is None or art.problem:
        listing = "".join(
            f'<li><mark class="fig v-{_e(details[str(int(f.figure_key))]["verdict"])}" '
            f'data-figure-id="{int(f.figure_key)}" id="fig-{int(f.figure_key)}" tabindex="0">{_e(f.surface)}</mark></li>'
            for f in figures)
        return (f'<article class="article" id="article-{int(article.article_key)}">{head}'
                f'<p class="problem">{_e(art.problem)}</p>'
                f'<p>The figures as loaded:</p><ul class="fig-list">{listing}</ul></article>')
    highlights = [
        Highlight(int(f.figure_key), int(f.start), int(f.end), details[str(int(f.figure_key))]["verdict"])
        for f in figures
    ]
    try:
        body = annotate(art.text, highlights, art.furniture, id_prefix="fig-")
    except ValueError as exc:
        raise ValueError(f"{article.path}: {exc}") from None
    return (f'<article class="article" id="article-{int(article.article_key)}">{head}{legend()}'
            f'<div class="article-body"><div class="article-text">{body}</div>'
            '<aside class="fig-panel" aria-live="polite"><div class="panel-body">'
            f'{PANEL_HINT}</div></aside></div></article>')


def batch_sections(batch: ArticleBatch) -> Iterator[str]:
    """The batch's annotated articles, then the details of their figures as a data island
    (one per batch, so no string ever holds every figure of a large report)."""
    details = figure_details(batch.figures, batch.checks)
    # Rows grouped once per batch: a frame per article would cost more than its HTML.
    figures: dict[int, list[Any]] = {}
    for f in batch.figures.itertuples(index=False):
        figures.setdefault(int(f.article_key), []).append(f)
    claims: dict[int, dict[str, int]] = {}
    for (article_key, _), verdict in claim_verdicts(batch.checks).items():
        counts = claims.setdefault(int(article_key), {})
        counts[verdict] = counts.get(verdict, 0) + 1
    for a in batch.articles.itertuples(index=False):
        art = batch.texts.get(a.path) or ArticleText(None, problem=f"{a.path}: no text was read")
        key = int(a.article_key)
        yield article_section(a, figures.get(key, []), claims.get(key, {}), art, details)
    if details:
        yield f'<script type="application/json" class="figures-json">{_json_for_script(details)}</script>'


# Columns of the article index, as read by build.read_index.
INDEX_COLUMNS = ("article_key", "path", "title", "publisher", "pub_date", "figures", "claims",
                 "consistent", "inconsistent", "unverifiable")


def index_note(n_shown: int, totals: Totals, n_listed: int) -> str:
    """What the reader sees of the warehouse's articles, and how to see the rest."""
    if n_shown >= totals.articles:
        note = f"All {totals.articles:,} articles are annotated below."
    else:
        note = (f"Showing <b>{n_shown:,}</b> of <b>{totals.articles:,}</b> articles annotated below: "
                "those of the latest load, newest first. Every article is listed here with its counts; "
                "to annotate more, rebuild with <code>figures report --articles N</code> "
                "(or <code>--all-articles</code>, for a page that grows with the warehouse).")
    if n_listed < totals.articles:
        note += (f" This list stops at the first {n_listed:,} in that order; the other "
                 f"{totals.articles - n_listed:,} are in <code>dim_article</code>.")
    return f'<p class="note" id="index-note">{note}</p>'


def article_index(index: pd.DataFrame, annotated: set[int], totals: Totals) -> str:
    """Every article (up to the list's cap) with its figure and claim counts, annotated ones
    linked. Compact on purpose: this is the one part of the page that grows per article."""
    rows = []
    for a in index.itertuples(index=False):
        name = _e(a.title) or _e(a.path)
        key = int(a.article_key)
        cell = (f'<a href="#article-{key}" title="{_e(a.path)}">{name}</a>' if key in annotated
                else f'<span title="{_e(a.path)}">{name}</span>')
        rows.append(f'<tr{" class=a" if key in annotated else ""}><td>{cell}</td><td>{_e(a.publisher)}</td>'
                    f"<td>{_e(a.pub_date)}</td><td>{int(a.figures)}</td><td>{int(a.consistent)}</td>"
                    f"<td>{int(a.inconsistent)}</td><td>{int(a.unverifiable)}</td></tr>")
    head = ('<thead><tr><th data-sort="text">Article</th><th data-sort="text">Publisher</th>'
            '<th data-sort="text">Date</th><th data-sort="num">Figures</th>'
            '<th data-sort="num" class="t-consistent">Hold</th>'
            '<th data-sort="num" class="t-inconsistent">Do not hold</th>'
            '<th data-sort="num" class="t-unverifiable">Cannot be verified</th></tr></thead>')
    return (f'<div class="index-box">{index_note(len(annotated), totals, len(index))}'
            '<input type="search" id="index-filter" placeholder="Filter the list: title, publisher, date or file" '
            'aria-label="Filter the article list" autocomplete="off">'
            f'<div class="index-wrap"><table class="index" id="article-index">{head}<tbody>'
            + "".join(rows) + "</tbody></table></div></div>")


def _chart_box(chart_id: str, spec: dict | None, empty: str) -> tuple[str, dict | None]:
    if spec is None:
        return f'<figure class="chart chart-empty"><p>{_e(empty)}</p></figure>', None
    return f'<figure class="chart"><div class="vega" id="chart-{chart_id}"></div></figure>', spec


def ratio_rows(checks: pd.DataFrame, figures: pd.DataFrame) -> pd.DataFrame:
    """Stated-ratio checks with the year and region of the percentage (else of its evidence)."""
    ratios = checks[checks["check_type"] == "stated_ratio"]
    cols = ["year", "region", "surface", "observed", "expected", "verdict", "explanation"]
    if ratios.empty:
        return pd.DataFrame(columns=cols)
    by_seq = {(int(a), int(s)): f for a, s, f in
              zip(figures["article_key"], figures["seq"], figures.itertuples(index=False))}

    def year_region(c) -> tuple[int | None, str | None]:
        for seq in (c.seq, c.evidence_seq):
            f = None if _na(seq) else by_seq.get((int(c.article_key), int(seq)))
            if f is not None:
                year = _int(f.period_end) if not _na(f.period_end) else _int(f.period_start)
                if year is not None:
                    return year, None if _na(f.region) else f.region
        return None, None

    found = [year_region(c) for c in ratios.itertuples(index=False)]
    return ratios.assign(year=[y for y, _ in found], region=[r for _, r in found])[cols]


def charts(data: ChartData) -> tuple[str, dict[str, dict]]:
    """The four chart boxes and their specs: each stated ratio and money figure on its own
    when there are few, else counted (``ratio_gap_chart``, ``money_summary_chart``)."""
    ratios = (ratio_rows(data.ratio_checks, data.ratio_figures)
              if data.ratio_checks is not None and data.ratio_figures is not None else None)
    ratio_spec = ratio_chart(ratios) if ratios is not None else (
        ratio_gap_chart(data.ratio_gaps) if data.ratio_gaps is not None else None)
    money_spec = money_chart(data.money_figures) if data.money_figures is not None else (
        money_summary_chart(data.money_bins) if data.money_bins is not None else None)
    boxes, specs = [], {}
    for chart_id, spec, empty in (
        ("gdp", gdp_chart(data.region_year, ratios), "No per capita GDP figures or statistics in the warehouse."),
        ("ratios", ratio_spec, "No stated ratio could be compared with the figures."),
        ("verdicts", verdict_chart(data.verdict_counts), "No claim checks in the warehouse."),
        ("money", money_spec, "No money figures with a yuan value."),
    ):
        box, spec = _chart_box(chart_id, spec, empty)
        boxes.append(box)
        if spec is not None:
            specs[chart_id] = spec
    return '<div class="charts">' + "".join(boxes) + "</div>", specs


def _when(value: Any) -> str:
    if _na(value):
        return "—"
    ts = pd.Timestamp(value)
    return ts.strftime("%Y-%m-%d %H:%M UTC") if ts.tzinfo is None else ts.tz_convert("UTC").strftime("%Y-%m-%d %H:%M UTC")


def _quality_cell(value: Any) -> str:
    if _na(value):
        return '<span class="muted">not run</span>'
    return _pill("consistent", "passed") if bool(value) else _pill("inconsistent", "failed")


def run_summary(data: ReportData, quality: QualityLink) -> str:
    out = []
    if data.runs.empty:
        out.append('<p class="empty">No run is recorded in etl_run.</p>')
    else:
        last = data.runs.iloc[0]
        started = _e(_when(last["started_at"]))
        if not _na(last["ended_at"]) and not _na(last["started_at"]):
            secs = (pd.Timestamp(last["ended_at"]) - pd.Timestamp(last["started_at"])).total_seconds()
            started += f'<br><span class="muted">took {secs:,.1f} s</span>'
        stats = [
            ("Status", f'<span class="status s-{_e(last["status"])}">{_e(last["status"])}</span>'),
            ("Started", started),
            ("Articles read", _e(_int(last["articles_read"]))),
            ("Unchanged, skipped", _e(_int(last["articles_skipped"]))),
            ("Figures extracted", _e(_int(last["figures_extracted"]))),
            ("Figures loaded", _e(_int(last["figures_loaded"]))),
            ("Rows rejected", _e(_int(last["rows_rejected"]))),
            ("Data quality", _quality_cell(last["quality_success"])),
        ]
        cells = "".join(
            f'<div class="stat"><div class="k">{k}</div>'
            f'<div class="v{" small" if k == "Started" else ""}">{v or "—"}</div></div>'
            for k, v in stats)
        out.append(f'<h3>Latest run <span class="muted">#{int(last["run_id"])}</span></h3>'
                   f'<div class="stats">{cells}</div>')
        if not _na(last["error"]) and last["status"] != "completed_with_rejections":
            # (a run's skipped files are listed whole below, from etl_rejected_file)
            label = "Error" if last["status"] in ("failed", "interrupted", "abandoned") else "Note"
            out.append(f'<p class="problem">{label}: {_e(last["error"])}</p>')
        if len(data.runs) > 1:
            rows = "".join(
                f'<tr><td>#{int(r.run_id)}</td><td>{_e(_when(r.started_at))}</td><td>{_e(r.status)}</td>'
                f'<td class="n">{_e(_int(r.articles_read))}</td><td class="n">{_e(_int(r.figures_loaded))}</td>'
                f'<td class="n">{_e(_int(r.rows_rejected))}</td><td>{_quality_cell(r.quality_success)}</td></tr>'
                for r in data.runs.itertuples(index=False))
            out.append('<details><summary>Earlier runs</summary><table class="plain"><thead><tr>'
                       '<th>Run</th><th>Started</th><th>Status</th><th class="n">Articles read</th>'
                       '<th class="n">Figures loaded</th><th class="n">Rejected</th><th>Quality</th>'
                       f'</tr></thead><tbody>{rows}</tbody></table></details>')
    if quality.href:
        out.append(f'<p class="docs">Data-quality details: <a href="{_e(quality.href)}">the '
                   'checkpoint\'s expectations</a> (each with the rows it checked and its result).</p>')
    elif quality.note:
        out.append(f'<p class="docs muted">{_e(quality.note)}</p>')
    out += _rejected_files(data, None if data.runs.empty else int(data.runs.iloc[0]["run_id"]))
    out.append(f'<h3>Rejected rows <span class="muted">{data.quarantine_total:,} in quarantine</span></h3>')
    if data.quarantine.empty:
        out.append('<p class="empty">Nothing was rejected.</p>')
    else:
        rows = "".join(
            f"<tr><td>{_e(q.source_file)}</td><td class=\"n\">{_e(_int(q.row))}</td>"
            f"<td>{_e(q.column)}</td><td><code>{_e(q.failure_case)}</code></td>"
            f"<td>{_e(q.reason)}</td><td>#{_e(_int(q.run_id))}</td></tr>"
            for q in data.quarantine.itertuples(index=False))
        more = (f'<p class="muted">Showing the newest {len(data.quarantine):,}.</p>'
                if data.quarantine_total > len(data.quarantine) else "")
        out.append('<table class="plain quarantine"><thead><tr><th>File</th><th class="n">Row</th>'
                   '<th>Column</th><th>Value</th><th>Why it was rejected</th><th>Run</th></tr></thead>'
                   f"<tbody>{rows}</tbody></table>{more}")
    return "".join(out)


def _rejected_files(data: ReportData, latest_run: int | None) -> list[str]:
    """Article files a run skipped: the latest run's first, each with why and when."""
    files = data.rejected_files
    if files is None or files.empty:
        return []
    now = int((files["last_run_id"] == latest_run).sum()) if latest_run is not None else 0
    out = [f'<h3>Rejected files <span class="muted">{now:,} skipped by the latest run, '
           f'{data.rejected_files_total:,} ever</span></h3>']
    rows = "".join(
        f'<tr><td><code>{_e(f.path)}</code></td><td>{_e(f.reason)}</td>'
        f'<td><code>{_e("" if _na(f.article_hash) else f.article_hash[:12])}</code></td>'
        f'<td>#{_e(_int(f.first_run_id))}</td><td>#{_e(_int(f.last_run_id))}'
        f'{" (latest)" if f.last_run_id == latest_run else ""}</td>'
        f'<td class="n">{_e(_int(f.times_rejected))}</td></tr>'
        for f in files.itertuples(index=False))
    more = (f'<p class="muted">Showing the latest {len(files):,}.</p>'
            if data.rejected_files_total > len(files) else "")
    out.append('<table class="plain rejected-files"><thead><tr><th>File</th><th>Why it was skipped</th>'
               '<th>sha256</th><th>First run</th><th>Last run</th><th class="n">Runs</th></tr></thead>'
               f"<tbody>{rows}</tbody></table>{more}")
    return out


# --------------------------------------------------------------------------- the page


def articles_part(data: ReportData, batches: Iterable[ArticleBatch]) -> Iterator[str]:
    """The article index (with several articles), then the annotated articles batch by batch."""
    annotated = {int(k) for k in data.shown["article_key"]}
    if data.totals.articles > 1 or len(annotated) < data.totals.articles:
        yield article_index(data.index, annotated, data.totals)
    for batch in batches:
        yield from batch_sections(batch)
    if data.totals.articles == 0:
        yield '<p class="empty">The warehouse holds no article yet: run <code>figures run</code>.</p>'


def render_parts(data: ReportData, batches: Iterable[ArticleBatch], quality: QualityLink,
                 generated_at: datetime, template: str | None = None,
                 vendor_js: str | None = None) -> Iterator[str]:
    """The whole report as pieces of HTML, in order; ``batches`` (the annotated articles, in
    ``data.shown`` order) are consumed only when the page reaches them."""
    template = template if template is not None else TEMPLATE.read_text(encoding="utf-8")
    if vendor_js is None:
        vendor_js = "\n".join((VENDOR / name).read_text(encoding="utf-8") for name in VENDOR_SCRIPTS)
    totals = data.totals
    single = data.shown.iloc[0] if totals.articles == 1 and len(data.shown) == 1 else None
    title = (single["title"] if single is not None and not _na(single["title"])
             else f"{plural(totals.articles, 'article')}")
    chart_html, specs = charts(data.charts)
    headline = article_headline(totals.figures, totals.claims)
    if totals.articles != 1:
        headline = f"<b>{plural(totals.articles, 'article')}</b>: " + headline
    annotated = {int(k) for k in data.shown["article_key"]}
    return fill_parts(template, {
        "title": _e(f"Figures report: {title}"),
        "heading": _e(title),
        "subheading": _e(" · ".join(x for x in (
            None if single is None or _na(single["publisher"]) else single["publisher"],
            None if single is None or _na(single["pub_date"]) else str(single["pub_date"]),
        ) if x)),
        "generated": _e(generated_at.strftime("%Y-%m-%d %H:%M UTC")),
        "headline": headline,
        "headline_note": _e(
            f"A claim is a figure that could be checked, against the article's own arithmetic "
            f"(ratios, currency conversions, parts of a whole) or official statistics; it holds when "
            f"none of its checks fails ({plural(totals.checks, 'check')} in all)."),
        "claims": claims_table(data.claims, annotated, totals.articles > 1, totals),
        "charts": chart_html,
        "articles_heading": "The article, annotated" if totals.articles <= 1 else "The articles, annotated",
        "articles": articles_part(data, batches),
        "run_summary": run_summary(data, quality),
        "charts_json": _json_for_script(specs),
        "vendor_js": _script_safe(vendor_js),
    })


def render(data: ReportData, batches: Iterable[ArticleBatch], quality: QualityLink,
           generated_at: datetime, template: str | None = None,
           vendor_js: str | None = None) -> str:
    """The whole report as one HTML string (``render_parts`` joined)."""
    return "".join(render_parts(data, batches, quality, generated_at, template, vendor_js))
