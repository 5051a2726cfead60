"""Currency normalisation: every money figure in CNY and USD, at the rate of its year.

A figure's year is its `period_end`, else its `period_start`, else the publication year of
its article (`pub_year[article_hash]`). The rate is the annual average from fx_rates.csv
(CNY per one unit of the currency), recorded on the row as `fx_rate` with `fx_year`.

Rules, so that no number is ever guessed:
- CNY figures: `value_cny` is the value itself, `fx_rate` is 1; `value_usd` needs the USD
  rate of the year, and `fx_year` is that year (both null when the year has no USD rate).
- USD figures: `value_usd` is the value itself; `value_cny` needs the USD rate of the year.
- Other currencies (HKD, EUR, GBP, ...): both need that currency's rate of the year, and
  `value_usd` also the USD rate.
- A money figure whose currency or year has no rate keeps nulls where the rate was needed
  (and a figure with no year at all keeps nulls everywhere but its own currency).
  `unconverted(frame)` lists such rows so the caller can count and report them.
- Non-money figures (percent, quantity) have all four columns null.
"""
from __future__ import annotations

from typing import Mapping

import numpy as np
import pandas as pd

NORMALISED_COLUMNS = ("value_cny", "value_usd", "fx_rate", "fx_year")


def figure_year(figures: pd.DataFrame, pub_year: Mapping[str, int | None]) -> pd.Series:
    """The year a figure refers to: period_end, else period_start, else publication year."""
    pub = figures["article_hash"].map(lambda h: pub_year.get(h)).astype("Float64")
    year = figures["period_end"].astype("Float64").fillna(figures["period_start"].astype("Float64"))
    return year.fillna(pub).round().astype("Int64")


def rate_lookup(fx: pd.DataFrame) -> dict[tuple[int, str], float]:
    """(year, currency) -> CNY per unit, from a validated fx_rates frame."""
    return {(int(y), str(c)): float(r)
            for y, c, r in zip(fx["year"], fx["currency"], fx["cny_per_unit"])}


def normalise(figures: pd.DataFrame, fx: pd.DataFrame,
              pub_year: Mapping[str, int | None]) -> pd.DataFrame:
    """ExtractedFigures frame -> NormalisedFigures frame (a new frame; the input is untouched)."""
    rates = rate_lookup(fx)
    year = figure_year(figures, pub_year)
    money = figures["kind"] == "money"
    unit = figures["unit"].astype(str)

    def rate(currency: str, y) -> float:
        if pd.isna(y):
            return np.nan
        if currency == "CNY":
            return 1.0
        return rates.get((int(y), currency), np.nan)

    own = pd.Series([rate(u, y) if m else np.nan for u, y, m in zip(unit, year, money)],
                    index=figures.index, dtype="float64")
    usd = pd.Series([rate("USD", y) if m else np.nan for y, m in zip(year, money)],
                    index=figures.index, dtype="float64")
    value = figures["value"].astype("float64")
    is_cny = money & (unit == "CNY")
    is_usd = money & (unit == "USD")

    fx_rate = own.where(money)
    fx_rate = fx_rate.mask(is_cny, 1.0)
    value_cny = (value * own).where(money).mask(is_cny, value)
    value_usd = (value_cny / usd).mask(is_usd, value).where(money)
    # The year is recorded wherever a rate of that year was actually used.
    used = money & ((~is_cny & own.notna()) | (is_cny & usd.notna()))
    fx_year = year.where(used).astype("Int64")
    return figures.assign(value_cny=value_cny, value_usd=value_usd, fx_rate=fx_rate, fx_year=fx_year)


def unconverted(normalised: pd.DataFrame) -> pd.DataFrame:
    """Money rows that could not be fully converted (no rate for their currency and year)."""
    money = normalised["kind"] == "money"
    return normalised[money & (normalised["value_cny"].isna() | normalised["value_usd"].isna())]


def metric_keys(figures: pd.DataFrame, metrics: pd.DataFrame) -> pd.DataFrame:
    """Metric labels from the lexicon become its keys, the join key of `dim_metric` and of
    official_series.csv; a free-text metric that is not in the lexicon stays as written.

    The engine names a figure's metric for people ("per capita GDP"); the warehouse and
    the claim checks join on keys ("gdp_per_capita"), and the label comes back from the
    dimension, so the word is stored once.
    """
    lookup = {str(k).casefold(): str(k) for k in metrics["key"]}
    lookup.update({str(label).casefold(): str(k) for k, label in zip(metrics["key"], metrics["label"])
                   if isinstance(label, str)})
    metric = figures["metric"].map(
        lambda m: lookup.get(m.casefold(), m) if isinstance(m, str) else m)
    return figures.assign(metric=metric)
