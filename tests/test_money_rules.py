"""Money in every currency: the rules of FORMAT.md's "Values and units", one test per rule.

Every sentence is our own, written in the style of UK, US, Indian, Japanese, euro-area, African
and Latin American economics copy; none is taken from a benchmark set. A money figure is written
(value, ISO code) or (value, ISO code, qualifier); only money figures are compared.
"""
from __future__ import annotations

import pytest

from tasks.extract import currencies, parse_figures


def money(text: str) -> list[tuple]:
    return [(float(f.value), f.unit, f.qualifier) for f in parse_figures(text) if f.kind == "money"]


def amounts(text: str) -> list[tuple[float, str]]:
    return [(v, u) for v, u, _ in money(text)]


def approx(rows):
    return [(pytest.approx(v, rel=1e-9), u) for v, u in rows]


# --- the lexicon comes from CLDR, the curated layer on top ------------------------------------
def test_every_currency_in_circulation_is_known_by_its_code():
    assert {"KES", "ZAR", "IDR", "INR", "BRL", "NGN", "GHS", "VND", "XOF", "PEN"} <= set(currencies.TENDER)
    assert {"KES", "ZAR", "IDR", "NGN", "XOF"} <= currencies.CODES


def test_codes_that_are_english_words_are_not_read_as_currencies():
    assert "ALL" in currencies.TENDER and "ALL" not in currencies.CODES
    assert money("ALL 25 members voted and the TOP 10 firms paid.") == []


def test_a_code_from_cldr_before_or_after_the_amount_is_money():
    assert amounts("The central bank sold XOF 150 billion of bills.") == [(150e9, "XOF")]
    assert amounts("Exports earned 2.3 billion GHS last year.") == [(2.3e9, "GHS")]


def test_an_english_currency_name_from_cldr_is_money_in_singular_and_plural():
    assert amounts("Tickets cost 500 Kenyan shillings and 20 Ghanaian cedis.") == [(500, "KES"), (20, "GHS")]
    assert amounts("The loan is worth 4 billion Vietnamese dong.") == [(4e9, "VND")]


def test_a_head_word_only_one_currency_has_is_that_currency():
    assert amounts("Farmers were paid 5 trillion naira and 300 billion rupiah.") == [(5e12, "NGN"), (300e12 / 1000, "IDR")]


def test_a_curated_name_wins_over_cldr():
    assert currencies.NAMES["won"] == "KRW" and currencies.NAMES["reais"] == "BRL"
    assert amounts("The chaebol earned 10 trillion won, or 50 billion reais.") == [(10e12, "KRW"), (50e9, "BRL")]


# --- names shared by several currencies take the text's country -------------------------------
def test_shillings_are_ugandan_in_a_ugandan_text_and_kenyan_in_a_kenyan_one():
    assert amounts("Uganda's parliament passed a budget of 72 trillion shillings in Kampala.") == [(72e12, "UGX")]
    assert amounts("Kenya's Treasury plans to raise 300 billion shillings, Kenyan officials said.") == [(300e9, "KES")]


def test_sh_before_the_amount_follows_the_text_country():
    assert amounts("Kenya: counties got Sh4tn and Sh195.6 billion from Nairobi.") == [(4e12, "KES"), (195.6e9, "KES")]
    assert amounts("Tanzania's budget of Sh49 trillion was read in Dodoma by the Tanzanian minister.") == [(49e12, "TZS")]


def test_swedish_norwegian_danish_and_czech_crowns_are_their_currencies():
    assert amounts("Profit was 12 billion Swedish crowns, against 30 billion Norwegian crowns, "
                   "2 billion Danish crowns and 20 billion Czech crowns.") == [
        (12e9, "SEK"), (30e9, "NOK"), (2e9, "DKK"), (20e9, "CZK")]


def test_riyals_follow_the_text_country_and_are_saudi_by_default():
    assert amounts("Qatar approved a budget with revenue of 202 billion riyals.") == [(202e9, "QAR")]
    assert amounts("The deficit is 79 billion riyals.") == [(79e9, "SAR")]


def test_pesos_are_argentine_in_an_argentine_text():
    assert amounts("Argentina's Congress approved spending of 48 trillion pesos.") == [(48e12, "ARS")]
    assert amounts("Mexican lawmakers approved 9 trillion pesos of spending.") == [(9e12, "MXN")]


# --- local signs papers print ----------------------------------------------------------------
def test_indian_signs_rs_and_the_rupee_sign_are_inr():
    assert amounts("The ministry spent Rs 500 crore, Rs. 12 lakh and ₹3,000 crore.") == [
        (5e9, "INR"), (1.2e6, "INR"), (3e10, "INR")]


