"""The curated tables: the real ones validate; each kind of malformed table is refused with
a message naming the file, the row (and its CSV line) and the column."""
from __future__ import annotations

import pandas as pd
import pytest

from schemas.tables import CURRENT_YEAR, TABLE_MODELS, TableValidationError, validate_tables
from tasks.config import PROJECT_ROOT
from tasks.read_raw import read_table

TABLES_DIR = PROJECT_ROOT / "raw" / "tables"
ARTICLE_SRC = "the article: SCMP, China's Xinjiang gets money, talent from 'pairing assistance' (2021)"


def _frame(rows: list[dict]) -> pd.DataFrame:
    # As tasks.read_raw reads a CSV: every cell a string, empty cells missing.
    return pd.DataFrame(rows).astype(object).where(lambda d: d.notna(), None)


def valid_tables() -> dict[str, pd.DataFrame]:
    return {
        "articles.csv": _frame([
            {"path": "scmp-xinjiang-pairing-assistance.txt", "title": "China's Xinjiang gets money",
             "publisher": "South China Morning Post", "url": None, "pub_date": "2021",
             "pub_date_precision": "year", "source": "shared/seed/README.md"},
            {"path": "other.txt", "title": "Other", "publisher": None, "url": None, "pub_date": None,
             "pub_date_precision": "unknown", "source": "curated by hand"},
        ]),
        "regions.csv": _frame([
            {"name": "China", "aliases": "PRC|中国", "level": "country", "parent": None, "source": "NBS"},
            {"name": "Xinjiang", "aliases": "新疆", "level": "province", "parent": "China", "source": "NBS"},
            {"name": "Guangdong", "aliases": "广东", "level": "province", "parent": "China", "source": "NBS"},
            {"name": "Kashgar", "aliases": "Kashi|喀什", "level": "prefecture", "parent": "Xinjiang",
             "source": "NBS"},
        ]),
        "metrics.csv": _frame([
            {"key": "per_capita_gdp", "label": "per capita GDP", "unit_family": "money",
             "triggers": "per capita GDP", "source": "project lexicon"},
            {"key": "transfer_payments", "label": "central transfer payments", "unit_family": "money",
             "triggers": "transfer payments", "source": "project lexicon"},
        ]),
        "fx_rates.csv": _frame([
            {"year": "2019", "currency": "USD", "cny_per_unit": "6.9081", "source": "Federal Reserve G.5A"},
            {"year": "2021", "currency": "USD", "cny_per_unit": "6.4508", "source": "Federal Reserve G.5A"},
        ]),
        "official_series.csv": _frame([
            {"region": "China", "metric": "per_capita_gdp", "year": "2019", "value": "70892",
             "unit": "CNY", "source": "NBS, Statistical Communiqué 2019"},
            {"region": "Xinjiang", "metric": "transfer_payments", "year": "2014", "value": "263690000000",
             "unit": "CNY", "source": ARTICLE_SRC},
        ]),
        "pairing_assistance.csv": _frame([
            {"partner": "Guangdong", "partner_level": "province", "xinjiang_target": "Kashgar",
             "round": "2", "start_year": "2010", "source": "Beijing Review (2010)"},
        ]),
    }


def where(file: str, row: int, column: str) -> str:
    return f"{file}: row {row} (line {row + 2} of the CSV), column {column}:"


def problems_of(tables: dict[str, pd.DataFrame]) -> list[str]:
    with pytest.raises(TableValidationError) as info:
        validate_tables(tables)
    return info.value.problems


def set_cell(tables, file, row, column, value):
    tables[file] = tables[file].copy()
    tables[file].loc[row, column] = value
    return tables


# ------------------------------------------------------------------ the real tables

def test_the_real_curated_tables_validate_and_are_typed():
    present = {name: read_table(TABLES_DIR / name) for name in TABLE_MODELS
               if (TABLES_DIR / name).is_file()}
    assert {"fx_rates.csv", "official_series.csv", "pairing_assistance.csv"} <= set(present)
    typed = validate_tables(present)
    fx = typed["fx_rates.csv"]
    assert fx["cny_per_unit"].dtype == "float64" and (fx["cny_per_unit"] > 0).all()
    assert set(fx["currency"]) >= {"USD", "HKD", "EUR"}
    # every year 1997-2024 has a USD rate, and the article's publication year has all three
    usd_years = set(fx.loc[fx["currency"] == "USD", "year"])
    assert set(range(1997, 2025)) <= usd_years
    assert {"USD", "HKD", "EUR"} <= set(fx.loc[fx["year"] == 2021, "currency"])
    series = typed["official_series.csv"]
    for region in ("China", "Xinjiang"):
        years = set(series.loc[(series["region"] == region) & (series["metric"] == "gdp_per_capita"), "year"])
        assert {2015, 2019, 2020} <= years
    assert typed["pairing_assistance.csv"]["source"].str.len().min() > 10


