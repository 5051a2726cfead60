"""Regions: the place each figure is about, from the curated gazetteer (regions.csv).

Mentions of gazetteer names and aliases are found once per text. Mentions inside proper
names ("Guangdong Textile and Garment Industrial Park", "Bank of China", "Air India",
"Victoria's Secret said its sales") are not places, nor is a place that reports a company's
results ("Santander said its profit"); mentions after "with", "from", "than" ("trade deficit
with China", "workers from Xinjiang") are partners or origins and count only as a last resort;
"Beijing said" is the Chinese government, i.e. China; "the country", "Nationwide", "national"
stand for the text's main country.

Each figure takes, in order of preference: a place right after it in its noun phrase
("2.3 trillion yuan in Xinjiang", "3 million members of Xinjiang's poor", "15% of U.S.
imports"), the nearest place before it in its sentence, the nearest after it in the same
clause, the place of the sentences before where this one goes on about it ("Its exports",
"prices there", "the state's deficit", "the company"), the story's own place (its opening
sentence's, within the country the text names most), a partner place in its sentence. A
sub-place thus governs its sentence and those that continue about it, not a later national
figure.

A country that ranks or is compared with the place ("remains China's biggest", "the first
province in the country", "exceeded the country's average") is demoted, but "the national
average of 6.7 percent" is the country's; money sent or spent goes to the place receiving it
("spent 34 billion yuan ... in Tibet"); a donor's aid ("Jiangsu has built 123 schools") is about
the text's aided place ("paired assistance in Xinjiang").

>>> from tasks.extract import parse_figures
>>> gaz = regions_from_rows([{"name": "China", "aliases": "PRC", "level": "country", "parent": ""},
...     {"name": "Xinjiang", "aliases": "", "level": "province", "parent": "China"}])
>>> [(f.surface, f.region) for f in parse_figures(
...     "Beijing said it lifted all 3 million members of Xinjiang's poor out of poverty. "
...     "China's GDP per capita was 49,351 yuan.", regions=gaz)]
[('3 million members', 'Xinjiang'), ('49,351 yuan', 'China')]
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable, Mapping, Sequence

from ._cache import by_identity
from ._finder import Finder, matches_at
from ._lexicon import (
    ADMIN_WORDS,
    AID_STEMS,
    AID_WORDS,
    ANAPHORA_ADJECTIVES,
    ANAPHORA_NOUNS,
    ERA_ABBREVIATIONS,
    INSTITUTION_WORDS,
    MEASURE_ACRONYMS,
    NATIONAL_BODY_WORDS,
    NOT_NAME_WORDS,
    OFFICE_OF_PLACE,
    PLACE_MODIFIERS,
    REPORT_VERBS,
    TRANSFER_STEMS,
    WORLD_CURRENCIES,
)
from .patterns import ends_before_blanks, trie_alt
from .patterns import folded as folded_text
from .record import Region
from .sentences import clause_bounds, figure_lists, runs

LEVEL_RANK = {"world": 0, "bloc": 0, "country": 0, "economy": 0, "economic_region": 1,
              "province": 2, "autonomous_region": 2, "municipality": 2, "sar": 2,
              "prefecture": 3, "city": 3, "county": 4, "district": 4}
# ISO 3166-2 subdivision types (tasks/gazetteer.py) rank like the Chinese levels above them
LEVEL_RANK.update({"nation": 1, "region": 2, "state": 2, "territory": 2, "subdivision": 2,
                   "district": 3})
# named groups of countries (OPEC, G20) and package names that are not places: never a region
_NOT_PLACES = frozenset({"group", "excluded"})
# a small place named with its administrative word is a place though no table lists it
# ("Shule county", "Xiaoshan district", "Yangjia township")
_ADMIN_PLACE_RE = re.compile(
    r"(?<![\w'’-])((?:[A-Z][a-z'’-]+)(?:[ ][A-Z][a-z'’-]+){0,2})[ ]"
    r"(township|county|prefecture|district|village|Township|County|Prefecture|District|Village|Province)\b")
_ADMIN_PLACE_LEVEL = {"township": "district", "village": "district", "county": "county",
                      "prefecture": "prefecture", "district": "district", "province": "province"}
# a dateline names where the story was filed, not what it is about: "NAIROBI, Jan 27 (Reuters) -",
# "Nairobi — Nairobi, Turkana and ...", "Jakarta. The Indonesian government ..."
# ("BAKU, Azerbaijan, Sept.14" on a line of its own: the city, its country, the day; a line that
# holds only a place is a heading, not a dateline)
_DATELINE_DAY = r",?[ \t]+(?:[A-Z][a-z]{2,8}\.?[ \t]*\d{1,2}|\d{1,2}[ \t]+[A-Z][a-z]{2,8}\.?)(?:,?[ \t]+\d{4})?"
_DATELINE_AGENCY = r"(?:[ \t]*\([A-Za-z .&/-]+\))?"  # "(Xinhua)", "(dpa-AFX)", "(dpa / lnw)"
_DATELINE_TAIL_RE = re.compile(
    r"(?:,[ \t]+[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+)?(?=,))?"
    rf"(?:{_DATELINE_DAY}{_DATELINE_AGENCY}[ \t]*\n"
    rf"|(?:{_DATELINE_DAY})?{_DATELINE_AGENCY}(?:\.?[ \t]*[—–-]{{1,2}}[ \t]|\.[ \t]+(?=[A-Z])|:[ \t]))"
    rf"|{_DATELINE_DAY}[ \t]*\([A-Za-z .-]+\)[ \t]+(?=[A-Z])"  # "Bengaluru, Feb 16 (IANS) Karnataka ..."
    # "Buenos Aires, (APP - UrduPoint / Pakistan Point News - 15th Jan, 2025) Argentina's ...": the
    # agency's tag holds the day
    r"|,[ \t]*\((?=[^()\n]{0,80}\d)[^()\n]{2,80}\)[ \t]+(?=[A-Z])")
_DATELINE_CITY_RE = re.compile(r"[A-Z][A-Z .'-]+,[ \t]+$")
_CAPS_DATELINE_AFTER_RE = re.compile(r"(?:,[ \t]+[A-Z][A-Za-z]+)?[ \t]+[—–-]{1,2}[ \t]")
_AGENCY_TAG_BEFORE_RE = re.compile(r"(?:^|(?<=\n))[ \t]*\([^()\n]{1,40}\)$")
# "BRUSSELS/FRANKFURT/PARIS (dpa-AFX) -": the cities a story was filed from, in capitals
_CAPS_CITIES_BEFORE_RE = re.compile(r"(?:^|(?<=\n))(?:[A-Z][A-Z .'-]*/)*$")
_CAPS_CITIES_AFTER_RE = re.compile(r"(?:/[A-Z][A-Z .'-]*)*")
_LINE_END_RE = re.compile(r"[ \t]*\n")
# national bodies stand for the text's country: "the Chancellor said", "the Treasury forecast"
_NATIONAL_BODY_RE = re.compile(
    r"\b(?:[Tt]he[ \t]+(?:National[ \t]+)?(?:Chancellor|Treasury|[Cc]entral[ \t]+[Bb]ank|[Ff]inance[ \t]+[Mm]inist(?:ry|er)|"
    r"[Ss]tatistics[ \t]+(?:office|agency|bureau)|Minist(?:er|ry)[ \t]+of[ \t]+Finance|national[ \t]+budget)"
    r"|National[ \t]+Treasury|Finance[ \t]+Minister)\b")

_S = r"[ \t\u00a0]"
_CORPORATE_NOUNS = (r"(?:profits?|(?:net|operating)[ \t]+(?:income|loss)|earnings|dividends?|revenues?|sales|"
                    r"turnover|margins?|shares|deliveries|subscribers|customers|stores)")
_REPORTS = f"(?:{'|'.join(REPORT_VERBS)})"
_REPORT_WORDS = tuple(f" {w} " for w in REPORT_VERBS)  # what a place reporting results is followed by
_RESULT_STEMS_RE = re.compile("rofit|ncome|ividend|loss")
# "Victoria's Secret said its sales", "Japan's Toyota posted a record profit", "Victoria's Secret shares"
_OWNED_NAME_RE = re.compile(
    rf"['’]s{_S}+([A-Z][\w&.-]*)(?:{_S}+[A-Z][\w&.-]*){{0,2}}{_S}+(?:shares\b|stock\b|{_REPORTS}"
    rf"(?:{_S}+(?:on{_S}+[A-Z]\w+|that))?(?:{_S}+[\w-]+){{0,4}}?{_S}+{_CORPORATE_NOUNS}\b)")
# "Santander said its profit rose", "Santander's net profit": results no government reports (its
# revenue, sales or earnings may be a state's, its profit or dividend is a company's)
_COMPANY_RESULTS = r"(?:profits?|net[ \t]+(?:income|loss)|operating[ \t]+(?:income|profit|loss)|dividends?)"
_REPORTS_RESULTS_RE = re.compile(
    rf"(?:{_S}+{_REPORTS}(?:{_S}+(?:on{_S}+[A-Z]\w+|that))?(?:{_S}+(?:its|a|an|the|record|higher|lower)))"
    rf"(?:{_S}+[\w-]+){{0,3}}?{_S}+{_COMPANY_RESULTS}\b"
    rf"|['’]s(?:{_S}+(?:net|operating|pre-tax|pretax|quarterly|annual|half-year|full-year|"
    rf"first-quarter|second-quarter|third-quarter|fourth-quarter))?{_S}+{_COMPANY_RESULTS}\b")
_NUMBER_BEFORE_RE = re.compile(r"\d[ \t]*$")
_NEXT_CAP_RE = re.compile(rf"{_S}+([A-Z][A-Za-z]+)")
# "Gujarat Rs 30,000 crore": a currency before an amount, not the rest of a name
_AMOUNT_AFTER_RE = re.compile(rf"\.?{_S}?[\d$]")
_OF_NAME_RE = Finder(re.compile(rf"(?<![\w])([A-Z][\w'’]*){_S}+of{_S}+(?:the{_S}+)?$"))
_DEMOTE_BEFORE_RE = Finder(re.compile(
    rf"(?<![\w])(?:with|from|against|versus|vs\.?|than|outside|excluding|beyond|rest{_S}+of|"
    rf"exceeded|exceeding|exceeds|outpaced|outpacing|outperformed|surpassed|above|below|trailed|"
    rf"times|twice|double|triple|thrice|(?:size|scale){_S}+of){_S}+(?:the{_S}+|mainland{_S}+)?$", re.I))
# "demand recovered following Japan's Kumamoto earthquakes": the place of a cause
_CAUSE_WORDS = ("ollowing", "amid", "because of", "due to", "wake of")
_CAUSE_BEFORE_RE = re.compile(rf"\b(?:following|amid|because{_S}+of|due{_S}+to|in{_S}+the{_S}+wake{_S}+of)"
                              rf"{_S}+(?:the{_S}+)?(?:[A-Z][\w'’-]*{_S}+)?$", re.I)
# "Croatia's inflation, as measured by the index published by Eurostat, fell to 4.3%": who
# published a statistic is not what it is about
_SOURCE_BEFORE_RE = re.compile(rf"\b(?:(?:published|compiled|released|issued|calculated|reported){_S}+by|according{_S}+to)"
                               rf"{_S}+(?:the{_S}+)?$", re.I)
# "presented the budget before a joint session of the National Assembly in Abuja": where it was
# said, not what it is about
_VENUE_BEFORE_RE = Finder(re.compile(
    rf"\b(?:session|meeting|conference|summit|ceremony|forum|briefing|gathering|assembly|parliament|congress)"
    rf"{_S}+(?:in|at){_S}+(?:the{_S}+)?$"
    # "the budget statement released by Finance Minister Enoch Godongwana in Cape Town": where it was said
    rf"|\b(?:released|presented|delivered|tabled|unveiled|announced|speaking|spoke|said)\b[^.;:!?\n]{{0,50}}?{_S}in{_S}+$", re.I))
# "Software exports from Bengaluru": what a place sends out is its own, unlike "imports from Mexico"
_EXPORTS_FROM_RE = Finder(re.compile(
    rf"\b(?:exports?|shipments?)(?:{_S}+[a-z-]+){{0,2}}?{_S}+from{_S}+(?:the{_S}+)?$", re.I))
# money sent home is the home country's: "Remittances sent home by Mexicans working in the United
# States", "remittances from the Gulf" come from where the senders work
_REMITTED_FROM_RE = Finder(re.compile(
    rf"\b(?:remittances?|sent{_S}+home|send{_S}+home|sends{_S}+home)\b[^.;:]{{0,60}}?"
    rf"(?<![\w])(?:from|(?:working|living|employed|based){_S}+in){_S}+(?:the{_S}+)?$", re.I))
# "remains China's biggest economy", "the first province in the country to", "the lead in China's":
# the country ranks the place the sentence is about, it is not the figure's place
_RANK_AFTER_RE = re.compile(
    rf"['’]s{_S}+(?:[a-z-]+{_S}+)?(?:(?:second|third|fourth|fifth)[-‑])?(?:biggest|largest|richest|poorest|leading|top|"
    rf"most|least|fastest|slowest|highest|lowest|only|no\.?{_S}*1|number{_S}+one)\b(?![-‑])")
_RANK_BEFORE_RE = Finder(re.compile(
    rf"\b(?:first|only|biggest|largest|richest|poorest|leading|top|most|least|fastest|slowest|highest|"
    rf"lowest|lead|leader|second|third|best|worst)\b[^,.;:]{{0,40}}?\b(?:in|of|among|across){_S}+(?:the{_S}+)?$", re.I))
_RANK_TAILS = tuple(f"{w} {t}" for w in ("in", "of", "among", "across") for t in ("", "the "))
# "the national average of 6.7 percent": the figure is that place's
_AVERAGE_OF_RE = re.compile(
    rf"(?:['’]s)?(?:{_S}+(?:average|mean|overall|level|rate|growth|economic|GDP|figure|total|per|capita)){{1,4}}(?:{_S}+(?:of|at|was|is|stood{_S}+at)){_S}+(?:about{_S}+|around{_S}+|only{_S}+|just{_S}+)?$")
_BASED_AFTER_RE = re.compile(r"[-‑]based\b|[-‑]headquartered\b")
_GOV_VERB_RE = re.compile(
    rf"['’]?s?{_S}+(?:has|have|had|is|was|will|would|says|said|insists|insisted|announced|set|"
    rf"sets|hits|hit|wants|wanted|plans|planned|accused|argued|claims|claimed|declared|denied|"
    rf"denies|also|maintains|maintained|rejected|rejects|urged|urges|vowed|vows|pledged|"
    rf"pledges|launched|introduced|imposed|ordered|approved|stepped|sought|seeks|responded|"
    rf"retaliated|warned|warns|blamed|blames|criticised|criticized|reiterated|stressed|allocated|"
    rf"earmarked|unveiled|injected|issued|released|cut|raised|announces|unveils|approves|"
    rf"responds|vowed|aims|aimed|targets|targeted|expects|expected|hopes|hoped|needs|must)\b")
# (read by _country_word_matches from its words: change both together)
_COUNTRY_WORDS_RE = re.compile(
    r"(?=[tTnNcaA])\b(?:[Tt]he\s+(?:country|nation|whole\s+country)(?:['’]s)?|[Nn]ationwide|[Nn]ationally|national(?!\s+(?:People|Bureau|Development|Health|Energy|Congress|Security))|countrywide|[Aa]cross\s+the\s+country)\b")
_FOLLOW_GAP_RE = re.compile(
    rf"(?:{_S}+[A-Za-z][\w'’-]*){{0,6}}?{_S}+(?:in|of|for|across|throughout|within|to|at|inside|around)"
    rf"(?:{_S}+(?:the|southern|northern|western|eastern|central|west|east|north|south|rural|urban|"
    rf"mainland|inland|coastal|southwestern|northwestern|southeastern|northeastern|far-western|"
    rf"far-west|remote|poor|rural))*{_S}+|{_S}+"
)
_CURRENCY_AFTER_RE = re.compile(rf"{_S}*(?:dollars?|\$|cents?)\b", re.I)
# between two places: the second describes the first ("Guangdong, China's biggest economy")
_APPOSITION_RE = re.compile(
    rf"(?:['’]s)?(?:{_S}+(?:province|city|region|municipality|prefecture|county))?,{_S}+(?:the{_S}+|a{_S}+)?")
# "exports ... to Central Asia": a destination, not the place the figure is about
_TRADE_TO_RE = Finder(re.compile(
    rf"\b(?:exports?|shipments?|imports?|trade|sales|flights|deliveries)\b[^.;:]{{0,40}}\b(?:to|into|with)"
    rf"{_S}+(?:the{_S}+)?$", re.I))
# "the state" is the state named last, not the state as a government ("the state pension",
# "the state-owned lender")
_STATE_NOT_PLACE = (r"state(?![\w-]|{_S}+(?:pension|sector|media|broadcaster|television|oil|energy|lender|"
                    r"bank|banks|company|companies|firm|firms|enterprise|enterprises|of{_S}+the))").format(_S=_S)
_ANAPHORA_RE = re.compile(
    rf"(?=[Tt])\b[Tt]he{_S}+(?:(?:{'|'.join(ANAPHORA_ADJECTIVES)}){_S}+)?"
    rf"({'|'.join(ANAPHORA_NOUNS[:-1])}|{_STATE_NOT_PLACE})\b")
_ANAPHORA_LEVELS = {"state": (2,), "region": (1, 2), "province": (2,), "municipality": (2,), "city": (2, 3),
                    "prefecture": (3,)}
# A place named in one sentence governs the sentences that go on about it, not the story: a
# later sentence takes it only where its words point back to it (a pronoun subject, "there",
# "the state"); otherwise its figures are the story's own place's ("Nationwide, ...", a national
# total after a paragraph on one province)
_NOT_A_PLACE_THERE = (r"(?:is|are|was|were|be|been|being|has|have|had|will|would|could|can|may|might|should|"
                      r"must|remains?|remained|seems?|seemed|appears?|appeared|exists?|existed|to)\b")
_CONTINUES_START_RE = re.compile(
    rf"[\s\"'“‘(]*(?:(?:But|And|Yet|So|Still|However|Meanwhile)[ \t]*,?{_S}+)?"
    rf"(?:It|Its|It['’]s|They|Their|Here|There(?!{_S}+{_NOT_A_PLACE_THERE}))\b")
_THERE_RE = re.compile(rf"(?<![\w])there\b(?!{_S}+{_NOT_A_PLACE_THERE})")
# "the state", "the county"; or an establishment that stands somewhere, named before ("the
# company", "the yarn-making operation"): a national total is no company's
_SAME_PLACE_RE = re.compile(
    rf"(?=[Tt])\b[Tt]he{_S}+(?:[a-z]+-[a-z]+{_S}+|same{_S}+|new{_S}+|(?:{'|'.join(ANAPHORA_ADJECTIVES)}){_S}+)?"
    rf"(?:state|county|territory|island|"
    rf"emirate|province|region|city|prefecture|municipality|company|firm|plant|factory|facility|mine|mill|"
    rf"park|operation|site|project|zone|port|refinery|smelter|complex|venture)(?![\w-])")
_STRONG_BREAK_RE = re.compile(r"[;:()–—]|,\s")
# an aside set off by commas describes what stands before it: its places ("Gyeonggi Province, home
# to most of the country's chip plants, accounts for", "exports, led by shipments to China, rose")
# are not the place of the figures after it
_ASIDE_OPEN_RE = re.compile(
    rf",{_S}+(?:which|who|whose|where|home{_S}+to|mostly|mainly|most|largely|chiefly|primarily|partly|"
    rf"led{_S}+by|including|especially|particularly|notably|once|formerly|known{_S}+as)\b")
# "26% of national GDP", "a fifth of China's output": the base of a share is only compared with
_SHARE_OF_RE = re.compile(rf"{_S}+of{_S}+(?:the{_S}+)?")
# a story that opens on a federal or national budget before it names any place is its country's
_FEDERAL_RE = re.compile(r"\b[Ff]ederal\b|\b[Nn]ational[ \t]+(?:government|budget|accounts)\b")
_RATIO_OF_RE = re.compile(rf"\bof(?:{_S}+the)?{_S}*$")
# "made up 15% of U.S. imports", "a fifth of Germany's total exports": the share is of the
# base's own trade, whatever partner the sentence names
_TRADE_BASE_RE = re.compile(
    rf"(?:['’]s)?(?:{_S}+[a-z][a-z-]*){{0,2}}?{_S}+(?:imports|exports|trade|shipments|purchases)\b")
# places named together share what follows: "Tamil Nadu and Gujarat attracted ...", "in Aksu and
# Hotan": a figure of several places has none of its own (FORMAT.md: null)
_COORDINATED_RE = re.compile(rf"(?:['’]s)?,?{_S}+(?:and|&){_S}+(?:the{_S}+)?")
# "Catalonia's 9.8%", "Spain's jobless rate of 11.7%": a possessive governs the figure it owns
_POSSESSIVE_GAP_RE = re.compile(
    rf"['’]s(?:{_S}+(?!(?:for|in|on|by|with|over|from|since|after|than|and|or|that|which|of|at|to|was|is)\b)"
    rf"[a-z][a-z-]*){{0,3}}(?:{_S}+(?:of|at|was|is|to|stood{_S}+at))?{_S}+")
_BOTH_RE = re.compile(r"\b(?:both|all|each)\b")
_BRACKET_AFTER_PLACE_RE = re.compile(r"[ \t]*\((?:(?:both|all|each|at|about|around|up|down)[ \t]+)?")
# "Yecheng County in Kashgar": the place inside the other is the more specific
_LOCATED_IN_RE = re.compile(rf"(?:{_S}+(?:County|Township|District|Prefecture|Village|county|township|district|"
                            rf"prefecture|village|city|City))?(?:{_S}+in|,){_S}+(?:the{_S}+)?")
_LOCATIVE_RE = re.compile(rf"(?<![\w])(?:in|across|within|throughout|into|to|at|inside)(?:{_S}+[a-z-]+)?{_S}+$")


# money sent somewhere is about the place that receives it ("China spent 34 billion yuan in
# boosting ... in Tibet", "has sent 300 billion yuan (...) to Tibet")
_TRANSFER_RE = Finder(re.compile(
    r"\b(?:spent|spend|spends|spending|sent|send|sends|allocated|allocates|allocate|invested|invests|"
    r"injected|transferred|granted|gave|given|poured|earmarked|channell?ed|funnell?ed|donated|pumped|"
    r"disbursed|provided|offered|pledged)\b", re.I))
_RECIPIENT_GAP_RE = re.compile(r"[^.;:!?]{0,110}?(?<![\w])(?:in|to|into|for|on)(?:[ \t]+(?:the|southern|northern|western|eastern|rural))?[ \t]+$")
# a place that gives aid ("Jiangsu has ensured to allocate 80% of the aid fund"): the figure is
# about the place receiving it, the text's recipient ("paired assistance in Xinjiang")
_AID_ACTOR_RE = re.compile(
    rf"(?:['’]s)?(?:{_S}+[a-z]+){{0,4}}?{_S}+(?:allocat|buil[dt]|construct|invest|arrang|dispatch|fund|"
    rf"aid|assist|spen[dt]|donat|sen[dt]|help|support)\w*\b")
_AID_TO_RE = Finder(re.compile(
    rf"\b(?:{'|'.join(AID_WORDS)})\b(?:{_S}+[\w-]+){{0,3}}?{_S}+(?:in|to|for){_S}+(?:the{_S}+)?$", re.I))
# the same read backwards from the place name, without its word boundaries: it matches the
# reversed window wherever _AID_TO_RE matches the window (a cheap test before the search)
_AID_TO_REVERSED_RE = re.compile(
    rf"\n?{_S}+(?:eht{_S}+)?(?:ni|ot|rof){_S}+(?:[\w-]+{_S}+){{0,3}}(?:{'|'.join(w[::-1] for w in AID_WORDS)})", re.I)


def regions_from_rows(rows: Iterable[Mapping[str, str]]) -> list[Region]:
    """Gazetteer rows (name, aliases '|'-separated, level, parent) -> ``Region`` records.

    >>> regions_from_rows([{"name": "Xinjiang", "aliases": "Sinkiang|新疆", "level": "province",
    ...                     "parent": "China"}])
    [Region(name='Xinjiang', aliases=('Sinkiang', '新疆'), level='province', parent='China', currency=None, seat_of=None)]
    """
    out = []
    for r in rows:
        name = (r.get("name") or "").strip()
        if not name:
            continue
        aliases = tuple(a.strip() for a in (r.get("aliases") or "").split("|") if a.strip())
        level = (r.get("level") or "province").strip() or "province"
        parent, currency, seat_of = (_text(r.get(k)) for k in ("parent", "currency", "seat_of"))
        out.append(Region(name=name, aliases=aliases, level=level, parent=parent, currency=currency,
                          seat_of=seat_of))
    return out


def _text(v) -> str | None:
    return v.strip() or None if isinstance(v, str) else None


def _plural_demonyms(r: Region) -> tuple[str, ...]:
    """"Expatriate Bangladeshis sent ...": the people of a country named by the plural of the
    demonym its row lists ("Bangladeshi", "Kenyan"), a one-word alias built on the name's stem."""
    if r.level not in ("country", "economy") or " " in r.name:
        return ()
    stem = r.name[:4]
    return tuple(a + "s" for a in r.aliases if a.startswith(stem) and a != r.name and a.isalpha()
                 and a.endswith(("i", "an")) and a + "s" not in r.aliases)