def test_kenyan_tanzanian_and_ugandan_shilling_signs():
    assert amounts("Fees rose to KSh 1,200, TSh 5,000 and USh 40,000.") == [(1200, "KES"), (5000, "TZS"), (40000, "UGX")]


def test_rupiah_and_real_signs():
    assert amounts("Jakarta set aside Rp 71 trillion; Brasilia set aside R$ 12 billion.") == [(71e12, "IDR"), (12e9, "BRL")]


def test_r_glued_to_an_amount_is_rand_in_south_african_copy():
    text = "South Africa's Treasury projects revenue of R1.86-trillion, R59bn for Eskom and R12 billion for rail."
    assert amounts(text) == [(1.86e12, "ZAR"), (59e9, "ZAR"), (12e9, "ZAR")]


def test_r_is_no_currency_outside_south_african_copy_nor_in_names():
    assert money("Rivian's R2 costs less; R&D grew and the R500 model sold out.") == []
    assert money("South Africa's R2-D2 fans and R&D labs met in Pretoria.") == []


def test_n_glued_to_an_amount_is_naira_in_nigerian_copy_but_not_a_mask_name():
    text = "Nigeria's budget is N54.99 trillion, the Nigerian finance ministry said; N95 masks cost N2,000."
    assert amounts(text) == [(54.99e12, "NGN"), (2000, "NGN")]


# --- scale words -------------------------------------------------------------------------------
def test_indian_digit_grouping_is_read_as_printed():
    assert approx(amounts("Receipts were Rs 4,60,518.80 crore against Rs 3,25,140.50 crore.")) == approx(
        [(4.6051880e12, "INR"), (3.2514050e12, "INR")])


def test_lakh_crore_is_a_trillion_and_crores_take_the_plural():
    assert amounts("Capital spending is Rs 11.11 lakh crore; the state got Rs 210 crores.") == [
        (11.11e12, "INR"), (2.1e9, "INR")]


def test_crores_of_nothing_named_are_rupees_but_crores_of_people_are_a_count():
    assert amounts("The corporation set aside 210 crores for roads.") == [(2.1e9, "INR")]
    assert money("About 2 crore people live in the city.") == []


def test_abbreviated_scales_bn_tn_mn_and_m():
    assert amounts("Borrowing hit £14.2bn, €1.7tn, $3mn and ¥450m.") == [
        (14.2e9, "GBP"), (1.7e12, "EUR"), (3e6, "USD"), (450e6, "CNY")]


def test_a_line_break_may_stand_between_a_number_and_its_scale_word_or_currency():
    assert amounts("Japan's cabinet approved a 13.9\ntrillion yen package.") == [(13.9e12, "JPY")]
    assert amounts("The ECB lent 2.4\nbillion euros and 300\neuros more.") == [(2.4e9, "EUR"), (300, "EUR")]
    assert amounts("Rates rose 2.4  billion euros in all.") == [(2.4e9, "EUR")]


def test_a_paragraph_break_or_a_capitalised_word_ends_the_figure():
    assert money("The index rose 1.5\n\nYen traders were cautious.") == []
    assert money("Shares closed at 14\nEuro area growth slowed.") == []


# --- ambiguous symbols --------------------------------------------------------------------------
def test_a_bare_dollar_in_an_australian_state_budget_is_aud():
    text = ("Queensland's budget will fund $1000 off power bills. Queenslanders get fares of 50c, "
            "the Queensland Treasurer said.")
    assert amounts(text) == [(1000, "AUD"), (0.5, "AUD")]


def test_a_bare_dollar_in_canadian_copy_is_cad():
    assert amounts("Canada's budget: Ottawa will spend $52.9 billion, Canadian officials said in Ontario.") == [
        (52.9e9, "CAD")]


def test_a_bare_dollar_that_a_dollar_countrys_own_government_states_once_is_its_dollar():
    assert amounts("New Zealand Finance Minister Nicola Willis sees a deficit of $12.9 billion.") == [(12.9e9, "NZD")]
    assert amounts("The Australian government will spend $3 billion on roads.") == [(3e9, "AUD")]
    # one mention of the country without its government is not enough
    assert amounts("Apple's sales in Canada rose to $2 billion.") == [(2e9, "USD")]


def test_dh_before_an_amount_is_the_uae_dirham():
    assert amounts("The Cabinet approved a federal budget of Dh192 billion, with Dhs64.06 billion for 2024.") == [
        (192e9, "AED"), (64.06e9, "AED")]


