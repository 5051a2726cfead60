"""FORMAT.md's "Regions" rules a careful reader states, on sentences of many economies.

Every sentence here was written for these tests (none is from a development set).
"""
from __future__ import annotations

import pytest

from flows.cli_extract import load_tables
from tasks.extract import parse_figures

REGIONS, METRICS = load_tables()


def places(text: str, pub_date: str | None = "2024-06-30") -> list[tuple[str, str | None]]:
    return [(f.surface, f.region) for f in parse_figures(text, pub_date, regions=REGIONS, metrics=METRICS)]


def regions(text: str) -> list[str | None]:
    return [r for _, r in places(text)]


# ---- 1. a sub-place governs its sentence and those that go on about it, not the story ----------

@pytest.mark.parametrize("text, expected", [
    ("India's economy grew 7.2% last year. Karnataka recorded growth of 9.1%. "
     "Nationwide, unemployment fell to 6.1%.", ["India", "Karnataka", "India"]),
    ("Canada's inflation rate rose to 2.9% in December. In Alberta, prices were flat at 0%. "
     "The country's core inflation was 1.8%.", ["Canada", "Alberta", "Canada"]),
    ("Nigeria's inflation rose to 33.2% in March. Inflation in Lagos was 35%. "
     "Food prices rose 40% nationwide.", ["Nigeria", "Lagos", "Nigeria"]),
    ("Kenya's economy grew 5% in 2024. Nairobi's economy grew 6.1%. "
     "The National Treasury expects 5.3% growth next year.", ["Kenya", "Nairobi", "Kenya"]),
])
def test_a_later_national_figure_is_the_countrys_though_a_province_was_named_before(text, expected):
    assert regions(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Indonesia's economy grew 5.1% in 2024. East Java grew 4.9%. "
     "Household consumption grew 4.8%.", ["Indonesia", "East Java", "Indonesia"]),
    ("Spain's jobless rate fell to 11.7%. Catalonia's rate was 9.8%. "
     "Youth unemployment stood at 26.5%.", ["Spain", "Catalonia", "Spain"]),
    ("Australia's jobless rate was 4.1% in May. Queensland added 12,000 jobs. "
     "There were 14.5 million people employed.", ["Australia", "Queensland", "Australia"]),
])
def test_a_sentence_that_does_not_point_back_to_the_province_is_about_the_storys_place(text, expected):
    assert regions(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Germany's economy shrank 0.3% last year. Bavaria's output fell 1.2%. "
     "Its exports dropped 4%.", ["Germany", "Bavaria", "Bavaria"]),
    ("Canada's housing starts fell 6%. In Ontario, house prices fell 3% in May. "
     "Sales there dropped 9%.", ["Canada", "Ontario", "Ontario"]),
    ("India's GDP grew 8.2%. Maharashtra's budget totals Rs 6 lakh crore. "
     "The state's fiscal deficit is 2.6%.", ["India", "Maharashtra", "Maharashtra"]),
    ("The UK economy grew 0.6%. Scotland's economy grew 0.4%. "
     "It also saw wages rise 4%.", ["United Kingdom", "Scotland", "Scotland"]),
])
def test_a_sentence_that_goes_on_about_the_province_keeps_it(text, expected):
    assert regions(text) == expected


def test_an_establishment_named_again_keeps_the_place_it_stands_in():
    text = ("Mexico's exports rose 4% in May. The automaker opened a plant in Guanajuato last year. "
            "The plant cost $1 billion and employs 2,000 people.")
    assert regions(text) == ["Mexico", "Guanajuato", "Guanajuato"]


@pytest.mark.parametrize("text, expected", [
    ("Tamil Nadu, Gujarat and Maharashtra drew most of the new factories. "
     "Foreign direct investment reached $71 billion.", ["India"]),
    ("Nairobi, Mombasa and Kisumu counties are the biggest spenders. "
     "County governments received Sh400 billion.", ["Kenya"]),
])
def test_a_story_that_opens_on_several_provinces_is_about_their_country(text, expected):
    assert regions(text) == expected


# ---- 2. a place inside a company's name is not the region ----------------------------------