class _Gazetteer:
    __slots__ = ("rx", "rx_upper", "rx_lower", "lower_keys", "by_surface", "level", "parent", "country_of",
                 "seat_of", "of_currency", "people")

    def __init__(self, regions: Sequence[Region]):
        self.by_surface: dict[str, str] = {}
        self.level: dict[str, int] = {}
        self.parent: dict[str, str | None] = {}
        self.seat_of: dict[str, str] = {r.name: r.seat_of for r in regions if r.seat_of}
        self.of_currency: dict[str, str] = {}
        for r in regions:
            if r.currency:
                self.of_currency.setdefault(r.currency, r.name)
        regions = [r for r in regions if r.level not in _NOT_PLACES]
        self.people: set[str] = set()
        for r in regions:
            self.level[r.name] = LEVEL_RANK.get(r.level, 2)
            self.parent[r.name] = r.parent
            people = _plural_demonyms(r)
            self.people.update(people)
            for s in (r.name, *r.aliases, *people):
                self.by_surface.setdefault(s, r.name)
                if s[:1].islower():  # "the Fed", "euro zone" opening a sentence
                    self.by_surface.setdefault(s[:1].upper() + s[1:], r.name)
                if any(ch.isalpha() and ch.isascii() for ch in s) and (len(s) > 3 or s.isupper()):
                    # "PERU", "LIMA" in a dateline; not "LAO" of "Lao": three capitals are an
                    # acronym ("the Legislative Analyst's Office (LAO)")
                    self.by_surface.setdefault(s.upper(), r.name)
        self.rx = _names_rx(self.by_surface)
        # The few names that begin in lower case ("the Fed", "euro zone", "mainland China") make the
        # one pattern stop at every "t", "e", "m" beginning a word; apart, each is quick, and the
        # lower-case one runs only where a word of its names is in the text (_place_matches).
        lower = [a for a in self.by_surface if a[:1].islower()]
        self.rx_upper = _names_rx([a for a in self.by_surface if not a[:1].islower()])
        self.rx_lower = _names_rx(lower)
        self.lower_keys = tuple({max(a.split(), key=len) for a in lower})
        self.country_of: dict[str, str] = {}
        for name in self.level:
            top, seen = name, set()
            while self.parent.get(top) and top not in seen and self.level.get(top, 0) > 0:
                seen.add(top)
                top = self.parent[top] or top
            self.country_of[name] = top

    def is_ancestor(self, a: str, b: str) -> bool:
        seen = set()
        p = self.parent.get(b)
        while p and p not in seen:
            if p == a:
                return True
            seen.add(p)
            p = self.parent.get(p)
        return False


