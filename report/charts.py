"""DataFrames read from the ``mart_`` views -> Vega-Lite specs (plain dicts). Pure: no I/O.

A function returns None when it has nothing to draw, so the page can say so in words
instead of showing an empty frame.
"""
from __future__ import annotations

import math
import re
from typing import Any

import pandas as pd

SCHEMA = "https://vega.github.io/schema/vega-lite/v5.json"  # an identifier; never fetched

VERDICT_LABELS = {
    "consistent": "holds",
    "inconsistent": "does not hold",
    "unverifiable": "cannot be verified",
}
VERDICT_COLOURS = {"consistent": "#1a7f37", "inconsistent": "#cf222e", "unverifiable": "#b07d00"}
CHECK_TYPE_LABELS = {
    "stated_ratio": "Stated ratio",
    "official_series": "Against official statistics",
    "conversion": "Currency conversion",
    "conversion_consistency": "Conversions agree",
    "growth": "Growth rate",
    "part_whole": "Part within whole",
}
REGION_COLOURS = ["#0b5cad", "#d4720c", "#6f42c1", "#2e8540", "#8a6d3b"]
GDP_REGIONS_MAX = len(REGION_COLOURS)
FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif"

# Money axes span 4,000 yuan to trillions: a grid line per power of ten, words every third
# (SI letters would read "G" for billion, which is no yuan unit).
MONEY_AXIS_WORDS = {3: "thousand", 6: "million", 9: "billion", 12: "trillion", 15: "quadrillion"}
QUALIFIER_SHAPES = {"exact": "circle", "approx": "diamond", "at_least": "triangle-right", "at_most": "triangle-left"}
_PER_CAPITA_GDP = re.compile(r"(?=.*gdp)(?=.*capita)", re.IGNORECASE)


def _config() -> dict[str, Any]:
    return {
        "font": FONT,
        "view": {"stroke": None},
        "axis": {"labelFontSize": 11, "titleFontSize": 12, "titleFontWeight": 500,
                 "gridColor": "#eceef1", "domainColor": "#8c959f", "tickColor": "#8c959f"},
        "legend": {"labelFontSize": 11, "titleFontSize": 11, "orient": "bottom",
                   "direction": "horizontal"},
        "title": {"fontSize": 14, "fontWeight": 600, "anchor": "start", "offset": 10},
    }


def _spec(title: str, subtitle: str | list[str], data: list[dict], **body: Any) -> dict[str, Any]:
    return {
        "$schema": SCHEMA,
        "title": {"text": title, "subtitle": subtitle, "subtitleColor": "#57606a",
                  "subtitleFontSize": 11.5},
        "width": "container",
        "height": 240,
        "data": {"values": data},
        "config": _config(),
        **body,
    }


def _records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """JSON-ready rows: NaN/NA -> None, numpy scalars -> Python."""
    rows = []
    for row in frame.to_dict("records"):
        clean = {}
        for key, value in row.items():
            if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA:
                clean[key] = None
            elif hasattr(value, "item"):
                clean[key] = value.item()
            else:
                clean[key] = value
        rows.append(clean)
    return rows


def is_per_capita_gdp(metric: str | None, label: str | None = None) -> bool:
    """Metric keys differ between tables (per_capita_gdp, gdp_per_capita): match on words."""
    return any(isinstance(s, str) and _PER_CAPITA_GDP.match(s) for s in (metric, label))


def period_label(start: Any, end: Any) -> str:
    """'2014–2019', '2020' or 'no year stated'.

    >>> period_label(2014, 2019), period_label(2020, 2020), period_label(None, None)
    ('2014–2019', '2020', 'no year stated')
    """
    s = None if start is None or pd.isna(start) else int(start)
    e = None if end is None or pd.isna(end) else int(end)
    if s is None and e is None:
        return "no year stated"
    if s is None or e is None or s == e:
        return str(s if s is not None else e)
    return f"{s}–{e}"


# --------------------------------------------------------------------------- per capita GDP


