"""Metrics that agree with the figure (issue 13, part 3).

A figure's metric, read back as a key of the metric lexicon (raw/tables/metrics.csv), must
be one whose unit family can describe the figure: money for an amount, percent for a rate
or a move in basis points, a duration for a span of time, a count or physical quantity for
other quantities. The engine never assigns any other; the figure schema quarantines one that
slips through, with its reason. A figure no metric fits is unclassified: its metric is the
text's own words or none, never a lexicon metric of the wrong family.

Every sentence here was written for these tests; the places are many on purpose.
"""
from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from flows.cli_extract import load_tables
from schemas.figures import NormalisedFigures
from tasks.extract import parse_figures
from tasks.extract.metrics import UNIT_FAMILIES, family_fits
from tasks.metric_fit import with_metric_lexicon
from tasks.validate import split_valid

ROOT = Path(__file__).resolve().parents[1]
REGIONS, METRICS = load_tables(ROOT / "raw" / "tables")
LEXICON = pd.read_csv(ROOT / "raw" / "tables" / "metrics.csv")
FAMILY = {m.key.casefold(): m.unit_family for m in METRICS} | {m.label.casefold(): m.unit_family for m in METRICS}


def metrics_of(text: str, pub: str = "2024") -> dict[str, str | None]:
    return {f.surface: f.metric for f in parse_figures(text, pub, regions=REGIONS, metrics=METRICS)}


# --- what each unit family can describe -------------------------------------------------------
@pytest.mark.parametrize("family,kind,unit,fits", [
    ("money", "money", "INR", True),
    ("percent", "money", "INR", False),
    ("money", "percent", "%", False),
    ("percent", "percent", "pp", True),
    ("percent", "quantity", "basis point", True),
    ("quantity", "quantity", "basis point", False),
    ("duration", "quantity", "year", True),
    ("duration", "quantity", "times", False),
    ("duration", "money", "USD", False),
    ("count", "quantity", "person", True),
    ("count", "quantity", "month", False),
    ("physical", "quantity", "barrel", True),
    ("any", "money", "EUR", True),
])
def test_a_unit_family_describes_only_figures_of_its_own_kind(family, kind, unit, fits):
    assert family_fits(family, kind, unit) is fits


def test_every_unit_family_the_lexicon_may_use_is_one_the_engine_can_fit():
    assert set(LEXICON["unit_family"]) <= set(UNIT_FAMILIES)
    for family in UNIT_FAMILIES:  # each family fits some figure, or no metric of it could be given
        assert any(family_fits(family, k, u) for k, u in
                   (("money", "USD"), ("percent", "%"), ("quantity", "year"), ("quantity", "person")))


# --- the engine never guesses a metric of the wrong family ------------------------------------
def test_a_states_output_in_lakh_crore_is_its_gdp_and_its_growth_a_change_in_it():
    got = metrics_of("Tamil Nadu's gross state domestic product grew 8.2 per cent to "
                     "Rs 27.22 lakh crore in 2023-24.")
    assert got == {"8.2 per cent": "change in GDP", "Rs 27.22 lakh crore": "GDP"}


def test_an_amount_beside_the_word_growth_never_becomes_a_growth_rate():
    got = metrics_of("Maharashtra's growth is projected to lift output to Rs 42.67 lakh crore.")
    assert FAMILY.get((got["Rs 42.67 lakh crore"] or "").casefold()) in (None, "money")


def test_average_hourly_earnings_are_earnings_not_profit():
    assert metrics_of("Average hourly earnings in the United States rose to $35.07 in March.") \
        == {"$35.07": "average earnings"}
    assert metrics_of("Average weekly earnings in Great Britain rose 5.9 per cent to £682.") \
        == {"5.9 per cent": "change in average earnings", "£682": "average earnings"}


def test_a_companys_earnings_are_still_its_profit():
    assert metrics_of("Infosys reported quarterly earnings of $900 million.") == {"$900 million": "profit"}


