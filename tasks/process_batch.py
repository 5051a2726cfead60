"""One batch of articles through extraction, normalisation, validation and claim checks.

The four steps always run together on the same articles, so they are one unit of work for
the orchestrator: one task run per batch instead of four (Prefect's API costs tens of
milliseconds per task run), and only the batch's results travel back, never its raw frame
of extracted figures. What the run summary needs of that frame travels as counts.
"""
from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

import pandas as pd

from schemas.figures import NormalisedFigures
from tasks import claims, extract_articles, normalise, validate
from tasks.extract import MetricDef, Region, metrics_from_rows, regions_from_rows
from tasks.metric_fit import with_metric_lexicon
from tasks.read_raw import RawArticle, records


@dataclass
class CuratedInputs:
    """What the batch steps read of the curated tables (validated frames and the extractor's views)."""
    regions: Sequence[Region]           # the gazetteer, as the extractor sees it
    metrics: Sequence[MetricDef]        # the metric lexicon, as the extractor sees it
    metrics_table: pd.DataFrame         # metrics.csv (label -> key)
    regions_table: pd.DataFrame         # regions.csv (a region's country, for "national" ratios)
    fx: pd.DataFrame                    # fx_rates.csv
    official: pd.DataFrame              # official_series.csv, then what official articles stated

    @classmethod
    def from_tables(cls, tables: Mapping[str, pd.DataFrame],
                    stated: pd.DataFrame | None = None) -> "CuratedInputs":
        """From the validated curated tables, keyed by file name (schemas.tables.validate_tables),
        and `stated`: statistics official articles gave (warehouse.load.official_from_articles),
        each with the article_hash that stated it; a curated row wins for its region, metric
        and year."""
        official = tables["official_series.csv"]
        if stated is not None and len(stated):
            key = ["region", "metric", "year"]
            curated_keys = set(map(tuple, official[key].astype(str).to_numpy()))
            extra = stated[[tuple(k) not in curated_keys for k in stated[key].astype(str).to_numpy()]]
            official = pd.concat([official, extra], ignore_index=True)
        return cls(regions=regions_from_rows(records(tables["regions.csv"])),
                   metrics=metrics_from_rows(records(tables["metrics.csv"])),
                   metrics_table=tables["metrics.csv"], regions_table=tables["regions.csv"],
                   fx=tables["fx_rates.csv"], official=official)


@dataclass
class BatchResult:
    figures: pd.DataFrame               # valid, normalised figures (NormalisedFigures)
    rejected: pd.DataFrame              # quarantine rows of the figures that failed the schema
    checks: pd.DataFrame                # claim checks of the valid figures
    extracted: int = 0                  # figures the extractor found, valid or not
    by_kind: dict[str, int] = field(default_factory=dict)      # extracted, per kind
    by_article: dict[str, int] = field(default_factory=dict)   # extracted, per article_hash

    def take_frames(self) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
        """(figures, checks, rejected), handed over once: the result keeps only its counts.

        Prefect 3.9's task engine keeps a reference to every task's return value until the
        flow ends (measured: 30 results of 20 MB each held 450 MB), so a flow that has
        parked a batch on disk must empty the object itself for the memory to come back.
        """
        frames = (self.figures, self.checks, self.rejected)
        self.figures = self.checks = self.rejected = None
        return frames


def process_batch(articles: Sequence[RawArticle], pub_dates: Mapping[str, str | None],
                  curated: CuratedInputs, source: str = "extracted figures",
                  on_article: Callable[[int], None] | None = None) -> BatchResult:
    """Figures of `articles` extracted, normalised, split into valid and rejected, and checked.

    `pub_dates` maps article_hash to its ISO publication date (or None when unknown): it
    resolves relative periods and picks the exchange rates (the day's, when it has a day).
    `on_article(n)` hears of each article extracted, with its number of figures.
    """
    extracted = extract_articles.extract_articles(articles, pub_dates, curated.regions,
                                                  curated.metrics, on_article)
    normalised = normalise.metric_keys(normalise.normalise(extracted, curated.fx, pub_dates),
                                       curated.metrics_table)
    model = with_metric_lexicon(NormalisedFigures, curated.metrics_table)
    figures, rejected = validate.split_valid(normalised, model, source)
    checks = claims.check_claims(figures, curated.official, curated.fx, pub_dates,
                                 regions=curated.regions_table)
    return BatchResult(
        figures=figures, rejected=rejected, checks=checks, extracted=len(extracted),
        by_kind={str(k): int(v) for k, v in extracted["kind"].value_counts().items()},
        by_article={str(k): int(v) for k, v in extracted["article_hash"].value_counts().items()},
    )