@pytest.mark.parametrize("text, expected", [
    ("U.S. retail sales rose 0.4% in May. Victoria's Secret said its sales fell 5% to $1.4 billion.",
     ["United States", "United States", "United States"]),
    ("Spain's economy grew 0.8% in the quarter. Santander said its profit rose 12% to 3.2 billion euros.",
     ["Spain", "Spain", "Spain"]),
    ("Air India ordered 470 planes from Boeing and Airbus.", [None]),
    ("Coal India produced 773 million tonnes of coal.", [None]),
    ("Hong Kong Exchanges and Clearing reported a profit of 11.9 billion.", [None]),
])
def test_a_place_in_a_companys_name_or_reporting_its_results_is_not_the_region(text, expected):
    assert regions(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("China's GDP grew 5.2% last year. Spain's jobless rate fell to 11.7%.", ["China", "Spain"]),
    ("Santander's unemployment rate was 8.4% in June.", ["Santander"]),
    ("Ontario said its deficit would narrow to $6.6 billion.", ["Ontario"]),
    ("Japan's Nikkei rose 2% and Hong Kong's Hang Seng fell 1.1%.", ["Japan", "Hong Kong"]),
    ("India's Reserve Bank said inflation would average 4.5%.", ["India"]),
])
def test_a_place_owning_its_statistics_or_its_budget_stays_the_region(text, expected):
    assert regions(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Consumer prices in Greater Jakarta rose 2.1% in May.", ["Jakarta"]),
    ("Statistics Canada said consumer prices rose 1.9% in 2023.", ["Canada"]),
    ("In March China's exports rose 7%.", ["China"]),
    ("Record Exports Lift China's Economy By 5%", ["China"]),
])
def test_a_capitalised_word_before_a_place_that_is_no_name_leaves_it_the_region(text, expected):
    assert regions(text) == expected


# ---- 3. a trade partner is not the region ---------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("Imports from Mexico made up 15% of U.S. imports in 2023.", ["United States"]),
    ("Mexico accounted for 15.4% of U.S. imports last year.", ["United States"]),
    ("Trade with China accounted for 12% of U.S. imports.", ["United States"]),
    ("Exports to China made up 20% of Germany's total exports.", ["Germany"]),
])
def test_a_share_of_a_places_trade_is_that_places_whatever_partner_is_named(text, expected):
    assert regions(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Xinjiang's GDP per capita was 81 per cent of China's average.", ["Xinjiang"]),
    ("Vietnam's economy grew 6% last year. Exports to the United States rose 14%.", ["Vietnam", "Vietnam"]),
    ("Chile's copper output fell 2%. Shipments to China fell 5%.", ["Chile", "Chile"]),
])
def test_a_partner_or_the_base_of_a_ratio_is_not_the_region(text, expected):
    assert regions(text) == expected


# ---- places side by side -------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("Unlike India, Brazil cut its policy rate by 50 basis points.", ["Brazil"]),
    ("Unlike Poland, Hungary raised rates to 13%.", ["Hungary"]),
    ("Guangdong, China's biggest provincial economy, grew 5% last year.", ["Guangdong"]),
])
def test_two_places_side_by_side_are_a_place_in_another_only_where_one_holds_the_other(text, expected):
    assert regions(text) == expected


# ---- 4. the country a story is about ---------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("OTTAWA (newsfigures) - The federal government's budget projects a deficit of C$42 billion. "
     "Ontario will receive C$3 billion for transit.", ["Canada", "Ontario"]),
    ("The federal budget forecasts a deficit of 2.1% of GDP. "
     "Bavaria will receive 4 billion euros for rail.", ["Germany", "Bavaria"]),
    ("NEW DELHI (newsfigures) - The budget raises capital spending to Rs 11 lakh crore. "
     "Kerala gets Rs 5,000 crore for ports.", ["India", "Kerala"]),
])
def test_a_story_on_a_national_budget_that_names_a_province_only_later_is_the_countrys(text, expected):
    assert regions(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("TORONTO (newsfigures) - The budget projects a deficit of C$6 billion. "
     "Ontario will also borrow C$40 billion.", ["Ontario", "Ontario"]),
    ("The state budget projects a deficit of A$2 billion. Queensland will also borrow A$20 billion.",
     ["Queensland", "Queensland"]),
])
def test_a_story_filed_outside_the_capital_on_a_budget_not_called_federal_keeps_the_province(text, expected):
    assert regions(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("The Philippine peso firmed. Remittances sent home by Filipinos working in Saudi Arabia rose 3% "
     "to $9 billion.", ["Philippines", "Philippines"]),
    ("Guatemala's exports rose 2%. Remittances from the United States and Canada reached $19 billion.",
     ["Guatemala", "Guatemala"]),
    ("Pakistan's central bank said remittances from workers living in the United Arab Emirates rose 9%.",
     ["Pakistan"]),
])
def test_remittances_are_the_home_countrys_whatever_place_they_are_sent_from(text, expected):
    assert regions(text) == expected


