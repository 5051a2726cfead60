"""The Chinese reader, rule by rule (bench/README_zh.md on top of FORMAT.md).

Every sentence here is written for the test (other provinces, cities and years than the dev
set); the real gazetteer and metric lexicon (raw/tables) are used.
"""
from __future__ import annotations

from decimal import Decimal

import pytest

from flows.cli_extract import load_tables
from tasks.extract import parse_figures
from tasks.extract.chinese import is_chinese
from tasks.furniture import furniture_spans

REGIONS, METRICS = load_tables()


def figs(text: str, pub: str | None = "2023-03-20"):
    return parse_figures(text, pub, regions=REGIONS, metrics=METRICS)


def one(text: str, pub: str | None = "2023-03-20"):
    found = figs(text, pub)
    assert len(found) == 1, [(f.surface, f.value, f.unit) for f in found]
    return found[0]


def values(text: str, pub: str | None = "2023-03-20"):
    return [(f.kind, f.value, f.unit) for f in figs(text, pub)]


# ---- language -------------------------------------------------------------------------------
def test_a_text_mostly_in_han_characters_is_read_as_chinese():
    assert is_chinese("甘肃省2022年地区生产总值11201.6亿元,比上年增长4.5%。")
    assert not is_chinese("Gansu (甘肃) grew 4.5 percent in 2022, the bureau said.")


def test_a_page_in_traditional_characters_is_read_as_simplified_with_its_own_quotes():
    found = figs("2022年,台中市工業生產總值1.2萬億元,比上年增長3.4%,新設企業520個。")
    assert [(f.surface, f.value, f.unit) for f in found] == [
        ("1.2萬億元", Decimal("1200000000000"), "CNY"), ("增長3.4%", Decimal("3.4"), "%"),
        ("520個", Decimal("520"), "item")]
    assert {(f.period_start, f.period_end) for f in found} == {(2022, 2022)}


def test_a_converters_pinyin_glosses_are_read_past_and_quotes_keep_the_page_offsets():
    text = "(四川省)2023年涼山彝族自治州越西縣國民經(jīng)濟和社會發(fā)展統(tǒng)計公報\n全縣地區生產總值增長(zhǎng)5.6%。"
    (f,) = figs(text, None)
    assert (f.region, f.period_start, f.value) == ("Yuexi", 2023, Decimal("5.6"))
    assert text[f.start:f.end] == f.surface and f.surface.endswith("5.6%")


def test_an_english_text_quoting_a_chinese_name_keeps_the_english_reading():
    f = one("Gansu (甘肃省) grew 4.5 percent in 2022.")
    assert (f.surface, f.unit) == ("4.5 percent", "%")


# ---- values, scales and money ---------------------------------------------------------------
def test_yi_yuan_and_wan_yuan_scale_the_amount_in_cny():
    assert values("全年完成固定资产投资1875.3亿元,其中民间投资3560万元。") == [
        ("money", Decimal("187530000000"), "CNY"), ("money", Decimal("35600000"), "CNY")]


def test_wan_yi_is_ten_to_the_twelfth():
    assert values("全省金融机构存款余额达到2.35万亿元。") == [("money", Decimal("2350000000000"), "CNY")]


def test_dollars_and_hong_kong_dollars_keep_their_currency():
    assert values("实际利用外资4.6亿美元,港资企业投资12亿港元。") == [
        ("money", Decimal("460000000"), "USD"), ("money", Decimal("1200000000"), "HKD")]


def test_a_converted_amount_is_a_second_figure_with_the_qualifier_of_its_wording():
    found = figs("签约项目总额5000万美元(约合3.6亿元人民币)。")
    assert [(f.value, f.unit, f.qualifier) for f in found] == [
        (Decimal("50000000"), "USD", "exact"), (Decimal("360000000"), "CNY", "approx")]
    assert found[0].link_seq == 1 and found[0].link_type == "conversion"


def test_per_unit_money_stays_money():
    f = one("牧民人均奖补资金达到8600元/人。")
    assert (f.kind, f.value, f.unit) == ("money", Decimal("8600"), "CNY")


def test_chinese_numerals_are_read_as_numbers():
    assert values("全州辖两县一市,共有三百万亩草场。") == [
        ("quantity", Decimal("2"), "county"), ("quantity", Decimal("3000000"), "mu")]


