"""Currency normalisation against the real fx_rates.csv, on figures of the seed article."""
from __future__ import annotations

import hashlib

import pandas as pd
import pytest

from schemas.figures import NormalisedFigures
from schemas.tables import validate_tables
from tasks.config import PROJECT_ROOT
from tasks.normalise import figure_year, normalise, unconverted
from tasks.read_raw import read_table

SEED = PROJECT_ROOT / "raw" / "articles" / "scmp-xinjiang-pairing-assistance.txt"
HASH = hashlib.sha256(SEED.read_bytes()).hexdigest()
OTHER = "b" * 64
PUB = {HASH: 2021, OTHER: None}


@pytest.fixture(scope="module")
def fx() -> pd.DataFrame:
    return validate_tables({"fx_rates.csv": read_table(PROJECT_ROOT / "raw" / "tables" / "fx_rates.csv")}
                           )["fx_rates.csv"]


def rate(fx, year, currency):
    return float(fx.loc[(fx["year"] == year) & (fx["currency"] == currency), "cny_per_unit"].iloc[0])


def figures(rows: list[dict]) -> pd.DataFrame:
    base = {"article_hash": HASH, "sentence": 0, "qualifier": "exact", "period_start": None,
            "period_end": None, "region": None, "metric": None, "link_seq": None, "link_type": None}
    out = []
    for seq, r in enumerate(rows):
        row = {**base, "seq": seq, "start": 10 * seq, "end": 10 * seq + 5, **r}
        out.append(row)
    df = pd.DataFrame(out)
    return df.astype({"period_start": "Int64", "period_end": "Int64", "link_seq": "Int64",
                      "value": "float64"})


def test_cny_figure_of_a_known_year_gets_usd_at_that_years_average(fx):
    df = figures([{"surface": "54,280 yuan", "kind": "money", "value": 54280, "unit": "CNY",
                   "period_start": 2019, "period_end": 2019, "region": "Xinjiang", "metric": "per_capita_gdp"}])
    row = normalise(df, fx, PUB).iloc[0]
    assert row["value_cny"] == 54280
    assert row["fx_rate"] == 1.0 and row["fx_year"] == 2019
    assert row["value_usd"] == pytest.approx(54280 / rate(fx, 2019, "USD"))
    assert 7800 < row["value_usd"] < 7900   # the NBS quoted about US$7,870 for 2019


def test_usd_conversion_figure_without_period_uses_the_publication_year(fx):
    df = figures([
        {"surface": "4,000 yuan", "kind": "money", "value": 4000, "unit": "CNY", "period_start": 2019,
         "period_end": 2019, "link_seq": 1, "link_type": "conversion"},
        {"surface": "US$620", "kind": "money", "value": 620, "unit": "USD", "link_seq": 0,
         "link_type": "conversion"},
    ])
    out = normalise(df, fx, PUB)
    usd = out.iloc[1]
    assert usd["value_usd"] == 620
    assert usd["fx_year"] == 2021
    assert usd["fx_rate"] == rate(fx, 2021, "USD")
    assert usd["value_cny"] == pytest.approx(620 * rate(fx, 2021, "USD"))


def test_period_end_wins_over_period_start_and_hkd_and_eur_convert_through_cny(fx):
    df = figures([
        {"surface": "HK$1 billion", "kind": "money", "value": 1e9, "unit": "HKD", "period_start": 2014,
         "period_end": 2019},
        {"surface": "€2 million", "kind": "money", "value": 2e6, "unit": "EUR", "period_start": 2015},
    ])
    out = normalise(df, fx, PUB)
    hkd, eur = out.iloc[0], out.iloc[1]
    assert hkd["fx_year"] == 2019 and hkd["fx_rate"] == rate(fx, 2019, "HKD")
    assert hkd["value_cny"] == pytest.approx(1e9 * rate(fx, 2019, "HKD"))
    assert hkd["value_usd"] == pytest.approx(1e9 * rate(fx, 2019, "HKD") / rate(fx, 2019, "USD"))
    assert eur["fx_year"] == 2015
    assert eur["value_usd"] == pytest.approx(2e6 * rate(fx, 2015, "EUR") / rate(fx, 2015, "USD"))


