"""Claim checks on figures of the seed article, with the real curated tables.

How the test frames were made: by hand, from the seed article's sentences. Each figure's
surface is looked up in the raw text (so spans are real offsets), its sentence index comes
from a naive sentence split of the same text, and its value, unit, qualifier, period, region
and metric were read off the sentence by a person. The inconsistent cases change one number
of a real sentence (a claimed 90 per cent, a conversion at a wrong rate, a part larger than
its whole) and keep everything else as in the article.
"""
from __future__ import annotations

import hashlib
import re
from datetime import date

import pandas as pd
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from schemas.claims import ClaimChecks
from schemas.tables import validate_tables
from tasks.claims import FX_DAY_SLACK, FX_SLACK, check_claims, half_unit
from tasks.config import PROJECT_ROOT
from tasks.normalise import EcbRates, Rates, ecb_reference, normalise
from tasks.read_raw import read_table
from tests.warehouse_fixtures import with_text_cues

SEED = PROJECT_ROOT / "raw" / "articles" / "scmp-xinjiang-pairing-assistance.txt"
TEXT = SEED.read_text(encoding="utf-8")
HASH = hashlib.sha256(SEED.read_bytes()).hexdigest()
PUB = {HASH: 2021}
TABLES = PROJECT_ROOT / "raw" / "tables"

REGIONS = pd.DataFrame({
    "name": ["China", "Xinjiang", "Guangdong", "Kashgar", "Tumshuq"],
    "level": ["country", "province", "province", "prefecture", "city"],
    "parent": ["", "China", "China", "Xinjiang", "Xinjiang"],
}).replace("", None)


@pytest.fixture(scope="module")
def tables():
    typed = validate_tables({n: read_table(TABLES / n) for n in ("fx_rates.csv", "official_series.csv")})
    return typed["official_series.csv"], typed["fx_rates.csv"]


def sentence_of(pos: int) -> int:
    return len(re.findall(r"[.!?](?=\s)|\n+", TEXT[:pos]))


# name, surface, fields; `link` names the partner figure.
SEED_SPECS = [
    ("first_round", "nearly 30 billion yuan", dict(kind="money", value=30e9, unit="CNY", qualifier="at_most",
                                                   period=(1997, 2010), region="Xinjiang",
                                                   metric="pairing_investment")),
    ("transfer_from", "263.69 billion", dict(kind="money", value=263.69e9, unit="CNY", period=(2014, 2019),
                                             region="Xinjiang", metric="transfer_payments", link="transfer_to",
                                             link_type="range")),
    ("transfer_to", "422.48 billion yuan", dict(kind="money", value=422.48e9, unit="CNY", period=(2014, 2019),
                                                region="Xinjiang", metric="transfer_payments",
                                                link="transfer_from", link_type="range")),
    ("investment", "more than 2.3 trillion yuan", dict(kind="money", value=2.3e12, unit="CNY",
                                                       qualifier="at_least", period=(2014, 2019),
                                                       region="Xinjiang", metric="investment")),
    ("subsidy", "4,000 yuan", dict(kind="money", value=4000, unit="CNY", period=(2019, 2019),
                                   region="Guangdong", metric="subsidy_per_person", link="subsidy_usd",
                                   link_type="conversion")),
    ("subsidy_usd", "US$620", dict(kind="money", value=620, unit="USD", period=(2019, 2019),
                                   region="Guangdong", metric="subsidy_per_person", link="subsidy",
                                   link_type="conversion")),
    ("labourers", "151,000", dict(kind="quantity", value=151000, unit="labourer", period=(2018, 2020),
                                  region="Xinjiang", metric="transferred labourers")),
    ("coastal", "114,700", dict(kind="quantity", value=114700, unit="labourer", period=(2020, 2020),
                                region="Xinjiang", metric="transferred labourers")),
    ("income", "more than 45,000 yuan", dict(kind="money", value=45000, unit="CNY", qualifier="at_least",
                                             period=(2020, 2020), metric="income per capita",
                                             link="income_usd", link_type="conversion")),
    ("income_usd", "US$7,000", dict(kind="money", value=7000, unit="USD", period=(2020, 2020),
                                    metric="income per capita", link="income", link_type="conversion")),
    ("park", "3.94 billion yuan", dict(kind="money", value=3.94e9, unit="CNY", period=(2020, 2020),
                                       region="Tumshuq", metric="investment", link="park_usd",
                                       link_type="conversion")),
    ("park_usd", "US$611 million", dict(kind="money", value=611e6, unit="USD", period=(2020, 2020),
                                        region="Tumshuq", metric="investment", link="park",
                                        link_type="conversion")),
    ("employees", "4,168 employees", dict(kind="quantity", value=4168, unit="employee", period=(2021, 2021),
                                          region="Tumshuq", metric="employees")),
    ("minority", "more than 70 per cent", dict(kind="percent", value=70, unit="%", qualifier="at_least",
                                               period=(2021, 2021), region="Tumshuq",
                                               metric="ethnic minority share of employees")),
    ("xj2015", "39,959 yuan", dict(kind="money", value=39959, unit="CNY", period=(2015, 2015),
                                   region="Xinjiang", metric="gdp_per_capita")),
    ("ratio2015", "about 81 per cent", dict(kind="percent", value=81, unit="%", qualifier="approx",
                                            period=(2015, 2015), region="Xinjiang",
                                            metric="Xinjiang per capita GDP as share of China's")),
    ("cn2015", "49,351 yuan", dict(kind="money", value=49351, unit="CNY", period=(2015, 2015),
                                   region="China", metric="gdp_per_capita")),
    ("xj2019", "54,280 yuan", dict(kind="money", value=54280, unit="CNY", period=(2019, 2019),
                                   region="Xinjiang", metric="gdp_per_capita")),
    ("ratio2019", "76 per cent", dict(kind="percent", value=76, unit="%", period=(2019, 2019),
                                      region="Xinjiang", metric="Xinjiang per capita GDP as share of China's")),
    ("xj2020", "53,593 yuan", dict(kind="money", value=53593, unit="CNY", period=(2020, 2020),
                                   region="Xinjiang", metric="gdp_per_capita")),
    ("ratio2020", "74 per cent", dict(kind="percent", value=74, unit="%", period=(2020, 2020),
                                      region="Xinjiang", metric="Xinjiang per capita GDP as share of China's")),
]