def test_full_width_digits_and_percent_signs_are_accepted():
    f = one("青海省全年居民消费价格上涨２．３％。")
    assert (f.kind, f.value, f.unit, f.surface) == ("percent", Decimal("2.3"), "%", "上涨２．３％")


# ---- percentages ----------------------------------------------------------------------------
def test_percent_words_and_tenths():
    assert values("贫困发生率降至百分之七十以下,九成以上农户参保。") == [
        ("percent", Decimal("70"), "%"), ("percent", Decimal("90"), "%")]


def test_percentage_points_and_a_list_sharing_them():
    assert values("城乡居民收入增速分别提高1.2、0.8和0.5个百分点。") == [
        ("percent", Decimal("1.2"), "pp"), ("percent", Decimal("0.8"), "pp"), ("percent", Decimal("0.5"), "pp")]


def test_per_mille_keeps_a_printed_minus_and_decreases_in_words_are_positive():
    assert values("人口自然增长率为-1.25‰,出生人数下降3.1%。") == [
        ("percent", Decimal("-1.25"), "‰"), ("percent", Decimal("3.1"), "%")]


def test_the_change_verb_is_part_of_the_quote():
    f = one("宁夏全区规模以上工业增加值同比增长8.7%。")
    assert f.surface == "增长8.7%"


def test_multiples_are_times():
    f = one("旅游收入是2012年的2.5倍。")
    assert (f.kind, f.value, f.unit) == ("quantity", Decimal("2.5"), "times")


def test_a_structure_ratio_is_a_list_of_percent_shares():
    found = figs("2021年,三次产业结构为14.2:35.6:50.2。", "2022-04-01")
    assert [(f.kind, f.value, f.unit) for f in found] == [
        ("percent", Decimal("14.2"), "%"), ("percent", Decimal("35.6"), "%"), ("percent", Decimal("50.2"), "%")]


def test_an_index_level_is_quantity_in_unit_index():
    f = one("全区常住人口性别比为104.6。")
    assert (f.kind, f.value, f.unit) == ("quantity", Decimal("104.6"), "index")


# ---- counts and measures --------------------------------------------------------------------
@pytest.mark.parametrize("text, value, unit", [
    ("新增城镇就业4.3万人。", "43000", "person"),
    ("搬迁群众1.8万户。", "18000", "household"),
    ("粮食产量达到126.5万吨。", "1265000", "tonne"),
    ("新建农村公路850公里。", "850", "km"),
    ("高标准农田46万亩。", "460000", "mu"),
    ("引进企业32家。", "32", "enterprise"),
    ("全省9城GDP增速超过全国平均水平。", "9", "city"),
    ("全国有23个省份实现正增长。", "23", "province"),
    ("全区5地市实现5G全覆盖。", "5", "prefecture"),
    ("实施重点项目215项。", "215", "item"),
    ("全市有58个行政村。", "58", "village"),
    ("总面积4.7万平方公里。", "47000", "km2"),
    ("装机容量1200万千瓦。", "12000000", "kW"),
    ("建成330千伏变电站。", "330", "kV"),
    ("年均降水量385毫米。", "385", "mm"),
])
def test_counts_and_measures_take_the_english_lemma_of_their_unit(text, value, unit):
    f = one(text)
    assert (f.kind, f.value, f.unit) == ("quantity", Decimal(value), unit)


def test_a_range_is_two_figures_sharing_unit_and_scale():
    found = figs("无霜期120-150天,项目投资3-5万元。")
    assert [(f.surface, f.value, f.unit) for f in found] == [
        ("120", Decimal("120"), "day"), ("150天", Decimal("150"), "day"),
        ("3", Decimal("30000"), "CNY"), ("5万元", Decimal("50000"), "CNY")]
    assert found[0].link_type == "range"


# ---- qualifiers -----------------------------------------------------------------------------
@pytest.mark.parametrize("text, qualifier", [
    ("培训农牧民超过2万人次。", "at_least"),
    ("接待游客逾300万人次。", "at_least"),
    ("发现矿产地120余处。", "at_least"),
    ("完成投资3000多亿元。", "at_least"),
    ("日照时数2800小时以上。", "at_least"),
    ("引进资金近50亿元。", "at_most"),
    ("失业率不到4%。", "at_most"),
    ("海拔3000米以下。", "at_most"),
    ("总投资约12亿元。", "approx"),
    ("年产值20亿元左右。", "approx"),
    ("地区生产总值达1500亿元。", "exact"),
])
def test_qualifier_words(text, qualifier):
    assert one(text).qualifier == qualifier