def gdp_series(region_year: pd.DataFrame) -> pd.DataFrame:
    """Long frame (region, year, value, series, source) of per capita GDP in yuan.

    ``region_year`` has mart_region_year's columns. Official values and the articles' figures
    are separate series so the reader sees where the article agrees with the statistics.
    """
    cols = ["region", "year", "value", "series", "source"]
    if region_year.empty:
        return pd.DataFrame(columns=cols)
    gdp = pd.Series([is_per_capita_gdp(m, lbl) for m, lbl in
                     zip(region_year["metric"], region_year["metric_label"])], index=region_year.index)
    rows = region_year[gdp & (region_year["unit"] == "CNY")]
    official = rows[rows["official_value"].notna()].assign(
        value=lambda d: d["official_value"], series="official statistic",
        source=lambda d: d["official_source"])
    stated = rows[rows["figure_count"] > 0].assign(
        value=lambda d: d["figure_avg"], series="stated in the article", source="the article")
    out = pd.concat([official[cols], stated[cols]], ignore_index=True)
    return out.astype({"year": "int64", "value": "float64"}).sort_values(["region", "year", "series"],
                                                                        ignore_index=True)


def ratio_labels(series: pd.DataFrame, ratios: pd.DataFrame | None) -> pd.DataFrame:
    """Stated ratios placed on the GDP chart, at the figure of the region and year they are about."""
    cols = ["year", "value", "text", "verdict_label"]
    points = ratio_points(ratios) if ratios is not None and not ratios.empty else None
    if points is None or points.empty or series.empty:
        return pd.DataFrame(columns=cols)
    at = {}
    for row in series.itertuples(index=False):  # the article's figure wins over the official one
        if row.series == "stated in the article" or (row.region, row.year) not in at:
            at[(row.region, row.year)] = row.value
    icon = {"consistent": "✓", "inconsistent": "✗", "unverifiable": "?"}
    rows = [{"year": int(p.year), "value": at[(region, p.year)],
             "text": f"{p.stated:g}% {icon.get(p.verdict, '')}".strip(),
             "verdict_label": p.verdict_label}
            for p in points.itertuples(index=False)
            for region in [p.region] if (region, p.year) in at]
    return pd.DataFrame(rows, columns=cols)


def gdp_regions(series: pd.DataFrame) -> tuple[list[str], int]:
    """(regions to draw, how many are left out), at most one per colour, since more lines
    than colours cannot be told apart: China first, then the regions with the most official
    values (a line to compare with), then with the most values stated in articles.

    >>> s = pd.DataFrame({"region": ["Tibet", "China", "Tibet", "Xinjiang"],
    ...                   "series": ["stated in the article"] * 3 + ["official statistic"]})
    >>> gdp_regions(s)
    (['China', 'Tibet', 'Xinjiang'], 0)
    """
    official = series.loc[series["series"] == "official statistic", "region"].value_counts()
    stated = series.loc[series["series"] != "official statistic", "region"].value_counts()
    ranked = sorted(set(series["region"]),
                    key=lambda r: (r != "China", -official.get(r, 0), -stated.get(r, 0), r))
    drawn = sorted(ranked[:GDP_REGIONS_MAX], key=lambda r: (r != "China", r))  # legend: by name
    return drawn, len(ranked) - len(drawn)


