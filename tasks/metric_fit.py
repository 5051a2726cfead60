"""A figure model with the check that each figure's metric fits it, for one metric lexicon.

The lexicon is data (metrics.csv) and the fit is the engine's rule (``family_fits``), so the
check is added to a model for one lexicon rather than written into the model (schemas/ import
no engine): ``with_metric_lexicon(NormalisedFigures, metrics_table)``. A metric that is not a
lexicon key (the text's own words, or none) names no family and passes: an unclassified
figure is not a contradiction.
"""
from __future__ import annotations

import functools
from typing import Mapping

import pandas as pd
import pandera.pandas as pa

from tasks.extract.metrics import family_fits


def metric_fits_kind(df: pd.DataFrame, families: Mapping[str, str]) -> pd.Series:
    """True where the row's metric is no lexicon key or its unit family can describe the row."""
    family = [families.get(m) if isinstance(m, str) else None for m in df["metric"]]
    return pd.Series([f is None or family_fits(f, k, u)
                      for f, k, u in zip(family, df["kind"], df["unit"])], index=df.index, dtype=bool)


def with_metric_lexicon(model: type[pa.DataFrameModel], metrics: pd.DataFrame) -> type[pa.DataFrameModel]:
    """`model` and the check ``metric_fits_kind`` against the lexicon `metrics` (key, unit_family)."""
    return _with_families(model, tuple(sorted(zip(metrics["key"].astype(str),
                                                  metrics["unit_family"].astype(str)))))


@functools.lru_cache(maxsize=8)  # one class per lexicon: Pandera caches a schema per class
def _with_families(model: type[pa.DataFrameModel], families: tuple[tuple[str, str], ...]):
    by_key = dict(families)

    class WithMetricLexicon(model):  # type: ignore[misc, valid-type]
        @pa.dataframe_check(name="metric_fits_kind")
        def metric_fits_kind(cls, df):
            return metric_fits_kind(df, by_key)

        @classmethod
        def failure_reason(cls, check: str, row: pd.Series) -> str | None:
            """What a person needs to read about a row failing `check` (None: the values say it)."""
            if check != "metric_fits_kind":
                return None
            return (f"metric {row['metric']!r} is measured in {by_key.get(row['metric'])}, "
                    f"which cannot describe a {row['kind']} figure in {row['unit']}")

    WithMetricLexicon.__name__ = WithMetricLexicon.__qualname__ = model.__name__
    return WithMetricLexicon
