"""Run the extraction engine over a batch of articles and return one figure frame.

The batch is the unit Prefect sees (one task per batch, never per figure): its API costs
tens of milliseconds per task run, the engine microseconds per sentence.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence

import pandas as pd

from schemas.figures import ExtractedFigures
from tasks.extract import MetricDef, Region, parse_figures
from tasks.furniture import furniture_spans
from tasks.read_raw import RawArticle

FIGURE_COLUMNS: list[str] = list(ExtractedFigures.to_schema().columns)
PERIOD_DAYS = ("period_first_day", "period_last_day")
CUES = ("whole_cue", "growth_cue", "of_follows")


def extract_articles(articles: Sequence[RawArticle], pub_dates: dict[str, str | None],
                     regions: Sequence[Region], metrics: Sequence[MetricDef],
                     on_article: Callable[[int], None] | None = None) -> pd.DataFrame:
    """Figures of every article in the batch, keyed by article_hash; page furniture skipped.

    `on_article(n)` is called after each article with the number of its figures (progress)."""
    rows = []
    for art in articles:
        figures = parse_figures(art.text, pub_dates.get(art.article_hash), regions=regions,
                                metrics=metrics, ignore=furniture_spans(art.text))
        if on_article is not None:
            on_article(len(figures))
        for fig in figures:
            row = fig.as_dict()
            row["value"] = float(row["value"])
            for day in PERIOD_DAYS:  # ISO text in frames, as fx_date; the warehouse stores DATEs
                row[day] = None if row[day] is None else row[day].isoformat()
            row["article_hash"] = art.article_hash
            rows.append(row)
    frame = pd.DataFrame(rows, columns=FIGURE_COLUMNS)
    return frame.astype({"period_start": "Int64", "period_end": "Int64", "link_seq": "Int64",
                         "apposed_seq": "Int64", **dict.fromkeys(CUES, "boolean")})