def test_a_qualifier_before_the_number_joins_the_quote_but_da_does_not():
    assert one("引进资金近50亿元。").surface == "近50亿元"
    assert one("地区生产总值达1500亿元。").surface == "1500亿元"


def test_jin_before_n_years_is_the_recent_years_not_a_qualifier():
    f = one("增速为近三年最高。", "2024-02-01")
    assert (f.value, f.unit, f.qualifier) == (Decimal("3"), "year", "exact")


# ---- what is not a figure -------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "2022年6月30日,甘肃省召开会议。",                 # dates
    "第三产业发展较快,第二条线路开工。",               # ordinals
    "一季度和1-9月的数据另行发布。",                   # reporting-period labels
    "“十四五”时期是关键阶段。",                       # plan names
    "扎实做好“六稳”“六保”工作。",                     # slogans in quotes
    "三次产业协调发展。",                             # the three-sector classification
    "G6高速公路穿城而过。",                           # codes
    "庆祝自治区成立60周年。",                         # anniversaries
    "对中亚五国贸易持续增长。",                       # fixed collective names
    "千方百计稳就业,效果十分明显。",                   # idioms
    "一、综合",                                       # list numbers
    "七台河市和十堰市结成友好城市。",                 # numerals inside place names
])
def test_not_figures(text):
    assert figs(text) == []


# ---- periods --------------------------------------------------------------------------------
COMMUNIQUE = ("张掖市2021年国民经济和社会发展统计公报\n"
              "全年地区生产总值581.2亿元,比上年增长7.6%。年末常住人口112.3万人。\n"
              "三次产业结构由上年的25.9:18.6:55.5调整为26.1:19.0:54.9。\n"
              "全年粮食产量两年平均增长4.2%。")


def test_a_communique_s_figures_take_its_own_year():
    found = figs(COMMUNIQUE, "2022-04-15")
    assert [(f.surface, f.period_start, f.period_end) for f in found[:3]] == [
        ("581.2亿元", 2021, 2021), ("增长7.6%", 2021, 2021), ("112.3万人", 2021, 2021)]


def test_the_from_side_of_a_restructured_ratio_takes_the_previous_year():
    found = figs(COMMUNIQUE, "2022-04-15")
    ratio = [(f.value, f.period_start) for f in found if f.kind == "percent" and f.unit == "%"][1:7]
    assert ratio == [(Decimal("25.9"), 2020), (Decimal("18.6"), 2020), (Decimal("55.5"), 2020),
                     (Decimal("26.1"), 2021), (Decimal("19.0"), 2021), (Decimal("54.9"), 2021)]


def test_two_year_average_growth_spans_the_two_years_and_the_span_is_a_figure():
    found = figs(COMMUNIQUE, "2022-04-15")
    last = found[-2:]
    assert [(f.value, f.unit, f.period_start, f.period_end) for f in last] == [
        (Decimal("2"), "year", 2020, 2021), (Decimal("4.2"), "%", 2020, 2021)]


def test_a_news_report_s_half_year_figures_take_the_year_it_names():
    found = figs("广西发布2022年上半年经济数据。上半年,全区生产总值12301亿元,同比增长3.4%。",
                 "2022-07-28")
    assert [(f.period_start, f.region) for f in found] == [(2022, "Guangxi"), (2022, "Guangxi")]


def test_annual_figures_of_a_report_in_the_first_quarter_are_of_the_year_just_ended():
    found = figs("全年全州农牧民人均可支配收入15230元,同比增长7.1%。", "2023-01-20")
    assert [(f.period_start, f.period_end) for f in found] == [(2022, 2022), (2022, 2022)]


def test_a_change_against_a_named_year_runs_from_that_year():
    f = one("2020年全市森林面积比2015年增长12.5%。", "2021-05-01")
    assert (f.period_start, f.period_end) == (2015, 2020)


def test_the_thirteenth_five_year_plan_is_2016_to_2020():
    f = one("“十三五”期间,全区累计投资5600亿元。", "2021-03-01")
    assert (f.period_start, f.period_end) == (2016, 2020)


def test_n_years_since_run_to_the_publication_year():
    found = figs("五年来,全州新建学校86所。", "2023-01-10")
    assert [(f.value, f.unit, f.period_start, f.period_end) for f in found] == [
        (Decimal("5"), "year", 2018, 2023), (Decimal("86"), "institution", 2018, 2023)]


