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


def test_a_money_figure_without_a_rate_keeps_nulls_and_says_why(fx):
    # Kenyan shillings are in neither the ECB reference rates nor fx_rates.csv; 1990 is before both.
    df = figures([
        {"surface": "1 billion yuan", "kind": "money", "value": 1e9, "unit": "CNY", "period_start": 1990,
         "period_end": 1990},
        {"surface": "Sh5 trillion", "kind": "money", "value": 5e12, "unit": "KES", "period_start": 2019,
         "period_end": 2019},
        {"surface": "US$3 million", "kind": "money", "value": 3e6, "unit": "USD", "article_hash": OTHER},
        {"surface": "2 billion yuan", "kind": "money", "value": 2e9, "unit": "CNY", "period_start": 2020,
         "period_end": 2020},
    ])
    out = normalise(df, fx, PUB)
    cny_1990, kes, usd_no_year, ok = (out.iloc[i] for i in range(4))
    assert cny_1990["value_cny"] == 1e9 and pd.isna(cny_1990["value_usd"]) and pd.isna(cny_1990["fx_year"])
    assert cny_1990["unconverted_reason"].startswith("no rate for USD in 1990")
    assert kes[["value_cny", "value_usd", "fx_rate"]].isna().all()
    assert kes["unconverted_reason"].startswith("no rate for KES in 2019")
    assert usd_no_year["value_usd"] == 3e6 and pd.isna(usd_no_year["value_cny"])
    assert "no period and its article no publication date" in usd_no_year["unconverted_reason"]
    assert ok["value_usd"] == pytest.approx(2e9 / rate(fx, 2020, "USD"))
    assert pd.isna(ok["unconverted_reason"])
    assert unconverted(out)["surface"].tolist() == ["1 billion yuan", "Sh5 trillion", "US$3 million"]


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


# ------------------------------------------------------------------ the day's rate and the year's

from datetime import date  # noqa: E402

from tasks.normalise import CURATED, ECB_DAY, ECB_YEAR_MEAN, EcbRates, Rates, ecb_reference  # noqa: E402

RAND = dict(surface="R12bn", kind="money", value=12e9, unit="ZAR", period_start=2023, period_end=2023)
RUPEES = dict(surface="Rs 4,500 crore", kind="money", value=4.5e10, unit="INR")


def test_fx_at_the_publication_date_for_an_article_dated_to_the_day_vs_the_annual_average(fx):
    # The same rand figure, in an article dated 2023-06-01 and in one dated only 2023.
    day_hash, year_hash = "d" * 64, "y" * 64
    df = figures([{**RAND, "article_hash": day_hash}, {**RAND, "article_hash": year_hash}])
    out = normalise(df, fx, {day_hash: "2023-06-01", year_hash: "2023"})
    on_day, in_year = out.iloc[0], out.iloc[1]
    ecb = ecb_reference()
    assert on_day["fx_source"] == ECB_DAY and on_day["fx_date"] == "2023-06-01" and pd.isna(on_day["fx_year"])
    assert on_day["fx_rate"] == pytest.approx(ecb.on_day("ZAR", date(2023, 6, 1)).cny_per_unit)
    assert on_day["value_usd"] == pytest.approx(
        12e9 * on_day["fx_rate"] / ecb.on_day("USD", date(2023, 6, 1)).cny_per_unit)
    # the rand was near its low that week: about 19.7 to the dollar, against 18.4 on average
    assert 12e9 / 20.0 < on_day["value_usd"] < 12e9 / 19.4
    assert in_year["fx_source"] == ECB_YEAR_MEAN and in_year["fx_year"] == 2023 and pd.isna(in_year["fx_date"])
    assert 12e9 / 18.8 < in_year["value_usd"] < 12e9 / 18.1
    assert pd.isna(on_day["unconverted_reason"]) and pd.isna(in_year["unconverted_reason"])


def test_a_figure_of_another_year_in_an_article_dated_to_the_day_takes_the_days_rate(fx):
    df = figures([{**RAND, "period_start": 2019, "period_end": 2019, "article_hash": "d" * 64}])
    row = normalise(df, fx, {"d" * 64: "2023-06-01"}).iloc[0]
    assert row["fx_date"] == "2023-06-01"