def build(specs=SEED_SPECS, text=TEXT, article_hash=HASH) -> pd.DataFrame:
    """An ExtractedFigures frame: spans found in `text` in order, links resolved by name."""
    seq_of = {name: i for i, (name, _, _) in enumerate(specs)}
    rows, pos = [], 0
    for seq, (_name, surface, f) in enumerate(specs):
        start = text.index(surface, pos)
        pos = start + len(surface)
        period = f.get("period", (None, None))
        rows.append({
            "article_hash": article_hash, "seq": seq, "start": start, "end": pos, "surface": surface,
            "sentence": len(re.findall(r"[.!?](?=\s)|\n+", text[:start])), "kind": f["kind"],
            "value": float(f["value"]), "unit": f["unit"], "qualifier": f.get("qualifier", "exact"),
            "period_start": period[0], "period_end": period[1], "region": f.get("region"),
            "metric": f.get("metric"), "link_seq": seq_of.get(f.get("link")), "link_type": f.get("link_type"),
        })
    return pd.DataFrame(rows).astype({"period_start": "Int64", "period_end": "Int64", "link_seq": "Int64"})


def run(tables, figures, text=TEXT, regions=REGIONS, article_hash=HASH):
    official, fx = tables
    normalised = normalise(figures, fx, {article_hash: 2021})
    if text is not None:
        normalised = with_text_cues(normalised, text)
    checks = check_claims(normalised, official, fx, {article_hash: 2021}, regions=regions)
    ClaimChecks.validate(checks)
    return checks


def only(checks, check_type, seq):
    hit = checks[(checks["check_type"] == check_type) & (checks["seq"] == seq)]
    assert len(hit) == 1, checks[["check_type", "seq", "verdict", "explanation"]].to_string()
    return hit.iloc[0]


def seq(name, specs=SEED_SPECS):
    return [n for n, _, _ in specs].index(name)


def replace_in(text: str, old: str, new: str) -> str:
    assert text.count(old) == 1
    return text.replace(old, new)


