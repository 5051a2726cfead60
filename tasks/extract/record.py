"""The records of the engine: the one record type for an extracted figure, the reference
records it reads (gazetteer, metric lexicon) and what its attaching stages return.

Field names are the column names used by the Pandera models (schemas/figures.py) and the
warehouse tables (warehouse/tables.py); keep them the same word everywhere.

The engine runs in stages (figures.parse_figures): scan and read the numerals into candidates,
link conversions and ranges, then attach: regions, periods and metrics each return their
finding keyed by candidate (a ``Reading``), and the candidates become ``Figure`` records.
"""
from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date
from decimal import Decimal
from typing import Mapping, NamedTuple

# the vocabularies are the contract's: one module every layer reads (schemas/vocabulary.py)
from schemas.vocabulary import GRANULARITIES, KINDS, LINK_TYPES, QUALIFIERS, Granularity, Kind, LinkType, Qualifier  # noqa: F401


@dataclass(frozen=True, slots=True)
class Figure:
    """One numeric data point stated in a text.

    ``start``/``end`` index the *raw* text (never a cleaned copy); ``surface`` equals
    ``text[start:end]``. ``value`` is fully scaled (percent 81 means 81 %). ``link_seq``
    points to the partner figure (same article, its ``seq``: position in the returned list) of a
    conversion ("4,000 yuan (US$620)") or of the other end of a range.
    ``period_granularity`` says what the period is (a quarter, a fiscal year, ...) and
    ``period_first_day``/``period_last_day`` bound it (where only the years are known, the
    first and last days of those years); all three are None when the period is.
    ``half_unit`` (the stated precision) and the cues ``whole_cue``, ``growth_cue``,
    ``of_follows`` and ``apposed_seq`` are what the claim checks need of the text around the
    figure (``tasks/extract/cues.py``); None only on a record made without its text.
    """

    seq: int
    start: int
    end: int
    surface: str
    sentence: int
    kind: Kind
    value: Decimal
    unit: str
    qualifier: Qualifier = "exact"
    period_start: int | None = None
    period_end: int | None = None
    region: str | None = None
    metric: str | None = None
    link_seq: int | None = None
    link_type: LinkType | None = None
    period_granularity: Granularity | None = None
    period_first_day: date | None = None
    period_last_day: date | None = None
    half_unit: float | None = None
    whole_cue: bool | None = None
    growth_cue: bool | None = None
    of_follows: bool | None = None
    apposed_seq: int | None = None

    def as_dict(self) -> dict:
        # dataclasses.asdict deep-copies every field: ~12x slower, and the fields are flat
        return {name: getattr(self, name) for name in _FIGURE_FIELDS}


@dataclass(frozen=True, slots=True)
class Period:
    """What the periods stage says of one figure: the years (the scoring interface) and the
    period's granularity and first and last day (all None where the text gives no period)."""

    start: int | None = None
    end: int | None = None
    granularity: Granularity | None = None
    first_day: date | None = None
    last_day: date | None = None


NO_PERIOD = Period()


class Reading(NamedTuple):
    """A text read: its candidate figures in text order, and what the attaching stages found of
    each (keyed by candidate): its place, its period, its metric."""

    cands: list
    places: Mapping[object, str | None]
    periods: Mapping[object, Period]
    metrics: Mapping[object, str | None]


@dataclass(frozen=True, slots=True)
class Region:
    """A gazetteer entry (tasks/gazetteer.py: the world's places with regions.csv on top)."""

    name: str
    aliases: tuple[str, ...] = ()
    level: str = "province"
    parent: str | None = None
    currency: str | None = None      # the ISO 4217 currency this place issues (a weak prior)
    seat_of: str | None = None       # a capital: the government it stands for ("Seoul said")


@dataclass(frozen=True, slots=True)
class MetricDef:
    """A metric-lexicon entry (raw/tables/metrics.csv)."""

    key: str
    label: str
    unit_family: str
    triggers: tuple[str, ...] = ()


_FIGURE_FIELDS: tuple[str, ...] = tuple(f.name for f in fields(Figure))