_gazetteer = by_identity(_Gazetteer)


def _names_rx(names) -> re.Pattern | None:
    body = trie_alt(names)
    firsts = "".join(sorted({re.escape(a[0]) for a in names if a}))
    return re.compile(rf"(?=[{firsts}])(?<![\w&])(?:{body})(?![\w&$]|[-‑](?:[A-Z]|\d))") if body else None


def _place_matches(text: str, gaz: _Gazetteer):
    """``gaz.rx.finditer(text)``, from its two halves: the matches of either, leftmost first, each
    half searched again past the end of the last match taken (as the one pattern would resume)."""
    upper, lower = gaz.rx_upper, gaz.rx_lower
    if lower is None or not any(k in text for k in gaz.lower_keys):
        if upper is not None:
            yield from upper.finditer(text)
        return
    if upper is None:
        yield from lower.finditer(text)
        return
    a, b = upper.search(text), lower.search(text)
    while a is not None or b is not None:
        m = a if b is None or (a is not None and a.start() < b.start()) else b
        yield m
        pos = m.end()
        if a is not None and a.start() < pos:
            a = upper.search(text, pos)
        if b is not None and b.start() < pos:
            b = lower.search(text, pos)


class Mention:
    __slots__ = ("start", "end", "name", "demoted")

    def __init__(self, start, end, name, demoted=False):
        self.start, self.end, self.name, self.demoted = start, end, name, demoted

    def __repr__(self):  # pragma: no cover
        return f"Mention({self.start},{self.end},{self.name},{self.demoted})"