def respec(name, **changes):
    return [(n, changes.get("surface", s), {**f, **{k: v for k, v in changes.items() if k != "surface"}})
            if n == name else (n, s, f) for n, s, f in SEED_SPECS]


# ------------------------------------------------------------------ the seed article

def test_seed_article_every_ratio_conversion_and_official_comparison(tables):
    checks = run(tables, build())
    summary = {(r.check_type, r.seq): r.verdict for r in checks.itertuples()}
    assert summary == {
        ("conversion", seq("subsidy_usd")): "consistent",
        ("conversion", seq("income_usd")): "consistent",
        ("conversion", seq("park_usd")): "consistent",
        ("conversion_consistency", seq("income_usd")): "consistent",
        ("conversion_consistency", seq("park_usd")): "consistent",
        ("stated_ratio", seq("ratio2015")): "consistent",
        ("stated_ratio", seq("ratio2019")): "inconsistent",
        ("stated_ratio", seq("ratio2020")): "consistent",
        ("official_series", seq("xj2019")): "consistent",
        ("official_series", seq("xj2020")): "consistent",
        ("part_whole", seq("coastal")): "consistent",
    } | {("conversion_consistency", seq("park_usd")): "consistent"}
    # three conversions in one article: three pairwise comparisons
    assert (checks["check_type"] == "conversion_consistency").sum() == 3
    # no growth rate is stated in the article, so none is checked
    assert "growth" not in set(checks["check_type"])
    # figures whose only series row is the article itself are not "checked" against themselves
    assert seq("xj2015") not in set(checks.loc[checks["check_type"] == "official_series", "seq"])
    assert seq("transfer_from") not in set(checks["seq"])


def test_seed_2019_ratio_is_76_57_per_cent_of_the_nbs_figure_which_rounds_to_77(tables):
    row = only(run(tables, build()), "stated_ratio", seq("ratio2019"))
    assert row["expected"] == pytest.approx(100 * 54280 / 70892)
    assert row["observed"] == 76
    assert row["verdict"] == "inconsistent"
    assert row["evidence_source"].startswith("official_series.csv: National Bureau of Statistics")
    assert "54,280 / 70,892 = 76.57 %" in row["explanation"]
    assert "admits 75.50–76.50 % (75.49–76.51 % allowing for the rounding of the inputs)" in row["explanation"]
    assert "truncates" in row["explanation"]


# ------------------------------------------------------------------ stated ratios

def test_stated_ratio_with_both_figures_in_the_sentence(tables):
    row = only(run(tables, build()), "stated_ratio", seq("ratio2015"))
    assert row["expected"] == pytest.approx(100 * 39959 / 49351)        # 80.97 %
    assert row["evidence_seq"] == seq("cn2015")      # the figure it is a share of
    assert "39,959 / 49,351 = 80.97 %" in row["explanation"]
    assert "'about 81 per cent'" in row["explanation"]


def test_stated_ratio_from_the_official_series_when_the_text_names_no_figure(tables):
    row = only(run(tables, build()), "stated_ratio", seq("ratio2020"))
    assert row["expected"] == pytest.approx(100 * 53593 / 72447)         # 73.98 %
    assert row["verdict"] == "consistent"
    assert "China gdp_per_capita 2020 from official_series.csv" in row["explanation"]


def test_a_claimed_90_per_cent_where_the_figures_give_81_is_inconsistent(tables):
    text = replace_in(TEXT, "or about 81 per cent", "or about 90 per cent")
    specs = respec("ratio2015", surface="about 90 per cent", value=90)
    row = only(run(tables, build(specs, text), text), "stated_ratio", seq("ratio2015"))
    assert row["verdict"] == "inconsistent"
    assert row["rel_diff"] == pytest.approx(90 / (100 * 39959 / 49351) - 1)
    assert abs(row["rel_diff"]) > row["tolerance"]


def test_a_ratio_whose_comparison_figure_is_nowhere_is_unverifiable(tables):
    official, fx = tables
    thinned = official[~((official["region"] == "China") & (official["year"] == 2020))]
    checks = run((thinned, fx), build())
    row = only(checks, "stated_ratio", seq("ratio2020"))
    assert row["verdict"] == "unverifiable" and pd.isna(row["expected"])
    assert "China's gdp_per_capita in 2020" in row["explanation"]