def test_non_money_figures_get_no_conversion(fx):
    df = figures([
        {"surface": "76 per cent", "kind": "percent", "value": 76, "unit": "%", "period_start": 2019,
         "period_end": 2019},
        {"surface": "4,168 employees", "kind": "quantity", "value": 4168, "unit": "employee"},
    ])
    out = normalise(df, fx, PUB)
    assert out[["value_cny", "value_usd", "fx_rate", "fx_year"]].isna().all().all()


def test_a_money_figure_without_a_rate_keeps_nulls_and_is_counted_not_guessed(fx):
    df = figures([
        {"surface": "1 billion yuan", "kind": "money", "value": 1e9, "unit": "CNY", "period_start": 1990,
         "period_end": 1990},
        {"surface": "¥5 trillion", "kind": "money", "value": 5e12, "unit": "JPY", "period_start": 2019,
         "period_end": 2019},
        {"surface": "US$3 million", "kind": "money", "value": 3e6, "unit": "USD", "article_hash": OTHER},
        {"surface": "2 billion yuan", "kind": "money", "value": 2e9, "unit": "CNY", "period_start": 2020,
         "period_end": 2020},
    ])
    out = normalise(df, fx, PUB)
    cny_1990, jpy, usd_no_year, ok = (out.iloc[i] for i in range(4))
    assert cny_1990["value_cny"] == 1e9 and pd.isna(cny_1990["value_usd"]) and pd.isna(cny_1990["fx_year"])
    assert jpy[["value_cny", "value_usd", "fx_rate"]].isna().all()
    assert usd_no_year["value_usd"] == 3e6 and pd.isna(usd_no_year["value_cny"])
    assert ok["value_usd"] == pytest.approx(2e9 / rate(fx, 2020, "USD"))
    assert unconverted(out)["surface"].tolist() == ["1 billion yuan", "¥5 trillion", "US$3 million"]


def test_the_input_frame_is_not_mutated_and_the_output_is_a_normalised_frame(fx):
    df = figures([
        {"surface": "3.94 billion yuan", "kind": "money", "value": 3.94e9, "unit": "CNY",
         "period_start": 2020, "period_end": 2020, "link_seq": 1, "link_type": "conversion"},
        {"surface": "US$611 million", "kind": "money", "value": 611e6, "unit": "USD", "link_seq": 0,
         "link_type": "conversion"},
        {"surface": "about 81 per cent", "kind": "percent", "value": 81, "unit": "%", "qualifier": "approx"},
    ])
    before = df.copy()
    out = normalise(df, fx, PUB)
    pd.testing.assert_frame_equal(df, before)
    assert "value_cny" not in df.columns
    NormalisedFigures.validate(out)


def test_figure_year_prefers_period_end_then_start_then_publication():
    df = figures([
        {"surface": "a", "kind": "money", "value": 1, "unit": "CNY", "period_start": 2014, "period_end": 2019},
        {"surface": "b", "kind": "money", "value": 1, "unit": "CNY", "period_start": 2014},
        {"surface": "c", "kind": "money", "value": 1, "unit": "CNY"},
        {"surface": "d", "kind": "money", "value": 1, "unit": "CNY", "article_hash": OTHER},
    ])
    assert figure_year(df, PUB).tolist() == [2019, 2014, 2021, pd.NA]


def test_lexicon_labels_become_metric_keys_and_free_text_stays():
    from tasks.normalise import metric_keys

    metrics = pd.DataFrame({"key": ["gdp_per_capita", "transfer_payments"],
                            "label": ["per capita GDP", "transfer payments"]})
    figures = pd.DataFrame({"metric": ["Per capita GDP", "transfer_payments", "socks made", None]})
    mapped = metric_keys(figures, metrics)["metric"]
    assert mapped[:3].tolist() == ["gdp_per_capita", "transfer_payments", "socks made"]
    assert pd.isna(mapped[3])