def test_borrowing_is_a_flow_and_debt_a_stock():
    assert metrics_of("The UK government borrowed £13.7 billion in May, while public sector "
                      "net debt stood at £2.7 trillion.") \
        == {"£13.7 billion": "borrowing", "£2.7 trillion": "debt"}


def test_operating_and_net_profit_are_told_apart():
    got = metrics_of("Volkswagen's operating profit fell to 4.6 billion euros and its net profit "
                     "to 3.9 billion euros.")
    assert list(got.values()) == ["operating profit", "net profit"]


def test_a_span_of_years_is_a_duration_and_the_amount_beside_it_is_not():
    got = metrics_of("Ontario plans to spend C$190 billion over the next 10 years on transit.")
    assert got["10 years"] == "duration"
    assert FAMILY.get((got["C$190 billion"] or "").casefold()) in (None, "money")


def test_a_count_of_quarters_takes_no_money_metric():
    got = metrics_of("Hyundai's operating profit beat forecasts for the first time in five quarters.")
    assert FAMILY.get((got["five quarters"] or "").casefold()) in (None, "duration")


def test_a_percentage_of_an_amount_is_a_change_in_it():
    assert metrics_of("Indonesia's exports fell 8.1% to $258.8 billion last year.") \
        == {"8.1%": "change in exports", "$258.8 billion": "exports"}


def test_a_multiple_of_an_amount_is_a_multiple_of_it_not_a_duration():
    assert metrics_of("South Korea's chip exports were 3.2 times their level of a decade earlier.") \
        == {"3.2 times": "multiple of exports"}


def test_a_move_in_basis_points_is_a_rate_not_an_index_level():
    assert metrics_of("The Reserve Bank of India raised the repo rate by 25 basis points.") \
        == {"25 basis points": "interest rate"}


def test_another_figures_unit_of_measure_names_no_metric_for_its_neighbour():
    got = metrics_of("Chile's central bank cut rates by 50 basis points to 5.75 per cent.")
    assert got["5.75 per cent"] != "share of stock index level"


def test_barrels_a_day_are_oil_output():
    assert metrics_of("Nigeria's oil output rose to 1.5 million barrels per day.") \
        == {"1.5 million barrels per day": "oil output"}


def test_a_poverty_line_is_money_and_the_people_below_it_a_count():
    got = metrics_of("In Bangladesh, 18 million people live below the poverty line of $2.15 a day.")
    assert got["$2.15 a day"] == "poverty line"
    assert FAMILY.get((got["18 million people"] or "").casefold()) in (None, "count")


@pytest.mark.parametrize("text,expected", [
    ("Nigeria's remittance inflows rose to $20.9 billion.", {"$20.9 billion": "remittances"}),
    ("Egypt's foreign reserves climbed to $46.1 billion.", {"$46.1 billion": "foreign exchange reserves"}),
    ("Mexico's current account deficit narrowed to $7.5 billion.", {"$7.5 billion": "current account balance"}),
    ("US nonfarm payrolls rose by 272,000 in May.", {"272,000": "payrolls"}),
    ("South Africa's unemployment rate rose to 32.9 per cent.", {"32.9 per cent": "unemployment rate"}),
    ("Germany's consumer prices rose 2.2 per cent in May.", {"2.2 per cent": "inflation"}),
    ("Brazil's policy rate stayed at 10.5 per cent.", {"10.5 per cent": "interest rate"}),
    ("Vietnam attracted foreign direct investment of $36.6 billion.", {"$36.6 billion": "foreign direct investment"}),
    ("Tesla's market capitalisation passed $1 trillion.", {"$1 trillion": "market value"}),
], ids=lambda v: v if isinstance(v, str) else "")
def test_the_lexicon_names_the_common_measures_of_world_news(text, expected):
    assert metrics_of(text) == expected


def test_words_before_an_amount_that_spell_a_metric_of_another_family_are_not_its_metric():
    # no lexicon metric fits, and the head phrase "GDP growth" would read back as one
    assert metrics_of("Expected GDP growth reached 300 trillion dong.") == {"300 trillion dong": None}