def test_a_share_of_employees_is_not_mistaken_for_a_ratio_of_two_amounts(tables):
    checks = run(tables, build())
    assert seq("minority") not in set(checks["seq"])


# ------------------------------------------------------------------ official series

def test_official_series_match_names_the_publication(tables):
    row = only(run(tables, build()), "official_series", seq("xj2020"))
    assert row["expected"] == 53593 and row["observed"] == 53593 and row["rel_diff"] == 0
    assert "Respecting and Protecting the Rights of All Ethnic Groups in Xinjiang" in row["evidence_source"]


def test_official_series_mismatch_is_inconsistent(tables):
    text = replace_in(TEXT, "dipped to 53,593 yuan", "dipped to 55,593 yuan")
    specs = respec("xj2020", surface="55,593 yuan", value=55593)
    row = only(run(tables, build(specs, text), text), "official_series", seq("xj2020"))
    assert row["verdict"] == "inconsistent"
    assert row["rel_diff"] == pytest.approx(55593 / 53593 - 1)


# ------------------------------------------------------------------ conversions

def test_conversion_against_the_publication_year_with_the_period_year_beside_it(tables):
    official, fx = tables
    row = only(run(tables, build()), "conversion", seq("subsidy_usd"))
    usd = fx[fx["currency"] == "USD"].set_index("year")["cny_per_unit"]
    assert row["observed"] == pytest.approx(4000 / 620)
    assert row["expected"] == usd[2021]
    assert row["evidence_seq"] == seq("subsidy")
    assert f"fx_rates.csv 2021 average (publication year): {usd[2021]:.4f}" in row["explanation"]
    assert f"the 2019 average (the figure's own year) was {usd[2019]:.4f}" in row["explanation"]
    assert row["tolerance"] == pytest.approx(5 / 620 + FX_SLACK)
    assert row["evidence_source"].startswith("fx_rates.csv: Federal Reserve Board")


def test_a_conversion_at_a_wrong_rate_is_inconsistent(tables):
    text = replace_in(TEXT, "4,000 yuan (US$620)", "4,000 yuan (US$500)")
    specs = respec("subsidy_usd", surface="US$500", value=500)
    checks = run(tables, build(specs, text), text)
    row = only(checks, "conversion", seq("subsidy_usd"))
    assert row["verdict"] == "inconsistent" and row["observed"] == pytest.approx(8.0)
    # and it disagrees with the article's other conversions
    pairs = checks[(checks["check_type"] == "conversion_consistency")
                   & ((checks["seq"] == seq("subsidy_usd")) | (checks["evidence_seq"] == seq("subsidy_usd")))]
    assert len(pairs) == 2 and (pairs["verdict"] == "inconsistent").all()


def test_a_conversion_with_no_rate_for_any_year_is_unverifiable(tables):
    # Without the ECB data and without fx_rates.csv's dollar rows, nothing prices the dollar.
    official, fx = tables
    no_usd = fx[fx["currency"] != "USD"]
    rates = Rates(no_usd, ecb=EcbRates(None))
    checks = check_claims(normalise(build(), no_usd, PUB, rates=rates), official, no_usd, PUB,
                          rates=rates)
    rows = checks[checks["check_type"] == "conversion"]
    assert set(rows["verdict"]) == {"unverifiable"}
    assert "have a USD/CNY rate for the publication year (2021)" in rows["explanation"].iloc[0]


def test_a_conversion_in_a_year_fx_rates_csv_lacks_is_checked_at_the_ecb_mean_of_that_year(tables):
    official, fx = tables
    checks = run((official, fx[fx["currency"] != "USD"]), build())
    row = only(checks, "conversion", seq("subsidy_usd"))
    assert "ECB reference rates' 2021 mean (publication year)" in row["explanation"]
    assert 6.3 < row["expected"] < 6.6 and row["verdict"] == "consistent"
    assert row["evidence_source"].startswith("ECB euro foreign exchange reference rates")


# A British article dated to the day: the pound lost about 8 % against the dollar in the
# month after 23 September 2022, so the day's rate and the year's average differ visibly.
GBP_TEXT = ("The Treasury said the package would cost £60bn ($65bn) over six months, "
            "and that a further £2.5bn ($2.7bn) would go to councils.")
