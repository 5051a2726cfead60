"""Periods as a reader reads them (FORMAT.md, "Periods"; issue 13), one rule per test.

Every sentence here is written for these tests (several economies, varied wording); none is
taken from a benchmark set. A case is (text, publication date, {figure surface: (start, end)}):
only the figures named are asserted.
"""
from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pytest

from flows.cli_extract import load_tables
from tasks.extract import parse_figures
from tasks.extract.periods import calendar_of, current_fiscal, fiscal_year

ROOT = Path(__file__).resolve().parents[1]
REGIONS, METRICS = load_tables(ROOT / "raw" / "tables")


def periods(text: str, pub: str | None) -> dict[str, tuple[int | None, int | None]]:
    return {f.surface: (f.period_start, f.period_end)
            for f in parse_figures(text, pub, regions=REGIONS, metrics=METRICS)}


def check(text: str, pub: str | None, expected: dict) -> None:
    got = periods(text, pub)
    assert {k: got.get(k, "missing") for k in expected} == expected, got


def check_days(text: str, pub: str | None, expected: dict) -> None:
    """Like ``check``, of each named figure's (granularity, first day, last day)."""
    got = {f.surface: (f.period_granularity, str(f.period_first_day), str(f.period_last_day))
           for f in parse_figures(text, pub, regions=REGIONS, metrics=METRICS)}
    assert {k: got.get(k, "missing") for k in expected} == expected, got


def cases(rows):
    return pytest.mark.parametrize("text,pub,expected", rows, ids=[r[0][:70] for r in rows])


# --- fiscal calendars ------------------------------------------------------------------------
def test_a_fiscal_year_written_with_both_years_takes_both_whatever_the_country():
    check("Pakistan's tax take reached Rs9.3 trillion in FY2023-24.", "2024-07-10",
          {"Rs9.3 trillion": (2023, 2024)})
    check("Scotland will spend £1.2 billion on rail in 2024/25.", "2024-03-01",
          {"£1.2 billion": (2024, 2025)})
    check("Kenya's deficit narrowed to 5.4 per cent of GDP in FY 2013/14.", "2014-09-01",
          {"5.4 per cent": (2013, 2014)})
    check("Victoria's budget for 2019-20 forecast a surplus of A$1.3 billion.", "2019-05-28",
          {"A$1.3 billion": (2019, 2020)})


def test_fiscal_n_in_india_ends_in_march_of_year_n():
    check("India's fiscal deficit is projected at 4.4 per cent of GDP in fiscal 2026.", "2025-02-02",
          {"4.4 per cent": (2025, 2026)})


def test_fiscal_n_in_japan_begins_in_april_of_year_n():
    check("Japan's government expects tax revenue of 69.6 trillion yen in fiscal 2023.", "2023-01-10",
          {"69.6 trillion yen": (2023, 2024)})


def test_the_us_federal_fiscal_year_begins_in_october_of_the_year_before():
    check("The US federal deficit reached $1.7 trillion in fiscal 2023.", "2023-10-20",
          {"$1.7 trillion": (2022, 2023)})


def test_every_country_of_the_fiscal_year_table_has_its_calendar_and_a_source():
    rows = list(csv.DictReader((ROOT / "tasks" / "extract" / "fiscal_years.csv").open(encoding="utf-8")))
    assert len(rows) == len({r["place"] for r in rows}) >= 40
    for r in rows:
        assert 2 <= int(r["first_month"]) <= 12 and r["named_by"] in ("start", "end") and r["source"].strip(), r


US_STATES = [
    ("California's general fund will spend $211.5 billion in fiscal 2025.", "2024-07-01", {"$211.5 billion": (2024, 2025)}),
    ("Ohio's $86 billion budget for fiscal 2026 passed the legislature.", "2025-06-20", {"$86 billion": (2025, 2026)}),
    ("Texas expects revenue of $149 billion in fiscal 2026.", "2025-10-01", {"$149 billion": (2025, 2026)}),
    ("New York's enacted budget spends $237 billion in fiscal 2026.", "2025-05-09", {"$237 billion": (2025, 2026)}),
    # the federal government keeps its October year
    ("The US federal deficit reached $1.8 trillion in fiscal 2024.", "2024-10-08", {"$1.8 trillion": (2023, 2024)}),
]


@cases(US_STATES)
def test_a_us_states_fiscal_year_is_its_own_not_the_federal_one(text, pub, expected):
    check(text, pub, expected)


def test_a_fiscal_year_from_october_takes_the_calendar_year_before_its_name_too():
    check("Thailand's budget deficit reached 4.5 percent of GDP in fiscal 2025.", "2025-11-03",
          {"4.5 percent": (2024, 2025)})


def test_a_fiscal_year_from_july_in_east_africa_and_south_asia_crosses_two_years():
    check("Uganda's economy grew 6.1 percent in fiscal 2025, the finance ministry said.", "2025-08-12",
          {"6.1 percent": (2024, 2025)})
    check("Nepal's remittance inflows rose 16 percent in fiscal 2024.", "2024-09-01",
          {"16 percent": (2023, 2024)})


def test_the_countries_own_names_point_a_text_to_their_fiscal_calendar():
    assert calendar_of(None, "Thailand's cabinet approved the fiscal 2026 budget bill.") == (10, False)
    # "Indian" is no part of "Indiana", whose year starts in July like most US states'
    assert calendar_of(None, "Indiana's fiscal year budget") == (7, False)


def test_a_fiscal_year_in_a_calendar_year_country_is_that_calendar_year():
    check("Germany's federal budget foresees 476 billion euros of spending in fiscal 2024.", "2023-07-05",
          {"476 billion euros": (2024, 2024)})


def test_a_company_year_follows_the_end_the_text_states():
    check("Nintendo expects a net profit of 340 billion yen in fiscal 2016, the year ending March 2017.",
          "2016-04-27", {"340 billion yen": (2016, 2017)})
    assert calendar_of(None, "Its business year ends in June.") == (7, False)
    assert calendar_of(None, "Results for the year ended 31 March.") == (4, False)


def test_the_current_business_year_is_the_fiscal_year_under_way_at_publication():
    check("Hitachi raised its forecast for the current business year to 1.1 trillion yen.", "2023-10-27",
          {"1.1 trillion yen": (2023, 2024)})
    check("Hitachi raised its forecast for the current business year to 1.1 trillion yen.", "2024-02-05",
          {"1.1 trillion yen": (2023, 2024)})
    check("Infosys expects sales to grow 4 per cent this fiscal year, as Indian IT spending slows.",
          "2024-07-18", {"4 per cent": (2024, 2025)})
    check("BMW expects margins of 8 per cent in the current business year.", "2024-03-14",
          {"8 per cent": (2024, 2024)})


def test_last_and_next_fiscal_year_count_from_the_one_under_way():
    check("Australia's government recorded a surplus of A$15.8 billion last financial year.", "2024-09-30",
          {"A$15.8 billion": (2023, 2024)})
    check("Wellington expects New Zealand's deficit to reach NZ$9 billion next fiscal year.", "2024-12-17",
          {"NZ$9 billion": (2025, 2026)})


def test_next_years_budget_is_the_fiscal_year_that_begins_next_year():
    check("Treasury says the New South Wales deficit will shrink to A$800 million in next year's budget.",
          "2024-06-18", {"A$800 million": (2025, 2026)})


def test_a_year_before_a_fiscal_year_is_the_fiscal_year_before():
    check("Wipro earned Rs 11,000 crore in FY2023-24, against Rs 11,350 crore a year earlier.", "2024-05-01",
          {"Rs 11,000 crore": (2023, 2024), "Rs 11,350 crore": (2022, 2023)})


def test_fiscal_helpers():
    assert fiscal_year(2016, (4, True)) == (2016, 2017)
    assert fiscal_year(2016, (7, False)) == (2015, 2016)
    assert fiscal_year(2016, (1, False)) == (2016, 2016)
    assert current_fiscal(2024, 3, (4, False)) == (2023, 2024)
    assert current_fiscal(2024, 4, (4, False)) == (2024, 2025)


def test_a_fiscal_year_carries_on_to_the_next_sentence():
    check("The Queensland budget shows a A$2 billion deficit for 2025-26. Health spending rises "
          "9 per cent.", "2025-06-24", {"A$2 billion": (2025, 2026), "9 per cent": (2025, 2026)})


# --- halves, quarters, months ----------------------------------------------------------------
PARTS_OF_YEARS = [
    ("Brazil's GDP grew 0.9 per cent in Q3 2017.", "2017-12-01", {"0.9 per cent": (2017, 2017)}),
    ("Chile exported $12 billion of copper in the first four months of 2023.", "2023-06-01",
     {"$12 billion": (2023, 2023)}),
    ("Wesfarmers reported a profit of A$1.2 billion for the half year ended 31 January 2011.", "2011-03-01",
     {"A$1.2 billion": (2010, 2011)}),
    ("Tesco's sales rose 4 per cent to £32 billion in the six months to August.", "2023-10-04",
     {"£32 billion": (2023, 2023)}),
    ("Ocado lost £150 million in the six months to March.", "2024-04-20", {"£150 million": (2023, 2024)}),
    ("Canadian home sales totalled 480,000 in the 12 months to March 2022.", "2022-04-15",
     {"480,000": (2021, 2022)}),
    ("Turnover reached 40 billion rand in the nine months ended September 30, 2023.", "2023-11-01",
     {"40 billion rand": (2023, 2023)}),
    ("Qantas earned A$2.5 billion in the year to June 2023.", "2023-08-24", {"A$2.5 billion": (2022, 2023)}),
    ("In the second quarter, Hyundai sold 1.1 million cars.", "2024-07-25", {"1.1 million cars": (2024, 2024)}),
    ("In the July-September quarter, Wipro's profit rose 21% to Rs 3,209 crore.", "2024-10-17",
     {"Rs 3,209 crore": (2024, 2024)}),
    ("Israel's exports fell 4% in November-February.", "2024-03-20", {"4%": (2023, 2024)}),
    ("In the first nine months of fiscal 2024, US sportswear maker Nike sold $38 billion of shoes.", "2024-04-01",
     {"nine months": (2023, 2024)}),
]