def test_the_real_fx_rates_are_plausible_annual_averages():
    fx = validate_tables({"fx_rates.csv": read_table(TABLES_DIR / "fx_rates.csv")})["fx_rates.csv"]
    usd = fx[fx["currency"] == "USD"].set_index("year")["cny_per_unit"]
    assert 8.2 < usd[1999] < 8.3      # the peg years
    assert 6.0 < usd[2014] < 6.3
    hkd = fx[fx["currency"] == "HKD"].set_index("year")["cny_per_unit"]
    assert ((usd / hkd).dropna().between(7.7, 7.9)).all()   # the HKD peg to the dollar


def test_valid_small_tables_pass_and_come_back_typed():
    typed = validate_tables(valid_tables())
    assert typed["official_series.csv"]["value"].tolist() == [70892.0, 263690000000.0]
    assert typed["pairing_assistance.csv"]["round"].tolist() == [2]
    assert list(typed["fx_rates.csv"].columns) == ["year", "currency", "cny_per_unit", "source"]


# ------------------------------------------------------------------ one test per file

@pytest.mark.parametrize("mutate, row, column, says", [
    (lambda t: t.__setitem__("articles.csv", t["articles.csv"].drop(columns=["title"])), None, "title",
     "required column is missing"),
    (lambda t: set_cell(t, "articles.csv", 1, "source", None), 1, "source", "is empty"),
    (lambda t: set_cell(t, "articles.csv", 1, "source", "   "), 1, "source", "is empty or blank"),
    (lambda t: set_cell(t, "articles.csv", 0, "pub_date", str(CURRENT_YEAR + 3)), 0, "pub_date",
     "is in the future"),
    (lambda t: set_cell(t, "articles.csv", 1, "path", "scmp-xinjiang-pairing-assistance.txt"), 1, "path",
     "duplicate"),
    (lambda t: set_cell(t, "articles.csv", 0, "pub_date_precision", "day"), 0, "pub_date_precision",
     "does not match pub_date"),
], ids=["missing column", "empty source", "blank source", "future year", "duplicate path",
        "precision vs date"])
def test_malformed_articles_table(mutate, row, column, says):
    tables = valid_tables()
    mutate(tables)
    problems = problems_of({"articles.csv": tables["articles.csv"]})
    head = (f"articles.csv: header (line 1 of the CSV), column {column}:" if row is None
            else where("articles.csv", row, column))
    assert any(p.startswith(head) and says in p for p in problems), problems


@pytest.mark.parametrize("mutate, row, column, says", [
    (lambda t: set_cell(t, "regions.csv", 3, "parent", "Xinjang"), 3, "parent",
     "unknown region, not a name in regions.csv (value: Xinjang)"),
    (lambda t: set_cell(t, "regions.csv", 2, "level", "hamlet"), 2, "level", "must be one of"),
    (lambda t: set_cell(t, "regions.csv", 2, "name", "Xinjiang"), 2, "name", "duplicate"),
    (lambda t: set_cell(t, "regions.csv", 0, "source", None), 0, "source", "is empty"),
    (lambda t: t.__setitem__("regions.csv", t["regions.csv"].assign(population="1")), None, "population",
     "unexpected column"),
], ids=["unknown parent", "bad level", "duplicate name", "empty source", "extra column"])
def test_malformed_regions_table(mutate, row, column, says):
    tables = valid_tables()
    mutate(tables)
    problems = problems_of({"regions.csv": tables["regions.csv"]})
    head = (f"regions.csv: header (line 1 of the CSV), column {column}:" if row is None
            else where("regions.csv", row, column))
    assert any(p.startswith(head) and says in p for p in problems), problems


@pytest.mark.parametrize("mutate, row, column, says", [
    (lambda t: set_cell(t, "metrics.csv", 1, "unit_family", "currency"), 1, "unit_family", "must be one of"),
    (lambda t: set_cell(t, "metrics.csv", 1, "key", "per_capita_gdp"), 1, "key", "duplicate"),
    (lambda t: set_cell(t, "metrics.csv", 0, "source", None), 0, "source", "is empty"),
    (lambda t: t.__setitem__("metrics.csv", t["metrics.csv"].drop(columns=["unit_family"])), None,
     "unit_family", "required column is missing"),
], ids=["bad unit family", "duplicate key", "empty source", "missing column"])
def test_malformed_metrics_table(mutate, row, column, says):
    tables = valid_tables()
    mutate(tables)
    problems = problems_of({"metrics.csv": tables["metrics.csv"]})
    head = (f"metrics.csv: header (line 1 of the CSV), column {column}:" if row is None
            else where("metrics.csv", row, column))
    assert any(p.startswith(head) and says in p for p in problems), problems