GBP_HASH = "e" * 64
GBP_SPECS = [
    ("cost", "£60bn", dict(kind="money", value=60e9, unit="GBP", link="cost_usd", link_type="conversion")),
    ("cost_usd", "$65bn", dict(kind="money", value=65e9, unit="USD", link="cost", link_type="conversion")),
    ("councils", "£2.5bn", dict(kind="money", value=2.5e9, unit="GBP", link="councils_usd",
                                link_type="conversion")),
    ("councils_usd", "$2.7bn", dict(kind="money", value=2.7e9, unit="USD", link="councils",
                                    link_type="conversion")),
]


def gbp_checks(tables, pub_date):
    official, fx = tables
    figures = build(GBP_SPECS, GBP_TEXT, GBP_HASH)
    pub = {GBP_HASH: pub_date}
    return check_claims(with_text_cues(normalise(figures, fx, pub), GBP_TEXT), official, fx, pub)


def test_a_conversion_in_an_article_dated_to_the_day_is_checked_at_that_days_rate(tables):
    checks = gbp_checks(tables, "2022-09-26")   # a Monday
    row = only(checks, "conversion", seq("cost_usd", GBP_SPECS))
    ecb = ecb_reference()
    # pounds per dollar, as the article implies (60 / 65 = 0.923)
    day_rate = ecb.on_day("USD", date(2022, 9, 26)).cny_per_unit / ecb.on_day("GBP", date(2022, 9, 26)).cny_per_unit
    assert row["expected"] == pytest.approx(day_rate)
    assert 1 / 1.10 < row["expected"] < 1 / 1.07   # about $1.08 to the pound that day
    assert row["verdict"] == "consistent"
    assert row["tolerance"] == pytest.approx(0.5 / 65 + FX_DAY_SLACK)
    assert "ECB reference rates of 2022-09-26 (publication day 2022-09-26)" in row["explanation"]
    # the year's average stays beside it, for the reader
    annual = float(tables[1].query("year == 2022 and currency == 'USD'")["cny_per_unit"].iloc[0]) / float(
        tables[1].query("year == 2022 and currency == 'GBP'")["cny_per_unit"].iloc[0])
    assert f"the 2022 average was {annual:.4f}" in row["explanation"]


def test_a_weekend_article_takes_the_last_rate_published_before_it(tables):
    checks = gbp_checks(tables, "2022-09-25")   # a Sunday: Friday's rate
    row = only(checks, "conversion", seq("cost_usd", GBP_SPECS))
    assert "ECB reference rates of 2022-09-23 (publication day 2022-09-25)" in row["explanation"]


def test_the_same_article_dated_only_to_the_year_is_checked_at_the_annual_average(tables):
    checks = gbp_checks(tables, "2022")
    row = only(checks, "conversion", seq("cost_usd", GBP_SPECS))
    assert "fx_rates.csv 2022 average (publication year)" in row["explanation"]
    assert 1 / 1.25 < row["expected"] < 1 / 1.22   # the pound averaged about $1.24 in 2022
    assert row["verdict"] == "inconsistent"         # the day's 0.923 is 14 % off the year's 0.808


def test_conversions_within_the_article_agree_with_each_other(tables):
    checks = run(tables, build())
    rows = checks[checks["check_type"] == "conversion_consistency"]
    assert sorted(zip(rows["seq"], rows["evidence_seq"])) == sorted([
        (seq("income_usd"), seq("subsidy_usd")), (seq("park_usd"), seq("subsidy_usd")),
        (seq("park_usd"), seq("income_usd"))])
    park_vs_subsidy = rows[(rows["seq"] == seq("park_usd")) & (rows["evidence_seq"] == seq("subsidy_usd"))].iloc[0]
    assert park_vs_subsidy["expected"] == pytest.approx(4000 / 620)
    assert park_vs_subsidy["observed"] == pytest.approx(3.94e9 / 611e6)


# ------------------------------------------------------------------ growth

GROWTH_SENTENCE = ("From 2014-19, the central budget’s annual transfer payments to Xinjiang expanded from "
                   "263.69 billion to 422.48 billion yuan.")