def test_a_conversion_in_parentheses_does_not_put_the_metric_after_it_further_away():
    got = metrics_of("The Thai government allocated 40 billion baht (about $1.1 billion) for "
                     "infrastructure investment.")
    assert got == {"40 billion baht": "fixed-asset investment", "about $1.1 billion": "fixed-asset investment"}


@pytest.mark.parametrize("text", [
    "Kenya's economy grew 5.6 per cent while the state spent KSh 3.7 trillion.",
    "Argentina's inflation hit 211 per cent, and pensions rose to 190,000 pesos.",
    "Japan's jobless rate was 2.5 per cent among 68 million workers.",
    "The Philippines' GDP growth of 5.9 per cent came over three quarters of expansion.",
    "Canada's unemployment rate stayed at 6.1 per cent for six months.",
    "Turkey's central bank raised its benchmark rate to 50 per cent, costing banks 20 billion lira.",
    "Ghana's debt of $44 billion equals 70 per cent of its GDP.",
    "Pakistan's remittances grew 11 per cent to $30 billion over 12 months.",
    "France's deficit reached 5.5 per cent, or 154 billion euros, in 2023.",
])
def test_no_figure_is_given_a_lexicon_metric_of_another_family(text):
    for f in parse_figures(text, "2024", regions=REGIONS, metrics=METRICS):
        family = FAMILY.get((f.metric or "").casefold())
        assert family is None or family_fits(family, f.kind, f.unit), (f.surface, f.metric)


# --- the schema enforces it too, with the lexicon it is given -------------------------------
def _row(seq: int, **kw) -> dict:
    row = {"article_hash": "c" * 64, "seq": seq, "start": 10 * seq, "end": 10 * seq + 5,
           "surface": "Rs 27.22 lakh crore", "sentence": 0, "kind": "money", "value": 2.722e12,
           "unit": "INR", "qualifier": "exact", "period_start": 2023, "period_end": 2024,
           "region": "Tamil Nadu", "metric": "gdp", "link_seq": None, "link_type": None,
           "value_cny": None, "value_usd": None, "fx_rate": None, "fx_year": None, "fx_date": None,
           "fx_source": None, "unconverted_reason": "no rate in this test"}
    return row | kw


def test_the_schema_quarantines_a_metric_whose_family_contradicts_the_figure_and_says_why():
    frame = pd.DataFrame([_row(0), _row(1, metric="gdp_growth"),
                          _row(2, kind="quantity", unit="year", value=4.0, surface="four years",
                               metric="government_expenditure")])
    good, rejected = split_valid(frame, with_metric_lexicon(NormalisedFigures, LEXICON), "ka.txt")
    assert list(good["seq"]) == [0]
    assert list(rejected["seq"]) == [1, 2] and set(rejected["check"]) == {"metric_fits_kind"}
    assert rejected["reason"].iloc[0] == (
        "ka.txt: figure 1 'Rs 27.22 lakh crore' at 10-15: fails metric_fits_kind: metric "
        "'gdp_growth' is measured in percent, which cannot describe a money figure in INR")


def test_the_schema_lets_unclassified_figures_pass():
    frame = pd.DataFrame([_row(0, metric=None), _row(1, metric="state output")])
    good, rejected = split_valid(frame, with_metric_lexicon(NormalisedFigures, LEXICON), "ka.txt")
    assert len(good) == 2 and rejected.empty


def test_the_schema_reads_the_families_from_the_lexicon_it_is_given():
    frame = pd.DataFrame([_row(0, metric="output")])
    as_money = pd.DataFrame({"key": ["output"], "unit_family": ["money"]})
    as_tonnes = pd.DataFrame({"key": ["output"], "unit_family": ["physical"]})
    assert split_valid(frame, with_metric_lexicon(NormalisedFigures, as_money), "x")[1].empty
    assert list(split_valid(frame, with_metric_lexicon(NormalisedFigures, as_tonnes), "x")[1]["check"]) \
        == ["metric_fits_kind"]


