"""Word lists for the figure extractor: data only, no logic.

Everything the engine recognises by name lives here: number words, scale words, currencies,
percent words, qualifier cues, measurement units, time units, month names and the small
closed word classes the unit-noun lemmatiser needs. The patterns in ``figures.py``,
``periods.py`` and friends are compiled from these tables once, at import.
"""
from __future__ import annotations

# ---------------------------------------------------------------------------------------------
# Numbers
# ---------------------------------------------------------------------------------------------
UNIT_WORDS: dict[str, int] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}
TENS_WORDS: dict[str, int] = {
    "twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}
# multiplicative words inside a spelled-out number ("two hundred", "three million")
SCALE_WORDS: dict[str, int] = {
    "hundred": 100, "thousand": 1_000, "lakh": 100_000, "million": 1_000_000,
    "crore": 10_000_000, "billion": 1_000_000_000, "trillion": 1_000_000_000_000,
}
DOZEN = {"dozen": 12}
# scale words read after digits, plurals of the Indian ones too ("210 crores", "5 lakhs", "3 lacs");
# consecutive ones multiply ("1.5 lakh crore" = 1.5e12)
SCALE_WORDS_AFTER_DIGITS: dict[str, int] = {
    **SCALE_WORDS, "dozen": 12, "crores": 10_000_000, "lakhs": 100_000, "lac": 100_000, "lacs": 100_000,
}

# abbreviations of scale words after digits ("$4.6bn", "12.3m tonnes", "5 mln")
SCALE_ABBR: dict[str, int] = {
    "k": 1_000, "K": 1_000, "thou": 1_000,
    "m": 1_000_000, "M": 1_000_000, "mn": 1_000_000, "mln": 1_000_000, "mil": 1_000_000,
    "b": 1_000_000_000, "B": 1_000_000_000, "bn": 1_000_000_000, "bln": 1_000_000_000,
    "tn": 1_000_000_000_000, "trn": 1_000_000_000_000, "tr": 1_000_000_000_000,
    "T": 1_000_000_000_000,
    "cr": 10_000_000,  # Indian press: "Rs 69,000 cr"
    # Caribbean and African papers capitalise them: "$1.3Tn", "$769.9Bn", "$45Mn"
    "Mn": 1_000_000, "Bn": 1_000_000_000, "Tn": 1_000_000_000_000,
}
# abbreviations also accepted after a space ("5 bn"); single letters only when glued
SCALE_ABBR_SPACED = ("bn", "mn", "mln", "bln", "tn", "trn", "cr", "Bn", "Mn", "Tn")

# fractions, read as percentages only after a qualifier cue ("close to half" -> 50 %)
FRACTION_WORDS: dict[str, float] = {
    "half": 50.0, "a half": 50.0, "one half": 50.0, "one-half": 50.0,
    "a third": 100 / 3, "one third": 100 / 3, "one-third": 100 / 3,
    "two thirds": 200 / 3, "two-thirds": 200 / 3,
    "a quarter": 25.0, "one quarter": 25.0, "one-quarter": 25.0,
    "three quarters": 75.0, "three-quarters": 75.0,
    "a fifth": 20.0, "one fifth": 20.0, "one-fifth": 20.0, "two fifths": 40.0,
    "two-fifths": 40.0, "three fifths": 60.0, "three-fifths": 60.0,
    "a tenth": 10.0, "one tenth": 10.0, "one-tenth": 10.0,
}

# ---------------------------------------------------------------------------------------------
# Money
# ---------------------------------------------------------------------------------------------
# symbol prefixes written before the amount; matched case-insensitively, longest first.
# Spaced variants ("us $ 150", "c $ 300") are allowed for these multi-letter prefixes.
DOLLAR_PREFIXES: dict[str, str] = {
    "US": "USD", "U.S.": "USD", "U.S": "USD", "USD": "USD", "HK": "HKD", "C": "CAD",
    "CA": "CAD", "CAN": "CAD", "Can": "CAD", "A": "AUD", "AU": "AUD", "AUD": "AUD",
    "NZ": "NZD", "S": "SGD", "SG": "SGD", "NT": "TWD", "R": "BRL", "MX": "MXN",
    "Mex": "MXN",
    # local dollar signs the region's papers print (CLDR's English symbols give only the code)
    # ("N$", "J$", "TT$", ...)
    "N": "NAD", "J": "JMD", "TT": "TTD", "EC": "XCD", "BZ": "BZD", "FJ": "FJD", "RD": "DOP",
    "G": "GYD", "Bds": "BBD", "L": "LRD", "SI": "SBD", "WS": "WST", "T": "TOP",
}
# prefixes that may stand apart from "$" by a space ("us $ 150 million", "c $ 300 million")
DOLLAR_PREFIXES_SPACED = ("US", "U.S.", "HK", "C", "CA", "AU", "NZ", "NT", "SG")

SYMBOLS: dict[str, str] = {
    "€": "EUR", "£": "GBP", "¥": "CNY", "￥": "CNY", "₹": "INR", "₩": "KRW", "₽": "RUB",
    "₺": "TRY", "₡": "CRC", "₾": "GEL", "₦": "NGN", "₱": "PHP", "฿": "THB", "₫": "VND",
    "₪": "ILS", "₴": "UAH", "₸": "KZT", "₭": "LAK", "₮": "MNT", "₲": "PYG", "₵": "GHS",
    "円": "JPY", "元": "CNY",
}

# ISO 4217 codes accepted before or after an amount (upper case only: "CNY 5bn", "108.79 JPY")
ISO_CODES = frozenset("""
USD EUR GBP JPY CNY HKD TWD MOP KRW INR IDR MYR SGD THB VND PHP AUD NZD CAD CHF SEK NOK DKK
RUB TRY BRL MXN ARS CLP COP PEN ZAR NGN EGP KES ETB SAR AED QAR KWD ILS PKR BDT LKR KZT UZS
KGS TJS MNT PLN HUF CZK RON UAH ISK IRR IQD
""".split())
# ISO codes also read in lower case (lower-cased news: "usd 75 million", "75 million usd");
# not "try", "mop", "all", "cup" and the like, which are words
ISO_LOWER_SAFE = frozenset("""
usd eur gbp jpy cny hkd chf cad aud nzd sgd inr krw twd rub brl mxn zar sek nok dkk myr thb idr php
""".split())
# other written codes and the local signs papers print that CLDR's English data lacks (two or
# three characters each: see patterns.currency_may_end); "?shilling": the text's country decides
CODE_ALIASES: dict[str, str] = {"RMB": "CNY", "Rmb": "CNY", "rmb": "CNY", "Rs": "?rupee",
                                "Rs.": "?rupee", "RM": "MYR", "CHF": "CHF", "SFr": "CHF",
                                "Rp": "IDR", "Rp.": "IDR", "Sh": "?shilling", "KSh": "KES",
                                "Ksh": "KES", "TSh": "TZS", "USh": "UGX", "Shs": "?shilling", "GH¢": "GHS",
                                "GH₵": "GHS", "Tk": "BDT", "E£": "EGP", "LE": "EGP", "S/": "PEN",
                                "S/.": "PEN", "Dh": "AED", "Dhs": "AED",  # "Dh192 billion": Gulf papers' dirham
                                "Frw": "RWF", "FRW": "RWF",  # Rwanda's own abbreviation (franc rwandais)
                                "Nu": "BTN", "Nu.": "BTN"}  # Bhutan's ngultrum, as Kuensel prints it
# upper-case codes in circulation that are also English words or common acronyms: not read as
# currencies ("TOP 10", "ALL 3 members", "AMD 7nm")
CODE_WORDS = frozenset("ALL TOP CUP PEN BAM SOS AMD BOB CUC DOP TMT SCR CDF MDL SRD BND".split())
# codes in title case that are words or names ("Try 5 recipes", "Ron 3 goals")
CODE_TITLE_WORDS = frozenset("Ars Cad Cop Ern Gel Lak Mad Mop Nad Pen Php Ron Rub Sar Try".split())
# a letter sign before an amount that is a currency only in a text about a country that uses it:
# "R59bn" in South African copy, "N5bn" in Nigerian copy, never "R2-D2" or "N95 masks" (one
# letter: glued to the amount, and an amount of one or two digits needs a scale word after it);
# Gulf papers' two letters, glued or spaced: "RO 69.56 million" in Oman, "KD 2bn" in Kuwait
CONTEXT_SIGNS: dict[str, str] = {"R": "ZAR", "N": "NGN", "RO": "OMR", "BD": "BHD", "KD": "KWD",
                                 "QR": "QAR", "SR": "SAR"}
# head words of CLDR currency names that are ordinary English after a number ("5 real reasons",
# "10 marks out of 20"); the full names ("Brazilian real") are still read
CURRENCY_HEADS_NOT_NAMES = frozenset("""
real reals mark marks sol soles dram drams sum som soms unit units gold silver pound pounds
""".split())
# the usual reading of a head word several currencies share when the text names none of their
# countries (the others are read from the text's country: "Ugandan" makes "shillings" UGX)
CURRENCY_DEFAULTS: dict[str, str] = {
    "?dollar": "USD", "?pound": "GBP", "?rupee": "INR", "?shilling": "KES", "?dinar": "KWD",
    "?rial": "IRR", "?riyal": "SAR", "?krona": "SEK", "?kwacha": "ZMW", "?lira": "TRY",
    "?dirham": "AED", "?won": "KRW", "?yuan": "CNY", "?leu": "RON", "?manat": "AZN",
    "?rupiah": "IDR", "?rand": "ZAR", "?escudo": "CVE",
}
# what papers call a country besides its CLDR English name (demonyms come from the currency names)
COUNTRY_ALIASES: dict[str, tuple[str, ...]] = {
    "US": ("United States", "U.S.", "US", "USA", "America", "American", "Americans"),
    "GB": ("Britain", "British", "UK", "U.K.", "England", "Scotland", "Wales"),
    "HK": ("Hong Kong", "HKSAR"), "MO": ("Macau", "Macao"), "KR": ("South Korea", "Seoul"),
    "CN": ("China", "Chinese", "Beijing"), "TW": ("Taiwan", "Taipei"), "IN": ("India", "Indian", "New Delhi", "Mumbai"),
    "PK": ("Pakistan", "Pakistani", "Islamabad", "Karachi"), "LK": ("Sri Lanka", "Sri Lankan", "Colombo"),
    "AU": ("Australia", "Canberra"), "CA": ("Canada", "Canadian", "Ottawa"),
    "NZ": ("New Zealand", "Kiwi"), "ZA": ("South Africa", "Pretoria", "Johannesburg", "Cape Town", "KwaZulu-Natal"),
    "KE": ("Kenya", "Nairobi"), "UG": ("Uganda", "Kampala"), "TZ": ("Tanzania", "Dar es Salaam", "Dodoma"),
    "NG": ("Nigeria", "Abuja", "Lagos"), "SG": ("Singapore",), "CD": ("Congo", "DR Congo", "DRC"),
    "PH": ("Philippines", "Filipino", "Manila"), "NP": ("Nepal", "Nepali", "Nepalese", "Kathmandu"),
}
# "(ASX: WES)": the stock exchange a company is listed on, by the territory it trades in (whose
# currency the company reports in)
STOCK_EXCHANGES: dict[str, str] = {
    "ASX": "AU", "NZX": "NZ", "TSX": "CA", "TSXV": "CA", "TSX-V": "CA", "CSE": "CA", "SGX": "SG",
    "NYSE": "US", "NASDAQ": "US", "Nasdaq": "US", "AMEX": "US", "NYSEAMERICAN": "US",
}
# ISO 3166-2 subdivision types that papers name as places of a country, and names that are not
# a sign of the country (they are words, or places elsewhere as well)
SUBDIVISION_TYPES = frozenset({"State", "Province", "Territory", "Prefecture", "County", "Region",
                               "Union territory", "Municipality", "Autonomous region", "Capital territory",
                               "Capital district", "District", "Federal district", "Department",
                               "Ward"})  # Tobago, the one ward ISO 3166-2 lists
SUBDIVISION_NOT_CUES = frozenset((
    "Victoria", "Georgia", "Washington", "Central", "Northern", "Southern", "Eastern", "Western",
    "North", "South", "East", "West", "Free State", "North-West", "North East", "North West",
    "South East", "South West", "Canterbury", "Capital", "Coast", "Lakes", "Upper", "Lower",
    "Greater", "Islands", "Federal", "Punjab", "Bengal", "Limburg", "Luxembourg", "Rivers", "Delta",
    "Plateau", "Niger", "Central River", "Upper River", "Lower River",
))

# currency names written after the amount; longest first when compiled
CURRENCY_NAMES: dict[str, str] = {
    "yuan": "CNY", "yuans": "CNY", "renminbi": "CNY", "chinese yuan": "CNY",
    "us dollars": "USD", "us dollar": "USD", "u.s. dollars": "USD", "u.s. dollar": "USD",
    "american dollars": "USD",
    "hong kong dollars": "HKD", "hong kong dollar": "HKD", "hk dollars": "HKD",
    "australian dollars": "AUD", "australian dollar": "AUD",
    "canadian dollars": "CAD", "canadian dollar": "CAD",
    "new zealand dollars": "NZD", "new zealand dollar": "NZD",
    "singapore dollars": "SGD", "singapore dollar": "SGD",
    "new taiwan dollars": "TWD", "taiwan dollars": "TWD", "taiwan dollar": "TWD",
    "euros": "EUR", "euro": "EUR",
    "pounds sterling": "GBP", "pound sterling": "GBP", "sterling": "GBP", "pounds": "GBP",
    "pound": "GBP", "quid": "GBP", "british pounds": "GBP",
    "yen": "JPY", "japanese yen": "JPY", "won": "KRW", "korean won": "KRW",
    "rupees": "?rupee", "rupee": "?rupee", "indian rupees": "INR", "roubles": "RUB", "rubles": "RUB",
    "rouble": "RUB", "ruble": "RUB", "ringgit": "MYR", "baht": "THB",
    "mexican pesos": "MXN", "philippine pesos": "PHP", "pesos": "?peso", "peso": "?peso",
    "reais": "BRL", "brazilian reais": "BRL", "brazilian real": "BRL", "rand": "ZAR",
    "meticais": "MZN",  # the Portuguese plural Mozambican copy prints (CLDR: "meticals")
    "lira": "TRY", "liras": "TRY", "swiss francs": "CHF", "swiss franc": "CHF", "francs": "?franc", "franc": "?franc",
    "dong": "VND", "rupiah": "IDR", "naira": "NGN", "dirhams": "?dirham", "dirham": "?dirham",
    "riyals": "?riyal", "riyal": "?riyal", "shekels": "ILS", "shekel": "ILS", "new shekels": "ILS", "new shekel": "ILS",
    "new israeli shekels": "ILS", "israeli new shekels": "ILS",
    "kronor": "SEK",
    # Reuters' English for the Nordic and Czech currencies ("12 billion Swedish crowns")
    "swedish crowns": "SEK", "swedish crown": "SEK", "norwegian crowns": "NOK", "norwegian crown": "NOK",
    "danish crowns": "DKK", "danish crown": "DKK", "czech crowns": "CZK", "czech crown": "CZK",
    "icelandic crowns": "ISK", "icelandic crown": "ISK",
    "swedish kronor": "SEK", "krona": "SEK", "norwegian kroner": "NOK", "danish kroner": "DKK",
    "kroner": "?krone", "krone": "?krone", "zloty": "PLN", "zlotys": "PLN", "forint": "HUF",
    "hryvnia": "UAH", "tenge": "KZT", "patacas": "MOP", "pataca": "MOP", "som": "KGS",
    "tugrik": "MNT", "bitcoins": "XBT", "bitcoin": "XBT",
    # pre-euro currencies (older news)
    "marks": "DEM", "deutsche marks": "DEM", "deutschemarks": "DEM", "d-marks": "DEM",
    "french francs": "FRF", "belgian francs": "BEF", "lire": "ITL", "pesetas": "ESP",
    "guilders": "NLG", "schillings": "ATS", "drachmas": "GRD", "escudos": "PTE",
    # plain dollars follow the document's dollar (USD unless a Hong Kong text)
    "dollars": "$", "dollar": "$", "bucks": "$", "dlrs": "$", "dlr": "$",
    "u.s. dlrs": "USD", "us dlrs": "USD", "stg": "GBP", "markka": "FIM", "markkaa": "FIM",
    "finnish marks": "FIM", "finnish markka": "FIM",
}
# names shared by several currencies ("?franc" above): the text's country decides, else the default
AMBIGUOUS_CURRENCIES: dict[str, tuple[tuple[str, str], ...]] = {
    "?franc": (("swiss|switzerland|zurich|geneva|basel|bern", "CHF"), ("belgian|belgium|brussels", "BEF"),
               ("french|france|paris", "FRF"), ("", "FRF")),
    "?peso": (("philippine|manila", "PHP"), ("argentin|buenos aires", "ARS"), ("chile|santiago", "CLP"),
              ("colombia|bogota", "COP"), ("", "MXN")),
    "?krone": (("danish|denmark|copenhagen", "DKK"), ("", "NOK")),
    # a text dated in Nepal's Bikram Sambat ("FY 2081/82 BS") counts Nepalese rupees; a country's
    # own revenue board, development programme or central bank names its rupee where the text
    # never names the country (a Pakistani budget's "FBR tax collection", "PSDP")
    "?rupee": ((r"20[6-9]\d(?:/\d{2,4})?\s*b\.?\s?s\b\.?|nepal rastra", "NPR"),
               (r"fbr\b|psdp\b|federal board of revenue|state bank of pakistan", "PKR"),
               (r"central bank of sri lanka|cbsl\b", "LKR")),
}
# fractional units: (name -> (currency, divisor)); "cents" follows the document's dollar
MINOR_UNITS: dict[str, tuple[str, int]] = {
    "cents": ("$", 100), "cent": ("$", 100), "cts": ("$", 100), "¢": ("$", 100), "c": ("$", 100),
    "euro cents": ("EUR", 100), "euro cent": ("EUR", 100),
    "pence": ("GBP", 100), "penny": ("GBP", 100), "p": ("GBP", 100),
    "dimes": ("$", 10), "dime": ("$", 10), "nickels": ("$", 20), "nickel": ("$", 20),
    "sen": ("MYR", 100), "fen": ("CNY", 100), "jiao": ("CNY", 10), "paise": ("INR", 100),
}

# ---------------------------------------------------------------------------------------------
# Percentages
# ---------------------------------------------------------------------------------------------
PERCENT_POINT_WORDS = ("percentage points", "percentage point", "percentage-point",
                       "percent points", "per cent points", "pct points", "pct pts",
                       "ppts", "ppt", "pp")
PERCENT_WORDS = ("per cent", "percent", "percents", "p.c.", "per-cent", "pct", "pc", "percentage", "%", "％")

# ---------------------------------------------------------------------------------------------
# Qualifiers
# ---------------------------------------------------------------------------------------------
# cue phrase written right before the figure -> qualifier
QUALIFIER_PREFIX: dict[str, str] = {
    # approx
    "about": "approx", "around": "approx", "roughly": "approx", "approximately": "approx",
    "approx.": "approx", "approx": "approx", "some": "approx", "an estimated": "approx",
    "an approximate": "approx",
    "circa": "approx", "c.": "approx", "~": "approx", "in the region of": "approx",
    "on the order of": "approx", "in the order of": "approx", "give or take": "approx",
    "an average of about": "approx", "roughly around": "approx", "near": "approx",
    # (a budget "is estimated at Nu 89.15 billion": the estimate itself, exact; "an estimated 5
    # million": roughly that many)
    # at_least
    "more than": "at_least", "over": "at_least", "at least": "at_least", "above": "at_least",
    "in excess of": "at_least", "upwards of": "at_least", "upward of": "at_least",
    "north of": "at_least", "no less than": "at_least", "not less than": "at_least",
    "no fewer than": "at_least", "not fewer than": "at_least", "greater than": "at_least",
    "starting at": "at_least", "starting from": "at_least", "starts at": "at_least",
    "start at": "at_least", "started at": "at_least", "starts from": "at_least", "just over": "at_least",
    "just above": "at_least", "well over": "at_least", "well above": "at_least",
    "exceeding": "at_least", "exceeded": "at_least", "exceeds": "at_least",
    "exceed": "at_least", "topped": "at_least", "topping": "at_least", "tops": "at_least",
    "surpassed": "at_least", "surpassing": "at_least", "a minimum of": "at_least",
    "minimum of": "at_least", "more than about": "at_least", "broke through": "at_least",
    "broken through": "at_least", "breaking through": "at_least", "break through": "at_least",
    # at_most
    "nearly": "at_most", "almost": "at_most", "up to": "at_most", "less than": "at_most",
    "under": "at_most", "just under": "at_most", "fewer than": "at_most",
    "close to": "at_most", "closer to": "at_most", "no more than": "at_most",
    "not more than": "at_most", "at most": "at_most", "as many as": "at_most",
    "as much as": "at_most", "just shy of": "at_most", "shy of": "at_most",
    "just short of": "at_most", "a maximum of": "at_most", "maximum of": "at_most",
    "not exceeding": "at_most", "just below": "at_most", "well under": "at_most",
    "well below": "at_most", "a little under": "at_most", "a little over": "at_least",
    "slightly more than": "at_least", "slightly less than": "at_most",
    "slightly over": "at_least", "slightly under": "at_most", "nearly reached": "at_most",
    "below": "at_most", "nearing": "at_most", "approaching": "at_most",
    "within": "at_most", "up to a": "at_most",  # "a deficit within 3 per cent of GSDP", "up to a three per cent rise"
    # exact: "adding up to" is totalling, not "up to"
    "adding up to": "exact", "added up to": "exact", "adds up to": "exact", "add up to": "exact",
    # exact: "went up to 12%" is a rise to it ("up" is the verb's)
    **{f"{verb} up to": "exact" for verb in (
        "go", "goes", "went", "gone", "going", "shot", "shoots", "move", "moved", "moves", "jumped", "climbed",
        "revised", "pushed", "picked", "ticked", "ticks", "edged", "edges", "crept", "inched", "rose", "risen",
        "surged", "spiked")},
}
# verbs that may stand between "nearly"/"almost" and the figure ("nearly reached $87")
QUALIFIER_BRIDGE_VERBS = ("reached", "reach", "reaching", "hit", "hitting", "touched",
                          "touching", "topped", "top", "hits", "reaches")
# "top" as a verb ("was expected to top 2.5 billion yuan"): after these words
TOP_VERB_LEADS = ("to", "will", "would", "could", "may", "might", "should", "can", "did")
# cue phrases written right after the figure
QUALIFIER_SUFFIX: dict[str, str] = {
    "or more": "at_least", "or above": "at_least", "or higher": "at_least",
    "and above": "at_least", "and up": "at_least", "plus": "at_least", "-plus": "at_least",
    "+": "at_least", "or so": "approx", "or thereabouts": "approx", "odd": "approx",
    "-odd": "approx", "or less": "at_most", "or fewer": "at_most", "or below": "at_most",
    "at most": "at_most", "at the most": "at_most", "at least": "at_least",
}

# ---------------------------------------------------------------------------------------------
# Units of measurement (surface form -> canonical unit); matched case-sensitively after the
# number, longest first. Time units are separate (they also drive durations and ages).
# ---------------------------------------------------------------------------------------------
MEASURE_UNITS: dict[str, str] = {
    # length
    "km": "km", "kms": "km", "kilometres": "km", "kilometre": "km", "kilometers": "km",
    "kilometer": "km", "metres": "metre", "metre": "metre", "meters": "metre", "meter": "metre",
    "cm": "cm", "centimetres": "cm", "centimeters": "cm", "mm": "mm", "millimetres": "mm",
    "millimeters": "mm", "miles": "mile", "mile": "mile", "mi": "mile", "feet": "foot",
    "foot": "foot", "ft": "foot", "inches": "inch", "inch": "inch", "yards": "yard",
    "yard": "yard", "nautical miles": "nautical mile", "light years": "light year",
    "light-years": "light year",
    # area
    "sq m": "sq m", "sqm": "sq m", "square metres": "sq m", "square meters": "sq m",
    "square metre": "sq m", "square meter": "sq m", "m2": "sq m", "m²": "sq m",
    "sq km": "sq km", "square kilometres": "sq km", "square kilometers": "sq km",
    "square kilometre": "sq km", "km2": "sq km", "km²": "sq km",
    "sq ft": "sq ft", "square feet": "sq ft", "square foot": "sq ft",
    "square miles": "sq mile", "square mile": "sq mile",
    "hectares": "hectare", "hectare": "hectare", "ha": "hectare", "acres": "acre",
    "acre": "acre", "mu": "mu",
    # mass
    "kg": "kilogram", "kgs": "kilogram", "kilograms": "kilogram", "kilogram": "kilogram",
    "kilos": "kilogram", "grams": "gram", "gram": "gram", "g": "gram", "mg": "milligram",
    "tonnes": "metric ton", "tonne": "metric ton", "tons": "ton", "ton": "ton", "t": "metric ton",
    "mt": "metric ton", "lbs": "pound", "lb": "pound", "ounces": "ounce", "ounce": "ounce",
    "oz": "ounce", "carats": "carat", "carat": "carat", "jin": "jin",
    # volume
    "litres": "litre", "litre": "litre", "liters": "litre", "liter": "litre", "l": "litre",
    "ml": "millilitre", "millilitres": "millilitre", "gallons": "gallon", "gallon": "gallon",
    "barrels": "barrel", "barrel": "barrel", "bbl": "barrel", "bpd": "barrel per day",
    "cubic metres": "cubic metre", "cubic meters": "cubic metre", "cubic metre": "cubic metre",
    "cubic feet": "cubic foot", "bcm": "billion cubic metre", "tcf": "trillion cubic foot",
    # energy, power, data, speed, temperature
    "kwh": "kWh", "kWh": "kWh", "MWh": "MWh", "GWh": "GWh", "TWh": "TWh", "kW": "kW",
    "MW": "MW", "GW": "GW", "TW": "TW", "watts": "watt", "watt": "watt", "W": "watt",
    "kilowatts": "kW", "megawatts": "MW", "gigawatts": "GW", "kilowatt-hours": "kWh",
    "kilowatt hours": "kWh", "volts": "volt", "V": "volt", "kV": "kV",
    "British thermal units": "BTU", "BTU": "BTU", "Btu": "BTU", "mmBTU": "mmBTU",
    "mmbtu": "mmBTU", "calories": "calorie", "kcal": "kcal", "joules": "joule", "J": "joule",
    "TeV": "TeV", "GeV": "GeV", "MeV": "MeV", "eV": "eV",
    "GB": "gigabyte", "TB": "terabyte", "MB": "megabyte", "KB": "kilobyte", "kB": "kilobyte",
    "gigabytes": "gigabyte", "terabytes": "terabyte", "megabytes": "megabyte",
    "Gbps": "Gbps", "Mbps": "Mbps", "GHz": "GHz", "MHz": "MHz", "Hz": "hertz", "nm": "nm",
    "km/h": "km/h", "kph": "km/h", "mph": "mph", "m/s": "m/s", "km/s": "km/s", "knots": "knot",
    "°C": "degree Celsius", "°F": "degree Fahrenheit", "℃": "degree Celsius",
    "degrees Celsius": "degree Celsius", "degrees Fahrenheit": "degree Fahrenheit",
    "degrees": "degree", "degree": "degree", "°": "degree",
    "TEU": "TEU", "TEUs": "TEU", "dwt": "dwt", "DWT": "dwt", "ppm": "ppm",
    "kPa": "kPa", "Pa": "pascal", "MPa": "MPa", "hPa": "hPa", "psi": "psi", "atm": "atm",
    "bar": "bar", "rpm": "rpm", "dB": "decibel", "decibels": "decibel", "mAh": "mAh", "Ah": "Ah",
    "Wh": "Wh", "amps": "ampere", "amperes": "ampere", "mA": "milliampere", "kt": "kilotonne",
    "Mt": "megatonne", "Gt": "gigatonne", "µm": "micrometre", "microns": "micrometre",
    "µg": "microgram", "sq mi": "sq mile", "cups": "cup", "cup": "cup", "tablespoons": "tablespoon",
    "teaspoons": "teaspoon", "pints": "pint", "quarts": "quart", "fb-1": "fb-1", "fb−1": "fb-1",
    "gigawatt-hours": "GWh", "terawatt-hours": "TWh", "megawatt-hours": "MWh",
    "kilowatt": "kW", "megawatt": "MW", "gigawatt": "GW", "horsepower": "horsepower", "hp": "horsepower",
    # markets and statistics
    "basis points": "basis point", "basis point": "basis point", "bps": "basis point",
    "bp": "basis point", "points": "point", "point": "point", "pts": "point",
}
# measurement units that may also be glued to the digits ("278kg", "5km", "10GW")
GLUED_UNITS_OK = frozenset({
    "km", "kms", "cm", "mm", "kg", "kgs", "g", "mg", "t", "mt", "lb", "lbs", "oz", "ft", "mi",
    "ml", "l", "ha", "sqm", "m2", "m²", "km2", "km²", "kwh", "kWh", "MWh", "GWh", "TWh",
    "kW", "MW", "GW", "TW", "W", "V", "kV", "GB", "TB", "MB", "KB", "kB", "Gbps", "Mbps",
    "GHz", "MHz", "Hz", "nm", "km/h", "kph", "mph", "m/s", "km/s", "°C", "°F", "℃", "°",
    "TEU", "TEUs", "bpd", "bbl", "bcm", "tcf", "TeV", "GeV", "MeV", "eV", "bps", "bp", "pts",
    "kPa", "MPa", "hPa", "psi", "rpm", "dB", "mAh", "Ah", "Wh", "mA", "kt", "Mt", "Gt", "µm", "µg", "hp",
})

TIME_UNITS: dict[str, str] = {
    "years": "year", "year": "year", "yrs": "year", "yr": "year", "months": "month",
    "month": "month", "weeks": "week", "week": "week", "days": "day", "day": "day",
    "hours": "hour", "hour": "hour", "hrs": "hour", "minutes": "minute", "minute": "minute",
    "mins": "minute", "seconds": "second", "second": "second", "secs": "second",
    "decades": "decade", "decade": "decade", "centuries": "century", "century": "century",
    "quarters": "quarter", "nights": "night", "night": "night", "semesters": "semester",
    "generations": "generation", "terms": "term", "sessions": "session",
}
# rate denominators that extend a figure's surface: "$2.30/day", "4,000 yuan per person"
RATE_UNITS = (
    "day", "week", "month", "year", "annum", "hour", "person", "capita", "head", "share",
    "barrel", "ounce", "tonne", "ton", "kg", "kilogram", "litre", "liter", "gallon", "unit",
    "piece", "night", "trip", "visit", "employee", "worker", "household", "resident",
    "student", "square metre", "square meter", "sq m", "sqm", "mu", "hectare", "acre",
    "kilowatt-hour", "kWh", "mmBTU", "mmbtu", "pound", "minute", "second", "game", "seat",
    "room", "patient", "passenger", "vehicle", "car", "user", "subscriber", "citizen",
)
# exchange rates: "the rupee closed at 83.2 per dollar" is money in the currency named before it,
# against one of these; and the words that name that currency besides its names
FX_QUOTE_WORDS = ("dollar", "us dollar", "u.s. dollar", "greenback", "euro", "pound", "yen", "yuan")
FX_SUBJECT_EXTRA: dict[str, str] = {"real": "BRL"}
# market convention: these are quoted as the other currency per unit ("sterling at 1.27 against the
# dollar" is 1.27 USD), the rest as units per dollar ("the rupee at 83.2 against the dollar" is INR);
# "per dollar" and "to the dollar" always count units of the currency named first
FX_BASE_CURRENCIES = frozenset({"EUR", "GBP", "AUD", "NZD"})
# world commodity prices are quoted in US dollars whatever the paper's own dollar ("$52 a barrel"
# in Canadian copy)
USD_QUOTED_RATES = frozenset({"barrel", "ounce", "mmBTU", "mmbtu"})
# The currencies trade, commodities, remittances and foreign investment are quoted in everywhere:
# an amount in one says nothing about which country a story is about ("$45.7 billion" of
# remittances in a Mexican story, "US$68 a barrel" in an Alberta budget)
WORLD_CURRENCIES = frozenset({"USD"})

# ---------------------------------------------------------------------------------------------
# Dates
# ---------------------------------------------------------------------------------------------
MONTHS: dict[str, int] = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
SEASONS = ("spring", "summer", "autumn", "fall", "winter")
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
TIMEZONES = ("GMT", "UTC", "BST", "EDT", "EST", "CST", "CET", "CEST", "PST", "PDT", "HKT",
             "JST", "IST", "AEST", "AEDT", "SGT", "MST", "MDT")
# a year followed by these is a price base, not the period ("$2.30/day (2017 PPP)")
PRICE_BASE_WORDS = ("PPP", "prices", "price", "constant", "dollars", "US dollars",
                    "international dollars", "base")

# ---------------------------------------------------------------------------------------------
# Names and labels: a number right after these words is a label, not a figure
# ("Game 7", "chapter 11", "No. 1", "covid-19"); matched case-insensitively.
# ---------------------------------------------------------------------------------------------
LABEL_WORDS = frozenset("""
no no. nos number num # game games chapter chapters article articles section sections part
parts page pages phase stage level levels tier grade class type model series version vol
vol. volume issue route highway line lines terminal gate flight room platform round week
weeks day days episode season act rule paragraph para clause item items figure fig fig.
table appendix annex schedule exhibit box note footnote category group pillar point option
district ward block unit apartment suite floor building lot booth hall court street road
avenue row seat plan covid sars-cov mh flight lane door division league match station
iphone ipad galaxy windows playstation xbox boeing airbus pixel mate watch
""".split())
# capitalised words that may stand before a bare number without making it a name
CAPITAL_NON_NAMES = frozenset("""
In At On By For From To Of With About Around Some Over Nearly Almost Only Just All Up Under
And Or But The A An Its It Their His Her Our Your My This That These Those Total Another
Additional Last Next Each Every Both Roughly Approximately More Less Fewer Than Between
Since Until During After Before Among Of When While If As Then Also Another Another Here
There Where What Which Who Still Yet So Another Almost Around Nearly Barely Exactly Precisely
Estimated Maybe Perhaps Only Once Twice Top Of Among Including Excluding Plus Minus Down
Even Already Another ALL ABOUT OVER SOME NEARLY ONLY JUST IN AT ON BY FOR THE AND OR UP TO
We They He She You I Its Per Some Another Since Meanwhile However Yesterday Today Tomorrow
Now Currently Previously Overall Altogether Separately Additionally Another Almost Approximately
Q1 Q2 Q3 Q4 H1 H2 Total: Price: Cost:
""".split())

# ---------------------------------------------------------------------------------------------
# Unit-noun lemmatiser: closed classes
# ---------------------------------------------------------------------------------------------
IRREGULAR_PLURALS: dict[str, str] = {
    "people": "person", "persons": "person", "children": "child", "men": "man",
    "women": "woman", "feet": "foot", "teeth": "tooth", "mice": "mouse", "geese": "goose",
    "data": "data", "criteria": "criterion", "phenomena": "phenomenon", "staff": "staff",
    "personnel": "personnel", "police": "police", "cattle": "cattle", "livestock": "livestock",
    "sheep": "sheep", "fish": "fish", "deer": "deer", "series": "series", "species": "species",
    "lives": "life", "wives": "wife", "knives": "knife", "halves": "half", "leaves": "leaf",
    "shelves": "shelf", "wolves": "wolf", "calves": "calf", "thieves": "thief",
    "loaves": "loaf", "indices": "index", "matrices": "matrix", "analyses": "analysis",
    "crises": "crisis", "theses": "thesis", "bases": "base", "diagnoses": "diagnosis",
    "media": "media", "alumni": "alumnus", "yuan": "yuan", "aircraft": "aircraft",
    "offspring": "offspring", "swine": "swine", "poultry": "poultry", "pigs": "pig",
    "tomatoes": "tomato", "potatoes": "potato", "heroes": "hero", "echoes": "echo",
    "vetoes": "veto", "cargoes": "cargo", "mosquitoes": "mosquito", "buses": "bus",
    "gases": "gas", "taxes": "tax", "boxes": "box", "shoes": "shoe", "toes": "toe",
    "cookies": "cookie", "movies": "movie", "employees": "employee", "degrees": "degree",
    "mu": "mu", "jin": "jin", "head": "head",
}
# words that end in "s" but are not plural nouns
NOT_PLURAL_S = frozenset("""
is was has does this its his hers ours yours theirs us as thus plus less unless always perhaps
across various previous famous serious numerous vs yes news means status bonus process access
business progress address success loss gross class glass mass press miss kiss chaos gas bus
lens analysis basis crisis thesis emphasis diagnosis whereas besides sometimes nevertheless
afterwards towards upwards downwards outwards onwards overseas series species physics economics
politics statistics mathematics lbs kms yrs hrs mins secs pts bps ppts percent focus census
virus campus status apparatus consensus corpus stimulus surplus nexus versus tennis
""".split())
# function words that end a unit-noun search
FUNCTION_WORDS = frozenset("""
a an the of in on at to for from with by as and or but nor that which who whom whose this these
those is are was were be been being am has have had having will would could should may might
must can do does did not no it its their his her our your my we they he she you i me him them
up down over under about around into onto across after before between during since until while
when where if so such also just only still yet then there here than per each every all both via
within without against among amid upon toward towards through throughout despite beyond along
beside besides above below near off out more most less least much many some any few several
other another same own very too quite rather almost nearly roughly approximately respectively
again already even ever never now once soon today yesterday tomorrow last next what how why
whether either neither according including
compared versus vs like unlike following per cent percent
""".split())

# ---------------------------------------------------------------------------------------------
# words the regions stage reads
# ---------------------------------------------------------------------------------------------
# an era after a year, which a place's abbreviation may spell ("500 B.C.")
ERA_ABBREVIATIONS = frozenset({"B.C.", "BC", "A.D.", "AD"})
# measures written after a place, which no name of a company or body continues ("China GDP grew")
MEASURE_ACRONYMS = frozenset({"GDP", "GNP", "GVA", "GRP", "GSDP", "GSP", "CPI", "PPI", "PMI", "FDI"})
# "the Finance Minister of Kerala", "the Government of India": an office of the place, not a name
# like "Bank of China"
OFFICE_OF_PLACE = frozenset({"Republic", "Government", "People's", "Region", "Minister", "Ministry", "President",
                             "Governor", "Premier", "Parliament", "Assembly", "Province", "State", "Economy"})
# words that begin a noun phrase, not a name ("The county", "Each district", "Federal District")
NOT_NAME_WORDS = frozenset("""The A An This That These Those Each Every Any No Our Their Its His Her
One Some Other Another Which What Whose Federal National Central Local Home Business School Financial
Special Economic Electoral Congressional Metropolitan Municipal Rural Urban Poor Neighbouring
Neighboring Coastal Border Administrative""".split())
NATIONAL_BODY_WORDS = ("Chancellor", "Treasury", "entral bank", "entral Bank", "inance minist",
                       "inance Minist", "tatistics office", "tatistics agency", "tatistics bureau",
                       "of Finance", "national budget")
ADMIN_WORDS = frozenset("""Province Provincial City Municipality Municipal County Prefecture
Autonomous Region Special Administrative SAR District Uygur Uighur Uyghur Zhuang Hui Dependency
Island Islands Mainland State Territory Governorate Oblast Department Provinces Counties States Regions
Prefectures Districts Territories Cities""".split()) | frozenset(
    # an office or body after a place is that place's: "UK Chancellor", "Kenyan Treasury"
    """Chancellor Treasury Government Parliament Congress Senate Ministry Minister President Premier
Governor Cabinet Budget Exchequer Finance Economy Assembly Legislature House Chief Deputy""".split())
# A place inside a company's name is not where its figures are ("Air India", "Victoria's Secret
# said its sales", "Santander said its profit"): a capitalised word before the place that can
# only be part of a name (not a direction, a title, a function word, an adjective, nor a public
# body's word: "Greater Jakarta", "Premier", "In", "Struggling", "Statistics Canada"); a
# possessive place before a name that reports a company's results; a place that itself reports them.
PLACE_MODIFIERS = frozenset("""North South East West Northern Southern Eastern Western Central Northeast
Northwest Southeast Southwest Northeastern Northwestern Southeastern Southwestern Mid Middle Upper Lower Inner
Outer Greater Mainland Metro Metropolitan Rural Urban Regional Coastal Continental Far Near Deep Downtown
Suburban Tropical Old New Modern Ancient Whole Entire Wider Neighbouring Neighboring Landlocked Communist
Democratic Federal Imperial Colonial Outside Inside Behind Alongside Excluding Apart Aside Elsewhere
Nationwide Together Like Unlike Beyond President Premier Prime Minister Chancellor Governor Mayor Chief
Secretary Treasurer King Queen Prince Princess Mr Mrs Ms Dr Sir Lord Lady General Ambassador Envoy
Rest Rival Statistics Stats Health Tourism Infrastructure Transport Environment Finance Revenue Enterprise
Invest Visit Sport Bank Negara Employment Education Export Trade Investment Immigration Destination Team
""".split()) | CAPITAL_NON_NAMES | frozenset(w.capitalize() for w in (*FUNCTION_WORDS, *MONTHS, *WEEKDAYS))
REPORT_VERBS = ("said says reported reports posted posts announced announces booked books expects expected "
                "forecast forecasts recorded records swung saw sees raised raises cut cuts lifted lifts "
                "narrowed widened beat").split()
# bodies that speak for a place ("India's Reserve Bank said", "Britain's Office for ...")
INSTITUTION_WORDS = frozenset("""Reserve Central National Federal Statistics Statistical Bureau Office
Department Agency Institute Commission Council Authority Board Monetary Bank Ministry Treasury State
Provincial Regional Municipal Revenue Customs Tax Labour Labor Trade Finance Economic""".split())
# "the region", "the province", "the city": the latest place of that rank before them
ANAPHORA_ADJECTIVES = ("restive", "autonomous", "far-western", "western", "southern", "northern", "eastern",
                       "central", "whole", "entire", "coastal", "inland", "same", "southwestern", "northwestern")
ANAPHORA_NOUNS = ("region", "province", "city", "municipality", "prefecture", "state")
# cheap whole-text checks before the regexes above run per mention or figure
AID_STEMS = ("assist", "aid", "help", "support", "pair", "counterpart")
TRANSFER_STEMS = ("spen", "sen", "allocat", "invest", "inject", "transfer", "grant", "gave", "given",
                  "pour", "earmark", "channel", "funnel", "donat", "pump", "disburs", "provid",
                  "offer", "pledg")
AID_WORDS = ("assistance", "aid", "aiding", "assist", "assisting", "helping", "support", "supporting", "paired",
             "pairing", "counterpart")

# ---------------------------------------------------------------------------------------------
# words the periods stage reads
# ---------------------------------------------------------------------------------------------
PLAN_NUMS = {"third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9,
             "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
             "fifteenth": 15}
ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
            "final": 4, "last": 4}