def test_now_sets_the_publication_year_for_the_rest_of_the_sentence():
    found = figs("林芝市现有景区42个、星级酒店31家。", "2022-09-01")
    assert [f.period_start for f in found] == [2022, 2022]


def test_an_undated_text_gives_last_year_and_this_year_no_year_not_the_year_said_before():
    found = figs("2023年全县地区生产总值120亿元。去年全县财政收入增长5.2%。今年一季度，全县工业增加值增长6.1%。", None)
    assert [(f.surface, f.period_start, f.period_end) for f in found] == [
        ("120亿元", 2023, 2023), ("增长5.2%", None, None), ("增长6.1%", None, None)]


def test_present_tense_facts_with_no_time_cue_have_no_period():
    f = one("玉树州总面积26.7万平方公里。", "2022-09-01")
    assert (f.period_start, f.period_end) == (None, None)


def test_annual_without_a_reporting_year_is_a_climate_normal():
    f = one("拉萨市全年日照时数3000小时以上。", "2022-09-01")
    assert f.period_start is None


def test_last_year_is_the_year_before_publication():
    f = one("去年全省旅游收入1200亿元。", "2023-05-01")
    assert (f.period_start, f.period_end) == (2022, 2022)


@pytest.mark.parametrize("text, granularity, first, last", [
    ("今年上半年,云南省出口增长7.1%。", "half", "2023-01-01", "2023-06-30"),
    ("2022年下半年,贵阳市社会消费品零售总额增长4.2%。", "half", "2022-07-01", "2022-12-31"),
    ("2022年第三季度,广西地区生产总值增长3.9%。", "quarter", "2022-07-01", "2022-09-30"),
    ("前三季度,乌海市规模以上工业增加值同比增长8.5%。", "month", "2023-01-01", "2023-09-30"),
    ("1-5月,西宁市固定资产投资增长6.6%。", "month", "2023-01-01", "2023-05-31"),
    ("截至2月末,全省金融机构各项存款余额2.1万亿元。", "month", "2023-02-01", "2023-02-28"),
    ("2022年,桂林市接待游客1.2亿人次。", "year", "2022-01-01", "2022-12-31"),
])
def test_a_part_of_the_year_gives_its_granularity_and_days(text, granularity, first, last):
    f = figs(text)[0]
    assert (f.period_granularity, str(f.period_first_day), str(f.period_last_day)) == (granularity, first, last)


def test_a_quarter_a_change_is_counted_from_is_not_the_figures_part():
    growth, gap = figs("上半年,昆明市出口增长7%,比一季度加快0.3个百分点。")
    assert (growth.period_granularity, gap.period_granularity) == ("half", "half")
    growth, gap = figs("1-8月,湖北省工业增加值增长7.2%,比上半年加快0.3个百分点。")
    assert (gap.period_granularity, str(gap.period_last_day)) == ("month", "2023-08-31")


# ---- regions --------------------------------------------------------------------------------
@pytest.mark.parametrize("text, region", [
    ("2022年,云南省地区生产总值28954.2亿元。", "Yunnan"),
    ("2022年,酒泉市粮食产量50.5万吨。", "Jiuquan"),
    ("2022年,西藏自治区一般公共预算收入179.6亿元。", "Tibet"),
    ("2022年,新疆和田地区棉花产量12万吨。", "Hotan"),
    ("2022年,兵团第八师工业增加值增长9.1%。", "XPCC 8th Division"),
    # a division and its city are one 师市: its common name is the city's
    ("2022年,兵团第八师石河子市工业增加值增长9.1%。", "Shihezi"),
    ("2022年,全国粮食产量68653万吨。", "China"),
    ("2022年,宁夏吴忠市新增就业2.1万人。", "Wuzhong"),
])
def test_regions_from_chinese_names(text, region):
    assert one(text, "2023-02-01").region == region


def test_the_text_s_own_place_carries_to_figures_that_name_none():
    found = figs("海东市2022年经济运行情况\n全年地区生产总值580亿元。全市常住人口135万人。", "2023-02-01")
    assert [f.region for f in found] == ["Haidong", "Haidong"]


def test_a_short_city_name_stands_alone_in_a_text_on_its_province():
    found = figs("前三季度,云南省地区生产总值17530亿元。曲靖GDP总量2700亿元,玉溪增长6.1%。")
    assert [f.region for f in found] == ["Yunnan", "Qujing", "Yuxi"]
    assert figs("曲靖GDP总量2700亿元。")[0].region is None  # alone, a short name may be a word