@cases([
    ("Jordan's CPI rose 1.72% in the first quarter of the current year.", "2024-04-08",
     {"1.72%": ("quarter", "2024-01-01", "2024-03-31")}),
    ("Exports fell 3% in the second half of last year.", "2024-04-08", {"3%": ("half", "2023-07-01", "2023-12-31")}),
])
def test_a_part_of_this_or_last_year_is_that_part(text, pub, expected):
    check_days(text, pub, expected)


@cases([
    ("Revenue for 1H25 was A$3.2 billion.", "2025-08-20", {"A$3.2 billion": ("half", "2025-01-01", "2025-06-30")}),
    ("Profit in 3Q24 rose 8% to S$1.2 billion.", "2024-11-08", {"S$1.2 billion": ("quarter", "2024-07-01", "2024-09-30")}),
    ("In 9M 2024, sales reached $40 billion.", "2024-10-30", {"$40 billion": ("month", "2024-01-01", "2024-09-30")}),
    ("The 2H 2023 dividend was 45 cents.", "2024-02-20", {"45 cents": ("half", "2023-07-01", "2023-12-31")}),
])
def test_a_results_label_1h25_3q24_9m24_is_that_part_of_the_year(text, pub, expected):
    check_days(text, pub, expected)


@cases(PARTS_OF_YEARS)
def test_halves_quarters_and_stretches_of_months_take_the_years_their_months_fall_in(text, pub, expected):
    check(text, pub, expected)


def test_the_twelve_months_to_a_month_are_two_years_and_date_their_figures_by_the_months_they_cover():
    check("Mexican consumer prices rose 4.7 per cent in the 12 months to May.", "2024-06-10",
          {"4.7 per cent": (2023, 2024), "12 months": (2023, 2024)})
    check("Swiss prices rose 1.7 per cent in the 12 months to December.", "2024-01-08",
          {"1.7 per cent": (2023, 2023), "12 months": (2022, 2023)})


# --- changes against a base --------------------------------------------------------------------
BASES = [
    ("Vietnam's GDP growth in the second quarter was 3.74 percentage points higher than the "
     "corresponding quarter of 2016.", "2017-07-05", {"3.74 percentage points": (2016, 2017)}),
    ("Holiday bookings at Jet2 are 55% ahead of this time last year.", "2023-03-01", {"55%": (2022, 2023)}),
    ("Nigeria's oil output in 2022 was 12 per cent lower than in 2021.", "2023-01-20",
     {"12 per cent": (2021, 2022)}),
    ("Ford's first-half profit jumped 30 per cent compared with the same period last year.", "2023-07-27",
     {"30 per cent": (2022, 2023)}),
    ("Thai exports in the first quarter of 2024 were up 12 per cent on the same quarter of 2023.", "2024-05-01",
     {"12 per cent": (2023, 2024)}),
    ("Air traffic in Spain rose 5% from March 2019 levels.", "2023-04-15",
     {"5%": (2019, 2023)}),
]


@cases(BASES)
def test_a_change_against_a_named_base_runs_from_the_base_to_its_own_year(text, pub, expected):
    check(text, pub, expected)


def test_a_year_on_year_rate_keeps_its_own_period_and_the_year_ago_level_takes_the_year_before():
    check("Toyota's operating profit rose 20 per cent year-on-year to 1.3 trillion yen, up from "
          "1.1 trillion yen a year ago.", "2024-08-01",
          {"20 per cent": (2024, 2024), "1.3 trillion yen": (2024, 2024), "1.1 trillion yen": (2023, 2023)})
    check("Exports from Peru climbed 8% from the same period last year.", "2024-05-01", {"8%": (2024, 2024)})


def test_a_year_ago_base_does_not_become_the_period_of_later_sentences():
    check("Kia's second-quarter profit rose to 3.6 trillion won from 3.4 trillion won a year ago. "
          "Sales grew 2% to 27 trillion won.", "2024-07-26",
          {"3.4 trillion won": (2023, 2023), "2%": (2024, 2024), "27 trillion won": (2024, 2024)})


# --- superlatives and spans ------------------------------------------------------------------
SPANS = [
    ("Norway's jobless rate hit a record for the first time in 18 years.", "2022-05-01",
     {"18 years": (2004, 2022)}),
    ("Inflation in Turkey is the highest in nearly 30 years.", "2022-10-05", {"nearly 30 years": (1992, 2022)}),
    ("Ghana's cocoa output fell by a third over the past five years.", "2024-09-01",
     {"five years": (2019, 2024)}),
    ("Egypt plans to attract $100 billion over the next 10 years.", "2023-05-01", {"$100 billion": (2023, 2033)}),
    ("Indonesia wants to raise nickel output to 2 million tonnes by 2030.", "2024-02-01",
     {"2 million tonnes": (2024, 2030)}),
    ("Colombia has drawn $20 billion of investment since 2018.", "2023-03-01", {"$20 billion": (2018, 2023)}),
]


@cases(SPANS)
def test_superlative_and_span_expressions_run_between_their_years(text, pub, expected):
    check(text, pub, expected)


def test_a_record_span_is_the_period_of_its_duration_not_of_the_other_figures():
    check("Unemployment in Poland fell to 2.8 per cent in May, the lowest in 30 years.", "2023-06-30",
          {"2.8 per cent": (2023, 2023), "30 years": (1993, 2023)})


def test_when_a_record_was_last_matched_is_no_period_for_later_sentences():
    check("In the third quarter, LG posted a profit of 1 trillion won for the first time in six quarters, "
          "the last instance being in the first quarter of 2022. Sales rose 4% to 20 trillion won.",
          "2023-10-27", {"1 trillion won": (2023, 2023), "4%": (2023, 2023), "20 trillion won": (2023, 2023)})


# --- what carries to the next sentence -------------------------------------------------------
def test_a_date_still_to_come_does_not_carry_but_the_text_own_period_does():
    check("In 2024, Vietnam exported $405 billion of goods. The ministry will publish details in "
          "September. Rice exports reached 9 million tonnes.", "2025-02-10",
          {"$405 billion": (2024, 2024), "9 million tonnes": (2024, 2024)})


def test_a_dateline_is_when_the_story_was_filed_not_a_period():
    check("OTTAWA, Jan 24 (Reuters) - Canada's jobless rate is 6.5 per cent, the agency said.",
          "2024-01-25", {"6.5 per cent": (None, None)})
    check("LONDON, April 24 (Reuters) - Britain borrowed £120 billion in the financial year to March, "
          "£6 billion more than forecast.", "2024-04-24", {"£6 billion": (2023, 2024)})


def test_a_month_that_names_an_event_is_no_date_of_the_figures():
    check("In 2023, Argentina's inflation reached 211 per cent. Ahead of the October election, "
          "the peso fell 20 per cent.", "2024-01-12", {"20 per cent": (2023, 2023)})


def test_a_month_ahead_in_a_sentence_about_the_future_is_this_years_or_the_next():
    check("The Philippines will start paying a 2,000-peso bonus in September.", "2025-02-25",
          {"2,000-peso": (2025, 2025)})
    check("Thailand will raise the minimum wage to 400 baht in January.", "2024-11-20",
          {"400 baht": (2025, 2025)})


def test_a_month_in_a_sentence_about_the_past_is_the_latest_such_month():
    check("Exports from Chile fell 3% in October due to weak copper demand.", "2024-03-15", {"3%": (2023, 2023)})
    check("Polish retail sales grew less than expected, rising 2% in November.", "2024-01-20", {"2%": (2023, 2023)})


def test_the_same_period_carries_the_period_it_refers_to():
    check("In 2022, Kenya's tea exports earned $1.3 billion. Coffee earned $230 million in the same period.",
          "2023-03-01", {"$230 million": (2022, 2022)})


# --- no publication date ---------------------------------------------------------------------
UNDATED = [
    ("Revenue in Morocco rose 6 per cent last year.", {"6 per cent": (None, None)}),
    ("The firm expects sales of $3 billion in the current fiscal year.", {"$3 billion": (None, None)}),
    ("Prices rose 3% in the six months to June.", {"3%": (None, None)}),
    ("Peru's inflation is the highest in 20 years.", {"20 years": (None, None)}),
    ("Sales jumped 40% ahead of this time last year.", {"40%": (None, None)}),
    ("Chile will spend $2 billion next year's budget.", {"$2 billion": (None, None)}),
]


@pytest.mark.parametrize("text,expected", UNDATED, ids=[r[0][:60] for r in UNDATED])
def test_an_article_without_a_date_gets_no_year_from_a_relative_expression(text, expected):
    check(text, None, expected)


UNDATED_BESIDE_A_YEAR = [
    # the relative date is the figure's own: the year written beside it belongs to another figure
    ("Growth is forecast at 2.3% in 2025 after just 0.5% last year.", {"2.3%": (2025, 2025), "0.5%": (None, None)}),
    ("Peru's GDP grew 2.6% this year and is seen growing 3.1% in 2027.", {"2.6%": (None, None), "3.1%": (2027, 2027)}),
    ("In 2019 the mine produced 40,000 tonnes. A year ago output was 38,000 tonnes.",
     {"40,000 tonnes": (2019, 2019), "38,000 tonnes": (None, None)}),
    # nor is a relative date carried as a year into the sentences after it
    ("Mining royalties rose last year. Royalties were 964 million rand.", {"964 million rand": (None, None)}),
]


@pytest.mark.parametrize("text,expected", UNDATED_BESIDE_A_YEAR, ids=[r[0][:60] for r in UNDATED_BESIDE_A_YEAR])
def test_an_article_without_a_date_leaves_a_relative_date_unknown_rather_than_taking_a_year_beside_it(text, expected):
    check(text, None, expected)


def test_an_article_without_a_date_reads_the_years_a_relative_span_writes():
    check("Growth will average 1.8 per cent over the next four years to 2020/21.", None,
          {"1.8 per cent": (2017, 2021)})


def test_an_article_without_a_date_still_reads_its_written_years():
    check("In fiscal 2019-20 revenue was Rs 2 lakh crore; a year earlier it was Rs 1.8 lakh crore.", None,
          {"Rs 2 lakh crore": (2019, 2020)})


# --- granularity and first / last day ----------------------------------------------------------
def details(text: str, pub: str | None) -> dict[str, tuple]:
    return {f.surface: (f.period_granularity, f.period_first_day, f.period_last_day)
            for f in parse_figures(text, pub, regions=REGIONS, metrics=METRICS)}