def gdp_chart(region_year: pd.DataFrame, ratios: pd.DataFrame | None = None) -> dict[str, Any] | None:
    """Per capita GDP by year, one line per region; the article's own figures as diamonds and
    its stated ratios ("76 per cent of the national ...") written under them, coloured by verdict.

    ``ratios``: as for ``ratio_points`` (one row per stated-ratio check, with year and region).
    """
    data = gdp_series(region_year)
    if data.empty:
        return None
    regions, hidden = gdp_regions(data)
    data = data[data["region"].isin(regions)]
    others = [r for r in regions if r != "China"]
    title = (f"Per capita GDP: {' and '.join(others)} against China"
             if "China" in regions and 0 < len(others) <= 2 else "Per capita GDP by region")
    x = {"field": "year", "type": "quantitative", "title": None,
         "axis": {"format": "d", "tickMinStep": 1},
         "scale": {"zero": False, "nice": False,
                   "domain": [int(data["year"].min()) - 0.4, int(data["year"].max()) + 0.4]}}
    y = {"field": "value", "type": "quantitative", "title": "yuan per person",
         "axis": {"format": ",d"}, "scale": {"zero": False, "padding": 16}}
    color = {"field": "region", "type": "nominal", "title": "Region",
             "scale": {"domain": regions, "range": REGION_COLOURS[: len(regions)]}}
    tooltip = [{"field": "region"}, {"field": "year", "format": "d"},
               {"field": "value", "title": "yuan per person", "format": ",.0f"},
               {"field": "series", "title": "from"}, {"field": "source"}]
    layers = [
        {"transform": [{"filter": "datum.series === 'official statistic'"}],
         "mark": {"type": "line", "strokeWidth": 2.5, "point": {"filled": True, "size": 45}},
         "encoding": {"x": x, "y": y, "color": color, "tooltip": tooltip}},
        {"transform": [{"filter": "datum.series === 'stated in the article'"}],
         "mark": {"type": "point", "shape": "diamond", "filled": True, "size": 170,
                  "stroke": "#1f2328", "strokeWidth": 1.2, "opacity": 1},
         "encoding": {"x": x, "y": y, "color": color, "tooltip": tooltip}},
    ]
    labels = ratio_labels(data, ratios)
    subtitle = "Lines: official statistics. Diamonds: figures the article states."
    if hidden:
        subtitle = [subtitle, f"{hidden:,} more region{'s' if hidden > 1 else ''} with fewer "
                              "values not drawn (mart_region_year has them all)."]
    if not labels.empty:
        verdicts = [v for v in VERDICT_LABELS.values() if v in set(labels["verdict_label"])]
        label_scale = {"domain": verdicts,
                       "range": [VERDICT_COLOURS[k] for k, v in VERDICT_LABELS.items() if v in verdicts]}
        text = {"type": "text", "dy": 19, "fontSize": 12, "fontWeight": 700}
        layers += [
            # A white outline first, so a label stays legible where it crosses a line.
            {"data": {"values": _records(labels)},
             "mark": {**text, "stroke": "#ffffff", "strokeWidth": 4, "strokeJoin": "round"},
             "encoding": {"x": x, "y": y, "text": {"field": "text"}}},
            {"data": {"values": _records(labels)},
             "mark": text,
             "encoding": {"x": x, "y": y, "text": {"field": "text"},
                          "fill": {"field": "verdict_label", "type": "nominal", "legend": None,
                                   "scale": label_scale}}},
        ]
        subtitle = [*([subtitle] if isinstance(subtitle, str) else subtitle),
                    "Under a diamond: the share of China's figure the article states "
                    "(✓ holds, ✗ does not)."]
    return _spec(title, subtitle, _records(data), layer=layers,
                 resolve={"scale": {"fill": "independent"}})


def ratio_points(ratios: pd.DataFrame) -> pd.DataFrame:
    """Stated-ratio checks with a year -> rows (label, year, stated, computed, verdict, ...).

    ``ratios`` columns: year, region, surface, observed (the stated per cent), expected (the
    per cent the figures give), verdict, explanation.
    """
    cols = ["label", "region", "year", "stated", "computed", "verdict", "verdict_label", "surface",
            "explanation"]
    rows = ratios[ratios["year"].notna()] if not ratios.empty else ratios
    if rows.empty:
        return pd.DataFrame(columns=cols)
    out = pd.DataFrame({
        "label": [f"{r or 'region not named'}, {int(y)}" for r, y in zip(rows["region"], rows["year"])],
        "region": rows["region"],
        "year": rows["year"].astype("int64"),
        "stated": rows["observed"].astype("float64"),
        "computed": rows["expected"].astype("float64"),
        "verdict": rows["verdict"],
        "verdict_label": rows["verdict"].map(VERDICT_LABELS),
        "surface": rows["surface"],
        "explanation": rows["explanation"],
    })
    return out.sort_values("year", ignore_index=True)


