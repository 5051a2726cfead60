"""Word lists of the Chinese reader (tasks/extract/chinese.py): data only, one idea each.

Units map a Chinese unit or measure word to (kind, unit); units are the English lemmas of
README_zh ("人" -> person, "亩" -> mu, "个百分点" -> pp). Values are Python literals so that the
reader compiles them once into its patterns.
"""
from __future__ import annotations

# Full-width forms that pages store beside ASCII: mapped one character to one character, so
# offsets into the mapped copy are offsets into the raw text.
FULL_WIDTH = {chr(0xFF10 + i): str(i) for i in range(10)} | {
    "％": "%", "．": ".", "，": ",", "：": ":", "；": ";", "（": "(", "）": ")", "－": "-",
    "～": "~", "—": "-", "–": "-", "−": "-", "﹪": "%", "！": "!", "？": "?",
}

# scale characters after a number (千 only where no unit such as 千瓦 follows: see chinese.py)
SCALES = {"万亿": 10 ** 12, "千亿": 10 ** 11, "百亿": 10 ** 10, "十亿": 10 ** 9, "亿": 10 ** 8,
          "千万": 10 ** 7, "百万": 10 ** 6, "十万": 10 ** 5, "万": 10 ** 4, "千": 10 ** 3}
# units that begin with 千 (so 千 before them is no scale)
KILO_UNIT_STARTS = "瓦伏米克焦帕卡兆赫"

MONEY = {
    "元人民币": "CNY", "人民币": "CNY", "元": "CNY", "块钱": "CNY", "美元": "USD", "港元": "HKD",
    "港币": "HKD", "欧元": "EUR", "日元": "JPY", "英镑": "GBP", "卢布": "RUB", "澳元": "AUD",
    "加元": "CAD", "韩元": "KRW", "坚戈": "KZT", "卢比": "INR", "新台币": "TWD", "澳门元": "MOP",
}
# money words that name no amount after a Chinese numeral: "二元结构", "一元化"
MONEY_NOT_AFTER = "化结构论制经"

PERCENT = {"%": "%", "‰": "‰", "个百分点": "pp", "百分点": "pp", "个千分点": "‰", "千分点": "‰"}
PERCENT_PREFIX = {"百分之": "%", "千分之": "‰"}
TENTHS = "成"          # "九成" = 90 %
TENTHS_NOT_BEFORE = "立员为功本交熟果型品长绩就都效"  # 成立, 成员, 成为 ... are words
TIMES = "倍"

MEASURES = {
    "平方公里": "km2", "平方千米": "km2", "平方米": "m2", "立方米": "m3", "公里": "km", "千米": "km",
    "厘米": "cm", "毫米": "mm", "米": "m", "公顷": "hectare", "亩": "mu", "吨": "tonne",
    "公斤": "kg", "千克": "kg", "斤": "jin", "克": "g", "千瓦时": "kWh", "度电": "kWh",
    "千瓦": "kW", "兆瓦": "MW", "吉瓦": "GW", "千伏": "kV", "伏": "V", "兆焦": "MJ", "℃": "°C",
    "°C": "°C", "摄氏度": "°C", "毫升": "ml", "升": "litre", "标准箱": "TEU", "标箱": "TEU",
}
# compound units written after a measure: "公斤/亩" (kg per mu), "兆焦/平方米"
PER_UNIT = {"/亩": "/mu", "/平方米": "/m2", "每平方米": "/m2"}

TIME = {"小时": "hour", "天": "day", "个月": "month", "年": "year", "周": "week", "分钟": "minute",
        "秒": "second", "岁": "year", "个工作日": "day", "个小时": "hour"}
# words after "N年" that make it part of a name, not a span: 三年行动, 五年规划, 80年代
YEAR_NAME_AFTER = ("行动", "规划", "计划", "攻坚", "代", "度", "级")