GRAINS = [
    ("Brazil's GDP grew 0.9 per cent in Q3 2017.", "2017-12-01", "0.9 per cent",
     ("quarter", date(2017, 7, 1), date(2017, 9, 30))),
    ("In the first half of 2024, Malaysia's exports rose 5.1 per cent.", "2024-08-01", "5.1 per cent",
     ("half", date(2024, 1, 1), date(2024, 6, 30))),
    ("Exports from Chile fell 7.5 per cent in October.", "2024-03-15", "7.5 per cent",
     ("month", date(2023, 10, 1), date(2023, 10, 31))),
    ("On 30 June 2023, Zambia's reserves stood at $3 billion.", "2023-08-01", "$3 billion",
     ("day", date(2023, 6, 30), date(2023, 6, 30))),
    ("Morocco's tourism revenue reached $10 billion in 2023.", "2024-01-10", "$10 billion",
     ("year", date(2023, 1, 1), date(2023, 12, 31))),
    ("India's fiscal deficit was 6.4 per cent of GDP in 2022-23.", "2023-05-31", "6.4 per cent",
     ("fiscal_year", date(2022, 4, 1), date(2023, 3, 31))),
    ("The US federal deficit reached $1.7 trillion in fiscal 2023.", "2023-10-20", "$1.7 trillion",
     ("fiscal_year", date(2022, 10, 1), date(2023, 9, 30))),
    ("Between 2015 and 2020, Ethiopia built 3,000 km of roads.", "2021-01-01", "3,000 km",
     ("multi_year", date(2015, 1, 1), date(2020, 12, 31))),
    ("Ocado lost £150 million in the six months to March.", "2024-04-20", "£150 million",
     ("half", date(2023, 10, 1), date(2024, 3, 31))),
    ("In the April-June quarter, HDFC Bank's profit rose 35% to Rs 16,175 crore.", "2024-07-20",
     "Rs 16,175 crore", ("quarter", date(2024, 4, 1), date(2024, 6, 30))),
    ("The Reserve Bank of India expects growth of 7.2% in 2024-25.", "2024-06-07", "7.2%",
     ("fiscal_year", date(2024, 4, 1), date(2025, 3, 31))),
    ("Canada's deficit reached C$40 billion in the financial year to March.", "2024-05-01", "C$40 billion",
     ("fiscal_year", date(2023, 4, 1), date(2024, 3, 31))),
    ("Over the past six months, Chile's peso lost 9 per cent.", "2024-05-20", "9 per cent",
     ("half", date(2023, 11, 1), date(2024, 4, 30))),
    ("Nestlé's sales were 2% below the year-ago level of 45 billion francs.", "2024-07-25", "45 billion francs",
     ("year", date(2023, 1, 1), date(2023, 12, 31))),
]


@pytest.mark.parametrize("text,pub,surface,expected", GRAINS, ids=[g[0][:60] for g in GRAINS])
def test_each_figure_knows_its_periods_granularity_and_first_and_last_day(text, pub, surface, expected):
    assert details(text, pub)[surface] == expected


@cases([
    ("Vietnam drew $9.3 billion of foreign investment in the first four months of 2024.", "2024-05-10",
     {"$9.3 billion": ("month", date(2024, 1, 1), date(2024, 4, 30))}),
    ("Car sales in Thailand fell 7 per cent in the first three quarters of 2023.", "2024-01-05",
     {"7 per cent": ("month", date(2023, 1, 1), date(2023, 9, 30))}),
    ("In the last two months of 2022, Peru's copper exports dropped 9 per cent.", "2023-02-01",
     {"9 per cent": ("month", date(2022, 11, 1), date(2022, 12, 31))}),
])
def test_the_first_or_last_months_of_a_named_year_are_those_months_of_it(text, pub, expected):
    assert {k: details(text, pub)[k] for k in expected} == expected


@cases([
    ("India's GDP grew 8.2% in 2023-24. Gujarat's economy expanded 9.1% in the same year.", "2024-06-01",
     {"9.1%": ("fiscal_year", date(2023, 4, 1), date(2024, 3, 31))}),
    ("Poland's exports rose 5% in the third quarter of 2023. Imports fell 2% in the same period.", "2024-01-15",
     {"2%": ("quarter", date(2023, 7, 1), date(2023, 9, 30))}),
])
def test_the_same_year_or_period_has_the_days_of_the_one_it_names_again(text, pub, expected):
    assert {k: details(text, pub)[k] for k in expected} == expected


def test_a_figure_without_a_period_has_no_granularity_or_days():
    assert details("Revenue in Kenya was 5 billion shillings.", None)["5 billion shillings"] == (None, None, None)


def test_first_and_last_days_lie_within_the_period_years():
    texts = [t for t, *_ in PARTS_OF_YEARS + BASES + SPANS] + [g[0] for g in GRAINS]
    for text in texts:
        for f in parse_figures(text, "2024-05-15", regions=REGIONS, metrics=METRICS):
            if f.period_first_day is not None:
                assert f.period_start <= f.period_first_day.year, (text, f)
            if f.period_last_day is not None:
                assert f.period_first_day <= f.period_last_day <= date(f.period_end, 12, 31), (text, f)


# --- spans bounded by two fiscal years -------------------------------------------------------
FISCAL_SPANS = [
    ("Lagos State has spent ₦1.2 trillion on roads since the 2015/16 financial year to the 2022/23 "
     "financial year.", "2023-09-01", {"₦1.2 trillion": (2015, 2023)}),
    ("From FY2017-18 to FY2022-23, Bangladesh's remittances totalled $120 billion.", "2023-08-01",
     {"$120 billion": (2017, 2023)}),
    ("Between 2016-17 and 2021-22, Indian states borrowed Rs 30 lakh crore.", "2022-07-01",
     {"Rs 30 lakh crore": (2016, 2022)}),
    ("Ontario collected C$4 billion in carbon levies from the 2018/19 fiscal year (when the levy "
     "began) to the 2021/22 fiscal year.", "2022-10-01", {"C$4 billion": (2018, 2022)}),
]


@cases(FISCAL_SPANS)
def test_two_fiscal_years_joined_by_to_or_between_and_bound_one_span(text, pub, expected):
    check(text, pub, expected)


def test_fiscal_years_at_the_two_ends_of_a_change_keep_their_own_years():
    check("Tax revenue in Karnataka rose from Rs 1.1 lakh crore in 2019-20 to Rs 1.6 lakh crore in 2023-24.",
          "2024-03-01", {"Rs 1.1 lakh crore": (2019, 2020), "Rs 1.6 lakh crore": (2023, 2024)})


def test_two_fiscal_years_joined_by_and_alone_are_not_a_span():
    # the figure takes the fiscal year written right after it, not 2022-2024
    check("Pakistan repaid $9 billion in 2022-23 and 2023-24.", "2024-08-01",
          {"$9 billion": (2022, 2023)})


def test_a_total_so_far_after_the_last_year_of_a_span_takes_the_whole_span():
    check("From 2010 to 2023, Ghana's districts received GH¢30 billion in transfers. In 2023 alone, "
          "GH¢4 billion was paid. Accra has received GH¢2.5 billion, and the northern districts have "
          "got GH¢900 million over the period.", "2024-03-01",
          {"GH¢4 billion": (2023, 2023), "GH¢2.5 billion": (2010, 2023), "GH¢900 million": (2010, 2023)})


def test_a_later_single_year_outside_the_span_ends_it():
    check("From 2010 to 2020, Peru's mines produced 20 million tonnes of copper. In 2023, output "
          "reached 2.7 million tonnes. Exports have risen 5 per cent.", "2024-03-01",
          {"5 per cent": (2023, 2023)})


# --- "over N years" ----------------------------------------------------------------------------
OVER_YEARS = [
    ("Victoria's budget sets aside A$20 billion over four years for hospitals.", "2024-05-07",
     {"A$20 billion": (2024, 2028), "four years": (2024, 2028)}),
    ("Ottawa will spend C$8 billion over five years on housing.", "2023-03-28", {"C$8 billion": (2023, 2028)}),
    ("A €12 billion package over three years is to modernise Polish railways.", "2024-09-01",
     {"€12 billion": (2024, 2027)}),
    ("Vietnam's coffee exports rose 60 per cent over five years.", "2024-10-01", {"60 per cent": (2019, 2024)}),
]


@cases(OVER_YEARS)
def test_money_set_aside_over_n_years_runs_ahead_and_a_change_over_n_years_runs_to_now(text, pub, expected):
    check(text, pub, expected)


def test_over_n_years_without_a_plan_or_a_change_is_no_period():
    check("Chilean pensions pay 200,000 pesos a month to people aged over 65 years.", "2024-05-07",
          {"200,000 pesos a month": (None, None)})
    check("Sales rose 40 per cent over four years.", None, {"40 per cent": (None, None)})


# --- more bases of a change ----------------------------------------------------------------------
PART_BASES = [
    ("Indonesia's car sales rose 6 per cent compared with the first quarter of 2023.", "2024-04-20",
     {"6 per cent": (2023, 2024)}),
    ("Peru's mining output was 4% higher than in the second half of 2022.", "2023-08-15", {"4%": (2022, 2023)}),
    ("Samsung's chip revenue was up 23 per cent from Q2 2023.", "2024-07-31", {"23 per cent": (2023, 2024)}),
    ("Pub sales in Scotland were 8% up on last year.", "2024-08-20", {"8%": (2023, 2024)}),
    ("Air New Zealand's bookings are 12 per cent up on the same time last year.", "2024-01-15",
     {"12 per cent": (2023, 2024)}),
]


@cases(PART_BASES)
def test_a_change_against_part_of_a_year_or_on_last_year_runs_from_the_base(text, pub, expected):
    check(text, pub, expected)


def test_the_past_n_months_are_the_whole_months_before_publication():
    check("Over the past 12 months, Egypt's urban inflation ran at 33 per cent.", "2024-04-10",
          {"12 months": (2023, 2024), "33 per cent": (2023, 2024)})
    check("In the last three months, Kenya's shilling gained 15 per cent.", "2024-05-02",
          {"15 per cent": (2024, 2024)})
    check("In the last three months, Kenya's shilling gained 15 per cent.", "2024-02-02",
          {"15 per cent": (2023, 2024)})
    check("In the last three months, Kenya's shilling gained 15 per cent.", None,
          {"15 per cent": (None, None)})