def ratio_chart(ratios: pd.DataFrame) -> dict[str, Any] | None:
    """The article's stated percentages next to the percentage its figures give."""
    data = ratio_points(ratios)
    if data.empty:
        return None
    x = {"field": "year", "type": "ordinal", "title": None, "axis": {"labelAngle": 0},
         "scale": {"padding": 0.9}}
    pct = {"type": "quantitative", "title": "per cent of the national figure",
           "scale": {"zero": False, "padding": 14}}
    verdicts = [v for v in VERDICT_LABELS if v in set(data["verdict"])]
    tooltip = [{"field": "surface", "title": "article says"},
               {"field": "computed", "title": "figures give (%)", "format": ".2f"},
               {"field": "verdict_label", "title": "verdict"}]
    return _spec(
        "Stated ratios: what the article says vs what its figures give",
        ["Filled dot: the per cent the article states, coloured by verdict.",
         "Ring and grey number: the per cent its figures (or official statistics) give."],
        _records(data),
        height=200,
        layer=[
            {"mark": {"type": "rule", "color": "#8c959f", "strokeWidth": 1.5},
             "encoding": {"x": x, "y": {"field": "computed", **pct}, "y2": {"field": "stated"}}},
            {"mark": {"type": "point", "filled": False, "size": 150, "strokeWidth": 2,
                      "color": "#57606a"},
             "encoding": {"x": x, "y": {"field": "computed", **pct}, "tooltip": tooltip}},
            {"mark": {"type": "point", "filled": True, "size": 150, "opacity": 1},
             "encoding": {
                 "x": x, "y": {"field": "stated", **pct}, "tooltip": tooltip,
                 "color": {"field": "verdict_label", "type": "nominal", "title": "Stated per cent",
                           "scale": {"domain": [VERDICT_LABELS[v] for v in verdicts],
                                     "range": [VERDICT_COLOURS[v] for v in verdicts]}}}},
            {"mark": {"type": "text", "align": "left", "dx": 12, "fontSize": 11.5,
                      "fontWeight": 600},
             "encoding": {"x": x, "y": {"field": "stated", **pct},
                          "text": {"field": "surface"}}},
            {"mark": {"type": "text", "align": "right", "dx": -12, "fontSize": 11,
                      "color": "#57606a"},
             "encoding": {"x": x, "y": {"field": "computed", **pct},
                          "text": {"field": "computed", "format": ".1f"}}},
        ],
    )


# --------------------------------------------------------------------------- money


def money_points(figures: pd.DataFrame) -> pd.DataFrame:
    """Money figures in yuan, one per amount: of a conversion pair ("4,000 yuan (US$620)")
    only the amount written first is kept, so no amount is drawn twice."""
    cols = ["figure_key", "metric_label", "period", "value_cny", "surface", "qualifier", "region"]
    money = figures[(figures["kind"] == "money") & figures["value_cny"].notna()]
    if money.empty:
        return pd.DataFrame(columns=cols)
    second_of_pair = (money["link_type"] == "conversion") & (money["link_seq"] < money["seq"])
    money = money[~second_of_pair.fillna(False).astype(bool)]
    out = pd.DataFrame({
        "figure_key": money["figure_key"],
        "metric_label": money["metric_label"].fillna("(no metric)"),
        "period": [period_label(s, e) for s, e in zip(money["period_start"], money["period_end"])],
        "value_cny": money["value_cny"].astype("float64"),
        "surface": money["surface"],
        "qualifier": money["qualifier"],
        "region": money["region"].fillna("—"),
    })
    return out.sort_values(["metric_label", "value_cny"], ignore_index=True)


def _powers_of_ten(values: pd.Series) -> list[float]:
    lo = math.floor(math.log10(max(float(values.min()), 1e-9)))
    hi = math.ceil(math.log10(max(float(values.max()), 1e-9)))
    return [10.0 ** k for k in range(lo, max(hi, lo + 1) + 1)]


def _money_label_expr(ticks: list[float]) -> str:
    """Vega expression: a word at 10^3, 10^6, ...; blank at the powers in between."""
    words = {round(math.log10(t)): w for t, w in ((t, MONEY_AXIS_WORDS.get(round(math.log10(t))))
                                                 for t in ticks) if w}
    if not words:  # a narrow range: label every tick with its number
        return "format(datum.value, ',~g')"
    cases = " : ".join(f"abs(log(datum.value) / LN10 - {k}) < 0.01 ? '{w}'" for k, w in sorted(words.items()))
    return f"{cases} : ''"