@pytest.mark.parametrize("mutate, row, column, says", [
    (lambda t: set_cell(t, "fx_rates.csv", 1, "cny_per_unit", "0"), 1, "cny_per_unit",
     "must be greater than 0 (value: 0)"),
    (lambda t: set_cell(t, "fx_rates.csv", 1, "cny_per_unit", "-6.45"), 1, "cny_per_unit",
     "must be greater than 0 (value: -6.45)"),
    (lambda t: set_cell(t, "fx_rates.csv", 0, "cny_per_unit", "six"), 0, "cny_per_unit",
     "is not a number (value: six)"),
    (lambda t: set_cell(t, "fx_rates.csv", 1, "year", str(CURRENT_YEAR + 1)), 1, "year", "is in the future"),
    (lambda t: set_cell(t, "fx_rates.csv", 1, "year", "2019.5"), 1, "year", "must be a whole number"),
    (lambda t: set_cell(t, "fx_rates.csv", 1, "year", "2019"), 1, "year+currency",
     "duplicate key (year, currency), same as row 0 (value: 2019, USD)"),
    (lambda t: set_cell(t, "fx_rates.csv", 0, "currency", "usd"), 0, "currency", "does not match"),
    (lambda t: set_cell(t, "fx_rates.csv", 0, "source", None), 0, "source", "is empty"),
    (lambda t: t.__setitem__("fx_rates.csv", t["fx_rates.csv"].drop(columns=["source"])), None, "source",
     "required column is missing"),
    (lambda t: t.__setitem__("fx_rates.csv", t["fx_rates.csv"].assign(note="x")), None, "note",
     "unexpected column"),
], ids=["rate zero", "rate negative", "rate not a number", "future year", "fractional year",
        "duplicate key", "lower-case code", "empty source", "missing column", "extra column"])
def test_malformed_fx_rates_table(mutate, row, column, says):
    tables = valid_tables()
    mutate(tables)
    problems = problems_of({"fx_rates.csv": tables["fx_rates.csv"]})
    head = (f"fx_rates.csv: header (line 1 of the CSV), column {column}:" if row is None
            else where("fx_rates.csv", row, column))
    assert any(p.startswith(head) and says in p for p in problems), problems


@pytest.mark.parametrize("currency, value", [
    ("USD", "inf"), ("USD", "1e308"), ("USD", "1e-320"), ("USD", "nan"),
    ("USD", "0.1550"),          # dollars per yuan: the rate the wrong way round
    ("GBP", "88.20"),           # a slipped decimal point
    ("KES", "1e-320"), ("KES", "500"),   # a currency the ECB never published: the band of any currency
], ids=["infinite", "huge", "denormal", "nan", "inverted dollar", "slipped decimal", "tiny shilling",
        "shilling dearer than any currency"])
def test_an_fx_rate_outside_the_plausible_band_of_its_currency_is_refused_in_one_line(currency, value):
    tables = valid_tables()
    set_cell(tables, "fx_rates.csv", 1, "currency", currency)
    set_cell(tables, "fx_rates.csv", 1, "cny_per_unit", value)
    problems = problems_of({"fx_rates.csv": tables["fx_rates.csv"]})
    assert len(problems) == 1, problems
    assert problems[0].startswith(where("fx_rates.csv", 1, "cny_per_unit"))
    assert "\n" not in problems[0]
    assert f"not a plausible rate for {currency}" in problems[0] or "is not a number" in problems[0]


@pytest.mark.parametrize("currency, value", [("USD", "8.2783"), ("GBP", "8.8203"), ("JPY", "0.0634"),
                                             ("KES", "0.0514"), ("IRR", "0.00017"), ("KWD", "23.4")])
def test_plausible_rates_of_any_currency_are_accepted(currency, value):
    tables = valid_tables()
    set_cell(tables, "fx_rates.csv", 1, "currency", currency)
    set_cell(tables, "fx_rates.csv", 1, "cny_per_unit", value)
    validate_tables({"fx_rates.csv": tables["fx_rates.csv"]})