def test_a_year_ago_level_takes_the_year_before_its_sentence_and_the_change_keeps_its_own():
    check("In the July-September quarter, Infosys earned Rs 6,500 crore, 5 per cent above the "
          "year-ago figure of Rs 6,200 crore.", "2024-10-18",
          {"Rs 6,500 crore": (2024, 2024), "5 per cent": (2024, 2024), "Rs 6,200 crore": (2023, 2023)})
    check("In 2023, Ghana's cocoa board sold 700,000 tonnes, against 800,000 tonnes in the prior-year "
          "season.", "2024-02-01", {"700,000 tonnes": (2023, 2023), "800,000 tonnes": (2022, 2022)})
    check("Sales rose to $4 billion from $3.7 billion in the year-ago quarter.", None,
          {"$3.7 billion": (None, None)})


# --- what a later sentence refers back to ----------------------------------------------------------
def test_a_figure_named_again_with_the_takes_the_period_it_was_first_stated_with():
    got = [(f.surface, f.period_start, f.period_end) for f in
           parse_figures("In 2023, Egypt secured a $8 billion loan. Next year it will repay $3 billion. "
                         "The $8 billion loan carries a 7 per cent rate.", "2024-03-10",
                         regions=REGIONS, metrics=METRICS)]
    assert [g for g in got if g[0].startswith("$8 billion")] == [("$8 billion", 2023, 2023)] * 2, got


def test_a_figure_repeated_without_the_follows_its_own_sentence():
    got = [(f.surface, f.period_start, f.period_end) for f in
           parse_figures("Peru exported $3 billion of gold in 2022. In 2023 it again exported $3 billion.",
                         "2024-03-10", regions=REGIONS, metrics=METRICS)]
    assert got == [("$3 billion", 2022, 2022), ("$3 billion", 2023, 2023)], got


def test_a_month_in_a_condition_on_the_future_is_the_next_such_month():
    check("If Lagos starts the scheme in October, it will cost ₦50 billion.", "2024-03-01",
          {"₦50 billion": (2024, 2024)})
    check("If we launch the subsidy in January, we will need 30 billion pesos.", "2024-06-01",
          {"30 billion pesos": (2025, 2025)})
@pytest.mark.parametrize("text,pub", [
    ("Ghana's inflation rose 2.4% in the 12 months to December 2019.", None),
    ("Consumer prices in Peru climbed 6.1 per cent in the 12 months to December.", "2022-01-12"),
    ("Exports from Chile fell 7.5 per cent in October.", "2024-03-15"),
    ("India's fiscal deficit was 6.4 per cent of GDP in 2022-23.", "2023-05-31"),
])
def test_a_figures_first_and_last_days_fall_in_its_first_and_last_years(text, pub):
    dated = [f for f in parse_figures(text, pub, regions=REGIONS, metrics=METRICS) if f.period_start]
    assert dated, text
    for f in dated:
        assert f.period_first_day.year == f.period_start, (text, f)
        assert f.period_end is None or f.period_last_day.year == f.period_end, (text, f)


# --- a day that only says when a named period ends ----------------------------------------------
@cases([
    ("Canada's federal deficit for fiscal 2024, which ended on March 31, was C$61.9 billion.", "2024-10-10",
     {"C$61.9 billion": (2023, 2024)}),
    ("Tesco's sales for the half year, which ended on 24 August, rose 3.7 per cent.", "2024-10-03",
     {"3.7 per cent": (2024, 2024)}),
    ("Woolworths' profit for the half year, which ended on 5 January, fell 12 per cent.", "2025-02-20",
     {"12 per cent": (2024, 2025)}),
])
def test_a_day_in_a_which_ended_clause_belongs_to_the_period_before_it(text, pub, expected):
    check(text, pub, expected)


def test_a_fiscal_year_said_to_end_in_a_month_follows_that_calendar_whatever_the_country():
    check("The shipping group's loss for fiscal 2024, which ended in September, was $310 million.",
          "2024-12-01", {"$310 million": (2023, 2024)})


# --- "than in the same quarter of YEAR" --------------------------------------------------------------
@cases([
    ("Poland's industrial output in the third quarter was 2.1% lower than in the same quarter of 2023.",
     "2024-11-07", {"2.1%": (2023, 2024)}),
    ("Chile's copper output was 4.4 per cent higher than in the same period of 2022.", "2023-08-01",
     {"4.4 per cent": (2022, 2023)}),
    ("From the same quarter of 2023, Peru's economy expanded 3.6 per cent.", "2024-08-15",
     {"3.6 per cent": (2023, 2024)}),
    ("Compared with 2019, Egypt's tourism receipts were 14 per cent higher.", "2024-03-01",
     {"14 per cent": (2019, 2024)}),
])
def test_a_change_against_the_same_part_of_an_earlier_year_runs_from_that_year(text, pub, expected):
    check(text, pub, expected)


# --- a base is no period of what follows ---------------------------------------------------------
@cases([
    ("Chile's migration is forecast at 95,000 people in 2025, down from a peak of 180,000 in 2022. "
     "The budget sets aside $300 million for housing.", "2025-03-01", {"$300 million": (2025, 2025)}),
    ("Punjab presented a Rs 2,00,000 crore budget for FY2025-26, 8% larger than the revised estimate "
     "of Rs 1,85,000 crore for 2024-25. Capital spending is put at Rs 40,000 crore.", "2025-03-10",
     {"Rs 40,000 crore": (2025, 2026)}),
    # a base level said twice ("or ... per share") is still a base, and its date still its own
    ("Philips' third-quarter net income rose to 400 million euros or 0.43 euros per share from 200 million "
     "euros or 0.22 euros per share last year. Sales grew to 4.3 billion euros from 4.1 billion euros in "
     "the previous year.", "2025-10-14",
     {"200 million euros": (2024, 2024), "0.22 euros per share": (2024, 2024), "4.3 billion euros": (2025, 2025),
      "4.1 billion euros": (2024, 2024)}),
])
def test_the_date_of_a_base_level_does_not_carry_to_the_next_sentence(text, pub, expected):
    check(text, pub, expected)


@cases([
    ("Punjab presented a Rs 2,00,000 crore budget for FY2025-26, 8% larger than the revised estimate "
     "of Rs 1,85,000 crore for 2024-25.", "2025-03-10", {"8%": (2024, 2026)}),
    ("Taiwan's 2026 budget totals NT$3.0 trillion, up 4.1% from this year's NT$2.9 trillion.", "2025-08-21",
     {"4.1%": (2025, 2026)}),
    ("Ghana's cocoa output in 2024 reached 650,000 tonnes, up 12% from 580,000 tonnes in 2023.", "2025-01-10",
     {"12%": (2023, 2024)}),
])
def test_a_change_against_an_earlier_level_runs_from_that_levels_period(text, pub, expected):
    check(text, pub, expected)


@cases([
    ("Brazil's exports in August 2025 were 3% lower than a year earlier.", "2025-09-10", {"3%": (2024, 2025)}),
    ("Exports from Vietnam in September 2025 were 4.1% higher than in the year-ago month.", "2025-10-06",
     {"4.1%": (2024, 2025)}),
    # "year-on-year" and "(up) from a year earlier" on a rate keep the figure's own period
    ("Korea's exports rose 5% year-on-year in September 2025.", "2025-10-01", {"5%": (2025, 2025)}),
    ("Wages in Hungary rose 9% in July 2025 from a year earlier.", "2025-09-01", {"9%": (2025, 2025)}),
])
def test_a_change_than_a_year_earlier_runs_from_the_year_before(text, pub, expected):
    check(text, pub, expected)


@cases([
    ("Lagos had 15.4 million people in 2024, up from 11.2 million a decade earlier.", "2025-03-01",
     {"15.4 million people": (2024, 2024), "11.2 million": (2014, 2014)}),
    ("Mongolia mined 40 million tonnes of coal last year, four times the 10 million tonnes of a decade ago.",
     "2025-02-12", {"10 million tonnes": (2015, 2015)}),
    ("Two decades ago, Chile shipped 900,000 tonnes of copper a year.", "2025-05-05",
     {"900,000 tonnes": (2005, 2005)}),
])
def test_a_level_decades_ago_or_earlier_takes_the_year_so_many_decades_back(text, pub, expected):
    check(text, pub, expected)


def test_a_level_compared_with_a_dated_level_above_or_below_it_keeps_the_running_period():
    check("Chile's economy grew 2.3% in the third quarter of 2025. The investment rate was 24.1% of GDP, "
          "above the 23.5% recorded in the third quarter of 2024.", "2025-11-18",
          {"24.1%": (2025, 2025), "23.5%": (2024, 2024)})


def test_a_change_against_the_previous_fiscal_year_names_no_year_and_keeps_the_budgets():
    # dev_news reads "compared to the previous year" so; the fiscal year is no different, and a
    # superlative "to date" is ever, not now
    check("Karnataka presented a budget of Rs 4,09,549 crore for 2025-26. It is the largest to date, "
          "a 10.3 per cent increase compared to the previous fiscal year. Capital spending is Rs 71,336 crore.",
          "2025-03-07", {"10.3 per cent": (2025, 2026), "Rs 71,336 crore": (2025, 2026)})


def test_a_fiscal_year_the_text_says_begins_in_a_month_crosses_two_years():
    check("Oman projects a deficit of 600 million rials in the new fiscal year starting on April 1.", "2025-01-30",
          {"600 million rials": (2025, 2026)})
    check("The deficit for the current fiscal year, which began in July, is $5 billion.", "2025-01-30",
          {"$5 billion": (2024, 2025)})


def test_a_wire_story_wrapped_at_a_fixed_width_reads_as_running_lines():
    text = ("KUWAIT Jan 30 Oman's government projects a\nbudget deficit of 600 million rials in the new\n"
            "fiscal year starting on April 1, the minister\nsaid on Monday.")
    check(text, "2025-01-30", {"600 million rials": (2025, 2026)})
    assert [f.surface for f in parse_figures("projects a\nbudget of 2.4\nbillion euros", "2025-01-30")] == [
        "2.4\nbillion euros"]