def money_chart(figures: pd.DataFrame) -> dict[str, Any] | None:
    """Every money figure on one log axis, grouped by metric and coloured by period."""
    data = money_points(figures)
    if data.empty:
        return None
    periods = sorted(data["period"].unique(), key=lambda p: (p == "no year stated", p))
    qualifiers = [q for q in QUALIFIER_SHAPES if q in set(data["qualifier"])]
    ticks = _powers_of_ten(data["value_cny"])
    n_metrics = data["metric_label"].nunique()
    return _spec(
        "Money figures by metric and period",
        ["Each mark is an amount the article states, in yuan (converted where it gave",
         "another currency); log scale. ● exact  ◆ about  ▶ more than  ◀ nearly / up to"],
        _records(data),
        height=max(120, 30 * n_metrics),
        mark={"type": "point", "filled": True, "size": 130, "opacity": 0.9,
              "stroke": "#ffffff", "strokeWidth": 0.8},
        encoding={
            "x": {"field": "value_cny", "type": "quantitative", "title": "yuan (log scale)",
                  "scale": {"type": "log", "domain": [ticks[0], ticks[-1]]},
                  "axis": {"values": ticks, "labelExpr": _money_label_expr(ticks),
                           "labelOverlap": False}},
            "y": {"field": "metric_label", "type": "nominal", "title": None,
                  "axis": {"labelLimit": 200}},
            "color": {"field": "period", "type": "nominal", "title": "Period",
                      "scale": {"domain": periods, "scheme": "tableau10"},
                      "legend": {"columns": 4, "symbolType": "circle"}},
            "shape": {"field": "qualifier", "type": "nominal", "title": "Stated as",
                      "scale": {"domain": qualifiers,
                                "range": [QUALIFIER_SHAPES[q] for q in qualifiers]},
                      "legend": None},
            "tooltip": [{"field": "surface", "title": "article says"},
                        {"field": "value_cny", "title": "yuan", "format": ",.0f"},
                        {"field": "period"}, {"field": "region"}, {"field": "metric_label", "title": "metric"}],
        },
    )


MONEY_METRICS_MAX = 12  # rows of the summary chart; the rest share one row


def money_decade_label(decade: int) -> str:
    """'1 million – 10 million yuan' for the amounts in [10**decade, 10**(decade + 1)).

    >>> money_decade_label(6), money_decade_label(3)
    ('1 million – 10 million yuan', '1,000 – 10,000 yuan')
    """
    def words(v: float) -> str:
        for scale, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
            if v >= scale:
                return f"{v / scale:,.0f} {word}"
        return f"{v:,.0f}" if v >= 1 else f"{v:g}"
    return f"{words(10.0 ** decade)} – {words(10.0 ** (decade + 1))} yuan"


def money_bins_frame(bins: pd.DataFrame, max_metrics: int = MONEY_METRICS_MAX) -> pd.DataFrame:
    """Counts of money figures per metric and power of ten, as the chart draws them.

    ``bins``: metric_label, decade, n (n figures with 10**decade <= value_cny < 10**(decade+1)),
    counted in SQL. Metrics beyond the ``max_metrics`` largest are pooled in one row, so the
    chart stays readable however many metrics the lexicon and the articles name.
    """
    cols = ["metric_label", "decade", "n", "mid", "range", "share"]
    bins = bins[bins["n"] > 0] if not bins.empty else bins
    if bins.empty:
        return pd.DataFrame(columns=cols)
    bins = bins.assign(metric_label=bins["metric_label"].fillna("(no metric)"))
    per_metric = bins.groupby("metric_label")["n"].sum().sort_values(ascending=False, kind="stable")
    kept = list(per_metric.index[:max_metrics])
    if len(per_metric) > max_metrics:
        others = f"{len(per_metric) - max_metrics} other metrics"
        bins = bins.assign(metric_label=bins["metric_label"].where(bins["metric_label"].isin(kept), others))
        kept.append(others)
    out = bins.groupby(["metric_label", "decade"], as_index=False)["n"].sum()
    out["decade"] = out["decade"].astype("int64")
    out["mid"] = 10.0 ** (out["decade"] + 0.5)  # the geometric middle of the power of ten
    out["range"] = out["decade"].map(money_decade_label)
    total = out.groupby("metric_label")["n"].transform("sum")
    out["share"] = out["n"] / total
    order = {m: i for i, m in enumerate(kept)}
    return (out.sort_values(["metric_label", "decade"], key=lambda c: c.map(order) if c.name == "metric_label" else c)
               .reset_index(drop=True)[cols])