def test_dollar_amounts_do_not_make_a_story_american():
    text = ("Vietnam's exports rose 14% to $190 billion in the first half. Shipments to the United States "
            "rose 20%. Foreign direct investment reached $11 billion. The trade surplus was $12 billion.")
    assert regions(text) == ["Vietnam", "Vietnam", "Vietnam", "Vietnam", "Vietnam"]


def test_a_commodity_price_in_us_dollars_is_the_budgets_place_not_the_united_states():
    text = ("Saskatchewan expects a deficit of C$1.1 billion. The budget assumes oil at US$70 a barrel. "
            "The United States buys most of the province's potash.")
    assert regions(text) == ["Saskatchewan", "Saskatchewan"]


# ---- 5. places a figure is only compared with ------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("Peru's copper exports, mostly to China, rose 8% to $21 billion.", ["Peru", "Peru"]),
    ("Bavaria, home to most of the country's carmakers, grew 1.1% last year.", ["Bavaria"]),
    ("Chile's wine exports, led by shipments to China and Brazil, rose 6%.", ["Chile"]),
    ("Gujarat, which draws much of India's investment, grew 9.2% in 2023-24.", ["Gujarat"]),
])
def test_a_place_in_an_aside_between_commas_is_not_the_place_of_the_figures_after_it(text, expected):
    assert regions(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("India's exports grew 5%. Software exports from Pune rose 12% to $9 billion.", ["India", "Pune", "Pune"]),
    ("Chile's output grew 2%. Shipments of copper from Antofagasta fell 4%.", ["Chile", "Antofagasta"]),
    ("Canada's imports from Mexico rose 3%.", ["Canada"]),
])
def test_exports_from_a_place_are_its_own_imports_from_a_place_are_not(text, expected):
    assert regions(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Brazil's federal budget is 14 times the Sao Paulo budget.", ["Brazil"]),
    ("India's economy is twice the size of Indonesia's economy, at $3.9 trillion.", ["India"]),
])
def test_a_place_a_multiple_is_taken_of_is_compared_with(text, expected):
    assert regions(text) == expected


def test_the_base_of_a_share_does_not_hold_the_figures_after_it():
    text = "Gauteng accounts for 33% of national GDP and plans to spend R20 billion on roads."
    assert regions(text) == ["Gauteng", "Gauteng"]


def test_the_national_total_is_the_countrys_beside_a_provinces_share_of_it():
    text = "Jalisco drew $2.1 billion of investment, 8% of the national total of $26 billion."
    assert regions(text) == ["Jalisco", "Jalisco", "Mexico"]


# ---- 6. a province or state named again --------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("Maharashtra's budget was presented on Friday. Exports from Pune rose 12%. "
     "The state aims to become a $1 trillion economy.", ["Pune", "Maharashtra"]),
    ("Mexico's economy grew 1%. Jalisco drew $2.1 billion of investment. "
     "The western state's government plans to spend 9 billion pesos on roads.",
     ["Mexico", "Jalisco", "Jalisco"]),
])
def test_the_state_is_the_state_named_last_not_a_city_in_it(text, expected):
    assert regions(text) == expected


def test_the_state_as_a_government_is_no_place():
    text = ("Scotland's economy grew 0.4%. The United Kingdom's economy grew 0.6%. "
            "The state pension will rise 4.1% next year.")
    assert regions(text) == ["Scotland", "United Kingdom", "United Kingdom"]


def test_a_province_named_with_its_word_is_a_place_though_no_table_lists_it():
    text = ("South Korea's economy grew 1%. Chungcheong Province, home to the country's battery plants, "
            "plans to spend 2 trillion won on roads.")
    assert regions(text) == ["South Korea", "Chungcheong"]


# ---- 7. Chinese: "全市", "全省" and names ---------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("遵义市2024年经济运行情况\n全市地区生产总值增长5.6%。贵州茅台营业收入增长15.7%。全年全市接待游客1.2亿人次。",
     ["Zunyi", "Guizhou", "Zunyi"]),
    ("绵阳市2024年统计公报\n全市地区生产总值增长6.5%。据四川省统计局数据，全省地区生产总值增长5.7%。",
     ["Mianyang", "Sichuan"]),
])
def test_the_whole_city_is_the_texts_city_and_the_whole_province_its_province(text, expected):
    assert regions(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("泸州市经济运行\n全市地区生产总值增长6.1%，经济总量稳居全省第五。规模以上工业增加值增长7.2%。",
     ["Luzhou", "Luzhou"]),
    ("林芝市上半年经济\n林芝市地区生产总值增长6.9%，高于全区平均水平0.7个百分点。", ["Nyingchi", "Nyingchi"]),
])
def test_a_whole_province_that_ranks_or_is_compared_with_the_city_is_not_its_place(text, expected):
    assert regions(text) == expected