def test_the_year_a_plans_name_aims_at_dates_no_figure():
    check("The 2025-26 Budget delivers the 2035 Growth Plan for Queensland. It provides $1.2 billion in relief.",
          "2025-06-24", {"$1.2 billion": (2025, 2026)})
    check("The 2030 Agenda sets 17 goals.", "2024-05-01", {"17 goals": (None, None)})


def test_a_year_in_a_relative_clause_after_a_figure_dates_what_the_clause_tells():
    check("Oman approved its 2026 budget. Spending is set at 11.8 billion rials, with a deficit of "
          "530 million rials, which will be financed from the surpluses built up in 2025.", "2025-12-30",
          {"11.8 billion rials": (2026, 2026), "530 million rials": (2026, 2026)})


def test_the_level_a_year_on_year_change_starts_from_is_a_year_earlier():
    check("Vietnam's imports were $12.2 billion in January-June 2025, down 13 per cent year-on-year from "
          "$14 billion.", "2025-07-10", {"$12.2 billion": (2025, 2025), "$14 billion": (2024, 2024)})
    # but a level dated by its own month is that month's
    check("In February, core inflation rose to 12.0 percent year on year from 11.7 percent in January.", "2025-03-10",
          {"11.7 percent": (2025, 2025)})


def test_a_figures_window_of_months_is_not_the_other_figures_period():
    text = ("U.S. employers added 142,000 jobs in October. The jobless rate held at 4.3%, and earnings "
            "rose 3.8% over the 12 months to October. Texas added about 31,000 jobs.")
    check(text, "2025-11-07", {"4.3%": (2025, 2025), "3.8%": (2024, 2025), "about 31,000 jobs": (2025, 2025)})


def test_a_companys_year_ending_in_march_keeps_its_countrys_naming_when_another_fiscal_year_is_near():
    check("Japan's Hokuto Seiki expects a profit of ¥18 billion for the fiscal year ending March 2026, "
          "11% more than in fiscal 2024, and a dividend of ¥40 a share for fiscal 2025.", "2025-11-05",
          {"¥40 a share": (2025, 2026)})


def test_since_an_event_in_a_month_of_a_year_runs_from_that_year():
    check("Employment in Ireland is up by about 90,000 since the election in November 2024.", "2025-10-22",
          {"about 90,000": (2024, 2025)})


@cases([
    ("New Zealand's unemployment is expected to peak at 5.5% in the June quarter of 2026.", "2025-05-22",
     {"5.5%": (2026, 2026)}),
    ("Australia's GDP grew 0.6% in the December quarter, the statistics bureau said.", "2025-03-05",
     {"0.6%": (2024, 2024)}),
    # its own quarter, over the fiscal year the sentence before forecast
    ("Wipro sees growth of 3% for the financial year 2025-26. Its March quarter revenue rose 1% to Rs 22,504 crore.",
     "2025-04-17", {"3%": (2025, 2026), "Rs 22,504 crore": (2025, 2025)}),
])
def test_a_quarter_named_by_its_last_month_is_that_quarter(text, pub, expected):
    check(text, pub, expected)


@cases([
    ("Treasury assumes iron ore will fall to US$60 a tonne by the end of the March quarter of 2026.", "2025-03-25",
     {"US$60 a tonne": (2025, 2026)}),
    ("Japan's Hokuto Seiki aims to raise overseas sales to 70% of revenue by fiscal 2030.", "2025-11-05",
     {"70%": (2025, 2031)}),
])
def test_a_target_by_a_later_quarter_or_fiscal_year_runs_from_now_to_its_end(text, pub, expected):
    check(text, pub, expected)


@cases([
    ("Spending on aged care will grow about 6% a year over the four years to 2028-29.", "2025-03-25",
     {"about 6%": (2025, 2029)}),
    ("Peru's exports grew an average 3% a year in the five years to 2023.", "2024-04-01", {"3%": (2019, 2023)}),
])
def test_n_years_to_a_year_are_that_many_years_ending_with_it(text, pub, expected):
    check(text, pub, expected)


# --- days of the week, stocks at a date, what is still to come ------------------------------------
def test_a_weekday_is_the_publication_weeks_for_its_sentence_where_no_other_date_is():
    check("Shares of Tata Steel rose 2% on Friday.", "2025-03-07", {"2%": (2025, 2025)})
    check("Ghana's budget, presented on Tuesday, forecasts a deficit of 3.8% of GDP for 2025, "
          "a 1.2 percentage-point improvement.", "2024-11-15", {"1.2 percentage-point": (2025, 2025)})
    check("Queensland's budget, handed down on Tuesday, revealed a $2.6 billion deficit for 2024-25, a $400 "
          "million improvement.", "2024-06-12", {"$400 million": (2024, 2025)})
    check("The Bank of Zambia on Monday cut its policy rate by 50 basis points to 12.25 per cent.", "2025-01-28",
          {"50 basis points": (2025, 2025), "12.25 per cent": (2025, 2025)})
    # ... and no later sentence's
    check("Paraguay's central bank on Thursday held its rate at 6 percent. Inflation stood at 3.8 percent "
          "in 2023.", "2024-01-26", {"6 percent": (2024, 2024), "3.8 percent": (2023, 2023)})


def test_a_weekday_on_which_something_was_said_gives_way_to_the_sentences_own_date():
    check("For next year, the requirement will be Rp 28 trillion, Dadan said at the palace on Monday.",
          "2025-02-25", {"Rp 28 trillion": (2026, 2026)})
    check("The Monetary Policy Committee said Thursday it has decided to raise the policy rate from 9.5% to "
          "11%.", "2021-03-18", {"9.5%": (2021, 2021), "11%": (2021, 2021)})


def test_a_stock_at_a_day_of_a_later_year_takes_that_year():
    check("Ontario's net debt is forecast at C$420 billion at March 31, 2026.", "2025-02-27",
          {"C$420 billion": (2026, 2026)})


def test_a_month_still_to_come_is_next_years_even_past_a_decimal_point():
    check("Chile's minimum wage will rise 6% to 529.5 thousand pesos from January.", "2025-10-30",
          {"6%": (2026, 2026)})


@cases([
    ("Alberta expects a deficit of C$5.2 billion in fiscal 2025-26, after a projected surplus of "
     "C$5.8 billion for the year ending March 31, 2025. The budget assumes crude at US$68 a barrel.",
     "2025-02-27", {"US$68 a barrel": (2025, 2026)}),
    ("Kisumu approved a Sh16.2 billion budget for the 2025/26 financial year. Since devolution in 2013, "
     "the county has received more than Sh100 billion. Health takes Sh5.6 billion.", "2025-06-26",
     {"more than Sh100 billion": (2013, 2025), "Sh5.6 billion": (2025, 2026)}),
])
def test_what_came_before_and_a_total_since_an_event_are_asides_the_period_runs_past(text, pub, expected):
    check(text, pub, expected)


def test_a_month_after_expect_someone_to_is_still_to_come():
    check("Economists expect the Bank of Canada to cut rates by 25 basis points in December.", "2025-11-07",
          {"25 basis points": (2025, 2025)})


def test_a_figure_after_the_one_with_a_window_of_months_continues_it():
    check("Alberta's population grew 4.4% in the 12 months to October 1, 2024, adding more than "
          "200,000 people. Wages rose 3%.", "2025-02-27",
          {"4.4%": (2023, 2024), "more than 200,000 people": (2023, 2024)})


def test_by_the_end_of_a_month_still_to_come_runs_from_now_to_then():
    check("Sony will buy back up to 10 million shares by the end of March.", "2025-11-05",
          {"up to 10 million shares": (2025, 2026)})


def test_a_change_written_right_after_a_level_is_that_levels():
    check("Japan's Kao will pay a dividend of ¥76 a share for fiscal 2025, up ¥4.", "2025-02-10",
          {"¥4": (2025, 2026), "¥76 a share": (2025, 2026)})
    # a change with a base of its own keeps it
    check("In 2019, income in Anhui was 9,100 yuan, an increase of 3,000 yuan over 2013.", "2020-01-10",
          {"3,000 yuan": (2013, 2019)})


def test_which_runs_from_july_to_june_describes_the_fiscal_year_before_it():
    check("Morocco's draft budget for fiscal year 2025/26, which runs from July 2025 to June 2026, was "
          "approved. Spending is set at 700 billion dirhams.", None, {"700 billion dirhams": (2025, 2026)})


def test_the_outgoing_year_is_the_fiscal_year_under_way():
    check("Bangladesh's deficit is projected at 5.1pc of GDP for 2025-26, down from 6.8pc estimated for the "
          "outgoing year.", "2025-06-10", {"6.8pc": (2024, 2025)})


def test_a_superlative_with_a_noun_of_its_own_spans_its_years():
    check("Ivory Coast's crop was the smallest harvest in two decades.", "2025-10-03",
          {"two decades": (2005, 2025)})


def test_a_since_runs_to_publication_not_to_a_later_target():
    check("Visitor spending in Crete has risen 31% since 2019, and the region aims to reach €1,600 a trip by 2030.",
          "2025-02-04", {"31%": (2019, 2025)})


@cases([
    ("Kenya's fiscal year is 2025/26. The wage bill rises 18% from 2024/25 to Sh1.2 trillion.", "2025-06-12",
     {"18%": (2024, 2026), "Sh1.2 trillion": (2025, 2026)}),
    ("Bangladesh's budget for FY26 was tabled. Interest costs, Tk1.2tn, are more than three times their level "
     "in FY19.", "2025-06-05", {"more than three times": (2018, 2026)}),
])
def test_a_date_a_change_is_counted_from_is_its_base(text, pub, expected):
    check(text, pub, expected)


def test_when_a_forecast_was_made_is_no_period_of_the_figure():
    check("Australia's deficit was A$9.4 billion in the 2024/25 fiscal year, A$1.8 billion smaller than "
          "forecast in the budget in May.", "2025-10-07", {"A$1.8 billion": (2024, 2025)})


def test_a_base_dated_through_estimated_for_does_not_carry_on():
    check("Pakistan's budget for 2025-26 sets growth at 4.2pc, up from 2.7pc estimated for the outgoing year. "
          "Defence spending rises to Rs2.55tr.", "2025-06-10", {"Rs2.55tr": (2025, 2026), "2.7pc": (2024, 2025)})