def test_a_short_city_name_stands_alone_in_a_text_that_calls_itself_the_city():
    found = figs("曲靖经济半年报公布,全市实现地区生产总值1700亿元,同比增长5.3%。")
    assert [f.region for f in found] == ["Qujing", "Qujing"]


def test_a_city_before_the_date_and_xiaoxi_is_a_dateline():
    found = figs("新华网昆明7月25日消息 上半年,云南省地区生产总值14000亿元。")
    assert [f.region for f in found] == ["Yunnan"]


def test_a_citys_report_that_names_only_its_province_in_passing_leaves_the_city_unnamed():
    text = ("一季度,市委、市政府深入贯彻落实习近平总书记在贵州考察时的重要讲话精神,坚持稳中求进工作总基调,"
            "经济运行起步平稳,发展向好,各项工作取得积极成效,为全年目标任务完成奠定了坚实基础。\n"
            "一季度,全市地区生产总值完成242.0亿元,同比增长5.5%。全省同比增长5.2%。\n"
            "分产业看,第一产业增加值27.5亿元,增长3.4%。")
    assert [(f.surface, f.region) for f in figs(text, None)] == [
        ("242.0亿元", None), ("增长5.5%", None), ("增长5.2%", "Guizhou"), ("27.5亿元", None), ("增长3.4%", None)]


def test_a_figure_covering_several_named_places_has_no_region():
    f = one("2022年,张掖市、酒泉市合计粮食产量180万吨。", "2023-02-01")
    assert f.region is None


def test_a_short_city_name_that_is_also_a_word_needs_its_admin_suffix():
    found = figs("白银价格上涨5%。", "2023-02-01")
    assert [f.region for f in found] == [None]


def test_a_trade_partner_is_not_the_figure_s_place():
    f = one("2022年,喀什地区对巴基斯坦出口增长18%。", "2023-02-01")
    assert f.region == "Kashgar"


# ---- metrics --------------------------------------------------------------------------------
def test_metrics_from_chinese_triggers():
    found = figs("2022年,甘肃省地区生产总值11201.6亿元,增长4.5%;第一产业增加值1515.3亿元;"
                 "城镇居民人均可支配收入37572元;一般公共预算收入907.6亿元;年末常住人口2492万人。",
                 "2023-03-01")
    assert [f.metric for f in found] == [
        "GDP", "change in GDP", "value added of the primary industry",
        "urban residents' per capita disposable income", "government revenue", "population"]


# ---- furniture ------------------------------------------------------------------------------
def test_chinese_page_furniture_is_stripped_as_spans():
    text = ("时间:2023-02-18 来源:平凉市统计局 点击:2381\n【字号:大 中 小】\n"
            "全市地区生产总值500亿元。\n新建的蔬菜大棚一角。王强 摄\n")
    got = [text[s:e] for s, e in furniture_spans(text)]
    assert got == ["时间:2023-02-18 来源:平凉市统计局 点击:2381", "【字号:大 中 小】", "新建的蔬菜大棚一角。王强 摄"]
    kept = parse_figures(text, "2023-02-18", regions=REGIONS, metrics=METRICS, ignore=furniture_spans(text))
    assert [f.surface for f in kept] == ["500亿元"]


def test_a_month_of_the_year_without_its_year_is_the_reporting_years():
    f = one("截至9月末,全州金融机构各项存款余额1280亿元。", "2025-10-28")
    assert (f.period_start, f.period_end) == (2025, 2025)
    # a later month than the publication's is last year's
    f = one("截至12月末,全州金融机构各项存款余额1280亿元。", "2025-01-20")
    assert (f.period_start, f.period_end) == (2024, 2024)


def test_a_gap_to_the_nation_or_the_home_region_is_the_places_own_figure():
    got = [(f.surface, f.region) for f in parse_figures(
        "上半年，中卫市实现地区生产总值257.13亿元，同比增长5.1%，增速比全区高1.2个百分点，比全国高2.5个百分点。",
        "2022-07-20", regions=REGIONS, metrics=METRICS)]
    assert got[-2:] == [("1.2个百分点", "Zhongwei"), ("2.5个百分点", "Zhongwei")]