def test_a_place_in_brackets_inside_a_companys_name_is_not_the_region():
    text = "茂名市上半年经济\n位于茂名高新区的埃克森（广东）化工项目累计完成投资超过300亿元。"
    assert regions(text) == ["Maoming"]


def test_the_base_of_a_share_still_owns_its_own_level_after_it():
    text = "Sabah's income per head was 52 per cent of Malaysia's per capita GDP of 54,000 ringgit."
    assert regions(text) == ["Sabah", "Malaysia"]


# ---- a name that is some other country's region, alone, is no place --------------------------

def test_a_company_named_like_a_foreign_region_is_no_place_in_a_story_about_another_country():
    text = ("Ireland's corporation tax receipts rose, led by Apple, Google, Meta and Intel. "
            "Irish tax receipts reached €12.2 billion in June.")
    assert regions(text) == ["Ireland"]


def test_a_region_name_the_storys_own_country_also_has_stays_a_place():
    text = "Pakistan's budget raises Punjab's share of federal transfers to Rs2.9tr, the finance minister said."
    assert regions(text) == ["Punjab"]


def test_a_foreign_region_named_with_its_country_stays_a_place():
    text = "Ireland's exports rose 4% in 2023. In the United States, Texas shipped $450 billion of goods abroad."
    assert places(text)[-1] == ("$450 billion", "Texas")


def test_the_people_of_a_country_named_by_their_plural_name_say_where_a_figure_is():
    text = "DHAKA, April 12 (BSS) – Expatriate Bangladeshis sent nearly US $12 billion home in nine months."
    assert regions(text)[0] == "Bangladesh"
    assert regions("Kenyans spent 3 billion shillings on airtime last year.") == ["Kenya"]


def test_a_foreign_regions_name_is_no_place_though_the_storys_country_is_only_an_adjective():
    text = ("June receipts reflect tech companies here, including Google, Meta and Intel. "
            "A strong Irish labour market lifted income tax receipts to €2.8 billion in June.")
    assert regions(text) == ["Ireland"]


def test_a_region_of_the_country_whose_money_the_text_counts_in_stays_a_place():
    text = ("CANBERRA (Reuters) - Queensland's budget forecasts a deficit of A$3.1 billion, "
            "as coal exports to China fall.")
    assert regions(text) == ["Queensland"]


# ---- lists, brackets and venues ---------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("Retail sales in Ontario and Quebec rose 3.1% and 2.4%, respectively.", ["Ontario", "Quebec"]),
    ("The GDP of Gujarat, Kerala and Bihar grew 8.2%, 6.6% and 9.1% respectively.", ["Gujarat", "Kerala", "Bihar"]),
    ("Home prices rose 4% and 7% in Texas and Florida, respectively.", ["Texas", "Florida"]),
    # two lists of as many figures: each pairs with the places in order
    ("In Saxony and Hesse output fell 0.3% and 0.5% respectively on the quarter, and 1.0% and 1.4% on the year.",
     ["Saxony", "Hesse", "Saxony", "Hesse"]),
])
def test_respectively_pairs_a_list_of_places_with_a_list_of_as_many_figures_in_order(text, expected):
    assert regions(text) == expected


def test_a_figure_in_brackets_after_a_place_is_that_places_even_in_a_ranking():
    assert regions("Unemployment was highest in Spain (11.3%) and Greece (9.8%), and lowest in Malta (2.6%) and "
                   "Poland (2.8%).") == ["Spain", "Greece", "Malta", "Poland"]
    # several places before one bracket: none of them alone
    assert regions("Inflation was lowest in Denmark and Finland (both 1.2%).") == [None]


def test_the_gdp_of_a_place_is_a_measure_not_a_name_like_the_bank_of_china():
    assert regions("The GDP of Jiangsu reached 12.8 trillion yuan.") == ["Jiangsu"]


def test_the_place_where_a_budget_was_presented_is_not_what_its_figures_are_about():
    assert regions("Ghana's finance minister presented the 2025 budget before Parliament in Accra on Tuesday. "
                   "Spending is put at 226 billion cedis.") == ["Ghana"]


def test_a_national_statistics_office_stands_for_its_country():
    assert regions("Stats NZ said retail sales fell 1.1 percent in the June quarter.") == ["New Zealand"]