# measure words; the counted noun after them, where known, names the unit instead
COUNTERS = {
    "人次": "person-time", "人": "person", "户": "household", "名": "person", "位": "person",
    "个": "item", "项": "item", "家": "enterprise", "所": "institution", "座": "facility",
    "处": "site", "种": "kind", "头": "head", "只": "head", "辆": "vehicle", "台": "unit",
    "套": "set", "条": "item", "批": "batch", "件": "item", "次": "time", "例": "case",
"宗": "case", "株": "plant", "棵": "tree", "架次": "flight", "架": "aircraft",
    "艘": "vessel", "栋": "building", "间": "room", "张": "sheet", "册": "volume", "部": "unit",
    "款": "product", "篇": "article", "支": "team", "场": "event",
}
# places counted by their own noun: "两县" = 2 county, "33个乡" = 33 township
PLACE_NOUNS = {
    "县": "county", "市": "city", "省": "province", "区": "district", "乡": "township",
    "镇": "town", "村": "village", "国": "country", "地州": "prefecture", "乡镇": "township",
    "街道": "sub-district", "社区": "community", "县市": "county", "团场": "regimental farm",
    "城": "city", "省份": "province", "地市": "prefecture",  # "11城GDP增速超全省平均水平", "全藏7地市"
}
# what a counter counts, read from the noun after it (longest first)
COUNTED_NOUNS = {
    "行政村": "village", "村民小组": "villager group", "村": "village", "社区": "community",
    "乡镇": "township", "乡": "township", "镇": "town", "街道": "sub-district", "县": "county", "省份": "province",
    "县市": "county", "市": "city", "地州": "prefecture", "国家和地区": "country", "国家": "country",
    "行业大类": "industry", "行业": "industry", "企业": "enterprise", "公司": "company",
    "项目": "project", "学校": "school", "医院": "hospital", "卫生院": "clinic",
    "合作社": "cooperative", "园区": "park", "产业园": "park", "基地": "base", "工厂": "factory",
    "车间": "workshop", "平台": "platform", "口岸": "port", "航线": "route", "景区": "scenic area",
    "家庭": "household", "农户": "household", "岗位": "job", "就业岗位": "job",
    "市场主体": "market entity", "商户": "business", "网点": "outlet", "基站": "base station",
    "充电桩": "charging point", "专利": "patent", "品牌": "brand", "产品": "product",
    "品种": "variety", "大类": "category", "团场": "regimental farm", "连队": "company",
    "矿产": "mineral", "贫困县": "county", "贫困村": "village", "公共图书馆": "library",
    "图书馆": "library", "博物馆": "museum", "卫生机构": "health institution", "矿种": "mineral", "乡(镇": "township",
}

# qualifier words just before a number (longest first wins); 达/达到/突破 add nothing
QUALIFIER_BEFORE = {
    "不超过": "at_most", "不足": "at_most", "不到": "at_most", "将近": "at_most", "接近": "at_most",
    "近": "at_most", "最多": "at_most", "超过": "at_least", "超": "at_least", "逾": "at_least",
    "不少于": "at_least", "不低于": "at_least", "至少": "at_least", "多达": "at_least",
    "约合": "approx", "大约": "approx", "约有": "approx", "大约有": "approx", "约为": "approx", "约": "approx", "大概": "approx",
    "折合": "exact", "达到": "exact", "达": "exact", "突破": "exact",
}
# qualifiers that the quote does not include (they add nothing)
QUALIFIER_SILENT = ("达到", "达", "突破", "折合")
# after the number ("400余处": between number and unit; "3000毫米以上": after the unit)
QUALIFIER_MIDDLE = {"多": "at_least", "余": "at_least"}
QUALIFIER_AFTER = {"以上": "at_least", "以下": "at_most", "以内": "at_most", "左右": "approx",
                   "上下": "approx"}

# change verbs: part of a change figure's quote ("增长2.5%"); decreases stay positive
CHANGE_VERBS = ("增长", "下降", "上涨", "提高", "增加", "减少", "降低", "上升", "回落", "下跌",
                "扩大", "缩小", "收窄", "回升", "增", "降", "涨", "升", "减")

# fixed phrases whose numerals are no figures: names, classifications, idioms, slogans
NOT_FIGURES = (
    "三次产业", "一二三产业", "千方百计", "十分", "一带一路", "四面八方", "五湖四海", "一心一意",
    "三番五次", "万众一心", "千家万户", "三个代表", "四个全面", "四个意识", "两个维护", "两个确立",
    "四个自信", "五位一体", "两不愁三保障", "三保障", "一户一策", "一村一品", "一县一品",
    "五口通八国", "一路连欧亚", "一对一", "三农", "十九大", "二十大", "十八大",
)
# a numeral right after one of these is an ordinal or a period label, not a figure
ORDINAL_BEFORE = ("第",)
PERIOD_LABEL_AFTER = ("季度", "月", "日", "号", "连")   # 一季度, 6月, 30日, 十连丰
# a Chinese numeral before a place noun after these is a count ("辖两县"); after another name
# it belongs to the name ("中亚五国", "南疆四地州")
COUNT_LEAD_CHARS = set("辖有共计及和与等为覆盖、,到在含括对向从全了个达超近约逾余占")

# index levels: a bare number after these ("性别比为105.3") is quantity, unit index
INDEX_CUES = ("指数", "性别比", "系数")
# a structure ratio "10.1:48.7:41.2" is a list of percent shares where these stand before it
RATIO_CUES = ("结构", "比例", "比重", "之比")