@pytest.mark.parametrize("mutate, row, column, says", [
    (lambda t: set_cell(t, "official_series.csv", 0, "region", "Sinkiang"), 0, "region",
     "unknown region, not a name in regions.csv (value: Sinkiang)"),
    (lambda t: set_cell(t, "official_series.csv", 1, "metric", "transfers"), 1, "metric",
     "unknown metric key, not a key in metrics.csv (value: transfers)"),
    (lambda t: set_cell(t, "official_series.csv", 1, "value", "n/a"), 1, "value", "is not a number (value: n/a)"),
    (lambda t: set_cell(t, "official_series.csv", 0, "year", str(CURRENT_YEAR + 5)), 0, "year",
     "is in the future"),
    (lambda t: set_cell(set_cell(set_cell(t, "official_series.csv", 1, "region", "China"),
                                 "official_series.csv", 1, "metric", "per_capita_gdp"),
                        "official_series.csv", 1, "year", "2019"), 1, "region+metric+year",
     "duplicate key (region, metric, year), same as row 0"),
    (lambda t: set_cell(t, "official_series.csv", 1, "source", None), 1, "source", "is empty"),
], ids=["unknown region", "unknown metric", "wrong type", "future year", "duplicate key", "empty source"])
def test_malformed_official_series_table(mutate, row, column, says):
    tables = valid_tables()
    mutate(tables)
    problems = problems_of(tables)
    assert any(p.startswith(where("official_series.csv", row, column)) and says in p
               for p in problems), problems


@pytest.mark.parametrize("mutate, row, column, says", [
    (lambda t: set_cell(t, "pairing_assistance.csv", 0, "partner", "Canton"), 0, "partner",
     "unknown region, not a name in regions.csv (value: Canton)"),
    (lambda t: set_cell(t, "pairing_assistance.csv", 0, "xinjiang_target", "Kashi City"), 0,
     "xinjiang_target", "unknown region"),
    (lambda t: set_cell(t, "pairing_assistance.csv", 0, "partner_level", "hamlet"), 0,
     "partner_level", "must be one of"),
    (lambda t: set_cell(t, "pairing_assistance.csv", 0, "round", "two"), 0, "round",
     "is not a number (value: two)"),
    (lambda t: set_cell(t, "pairing_assistance.csv", 0, "start_year", str(CURRENT_YEAR + 1)), 0,
     "start_year", "is in the future"),
    (lambda t: t.__setitem__("pairing_assistance.csv", pd.concat(
        [t["pairing_assistance.csv"]] * 2, ignore_index=True)), 1, "partner+xinjiang_target+round",
     "duplicate key"),
    (lambda t: set_cell(t, "pairing_assistance.csv", 0, "source", ""), 0, "source", "is empty"),
], ids=["unknown partner", "unknown target", "bad level", "wrong type", "future year", "duplicate key",
        "empty source"])
def test_malformed_pairing_assistance_table(mutate, row, column, says):
    tables = valid_tables()
    mutate(tables)
    problems = problems_of(tables)
    assert any(p.startswith(where("pairing_assistance.csv", row, column)) and says in p
               for p in problems), problems


def test_every_problem_in_every_table_is_reported_in_one_error():
    tables = valid_tables()
    set_cell(tables, "fx_rates.csv", 0, "cny_per_unit", "-1")
    set_cell(tables, "official_series.csv", 1, "region", "Atlantis")
    set_cell(tables, "regions.csv", 1, "source", None)
    with pytest.raises(TableValidationError) as info:
        validate_tables(tables)
    message = str(info.value)
    assert message.startswith("3 problem(s) in the curated tables:")
    assert where("fx_rates.csv", 0, "cny_per_unit") in message
    assert where("official_series.csv", 1, "region") in message
    assert where("regions.csv", 1, "source") in message


def test_an_unknown_table_file_is_refused():
    problems = problems_of({"exchange.csv": pd.DataFrame({"a": ["1"]})})
    assert problems[0].startswith("exchange.csv: not a known curated table")


def test_a_missing_key_column_is_reported_without_false_duplicates():
    tables = valid_tables()
    problems = problems_of({"fx_rates.csv": tables["fx_rates.csv"].drop(columns=["year"])})
    assert problems == ["fx_rates.csv: header (line 1 of the CSV), column year: required column is missing"]


def test_regions_may_carry_iso_codes_and_a_malformed_code_is_refused():
    tables = valid_tables()
    regions = tables["regions.csv"].assign(iso_alpha2=["CN", None, None, None],
                                           iso_alpha3=["CHN", None, None, None],
                                           iso_subdivision=[None, "CN-XJ", "CN-GD", None])
    typed = validate_tables({"regions.csv": regions})["regions.csv"]
    assert typed.loc[0, "iso_alpha3"] == "CHN" and typed.loc[1, "iso_subdivision"] == "CN-XJ"
    assert "iso_alpha2" not in validate_tables({"regions.csv": tables["regions.csv"]})["regions.csv"]
    problems = problems_of({"regions.csv": regions.assign(iso_alpha3=["China", None, None, None])})
    assert len(problems) == 1 and problems[0].startswith(where("regions.csv", 0, "iso_alpha3"))