def test_a_holiday_takes_the_last_rate_published_before_it(fx):
    # Good Friday 2023 (7 April) to Easter Monday: the ECB published nothing; Thursday's rate stands.
    df = figures([{**RUPEES, "article_hash": "d" * 64}])
    row = normalise(df, fx, {"d" * 64: "2023-04-10"}).iloc[0]
    assert row["fx_date"] == "2023-04-06" and row["fx_source"] == ECB_DAY
    assert 4.5e10 / 83 < row["value_usd"] < 4.5e10 / 81   # about 82 rupees to the dollar


def test_a_curated_annual_rate_wins_over_the_ecb_mean_and_names_its_source(fx):
    df = figures([{"surface": "£3bn", "kind": "money", "value": 3e9, "unit": "GBP", "period_start": 2019,
                   "period_end": 2019}])
    row = normalise(df, fx, PUB).iloc[0]
    assert row["fx_source"] == CURATED and row["fx_rate"] == rate(fx, 2019, "GBP")
    assert row["value_usd"] == pytest.approx(3e9 * rate(fx, 2019, "GBP") / rate(fx, 2019, "USD"))
    ecb_mean = ecb_reference().year_mean("GBP", 2019).cny_per_unit
    assert abs(ecb_mean / row["fx_rate"] - 1) < 0.01   # the two sources agree on 2019 within 1 %


def test_a_currency_the_ecb_lacks_on_the_day_falls_back_to_a_curated_year_of_publication():
    curated = pd.DataFrame([
        {"year": 2023, "currency": "KES", "cny_per_unit": 0.0514, "source": "test fixture (not a statistic)"},
        {"year": 2023, "currency": "USD", "cny_per_unit": 7.0809, "source": "test fixture (not a statistic)"},
    ])
    df = figures([{"surface": "Sh4tn", "kind": "money", "value": 4e12, "unit": "KES", "period_start": 2024,
                   "period_end": 2024, "article_hash": "d" * 64}])
    row = normalise(df, curated, {"d" * 64: "2023-06-14"}).iloc[0]
    assert row["fx_source"] == CURATED and row["fx_year"] == 2023 and pd.isna(row["fx_date"])
    assert row["value_usd"] == pytest.approx(4e12 * 0.0514 / 7.0809)


def test_a_day_without_any_rate_says_so_naming_the_day_and_the_year():
    df = figures([{"surface": "₦2tn", "kind": "money", "value": 2e12, "unit": "NGN", "article_hash": "d" * 64}])
    row = normalise(df, pd.DataFrame(columns=["year", "currency", "cny_per_unit", "source"]),
                    {"d" * 64: "2024-03-05"}).iloc[0]
    assert row[["value_cny", "value_usd", "fx_rate", "fx_source"]].isna().all()
    assert row["unconverted_reason"].startswith("no rate for NGN on 2024-03-05 or in 2024")


def test_without_the_ecb_data_only_the_curated_table_converts(fx):
    df = figures([RAND | {"period_start": 2019, "period_end": 2019}])
    row = normalise(df, fx, PUB, rates=Rates(fx, ecb=EcbRates(None))).iloc[0]
    assert pd.isna(row["value_usd"]) and row["unconverted_reason"].startswith("no rate for ZAR in 2019")


def test_every_normalised_money_row_is_converted_or_says_why(fx):
    df = figures([RAND, RUPEES, {"surface": "Sh1bn", "kind": "money", "value": 1e9, "unit": "KES"},
                  {"surface": "12 per cent", "kind": "percent", "value": 12, "unit": "%"}])
    out = NormalisedFigures.validate(normalise(df, fx, {HASH: "2021-08-02"}))
    money = out[out["kind"] == "money"]
    assert (money["value_usd"].notna() | money["unconverted_reason"].notna()).all()
    broken = out.assign(unconverted_reason=None)
    with pytest.raises(Exception, match="money_is_converted_or_says_why"):
        NormalisedFigures.validate(broken, lazy=True)