def test_since_a_five_year_plan_began_runs_from_its_first_year_to_publication():
    got = [(f.surface, f.period_start, f.period_end) for f in parse_figures(
        "“十四五”以来，广东省累计投入援疆资金超过100亿元。", "2024-10-15", regions=REGIONS, metrics=METRICS)]
    assert got == [("超过100亿元", 2021, 2024)]


def test_a_county_named_after_its_city_is_a_place_of_its_own():
    got = [(f.surface, f.region) for f in parse_figures(
        "2022年，衡阳县实现地区生产总值420.77亿元。衡阳市实现地区生产总值4000亿元。", None, regions=REGIONS, metrics=METRICS)]
    assert got == [("420.77亿元", "Hengyang County"), ("4000亿元", "Hengyang")]


def test_a_review_that_opens_on_a_year_reports_that_year_though_undated():
    got = [(f.surface, f.period_start, f.period_end) for f in parse_figures(
        "2022年是全面实施规划的关键之年。\n一、综合\n初步核算,全年实现地区生产总值420.77亿元,同比增长5.2%。",
        None, regions=REGIONS, metrics=METRICS)]
    assert got == [("420.77亿元", 2022, 2022), ("增长5.2%", 2022, 2022)]


def test_the_digits_of_a_rate_are_no_figure_but_a_run_of_months_is_a_span():
    got = [f.surface for f in parse_figures("兵团固定资产投资实现两位数增长，增速连续4个月加快，同比增长12%。", "2023-09-20",
                                            regions=REGIONS, metrics=METRICS)]
    assert got == ["4个月", "增长12%"]  # FORMAT.md: stated spans are figures (unlike 十连丰, an ordinal)


def test_recently_is_the_publication_year():
    got = [(f.surface, f.period_start) for f in parse_figures(
        "福建省近日将启动援藏项目共34个。", "2009-03-11", regions=REGIONS, metrics=METRICS)]
    assert got == [("34个", 2009)]


def test_figures_listed_after_respectively_take_the_listed_places_in_order():
    got = [(f.surface, f.region) for f in parse_figures(
        "分区域看，关中、陕北、陕南县域生产总值同比分别增长6.2%、6.3%、5.3%，占全省县域生产总值的比重分别为35.7%、46.7%、17.6%。",
        None, regions=REGIONS, metrics=METRICS)]
    assert [r for _, r in got] == ["Guanzhong", "Northern Shaanxi", "Southern Shaanxi"] * 2
    got = [f.region for f in parse_figures("喀什、和田两地分别完成投资100亿元和80亿元。", None, regions=REGIONS, metrics=METRICS)]
    assert got == ["Kashgar", "Hotan"]


def test_a_railway_named_after_a_region_is_no_mention_of_it():
    got = [f.region for f in parse_figures("吐鲁番市境内，兰新铁路、南疆铁路在这里交汇，西电东送750千伏输变电线路横贯全境。",
                                           None, regions=REGIONS, metrics=METRICS)]
    assert got == ["Turpan"]


def test_aid_money_and_projects_are_the_recipients_and_the_aiders_own_teams_the_aiders():
    got = [(f.surface, f.region) for f in parse_figures(
        "西藏林芝地区是福建省的对口援助地区。福建省近日将启动援藏项目共34个，援藏资金投入达5313万元。福建省已派出五批援藏工作队。",
        "2009-03-11", regions=REGIONS, metrics=METRICS)]
    assert got == [("34个", "Nyingchi"), ("5313万元", "Nyingchi"), ("五批", "Fujian")]


def test_the_whole_a_share_is_of_is_not_where_the_share_is():
    got = [(f.surface, f.region) for f in parse_figures(
        "2022年，衡阳县地区生产总值420亿元。全县地区生产总值在全市占比为10.3%。", None, regions=REGIONS, metrics=METRICS)]
    assert got[-1] == ("10.3%", "Hengyang County")
    got = [(f.surface, f.region) for f in parse_figures(
        "2024年，鄂尔多斯市全年原煤产量7.4亿吨，占全区的55%左右。", None, regions=REGIONS, metrics=METRICS)]
    assert got[-1] == ("55%左右", "Ordos")