def test_an_office_of_a_place_names_that_place_unlike_a_bank_of_it():
    assert regions("The Finance Minister of Punjab presented the budget. Spending is put at Rs 2,00,000 crore.") \
        == ["Punjab"]


def test_a_dateline_of_a_city_and_its_country_on_its_own_line_is_where_the_story_was_filed():
    assert places("ALMATY, Kazakhstan, Oct.3\n\nUzbekistan's economy grew 6.1 percent in the first nine months.") \
        == [("6.1 percent", "Uzbekistan"), ("nine months", "Uzbekistan")]


def test_bc_with_its_dots_is_british_columbia():
    assert regions("B.C. is projecting a deficit of $7.9 billion.") == ["British Columbia"]


def test_what_the_review_found_about_places_stays_fixed():
    # a line that holds only a place is a heading, not a dateline
    assert regions("Germany\nGDP rose 0.2% in the first quarter.") == ["Germany"]
    # an agency and its city on a line of their own are a dateline
    assert regions("UNB, Dhaka\nThe budget for Bangladesh is Tk 8 lakh crore.") == ["Bangladesh"]
    # "assembly elections in Gujarat" are Gujarat's, not a venue
    assert places("The ruling party won 156 of 182 seats in the assembly elections in Gujarat.")[-1] \
        == ("182 seats", "Gujarat")
    # "500 B.C." is an era
    assert "British Columbia" not in regions("The town was founded in 500 B.C. and had 3,000 people.")


def test_a_dateline_of_several_cities_in_capitals_is_where_the_story_was_filed():
    assert regions("VIENNA/ZURICH (dpa-AFX) - The Czech National Bank cut its key policy rate by 25 basis "
                   "points to 6.5 percent.") == ["Czech Republic", "Czech Republic"]


def test_a_countrys_central_bank_stands_for_the_country_but_a_national_bank_only_in_monetary_policy():
    assert regions("The Nigerian Central Bank raised rates to 27.5 percent.") == ["Nigeria"]
    assert regions("The Swiss National Bank held its policy rate at 1 percent.") == ["Switzerland"]
    assert regions("Qatar National Bank reported a profit of $4 billion, up 8%.") == [None, None]


def test_the_first_end_of_a_range_takes_the_place_written_after_the_other():
    assert places("Unemployment will fall from 8.3% to 6.5% in Flanders; from 16% to 13.3% in Wallonia and "
                  "from 19.7% to 17.4% in the Brussels-Capital Region.") == [
        ("8.3%", "Flanders"), ("6.5%", "Flanders"), ("16%", "Wallonia"), ("13.3%", "Wallonia"),
        ("19.7%", "Brussels"), ("17.4%", "Brussels")]


def test_belgiums_regions_by_their_english_names():
    assert regions("Growth was 1.6% in the Flemish Region and 1.1% in the Walloon Region.") == ["Flanders", "Wallonia"]


def test_who_published_a_statistic_is_not_what_it_is_about():
    assert regions("Slovenia's annual inflation rate, as measured by the harmonised index published by Eurostat, "
                   "fell to 2.1% in May.") == ["Slovenia"]
    assert regions("Exports rose 5% in March, according to Statistics Canada.") == ["Canada"]


def test_a_place_before_its_own_assembly_is_that_place_and_countries_are_named_with_and():
    assert places("The Tobago House of Assembly wants $3.71b, of the $63.5 billion budget of Trinidad and "
                  "Tobago.") == [("$3.71b", "Tobago"), ("$63.5 billion", "Trinidad and Tobago")]


def test_a_dateline_after_an_agency_tag_is_where_the_story_was_filed():
    assert regions("(MENAFN- IANS) Hyderabad, Feb 10 (IANS) Telangana Deputy Chief Minister Mallu Bhatti "
                   "Vikramarka on Saturday presented a budget of Rs 2.75 lakh crore.") == ["Telangana"]


def test_where_a_statement_was_released_is_not_what_it_is_about():
    assert regions("Kenya's budget statement, released by the Treasury Secretary in Nairobi on Thursday, "
                   "forecasts a deficit of 4.3% of GDP.") == ["Kenya"]


def test_a_chief_minister_is_the_office_of_the_state_before_it():
    assert regions("Punjab Chief Minister Bhagwant Mann presented a budget of Rs 2 lakh crore.") == ["Punjab"]


def test_the_place_of_a_cause_is_not_what_a_companys_figures_are_about():
    assert regions("ANA posted revenue of ¥2 trillion for the year. Demand recovered following Japan's Kumamoto "
                   "earthquakes.") == [None]
