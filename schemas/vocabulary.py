"""The words a figure, a claim check and a run may use: the one place each vocabulary is written.

Plain Python, no imports beyond the standard library, so every layer can read it: the engine's
record (``tasks/extract/record.py``), the Pandera models (``schemas/``), the warehouse's CHECK
constraints (``warehouse/tables.py``) and the quality suite (``warehouse/quality.py``). A word
added here reaches all of them; the warehouse's copy of it is a CHECK constraint, so it also
takes a migration (which freezes the words it installs: a later change is a later revision's).
"""
from __future__ import annotations

from typing import Literal, get_args

# --- a figure -------------------------------------------------------------------------------
Kind = Literal["money", "percent", "quantity"]
# "more than 2.3 trillion" -> at_least
Qualifier = Literal["exact", "approx", "at_least", "at_most"]
# a conversion ("4,000 yuan (US$620)") or the two ends of a range
LinkType = Literal["conversion", "range"]
# what a figure's period is
Granularity = Literal["day", "month", "quarter", "half", "year", "fiscal_year", "multi_year"]

KINDS: tuple[str, ...] = get_args(Kind)
QUALIFIERS: tuple[str, ...] = get_args(Qualifier)
LINK_TYPES: tuple[str, ...] = get_args(LinkType)
GRANULARITIES: tuple[str, ...] = get_args(Granularity)

# Units a percent figure may carry (percentage points are a change, still in per cent).
PERCENT_UNITS: tuple[str, ...] = ("percent", "%", "percentage_point", "pp")

# the unit_family column of metrics.csv: what kind of figure a metric can describe (the engine's
# tasks.extract.metrics.family_fits says how each fits a figure)
UNIT_FAMILIES: tuple[str, ...] = ("money", "percent", "quantity", "count", "duration", "physical", "any")

# --- a figure's conversion ------------------------------------------------------------------
# where fx_rate came from: the ECB rate of a day, the mean of a year's ECB rates, or the curated table
ECB_DAY, ECB_YEAR_MEAN, CURATED = "ecb_day", "ecb_year_mean", "fx_rates.csv"
FX_SOURCES: tuple[str, ...] = (ECB_DAY, ECB_YEAR_MEAN, CURATED)

# --- an article -----------------------------------------------------------------------------
# how much of pub_date is known
DATE_PRECISIONS: tuple[str, ...] = ("year", "month", "day", "unknown")
# what an article is: news, or an official publication (a statistical communiqué, a budget)
# whose figures are themselves official statistics (fct_official_stat)
SOURCE_TYPES: tuple[str, ...] = ("news", "official")

# --- a claim check --------------------------------------------------------------------------
CHECK_TYPES: tuple[str, ...] = ("stated_ratio", "official_series", "conversion",
                                "conversion_consistency", "growth", "part_whole")
VERDICTS: tuple[str, ...] = ("consistent", "inconsistent", "unverifiable")

# --- a run ----------------------------------------------------------------------------------
# completed_with_rejections: loaded, but article files were skipped (etl_rejected_file says
# which); interrupted: stopped by a signal; abandoned: its process died while it was running
RUN_STATUSES: tuple[str, ...] = ("running", "succeeded", "completed_with_rejections", "failed",
                                 "quality_failed", "interrupted", "abandoned")