def test_a_paragraph_naming_no_time_goes_on_about_the_period_the_report_opens_on():
    text = ("一季度,贵阳市地区生产总值1268.5亿元,同比增长5.1%。\n"
            "工业生产加快,全市规模以上工业增加值增长6.3%。\n"
            "消费市场回暖,社会消费品零售总额增长7.2%。")
    assert [(f.surface, f.period_start, f.period_end) for f in figs(text, "2024-04-25")] == [
        ("1268.5亿元", 2024, 2024), ("增长5.1%", 2024, 2024), ("增长6.3%", 2024, 2024), ("增长7.2%", 2024, 2024)]
    # an undated communiqué that opens on its year
    text = "2021年,全县经济平稳运行。\n全县粮食产量12.6万吨,增长2.1%。"
    assert [(f.period_start, f.period_end) for f in figs(text, None)] == [(2021, 2021), (2021, 2021)]


def test_a_report_of_a_county_the_gazetteer_lacks_is_that_countys_in_pinyin():
    text = ("2023年青川县国民经济和社会发展统计公报\n"
            "2023年,全县地区生产总值62.3亿元,比上年增长6.1%。")
    assert [(f.surface, f.region) for f in figs(text, None)] == [("62.3亿元", "Qingchuan"), ("增长6.1%", "Qingchuan")]
    # a county the gazetteer has keeps its own name; a title that names no report is no place
    assert {f.region for f in figs("2023年,全县地区生产总值62.3亿元。", None)} == {None}


def test_level_with_the_year_before_is_a_comparison_not_the_year_before():
    text = "2022年,全县夏粮产量0.3万吨,基本和上年持平;秋粮产量8.6万吨,增长1.9%。"
    assert [(f.surface, f.period_start) for f in figs(text, None)] == [
        ("0.3万吨", 2022), ("8.6万吨", 2022), ("增长1.9%", 2022)]


def test_since_a_year_and_the_event_that_began_then_runs_to_publication():
    text = "2014年新一轮对口援藏以来,上海累计投入援藏资金86亿元。"
    assert [(f.surface, f.period_start, f.period_end) for f in figs(text, "2024-05-10")] == [("86亿元", 2014, 2024)]


def test_what_the_review_found_in_chinese_stays_fixed():
    # the county of a title that names its province and city first
    text = "四川省眉山市洪雅县2021年国民经济和社会发展统计公报\n全县地区生产总值150亿元。"
    assert [f.region for f in figs(text, None)] == ["Hongya"]
    # a title of the whole county names no new place; a record since records began is no span
    assert [f.region for f in figs("2021年全县国民经济和社会发展统计公报\n全县地区生产总值150亿元。", None)] == [None]
    assert [(f.period_start, f.period_end) for f in figs("2024年全县游客人数创有记录以来新高,达到500万人次。",
                                                          "2025-02-01")] == [(2024, 2024)]


def test_per_mille_points_are_a_change_in_per_mille():
    found = figs("铜仁市2023年人口出生率为9.1‰,比上年低0.3个千分点。", "2024-04-01")
    assert [(f.kind, f.value, f.unit) for f in found] == [("percent", Decimal("9.1"), "‰"),
                                                          ("percent", Decimal("0.3"), "‰")]


def test_a_structure_from_a_named_year_to_another_is_the_reports_year_on_the_to_side():
    found = figs("宁国市2023年国民经济和社会发展统计公报。三次产业结构由2022年的8.1:45.2:46.7调整为7.9:44.8:47.3。",
                 "2024-03-15")
    assert [(f.surface, f.period_start) for f in found] == [
        ("8.1", 2022), ("45.2", 2022), ("46.7", 2022), ("7.9", 2023), ("44.8", 2023), ("47.3", 2023)]


def test_pairing_aid_goes_to_the_place_the_aid_words_name_not_the_venue_of_the_ceremony():
    found = figs("援疆项目开工活动在伊宁县举行,标志着浙江省对口支援伊犁州工作全面展开。\n"
                 "在今年的项目中,安排援疆资金3.5亿元用于安居工程。", "2018-04-10")
    assert [(f.surface, f.region) for f in found] == [("3.5亿元", "Ili")]


def test_digits_grouped_by_thousands_are_one_number():
    assert values("全市一般公共预算收入1,928.9亿元,常住人口12,345人。", "2024-01-19") == [
        ("money", Decimal("192890000000"), "CNY"), ("quantity", Decimal("12345"), "person")]


def test_a_structure_from_a_year_with_cong_is_dated_like_with_you():
    found = figs("长兴县2011年国民经济和社会发展统计公报。三次产业结构从2010年9.0:55.9:35.1调整为8.5:55.2:36.3。"
                 "人均生产总值53613元。", "2012-05-08")
    assert [(f.surface, f.period_start) for f in found][3:] == [("8.5", 2011), ("55.2", 2011), ("36.3", 2011),
                                                                ("53613元", 2011)]