def test_us_dollar_marks_do_not_make_a_text_american():
    text = ("Australia's budget: Canberra will repay US$3bn of US$-denominated debt and spend $2 billion "
            "on roads, Australian officials said.")
    assert amounts(text) == [(3e9, "USD"), (2e9, "AUD")]


def test_a_bare_dollar_stays_usd_when_the_text_writes_the_local_dollar_by_its_own_mark():
    text = "Australia's Woodside will pay A$1.2 billion; the deal is worth $800 million, Australian officials said."
    assert amounts(text) == [(1.2e9, "AUD"), (800e6, "USD")]


def test_a_bare_dollar_stays_usd_in_a_text_about_the_us_or_a_non_dollar_country():
    assert amounts("Indonesia's free meals cost $6.14 billion, the Indonesian government said.") == [(6.14e9, "USD")]
    assert amounts("The US Treasury and Canadian banks: America lent $5 billion to US firms.") == [(5e9, "USD")]
    assert amounts("A single mention of Sydney, Australia: the firm raised $40 million.") == [(40e6, "USD")]


def test_a_bare_dollar_stays_usd_where_local_copy_prints_its_own_dollar_with_letters():
    assert amounts("Taiwan's TSMC will invest $20 billion in Taiwan, Taiwanese officials said.") == [(20e9, "USD")]


def test_commodity_prices_per_barrel_are_usd_in_any_dollar_country():
    text = "Alberta's oil traded at $52 a barrel, the Alberta energy minister told Canadians."
    assert amounts(text) == [(52, "USD")]


def test_the_yen_sign_follows_the_financial_capital_a_text_names():
    assert amounts("Revenue for the year was ¥1.2 trillion, the Osaka-based maker said in Tokyo.") == [(1.2e12, "JPY")]
    assert amounts("Profit was ¥30 billion, the Shenzhen-based maker told the Shanghai exchange.") == [(30e9, "CNY")]


def test_the_yen_sign_is_jpy_in_japanese_copy_and_cny_in_chinese_copy():
    assert amounts("Toyota expects profit of ¥4.3 trillion, the Japanese carmaker said in Japan.") == [(4.3e12, "JPY")]
    assert amounts("China's Alibaba booked ¥50 billion, the Chinese firm said.") == [(50e9, "CNY")]


# --- not figures ------------------------------------------------------------------------------
def test_exchange_tickers_are_not_figures():
    assert parse_figures("TSMC (2354.TW) and Tencent (0700.HK) led; Toyota (7203.T) fell.") == []


def test_a_month_and_its_year_before_a_noun_is_a_date():
    assert parse_figures("Output is still below October 2018 levels and Jan 2020 highs.") == []


# --- conversions -----------------------------------------------------------------------------
def test_a_conversion_into_two_currencies_is_three_linked_figures_with_the_amounts_qualifier():
    figs = [f for f in parse_figures("Jakarta will spend about 5.2 trillion rupiah ($330 million, "
                                     "300 million euros) on meals.") if f.kind == "money"]
    assert [(float(f.value), f.unit, f.qualifier) for f in figs] == [
        (5.2e12, "IDR", "approx"), (330e6, "USD", "approx"), (300e6, "EUR", "approx")]
    assert [(f.link_seq, f.link_type) for f in figs[1:]] == [(figs[0].seq, "conversion")] * 2


def test_a_conversions_own_cue_beats_the_inherited_qualifier():
    figs = [f for f in parse_figures("Profit exceeded 10 trillion won (about $7.3 billion; nearly "
                                     "6.7 billion euros).") if f.kind == "money"]
    assert [(float(f.value), f.unit, f.qualifier) for f in figs] == [
        (10e12, "KRW", "at_least"), (7.3e9, "USD", "approx"), (6.7e9, "EUR", "at_most")]
    assert [f.link_seq for f in figs[1:]] == [figs[0].seq] * 2


def test_amounts_after_the_brackets_close_are_not_conversions():
    figs = [f for f in parse_figures("It paid 1 trillion yen ($6.6 billion), and later $5 billion, 2 billion euros.")
            if f.kind == "money"]
    assert [f.link_type for f in figs] == ["conversion", "conversion", None, None]


def test_a_year_after_a_possessive_names_a_dated_thing_but_a_plural_after_it_is_a_count():
    assert parse_figures("Mexico's 2025 budget and India’s 2024 plan were passed.") == []
    assert [(float(f.value), f.unit) for f in parse_figures("The company's 2000 employees struck.")] == [
        (2000, "employee")]