# the words the window searches before a place name end with, then blanks: where another word
# stands there, the search cannot match and is not run ("of", "the" in the case written; the
# others in any case, tested on the text lower-cased by patterns.folded)
_OF_LAST = ("of", "the")
_DEMOTE_LAST = ("with", "from", "against", "versus", "vs", "vs.", "than", "outside", "excluding", "beyond",
                "of", "exceeded", "exceeding", "exceeds", "outpaced", "outpacing", "outperformed",
                "surpassed", "above", "below", "trailed", "the", "mainland", "times", "twice", "double",
                "triple", "thrice")
_TRADE_LAST = ("to", "into", "with", "the")
_VENUE_LAST = ("in", "at", "the")


def _may_end(folded: str | None, words: tuple[str, ...], lo: int, end: int) -> bool:
    return folded is None or ends_before_blanks(folded, words, lo, end)


def find_mentions(text: str, gaz: _Gazetteer, datelines: list | None = None) -> list[Mention]:
    """Place mentions in ``text`` that are places (not parts of names)."""
    out: list[Mention] = []
    if gaz.rx is None:
        return out
    folded = folded_text(text)
    remits = "emittance" in text or "d home" in text or "s home" in text
    causes = any(w in text for w in _CAUSE_WORDS)
    for m in _place_matches(text, gaz):
        s, e = m.span()
        surface = " ".join(m.group().split())
        name = gaz.by_surface.get(surface) or gaz.by_surface.get(m.group())
        if name is None:
            continue
        poss = text.startswith(("'s", "’s"), e)
        if ((text[s - 1:s] == " " and not text.endswith(_USUAL_BEFORE, max(0, s - 8), s)) or poss
                or text.startswith(_REPORT_WORDS, e)) and _in_company_name(text, s, e, poss, gaz):
            continue
        if not poss:
            nx = _NEXT_CAP_RE.match(text, e)
            if nx and nx.group(1) not in ADMIN_WORDS and not _sentence_start(text, e) \
                    and not _AMOUNT_AFTER_RE.match(text, nx.end()):
                nxt_word = nx.group(1)
                if nxt_word not in gaz.by_surface and nxt_word not in MEASURE_ACRONYMS \
                        and not _state_body_after(text, e):  # "Kazakhstan GDP grew"
                    continue  # "Guangdong Textile and Garment Industrial Park", "China Daily"
        lo = max(0, s - 30)
        of = _OF_NAME_RE.search(text, lo, s) if ends_before_blanks(text, _OF_LAST, lo, s) else None
        if of and of.group(1) not in OFFICE_OF_PLACE \
                and not of.group(1).isupper() \
                and not (of.group(1) == "Bank" and (text.endswith(("Central ", "Reserve "), lo, of.start())
                                                    or ("olicy" in text and _MONETARY_POLICY_RE.search(text)))):
            # "Bank of China", "University of Hong Kong"; but "the Central Bank of Peru", "the Monetary
            # Policy Committee of the Bank of Mauritius": a central bank, the country's own body ("the
            # GDP of Shandong": a measure)
            continue
        if _CURRENCY_AFTER_RE.match(text, e):
            continue  # "U.S. dollars", "Hong Kong dollars": a currency
        if name in gaz.seat_of and gaz.seat_of[name] in gaz.level and _GOV_VERB_RE.match(text, e):
            name = gaz.seat_of[name]
        if _is_dateline(text, s, e):
            if datelines is not None:
                datelines.append(Mention(s, e, name))
            continue
        if text[s:e] in ERA_ABBREVIATIONS and _NUMBER_BEFORE_RE.search(text, max(0, s - 8), s):
            continue  # "500 B.C.": an era, not British Columbia
        near, far = max(0, s - 20), max(0, s - 60)
        demoted = bool((_may_end(folded, _DEMOTE_LAST, near, s) and _DEMOTE_BEFORE_RE.search(text, near, s)
                        and not (text.endswith(("from ", "from the "), near, s)
                                 and _EXPORTS_FROM_RE.search(text, far, s)))
                       or (remits and _REMITTED_FROM_RE.search(text, max(0, s - 100), s))
                       or _BASED_AFTER_RE.match(text, e)
                       or (_may_end(folded, _TRADE_LAST, far, s) and _TRADE_TO_RE.search(text, far, s))
                       or (gaz.level.get(name, 2) == 0 and _ranks(text, s, e))
                       or (_may_end(folded, _VENUE_LAST, near, s) and _VENUE_BEFORE_RE.search(text, far, s))
                       or (text.endswith(("by ", "by the ", "to ", "to the "), near, s)
                           and _SOURCE_BEFORE_RE.search(text, far, s) is not None
                           and not _state_body_after(text, e))  # "released by the Philippine Statistics Authority"
                       or (causes and _CAUSE_BEFORE_RE.search(text, far, s) is not None))
        if not demoted and out and out[-1].demoted and _COORDINATED_RE.fullmatch(text, out[-1].end, s):
            demoted = True  # "from the United Kingdom and the United States": both are origins
        out.append(Mention(s, e, name, demoted))
    if "ounty" in text or "istrict" in text or "ownship" in text or "refecture" in text or "illage" in text \
            or "Province" in text:
        _add_admin_places(text, out, gaz)
    return out