def growth_case(stated: str, value: float):
    new = GROWTH_SENTENCE.replace("expanded from", f"expanded {stated}, from")
    text = replace_in(TEXT, GROWTH_SENTENCE, new)
    specs = SEED_SPECS[:3] + [("growth", stated, dict(kind="percent", value=value, unit="%",
                                                        period=(2014, 2019), region="Xinjiang",
                                                        metric="transfer payments growth"))] + SEED_SPECS[3:]
    # the percentage comes before the range in the text
    specs = [specs[0], specs[3], specs[1], specs[2]] + specs[4:]
    return text, specs


def test_a_stated_growth_rate_that_matches_from_x_to_y(tables):
    text, specs = growth_case("60.2 per cent", 60.2)
    row = only(run(tables, build(specs, text), text), "growth", seq("growth", specs))
    assert row["expected"] == pytest.approx(100 * (422.48 / 263.69 - 1))   # 60.22 %
    assert row["verdict"] == "consistent"
    assert "422.48 billion / 263.69 billion − 1 = +60.22 %" in row["explanation"]


def test_a_stated_growth_rate_that_does_not_match_is_inconsistent(tables):
    text, specs = growth_case("80 per cent", 80)
    row = only(run(tables, build(specs, text), text), "growth", seq("growth", specs))
    assert row["verdict"] == "inconsistent"


# ------------------------------------------------------------------ parts and wholes

def test_a_part_not_larger_than_its_whole(tables):
    row = only(run(tables, build()), "part_whole", seq("coastal"))
    assert row["expected"] == 151000 and row["observed"] == 114700
    assert row["evidence_seq"] == seq("labourers")
    assert "114,700 ≤ 151,000 (share 76.0 %" in row["explanation"]


def test_a_part_larger_than_its_whole_is_inconsistent(tables):
    text = replace_in(TEXT, "114,700 were in coastal", "164,700 were in coastal")
    specs = respec("coastal", surface="164,700", value=164700)
    row = only(run(tables, build(specs, text), text), "part_whole", seq("coastal"))
    assert row["verdict"] == "inconsistent"
    assert "164,700 > 151,000" in row["explanation"]


def test_part_whole_needs_the_text_and_is_skipped_without_it(tables):
    checks = run(tables, build(), text=None)
    assert "part_whole" not in set(checks["check_type"])
    # ratios still work from the offsets alone
    assert only(checks, "stated_ratio", seq("ratio2015"))["verdict"] == "consistent"


# ------------------------------------------------------------------ tolerances

@pytest.mark.parametrize("surface, value, half", [
    ("76 per cent", 76, 0.5),
    ("US$620", 620, 5),
    ("US$7,000", 7000, 500),
    ("3.94 billion yuan", 3.94e9, 0.005e9),
    ("US$611 million", 611e6, 0.5e6),
    ("151,000", 151000, 500),
    ("263.69 billion", 263.69e9, 0.005e9),
    ("about 81 per cent", 81, 0.5),
    ("three million", 3e6, 0.5e6),
])
def test_rounding_band_of_the_stated_precision(surface, value, half):
    assert half_unit(surface, value) == pytest.approx(half)


def test_no_figures_give_an_empty_claim_check_frame(tables):
    official, fx = tables
    empty = build()[0:0]
    checks = check_claims(normalise(empty, fx, PUB), official, fx, PUB)
    assert checks.empty
    ClaimChecks.validate(checks)


def test_ratio_after_a_converted_amount_is_about_the_amount_not_its_conversion(tables):
    text = replace_in(TEXT, "had an annual per capita income of more than 45,000 yuan (US$7,000).",
                      "had an annual per capita income of 45,000 yuan (US$7,000) – or 62 per cent of "
                      "China's per capita GDP of 72,447 yuan.")
    specs = respec("income", surface="45,000 yuan", qualifier="exact", region="Xinjiang",
                   metric="gdp_per_capita")
    i = seq("income_usd")
    specs = specs[:i + 1] + [
        ("share", "62 per cent", dict(kind="percent", value=62, unit="%", period=(2020, 2020))),
        ("cn2020", "72,447 yuan", dict(kind="money", value=72447, unit="CNY", period=(2020, 2020),
                                       region="China", metric="gdp_per_capita")),
    ] + specs[i + 1:]
    row = only(run(tables, build(specs, text), text), "stated_ratio", seq("share", specs))
    assert row["expected"] == pytest.approx(100 * 45000 / 72447)     # 62.11 %
    assert row["verdict"] == "consistent"