# ---- periods ------------------------------------------------------------------------------
# labels of a reporting period: the report's own year
YEAR_LABELS = ("全年", "年末", "年底", "上半年", "下半年", "一季度", "二季度", "三季度", "四季度",
               "第一季度", "第二季度", "第三季度", "第四季度", "前三季度", "前两季度")
# the part of its year a label names: (granularity, first month, last month), as the English
# reader gives "the first half", "the third quarter", "the first nine months"
PART_LABELS = {"上半年": ("half", 1, 6), "下半年": ("half", 7, 12),
               "一季度": ("quarter", 1, 3), "二季度": ("quarter", 4, 6), "三季度": ("quarter", 7, 9),
               "四季度": ("quarter", 10, 12), "第一季度": ("quarter", 1, 3), "第二季度": ("quarter", 4, 6),
               "第三季度": ("quarter", 7, 9), "第四季度": ("quarter", 10, 12),
               "前三季度": ("month", 1, 9), "前两季度": ("month", 1, 6)}
# labels that need a reporting year to mean one (without it, "全年日照" is a climate normal)
ANNUAL_LABELS = ("全年", "年末", "年底")
# changes against the previous year keep the figure's year
KEEP_CUES = ("同比", "比上年同期", "比上年末", "比上年底", "比上年", "较上年同期", "较上年末",
             "较上年", "与上年相比", "与上年同期相比", "比去年同期", "较去年同期", "比去年", "较去年",
             # "基本和上年持平": level with the year before, a comparison too
             "和上年", "与上年", "同上年", "和去年", "与去年")
# words that end the "from" side of "由上年的A调整为B"
TO_CUES = ("调整为", "提高到", "提高至", "上升到", "上升至", "下降到", "下降至", "增加到", "增加至",
           "减少到", "减少至", "变为", "升至", "降至", "扩大到", "缩小到")
SUPERLATIVE_AFTER = ("最", "新高", "新低")
# Five-Year Plans from the fourth (1971-1975) on are consecutive
PLAN_FIRST_REGULAR = (4, 1971)

# ---- regions --------------------------------------------------------------------------------
# administrative words after a place name ("德阳市", "喀什地区", "甘孜藏族自治州")
ADMIN_SUFFIXES = ("维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "自治州", "自治县",
                  "特别行政区", "地区", "新区", "省", "市", "县", "区", "州", "盟", "旗", "镇", "乡")
# the text's own place: "全市", "全省", "本市"
HOME_WORDS = ("全市", "全省", "全区", "全州", "全县", "全地区", "全师", "全旗", "本市", "本省",
              "本区", "我市", "我省", "我区", "我州", "我县")
NATION_WORDS = ("全国",)
# what begins a word for a place that is no name: "全县", "本区", "该县", "各县"
HOME_PREFIXES = ("全", "本", "我", "该", "各", "此")
# the rank each of those words names ("全市" the whole city, "全省" the whole province): the text's
# place of that rank, or the one that holds it
HOME_LEVELS = {"市": ("city", "prefecture", "municipality"), "省": ("province",), "县": ("county",),
               "州": ("prefecture",), "地区": ("prefecture",), "区": ("autonomous_region", "district"),
               "旗": ("county",)}
# a country named in a fixed phrase is no place: "中国特色社会主义", "中国共产党"
PLACE_NOT_BEFORE = ("特色", "共产党", "式现代化", "梦", "人民银行", "银行", "石油", "石化",
                    "移动", "联通", "电信", "铁路", "建筑")
# places listed after these are the ones a place governs, not the figure's
SUBORDINATES_BEFORE = ("辖", "下辖", "包括")
# a place after these is a trade partner or an origin, not where the figure is
PARTNER_BEFORE = ("对", "向", "从", "自", "与", "同", "出口到", "进口自")
# a place after these is only compared with: "高于全区平均水平0.7个百分点" is the city's lead
COMPARED_BEFORE = ("高于", "低于", "快于", "慢于", "超过", "比", "较")
# the place that ranks the text's place ("稳居全省第二", "居全省第一", "全省前列"), not where a figure is
RANKED_BEFORE = ("居", "位列", "排名", "排")
RANKED_AFTER = ("第", "前列", "首位", "之首")
# the whole a share is of ("在全市占比为10.3%", "占全省县域生产总值的比重"): the base, not where the figure is
SHARE_OF_BEFORE = ("占",)
SHARE_OF_AFTER = ("占比", "中占", "中的比重")

# ---- furniture ------------------------------------------------------------------------------
FURNITURE_FIELDS = ("时间", "发布时间", "来源", "点击", "点击数", "浏览次数", "阅读", "字号", "字体",
                    "作者", "责任编辑", "编辑", "索引号", "发布机构", "发文字号", "公开日期", "发布日期",
                    "信息来源", "分享到", "当前位置", "所属分类")