def money_summary_chart(bins: pd.DataFrame) -> dict[str, Any] | None:
    """Too many money figures to draw one by one: per metric, how many fall in each power of
    ten (a circle's area is the count), on the same log axis as ``money_chart``."""
    data = money_bins_frame(bins)
    if data.empty:
        return None
    ticks = [10.0 ** k for k in range(int(data["decade"].min()), int(data["decade"].max()) + 2)]
    metrics = list(dict.fromkeys(data["metric_label"]))
    total = int(data["n"].sum())
    return _spec(
        "Money figures by metric: how large they are",
        [f"All {total:,} money amounts in yuan (converted where another currency was given),",
         "counted per power of ten; a circle's area is the number of figures. Log scale."],
        _records(data),
        height=max(120, 26 * len(metrics)),
        mark={"type": "circle", "opacity": 0.85, "stroke": "#ffffff", "strokeWidth": 0.8,
              "color": "#0b5cad"},
        encoding={
            "x": {"field": "mid", "type": "quantitative", "title": "yuan (log scale)",
                  "scale": {"type": "log", "domain": [ticks[0], ticks[-1]]},
                  "axis": {"values": ticks, "labelExpr": _money_label_expr(ticks),
                           "labelOverlap": False}},
            "y": {"field": "metric_label", "type": "nominal", "title": None, "sort": metrics,
                  "axis": {"labelLimit": 200}},
            "size": {"field": "n", "type": "quantitative", "title": "figures",
                     "scale": {"range": [12, 700]}, "legend": {"format": ",d"}},
            "tooltip": [{"field": "metric_label", "title": "metric"},
                        {"field": "range", "title": "amount"},
                        {"field": "n", "title": "figures", "format": ",d"},
                        {"field": "share", "title": "of the metric's figures", "format": ".0%"}],
        },
    )


# --------------------------------------------------------------------------- stated ratios, counted

# Edges (percentage points) of the bins of "stated per cent minus the per cent the figures give".
RATIO_GAP_EDGES = (-50, -20, -10, -5, -2, -1, 1, 2, 5, 10, 20, 50)


def ratio_gap_labels(edges: tuple[float, ...] = RATIO_GAP_EDGES) -> list[str]:
    """Bin i of ``edges`` as words: bin 0 is below edges[0], the last is edges[-1] and above.

    >>> ratio_gap_labels((-1, 1, 5))
    ['below −1', '−1 to +1', '+1 to +5', '+5 and above']
    """
    def pp(v: float) -> str:
        return f"{v:+g}".replace("-", "−") if v else "0"
    inner = [f"{pp(a)} to {pp(b)}" for a, b in zip(edges, edges[1:])]
    return [f"below {pp(edges[0])}", *inner, f"{pp(edges[-1])} and above"]