def test_without_regions_the_national_figure_is_the_only_other_region_in_the_series(tables):
    checks = run(tables, build(), regions=None)
    row = only(checks, "stated_ratio", seq("ratio2020"))
    assert row["verdict"] == "consistent" and "China gdp_per_capita 2020" in row["explanation"]


def test_a_percentage_near_a_range_without_a_growth_word_is_not_a_growth_claim(tables):
    new = GROWTH_SENTENCE.replace("yuan.", "yuan, 62 per cent of it for southern Xinjiang.")
    text = replace_in(TEXT, GROWTH_SENTENCE, new)
    specs = SEED_SPECS[:3] + [("south", "62 per cent", dict(kind="percent", value=62, unit="%",
                                                              period=(2014, 2019), region="Xinjiang"))] + SEED_SPECS[3:]
    checks = run(tables, build(specs, text), text)
    assert "growth" not in set(checks["check_type"])


# ------------------------------------------------------------------ properties


def conversion_frame(cny: int, usd: int) -> pd.DataFrame:
    text = f"a grant of {cny:,} yuan (US${usd:,}) was paid"
    specs = [("cny", f"{cny:,} yuan", dict(kind="money", value=cny, unit="CNY", link="usd", link_type="conversion")),
             ("usd", f"US${usd:,}", dict(kind="money", value=usd, unit="USD", link="cny", link_type="conversion"))]
    return build(specs, text, "c" * 64)


@settings(max_examples=60, deadline=None)
@given(cny=st.integers(min_value=1_000, max_value=10**12), day_move=st.floats(min_value=-0.019, max_value=0.019))
def test_any_conversion_at_the_days_rate_rounded_as_newspapers_do_is_consistent(tables, cny, day_move):
    official, fx = tables
    rate_2021 = float(fx.loc[(fx["year"] == 2021) & (fx["currency"] == "USD"), "cny_per_unit"].iloc[0])
    exact = cny / (rate_2021 * (1 + day_move))
    digits = len(str(int(exact))) - 3          # three significant figures
    usd = int(round(exact, -digits)) if digits > 0 else int(round(exact))
    checks = check_claims(conversion_frame(cny, usd), official, fx, {"c" * 64: 2021})
    assert checks.loc[checks["check_type"] == "conversion", "verdict"].tolist() == ["consistent"]


@settings(max_examples=60, deadline=None)
@given(cny=st.integers(min_value=1_000, max_value=10**12), off=st.sampled_from([0.8, 0.85, 1.15, 1.3]))
def test_any_conversion_at_a_rate_15_per_cent_off_is_inconsistent(tables, cny, off):
    official, fx = tables
    rate_2021 = float(fx.loc[(fx["year"] == 2021) & (fx["currency"] == "USD"), "cny_per_unit"].iloc[0])
    exact = cny / (rate_2021 * off)
    digits = len(str(int(exact))) - 3
    usd = int(round(exact, -digits)) if digits > 0 else int(round(exact))
    # "US$1,000" reads as rounded to the thousand (±50 %): such a figure cannot be wrong by 15 %
    assume(half_unit(f"US${usd:,}", usd) / usd < 0.01)
    checks = check_claims(conversion_frame(cny, usd), official, fx, {"c" * 64: 2021})
    assert checks.loc[checks["check_type"] == "conversion", "verdict"].tolist() == ["inconsistent"]


def test_with_no_publication_year_a_conversion_is_checked_at_its_own_years_rate(tables):
    official, fx = tables
    figures = normalise(build(), fx, {HASH: None})
    checks = check_claims(figures, official, fx, {HASH: None})
    row = only(checks, "conversion", seq("subsidy_usd"))
    usd_2019 = float(fx.loc[(fx["year"] == 2019) & (fx["currency"] == "USD"), "cny_per_unit"].iloc[0])
    assert row["expected"] == usd_2019
    assert "no rate for the publication year" in row["explanation"]
    # at the 2019 average (6.91) 4,000 yuan would have been US$579, not US$620
    assert row["verdict"] == "inconsistent"