# the words most often before a place, none a name's: where one stands there, no test is needed
_USUAL_BEFORE = tuple(f" {w} " for w in "in of the to from and with for across on at".split())


# "the Czech National Bank", "the Nigerian Central Bank": a country's own central bank (a "National
# Bank" only in a text on monetary policy: "Qatar National Bank" is a lender)
# "Kazakhstan National Bank", "the Philippine Statistics Authority", "the Kenya National Bureau of
# Statistics", "the Uganda Revenue Authority": a state's own body, named by its place, stands for it
_STATE_BODY_AFTER_RE = re.compile(
    r"[ \t]+(?:(?P<national>National)[ \t]+Bank|(?:Central|Reserve)[ \t]+Bank"
    r"|(?:National[ \t]+)?(?:Statistics|Statistical)[ \t]+(?:Authority|Office|Agency|Bureau|Service|Institute|Board)"
    r"|(?:National[ \t]+)?Bureau[ \t]+of[ \t]+Statistics|Revenue[ \t]+(?:Authority|Service|Agency)"
    r"|(?:Finance|Economy)[ \t]+Ministry|Ministry[ \t]+of[ \t]+(?:Finance|Economy))\b")


def _state_body_after(text: str, e: int) -> bool:
    m = _STATE_BODY_AFTER_RE.match(text, e)
    return m is not None and (not m.group("national") or (("olicy" in text or " rate" in text)
                                                          and bool(_MONETARY_POLICY_RE.search(text))))


def _in_company_name(text: str, s: int, e: int, poss: bool, gaz: _Gazetteer) -> bool:
    """Is the place at s..e part of a company's name ("Air India", "Victoria's Secret said its
    sales") or a company itself ("Santander said its profit")?"""
    if s >= 3 and text[s - 1] == " " and text[s - 2].islower():
        lo = max(0, s - 24)
        j = max(text.rfind(" ", lo, s - 1), text.rfind("\n", lo, s - 1))
        word = text[j + 1 if j >= 0 else lo:s - 1]
        if word[0].isupper() and word.isalpha() and word[1:].islower() and word not in PLACE_MODIFIERS \
                and word not in gaz.by_surface and not word.endswith(("ly", "ing", "ed")) \
                and not _title_case_line(text, s) \
                and not (text[s:e] in gaz.people and _opens_sentence(text, j + 1 if j >= 0 else lo)):
            return True
    if poss and e + 3 < len(text) and text[e + 3].isupper():
        owned = _OWNED_NAME_RE.match(text, e)
        if owned and owned.group(1) not in ADMIN_WORDS and owned.group(1) not in INSTITUTION_WORDS \
                and owned.group(1) not in gaz.by_surface and not owned.group(1).isupper():
            return True
    reports = text.startswith(_REPORT_WORDS, e) or (poss and _RESULT_STEMS_RE.search(text, e, e + 48) is not None)
    return reports and bool(_REPORTS_RESULTS_RE.match(text, e))


def _opens_sentence(text: str, pos: int) -> bool:
    """Does the word at ``pos`` open a sentence, capitalised by grammar rather than as a name?
    ("Expatriate Bangladeshis sent ...": a company is never named after a people)"""
    j = pos - 1
    while j >= 0 and text[j] in " \t\u00a0":
        j -= 1
    return j < 0 or text[j] in ".!?\n\u2013\u2014-\"\u201c"


def _title_case_line(text: str, pos: int) -> bool:
    """Is the line around ``pos`` a headline in title case ("Record Exports Lift China's Economy")?"""
    lo, hi = text.rfind("\n", 0, pos) + 1, text.find("\n", pos)
    words = [w for w in text[lo:hi if hi != -1 else len(text)].split() if len(w) > 3 and w[0].isalpha()]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.7 * len(words)


def _is_dateline(text: str, s: int, e: int) -> bool:
    """Is the place at s..e the dateline opening a paragraph?"""
    if e - s >= 3 and text[s:e].isupper() and _CAPS_DATELINE_AFTER_RE.match(text, e):
        k = s  # "AMMAN - The ...", "(MENAFN- Jordan Times) AMMAN - ...": a city in capitals, then a dash
        while k and text[k - 1] in " \t":
            k -= 1
        if not k or text[k - 1] in "\n)":
            return True
    if e - s >= 3 and text[s:e].isupper() and ("/" in text[max(0, s - 1):s] or text.startswith("/", e)):
        k = _CAPS_CITIES_AFTER_RE.match(text, e).end()
        if _CAPS_CITIES_BEFORE_RE.search(text, max(0, s - 60), s) and _DATELINE_TAIL_RE.match(text, k):
            return True
    j = s  # only blanks back to the line's start (walked, not sliced: paragraphs are long lines)
    while j and text[j - 1] != "\n" and text[j - 1].isspace():
        j -= 1
    if j and text[j - 1] == ")":  # "(MENAFN- IANS) Bengaluru, Feb 16 (IANS)": after the agency's tag
        tag = _AGENCY_TAG_BEFORE_RE.search(text, max(0, j - 48), j)
        if tag is not None:
            j = tag.start()
    if j and text[j - 1] != "\n":  # "BAKU, Azerbaijan, Sept.14", "UNB, Dhaka": after a city or an agency
        m = _DATELINE_CITY_RE.search(text, max(0, s - 30), s)
        if m is None or not (m.start() == 0 or text[m.start() - 1] == "\n"):
            return False
        return bool(_DATELINE_TAIL_RE.match(text, e) or _LINE_END_RE.match(text, e))
    return (not j or text[j - 1] == "\n") and bool(_DATELINE_TAIL_RE.match(text, e))


def _add_admin_places(text: str, mentions: list[Mention], gaz: _Gazetteer) -> None:
    known = [(m.start, m.end) for m in mentions]
    extra = []
    for m in _ADMIN_PLACE_RE.finditer(text):
        name, s = m.group(1), m.start()
        own = re.search(r"['’]s ", name)
        if own:  # "Nagri's Choqen County": the county is Choqen
            name, s = name[own.end():], s + own.end()
        first = name.split(" ", 1)[0]
        if first in NOT_NAME_WORDS or name in gaz.by_surface or any(s < m.end() and m.start() < e for s, e in known):
            continue
        if first in gaz.by_surface and " " in name:
            continue  # "Kenya County Government": a known place starts the phrase
        demoted = bool(_DEMOTE_BEFORE_RE.search(text, max(0, s - 20), s))
        extra.append(Mention(s, m.end(1), name, demoted))
    if extra:
        mentions.extend(extra)
        mentions.sort(key=lambda m: m.start)


def _ranks(text: str, s: int, e: int) -> bool:
    """Does the country mention at s..e rank another place ("China's biggest", "first in the country")?"""
    if text.startswith(("'s", "’s"), e) and _RANK_AFTER_RE.match(text, e):
        return True
    if not text[max(0, s - 12):s].lower().endswith(_RANK_TAILS):
        return False
    return bool(_RANK_BEFORE_RE.search(text, max(0, s - 60), s))


def _add_anaphora(text: str, mentions: list[Mention], gaz: _Gazetteer) -> None:
    """Resolve "the region" / "the province" / "the city" to the latest such place named."""
    named = [m for m in mentions if not m.demoted]
    extra = []
    latest: dict[int, tuple[int, str]] = {}  # level rank -> (position, place) latest named so far
    i = 0
    for a in _anaphora_matches(text):
        while i < len(named) and named[i].end <= a.start():
            latest[gaz.level.get(named[i].name, -1)] = (named[i].start, named[i].name)
            i += 1
        if text.startswith(" of ", a.end()):
            continue  # "the city of Urumqi": the name follows
        found = [latest[lv] for lv in _ANAPHORA_LEVELS[a.group(1)] if lv in latest]
        if found:
            demoted = bool(_DEMOTE_BEFORE_RE.search(text, max(0, a.start() - 20), a.start())
                           or _TRADE_TO_RE.search(text, max(0, a.start() - 60), a.start()))
            extra.append(Mention(a.start(), a.end(), max(found)[1], demoted))
    if extra:
        mentions.extend(extra)
        mentions.sort(key=lambda m: m.start)