@cases([
    ("Exports rose 5% in 2024 compared with 2023.", "2025-02-10", {"5%": (2023, 2024)}),
    ("Industrial output grew 2.3% in the second quarter compared with the same quarter last year.", "2025-08-14",
     {"2.3%": (2024, 2025)}),
    ("Bookings were 12% higher in October than in October last year.", "2025-11-20", {"12%": (2024, 2025)}),
    # a level beside the change keeps its own date
    ("Portugal received 31 million visitors in 2024, 4.3% more than in 2023.", "2025-02-01",
     {"31 million visitors": (2024, 2024), "4.3%": (2023, 2024)}),
    # "on" a year, as British copy writes the base; but not what money was spent on
    ("In 2023 the region recorded 12,400 new firms, a 15% increase on 2022.", "2024-03-01",
     {"15%": (2022, 2023)}),
    ("Car exports in 2024 were up 8 per cent on 2023 levels.", "2025-01-20", {"8 per cent": (2023, 2024)}),
    ("The council spent 15% on 2022 projects.", "2024-05-01", {"15%": (2022, 2022)}),
    # "compared to the 2018/19 budget": the base with its article
    ("Uganda's 2025/26 budget is 2.3 per cent lower compared to the 2024/25 budget. Roads get USh805 billion.",
     "2025-06-01", {"2.3 per cent": (2024, 2026), "USh805 billion": (2025, 2026)}),
    # a change against another figure is no change against a named base
    ("The economy grew 5.7% in 2024, compared with 5.5% in 2023.", "2025-03-01",
     {"5.7%": (2024, 2024), "5.5%": (2023, 2023)}),
])
def test_a_dated_change_against_a_named_base_after_it_runs_from_the_base(text, pub, expected):
    check(text, pub, expected)


def test_a_change_against_a_month_of_last_year_runs_from_last_year():
    check("Prices were 2.1 per cent higher than in September last year.", "2025-10-15", {"2.1 per cent": (2024, 2025)})


def test_the_fiscal_year_that_ended_in_a_month_runs_into_the_year_of_that_month():
    check("Remittances reached $12.4 billion in the fiscal year that ended in June.", "2025-11-20",
          {"$12.4 billion": (2024, 2025)})


@cases([
    ("India's economy grew 6.7 per cent in Q1 FY25.", "2025-05-30", {"6.7 per cent": (2024, 2024)}),
    ("India's economy grew 7.4 per cent in the fourth quarter (Q4) of FY25.", "2025-05-30",
     {"7.4 per cent": (2025, 2025)}),
    ("India's growth averaged 6.1 per cent in the first three quarters of FY25.", "2025-05-30",
     {"6.1 per cent": (2024, 2024)}),
    ("The US federal deficit reached $711 billion in the first quarter of fiscal 2025.", "2025-01-10",
     {"$711 billion": (2024, 2024)}),
    ("Sony earned 300 billion yen in Japan in the first half of fiscal 2024.", "2024-11-08",
     {"300 billion yen": (2024, 2024)}),
    # months named with their fiscal year's label
    ("In the October-December quarter of FY25, India's car exports rose 14%.", "2025-01-20", {"14%": (2024, 2024)}),
    ("In the January-March quarter of FY25, India's Wipro earned Rs 3,570 crore.", "2025-04-20",
     {"Rs 3,570 crore": (2025, 2025)}),
    ("In July of FY26, India's GST collections rose 7.5%.", "2025-08-02", {"7.5%": (2025, 2025)}),
])
def test_a_part_of_a_fiscal_year_takes_the_calendar_years_it_falls_in(text, pub, expected):
    check(text, pub, expected)


def test_a_bare_quarter_after_a_quarter_of_a_fiscal_year_is_a_quarter_of_that_year():
    check("India's economy grew 6.7 per cent in Q1 FY25, 5.4 per cent in Q2 and 6.2 per cent in Q3.", "2025-05-30",
          {"6.7 per cent": (2024, 2024), "5.4 per cent": (2024, 2024), "6.2 per cent": (2024, 2024)})


def test_a_month_named_in_a_fiscal_year_of_two_years_is_that_month_of_the_year_it_falls_in():
    check("In 2017-18, Bangladesh received $1.29 billion in March and $1.16 billion in December.", "2019-04-12",
          {"$1.29 billion": (2018, 2018), "$1.16 billion": (2017, 2017)})
    check("Bangladesh received $1.32 billion in July of the fiscal 2018-19.", "2019-04-12",
          {"$1.32 billion": (2018, 2018)})


def test_a_stretch_of_months_to_a_month_is_no_fiscal_year_for_the_months_after_it():
    check("Canada's consumer prices rose 0.8% in the 12 months to December, after 1.2% in November.", "2013-01-25",
          {"1.2%": (2012, 2012)})


def test_a_stock_compared_with_the_end_of_an_earlier_month_runs_from_that_year():
    check("Debt at the end of March 2024 was 98.3% of GDP, 2.6 percentage points more than at the end of March 2023.",
          "2024-04-23", {"98.3%": (2024, 2024), "2.6 percentage points": (2023, 2024)})


def test_an_amount_less_than_in_the_same_period_a_year_ago_runs_from_the_year_before_its_own():
    check("Borrowing in the financial year ending (FYE) March 2024 was £120.7 billion, £7.6 billion less than "
          "in the same twelve-month period a year ago.", "2024-04-23",
          {"£120.7 billion": (2023, 2024), "£7.6 billion": (2022, 2024)})


def test_months_of_last_year_are_last_years():
    check("Israel's deficit was 47.7 billion shekels in the first 11 months of 2021, against 137.5 billion shekels "
          "in January-November last year.", "2021-12-08", {"137.5 billion shekels": (2020, 2020)})


def test_between_a_month_of_one_year_and_a_month_of_the_next_takes_both_years():
    check("The deficit between December 2020 and November 2021 was 4.6 percent of GDP.", "2021-12-08",
          {"4.6 percent": (2020, 2021)})


def test_the_current_business_year_through_next_march_ends_next_march():
    check("For the current business year through next March, Toyota expects its net profit to reach 2.26 trillion yen.",
          "2022-05-11", {"2.26 trillion yen": (2022, 2023)})


def test_a_stretch_of_months_of_a_fiscal_year_takes_the_years_its_months_fall_in():
    check("Bangladesh received $10.76 billion during the July-March period of the 2017-18 financial year.",
          "2019-04-12", {"$10.76 billion": (2017, 2018)})


def test_the_previous_years_level_is_the_fiscal_year_before_the_one_the_text_is_in():
    check("India's GDP grew 6.5 per cent in FY25. This decline from the previous year's 9.2 per cent reflects "
          "weak demand.", "2025-05-30", {"6.5 per cent": (2024, 2025), "9.2 per cent": (2023, 2024)})
    check("Japan's exports rose 4% in 2024, after the previous year's 2% fall.", "2025-01-20",
          {"4%": (2024, 2024), "2%": (2023, 2023)})


def test_a_fiscal_year_in_bikram_sambat_is_read_in_the_gregorian_years_it_covers():
    check("The budget for the fiscal year 2081/82 BS is put at Rs 1.86 trillion.", None,
          {"Rs 1.86 trillion": (2024, 2025)})
    check("Govt unveils Rs 1.86 trillion budget for FY 2081/82. The budget for the fiscal year 2081/82 BS "
          "allocates Rs 408.87 billion to provinces.", None,
          {"Rs 1.86 trillion": (2024, 2025), "Rs 408.87 billion": (2024, 2025)})


def test_the_financial_year_ending_a_month_is_that_month_and_the_eleven_before():
    check("The current budget deficit in the FYE March 2024 was 1.9% of GDP, 1.3 percentage points less than in "
          "the FYE March 2023.", "2024-04-23", {"1.9%": (2023, 2024), "1.3 percentage points": (2022, 2024)})


def test_a_change_than_in_a_fiscal_year_runs_from_it_but_the_level_it_starts_from_keeps_its_own():
    check("The maker expects an operating profit of ¥182 billion for the fiscal year ending March 2026, up from an "
          "earlier ¥165 billion and 11% more than in fiscal 2024.", "2025-11-05",
          {"¥182 billion": (2025, 2026), "¥165 billion": (2025, 2026), "11%": (2024, 2026)})


def test_an_undated_from_to_pair_after_a_dated_one_runs_between_the_same_dates():
    check("Inflation declined from 9.3% at the end of 2023 to 5.2% at the end of 2024. Core inflation also eased. "
          "Food price inflation declined from 5.0% to 3.3%.", "2025-03-01",
          {"5.0%": (2023, 2023), "3.3%": (2024, 2024)})
    check("Exports rose from $10 billion in 2020 to $14 billion in 2024. Last year imports grew from $8 billion "
          "to $9 billion.", "2025-03-01", {"$8 billion": (2024, 2024), "$9 billion": (2024, 2024)})


def test_a_span_across_or_throughout_the_next_years_runs_from_the_publication_year():
    check("Capital spending for 2026 will reach 9 trillion won, about 4% of output across the next three years.",
          "2025-12-01", {"about 4%": (2025, 2028), "three years": (2025, 2028)})


def test_a_sum_spread_over_n_years_with_no_change_verb_is_money_for_the_years_ahead():
    check("* C$2.1 billion over 4 years to expand rural broadband", "2025-03-20",
          {"C$2.1 billion": (2025, 2029), "4 years": (2025, 2029)})
    # a change over n years runs up to now, even after a sentence naming a plan
    check("The province adopted a 20-year housing plan. Rents grew 35% over six years.", "2025-03-20",
          {"35%": (2019, 2025)})


def test_a_date_after_a_figures_bracketed_aside_dates_the_figure_and_the_aside():
    check("Queensland's net debt is expected to reach $72 billion (8.9 per cent of GSP) in 2025/26 and climb to "
          "$96 billion (10.4 per cent of GSP) by 2028/29.", None,
          {"$72 billion": (2025, 2026), "8.9 per cent": (2025, 2026), "$96 billion": (2028, 2029)})