def test_the_survey_office_that_compiled_the_data_is_not_its_place():
    found = figs("乌鲁木齐市2022年统计公报。全市居民消费价格比上年上涨1.6%。据国家统计局新疆调查总队资料显示,"
                 "工业生产者出厂价格比上年上涨12.3%。", "2023-04-10")
    assert [f.region for f in found] == ["Urumqi", "Urumqi"]


def test_an_autonomous_county_the_gazetteer_lacks_is_named_in_pinyin_without_its_peoples():
    found = figs("南涧彝族自治县\n2021年国民经济和社会发展统计公报\n全县地区生产总值完成80.5亿元。南涧县委统筹推进。", None)
    assert [(f.surface, f.region) for f in found] == [("80.5亿元", "Nanjian")]


def test_a_price_base_year_is_no_period():
    found = figs("某某县2021年国民经济和社会发展统计公报。2021年全县地区生产总值100亿元,按2020年不变价格计算比上年增长9.4%。"
                 "第一产业增加值30亿元,增长8.6%。", "2022-03-01")
    assert [(f.surface, f.period_start) for f in found] == [("100亿元", 2021), ("增长9.4%", 2021), ("30亿元", 2021),
                                                           ("增长8.6%", 2021)]


def test_places_written_one_after_another_name_the_last_even_of_the_same_rank():
    text = "新疆生产建设兵团第二师铁门关市2022年国民经济和社会发展统计公报\n全年实现生产总值171.08亿元,比上年下降11.6%。"
    assert {f.region for f in figs(text, None)} == {"Tiemenguan"}


def test_a_reports_numbered_heading_dates_the_paragraphs_of_its_section():
    text = ("黄平县2022年预算执行情况和2023年预算草案的报告\n一、2022年财政预算执行情况\n(一)一般公共预算\n"
            "1.本级征收完成数。地方一般公共预算收入完成28,583万元,占调整预算105.47%。\n二、2023年预算草案\n"
            "(一)一般公共预算\n地方一般公共预算收入安排30,000万元。")
    assert [(f.surface, f.period_start, f.period_end) for f in figs(text, "2023-02-08")] == [
        ("28,583万元", 2022, 2022), ("105.47%", 2022, 2022), ("30,000万元", 2023, 2023)]


def test_which_session_of_a_congress_is_no_count():
    assert figs("现将报告提请县十七届人大二次会议审议。", "2023-02-08") == []
    assert [f.surface for f in figs("全年召开常务会议12次。", "2023-02-08")] == ["12次"]


def test_the_short_two_year_average_runs_over_both_years():
    found = figs("2021年上半年全市地区生产总值848.3亿元,同比增长9.8%,两年均增长3.9%。", "2021-08-04")
    assert [(f.surface, f.period_start, f.period_end) for f in found][-1] == ("增长3.9%", 2020, 2021)


def test_nowadays_sets_the_publication_year_after_a_span():
    found = figs("1996年到2011年,福建累计援助7.74亿元。如今,福建已在宁夏援建卫生院303个。", "2012-10-23")
    assert [(f.surface, f.period_start, f.period_end) for f in found] == [
        ("7.74亿元", 1996, 2011), ("303个", 2012, 2012)]


def test_the_year_under_report_is_the_one_a_report_says_not_the_calendars():
    found = figs("2023年,市本级社会保险基金预算收入65.17亿元。收支相抵,本年收支结余7.24亿元。", "2024-08-28")
    assert [f.period_start for f in found] == [2023, 2023]


def test_a_heading_line_that_opens_on_a_year_dates_its_section():
    text = ("2020年遵义市人民政府工作报告\n\n各位代表:\n\n2019年工作回顾\n\n过去一年,全市地区生产总值3483.32亿元,"
            "比上年增长9.7%。\n\n2020年工作安排\n\n全市地区生产总值预期增长8%。")
    assert [(f.surface, f.period_start) for f in figs(text, None) if f.surface != "一年"] == [
        ("3483.32亿元", 2019), ("增长9.7%", 2019), ("增长8%", 2020)]


def test_last_years_balance_in_this_years_accounts_is_this_years():
    found = figs("一、2023年预算执行情况\n全市一般公共预算收入1,928.9亿元,加上上年结余115.4亿元后,收入总计3,575.3亿元。", "2024-01-19")
    assert {f.period_start for f in found} == {2023}