# Both patterns above hold a word of their own ("city", "country"): found with str.find, they
# give the few places where a match can start, tried instead of every letter.
def _blanks_before(text: str, pos: int, blank) -> int:
    while pos and blank(text[pos - 1]):
        pos -= 1
    return pos


def _anaphora_matches(text: str) -> list[re.Match]:
    """``_ANAPHORA_RE.finditer(text)``: "the" (or "The"), blanks, perhaps an adjective and blanks,
    before each of its nouns."""
    starts = set()
    is_blank = " \t\u00a0".__contains__
    for noun in ANAPHORA_NOUNS:
        i = text.find(noun)
        while i != -1:
            b = _blanks_before(text, i, is_blank)
            if b < i:
                starts.add(b - 3)
                for adj in ANAPHORA_ADJECTIVES:
                    if text.endswith(adj, 0, b):
                        a = b - len(adj)
                        starts.add(_blanks_before(text, a, is_blank) - 3)
            i = text.find(noun, i + 1)
    return matches_at(_ANAPHORA_RE, text, starts)


def _country_word_matches(text: str) -> list[re.Match]:
    """``_COUNTRY_WORDS_RE.finditer(text)``, tried at each "country" and "nation" ("nationwide")
    and at the "the" ("the whole", "across the") before them."""
    starts = set()
    is_space = str.isspace
    for word in ("country", "nation", "Nation"):
        i = text.find(word)
        while i != -1:
            starts.add(i)
            b = _blanks_before(text, i, is_space)
            if b < i:
                starts.add(b - 3)  # "the country"
                if text.endswith("whole", 0, b):  # "the whole country"
                    starts.add(_blanks_before(text, b - 5, is_space) - 3)
                if text.endswith("the", 0, b):  # "across the country"
                    starts.add(_blanks_before(text, b - 3, is_space) - 6)
            i = text.find(word, i + 1)
    return matches_at(_COUNTRY_WORDS_RE, text, starts)


def _sentence_start(text: str, pos: int) -> bool:
    j = pos
    while j < len(text) and text[j] in " \t":
        j += 1
    k = pos - 1
    return k >= 0 and text[k] in ".!?:\n"


def regions_of(text: str, sents, cands: list, regions: Sequence[Region]) -> dict[object, str | None]:
    """The place every candidate figure is about (None where unclear), keyed by figure."""
    places: dict[object, str | None] = {c: None for c in cands}
    if not regions or not cands:
        return places
    gaz = _gazetteer(regions)
    datelines: list[Mention] = []
    mentions = _without_lone_foreign_regions(find_mentions(text, gaz, datelines), gaz, cands)
    if not mentions and datelines and gaz.seat_of.get(datelines[0].name) in gaz.level:
        # "AMMAN - The Consumer Price Index rose ...", naming no place but where it was filed: the
        # capital, a government's seat, stands for its country (FORMAT.md: "Beijing said")
        d = datelines[0]
        mentions = [Mention(d.start, d.end, gaz.seat_of[d.name])]
    trader = _trade_partners_demoted(text, mentions, gaz) if ("xport" in text or "mport" in text) else None
    main_country = trader or _main_country(mentions, gaz, cands) or _unnamed_government(text, mentions, gaz, cands)
    if main_country and ("ountr" in text or "nation" in text or "Nation" in text):
        for m in _country_word_matches(text):
            demoted = bool(_DEMOTE_BEFORE_RE.search(text, max(0, m.start() - 20), m.start())
                           or _ranks(text, m.start(), m.end()))
            mentions.append(Mention(m.start(), m.end(), main_country, demoted))
        mentions.sort(key=lambda m: m.start)
    if main_country and any(w in text for w in NATIONAL_BODY_WORDS):
        # (not "Telangana Finance Minister": a state's own office)
        ends = {m.end: m for m in mentions}
        mentions.extend(Mention(m.start(), m.end(), main_country) for m in _NATIONAL_BODY_RE.finditer(text)
                        if not _office_of_a_region(text, m.start(), ends, gaz))
        mentions.sort(key=lambda m: m.start)
    _demote_share_bases(text, mentions, cands)
    if "he region" in text or "he province" in text or "he city" in text or "he prefecture" in text \
            or "he municipality" in text or "he state" in text:
        _add_anaphora(text, mentions, gaz)
    # "Guangdong, China's most populous province, ...", "Guangdong province, the country's export
    # hub, ...": an apposition describes the place before it
    for prev, m in zip(mentions, mentions[1:], strict=False):
        if _APPOSITION_RE.fullmatch(text, prev.end, m.start) and _may_hold(gaz, m.name, prev.name):
            m.demoted = True
    if not mentions:
        return places
    by_sent: dict[int, list[Mention]] = {}
    for m in mentions:
        by_sent.setdefault(sents.of(m.start), []).append(m)
    figs_by_sent: dict[int, list] = {}
    for c in cands:
        figs_by_sent.setdefault(c.sent, []).append(c)
    doc_main = None
    for si in sorted(by_sent):
        p = _story_place([m for m in by_sent[si] if not m.demoted], gaz, text)
        if p:
            doc_main = p
            break
    if doc_main and main_country and gaz.country_of.get(doc_main, doc_main) != main_country:
        doc_main = main_country  # the story opens on another country ("U.S. tariffs weighed on ...")
    if doc_main and main_country and doc_main != main_country and _opens_national(text, sents, cands, by_sent,
                                                                                   gaz, main_country):
        doc_main = main_country
    named = {gaz.country_of.get(m.name, m.name) for m in mentions if not m.demoted}
    recipients: dict[str, int] = {}
    low = folded_text(text) or text.lower()  # the engine's cached lower-cased text
    for m in (mentions if any(w in low for w in AID_STEMS) else ()):
        lo = max(0, m.start - 60)
        if not m.demoted and _AID_TO_REVERSED_RE.match(text[lo:m.start][::-1]) \
                and _AID_TO_RE.search(text, lo, m.start):
            recipients[m.name] = recipients.get(m.name, 0) + 1
    recipient = max(recipients.items(), key=lambda kv: kv[1])[0] if recipients else None
    transfers = any(w in low for w in TRANSFER_STEMS)
    running, last = None, None
    for si in sorted(set(by_sent) | set(figs_by_sent)):
        if running and main_country and last is not None and si < len(sents.spans) \
                and "\n" in text[sents.spans[last][1]:sents.spans[si][0]] \
                and gaz.country_of.get(running, running) != main_country:
            running = None  # an aside on another country does not outlive its paragraph
        last = si
        ms = by_sent.get(si, [])
        good = [m for m in ms if not m.demoted]
        figs = figs_by_sent.get(si, [])
        span = sents.spans[si] if si < len(sents.spans) else (0, len(text))
        votes: dict[str, int] = {}
        linked = None
        for c in figs:
            r, from_text = _pick(text, span, c, figs, good, ms, recipient, transfers, gaz)
            if r is None and not from_text:
                if running and running != doc_main and linked is None:
                    linked = _continues(text, *span)
                partner = next((m.name for m in ms if m.demoted), None)
                r = (running if linked is not False else None) or doc_main or partner
                prior = _currency_place(c, gaz, named)
                if prior and r != prior and not (r and gaz.is_ancestor(prior, r)):
                    r = prior
            places[c] = r
            if r and from_text and not (c.link_type == "conversion" and c.link.start < c.start):
                votes[r] = votes.get(r, 0) + 1
        if figs and good and len(figs) > 1 and text.find("respectively", *span) != -1:
            for c, place in _respectively(text, figs, good):
                places[c] = place
        if votes:  # the place most of the sentence's figures are about carries on
            running = max(votes.items(), key=lambda kv: kv[1])[0]
        elif linked is False and not good:
            running = None  # the sentence was about the story's own place: so are those after it
        elif good:
            running = _primary(good, gaz, text)
            actor = next((m for m in good if m.name == running), None)
            if recipient and running != recipient and actor is not None and _AID_ACTOR_RE.match(text, actor.end):
                running = recipient  # "Jiangsu has further strengthened the support ...": about the aided
    for c in cands:  # a converted amount is about its partner's place
        if c.link_type == "conversion" and c.link is not None and c.start > c.link.start:
            places[c] = places.get(c.link)
    return places