def test_rs_and_rupees_are_indian_unless_the_text_is_about_another_rupee_country():
    assert amounts("Maharashtra will spend Rs 500 crore and 20 billion rupees.") == [(5e9, "INR"), (20e9, "INR")]
    assert amounts("Pakistan's budget: Islamabad will spend Rs 1.2 trillion and 300 billion rupees.") == [
        (1.2e12, "PKR"), (300e9, "PKR")]
    assert amounts("Sri Lanka's central bank printed Rs. 50 billion.") == [(50e9, "LKR")]


# --- exchange rates ----------------------------------------------------------------------------
def test_an_exchange_rate_per_dollar_is_money_in_the_currency_named_before_it():
    assert amounts("The rupee closed at 83.21 per dollar and the yen at 151.9 to the dollar.") == [
        (83.21, "INR"), (151.9, "JPY")]
    assert amounts("In Johannesburg the rand traded at 18.5 to the dollar.") == [(18.5, "ZAR")]


def test_euro_and_sterling_against_the_dollar_are_quoted_in_dollars():
    assert amounts("The euro rose to 1.09 against the dollar and sterling to 1.27 against the dollar.") == [
        (1.09, "USD"), (1.27, "USD")]


def test_a_rate_per_dollar_with_no_currency_named_before_it_is_no_money():
    assert money("Each programme returned 5 per dollar of spending.") == []


def test_local_dollar_signs_the_regions_papers_print_are_their_own_dollars():
    assert amounts("Windhoek's budget rose to N$88.7 billion, Kingston spent J$12 billion and "
                   "Port of Spain TT$3.4 billion.") == [(88.7e9, "NAD"), (12e9, "JMD"), (3.4e9, "TTD")]
    assert amounts("A T-shirt cost $5.") == [(5, "USD")]


def test_tr_glued_to_an_amount_of_money_is_trillions():
    assert amounts("Pakistan's federal budget is Rs17.57tr, with Rs2.55tr for defence.") == \
        [(17.57e12, "PKR"), (2.55e12, "PKR")]
    assert money("The 3tr category grew.") == []


def test_cents_in_a_text_of_euros_are_euro_cents():
    assert amounts("UniCredit will pay 95 cents a share after a profit of €9.7 billion.") == \
        approx([(0.95, "EUR"), (9.7e9, "EUR")])
    assert amounts("Apple pays 25 cents a share and earned $20 billion.") == approx([(0.25, "USD"), (20e9, "USD")])


@pytest.mark.parametrize("text, unit", [
    ("The Wesfarmers Ltd (ASX: WES) share price rose after revenue rose 3.6% to $23.49 billion.", "AUD"),
    ("Shopify (TSX: SHOP) reported quarterly revenue of $2.8 billion.", "CAD"),
    ("Fletcher Building (NZX: FBU) posted a net loss of $227 million.", "NZD"),
    ("Apple (NASDAQ: AAPL) said revenue rose to $94 billion.", "USD"),
])
def test_a_companys_stock_listing_names_the_dollar_its_bare_dollar_amounts_are_in(text, unit):
    assert {u for _, u in amounts(text)} - {"%"} == {unit}


def test_a_listing_does_not_outweigh_a_text_that_is_about_the_united_states():
    text = ("BHP (ASX: BHP) said its US unit earned $1.2 billion, as American demand and US prices "
            "rose in the United States.")
    assert {u for _, u in amounts(text)} == {"USD"}


def test_the_new_shekel_is_the_israeli_currency_by_its_full_name():
    assert amounts("Israel's deficit dropped to 70.3 billion new shekels.") == [(70.3e9, "ILS")]
    assert amounts("The fund holds 5 billion new Israeli shekels.") == [(5e9, "ILS")]


@pytest.mark.parametrize("text, value", [
    ("The government presented a budget of Rs 1 trillion 860 billion for the fiscal year.", 1.86e12),
    ("The total budget is put at Rs 1 trillion 860 billion and 300 million.", 1.8603e12),
    ("Revenue collection will bring Rs 1 billion 260 million 300 thousand.", 1.2603e9),
])
def test_an_amount_written_as_a_sum_of_ever_smaller_scaled_parts_is_one_amount(text, value):
    assert [v for v, _ in amounts(text)] == [pytest.approx(value)]


def test_a_range_between_two_scaled_amounts_stays_two_amounts():
    assert len(amounts("Losses were put between $3 billion and $500 million.")) == 2


def test_rupees_of_a_text_dated_in_bikram_sambat_or_about_kathmandu_are_nepalese():
    assert amounts("The budget for the fiscal year 2081/82 BS is put at Rs 1.86 trillion.") == [(1.86e12, "NPR")]
    assert amounts("The Kathmandu municipality spent Rs 5 billion on roads.") == [(5e9, "NPR")]
    assert amounts("India's budget of Rs 48 lakh crore for 2025-26 was passed.") == [(48e12, "INR")]


