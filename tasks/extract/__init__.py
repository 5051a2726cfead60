"""Figure extraction engine: every numeric figure in a text, normalised, with its period,
region and metric.

>>> from tasks.extract import parse_figures
>>> [(f.surface, str(f.value), f.unit, f.qualifier) for f in parse_figures("It has 4,168 employees.")]
[('4,168 employees', '4168', 'employee', 'exact')]
"""
from . import _lexicon as lexicon  # its word lists, as data (warehouse/quality.py reads the currencies)
from .cues import half_unit, text_cues
from .figures import EXTRACTOR_VERSION, parse_figures
from .metrics import metrics_from_rows
from .numerals import more_numerals_than
from .record import Figure, MetricDef, Region
from .regions import regions_from_rows

__all__ = ["parse_figures", "Figure", "Region", "MetricDef", "regions_from_rows",
           "metrics_from_rows", "more_numerals_than", "EXTRACTOR_VERSION", "lexicon", "half_unit",
           "text_cues"]