def _continues(text: str, start: int, end: int) -> bool:
    """Does the sentence at start..end go on about the place of the one before it ("Its exports
    fell", "Prices there rose", "the state's deficit")?"""
    if _CONTINUES_START_RE.match(text, start, end):
        return True
    if "there" in text[start:end] and _THERE_RE.search(text, start, end):
        return True
    return bool(_SAME_PLACE_RE.search(text, start, end))


def _pick(text: str, span: tuple[int, int], c, figs: list, good: list[Mention], allm: list[Mention],
          recipient: str | None = None, transfers: bool = True, gaz: _Gazetteer | None = None):
    s_start, s_end = span
    others = [(f.start, f.end) for f in figs if f is not c]
    # 0. inside the figure's own words: "400,000 Xinjiang officials", "19 of the country's cities"
    for m in good:
        if c.start <= m.start and m.end <= c.end:
            return m.name, True
    # 0b. "the national average of 6.7 percent": a compared place's own figure
    for m in allm:
        if m.end <= c.start and c.start - m.end <= 40 and _AVERAGE_OF_RE.fullmatch(text, m.end, c.start):
            return m.name, True
    # 0c. owned by a possessive place right before it, even one that is compared with
    for m in reversed(allm):
        if m.end <= c.start:
            if c.start - m.end <= 48 and _POSSESSIVE_GAP_RE.fullmatch(text, m.end, c.start):
                return m.name, True
            break
    # 0d. in brackets right after a place: "highest in Belgium (4.5%), Estonia (3.4%)", even a
    # place a ranking demoted; not one compared or traded with ("exports to Japan (up 5%)")
    for m in reversed(allm):
        if m.end <= c.start:
            if c.start - m.end <= 12 and _BRACKET_AFTER_PLACE_RE.fullmatch(text, m.end, c.start) \
                    and not _DEMOTE_BEFORE_RE.search(text, max(0, m.start - 20), m.start) \
                    and not _TRADE_TO_RE.search(text, max(0, m.start - 60), m.start):
                if _BOTH_RE.search(text, m.end, c.start):
                    return None, True  # "Finland and Slovenia (both 1.1%)": several places
                return m.name, True
            break
    # 1. right after, in the figure's noun phrase
    for m in good:
        if m.start < c.end:
            continue
        if m.start - c.end > 70 or any(c.end <= fs < m.start for fs, _ in others):
            break
        g = _FOLLOW_GAP_RE.fullmatch(text, c.end, m.start)
        if g and not _STRONG_BREAK_RE.search(text, c.end, m.start):
            if c.kind == "percent" and _RATIO_OF_RE.search(text[c.end:m.start]):
                if _TRADE_BASE_RE.match(text, m.end):
                    return m.name, True  # "15% of U.S. imports": a share of that place's trade
                break  # "81 per cent of China's per capita GDP": the base of a ratio
            if _coordinated_after(text, m, good):
                return None, True
            return m.name, True
        break
    # 1a. the first end of a range "from 16% to 13.3% in Wallonia": the place after its other end
    partner = c.link if c.link_type == "range" and c.link is not None and c.link.start > c.end else None
    if partner is not None:
        for m in good:
            if m.start < partner.end:
                continue
            if m.start - partner.end <= 70 and not any(partner.end <= fs < m.start for fs, _ in others) \
                    and _FOLLOW_GAP_RE.fullmatch(text, partner.end, m.start) \
                    and not _STRONG_BREAK_RE.search(text, partner.end, m.start) and not _coordinated_after(text, m, good):
                return m.name, True
            break
    # 1b. money sent or spent: the place receiving it, later in the sentence
    if transfers and c.kind == "money" and _TRANSFER_RE.search(text, max(s_start, c.start - 60), c.start):
        partner = c.link if c.link_type == "conversion" else None
        after = c.end
        if partner is not None and partner.start >= c.end:
            close = text.find(")", partner.end, partner.end + 24)
            after = close + 1 if close != -1 else c.end
        for m in good:
            if m.start < after or m.start - c.end > 140:
                continue
            if any(c.end <= f.start < m.start and f is not partner for f in figs):
                break
            if _RECIPIENT_GAP_RE.fullmatch(text, after, m.start):
                return m.name, True
            break
    # 2. nearest before, in the sentence
    prev = [m for m in good if m.end <= c.start and m.start >= s_start]
    while prev and _in_aside(text, s_start, prev[-1], c.start):
        prev.pop()
    if prev:
        m = prev[-1]
        if recipient and m.name != recipient and _AID_ACTOR_RE.match(text, m.end):
            return recipient, True  # the giver of aid: the figure is the recipient's
        if len(prev) > 1 and prev[-2].name != m.name:
            before = prev[-2]
            if _COORDINATED_RE.fullmatch(text, before.end, m.start) and not _figure_between(before, m, figs):
                return None, True
            if _LOCATED_IN_RE.fullmatch(text, before.end, m.start) \
                    and (gaz is None or _may_hold(gaz, m.name, before.name)):
                return before.name, True
        return m.name, True
    # 3. after, in the same clause, before any other figure
    lo, hi = clause_bounds(text, s_start, s_end, c.start)
    for m in good:
        if m.start >= c.end and m.start < hi and not any(c.end <= fs < m.start for fs, _ in others):
            if c.kind == "percent" and _RATIO_OF_RE.search(text[c.end:m.start]):
                break
            return m.name, True
    return None, False


def _in_aside(text: str, s_start: int, m: Mention, pos: int) -> bool:
    """Is ``m`` inside an aside between commas that closes before ``pos``?"""
    lo = text.rfind(",", s_start, m.start)
    return lo != -1 and bool(_ASIDE_OPEN_RE.match(text, lo)) and text.find(",", m.end, pos) != -1


def _demote_share_bases(text: str, mentions: list[Mention], cands) -> None:
    """Demote the place a share is of ("26% of national GDP"), unless the share is of that
    place's own trade ("15% of U.S. imports", which _pick reads from the demoted mention too)."""
    at = None
    for c in cands:
        if c.kind != "percent" or not text.startswith(" of", c.end) or not mentions:
            continue
        g = _SHARE_OF_RE.match(text, c.end)
        if at is None:
            at = {m.start: m for m in mentions}
        m = at.get(g.end()) if g else None
        if m is not None and not _TRADE_BASE_RE.match(text, m.end):
            m.demoted = True


def _opens_national(text: str, sents, cands, by_sent: dict, gaz: _Gazetteer, country: str) -> bool:
    """Does the story's first figure come before any place is named, in a sentence about the
    nation: filed from its capital ("CANBERRA - The federal government's budget ...") or about
    a federal or national body?"""
    first = min((c.sent for c in cands), default=None)
    if first is None or first in by_sent or any(si < first for si in by_sent):
        return False
    lead = len(text) - len(text.lstrip())
    m = gaz.rx.match(text, lead)
    if m is not None and _DATELINE_TAIL_RE.match(text, m.end()):
        name = gaz.by_surface.get(" ".join(m.group().split()))
        if name is not None and gaz.seat_of.get(name) == country:
            return True
    span = sents.spans[first] if first < len(sents.spans) else (0, len(text))
    return bool(_FEDERAL_RE.search(text, *span) or _NATIONAL_BODY_RE.search(text, *span))


def _may_hold(gaz: _Gazetteer, outer: str, inner: str) -> bool:
    """Can ``outer`` be the place ``inner`` lies in? Not where the gazetteer knows both and puts
    ``inner`` elsewhere ("Unlike India, Brazil cut rates": a list, not "Guangdong, China")."""
    return outer not in gaz.level or inner not in gaz.level or gaz.is_ancestor(outer, inner)


def _coordinated_after(text: str, m: Mention, good: list[Mention]) -> bool:
    """Is ``m`` the first of places named together ("in Aksu and Hotan")?"""
    nxt = next((n for n in good if n.start >= m.end), None)
    return nxt is not None and nxt.name != m.name and bool(_COORDINATED_RE.fullmatch(text, m.end, nxt.start))


_LIST_GAP_RE = re.compile(rf",?{_S}*(?:(?:and|or|&){_S}+)?(?:the{_S}+)?")


def _respectively(text: str, figs: list, good: list[Mention]) -> list[tuple]:
    """"The GDP of Shandong and Zhejiang reached 6.81 trillion yuan and 5.92 trillion yuan,
    respectively": the places of a list, taken in order by a list of as many figures in the
    same sentence. (Pairs of (figure, place); none where the lists do not pair one to one.)"""
    places = [r for r in runs(good, lambda a, b: a.name != b.name and _LIST_GAP_RE.fullmatch(text, a.end, b.start))
              if len(r) > 1]
    if len(places) != 1:
        return []
    # "fell by 0.4% and 0.6% respectively compared to the previous quarter, and by 0.9% and 1.3%
    # compared to the previous year": each list of as many figures
    return [(c, m.name) for run in figure_lists(text, figs, len(places[0])) for c, m in zip(run, places[0])]