def test_cr_after_an_indian_amount_is_crore():
    assert amounts("The state's revenue deficit shot up to Rs 52,400 cr.") == [(5.24e11, "INR")]
    assert amounts("Metro phase III will cost ₹1,200cr.") == [(1.2e10, "INR")]


def test_rs_in_a_text_of_pakistans_or_sri_lankas_institutions_is_their_rupee():
    assert amounts("The FBR collected Rs 9.3 trillion in taxes.") == [(9.3e12, "PKR")]
    assert amounts("The Central Bank of Sri Lanka bought Rs 40 billion of bills.") == [(4e10, "LKR")]
    assert amounts("Maharashtra set aside Rs 40 billion for roads.") == [(4e10, "INR")]


def test_an_r_amount_in_a_text_that_names_the_rand_is_rand():
    assert amounts("The rand firmed as the Treasury raised R45 billion in bonds.") == [(4.5e10, "ZAR")]


def test_bare_cents_in_a_text_written_in_one_dollar_are_that_dollars():
    assert amounts("Revenue was NZ$4.1 billion and the dividend 12 cents a share.") == [(4.1e9, "NZD"), (0.12, "NZD")]
    # with a bare "$" or another dollar beside it, cents stay the text's plain dollar
    assert amounts("Revenue was US$4.1 billion, or NZ$6.9 billion, and the dividend 12 cents.")[-1] == (0.12, "USD")


def test_dirhams_are_the_currency_of_the_country_the_text_is_about():
    assert amounts("Morocco's budget deficit widened to 1.7 billion dirhams.") == [(1.7e9, "MAD")]
    assert amounts("Dubai's revenue reached 5 billion dirhams.") == [(5e9, "AED")]


def test_a_code_in_title_case_is_money_as_east_african_papers_print_it():
    assert amounts("Kigali's budget rises by Rwf574.5 billion, and Uganda's by Ugx 3 trillion.") == [
        (574.5e9, "RWF"), (3e12, "UGX")]


def test_title_case_codes_that_are_words_or_names_stay_words():
    assert money("Ron 3 goals, Cad 5 points and Mad 2 scores were recorded.") == []


def test_frw_before_or_after_the_amount_is_the_rwandan_franc():
    assert amounts("Domestic revenue is 3,414.4 billion Frw, against FRW 2 trillion of loans.") == [
        (3414.4e9, "RWF"), (2e12, "RWF")]


def test_a_sign_that_is_a_whole_word_after_the_amount_is_its_currency():
    assert amounts("The fare is 500 Ksh, or 20 RMB.") == [(500, "KES"), (20, "CNY")]


def test_capitalised_scale_abbreviations_scale_the_amount():
    assert amounts("Jamaica's Government will spend $1.3Tn, of which $769.9Bn recurrent and $45Mn on roads.") == \
        approx([(1.3e12, "JMD"), (769.9e9, "JMD"), (45e6, "JMD")])


def test_meticais_are_the_mozambican_metical():
    assert amounts("Mozambique's banks hold 435.6 billion meticais in deposits.") == [(435.6e9, "MZN")]


def test_gulf_two_letter_signs_are_their_currency_in_that_country_copy():
    assert amounts("Bank Muscat earned RO 69.56 million; Kuwait's deficit is KD5.9 billion.") == [
        (69.56e6, "OMR"), (5.9e9, "KWD")]
    assert amounts("Qatar's budget sees QR 2bn of surplus; Saudi revenue is SR 1.1 trillion.") == [
        (2e9, "QAR"), (1.1e12, "SAR")]


def test_a_gulf_sign_in_a_text_about_no_gulf_country_is_no_currency():
    assert money("The survey coded answers as RO 5 million and KD 3 million.") == []


def test_a_country_capital_names_its_country_for_a_shared_sign():
    # "francs" are shared by a dozen countries; Kigali is named by GeoNames' capitals, not by hand
    assert amounts("Officials in Kigali said 5 billion francs will go to roads.") == [(5e9, "RWF")]
    assert currencies._capitals()["OM"] == "Muscat" and "JM" not in currencies._capitals()  # Kingston, Ontario


def test_nu_is_bhutans_ngultrum():
    assert amounts("Bhutan's budget gives education Nu 21.7 billion.") == [(21.7e9, "BTN")]


def test_a_country_cldr_names_with_an_ampersand_is_named_with_and_too():
    assert amounts("The Tobago House of Assembly wants $3.71b from the budget of Trinidad and Tobago, "
                   "Trinidad and Tobago's finance minister said.") == [(3.71e9, "TTD")]