# ---------------------------------------------------------------------------------------------
# words the metrics stage reads
# ---------------------------------------------------------------------------------------------
PLACE_PREPOSITIONS = frozenset({"in", "of", "for", "at", "across", "throughout"})
VERBISH = frozenset("""
reached reach reaches rose rise rises fell fall falls grew grow grows stood stand stands hit
hits totalled totaled total totals increased increase increases decreased decrease decreases
dropped drop drops climbed climb jumped jump surged surge slid slide declined decline gained gain
lost lose added add amounted amount came come expanded expand shrank contracted jumped was were
is are be been being has have had will would could should may might said says say showed show
shows recorded record records registered register posted post topped top tops dipped dip
invested invest invests spent spend spends paid pay pays made make makes raised raise hire
hired employs employed produced produce expected forecast estimated put valued worth cost costs
reported accounted account kept keep set sets offered offer trained train help helped
""".split())

# ---------------------------------------------------------------------------------------------
# words the figures stage reads
# ---------------------------------------------------------------------------------------------
YEAR_PREVS = frozenset("""
in of since by from to until till for during its their his her this last next and between than
before after fiscal fy year early mid late end at on the around circa c. through throughout
""".split())
DETERMINERS = frozenset("the a an its his her their our this that".split())
YEARLY_NOUNS = frozenset("""sale sales revenue revenues earning earnings profit profits result results
budget output export exports import imports election census figure figures""".split())
FRACTION_STEMS = ("half", "third", "quarter", "fifth", "tenth")  # one in every fraction word