def _figure_between(a: Mention, b: Mention, figs: list) -> bool:
    return any(a.end <= f.start < b.start for f in figs)


_MONETARY_POLICY_RE = re.compile(r"\b(?:[Mm]onetary [Pp]olicy|(?:repo|policy|key|benchmark) (?:interest )?rate)\b")


def _office_of_a_region(text: str, start: int, ends: dict, gaz: _Gazetteer) -> bool:
    """Does a place below a country's rank stand right before the office at ``start`` ("Telangana
    Finance Minister", "Kerala's Finance Minister")?"""
    for gap in (1, 3):  # "Telangana Finance", "Kerala's Finance"
        m = ends.get(start - gap)
        if m is not None and text[m.end:start] in (" ", "'s ", "’s ") and gaz.level.get(m.name, 0) > 0:
            return True
    return False


def _unnamed_government(text: str, mentions: list[Mention], gaz: _Gazetteer, cands: Sequence) -> str | None:
    """In a text that names no place, the country whose national treasury, finance minister or
    central bank speaks, known by the one currency its amounts are in ("the National Treasury ...
    Sh3.08 trillion": Kenya); a company's results name no such body and stay without a place."""
    if mentions or not any(w in text for w in NATIONAL_BODY_WORDS) or not _NATIONAL_BODY_RE.search(text):
        return None
    # one currency of a country, the most of its amounts ("N$90.4 billion (c. US$4.7bn)": a
    # conversion into the world's currency beside its own)
    units = [c.unit for c in cands if c.kind == "money"]
    own = {u for u in units if u not in WORLD_CURRENCIES}
    if len(own) != 1 or 2 * units.count(next(iter(own))) <= len(units):
        return None
    place = gaz.of_currency.get(next(iter(own)))
    return place if place is not None and gaz.level.get(place) == 0 else None


def _currency_place(c, gaz: _Gazetteer, named: set[str]) -> str | None:
    """The country whose currency a money figure is in, where the text names that country: a
    weak prior for a figure no place of its own sentence claims ("£14bn" in a UK text that
    later mentions India)."""
    if c.kind != "money" or c.unit in WORLD_CURRENCIES \
            or (c.link_type == "conversion" and c.link is not None and c.link.start < c.start):
        return None
    place = gaz.of_currency.get(c.unit)
    return place if place in named else None


def _primary(ms: list[Mention], gaz: _Gazetteer, text: str = "") -> str | None:
    """The most specific place of a sentence (Tumshuq over Xinjiang), else the first; places
    written as locations ("factories in Xinjiang") before actors ("the US said")."""
    if not ms:
        return None
    if text:
        loc = [m for m in ms if _LOCATIVE_RE.search(text, max(0, m.start - 24), m.start)]
        if loc:
            ms = loc
    best = ms[0].name
    for m in ms[1:]:
        if gaz.is_ancestor(best, m.name):
            best = m.name
    return best


def _story_place(ms: list[Mention], gaz: _Gazetteer, text: str) -> str | None:
    """The place the story is about, from its first sentence that names one: that sentence's
    place, or where it lists places of one country ("Nairobi, Turkana and Nakuru counties"), that
    country: the story is about all of them."""
    names = list(dict.fromkeys(m.name for m in ms))
    if len(names) > 1 and all(_COORDINATED_RE.fullmatch(text, a.end, b.start) or text.startswith(", ", a.end)
                              for a, b in zip(ms, ms[1:], strict=False) if a.name != b.name):
        parents = {gaz.parent.get(n) for n in names}
        levels = {gaz.level.get(n) for n in names}
        if len(parents) == 1 and len(levels) == 1 and None not in parents and None not in levels:
            return parents.pop()
    return _primary(ms, gaz, text)


def _without_lone_foreign_regions(mentions: list[Mention], gaz: _Gazetteer, cands: Sequence = ()) -> list[Mention]:
    """"Google, Meta and Intel" in a story on the Irish exchequer: a region (Meta, a Colombian
    department) named by that one name alone, in a text that names other countries but neither
    its country (by name or by its money) nor any other of its places, is some other thing's name,
    not a place. (Not where a country the text names has a place of that name, Punjab in Pakistan,
    nor a place with money of its own, an economy in itself like Hong Kong.)"""
    names: dict[str, set[str]] = {}
    for m in mentions:
        names.setdefault(gaz.country_of.get(m.name, m.name), set()).add(m.name)
    countries = {m.name for m in mentions if gaz.level.get(m.name) == 0}
    if not countries:
        return mentions
    # the text's own money names its country as well as its name does ("A$27.9 billion": Australia)
    countries |= {gaz.of_currency[c.unit] for c in cands if c.kind == "money" and c.unit in gaz.of_currency
                  and c.unit not in WORLD_CURRENCIES}
    own_money = set(gaz.of_currency.values())

    def lone(m: Mention) -> bool:
        top = gaz.country_of.get(m.name, m.name)
        return (top != m.name and top not in countries and gaz.level.get(m.name, 0) > 0 and names[top] == {m.name}
                and m.name not in own_money and m.name not in gaz.seat_of  # "Canberra" is Australia's government
                and not any(m.name in _subdivision_names(c) for c in countries))

    kept = [m for m in mentions if not lone(m)]
    return kept if len(kept) < len(mentions) else mentions


@lru_cache(maxsize=64)
def _subdivision_names(country: str) -> frozenset[str]:
    """The ISO 3166-2 names of ``country``'s subdivisions (pycountry), so that a region another
    country shares a name with is not taken for that country's."""
    import pycountry

    try:
        code = pycountry.countries.lookup(country).alpha_2
    except LookupError:
        return frozenset()
    return frozenset(sub.name for sub in pycountry.subdivisions.get(country_code=code) or ())


# "Cambodia's top trading partner", "the foreign trade turnover of Kyrgyzstan": whose trade it is
_TRADE_WORD = r"(?:(?:foreign|external|international|merchandise|total)[ \t]+)?(?:trade|exports?|imports?|trading[ \t]+partners?)"
_TRADER_AFTER_RE = re.compile(rf"['’]s[ \t]+(?:[\w-]+[ \t]+){{0,3}}?{_TRADE_WORD}\b", re.I)
_TRADER_BEFORE_RE = re.compile(rf"\b{_TRADE_WORD}(?:[ \t]+[\w-]+){{0,3}}?[ \t]+of[ \t]+(?:the[ \t]+)?$", re.I)
_TRADE_WORDS_RE = re.compile(r"\b(?:exports?|imports?|export(?:ed|ing|ers?)|import(?:ed|ing|ers?)|trading partners?)\b", re.I)  # not "important"


def _trade_partners_demoted(text: str, mentions: list[Mention], gaz: _Gazetteer) -> str | None:
    """In a text on one country's foreign trade, that country; the other countries it names
    are its partners (FORMAT.md: "trade with China" is no region), demoted here, unless a figure
    is theirs by its own words ("Thailand's exports fell 2%")."""
    if len(_TRADE_WORDS_RE.findall(text)) < 3:
        return None
    trader = next((m.name for m in mentions if gaz.level.get(m.name) == 0 and not m.demoted
                   and (_TRADER_AFTER_RE.match(text, m.end) or _TRADER_BEFORE_RE.search(text, max(0, m.start - 60), m.start))), None)
    if trader is None:
        return None
    for m in mentions:
        if gaz.level.get(m.name) == 0 and m.name != trader and not text.startswith(("'s", "’s"), m.end):
            m.demoted = True
    return trader


def _main_country(mentions: list[Mention], gaz: _Gazetteer, cands: Sequence = ()) -> str | None:
    """The country the text names most (not as a partner or a place compared with), its money's
    currencies counting as mentions (not the dollar every country trades in)."""
    counts: dict[str, int] = {}
    for m in mentions:
        if m.demoted:
            continue  # a partner, an origin or a place compared with is not what the text is about
        top = gaz.country_of.get(m.name, m.name)
        counts[top] = counts.get(top, 0) + 1
    for c in cands:
        top = gaz.of_currency.get(c.unit) if c.kind == "money" and c.unit not in WORLD_CURRENCIES else None
        if top in counts:
            counts[top] += 1
    if not counts:
        return None
    return max(counts.items(), key=lambda kv: kv[1])[0]