def ratio_gap_chart(gaps: pd.DataFrame) -> dict[str, Any] | None:
    """Too many stated ratios to draw one by one: how far the stated per cent is from the per
    cent the figures (or official statistics) give, counted per bin and verdict.

    ``gaps``: gap_bin (index into ``ratio_gap_labels()``, empty when nothing gives a per cent
    to compare with), verdict, n — counted in SQL.
    """
    if gaps.empty or int(gaps["n"].sum()) == 0:
        return None
    labels = ratio_gap_labels()
    compared = gaps[gaps["gap_bin"].notna()]
    not_compared = int(gaps.loc[gaps["gap_bin"].isna(), "n"].sum())
    counted = compared.groupby(["gap_bin", "verdict"], as_index=False)["n"].sum()
    data = pd.DataFrame({
        "gap": [labels[int(b)] for b in counted["gap_bin"]],
        "verdict": counted["verdict"],
        "verdict_label": counted["verdict"].map(VERDICT_LABELS).fillna(counted["verdict"]),
        "order": counted["verdict"].map({v: i for i, v in enumerate(VERDICT_LABELS)}).fillna(9),
        "n": counted["n"].astype("int64"),
    })
    verdicts = [v for v in VERDICT_LABELS if v in set(data["verdict"])]
    total = int(gaps["n"].sum())
    subtitle = [f"All {total:,} stated ratios: the per cent the article states minus the per cent",
                "its figures (or official statistics) give, in percentage points."]
    if not_compared:
        subtitle.append(f"{not_compared:,} more had nothing to compare with (cannot be verified).")
    if data.empty:
        return None
    return _spec(
        "Stated ratios: how far off they are",
        subtitle,
        _records(data),
        height=200,
        mark={"type": "bar"},
        encoding={
            "x": {"field": "gap", "type": "ordinal", "title": "percentage points", "sort": labels,
                  "scale": {"domain": labels}, "axis": {"labelAngle": -35}},
            "y": {"field": "n", "type": "quantitative", "aggregate": "sum", "title": "stated ratios",
                  "axis": {"format": ",d", "tickMinStep": 1}},
            "color": {"field": "verdict_label", "type": "nominal", "title": "Verdict",
                      "scale": {"domain": [VERDICT_LABELS[v] for v in verdicts],
                                "range": [VERDICT_COLOURS[v] for v in verdicts]}},
            "order": {"field": "order"},
            "tooltip": [{"field": "gap", "title": "stated minus computed"},
                        {"field": "verdict_label", "title": "verdict"},
                        {"field": "n", "title": "stated ratios", "format": ",d"}],
        },
    )


# --------------------------------------------------------------------------- verdicts


def verdict_counts(checks: pd.DataFrame) -> pd.DataFrame:
    """(check_type_label, verdict_label, verdict, n) for every check type and verdict seen.

    ``checks`` is one row per check, or rows already counted in SQL with their count in ``n``.
    """
    cols = ["check_type_label", "verdict_label", "verdict", "n"]
    if checks.empty:
        return pd.DataFrame(columns=cols)
    groups = checks.groupby(["check_type", "verdict"])
    counts = (groups["n"].sum() if "n" in checks.columns else groups.size()).reset_index(name="n")
    counts = counts[counts["n"] > 0]
    counts["check_type_label"] = counts["check_type"].map(CHECK_TYPE_LABELS).fillna(counts["check_type"])
    counts["verdict_label"] = counts["verdict"].map(VERDICT_LABELS).fillna(counts["verdict"])
    return counts[cols]


def nice_step(at_least: float) -> int:
    """The smallest of 1, 2, 5, 10, 20, 50, ... that is at least ``at_least``.

    >>> nice_step(0.5), nice_step(3), nice_step(1407)
    (1, 5, 2000)
    """
    power = 1
    while True:
        for m in (1, 2, 5):
            if m * power >= at_least:
                return m * power
        power *= 10


def verdict_chart(checks: pd.DataFrame) -> dict[str, Any] | None:
    """How many checks of each type hold, do not hold, or cannot be verified."""
    data = verdict_counts(checks)
    if data.empty:
        return None
    order = list(VERDICT_LABELS)
    verdicts = [v for v in order if v in set(data["verdict"])]
    data = data.assign(order=data["verdict"].map(order.index))
    most = int(data.groupby("check_type_label")["n"].sum().max())
    step = nice_step(most / 10)
    return _spec(
        "Claim checks by type and verdict",
        "Each bar counts the checks of one kind.",
        _records(data),
        height=max(90, 32 * data["check_type_label"].nunique()),
        mark={"type": "bar", "height": {"band": 0.7}},
        encoding={
            "y": {"field": "check_type_label", "type": "nominal", "title": None,
                  "axis": {"labelLimit": 220}},
            "x": {"field": "n", "type": "quantitative", "aggregate": "sum", "title": "checks",
                  "axis": {"values": list(range(0, most + 1, step)), "format": ",d"}},
            "color": {"field": "verdict_label", "type": "nominal", "title": "Verdict",
                      "scale": {"domain": [VERDICT_LABELS[v] for v in verdicts],
                                "range": [VERDICT_COLOURS[v] for v in verdicts]}},
            "order": {"field": "order"},
            "tooltip": [{"field": "check_type_label", "title": "check"},
                        {"field": "verdict_label", "title": "verdict"},
                        {"field": "n", "title": "checks"}],
        },
    )