def test_the_schema_with_a_lexicon_keeps_the_models_name_and_other_checks():
    model = with_metric_lexicon(NormalisedFigures, LEXICON)
    assert model.__name__ == "NormalisedFigures"
    assert model is with_metric_lexicon(NormalisedFigures, LEXICON)  # one class per lexicon
    _, rejected = split_valid(pd.DataFrame([_row(0, start=20, end=15)]), model, "x")
    assert list(rejected["check"]) == ["span_is_ordered"]


@pytest.fixture(scope="module")
def seed_batch():
    from dataclasses import replace

    from schemas.tables import validate_tables
    from tasks.config import PROJECT_ROOT
    from tasks.process_batch import CuratedInputs
    from tasks.read_raw import read_article, read_tables

    articles = PROJECT_ROOT / "raw" / "articles"
    seed = read_article(articles / "scmp-xinjiang-pairing-assistance.txt", articles, 10_000_000)
    curated = CuratedInputs.from_tables(validate_tables(read_tables(PROJECT_ROOT / "raw" / "tables")))
    return seed, curated, replace


def test_no_metric_the_engine_names_in_the_seed_article_is_quarantined(seed_batch):
    from tasks.process_batch import process_batch

    seed, curated, _ = seed_batch
    result = process_batch([seed], {seed.article_hash: "2021"}, curated)
    assert "metric_fits_kind" not in set(result.rejected["check"])
    assert result.figures["metric"].isin(LEXICON["key"]).any()


def test_a_batch_quarantines_figures_whose_metric_its_lexicon_says_is_of_another_family(seed_batch):
    from tasks.process_batch import process_batch

    seed, curated, replace = seed_batch
    table = curated.metrics_table.copy()
    table.loc[table["key"] == "gdp_per_capita", "unit_family"] = "percent"
    result = process_batch([seed], {seed.article_hash: "2021"}, replace(curated, metrics_table=table))
    rejected = result.rejected[result.rejected["check"] == "metric_fits_kind"]
    assert len(rejected) >= 3 and rejected["reason"].str.contains("'gdp_per_capita' is measured in percent").all()
    assert "gdp_per_capita" not in set(result.figures["metric"])


# --- the text's own words, for a figure no lexicon metric fits ----------------------------------
def test_the_words_before_a_figure_never_run_into_the_figure_before_it():
    # "50 basis points" is another figure's unit, not what 10.25% is
    assert metrics_of("Colombia's central bank cut the policy rate by 50 basis points to 10.25%.")[
        "10.25%"] != "basis points"
    assert metrics_of("Thailand's jobless claims fell by 3,000 people, to 41,200 claims.")[
        "41,200 claims"] != "people"


def test_a_figure_that_continues_the_one_before_shares_its_words():
    m = metrics_of("Namibia's diamond royalties grew from N$1.2 billion in 2019 to N$1.9 billion in 2023.")
    assert m["N$1.9 billion"] == m["N$1.2 billion"] == "diamond royalties"


def test_the_place_after_a_measure_is_where_not_what():
    m = metrics_of("In 2023, the forest coverage rate in Liupanshui rose by 0.4 percentage points to 62.1 per cent.")
    assert m["62.1 per cent"] == "forest coverage rate"


def test_words_that_only_name_a_place_are_no_metric():
    m = metrics_of("Karnataka will spend Rs 900 crore and 4 billion rupees on canals.")
    assert m["Rs 900 crore"] is None and m["4 billion rupees"] is None


def test_a_stated_span_of_quarters_weeks_or_days_is_a_duration():
    m = metrics_of("Sweden's economy shrank for three quarters; the strike lasted six weeks, "
                   "and the port closed for 14 days.")
    assert (m["three quarters"], m["six weeks"], m["14 days"]) == ("duration", "duration", "duration")


def test_a_dividend_is_a_dividend_not_pay():
    assert metrics_of("Enel will pay a dividend of 47 cents a share.")["47 cents a share"] == "dividend"
    assert metrics_of("Nurses' pay rose 4%, to £38,000 a year.")["£38,000 a year"] == "wages"