def test_the_current_year_in_a_text_of_fiscal_years_is_the_fiscal_year_under_way():
    check("Kerala's revenue deficit for the current year was revised from Rs 27,000 crore in the 2024-25 budget "
          "to Rs 31,500 crore.", "2025-02-07", {"Rs 31,500 crore": (2024, 2025)})
    # in a text of calendar years it is the publication year
    check("Exports for the current year are forecast at $40 billion.", "2025-02-07", {"$40 billion": (2025, 2025)})


def test_today_in_a_statement_is_when_it_was_said_not_the_figures_period():
    check("Indonesia's economy grew 5.0% in 2024. In a statement today, the statistics agency said Jakarta "
          "(16.7 per cent) had the largest share.", "2025-02-05", {"16.7 per cent": (2024, 2024)})


def test_a_month_after_a_past_tense_verb_is_past_even_beside_a_will():
    check("The rebate scheme, which will pay 2,000 pesos to each family, started in August.", "2025-10-15",
          {"2,000 pesos": (2025, 2025)})
    check("Refunds of 300 euros are expected in December.", "2025-10-15", {"300 euros": (2025, 2025)})


def test_over_the_last_year_is_that_figures_own_window_and_not_carried():
    check("Payrolls rose by 175,000 in April. Wages rose 0.2% on the month and are up 3.9% over the last year. "
          "Hiring in retail added 20,000 jobs.", "2025-05-02",
          {"0.2%": (2025, 2025), "3.9%": (2024, 2025), "20,000 jobs": (2025, 2025)})


def test_a_date_range_with_days_spans_its_years():
    check("Net sales for the fiscal year (April 1, 2023 through March 31, 2024) totalled 14.6 trillion yen.",
          "2024-05-10", {"14.6 trillion yen": (2023, 2024)})
    check("Revenue from 1 July 2023 to 30 June 2024 was A$5.2 billion.", "2024-08-20",
          {"A$5.2 billion": (2023, 2024)})


def test_respectively_pairs_a_list_of_figures_with_a_list_of_years():
    check("The economy grew 5.2% and 4.8% in 2023 and 2024, respectively.", "2025-03-01",
          {"5.2%": (2023, 2023), "4.8%": (2024, 2024)})


def test_a_date_after_the_change_a_figure_measures_is_that_figures_and_not_carried():
    check("Australia's GDP grew 1.6 per cent while Queensland's grew 2.4 per cent after a 3.9 per cent surge in "
          "2021/22.", None, {"3.9 per cent": (2021, 2022), "1.6 per cent": (None, None)})
    check("Rents rose 3.2% in May following a 2.9% increase in April. Tenants paid 4.1% more in Lima.", "2025-06-20",
          {"2.9%": (2025, 2025), "4.1%": (2025, 2025)})


def test_days_in_brackets_say_which_quarter_a_label_without_a_year_is():
    check("Operating profit for the third quarter (October 1, 2024 through December 31, 2024) was 310 billion yen, "
          "up 4% compared to the same period last year.", "2025-02-06",
          {"310 billion yen": (2024, 2024), "4%": (2023, 2024)})


def test_a_fiscal_quarter_without_a_year_is_the_latest_begun_of_the_countrys_fiscal_year():
    # Japan's fiscal year starts in April: its fiscal fourth quarter is January-March
    check("Toyota, Japan: the dividend for the fiscal fourth quarter will be 45 yen a share.", "2025-05-08",
          {"45 yen a share": (2025, 2025)})


def test_the_items_of_a_bulleted_list_do_not_take_each_others_dates():
    check("Highlights of the 2025 budget\n• Fuel levy frozen until March 31, 2026\n• $2 billion for hospitals\n"
          "• $300 million for transit", "2025-02-10", {"$2 billion": (2025, 2025), "$300 million": (2025, 2025)})


def test_budget_year_where_budgets_precede_a_spring_or_summer_year_is_the_fiscal_year_it_opens():
    check("Kenya's Budget 2024 highlights\n• Sh400 billion for roads", "2024-06-14",
          {"Sh400 billion": (2024, 2025)})
    # the US names a budget by the fiscal year it ends in
    check("The White House Budget 2025 asks for $850 billion for defense.", "2024-03-11",
          {"$850 billion": (2024, 2025)})


def test_an_undated_report_of_one_fiscal_year_gives_its_undated_figures_that_year_but_never_last_year():
    text = ("Qantas reported full-year underlying profit of A$2.4 billion, up 12% from last year. Revenue was "
            "A$23.8 billion. The board declared a dividend of 26.5 cents a share for fiscal 2024/25.")
    check(text, None, {"A$2.4 billion": (2024, 2025), "A$23.8 billion": (2024, 2025)})
    # two fiscal years named: no single year to take
    check("Full-year profit was A$2.4 billion. Profit was A$2.1 billion in 2023/24 and A$1.9 billion in 2022/23.",
          None, {"A$2.4 billion": (None, None)})


def test_the_same_period_last_year_after_a_level_is_that_levels_year_before_and_not_carried():
    check("Exports rose 12% to $9.1 billion in January-June 2025, against $8.1 billion in the same period last "
          "year. Imports grew 4%.", "2025-07-20",
          {"$8.1 billion": (2024, 2024), "4%": (2025, 2025)})


def test_an_abbreviated_currency_does_not_end_a_sentence():
    check("The deficit fell to Rs. 441 billion in January-September 2025, compared to Rs. 970 billion in the "
          "same period last year.", "2025-10-29", {"Rs. 970 billion": (2024, 2024)})


def test_n_weeks_ended_a_day_is_a_retailers_year_or_half():
    check("Net profit for the 52 weeks ended 29 June 2025 rose 4% to A$1.9 billion.", "2025-08-27",
          {"A$1.9 billion": (2024, 2025)})
    check("Sales for the 26 weeks to 28 December 2024 were A$34 billion.", "2025-02-26",
          {"A$34 billion": (2024, 2024)})


def test_the_full_year_of_a_results_statement_is_the_year_just_ended():
    check("Tesco, the UK grocer: for the full year, sales rose 3.5% to £69.9 billion.", "2025-04-10",
          {"£69.9 billion": (2024, 2025)})
    check("Danone reported full-year sales of €27 billion.", "2025-02-20", {"€27 billion": (2024, 2024)})


def test_a_change_over_a_fiscal_year_runs_from_it_to_the_figures_own():
    check("Telangana's GSDP for 2025-26 is projected at Rs 16,00,000 crore, growth of 10.1% over 2024-25. Spending "
          "in 2025-26 is Rs 3,04,965 crore, an increase of 8.2% over the revised estimates of 2024-25.", None,
          {"10.1%": (2024, 2026), "8.2%": (2024, 2026), "Rs 3,04,965 crore": (2025, 2026)})


def test_a_change_over_the_level_of_a_year_runs_from_it_and_that_base_is_not_carried():
    check("Exports in 2024 rose 5% over the level of 2023. Imports were $3 billion.", "2025-02-20",
          {"5%": (2023, 2024), "$3 billion": (2024, 2024)})


def test_the_level_a_record_is_measured_since_takes_its_own_date_and_is_not_carried():
    check("Growth of 6.0 percent in the second quarter of 2025 was the highest since the 7.1 percent recorded in "
          "the second quarter of 2021. Exports rose 5.2 percent.", "2025-08-07",
          {"7.1 percent": (2021, 2021), "5.2 percent": (2025, 2025)})


def test_a_quarter_ended_a_day_written_without_a_space_spans_the_months_it_covers():
    check("Adjusted earnings were $1.47 a share for the quarter ended Feb.28.", "2025-03-11",
          {"$1.47 a share": (2024, 2025)})


def test_what_the_review_found_stays_fixed():
    # a passive still to come is ahead; a month after a past verb is past
    check("The second tranche of $2 billion will be disbursed in September.", "2025-06-15", {"$2 billion": (2025, 2025)})
    # "between A and B ... respectively" is one span, not a list of years
    check("Between 2020 and 2024, exports and imports rose 5% and 7%, respectively.", "2025-06-15",
          {"5%": (2020, 2024), "7%": (2020, 2024)})
    # a full-year forecast is the year under way
    check("The company raised its full-year guidance to $5 billion.", "2025-04-25", {"$5 billion": (2025, 2025)})
    # money spent over N years is no sum ahead; what was said is no date of the figure
    check("The government spent $3.3 billion over 3 years on broadband.", "2025-06-15", {"$3.3 billion": (None, None)})
    check("He said that today 5 million people are unemployed.", "2025-06-15", {"5 million people": (2025, 2025)})
    # the sentences of one bulleted item share its date; the next item does not take it
    check("In 2023 the budget was $2 billion.\n• Revenue rose to $5 billion in 2024. Profit was $1 billion.\n"
          "• Staff numbered 3,000.", "2025-06-15", {"$1 billion": (2024, 2024), "3,000": (2023, 2023)})


@cases([
    ("Austria's output in 2024 shrank 1.2% compared with the previous year.", "2025-02-01", {"1.2%": (2023, 2024)}),
    ("Water output reached 38 billion gallons in the third quarter of 2023, a 5 per cent increase over "
     "the same period a year earlier.", "2023-11-10", {"5 per cent": (2022, 2023)}),
    ("In the second quarter of 2024 the services sector grew 0.5% compared with the corresponding period "
     "of the previous year.", "2024-08-30", {"0.5%": (2023, 2024)}),
    # a fiscal year's "previous year" names no base year of its own
    ("Spending for 2023-24 is $72 billion, down 10.2 per cent compared to the previous year.", "2024-02-28",
     {"10.2 per cent": (2023, 2024)}),
])
def test_a_change_compared_with_the_previous_year_runs_from_the_year_before(text, pub, expected):
    check(text, pub, expected)


@cases([
    ("In the second quarter of 2024, compared to the second quarter of 2023, Latvia's GDP rose by 0.5%, "
     "while exports fell 2%.", "2024-08-30", {"0.5%": (2023, 2024), "2%": (2023, 2024)}),
    ("Compared with the first half of 2022, Sarawak's revenue rose 12% and costs fell 3% in the first half "
     "of 2023.", "2023-08-01", {"12%": (2022, 2023), "3%": (2022, 2023)}),
    ("Compared to the corresponding period of the previous year, construction rose by 4.5% and retail "
     "trade fell by 1.4% in the second quarter.", "2024-08-30", {"4.5%": (2023, 2024), "1.4%": (2023, 2024)}),
    # "a year ago" on a rate keeps its own period (FORMAT.md)
    ("Compared with the same quarter a year ago, GDP grew by 0.7% in the second quarter of 2024.",
     "2024-08-15", {"0.7%": (2024, 2024)}),
])
def test_a_comparison_set_before_the_figures_of_its_sentence_is_their_base(text, pub, expected):
    check(text, pub, expected)


def test_the_same_period_of_a_named_year_is_that_year():
    check("Generation reached 19 terawatt-hours in the third quarter, up from 17.4 terawatt-hours in the same "
          "period in 2022.", "2023-11-10", {"19 terawatt-hours": (2023, 2023), "17.4 terawatt-hours": (2022, 2022)})
    check("Sales were 12 million units in the same period of 2021.", "2023-01-05",
          {"12 million units": (2021, 2021)})


def test_a_change_after_two_compared_levels_runs_between_their_periods():
    check("The bank reported results for the six months ended June 30, 2020. Net profit was OMR 69.6 million "
          "for the period compared to OMR 93.7 million reported during the same period in 2019, a decrease "
          "of 25.7 per cent.", "2020-07-15",
          {"OMR 69.6 million": (2020, 2020), "OMR 93.7 million": (2019, 2019), "25.7 per cent": (2019, 2020)})
    check("Fee income in 2021 was $64.7 million as compared to $75.1 million for the same period in 2020, "
          "a decrease of 13.8 per cent.", "2022-02-01",
          {"$64.7 million": (2021, 2021), "$75.1 million": (2020, 2020), "13.8 per cent": (2020, 2021)})


def test_a_record_since_a_date_dates_the_when_clause_after_it_and_no_later_sentence():
    check("The cut was the first since May 2020, when the rate was lowered by 75 basis points to 0.25 percent. "
          "The Lombard rate was cut by 25 basis points to 7.75 percent this week.", "2023-12-21",
          {"75 basis points": (2020, 2020), "0.25 percent": (2020, 2020), "7.75 percent": (2023, 2023)})
    check("Inflation fell in May to its lowest level since September 2021, when it also stood at 3.3%.",
          "2024-06-17", {"3.3%": (2021, 2021)})


def test_a_relative_clause_on_a_figure_shares_that_figures_period():
    check("After a sharp rise last year, in the second quarter of this year Slovak construction fell by 1.5%, "
          "which was driven by weak demand for buildings (a drop of 15.8%).", "2024-08-30",
          {"1.5%": (2024, 2024), "15.8%": (2024, 2024)})


def test_a_change_said_as_an_amount_and_a_share_runs_from_the_base_it_is_compared_with():
    check("Uganda's budget for 2024/25 is projected at Shs 72 trillion, an increase of Shs 20 trillion or 38% "
          "compared to the Shs 52 trillion spent in 2023/24.", "2024-06-13",
          {"Shs 72 trillion": (2024, 2025), "Shs 20 trillion": (2023, 2025), "38%": (2023, 2025),
           "Shs 52 trillion": (2023, 2024)})


def test_the_previous_financial_year_is_the_one_before_the_fiscal_year_its_sentence_names():
    check("Punjab presented a budget of Rs 2.1 lakh crore for 2025-26, down from Rs 2.3 lakh crore in the "
          "previous financial year.", "2025-03-10",
          {"Rs 2.1 lakh crore": (2025, 2026), "Rs 2.3 lakh crore": (2024, 2025)})


def test_a_change_before_two_compared_levels_runs_from_the_earlier_levels_period():
    check("The consumer price index rose by 2.1 per cent in the first quarter of 2024, reaching 112.3 points "
          "compared with 110.0 points for the same period in 2023.", "2024-04-20",
          {"2.1 per cent": (2023, 2024), "112.3 points": (2024, 2024), "110.0 points": (2023, 2023)})


def test_a_change_with_its_own_date_after_an_aside_then_a_base_runs_from_the_base():
    check("Bulgaria's GDP increased by 2.3%, as a gross series, in the second quarter of this year compared to "
          "the same period of 2023.", "2024-09-05", {"2.3%": (2023, 2024)})
    check("The new budget for 2024/25 has increased by 9 percent from the 2023/24 financial year's budget.",
          "2024-06-14", {"9 percent": (2023, 2025)})


def test_a_quarterly_report_names_the_report_not_the_period_of_its_figures():
    check("Saskatchewan is forecasting a deficit of $250 million as it released its second quarter report for "
          "its 2024-25 fiscal year.", "2024-11-28", {"$250 million": (2024, 2025)})


def test_a_base_after_a_bracketed_change_is_the_brackets_base():
    check("Income tax receipts now stand at €9.1 billion, up €0.8 billion (9.6 per cent) on the same period "
          "last year.", "2024-05-03", {"9.6 per cent": (2023, 2024)})


def test_a_pledge_over_the_years_ahead_dates_its_own_figures_and_no_later_sentence():
    check("Gujarat presented a budget of Rs 3.7 lakh crore for FY26 with announcements of 2 lakh jobs in five years. "
          "The minister proposed Rs 22,000 crore for health.", "2025-02-20",
          {"2 lakh jobs": (2025, 2030), "Rs 22,000 crore": (2025, 2026)})


def test_an_ordinal_count_in_n_years_is_a_record_not_the_period_of_later_figures():
    check("Panasonic posted a net loss for the year ended 31 March 2013, its third loss in five years. "
          "It posted an operating profit of ¥160 billion for the year.", "2013-05-10",
          {"¥160 billion": (2012, 2013)})


def test_a_stock_at_the_end_of_a_fiscal_year_takes_its_last_year():
    check("The funds face a $19.2 billion unfunded liability at the end of fiscal 2012.", "2012-11-15",
          {"$19.2 billion": (2012, 2012)})


def test_the_smallest_since_a_span_of_years_is_a_record_not_a_period():
    check("The budget closes a $298 million gap, the city's smallest since the 2007-09 recession.", "2012-11-15",
          {"$298 million": (None, None)})


def test_a_change_compared_with_the_previous_fiscal_year_it_writes_runs_from_that_year():
    check("Bhutan allocated Nu 97.6 billion for the fiscal year 2024-25. This is an increase of 14.2 percent or "
          "Nu 12.1 billion compared to the previous fiscal year 2023-24.", "2024-06-10",
          {"Nu 97.6 billion": (2024, 2025), "14.2 percent": (2023, 2025), "Nu 12.1 billion": (2023, 2025)})


def test_the_last_time_something_happened_is_no_period_of_later_sentences():
    check("Estonia's GDP grew 4.2 percent in the third quarter of 2019. The last time agriculture, forestry and "
          "fishing had such a strong impact on GDP was in the second quarter of 2018. Domestic demand grew "
          "3.9 percent.", None, {"3.9 percent": (2019, 2019)})


def test_a_part_of_the_year_a_possessive_names_is_that_years_part():
    check("Profit improved compared with last year's €43m first-half profit.", "2023-08-09", {"€43m": (2022, 2022)})


def test_a_date_in_a_clause_on_a_figures_causes_dates_neither_it_nor_later_sentences():
    check("Hellenic Bank earned €120m in the first half of 2023. Its costs were down 2% year over year, reflecting "
          "the measures that were taken in 2022. Its CET1 ratio was 16.0%.", "2023-08-09",
          {"2%": (2023, 2023), "16.0%": (2023, 2023)})


def test_the_current_fiscal_year_through_a_month_ends_at_that_month_still_to_come():
    check("Namibia's deficit is forecast at 4.9% of GDP for the current fiscal year through March.", "2024-10-30",
          {"4.9%": (2024, 2025)})


def test_the_nth_cut_since_a_month_is_a_count_not_a_period():
    check("Peru's central bank cut its rate by 25 basis points to 5.75% on Thursday, its fourth cut since "
          "January.", "2024-05-09", {"25 basis points": (2024, 2024), "5.75%": (2024, 2024)})


def test_the_date_of_a_cause_is_not_the_period_of_later_sentences():
    check("ANA posted revenue of ¥2 trillion for the year ended March 31, 2018. The gain came partly from demand "
          "recovering following the earthquakes in April 2016. Cargo revenue increased 20.1%.", "2018-04-28",
          {"20.1%": (2017, 2018)})


def test_a_change_in_a_part_of_the_year_compared_with_a_year_earlier_runs_from_the_year_before():
    check("Slovakia's GDP was 3.1% higher in the first quarter of the year compared to the corresponding period a "
          "year earlier.", "2017-06-07", {"3.1%": (2016, 2017)})


def test_the_first_quarter_of_the_year_is_this_years():
    check("Portugal's economy expanded by 1.4% in the first quarter of the year.", "2024-05-30", {"1.4%": (2024, 2024)})


def test_a_bracketed_label_dates_only_the_year_before_it_gives():
    # a company report's "(H1 2024: 5.52 billion euros)": last year's figure, beside this year's
    check("Erste Group did well in the first half of 2025. Operating income rose 2.7% to 5.67 billion euros "
          "(H1 2024: 5.52 billion euros). Deposits grew 2.8% to 248.5 billion euros.", "2025-08-01",
          {"2.7%": (2025, 2025), "5.67 billion euros": (2025, 2025), "5.52 billion euros": (2024, 2024),
           "248.5 billion euros": (2025, 2025)})
    check("Revenue for 2024 rose 5% to $4.1 billion (2023: $3.9 billion). Net profit was $1.2 billion.",
          "2025-03-01", {"$4.1 billion": (2024, 2024), "$3.9 billion": (2023, 2023), "$1.2 billion": (2024, 2024)})


def test_a_level_before_its_change_keeps_its_own_period_inside_the_comparison():
    check("Foreign trade in January-September 2018 amounted to 4.8 billion dollars and increased by 7.3 percent "
          "compared to the same period in 2017.", "2018-11-15",
          {"4.8 billion dollars": (2018, 2018), "7.3 percent": (2017, 2018)})
    # a change in money is the comparison's, like its rate
    check("In 2023, car imports registered the highest increase (€3.5 billion; 36.7% more than in 2022).", "2024-03-04",
          {"€3.5 billion": (2022, 2023), "36.7%": (2022, 2023)})
