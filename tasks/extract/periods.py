"""Periods: the year or span of years each figure refers to.

Date expressions are found once per text (explicit years and spans, fiscal years, "since",
comparisons, and relative dates resolved with the publication date: "this year", "last year",
"four years ago", "over the past 11 years", "in July", "the first half", "currently"), then
each figure takes, in order of preference:

1. a date expression that contains it ("over the past 11 years": the duration's own period);
2. for the two ends of a range ("from 263.69 billion to 422.48 billion yuan") in a sentence
   with a span ("From 2014-19"), the span's first and last year respectively;
3. a date written right after it ("€104 billion in 2013", "2.5 billion yuan this year");
4. a comparison it belongs to ("€106 billion lower when compared with 2022" in a 2023 sentence
   -> 2022-2023; "(€3.5 billion; 36.7% more than in 2022)" -> 2022-2023);
5. a date in its own clause ("151,000 labourers ... transferred since 2018" -> 2018-2020);
6. a date elsewhere in its sentence, preceding first, those in another figure's clause last;
   a date written after the base of a comparison ("up from 60,000 in 2019") is that base's;
7. the period carried over from earlier sentences (the last date stated), which is also how
   "in the same period" and "that year" resolve. A text that has stated no date gives None.

Also: a converted amount in brackets does not stand between a figure and its date ("30,775 yuan
($4,467) in 2017"); the change before a level takes the level's date ("grew 7.5% to 7.95 trillion
yuan last year"); an average annual rate takes the span of its sentence's years; a date after
another figure's comparison ("3.7% lower than the average from 1979 to 2007") is that figure's;
"since <event> in 2010" runs to the publication year; "in 65 years" is the text's own span of
that length; a Five-Year Plan is its five years; "from the same period last year" and "than one
year earlier" are year-on-year bases, not periods; a span ending after publication (a plan
"2023-25") does not carry on to later sentences; datelines ("BEIJING, Sept. 10 (Xinhua) --") are
no dates; "the past N years" in an article of the first quarter end with the last completed year.
A change against an earlier level or "than a year earlier" runs from that year ("8% larger than the
estimate for 2024-25"; "up 12% from 580,000 tonnes in 2023"), while "(up) from a year earlier" and
"year-on-year" keep their own; a base's date, a total "since" an event and what came "after" do not
carry on; a figure's window of months ("3.8% over the 12 months to October") and a weekday ("rose 2%
on Friday") are that figure's only; "fiscal 2025, which ended on Sept. 30" is the fiscal year.

Over a span of several years (5-6), a level reached ("rose 50% to 5 million tonnes") takes the
last year and a starting level ("up from 3 million") the first; a change keeps the span; a
fiscal year ("2023-24") stays whole. Not periods: price bases ("(2017 PPP)"), records ("the
lowest since 2007"), comparisons without a year ("compared to the previous year").

>>> from tasks.extract import parse_figures
>>> [(f.surface, f.period_start, f.period_end) for f in parse_figures(
...     "From 2014-19, transfers expanded from 263.69 billion to 422.48 billion yuan. "
...     "Last year they reached 500 billion yuan.", "2021")]  # doctest: +NORMALIZE_WHITESPACE
[('263.69 billion', 2014, 2014), ('422.48 billion yuan', 2019, 2019),
 ('500 billion yuan', 2020, 2020)]
"""
from __future__ import annotations

import csv
import re
from bisect import bisect_left
from calendar import monthrange
from datetime import date, timedelta
from functools import lru_cache
from importlib import resources
from typing import Sequence

from ._finder import AfterBoundary, Finder, lead, matches_at
from ._lexicon import (
    MONTHS,
    ORDINALS,
    PLAN_NUMS,
    TENS_WORDS,
    UNIT_WORDS,
)
from .patterns import folded, trie_alt, windows
from .record import Period
from .sentences import clause_bounds, figure_lists

_S = r"[ \t\u00a0]"
_YEAR = r"(?:1[89]\d\d|20\d\d)"
_Y = rf"(?<![\w$€£¥.,])({_YEAR})(?![\w%]|[.,]\d)"
_DASH = r"[ \t]*[-–—‑/][ \t]*"
_MONTH = (r"(?:(?:January|February|March|April|June|July|August|September|October|November|December"
          r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?|May|JANUARY|FEBRUARY|MARCH|APRIL|MAY|JUNE"
          r"|JULY|AUGUST|SEPTEMBER|OCTOBER|NOVEMBER|DECEMBER)")
_NUMW = trie_alt([*UNIT_WORDS, *TENS_WORDS, "a", "an"], fold=True)
_N = rf"(?:\d+|(?i:{_NUMW})|a{_S}+couple{_S}+of|several)"
_PLAN_ORD = ("(?i:" + "|".join(PLAN_NUMS) + r")|(?:[3-9]|1[0-5])(?:rd|th)")
_PERIOD_WORDS = r"(?:year|summer|spring|autumn|fall|winter|month|quarter|week|season|half)"
# "the same quarter of", "the corresponding period in": a named base's unit of time
_SAME = (rf"the{_S}+(?i:same|corresponding|equivalent|comparable){_S}+(?:(?i:period|quarter|month|half|time|week|season|months)"
         rf"){_S}+(?:of|in)")

# "the first quarter of", "Q1", "the second half of": a part of a base year
_PART_OF = (rf"(?:(?:the{_S}+)?(?i:first|second|third|fourth|final|1st|2nd|3rd|4th)(?:{_S}+|[-‑])(?i:quarter|half)"
            rf"(?:{_S}+(?:of|in))?|Q[1-4]|H[12])")

_PATTERNS: list[tuple[str, re.Pattern]] = [
    # spans: "from 1997 to 2010", "between 2013 and 2023", "2014-19", "2023‑24", "in 2018 and 2019"
    # "the four years to 2028-29", "the five years through 2023": that many years ending with it
    ("nyearsto", re.compile(
        rf"\b({_N}){_S}+(?i:years){_S}+(?i:to|through|until|ending(?:{_S}+in)?){_S}+(?:(?i:fiscal|FY){_S}*)?{_Y}"
        rf"(?:{_DASH}((?:19|20)?\d\d))?(?![\w%]|[-/.,]\d)")),
    ("span", re.compile(
        rf"(?:(?i:from|between|in|during|for|over|fiscal|FY){_S}*)?{_Y}(?:{_DASH}(?:(?i:fiscal|FY){_S}*)?({_YEAR}|\d{{2}})"
        rf"|{_S}+(?:to|and|through|until|till){_S}+(?:(?i:fiscal|FY){_S}*)?({_YEAR}))(?![\w%]|[-/.,]\d)")),
    # "FY2019-20", "FY 2013/14", "fiscal 2016", "FY16", "financial year 2021": a fiscal year
    ("fy", re.compile(rf"\b(?:FY{_S}*|(?i:fiscal|budget){_S}+(?:(?i:year){_S}+)?|(?i:financial|business){_S}+(?i:year){_S}+)['’]?({_YEAR}|\d{{2}})"
                      rf"(?:{_DASH}(?:FY{_S}*)?({_YEAR}|\d{{2}}))?(?![\w%]|[.,]\d)")),
    # "the six months to March 2023", "half year ended 31 January 2011", "the year to June":
    # a stretch of months that ends in a named month
    ("nto", re.compile(
        rf"\b(?:(?i:the){_S}+)?(?:({_N}|\d+)[-‑ ]?{_S}*(?i:months?|weeks?)|(?i:(?:first|second){_S}+)?(?i:half)(?:[-‑ ](?i:year))?"
        rf"|(?i:(?:fiscal|financial|business){_S}+)?(?i:(year))|(?i:quarter))"
        rf"(?:,?{_S}+(?i:which|that))?{_S}+(?:(?i:period){_S}+)?"  # "the half year, which ended on 31 May"
        rf"(?i:to|ended|ending|through|until){_S}+(?:\([A-Z]{{2,6}}\){_S}+)?(?:(?i:on|in){_S}+)?(?:(?i:the{_S}+end{_S}+of){_S}+)?(?:\d{{1,2}}(?:st|nd|rd|th)?{_S}+)?(?:(?i:next){_S}+)?"
        rf"({_MONTH})(?:{_S}*\d{{1,2}}(?:st|nd|rd|th)?(?!\d))?(?:,?{_S}+({_YEAR}))?(?![\w%]|[-/.,]\d)")),
    # "the April-June quarter", "October-December 2023": a stretch from one month to another
    ("mrange", re.compile(rf"({_MONTH}){_DASH}({_MONTH})(?:{_S}+(?i:quarter|period|half|months))?(?:{_S}+(?:of{_S}+)?(?:({_YEAR})|(?i:(last|this|next)){_S}+(?i:year)\b))?(?![\w%]|[-/.,]\d)")),
    # "between December 2020 and November 2021": a stretch from one month of a year to another's
    # ... "(April 1, 2014 through March 31, 2015)", "from 1 July 2023 to 30 June 2024": days too
    ("mspan", re.compile(rf"(?:\b(?i:between|from){_S}+|(?<=\())(?:\d{{1,2}}(?:st|nd|rd|th)?{_S}+)?({_MONTH})(?:{_S}+\d{{1,2}}(?:st|nd|rd|th)?,?)?"
                         rf"{_S}+({_YEAR}){_S}+(?i:and|to|through|until){_S}+(?:\d{{1,2}}(?:st|nd|rd|th)?{_S}+)?({_MONTH})"
                         rf"(?:{_S}+\d{{1,2}}(?:st|nd|rd|th)?,?)?{_S}+({_YEAR})\b")),
    # "in the FYE March 2024": the financial year ending that month (UK statistical releases)
    ("fye", re.compile(rf"\bFYE{_S}+({_MONTH}){_S}+({_YEAR})\b")),
    # results' period labels: "1H25" (the first half of 2025), "3Q 2024", "9M24" (its first nine months)
    ("partlabel", re.compile(rf"\b(?:([1-4])Q|([12])H|([1-9]|1[01])M){_S}?(FY{_S}?)?((?:19|20)\d\d|['’]?\d\d)\b")),
    ("since", re.compile(rf"\b(?i:since|from){_S}+(?:(?i:early|late|the{_S}+end{_S}+of|the{_S}+start{_S}+of|mid-?){_S}*)?(?:{_MONTH}{_S}+)?{_Y}(?!{_DASH}\d|{_S}+(?:to|and|through|until|till|levels?)\b)")),
    # a change against a named base: "than in 2022", "over the corresponding quarter of 2016",
    # "from the same month of 2019", "from March 2019 levels"
    ("compare", re.compile(
        rf"\b(?:(?:than|(?i:compared){_S}+(?:with|to)|versus|vs\.?|over|against|relative{_S}+to|(?i:ahead){_S}+of|behind)"
        rf"(?:{_S}+(?:(?:in{_S}+)?{_SAME}|in|(?:at{_S}+)?(?:the{_S}+)?(?:end{_S}+of|levels{_S}+of)))?(?:{_S}+{_PART_OF})?{_S}+"
        rf"(?:{_MONTH}{_S}+)?{_Y}|(?i:from|on){_S}+(?:{_SAME}|{_PART_OF}){_S}+(?:{_MONTH}{_S}+)?{_Y}|from{_S}+(?:{_MONTH}{_S}+)?{_Y}{_S}+levels?\b)"
        rf"(?!{_DASH}\d|{_S}+(?:to|and)\b)")),
    ("decade", re.compile(rf"\b(?:the{_S}+)?((?:1[89]|20)\d0)s\b")),
    ("relcompare", re.compile(
        # "up 30% on the same time last year", "4% up on last year": British "on" for "compared with"
        rf"\b(?:than|(?i:compared){_S}+(?:with|to)|versus|vs\.?|over|from|against|(?i:ahead){_S}+of|behind|on(?!{_S}+(?i:last|the{_S}+previous|the{_S}+prior){_S}+year['’]))"
        rf"(?:{_S}+(?:in|(?:the{_S}+(?:same|corresponding|equivalent)|this){_S}+(?:period|time|month|quarter|half|week|stage|point)(?:{_S}+(?:of|in))?|the{_S}+end{_S}+of|end-))?"
        rf"(?:{_S}+{_MONTH}(?:{_S}+(?:of|in))?)?"  # "than in September last year"
        rf"{_S}*(?i:(last|the{_S}+previous|the{_S}+prior){_S}+year)\b(?!['’]s)")),  # not "from the previous year's 9.2%"
    # "the first time in 18 years", "the lowest in nearly 30 years", "the highest level in seven
    # quarters": a record over a span ending now; the period of the duration only
    ("record", re.compile(
        rf"\b(?i:first|highest|lowest|biggest|largest|smallest|strongest|weakest|fastest|slowest|sharpest|"
        rf"steepest|best|worst|most|least|longest)(?:{_S}+(?i:time|level|rate|pace|reading|number|amount|gain|"
        rf"rise|increase|drop|fall|decline|growth|monthly|quarterly|annual|yearly)|{_S}+[a-z]+){{0,2}}"
        rf"{_S}+(?i:in|for){_S}+(?:(?i:nearly|almost|about|around|more{_S}+than|over|some|at{_S}+least){_S}+)?"
        rf"({_N}){_S}+(?i:(years?|decades?|quarters?|months?))\b")),
    # "the current business year", "last fiscal year", "next year's budget": a fiscal year
    # counted from the publication date
    ("fyrel", re.compile(
        rf"\b(?:(?i:the){_S}+)?(?i:(current|this|last|previous|prior|past|next|coming|new|present|outgoing)){_S}+"
        rf"(?:(?i:fiscal|financial|business|budget|budgetary){_S}+(?i:year)\b|(?i:year)['’]s{_S}+(?i:budget)\b"
        rf"|(?<=(?i:outgoing)[ \t\u00a0])(?i:year)\b)")),  # "the outgoing year": the fiscal year under way
    ("sincethen", re.compile(rf"\b(?i:since{_S}+(?:then|that{_S}+time|that{_S}+year))\b")),
    ("point", re.compile(_Y)),
    # "for the full year", "full-year profit", "the year under review" in a results statement: the
    # (fiscal) year just ended, or the one under way in its second half
    ("fullyear", re.compile(rf"\b(?:(?i:for|in|over|during){_S}+)?(?i:the){_S}+(?i:full|whole)[-‑ ](?i:year)\b"
                            rf"(?![-‑]|{_S}*(?:\d|(?i:to|ended|ending|of|through)\b))"
                            rf"|\b(?i:full)[-‑ ](?i:year){_S}+(?i:results?|profits?|net|revenues?|sales|earnings|loss|"
                            rf"dividends?|underlying|operating|guidance|outlook|figures)\b"
                            rf"|\b(?i:the){_S}+(?i:year){_S}+(?i:under){_S}+(?i:review)\b")),
    # relative dates (need the publication year)
    ("this", re.compile(rf"\b(?i:(?:earlier|later|so{_S}+far|for|in|during|by{_S}+the{_S}+end{_S}+of){_S}+)?(?i:this|the{_S}+current){_S}+(?i:{_PERIOD_WORDS})\b")),
    ("last", re.compile(rf"\b(?i:last|past){_S}+(?i:{_PERIOD_WORDS})\b")),
    ("next", re.compile(rf"\b(?i:next|coming){_S}+(?i:year)\b")),
    ("ago", re.compile(rf"\b({_N}){_S}+(?i:(years?|decades?)){_S}+(?i:ago)\b")),
    ("past", re.compile(rf"\b(?i:over|in|during|for|within|across|throughout){_S}+the{_S}+(?i:past|last|previous){_S}+(?:({_N}){_S}+)?(?i:(years?|decades?))\b")),
    ("future", re.compile(rf"\b(?i:over|in|during|for|within|across|throughout){_S}+the{_S}+(?i:next|coming){_S}+(?:({_N}){_S}+)?(?i:(years?|decades?))\b")),
    ("now", re.compile(r"\b(?i:currently|at present|presently|so far|to date|as of now|as things stand|nowadays|these days|at the moment|now|today)\b")),
    # "rose 2% on Friday": a day of the week the story was published in
    ("weekday", re.compile(rf"(?:\b(?i:on|last|this|late|early){_S}+|(?<=said )|(?<=ed ))(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
                           rf"(?!,?{_S}*(?:{_MONTH}|\d))")),
    # "in the previous year" after a figure: the year before the sentence's own (not carried on)
    # ... and "the previous year's 9.2 per cent": the level of the year before
    # ... and "compared to Rs 970 billion in the same period last year": the year-ago level's
    ("prevyear", re.compile(rf"\b(?i:in|during|for){_S}+the{_S}+(?i:previous|prior|preceding){_S}+year\b"
                            rf"|\b(?i:the){_S}+(?i:previous|prior|preceding){_S}+year['’]s(?!\w)"
                            rf"|\b(?i:in|during|for|over){_S}+the{_S}+(?i:same|corresponding){_S}+(?i:period|quarter|month|months|time)"
                            rf"{_S}+(?:(?i:of){_S}+)?(?i:last|the{_S}+previous|the{_S}+prior){_S}+(?i:year)\b")),
    # "the 'Tenth Five-Year Plan' period": a plan's five years (_plan_matches knows its shape)
    ("plan", re.compile(rf"\b(?:({_PLAN_ORD}){_S}*['\"‘“]?|['\"‘“]?({_PLAN_ORD}){_S}+)(?i:five|5)[-‑ ](?i:year){_S}+(?i:plan)\b['\"’”]?(?:{_S}+(?i:period))?")),
    # "increased 160 times in 65 years": a duration ending at publication (or a span of that length)
    # "over four years" too: after an allocation or a plan, the years ahead
    ("inyears", re.compile(rf"\b(?i:(in|within|over|across)){_S}+({_N}){_S}+(?i:years)\b(?![ \t]*(?:ago|time|from|later|after|before|earlier|old|of{_S}+age))")),
    ("carry", re.compile(rf"\b(?i:(?:(?:in|during|over|for){_S}+)?(?:the{_S}+same{_S}+(?:period|year|time)|that{_S}+year|the{_S}+period))\b(?!{_S}+(?:from|between|of|in){_S}+\d)")),
    ("shift", re.compile(rf"\b({_N}){_S}+(?i:(years?|decades?)){_S}+(?i:(after|before|later|earlier|on))\b")),
    ("month", re.compile(rf"\b(?:(?i:in|on|since|by|until|back{_S}+in|early|late|mid-?|from|during|through){_S}*)?{_MONTH}(?:{_S}+\d{{1,2}}(?:st|nd|rd|th)?(?!\d))?\b(?!,?{_S}*\d{{4}}|{_S}+\d{{1,2}}(?:st|nd|rd|th)?,?{_S}*\d{{4}}|{_S}+(?:of{_S}+)?(?:this|last|next){_S}|{_DASH}{_MONTH}"
                          # "the October election": an event's name, not when a figure was
                          rf"|{_S}+(?:general{_S}+|state{_S}+|federal{_S}+)?(?i:elections?|polls?|votes?|referendums?|summit|meetings?|conference|congress|plenum|session|visit|deadline|talks)\b"
                          rf"|{_S}+(?i:quarter)\b)")),  # "the June quarter": a quarter (see "quarter")
    # "the first four months of 2024": its months of that year
    ("firstn", re.compile(rf"\b(?i:the{_S}+)?(?i:first|past|last){_S}+(\d{{1,2}}|(?i:two|three|four|five|six|seven|eight|nine|ten|eleven)){_S}+(?i:(months|quarters))\b"
                          rf"(?:{_S}+of{_S}+((?:19|20)\d\d)\b(?![-–/]\d))?"
                          rf"(?!{_S}+of{_S}+(?:the{_S}+)?(?:\d|this|last|next|(?i:business|current)|(?i:fiscal|financial|FY)(?!{_S}*(?:(?i:year){_S}+)?\d)))")),
    # ... and "the June quarter", "its March quarter": the quarter named by its last month (Australian,
    # NZ and Indian usage)
    ("quarter", re.compile(rf"\b(?i:the{_S}+)?(?i:(first|second|third|fourth|final|last|1st|2nd|3rd|4th)(?:{_S}+|[-‑])(quarter|half))\b(?![-‑ ](?i:point))(?!{_S}+of{_S}+(?:\d|this|last|next|the(?!{_S}+year\b)))|\b(Q[1-4]|H[12])\b(?!{_S}*\d{{2,4}})"
                           rf"|\b(?i:the|its|their|our){_S}+(March|June|September|December){_S}+(?i:quarter)\b(?!{_S}+(?:of{_S}+)?(?:\d|this|last|next|the))")),
]
# every date expression holds a year or one of these words: only stretches around them are searched,
# the year-led patterns around years, the others around the words
_YEAR_ANCHOR_RE = re.compile(r"(?=[12])(?<![0-9])(?:1[89]|20)[0-9][0-9](?![0-9])")
_ANCHOR_WORDS = (
    "year", "Year", "YEAR", "month", "Month", "quarter", "Quarter", "half", "Half", "decade",
    "Decade", "summer", "spring", "autumn", "fall", "winter", "Summer", "Spring", "Autumn",
    "Winter", "week", "season", "currently", "Currently", "present", "far", "date", "now",
    "stand", "period", "time", "then", "ago", "today", "Today", "Now", "days", "moment",
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
    "Q1", "Q2", "Q3", "Q4", "H1", "H2", "FY",
    *[m.capitalize() for m in MONTHS], *[m.upper() for m in MONTHS if len(m) > 3])
_WORD_ANCHOR_RE = re.compile(
    "(?=[" + "".join(sorted({w[0] for w in _ANCHOR_WORDS})) + "])(?<![A-Za-z])(?:" + trie_alt(_ANCHOR_WORDS) + ")")
_WORD_ANCHORS = AfterBoundary(_WORD_ANCHOR_RE)  # each read with the character before it
_WB = r"(?=[A-Za-z0-9])(?<![A-Za-z0-9_])"  # a word start: lets the engine skip inside words
_YEAR_KINDS = ("nyearsto", "fy", "span", "since", "compare", "decade", "point")
_WORD_KINDS = ("fyrel", "fy", "fullyear", "record", "relcompare", "sincethen", "prevyear", "past", "future", "carry", "this", "last", "next", "ago",
               "shift", "now", "weekday", "firstn", "quarter", "month")
_UNDATED_KINDS = ("fy", "sincethen", "prevyear", "carry", "shift")  # need no publication date
# relative to the publication: an undated text still reads them, for a year it cannot know
# ("grew 0.5% last year" is dated by "last year", not by the "2025" beside it); a bare month or
# quarter there takes the year the text is speaking of instead
_RELATIVE_KINDS = ("record", "relcompare", "past", "future", "this", "last", "next", "ago")
# the publication year an undated text is read against: no real date comes near it, and every
# year worked out from it is blanked at the end (an undated text never gets a year from a
# relative expression)
UNKNOWN_YEAR = 9000
# an ordinal of a count ("its fifth cut", "the 6th loss"), not "first", which records say
_ORDINAL_COUNT = r"(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th))"
# markers of a comparison with no year: they state no date ("compared to the previous (fiscal) year")
_NO_DATE_RE = re.compile(
    rf"(?=[A-Za-z])(?<![A-Za-z0-9_])(?:(?:from|than|compared{_S}+(?:with|to)|over|versus){_S}+(?:(?:a|one){_S}+year{_S}+(?:earlier|ago|before)|the{_S}+(?:previous|prior|preceding){_S}+(?:(?:fiscal|financial|budget){_S}+)?year(?!['’]s|{_S}*\d))"
    rf"|(?:amount|level|levels|figure|that|those|period){_S}+(?:of{_S}+)?(?:a|one|two|three|\d+){_S}+years?{_S}+(?:earlier|ago|before)"
    # "its lowest level since 2007", "the first cut since March 2020": a record, not a period
    rf"|(?:lowest|highest|biggest|largest|smallest|strongest|weakest|fastest|slowest|sharpest|steepest|"
    rf"first|best|worst|most|least|record)(?:{_S}+[\w-]+){{0,3}}?{_S}+since(?:{_S}+the)?(?:{_S}+{_MONTH})?{_S}+\d{{4}}\b"
    # "its fifth cut since December": a count since then, no period
    rf"|{_ORDINAL_COUNT}(?:{_S}+[\w-]+){{0,3}}?{_S}+since"
    rf"(?:{_S}+(?:early|late|mid-?))?{_S}+{_MONTH}(?:{_S}+\d{{4}})?\b"
    # "the largest Budget to date", "its biggest cut so far": ever, not now
    rf"|(?:lowest|highest|biggest|largest|smallest|strongest|weakest|fastest|slowest|sharpest|steepest|"
    rf"best|worst|record)(?:{_S}+[\w'’-]+){{0,3}}?{_S}+(?:to{_S}+date|so{_S}+far|yet)\b)", re.I)
# "the 2030 Strong Plan for Tasmania's Future", "the 2030 Agenda": the year a plan's name aims at, no date
_TARGET_NAME_WORDS = ("Plan", "Agenda", "Vision", "Strategy", "Goals")
_TARGET_NAME_RE = re.compile(rf"\b(?i:the){_S}+((?:19|20)\d\d)(?:{_S}+[A-Z][\w'’-]*){{0,4}}?{_S}+(?:{'|'.join(_TARGET_NAME_WORDS)})\b")
# "with the last instance occurring in the third quarter of 2022", "last seen in 2008": when a
# record was last matched, not the period of the figures around it
_LAST_TIME = Finder(re.compile(
    rf"\b(?i:last|previous)(?:{_S}+(?i:such))?{_S}+(?:(?i:time|instance|occasion|occurrence)\b|"
    rf"(?i:seen|recorded|reached|hit|touched|happened|occurred)\b)[^.;!?\n]{{0,120}}?{_YEAR}"))
# every such marker holds one of these words (in any case): stretches without them need no search
_YEAR_OR_SINCE = Finder(re.compile("year|since", re.I))
# one pass over each stretch: the alternatives in order of precedence where two start together
_BY_KIND = dict(_PATTERNS)
_DATELINE_AFTER_RE = re.compile(r"[ \t]*(?:\([^()\n]{1,30}\)[ \t]*)?(?:--|—|–|-(?=[ \t]))")
# "since the launch of the programme in 2010", "since devolution in 2013", "since independence in 1963"
_SINCE_EVENT_RE = re.compile(rf"(?<![\w])[Ss]ince{_S}+[A-Za-z][^.;:,\d()]{{0,90}}?{_S}in{_S}+(?:{_MONTH}{_S}+)?$")
# "will be disbursed in September", "is set to start in March": a month still to come (within the sentence)
_FUTURE_MONTH_RE = re.compile(
    r"(?:\b(?:will|shall|set\s+to|is\s+to|are\s+to|due\s+(?:in|on|by)|scheduled|plans?\s+to|planned\s+for|"
    r"aims?\s+to|intends?\s+to|expects?\s+(?:[\w.]+\s+){0,4}?to|(?:is|are)\s+expected(?:\s+to|(?=\s+$))|to\s+be|starting|beginning|from\s+next)\b"
    r"|'ll\b"
    # "if we begin the expansion in September, we will need ...": a condition on what is to come
    r"|\b(?:if|unless|once)\s+(?:[\w']+\s+){1,3}?(?:begin|start|launch|open|expand|raise|cut|get|receive|pass|"
    r"approve|sign|reach|hit|finish|complete|extend|introduce|roll\s+out)(?:s|es)?\b)(?:[^.;:!?\n]|(?<=\d)\.(?=\d)){0,100}$", re.I)
# "a $107.3 billion allocation over four years": money set aside, for the years ahead
_SET_ASIDE_RE = re.compile(r"\b(?:allocat\w*|budget\w*|earmark\w*|set\s+aside|commitment|committed|pledg\w*|package|costing|"
                           r"programmes?|programs?|plans?|envelope|forward\s+estimates|to\s+(?:spend|invest|raise|build))\b"
                           r"[^.;:\d]{0,40}(?:\d[\d.,]*)?[^.;:]{0,30}$", re.I)
_FUTURE_AFTER_RE = re.compile(rf"[^.;:]{{0,40}}\b(?:will|is{_S}+to|are{_S}+to|is{_S}+expected|are{_S}+expected)\b", re.I)
_PURPOSE_AFTER_RE = re.compile(r"[ \t]+(?:to[ \t]+[a-z]+|for)\b")  # "... over 3 years to provide", "for sports"
_SPENT_BEFORE_RE = re.compile(r"\b(?:spent|reached|cost|paid|raised|earned|totall?ed|received|invested|lost|was|were|had)\b"
                              r"[^.;:]{0,40}$", re.I)
_AMOUNT_JUST_BEFORE_RE = re.compile(r"(?:[$€£¥₹]|\b[A-Z]{1,2}\$|\bRs\.?)[ \t]?\d[\d,.]*(?:[ \t]*(?:million|billion|trillion|"
                                    r"bn|mn|m|crore|lakh))?[ \t]+$")
# "sales doubled over five years": a change up to now
_CHANGED_BEFORE_RE = re.compile(r"\b(?:rose|risen|grew|grown|fell|fallen|dropped|declined|increased|decreased|doubled|tripled|"
                                r"halved|jumped|surged|climbed|slumped|shrank|expanded|gained|lost)\b[^.;:]{0,50}$", re.I)
# "will double in 10 years": a span ahead of the publication
# "(which will give ...) launched in September": the month a past event happened in
# (not a passive still to come: "will be disbursed in September")
_PAST_VERB_BEFORE_RE = re.compile(r"(?<!\bbe )\b(?:(?!(?:expect|schedul|plann|slat|project|target|anticipat|aim|intend|"
                                  r"need|requir|propos|forecast)ed\b)[a-z]+ed|was|were|had|began|took|came|went)"
                                  r"[ \t]+(?:in[ \t]+)?$", re.I)
_POSSESSED_PART_RE = re.compile(r"[ \t]+[^\s,;.!?()]+(?:[ \t]+[^\s,;.!?()]+)?[ \t]+")  # "last year's €43m first-half"
_YEAR_WRITTEN_AFTER_RE = re.compile(r"[ \t]*(?:\(|,)?[ \t]*(?:FY[ \t]?)?(?:19|20)\d\d")
_AT_END_OF_BEFORE_RE = re.compile(rf"\b(?i:at|by|as{_S}+of){_S}+(?i:the){_S}+(?i:end|close){_S}+(?i:of){_S}+(?:(?i:the){_S}+)?$")
_ORDINAL_COUNT_BEFORE_RE = re.compile(rf"\b{_ORDINAL_COUNT}(?:[ \t]+[\w-]+){{0,4}}[ \t]+$", re.I)
_ANNOUNCED_BEFORE_RE = re.compile(r"\b(?:announc\w*|promis\w*|propos\w*|pledg\w*|vow\w*|commit\w*)\b[^.;:]{0,50}$", re.I)
_FUTURE_BEFORE_RE = re.compile(r"\b(?:will|would|shall|plans?|planned|aims?|aimed|expects?|expected|targets?|goal|pledged)\b[^.;:]{0,50}$", re.I)


def _combined(kinds) -> re.Pattern:
    """One pass for several kinds: a match of one character where a date expression starts, the
    expression (of the first kind, in order, that matches there) its group named after the kind.
    Each kind is entered only at a character it can start with (see ``lead``)."""
    return re.compile(_WB + "(?:" + "|".join(lead(_BY_KIND[k].pattern, _BY_KIND[k].flags, k) for k in kinds) + ")")


_YEAR_RE = _combined(_YEAR_KINDS)
_WORD_RE = _combined(_WORD_KINDS)
_WORD_UNDATED_RE = _combined([k for k in _WORD_KINDS if k in _UNDATED_KINDS or k in _RELATIVE_KINDS])
_Y_RE = re.compile(_Y)
_YEAR_ANCHOR = Finder(_YEAR_ANCHOR_RE)
_INYEARS = Finder(_BY_KIND["inyears"])
# every plan's name holds "five-year"; its ordinal, a quote and blanks stand right before that
_PLAN_CORE = Finder(re.compile(r"(?i:five|5)[-‑ ](?i:year)"))
# every stretch of months ending in a month has one of these words before its "to", "ended"
_NTO_CORE = Finder(re.compile(rf"(?i:months?|weeks?|half|year|quarter|period)(?:,?{_S}+(?i:which|that))?{_S}+(?i:to|ended|ending|through|until){_S}"))
# the same words in the lower-cased text (patterns.folded), which the engine scans much faster
_NTO_CORE_FOLDED = re.compile(rf"(?:months?|weeks?|half|year|quarter|period)(?:,?{_S}+(?:which|that))?{_S}+(?:to|ended|ending|through|until){_S}")
_NTO_LEAD = 24  # "the twenty-four months": the longest words before the core
_MRANGE = Finder(_BY_KIND["mrange"])
_MSPAN = Finder(_BY_KIND["mspan"])
_PLAN_ORD_MAX = max(len(w) for w in PLAN_NUMS)  # "thirteenth"; the digit forms are shorter
_PRICE_BASE_RE = re.compile(rf"{_S}*(?:PPP|prices|constant|base{_S}+year|dollars|US{_S}*dollars|international)\b")
# "up from 60,000", "down from a peak of 536,000", "than the revised estimate of Rs 3,71,980 crore"
# "after a projected surplus of C$5.8 billion for the year ending March 2025": what came before
# ("the highest since the 6.4 percent recorded in the first quarter of 2022": a record's level)
# ("16.8% of GDP, above the 16.4% recorded in the second quarter of 2023": the level compared with)
_BASE_BEFORE_RE = re.compile(rf"(?<![\w])(?:from|than|compared{_S}+(?:with|to)|versus|vs\.?|against|after|following|"
                             rf"since{_S}+the|(?:above|below){_S}+the){_S}+(?:[a-z]+{_S}+){{0,4}}$", re.I)
_OR_GAP_RE = re.compile(r"[ \t]*,?[ \t]+or[ \t]+")
_GAP_WORDS = ("in|for|by|during|of|as|at|on|over|through|the|end|ending|first|second|third|fourth|"
              "half|quarter|start|beginning|fiscal|per|a|an|each|year|month|until|till|to|from|"
              "since|between|and|early|late|mid|financial|calendar|whole|full|same|corresponding|period|"
              # "5.9pc estimated for the outgoing year", "Rs11.9tr budgeted for 2024-25"
              "estimated|expected|projected|forecast|budgeted|recorded|reported|revised|planned|targeted|"
              # "5,115.6 billion Frw used in the fiscal year 2023/2024"
              "used|spent|registered|posted|achieved|allocated|approved|collected|realised|realized|"
              # "after a 4.2 per cent surge in 2022/23": the change a figure measures, then its date
              "surge|rise|increase|growth|gain|jump|fall|decline|drop|contraction|expansion|slump")
# what may stand between a figure and a date written for it: "€104 billion in 2013"
_GAP_LOCAL_RE = re.compile(rf"[ \t\u00a0,]*(?:(?:{_GAP_WORDS})[ \t\u00a0]+){{0,6}}")


# Government fiscal years that do not follow the calendar (fiscal_years.csv, each row with its
# source): the month each starts in, and whether "fiscal N" names the year it starts in (Japan:
# fiscal 2016 = April 2016 - March 2017) rather than the year it ends in (India's FY2020, the US
# federal fiscal 2020, Australia's FY20). A country not in the table keeps the calendar year; a
# place below a country keeps its country's unless it has a row (the US states: California's
# year starts in July, not in the federal October; Washington, also the federal government's
# seat, is left out).
def _fiscal_calendars() -> dict[str, tuple[int, bool]]:
    with resources.files(__package__).joinpath("fiscal_years.csv").open(encoding="utf-8") as f:
        return {r["place"]: (int(r["first_month"]), r["named_by"] == "start") for r in csv.DictReader(f)}


FISCAL_CALENDARS: dict[str, tuple[int, bool]] = _fiscal_calendars()
CALENDAR_YEAR: tuple[int, bool] = (1, False)
# the gazetteer's short names of countries with a fiscal calendar
_COUNTRY_ALIASES = {"US": "United States", "USA": "United States", "U.S.": "United States",
                    "UK": "United Kingdom", "U.K.": "United Kingdom", "Britain": "United Kingdom"}
# what points a text to one of those countries when no figure's place is known: its adjective, and
# places and money that only it has (the countries' own names are the table's)
_FISCAL_NAME_OF = {"Indian": "India", "Japanese": "Japan", "Tokyo": "Japan", "UK": "United Kingdom",
                   "U.K.": "United Kingdom", "Britain": "United Kingdom", "British": "United Kingdom",
                   "Canadian": "Canada", "South African": "South Africa", "Australian": "Australia",
                   "Pakistani": "Pakistan", "Egyptian": "Egypt", "Kenyan": "Kenya", "U.S.": "United States",
                   "US": "United States", "American": "United States", "Congress": "United States",
                   "Congressional": "United States", "White House": "United States", "CBO": "United States",
                   "Pentagon": "United States", "Queensland": "Australia", "New South Wales": "Australia",
                   "Tasmania": "Australia", "Canberra": "Australia", "Sydney": "Australia", "Melbourne": "Australia",
                   "A$": "Australia", "Mumbai": "India", "New Delhi": "India", "Delhi": "India", "Karnataka": "India",
                   "Maharashtra": "India", "Tamil Nadu": "India", "Kerala": "India", "crore": "India",
                   "crores": "India", "lakh": "India", "lakhs": "India", "rupee": "India", "rupees": "India",
                   "Rs": "India", "yen": "Japan", "¥": "Japan", "Osaka": "Japan", "London": "United Kingdom",
                   "Scotland": "United Kingdom", "Wales": "United Kingdom", "£": "United Kingdom",
                   "HK$": "Hong Kong", "Ottawa": "Canada", "Ontario": "Canada", "C$": "Canada",
                   "NZ$": "New Zealand", "Nairobi": "Kenya"}
_FISCAL_NAMES_RE = re.compile(  # a name whole ("Indian", not "Indiana"); a sign glued to its amount ("A$5")
    r"(?<![\w$])(?:(" + trie_alt([w for w in {*FISCAL_CALENDARS, *_FISCAL_NAME_OF} if w[-1].isalnum()], space=" ")
    + r")(?!\w)|(" + trie_alt([w for w in _FISCAL_NAME_OF if not w[-1].isalnum()], space=" ") + "))")
# a company's own year, as the text states it: "the fiscal year ending March 2017", "its
# business year to the end of June", "year ended 31 March"
_YEAR_END_RE = re.compile(  # "the year ending March 2025", "fiscal 2025, which ended on Sept. 30"
    rf"\b(?:(?i:year)|(?:(?i:fiscal)|FY){_S}*(?:19|20)?\d\d(?!\d),?){_S}+(?:(?i:that|which){_S}+)?"
    rf"(?i:ends?|ended|ending|to|closing|runs{_S}+to){_S}+(?:(?i:in|on|at){_S}+)?(?:(?i:the{_S}+end{_S}+of){_S}+)?"
    rf"(?:\d{{1,2}}(?:st|nd|rd|th)?{_S}+)?({_MONTH})(?:{_S}+\d{{1,2}}(?:st|nd|rd|th)?(?!\d))?(?:,?{_S}+({_YEAR}))?")
_YEAR_END = Finder(_YEAR_END_RE)
_FISCAL_NAMES = Finder(_FISCAL_NAMES_RE)


_TWO_YEARS_RE = Finder(re.compile(r"(?<![\d])(?:19|20)\d\d[-–/](?:19|20)?\d\d(?!\d)"))  # "2024-25", "2019/2020"
_FISCAL_WORDS = ("iscal", "FY", "inancial year", "usiness year", "udget", "ccounting year", "year end", "year to")


def calendar_of(country: str | None, text: str = "") -> tuple[int, bool]:
    """The fiscal calendar (start month, named by its start year) a text's fiscal years follow:
    the company's own year where the text states one ("the fiscal year ending March 2017"),
    else its country's (``country``, or the country the text names most), else the calendar year.

    >>> calendar_of("Japan"), calendar_of("United States"), calendar_of("China")
    ((4, True), (10, False), (1, False))
    >>> calendar_of(None, "Toyota expects its profit for the year ending March 2025 to rise.")
    (4, False)
    """
    # only a text that speaks of fiscal years is searched for the country and a company's year
    fiscal_words = bool(text) and (any(w in text for w in _FISCAL_WORDS) or _TWO_YEARS_RE.search(text) is not None)
    if country is None and fiscal_words:
        counts: dict[str, int] = {}
        for m in _FISCAL_NAMES.finditer(text):
            name = _FISCAL_NAME_OF.get(m.group(m.lastindex), m.group(m.lastindex))
            counts[name] = counts.get(name, 0) + 1
        if counts:
            country = max(counts.items(), key=lambda kv: kv[1])[0]
    start, by_start = FISCAL_CALENDARS.get(_COUNTRY_ALIASES.get(country or "", country or ""), CALENDAR_YEAR)
    m = _YEAR_END.search(text) if fiscal_words else None
    if m:
        end = MONTHS.get(m.group(1).lower().rstrip("."))
        if end:
            start = end % 12 + 1
            if m.group(2):  # "fiscal 2016, the year ending March 2017": named by its start year
                y2 = int(m.group(2))
                near = _BY_KIND["fy"].search(text, max(0, m.start() - 120), min(len(text), m.end() + 120))
                if near and not near.group(2):
                    n = int(near.group(1)) if len(near.group(1)) == 4 else 2000 + int(near.group(1))
                    if n in (y2 - 1, y2):  # another fiscal year nearby tells nothing of the naming
                        by_start = n == y2 - 1 and start > 1
    return start, by_start


def fiscal_year(n: int, cal: tuple[int, bool]) -> tuple[int, int]:
    """The calendar years of fiscal year ``n`` ("fiscal 2016", "FY16") under calendar ``cal``."""
    start, by_start = cal
    if start == 1:
        return n, n
    return (n, n + 1) if by_start else (n - 1, n)


# a fiscal year written as one: "2025-26", "2024/25" (_TWO_YEARS_RE), "FY25"
_FY_NUMBER_RE = re.compile(r"\bFY[ \t]?\d{2,4}\b")


def current_fiscal(py: int, pm: int | None, cal: tuple[int, bool]) -> tuple[int, int]:
    """The calendar years of the fiscal year under way at a publication date."""
    start, _ = cal
    if start == 1:
        return py, py
    y0 = py if pm is None or pm >= start else py - 1
    return y0, y0 + 1


class DateExpr:
    __slots__ = ("start", "end", "kind", "y0", "y1", "n", "sign", "written", "base", "whole", "ahead", "months", "bounds", "res",
                 "carried", "window", "sentence_only", "weekday", "before_stated")

    def __init__(self, start, end, kind, y0=None, y1=None, n=0, sign=0):
        self.start, self.end, self.kind = start, end, kind
        self.y0, self.y1, self.n, self.sign = y0, y1, n, sign
        self.written = False  # a year written in digits (may collide with a figure)
        self.base: int | None = None  # the year a "shift" ("a year earlier") counts from
        self.whole = False  # one period across two calendar years (a fiscal year): never split
        self.ahead = False  # a date still to come at publication ("will start in September")
        self.months = 0  # the length of a stretch of months written as a number ("the 12 months to June")
        self.bounds: tuple | None = None  # (first month (y, m), last month (y, m), day or None) where known
        self.res: tuple | None = None  # the years it resolved to in its sentence
        self.carried: DateExpr | None = None  # the expression "the same year" took its period from
        self.window = False  # a stretch of months written right after a figure ("3.8% over the 12 months to October")
        self.sentence_only = False  # dates its sentence's figures, not later ones' ("the first since May 2020, when")
        self.weekday = False  # "on Tuesday": the publication week, for a sentence that states no other date
        self.before_stated = False  # "the previous financial year": the one before a fiscal year its sentence names

    def __repr__(self):  # pragma: no cover
        return f"DateExpr({self.start},{self.end},{self.kind},{self.y0},{self.y1})"


def pub_parts(pub_date: str | None) -> tuple[int | None, int | None]:
    """(year, month) of a publication date 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD'."""
    if not pub_date or not isinstance(pub_date, str):
        return None, None
    return _pub_parts(pub_date)


@lru_cache(maxsize=1024)  # asked several times per text, of the few dates a corpus has
def _pub_parts(pub_date: str) -> tuple[int | None, int | None]:
    m = re.match(r"\s*(\d{4})(?:-(\d{1,2}))?", pub_date)
    if not m:
        return None, None
    return int(m.group(1)), int(m.group(2)) if m.group(2) else None


def _count(s: str | None) -> int:
    if not s:
        return 1
    s = s.lower().strip()
    if s.isdigit():
        return int(s)
    if s in ("a", "an"):
        return 1
    if "couple" in s:
        return 2
    if s == "several":
        return 3
    return UNIT_WORDS.get(s) or TENS_WORDS.get(s) or 1


def find_dates(text: str, pub_date: str | None = None,
               taken: Sequence[tuple[int, int]] = (), calendar: tuple[int, bool] = CALENDAR_YEAR) -> list[DateExpr]:
    """Every date expression in ``text`` (non-overlapping, in text order).

    ``taken`` are numeral spans of figures: a year-like number that is a figure is no date;
    ``calendar`` is the fiscal calendar of the text (see ``calendar_of``). Without ``pub_date``
    the relative expressions are still found, with years counted from ``UNKNOWN_YEAR``.
    """
    py, pm = pub_parts(pub_date)
    found: list[DateExpr] = []
    year_spans = windows(text, _YEAR_ANCHOR, 44, 20)
    word_spans = windows(text, _WORD_ANCHORS, 40, 24)
    if not year_spans and not word_spans:
        return []
    word_rx = _WORD_RE if py is not None else _WORD_UNDATED_RE
    if py is None:
        py, pm = UNKNOWN_YEAR, None
    for rx, spans in ((_YEAR_RE, year_spans), (word_rx, word_spans)):
        for lo, hi in spans:
            last = -1
            for f in rx.finditer(text, lo, hi):
                kind = f.lastgroup
                start, end = f.span(kind)
                if start < last:  # inside the expression before: not one of its own
                    continue
                last = end
                d = _make(kind, _BY_KIND[kind].match(text, start, end), py, pm, text, calendar)
                if d is not None:
                    # a written year may collide with a figure; a stretch of months holds one ("12 months")
                    d.written = kind in _YEAR_KINDS and kind not in ("nto", "nyearsto")
                    if kind == "month" and _DATELINE_AFTER_RE.match(text, d.end):
                        continue  # "BEIJING, Sept. 10 (Xinhua) --": when the story was filed
                    if (d.kind == "point" and (d.written or kind == "month")
                            and text.find("ince", max(0, d.start - 100), d.start) != -1
                            and _SINCE_EVENT_RE.search(text, max(0, d.start - 100), d.start)):
                        d.kind, d.y1 = "since", None  # "since the launch of the programme in 2010", "in July 2024"
                    found.append(d)
    low = folded(text)
    # rarer expressions, searched only in texts that have their words
    for kind, needed in (("plan", ("Year Plan", "year plan", "Year plan")), ("inyears", (" years",)),
                         ("nto", (" to ", "ended", "ending", "through", "until")), ("mrange", ("-", "–", "/")),
                         ("mspan", ("etween", "from", "From", "(")), ("fye", ("FYE",)),
                         ("partlabel", ("Q", "H", "M"))):
        if any(w in text for w in needed):
            for m in (_plan_matches(text) if kind == "plan" else _nto_matches(text, low) if kind == "nto"
                      else _MRANGE.finditer(text) if kind == "mrange" else _MSPAN.finditer(text) if kind == "mspan"
                      else _BY_KIND[kind].finditer(text) if kind in ("fye", "partlabel") else _INYEARS.finditer(text)):
                d = _make(kind, m, py, pm, text, calendar)
                if d is not None:
                    found.append(d)
    blocked = [m.span() for spans in (year_spans, word_spans) for lo, hi in spans
               if (_YEAR_OR_SINCE.search(text, lo, hi) if low is None
                   else low.find("year", lo, hi) != -1 or low.find("since", lo, hi) != -1)
               for m in _NO_DATE_RE.finditer(text, lo, hi)]
    if "ast " in text or "revious " in text:
        blocked += [m.span() for m in _LAST_TIME.finditer(text)]
    if any(w in text for w in _TARGET_NAME_WORDS):
        blocked += [m.span(1) for m in _TARGET_NAME_RE.finditer(text)]
    taken = sorted(taken)
    tstarts = [s for s, _ in taken]
    blocked.sort()
    bstarts = [s for s, _ in blocked]
    if py == UNKNOWN_YEAR:
        # "over the next four years to 2020/21" in an undated text: the years it writes say which
        found = [d for d in found if not (_unknown(d) and any(
            o.start < d.end and d.start < o.end and not _unknown(o) for o in found))]
    found.sort(key=lambda d: (d.start, -(d.end - d.start)))
    out: list[DateExpr] = []
    last_end = -1
    for d in found:
        if d.start < last_end:
            if d.months == 0 and d.bounds is not None and d.whole and out and d.end > last_end \
                    and _THROUGH_RE.match(text, out[-1].end):
                # "the current business year through next March": the year is the one the stretch ends
                d.start = out[-1].start
                out[-1] = d
                last_end = d.end
            continue
        if blocked and _overlaps(blocked, bstarts, d.start, d.start + 1):
            continue
        if d.written and taken and _overlaps(taken, tstarts, d.start, d.end):
            # "in 2008 and 13 percent": the year alone may still be a date
            y = _Y_RE.search(text, d.start, d.end)
            if d.kind == "span" and y and not _overlaps(taken, tstarts, y.start(), y.end()):
                d = DateExpr(y.start(), y.end(), "point", int(y.group(1)), int(y.group(1)))
                d.written = True
            else:
                continue
        out.append(d)
        last_end = d.end
    if ", when" in text:
        out = _since_when(text, out)
    out = _without_appositive_days(text, out)
    for d in out:
        if d.kind in ("point", "span") and d.written and _is_base_date(text, d):
            d.kind = "compare"
    out = _parts_of_fiscal_years(text, _join_fiscal_spans(text, out, tstarts, taken), calendar)
    return _from_bikram_sambat(out) if "BS" in text and _BS_YEAR_RE.search(text) else out


# "fiscal 2025, which ended on Sept. 30": the day says when the year named before it ends
# a date that is a change's base though no "than" stands before it: "rises 18% from 2024/25 to EGP
# 679 billion", "more than three times their level in FY19"
# "the first cut since May 2020, when the rate was cut by 75 basis points": the record's date
# (no period of its own) is when the clause after it happened
_SINCE_WHEN_RE = re.compile(rf"\b[Ss]ince{_S}+(?:({_MONTH}){_S}+)?((?:19|20)\d\d),{_S}*when\b")


def _since_when(text: str, ds: list[DateExpr]) -> list[DateExpr]:
    extra = []
    for m in _SINCE_WHEN_RE.finditer(text):
        s = m.start(1) if m.group(1) else m.start(2)
        if any(d.start <= s < d.end for d in ds):
            continue
        d = DateExpr(s, m.end(2), "point", int(m.group(2)), int(m.group(2)))
        d.written = True
        d.sentence_only = True
        extra.append(d)
    return sorted(ds + extra, key=lambda d: d.start) if extra else ds


_FROM_BEFORE_RE = re.compile(rf"\b(?i:from){_S}+(?:(?i:fiscal|FY|financial{_S}+year){_S}*)?$")
_TO_AMOUNT_AFTER_RE = re.compile(rf"{_S}+to{_S}+(?!(?i:FY|fiscal|financial)){_S}*(?:(?:about|around|some|nearly|almost|roughly|an{_S}+estimated){_S}+)?"
                                 rf"(?:[A-Z][A-Za-z]{{0,2}}\$?\.?{_S}?|[$€£¥₹₦])?(?!(?:19|20)\d\d(?![\d.,]))\d")
_LEVEL_IN_BEFORE_RE = Finder(re.compile(
    rf"\b(?:times|than|compared{_S}+(?:with|to))\b[^.;:!?]{{0,40}}?\b(?:level|levels|figure|total|value|size)s?"
    rf"{_S}+(?:in|of|for|at){_S}+(?:(?:fiscal|FY){_S}*)?$", re.I))


_THAN_BEFORE_RE = re.compile(rf"\bthan{_S}+(?:in{_S}+)?(?:the{_S}+)?$")
_UP_FROM_BEFORE_RE = re.compile(rf"\b(?:up|down|rising|falling|revised){_S}+from{_S}+(?:(?:an?|the){_S}+)?(?:earlier|previous|prior|initial){_S}+$", re.I)


# "growth of 11.7% over 2023-24", "an increase of 9.5% over the revised estimates of 2023-24",
# "up 15% on 2022" (British usage)
_PERCENT_WORDS = rf"(?:%|\bper{_S}?cent|\bpercent|\bpercentage{_S}+points?)(?:{_S}+[a-z]+){{0,2}}?{_S}+"
_CHANGE_OVER_BEFORE_RE = re.compile(
    rf"{_PERCENT_WORDS}(?:or{_S}+[^,;:!?()]{{1,30}}?{_S}+)?"  # "14.21 percent or Nu 12.15 billion compared to"
    rf"(?:over|(?P<on>on)|(?:as{_S}+)?compared{_S}+(?:with|to)|against|from)"
    rf"(?:{_S}+the{_S}+(?:(?:revised|original|budget(?:ed)?|actual){_S}+(?:estimates?|figures?)|levels?|figures?|amount)"
    rf"{_S}+(?:of|for|in))?"  # "5% over the level of 2023"
    rf"(?:{_S}+the{_S}+(?:previous|prior|preceding|last)(?:{_S}+(?:(?:fiscal|financial|budget){_S}+)?year,?)?)?{_S}+(?:the{_S}+)?$", re.I)


_PERCENT_BEFORE_RE = re.compile(rf"{_PERCENT_WORDS}$", re.I)
# "up 15% on 2022." is a base; "15% on 2022 projects" is what was spent on
_BASE_DATE_ENDS_RE = re.compile(rf"{_S}*(?:[,.;:)!?]|$|(?:levels?|figures?|and|when|while|as|after|but)\b)")


def _is_base_date(text: str, d: DateExpr) -> bool:
    lo = max(0, d.start - 70)
    if text.find("than", max(0, d.start - 14), d.start) != -1 and _THAN_BEFORE_RE.search(text, max(0, d.start - 14), d.start):
        return True  # "1.3 percentage points less than in the FYE March 2023"
    over = _CHANGE_OVER_BEFORE_RE.search(text, lo, d.start)
    if (over and not (over.group("on") and not _BASE_DATE_ENDS_RE.match(text, d.end))) or (
            text.startswith("over", d.start) and _PERCENT_BEFORE_RE.search(text, lo, d.start)):
        return True
    led = text.startswith(("from", "From"), d.start) or (
        text.find("rom", max(0, d.start - 16), d.start) != -1 and _FROM_BEFORE_RE.search(text, lo, d.start))
    if led and _TO_AMOUNT_AFTER_RE.match(text, d.end):
        return True
    return text.find("level", lo, d.start) != -1 and _LEVEL_IN_BEFORE_RE.search(text, lo, d.start) is not None


# ("fiscal year 2025/26, which runs from July 2025 to June 2026": both)
_ENDED_CLAUSE_RE = re.compile(
    rf",?{_S}*(?i:which|that){_S}+(?i:ended|ends|end|began|begins|begin|started|starts|start|runs|ran|closed|closes)"
    rf"{_S}+(?:(?i:on|in|at|from){_S}+)?(?:(?:\d{{1,2}}{_S}+)?{_MONTH}{_S}+(?:\d{{1,2}},?{_S}+)?)?")
_CLAUSE_STOP_RE = re.compile(r"[,;.!?)\n]")


def _without_appositive_days(text: str, ds: list[DateExpr]) -> list[DateExpr]:
    """The dates but those that only say when the period named right before them ends or begins."""
    out: list[DateExpr] = []
    until = -1  # the end of such a clause: its other dates ("to June 2026") say the same
    for d in ds:
        if d.start < until:
            continue
        if out and _ENDED_CLAUSE_RE.fullmatch(text, out[-1].end, d.start):
            stop = _CLAUSE_STOP_RE.search(text, d.end)
            until = stop.start() if stop else len(text)
            continue
        out.append(d)
    return out


# "since the 2013/14 financial year (FY)--when devolution began--to the 2024/25 financial year",
# "between FY2019-20 and FY2023-24": what may stand between two fiscal years that bound one span
_FY_WORDS = rf"(?:(?:financial|fiscal|budget){_S}+year|FY|(?i:fiscal))"
_FY_JOIN_RE = re.compile(
    rf"(?:{_S}*{_FY_WORDS}|{_S}*\([^()\n]{{0,30}}\)|{_S}*(?:--|—|–)[^-—–.;!?\n\d]{{0,50}}(?:--|—|–))*"
    rf"{_S}*,?{_S}*(?i:(to|until|till|through|and)){_S}+(?:(?i:the){_S}+)?(?:{_FY_WORDS}{_S}*)?")
_FY_FROM_RE = re.compile(rf"\b(?i:(from|since|between)){_S}+(?:(?i:the){_S}+)?(?:{_FY_WORDS}{_S}*)?$")


# what stands between a part of a year and the fiscal year it is part of: "Q1 FY25", "the fourth
# quarter (Q4) of FY25", "the first half of fiscal 2025", "the first three quarters of FY25"
_PART_OF_FY_RE = re.compile(rf"{_S}*(?:\([^()\n]{{1,8}}\){_S}*)?(?:(?i:period|months){_S}+)?(?:(?i:of|in){_S}+)?(?:(?i:the){_S}+)?")
_QUARTER_OF_FY_RE = re.compile(rf"(?:{_S}+(?i:quarter))?{_S}+(?i:of|in){_S}+(?:(?i:the){_S}+)?")
_MONTH_NAME_RE = re.compile(_MONTH)
_PART_WORD_RE = re.compile(r"(?i:quarter|half|months)|\b[QH][1-4]\b")
_SENTENCE_END_RE = re.compile(r"[.!?](?:\s|$)|\n")


def _parts_of_fiscal_years(text: str, ds: list[DateExpr], calendar: tuple[int, bool]) -> list[DateExpr]:
    """A quarter, half or first months of a fiscal year are counted from the month that year starts
    in, and take the calendar years they fall in: India's "Q1 FY25" is April-June 2024, its "Q4 FY25"
    January-March 2025, "the first three quarters of FY25" April-December 2024. A bare quarter
    written after such a one ("6.7% in Q1 FY25, 5.4% in Q2") is a quarter of the same year. A month
    named in a fiscal year that crosses two ("in July of fiscal 2018-19", "In 2017-18, it got $1.29
    billion in March and $1.16 billion in December") is that month of the year it falls in."""
    out: list[DateExpr] = []
    fiscal: tuple[int, int] | None = None  # (first month since year 0, fiscal year's DateExpr start)
    named: DateExpr | None = None  # the fiscal year of two calendar years last named in this sentence
    # "the fourth quarter (Q4) of FY25": the label in brackets restates the part before it; but
    # "the fiscal fourth quarter (January 1, 2015 through March 31, 2015)": the days in brackets
    # say which one a label without a year is
    restated = {k for k in range(1, len(ds)) if ds[k].bounds is not None and ds[k - 1].bounds is not None
                and text[ds[k - 1].end:ds[k].start].strip() == "(" and text.startswith(")", ds[k].end)}
    for k in sorted(restated):
        if ds[k].written and not ds[k - 1].written:
            ds[k].start = ds[k - 1].start
            restated.discard(k)
            restated.add(k - 1)
    ds = [d for k, d in enumerate(ds) if k not in restated]
    i = 0
    while i < len(ds):
        a = ds[i]
        b = ds[i + 1] if i + 1 < len(ds) else None
        bare = (a.bounds is not None and a.kind in ("point", "span") and not a.written
                and _Y_RE.search(text, a.start, a.end) is None)  # no year of its own ("July-March", "Q2")
        month = bare and _MONTH_NAME_RE.search(text, a.start, a.end) is not None
        part = bare and not month and _PART_WORD_RE.search(text, a.start, a.end) is not None
        if month and calendar[0] != 1 and b is not None and b.whole and b.kind == "span" \
                and _QUARTER_OF_FY_RE.fullmatch(text, a.end, b.start) and _FY_NUMBER_RE.search(text, b.start, b.end):
            # "the April-June quarter of FY25": those months of that fiscal year, one expression
            m0, m1 = a.bounds[0][1], a.bounds[1][1]
            y0, y1 = (b.y0 if m >= calendar[0] else b.y1 for m in (m0, m1))
            d = DateExpr(a.start, b.end, "point" if y0 == y1 else "span", y0, y1)
            d.bounds = ((y0, m0), (y1, m1), None)
            d.whole = y0 != y1
            out.append(d)
            i += 2
            continue
        if month and calendar[0] != 1 and b is not None and _names_fiscal_year(text, b) \
                and _PART_OF_FY_RE.fullmatch(text, a.end, b.start):
            named = b  # "in July of the fiscal 2018-19"
        if month and named is not None and calendar[0] != 1 and not _SENTENCE_END_RE.search(text, named.end, a.start):
            m0, m1 = a.bounds[0][1], a.bounds[1][1]  # "July-March period of 2017-18": both ends placed
            y0, y1 = (named.y0 if m >= calendar[0] else named.y1 for m in (m0, m1))
            d = DateExpr(a.start, a.end, "point" if y0 == y1 else "span", y0, y1)
            d.bounds = ((y0, m0), (y1, m1), a.bounds[2])
            d.whole = y0 != y1
            out.append(d)
            i += 1
            continue
        if part and b is not None and b.whole and b.kind == "span" \
                and _PART_OF_FY_RE.fullmatch(text, a.end, b.start) and (calendar[0] != 1 or b.y0 == b.y1):
            fiscal = (b.y0 * 12 + calendar[0] - 1, b.start)
            out.append(_part_of(a, fiscal[0], a.start, b.end))
            i += 2
            continue
        if part and fiscal is not None and a.start > fiscal[1] and "of" not in text[a.end:a.end + 4]:
            out.append(_part_of(a, fiscal[0], a.start, a.end))
            i += 1
            continue
        if _names_fiscal_year(text, a):
            named = a
        elif a.written:
            named = None
        if a.written or a.whole:
            fiscal = None  # a year written since: bare quarters are no longer that fiscal year's
        out.append(a)
        i += 1
    return out


def _names_fiscal_year(text: str, d: DateExpr) -> bool:
    """Is ``d`` a fiscal year written with its two calendar years ("2017-18", "fiscal 2018/19")?
    (Not a stretch of months, "the 12 months to December", which names no year of accounts.)"""
    return d.whole and d.kind == "span" and d.y1 == d.y0 + 1 and _TWO_YEARS_RE.search(text, d.start, d.end) is not None


def _part_of(a: DateExpr, first: int, start: int, end: int) -> DateExpr:
    """The part ``a`` names (its months counted as if its year began in January) of a year whose first
    month is ``first`` (months since year 0)."""
    (_, m0), (_, m1), _ = a.bounds
    lo, hi = first + m0 - 1, first + m1 - 1
    d = DateExpr(start, end, "span" if lo // 12 != hi // 12 else "point", lo // 12, hi // 12)
    d.bounds = ((lo // 12, lo % 12 + 1), (hi // 12, hi % 12 + 1), None)
    d.whole = d.kind == "span"
    return d


# "the fiscal year 2081/82 BS": a year of Nepal's Bikram Sambat, which runs about 56 years and
# 8 months ahead of the Gregorian (BS 2081 began in April 2024; its fiscal year 2081/82 runs from
# mid-July 2024 to mid-July 2025)
_BS_YEAR_RE = re.compile(r"(?<!\d)20[6-9]\d(?:/\d{2,4})?[ \t]*B\.?[ \t]?S\b")
_BS_OFFSET = 57
_BS_FIRST = 2070  # a text that dates itself in BS writes its years from here on in BS


def _from_bikram_sambat(ds: list[DateExpr]) -> list[DateExpr]:
    """The Gregorian years of the dates of a text that writes its years in Bikram Sambat: a BS year
    of two years' accounts keeps its length, a BS calendar year covers the two it straddles."""
    for d in ds:
        if d.y0 is not None and d.y0 >= _BS_FIRST:
            y1 = d.y1 if d.y1 is not None else d.y0
            d.y0, d.y1 = d.y0 - _BS_OFFSET, y1 - _BS_OFFSET + (0 if d.whole or y1 > d.y0 else 1)
            d.kind = "span" if d.y1 != d.y0 else d.kind
            d.whole = d.whole or d.y1 != d.y0
            d.bounds = None
    return ds


def _join_fiscal_spans(text: str, ds: list[DateExpr], tstarts, taken) -> list[DateExpr]:
    """Two fiscal years joined by "to" ("from 2013/14 to 2024/25", "FY 2013/14 to FY 2024/25")
    or "between ... and" bound one span, from the first one's first year to the last one's last.
    Not where a figure stands between them ("from Rs 2 crore in 2019-20 to Rs 3 crore in
    2023-24": each end its own year)."""
    if len(ds) < 2:
        return ds
    out: list[DateExpr] = []
    i = 0
    while i < len(ds):
        a = ds[i]
        b = ds[i + 1] if i + 1 < len(ds) else None
        if (b is not None and a.whole and b.whole and a.kind == b.kind == "span" and b.y0 > a.y0
                and b.start - a.end <= 90):
            j = _FY_JOIN_RE.match(text, a.end, b.start)
            if j is not None and j.end() == b.start and not (taken and _overlaps(taken, tstarts, a.end, b.start)):
                f = _FY_FROM_RE.search(text, max(0, a.start - 30), a.start)
                between = (f is not None and f.group(1).lower() == "between") or text[a.start:a.start + 7].lower() == "between"
                if j.group(1).lower() != "and" or between:  # "in 2022-23 and 2023-24": two years
                    d = DateExpr(f.start() if f else a.start, b.end, "span", a.y0, b.y1)
                    d.written = True
                    out.append(d)
                    i += 2
                    continue
        out.append(a)
        i += 1
    return out


_NEXT_MONTH_RE = re.compile(r"\bnext\s+[a-z]")
_CURRENT_BEFORE_RE = re.compile(r"\b(?i:current|this|present)[ \t]+(?:(?i:fiscal|financial|business|budget)[ \t]+)?$")
_THROUGH_RE = re.compile(rf"{_S}+(?i:through|to|ending|ended|until){_S}")


def _months_to(m: re.Match, s: int, e: int, py: int | None, pm: int | None) -> DateExpr | None:
    """ "the six months to March 2023", "half year ended 31 January 2011", "the 12 months to June":
    the calendar years from the stretch's first month to its last; without a year the month is
    the latest one by the publication date. "The 12 months to" a month are that month's year
    and the year before, as FORMAT.md writes them (the figures they date: see ``_period_of``)."""
    end = MONTHS.get(m.group(3).lower().rstrip("."))
    if end is None:
        return None
    g = m.group().lower()
    if m.group(4):
        y = int(m.group(4))
    elif py is not None and (_NEXT_MONTH_RE.search(g) or (m.group(2) and _CURRENT_BEFORE_RE.search(m.string, max(0, s - 24), s))):
        # "the current business year through next March", "the current fiscal year through March":
        # the year under way ends at that month still to come
        y = py + 1 if pm is None or end <= pm else py
    elif py is not None:
        y = py - 1 if pm is not None and end > pm else py
    else:
        return None
    if m.group(1):
        n = _count(m.group(1))
        if "week" in g:  # "the 53 weeks ended 30 June 2024": a retailer's year
            n = round(n * 12 / 52)
    elif "half" in g:
        n = 6
    elif m.group(2):
        n = 12
    else:
        n = 3
    if not 1 <= n <= 36:
        return None
    if n == 12 and m.group(1):
        y0 = y - 1
    else:
        y0 = (y * 12 + end - n) // 12
    d = DateExpr(s, e, "span" if y0 != y else "point", y0, y)
    d.whole = True
    d.months = n if m.group(1) else 0
    first = y * 12 + end - n  # months since year 0, zero-based
    d.bounds = ((first // 12, first % 12 + 1), (y, end), None)
    return d


def _nto_matches(text: str, low: str | None = None) -> list[re.Match]:
    """The "nto" pattern's matches ("the six months to March"), tried only at the word starts
    shortly before a "months to", "half ended", "year to" where one can start (found in ``low``,
    the text's ``folded`` form, where there is one)."""
    starts: set[int] = set()
    for k in (_NTO_CORE.finditer(text) if low is None else _NTO_CORE_FOLDED.finditer(low)):
        j = k.start()
        starts.update(i for i in range(max(0, j - _NTO_LEAD), j + 1) if i == 0 or text[i - 1] in " \t\u00a0\n(")
    return matches_at(_BY_KIND["nto"], text, starts)


def _plan_matches(text: str) -> list[re.Match]:
    """The "plan" pattern's matches, as its ``finditer`` over the whole text, but tried only
    at the few positions before a "five-year" where one can start."""
    starts: set[int] = set()
    for k in _PLAN_CORE.finditer(text):
        j = k.start()
        if j and text[j - 1] in "'\"‘“":
            j -= 1
        while j and text[j - 1] in " \t\u00a0":
            j -= 1
        starts.update(range(max(0, j - _PLAN_ORD_MAX - 1), j))  # [quote] ordinal
    return matches_at(_BY_KIND["plan"], text, starts)


def _overlaps(spans: list[tuple[int, int]], starts: list[int], s: int, e: int) -> bool:
    i = bisect_left(starts, e) - 1
    while i >= 0:
        a, b = spans[i]
        if b > s:
            return True
        if b <= s and a < s - 200:
            return False
        i -= 1
    return False


_REPORT_AFTER_RE = re.compile(rf"{_S}+(?:(?i:fiscal|financial|budget|economic){_S}+)?(?i:report|update|review|statement)\b")


def _make(kind: str, m: re.Match, py: int | None, pm: int | None, text: str,
          cal: tuple[int, bool] = CALENDAR_YEAR) -> DateExpr | None:
    s, e = m.span()
    if kind == "fy":
        ys, ys2 = m.group(1), m.group(2)
        y = int(ys) if len(ys) == 4 else 2000 + int(ys)
        if ys2:  # "FY2019-20", "2024/25": both years, whatever the calendar
            y1 = int(ys2) if len(ys2) == 4 else y - y % 100 + int(ys2)
            if not (y < y1 <= y + 1):
                return None
            d = DateExpr(s, e, "span", y, y1)
        elif cal[0] not in (1, 10) and m.group().lower().startswith("budget"):
            # "Budget 2024" where budgets come just before a year that starts in spring or summer
            # (Ontario, India, Australia): the fiscal year it opens, 2024-25 (the US names its
            # budgets by the fiscal year they end in, which fiscal_year reads)
            d = DateExpr(s, e, "span", y, y + 1)
        else:
            d = DateExpr(s, e, "span", *fiscal_year(y, cal))
        if _AT_END_OF_BEFORE_RE.search(text, max(0, s - 20), s):
            # "a $19.2 billion liability at the end of fiscal 2012": a stock at the year's last day
            return DateExpr(s, e, "point", d.y1, d.y1)
        d.whole = True
        return d
    if kind == "nto":
        return _months_to(m, s, e, py, pm)
    if kind == "mrange":
        m0, m1 = (MONTHS.get(m.group(i).lower().rstrip(".")) for i in (1, 2))
        if m0 is None or m1 is None or m0 == m1:
            return None
        if m.group(3):
            y = int(m.group(3))
        elif m.group(4) and py is not None:  # "January-November last year"
            y = py + {"last": -1, "this": 0, "next": 1}[m.group(4).lower()]
        elif py is not None:
            y = py - 1 if pm is not None and m1 > pm else py
        else:
            return None
        y0 = y if m0 < m1 else y - 1  # "October-March": from the year before
        d = DateExpr(s, e, "span" if y0 != y else "point", y0, y)
        d.whole = y0 != y
        d.bounds = ((y0, m0), (y, m1), None)
        return d
    if kind == "partlabel":
        if m.group(4) and cal[0] != 1:
            return None  # "1H FY25" where fiscal years are not calendar years: which months is the calendar's
        y = int(m.group(5).lstrip("'’"))
        y += 2000 if y < 100 else 0
        quarter, half, months = m.group(1), m.group(2), m.group(3)
        m0, m1 = ((int(quarter) - 1) * 3 + 1, int(quarter) * 3) if quarter else \
            ((1, 6) if half == "1" else (7, 12)) if half else (1, int(months))
        d = DateExpr(s, e, "point", y, y)
        d.written = True
        d.bounds = ((y, m0), (y, m1), None)
        return d
    if kind == "fye":
        end, y = MONTHS.get(m.group(1).lower().rstrip(".")), int(m.group(2))
        if end is None:
            return None
        first = y * 12 + end - 12  # months since year 0 of the year's first month, zero-based
        d = DateExpr(s, e, "span" if first // 12 != y else "point", first // 12, y)
        d.whole = d.kind == "span"
        d.written = True
        d.bounds = ((first // 12, first % 12 + 1), (y, end), None)
        return d
    if kind == "mspan":
        m0, m1 = (MONTHS.get(m.group(i).lower().rstrip(".")) for i in (1, 3))
        y0, y1 = int(m.group(2)), int(m.group(4))
        if m0 is None or m1 is None or not (y0 * 12 + m0 < y1 * 12 + m1 <= y0 * 12 + m0 + 120):
            return None
        d = DateExpr(s, e, "span" if y0 != y1 else "point", y0, y1)
        d.whole = y0 != y1
        d.bounds = ((y0, m0), (y1, m1), None)
        d.written = True
        return d
    if kind == "nyearsto":
        n, last = _count(m.group(1)), int(m.group(2))
        if m.group(3):  # a fiscal year "2028-29": its second year ends the stretch
            y1 = int(m.group(3)) if len(m.group(3)) == 4 else last - last % 100 + int(m.group(3))
            if y1 != last + 1:
                return None
            return DateExpr(s, e, "span", last - n + 1, y1) if 1 < n <= 50 else None
        return DateExpr(s, e, "span", last - n + 1, last) if 1 < n <= 50 else None
    if kind == "span":
        y0 = int(m.group(1))
        y1s = m.group(2) or m.group(3)
        y1 = int(y1s)
        if len(y1s) == 2:
            y1 += y0 - y0 % 100
            if y1 < y0:
                y1 += 100
        if not (y0 < y1 <= y0 + 80):  # "from 1955 to 2020": histories span decades
            return None
        d = DateExpr(s, e, "span", y0, y1)
        d.whole = bool(m.group(2)) and y1 == y0 + 1  # "2024-25", "2019/20": a fiscal year
        return d
    if kind == "point":
        y = int(m.group(1))
        if _PRICE_BASE_RE.match(text, e):
            return None
        return DateExpr(s, e, "point", y, y)
    if kind == "since":
        y = int(m.group(1))
        return DateExpr(s, e, "since", y, None)
    if kind == "compare":
        y = int(next(g for g in m.groups() if g and g.isdigit()))
        return DateExpr(s, e, "compare", y, y)
    if kind == "decade":
        y = int(m.group(1))
        return DateExpr(s, e, "span", y, y + 9)
    if kind == "carry":
        return DateExpr(s, e, "carry")
    if kind == "prevyear":
        return DateExpr(s, e, "prevshift", n=1, sign=-1)
    if kind == "plan":
        o = (m.group(1) or m.group(2)).lower()
        n = PLAN_NUMS.get(o) or int(re.match(r"\d+", o).group())
        y0 = 1966 + 5 * (n - 3)  # the Third Plan began in 1966 after the 1963-65 readjustment
        y1 = y0 + 4
        if py is not None and y0 <= py < y1:
            y1 = py  # a plan still under way covers the years so far
        return DateExpr(s, e, "span", y0, y1)
    if kind == "sincethen":
        return DateExpr(s, e, "sincethen")
    if kind == "shift":
        n = _count(m.group(1)) * (10 if m.group(2).lower().startswith("decade") else 1)
        word = m.group(3).lower()
        if word == "on":
            return None  # "year on year"
        return DateExpr(s, e, "shift", n=n, sign=-1 if word in ("after", "earlier") else 1)
    # --- relative to the publication date ----------------------------------------------------
    if py is None:
        return None
    g = m.group().lower()
    if kind == "this":
        if cal[0] != 1 and g.endswith("current year") and (_TWO_YEARS_RE.search(text) or _FY_NUMBER_RE.search(text)):
            # "for the current year" in a text that writes its years as fiscal years ("the
            # 2025-26 budget"): the fiscal year under way
            y0, y1 = current_fiscal(py, pm, cal)
            d = DateExpr(s, e, "span", y0, y1)
            d.whole = True
            return d
        return DateExpr(s, e, "point", py, py)
    if kind == "fullyear":
        y0, y1 = current_fiscal(py, pm, cal)
        ahead = g.endswith(("guidance", "outlook")) or _FUTURE_BEFORE_RE.search(text, max(0, s - 60), s)
        if pm is not None and (pm - cal[0]) % 12 < 6 and not ahead:  # results of the year just ended
            y0, y1 = y0 - 1, y1 - 1
        d = DateExpr(s, e, "span" if y0 != y1 else "point", y0, y1)
        d.whole = y0 != y1
        return d
    if kind == "fyrel":
        which = m.group(1).lower()
        shift = -1 if which in ("last", "previous", "prior", "past") else 1 if which in ("next", "coming", "new") else 0
        if g.endswith("budget"):  # "next year's budget": the fiscal year that begins next year
            y0 = py + shift
            y1 = y0 + 1 if cal[0] > 1 else y0
        else:
            starts = _FY_STARTS_AFTER_RE.match(text, e)
            if starts and MONTHS.get(starts.group(1).lower().rstrip(".")):
                # "the new fiscal year starting on April 1": the text says when its years begin
                cal = (MONTHS[starts.group(1).lower().rstrip(".")], cal[1])
            y0, y1 = current_fiscal(py, pm, cal)
            if which == "new":  # "the new fiscal year": the one just begun, else the next
                shift = 0 if pm is None or cal[0] == 1 or pm - cal[0] in (0, 1) else 1
            y0, y1 = y0 + shift, y1 + shift
        if _YEAR_WRITTEN_AFTER_RE.match(text, e):
            return None  # "the previous fiscal year 2023-24": the year it writes says which
        d = DateExpr(s, e, "span" if y0 != y1 else "point", y0, y1)
        d.whole = True
        d.before_stated = which in ("previous", "prior")
        return d
    if kind == "record":
        n = _count(m.group(1))
        unit = m.group(2).lower()
        months = n * {"y": 12, "d": 120, "q": 3, "m": 1}[unit[0]]
        now = py * 12 + (pm or 12) - 1
        d = DateExpr(s, e, "record", (now - months) // 12, py)
        return d
    if kind == "relcompare":
        if "last" not in m.group(1).lower():
            return None  # "than the previous year": no year stated
        if ("same" in g or "this" in g or "corresponding" in g or "equivalent" in g) and g.startswith("from"):
            # "rose 7% from the same period last year": a year-on-year rate; the figure is the
            # current year's (the sentence's or the text's own, else the publication year)
            return DateExpr(s, e, "yoy", py, py)
        # "compared with the same period last year", "ahead of this time last year": a named base,
        # the year before the figure's own (sign -1: see the comparison scopes)
        d = DateExpr(s, e, "compare", py - 1, py - 1)
        d.sign = -1
        return d
    if kind == "last":
        unit = g.split()[-1]
        if unit in ("year", "summer", "spring", "autumn", "fall", "winter", "season"):
            if g.startswith("past") and unit == "year":
                return DateExpr(s, e, "span", py - 1, py)
            return DateExpr(s, e, "point", py - 1, py - 1)
        if unit == "month":
            y = py - 1 if pm == 1 else py
        elif unit == "quarter":
            y = py - 1 if pm is not None and pm <= 3 else py
        elif unit == "half":
            y = py - 1 if pm is None or pm <= 6 else py
        else:
            y = py
        return DateExpr(s, e, "point", y, y)
    if kind == "next":
        return DateExpr(s, e, "point", py + 1, py + 1)
    if kind == "ago":
        n = _count(m.group(1)) * (10 if m.group(2).lower().startswith("decade") else 1)
        d = DateExpr(s, e, "point", py - n, py - n)
        d.base = py  # "up from 1.1 trillion a year ago": the rest of the sentence is today's
        return d
    if kind == "past":
        n = _count(m.group(1))
        unit = m.group(2).lower()
        years = n * (10 if unit.startswith("decade") else 1)
        # published in the first quarter, an article's "past six years" end with the last
        # completed year (its data are last year's); otherwise they run to the publication year
        d = DateExpr(s, e, "span", py - years, py - 1 if pm is not None and pm <= 3 and years > 1 else py)
        if m.group(1) is None and years == 1:
            # "up 4.1% over the last year": the twelve months to now, a window of that figure's
            # own that the figures of the sentences after it do not take
            d.months, d.window = 12, True
        return d
    if kind == "inyears":
        n = _count(m.group(2))
        if n < 2:
            return None
        if _ORDINAL_COUNT_BEFORE_RE.search(text, max(0, s - 40), s):
            # "Sony's sixth net loss in seven years": a record over the years to now, no period
            # of the figures after it
            return DateExpr(s, e, "record", py - n, py)
        if _FUTURE_BEFORE_RE.search(text, max(0, s - 60), s) or _ANNOUNCED_BEFORE_RE.search(text, max(0, s - 60), s):
            d = DateExpr(s, e, "span", py, py + n)
            d.sentence_only = True  # "4 lakh recruitments in five years": that pledge's years only
            return d
        if m.group(1).lower() in ("over", "across"):
            # "a $107.3 billion allocation over four years", "will spend R50bn over three years":
            # money set aside for the years ahead; "grew 40% over five years": the years to now
            if n > 30:
                return None  # "aged over 65 years": an age, not a stretch of time
            if _SET_ASIDE_RE.search(text, max(0, s - 60), s) or _FUTURE_AFTER_RE.match(text, e) \
                    or (_AMOUNT_JUST_BEFORE_RE.search(text, max(0, s - 40), s) and _PURPOSE_AFTER_RE.match(text, e)
                        and not _CHANGED_BEFORE_RE.search(text, max(0, s - 60), s)
                        and not _SPENT_BEFORE_RE.search(text, max(0, s - 60), s)):
                # "$3.3 billion over 3 years to provide high-speed Internet": a sum to be spent
                return DateExpr(s, e, "span", py, py + n)
            if not _CHANGED_BEFORE_RE.search(text, max(0, s - 60), s):
                return None
        d = DateExpr(s, e, "span", py - n, py)
        d.n = n
        d.sentence_only = True  # "increased 160 times in 65 years": that figure's years, not the text's
        return d
    if kind == "future":
        n = _count(m.group(1))
        unit = m.group(2).lower()
        years = n * (10 if unit.startswith("decade") else 1)
        return DateExpr(s, e, "span", py, py + years)
    if kind == "weekday":
        # "shares rose 2% on Friday", "the bank on Monday cut its rate by 50 basis points": the
        # publication week, for the figures of its sentence that no other date of it dates
        d = DateExpr(s, e, "point", py, py)
        d.sentence_only = d.weekday = True
        return d
    if kind == "now" and g == "today" and (_SAID_TODAY_RE.search(text, max(0, s - 120), s)
                                          or _STATEMENT_BEFORE_RE.search(text, max(0, s - 30), s)):
        return None  # "In a statement today, the chief statistician said ...": when it was said
    if kind == "now":
        return DateExpr(s, e, "point", py, py)
    if kind == "month" and m.group()[:3].lower() in ("in ", "in\t") and _FORECAST_WHEN_RE.search(text, max(0, s - 40), s):
        return None  # "smaller than forecast in the Budget in May": when the forecast was made
    if kind == "month":
        mm = re.search(_MONTH, m.group())
        if not mm:
            return None
        mon = MONTHS.get(mm.group().lower().rstrip("."))
        if mon is None:
            return None
        y = py - 1 if pm is not None and mon > pm else py
        ahead = (not g.startswith(("since", "back")) and pm is not None and mon != pm
                 and _FUTURE_MONTH_RE.search(text, max(0, s - 120), s) is not None
                 and not _PAST_VERB_BEFORE_RE.search(text, max(0, s - 24), s))
        if ahead:  # "will be disbursed in September": the next September
            y = py + (mon < pm)
            d = DateExpr(s, e, "point", y, y)
            d.ahead = True
            d.bounds = ((y, mon), (y, mon), _day_in(m.group()))
            return d
        if g.startswith("since"):  # "since October": from then until the publication
            return DateExpr(s, e, "span", y, py) if y < py else DateExpr(s, e, "point", y, y)
        d = DateExpr(s, e, "point", y, y)
        d.bounds = ((y, mon), (y, mon), _day_in(m.group()))
        return d
    if kind == "firstn":
        g = m.group().lower()
        n = _count(m.group(1)) * (3 if m.group(2).lower() == "quarters" else 1)
        if m.group(3) and n <= 12:  # of a year named: its first (or last) n months
            y = int(m.group(3))
            d = DateExpr(s, e, "point", y, y)
            d.bounds = ((y, 1), (y, n), None) if "first" in g else ((y, 13 - n), (y, 12), None)
            return d
        if "first" not in g:
            # "over the past 12 months": the last n whole months before the publication
            if pm is None:
                return None
            first, last = py * 12 + pm - 1 - n, py * 12 + pm - 2  # months since year 0, zero-based
            d = DateExpr(s, e, "span" if first // 12 != last // 12 else "point", first // 12, last // 12)
            d.bounds = ((first // 12, first % 12 + 1), (last // 12, last % 12 + 1), None)
            return d
        y = py - 1 if pm is not None and n > pm else py
        d = DateExpr(s, e, "point", y, y)
        if n <= 12:
            d.bounds = ((y, 1), (y, n), None)
        return d
    if kind == "quarter":
        if _REPORT_AFTER_RE.match(text, e):
            return None  # "its second quarter report for its 2018-19 fiscal year": the report's name
        if m.group(4):
            start_month = MONTHS[m.group(4).lower()] - 2
        elif m.group(3):
            q = m.group(3)
            start_month = (int(q[1]) - 1) * 3 + 1 if q[0] == "Q" else (1 if q == "H1" else 7)
        else:
            which, unit = m.group(1).lower(), m.group(2).lower()
            idx = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3,
                   "fourth": 4, "4th": 4, "final": 4, "last": 4}[which]
            if unit == "half":
                if idx > 2:
                    idx = 2
                start_month = 1 if idx == 1 else 7
            else:
                start_month = (idx - 1) * 3 + 1
            if cal[0] != 1 and _FISCAL_BEFORE_RE.search(text, max(0, s - 10), s):
                # "the fiscal fourth quarter" where the year starts in April: January-March, the
                # latest such part that has begun by publication
                months = start_month - 1 + cal[0] - 1
                first = (py * 12 + months % 12) - (12 if pm is not None and months % 12 + 1 > pm else 0)
                y0, m0 = divmod(first, 12)
                y1, m1 = divmod(first + _part_length(m.group()), 12)
                d = DateExpr(s, e, "point" if y0 == y1 else "span", y0, y1)
                d.bounds = ((y0, m0 + 1), (y1, m1 + 1), None)
                return d
        y = py - 1 if pm is not None and start_month > pm else py
        d = DateExpr(s, e, "point", y, y)
        d.bounds = ((y, start_month), (y, start_month + _part_length(m.group())), None)
        return d
    return None  # pragma: no cover


_FY_STARTS_AFTER_RE = re.compile(rf",?{_S}+(?:(?i:which|that){_S}+)?(?i:starting|beginning|starts|begins|began|started)"
                                 rf"{_S}+(?:(?i:on|in){_S}+)?(?:\d{{1,2}}{_S}+)?({_MONTH})")
_FISCAL_BEFORE_RE = re.compile(rf"\b(?i:fiscal|financial|business){_S}+(?:(?i:the){_S}+)?$")
_DAY_RE = re.compile(r"(?<![\d,.])(\d{1,2})(?:st|nd|rd|th)?(?![\d,.]?\d)")
# what a written year is a part of: "the third quarter of 2022", "Q3 2017", "H1 2024",
# "June 30, 2023", "30 June 2023", "March 2019"
_PART_BEFORE_RE = re.compile(
    rf"(?:\b(?i:(first|second|third|fourth|final|1st|2nd|3rd|4th)(?:{_S}+|[-‑])(quarter|half))(?:{_S}+(?:of|in))?"
    rf"|\b(Q[1-4]|H[12])|\b(March|June|September|December){_S}+(?i:quarter)(?:{_S}+(?:of|in))?"
    rf"|\b(?:(\d{{1,2}})(?:st|nd|rd|th)?{_S}+)?({_MONTH})(?:{_S}+(\d{{1,2}})(?:st|nd|rd|th)?)?,?)"
    rf"{_S}*(?:(?i:of){_S}+)?$")


def _part_length(g: str) -> int:
    """Months after the first of a quarter (2) or a half (5) named in ``g``."""
    g = g.lower()
    return 5 if ("half" in g or g.startswith("h")) else 2


def _day_in(g: str) -> int | None:
    d = _DAY_RE.search(g)
    return int(d.group(1)) if d and 1 <= int(d.group(1)) <= 31 else None


_MONTH_DAYS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _month_end(y: int, m: int) -> date:
    leap = m == 2 and y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)
    return date(y, m, _MONTH_DAYS[m - 1] + leap)


def _years_detail(period) -> tuple:
    y0, y1 = period
    if y0 is None:
        return None, None, None
    if y1 is None:  # "since 2020" with nothing later known
        return "multi_year", date(y0, 1, 1), None
    return ("year" if y0 == y1 else "multi_year"), date(y0, 1, 1), date(y1, 12, 31)


def _days_fit_years(detail: tuple, period) -> bool:
    """Do the first and last day of ``detail`` lie in the first and last year of ``period``?"""
    _, first, last = detail
    return ((first is None) == (period[0] is None) and (last is None) == (period[1] is None)
            and (first is None or first.year == period[0])
            and (last is None or last.year == period[1]))


def _written_part(text: str, d: DateExpr) -> tuple | None:
    """The months of the part of a written year the text names before it ("Q3 2017")."""
    m = _PART_BEFORE_RE.search(text, max(0, d.start - 28), d.start)
    if m is None:
        return None
    y = d.y0
    if m.group(1):
        idx = ORDINALS[m.group(1).lower()]
        if m.group(2).lower() == "half":
            first = 1 if idx == 1 else 7
            return (y, first), (y, first + 5), None
        return (y, idx * 3 - 2), (y, idx * 3), None
    if m.group(3):
        q = m.group(3)
        first = (int(q[1]) - 1) * 3 + 1 if q[0] == "Q" else (1 if q == "H1" else 7)
        return (y, first), (y, first + _part_length(q)), None
    if m.group(4):  # "the June quarter of 2026"
        last = MONTHS[m.group(4).lower()]
        return (y, last - 2), (y, last), None
    mon = MONTHS.get(m.group(6).lower().rstrip("."))
    if mon is None:
        return None
    day = m.group(5) or m.group(7)
    day = int(day) if day and 1 <= int(day) <= monthrange(y, mon)[1] else None
    return (y, mon), (y, mon), day


def _detail(d: DateExpr, text: str, cal: tuple[int, bool], py, pm, pday) -> tuple:
    """(granularity, first day, last day) of date expression ``d`` as it resolved."""
    y0, y1 = d.y0, d.y1
    b = d.bounds
    if b is None and d.kind == "point" and d.written:
        b = _written_part(text, d)
    if b is None and d.kind == "point" and not d.written and y0 == y1 and y0 is not None \
            and text[d.start:d.end].lower().endswith("year"):
        part = _PART_BEFORE_RE.search(text, max(0, d.start - 28), d.start)
        if part is not None and (part.group(1) or part.group(3) or part.group(4)):
            b = _written_part(text, d)  # "the first quarter of this year", "the second half of last year"
    if b is None and d.kind == "point" and py is not None and y0 == py:
        g = text[d.start:d.end].lower()
        if d.kind == "point" and pm is not None and (g.endswith("month") or g.endswith("quarter")):
            mon = pm - 1 if g.startswith(("last", "past")) else pm  # "last month", "this quarter"
            if g.endswith("quarter"):
                q = (pm - 1) // 3 - (1 if g.startswith(("last", "past")) else 0)
                if q >= 0:
                    b = ((py, q * 3 + 1), (py, q * 3 + 3), None)
            elif mon >= 1:
                b = ((py, mon), (py, mon), None)
        elif d.end - d.start <= 24 and _NOW_RE.fullmatch(g) and pm is not None:
            b = ((py, pm), (py, pm), pday)  # "currently": the publication date
    if b is not None and d.whole and _FISCAL_IN_RE.search(text, d.start, d.end):
        (ya, ma), (yb, mb), _ = b  # "the financial year to March"
        return "fiscal_year", date(ya, ma, 1), _month_end(yb, mb)
    if b is not None:
        (ya, ma), (yb, mb), day = b
        if day is not None and (ya, ma) == (yb, mb) and day <= monthrange(ya, ma)[1]:
            return "day", date(ya, ma, day), date(ya, ma, day)
        n = yb * 12 + mb - (ya * 12 + ma) + 1
        gran = {3: "quarter", 6: "half", 12: "year"}.get(n, "month" if n < 12 else "multi_year")
        return gran, date(ya, ma, 1), _month_end(yb, mb)
    if d.whole:  # a fiscal year
        start = cal[0]
        if y1 == y0 + 1 and start > 1:
            return "fiscal_year", date(y0, start, 1), date(y1, start, 1) - timedelta(days=1)
        return "fiscal_year", date(y0, 1, 1), date(y1, 12, 31)
    return _years_detail((y0, y1))


_NOW_RE = re.compile(_BY_KIND["now"].pattern)
_FORECAST_WHEN_RE = re.compile(r"\b(?:forecast|forecasted|projected|predicted|estimated|budgeted|announced|published|"
                               r"presented|pencilled|penciled)(?:\s+(?:in|at|by)\s+(?:the|its|a)\s+[\w'-]+(?:\s+[\w'-]+)?)?\s*$", re.I)
_SAID = r"said|says|told|announced|reported|stated"
# "he said during an online presentation ... today": when it was said ("said that today 5 million
# people are unemployed" is what was said)
_SAID_TODAY_RE = re.compile(rf"\b(?:{_SAID})\b(?![^.;:!?\n]*\bthat\b)[^.;:!?\n]*$", re.I)
_STATEMENT_BEFORE_RE = re.compile(r"\b(?:statement|briefing|speech|address|conference|interview)[ \t]+$", re.I)
_FISCAL_IN_RE = re.compile(r"(?i:fiscal|financial|business|budget)")


def _set_details(text: str, cands: list, src: dict, cal, pub_date: str | None, per: dict) -> dict:
    """Each figure's (granularity, first day, last day): the date expression's own where the
    figure took its period unchanged from one, else the bounds of its years."""
    py, pm = pub_parts(pub_date)
    dm = re.match(r"\s*\d{4}-\d{1,2}-(\d{1,2})", pub_date) if isinstance(pub_date, str) else None
    pday = int(dm.group(1)) if dm else None
    cache: dict[int, tuple] = {}
    details: dict[object, tuple] = {}
    for c in cands:
        d = src.get(id(c))
        seen = 0
        while d is not None and d.kind == "carry" and d.carried is not None and seen < 8:
            d, seen = d.carried, seen + 1  # "in the same year": the days of the year it names again
        if per[c][0] is None:
            details[c] = (None, None, None)
        elif d is not None and d.res == per[c] == (d.y0, d.y1):
            if id(d) not in cache:
                try:
                    cache[id(d)] = _detail(d, text, cal, py, pm, pday)
                except ValueError:  # a month or day out of range: the years only
                    cache[id(d)] = _years_detail(per[c])
            details[c] = cache[id(d)]
            # A figure can take other years than its expression's days ("12 months to
            # December": the stretch itself spans both years of its comparison); its days are
            # then those of its years, so they never contradict period_start and period_end.
            if not _days_fit_years(details[c], per[c]):
                details[c] = _years_detail(per[c])
        else:
            details[c] = _years_detail(per[c])
    return details


# ---------------------------------------------------------------------------------------------
# assignment
# ---------------------------------------------------------------------------------------------
def fiscal_country(places, parent_of) -> str | None:
    """The country whose fiscal calendar a text's figures follow: of the places they are about
    (``places``, one per figure; ``parent_of`` maps a place to the one containing it), the one
    each place lies in that has a fiscal calendar of its own (Queensland: Australia, Hong Kong:
    Hong Kong), else its country; the most common such country.

    >>> fiscal_country(["Queensland", "Queensland", None], {"Queensland": "Australia"})
    'Australia'
    """
    counts: dict[str, int] = {}
    for p in places:
        if not p:
            continue
        top, seen = p, set()
        while _COUNTRY_ALIASES.get(top, top) not in FISCAL_CALENDARS and parent_of.get(top) and top not in seen:
            seen.add(top)
            top = parent_of[top]
        counts[top] = counts.get(top, 0) + 1
    return max(counts.items(), key=lambda kv: kv[1])[0] if counts else None


def periods_of(text: str, sents, cands: list, pub_date: str | None,
               country: str | None = None) -> dict[object, Period]:
    """The period of every candidate figure, keyed by figure; ``country`` (the text's, if
    known) sets the fiscal calendar of "fiscal 2016" and "the current business year"."""
    if not cands:
        return {}
    # the years each figure takes, worked out sentence by sentence (later rules read earlier ones')
    per: dict[object, tuple[int | None, int | None]] = {c: _NO_YEARS for c in cands}
    py, _ = pub_parts(pub_date)
    cal = calendar_of(country, text)
    dates = find_dates(text, pub_date, [(c.cs, c.ce) for c in cands], cal)
    labels = _bracket_labels(text, dates)
    if labels:
        dates = [d for d in dates if d not in labels]
    # "160 times in 65 years" is the text's own "from 1955 to 2020" when it states one that long
    spans = [(d.y0, d.y1) for d in dates if d.kind == "span" and d.written]
    for d in dates:
        if d.kind == "span" and d.n:
            d.y0, d.y1 = next(((a, b) for a, b in spans if b - a == d.n), (d.y0, d.y1))
    by_sent: dict[int, list[DateExpr]] = {}
    for d in dates:
        by_sent.setdefault(sents.of(d.start), []).append(d)
    figs_by_sent: dict[int, list] = {}
    for c in cands:
        figs_by_sent.setdefault(c.sent, []).append(c)
    running: tuple[int, int] | None = None
    running_d: DateExpr | None = None
    src: dict[int, DateExpr] = {}  # the date expression each figure took its period from
    # the last span of several years stated, while the dates carried since lie at its end
    # ("since 2013/14 to 2024/25 ... In FY 2024/25, ... counties that have received Sh90 billion")
    multi: tuple[int, int] | None = None
    multi_d: DateExpr | None = None
    listed: tuple | None = None  # the period running where a bulleted list began
    item_line = -1  # where the line of the list's current item begins
    for si in sorted(set(by_sent) | set(figs_by_sent)):
        ds = by_sent.get(si, [])
        line = _bullet_line(text, sents.spans[si][0]) if "\n" in text and si < len(sents.spans) else -1
        if line >= 0:
            # "• Gas tax reduced till December 31, 2024 • $1 billion for housing": the items of a
            # list are parallel; a date inside one is not the next one's (its own sentences share it)
            if listed is None:
                listed = (running, running_d)
            elif line != item_line:
                running, running_d = listed
            item_line = line
        else:
            listed = None
        resolved = _resolve(text, ds, running, py, running_d)
        tail = multi is not None and running is not None and running != multi and running[0] is not None \
            and multi[0] <= running[0] and running[1] == multi[1]
        if tail:  # "over the period": the whole span, not its last year
            for d in ds:
                if d.kind == "carry" and id(d) in resolved and not _SAME_OR_THAT_RE.search(text, d.start, d.end) \
                        and not any(o.start < d.start and o.kind in ("point", "span", "since") for o in ds):
                    resolved[id(d)] = multi
        for d in ds:
            d.res = resolved.get(id(d))
        figs = figs_by_sent.get(si, [])
        if figs:
            s_start, s_end = sents.spans[si] if si < len(sents.spans) else (0, len(text))
            bases = _assign_sentence(text, s_start, s_end, figs, ds, resolved, running, py, src, running_d, per)
            if len(figs) > 1 and text.find("respectively", s_start, s_end) != -1:
                _respectively(text, figs, ds, resolved, src, per)
            if text.find("year", s_start, s_end) != -1 and _YEAR_AGO_WORD_RE.search(text, s_start, s_end):
                _year_ago_levels(text, s_start, s_end, figs, py, src, per)
            if tail and not any(id(d) in resolved for d in ds) and text.find("ha", s_start, s_end) != -1:
                for c in figs:  # "which has received Sh124 billion": the total over the span so far
                    lo, _ = clause_bounds(text, s_start, s_end, c.start)
                    if _PERFECT_RE.search(text, lo, c.start):
                        per[c] = multi
                        src[id(c)] = multi_d
        else:
            bases = set()
        # the last date stated carries on (a point or span before a "since" or a comparison)
        for kinds in (("point", "span", "carry", "shift"), ("since", "sincethen")):
            d = next((d for d in reversed(ds) if d.kind in kinds and id(d) in resolved
                      and id(d) not in bases and not d.ahead and not (d.window and running is not None)
                      and not d.sentence_only and not _CAUSE_BEFORE_RE.search(text, max(0, d.start - 70), d.start)
                      and not (d.kind == "span" and py is not None and (resolved[id(d)][1] or 0) > py
                               and not (d.whole and (resolved[id(d)][0] or 0) <= py))), None)
            if d is not None and d.kind in ("since", "sincethen") and running is not None \
                    and running_d is not None and running_d.kind not in ("since", "sincethen"):
                break  # "Since devolution in 2013, Kisumu has received ...": an aside; the period runs on
            if d is not None:
                running, running_d = resolved[id(d)], d
                break
        if running is not None and running[0] is not None and running[1] is not None:
            if running[1] - running[0] >= 2 and not (running_d is not None and running_d.whole):
                multi, multi_d = running, running_d
            elif multi is not None and not (multi[0] <= running[0] and running[1] <= multi[1]):
                multi = multi_d = None
    if py is None:
        _blank_unknown_years(per, src)
        _undated_fiscal_year(text, cands, dates, src, per)
    _restated(text, cands, by_sent, src, per)
    for d, close in labels.items():  # "(H1 2024: 5.52 billion euros)": the label dates its bracket only
        for c in cands:
            if d.end <= c.start < close:
                per[c] = (d.y0, d.y1)
                src[id(c)] = d
    _changes_from_a_base(text, cands, src, per, sents)
    _ranges_like_the_last(text, cands, by_sent, per)
    for c in cands:  # a converted amount has its partner's period
        if c.link_type == "conversion" and c.link is not None and c.start > c.link.start:
            per[c] = per.get(c.link, _NO_YEARS)
            if id(c.link) in src:
                src[id(c)] = src[id(c.link)]
    details = _set_details(text, cands, src, cal, pub_date, per)
    return {c: Period(*per[c], *details[c]) for c in cands}


_NO_YEARS: tuple[int | None, int | None] = (None, None)


_LABEL_OPEN_RE = re.compile(r"\([ \t]*(?:(?:[HQ][1-4]|[1-9]M|FY|1H|2H|[1-4]Q)[ \t]?)?$")  # "(2023:", "(H1 2024:"


def _bracket_labels(text: str, dates: list[DateExpr]) -> dict[DateExpr, int]:
    """The dates that label a bracketed comparison ("5.67 billion euros (H1 2024: 5.52 billion
    euros)", "(2023: $3.9 billion)"), a company report's way to give the year before: each with
    where its bracket closes. They date what the bracket holds, neither the figures around it
    nor the sentences after it."""
    out: dict[DateExpr, int] = {}
    for d in dates:
        if d.kind in ("point", "span") and d.y0 is not None and text.startswith((":", "："), d.end) \
                and _LABEL_OPEN_RE.search(text, max(0, d.start - 6), d.start):
            close = text.find(")", d.end, d.end + 120)
            if close != -1:
                out[d] = close
    return out


def _unknown_year(y: int | None) -> bool:
    """A year worked out from ``UNKNOWN_YEAR`` (relative to a publication date the text lacks)."""
    return y is not None and y >= UNKNOWN_YEAR - 1000


def _unknown(d: DateExpr) -> bool:
    return _unknown_year(d.y0) or _unknown_year(d.y1)


def _blank_unknown_years(per: dict, src: dict) -> None:
    """An undated text's years worked out from its relative dates: unknown."""
    for c, (y0, y1) in per.items():
        if _unknown_year(y0) or _unknown_year(y1):
            per[c] = (None if _unknown_year(y0) else y0, None if _unknown_year(y1) else y1)
            src.pop(id(c), None)


_YEARLESS_FISCAL_RE = re.compile(rf"\b(?i:fiscal|financial|full)[ -](?i:year)\b(?!{_S}*(?:\d|(?i:FY|ended|ending|to)\b))")


def _undated_fiscal_year(text: str, cands: list, dates: list, src: dict, per: dict) -> None:
    """An undated company report that says "fiscal year net profit" and names one fiscal year
    ("the total dividend for fiscal 2024/25"): its undated figures are that year's. (Never a
    relative date: an undated text still gives "last year" no year.)"""
    years = {(d.y0, d.y1) for d in dates if d.whole and d.kind == "span" and d.y1 == d.y0 + 1}
    if len(years) != 1 or not _YEARLESS_FISCAL_RE.search(text):
        return
    fy = next(iter(years))
    d = next(d for d in dates if (d.y0, d.y1) == fy and d.whole)
    for c in cands:
        if per[c] == (None, None):
            per[c] = fy
            src[id(c)] = d


_FROM_JUST_BEFORE_RE = re.compile(rf"\b(?i:from){_S}+$")
_TO_BETWEEN_RE = re.compile(rf"[^.;:!?]{{0,60}}?{_S}to{_S}+$")


def _ranges_like_the_last(text: str, cands: list, by_sent: dict, per: dict) -> None:
    """"Inflation declined from 9.3% at the end of 2023 to 5.2% at the end of 2024. Food price
    inflation declined from 5.0% to 3.3%": a from/to pair with no date of its own, after one whose two
    ends are dated and with no other date between them, runs between the same two dates."""
    last: tuple | None = None  # (sentence, first end's period, second end's period)
    for a, b in zip(cands, cands[1:]):
        if last is not None and a.sent != last[0] and by_sent.get(a.sent):
            last = None  # a sentence with dates of its own in between: the pair no longer runs on
        if a.sent != b.sent or not _FROM_JUST_BEFORE_RE.search(text, max(0, a.start - 8), a.start) \
                or not _TO_BETWEEN_RE.fullmatch(text, a.end, b.start):
            continue
        if per[a][0] is not None and per[a][0] == per[a][1] and per[b][0] == per[b][1] \
                and per[b][0] is not None and per[a][0] < per[b][0]:
            last = (a.sent, per[a], per[b])
        elif last is not None and per[a] == per[b] == last[2]:
            per[a] = last[1]


# a change set against the level of an earlier period: "7.2% larger than the revised estimate of
# Rs 3,71,980 crore for 2024-25", "up 8.1% from this year's 673 trillion won"
_CHANGE_FROM_FIGURE_RE = re.compile(
    rf"(?:{_S}+(?i:larger|smaller|higher|lower|more|less|bigger|greater|above|below))?,?{_S}+"
    rf"(?i:than|from|over|compared{_S}+(?:with|to)|against){_S}+(?:[\w'’-]+{_S}+){{0,5}}?")
_YEAR_AGO_AFTER_LEVEL_RE = re.compile(rf"{_S}+(?i:a|one|the){_S}+(?i:year){_S}+(?i:earlier|ago|before)\b")
# "¥96 a share for fiscal 2025, up ¥8": the change of the level just named (not one with a base
# of its own: "an increase of 3,000 yuan over 2013")
_UP_AFTER_LEVEL_RE = re.compile(rf"(?:{_S}+(?i:for|in|during|at){_S}+[^,;.!?]{{1,30}})?,{_S}*(?i:up|down){_S}+")
_BASE_AFTER_RE = re.compile(rf"{_S}+(?i:over|from|than|compared|on|against|versus)\b")
_CHANGE_AFTER_LEVEL_RE = re.compile(  # (the level's own date may stand between: "¥96 for fiscal 2025, up ¥8")
    rf"(?:{_S}+(?i:for|in|during|at){_S}+[^,;.!?]{{1,30}})?,?{_S}*(?:(?i:up|down|higher|lower)|(?i:an?){_S}+(?i:increase|rise|decline|drop|fall|gain)(?:{_S}+of)?){_S}+")
# ... or against "a year earlier" itself: "36% higher than a year earlier", "rose 2.9% in
# September compared with a year earlier". FORMAT.md: "than a year earlier" is a named base
# (base-year), while "year-on-year" and "(up) from / on a year ago" on a rate keep its own period
_CHANGE_NOUNS = "increase|rise|decrease|decline|drop|fall|gain|growth|jump|reduction"
# "the same twelve-month period (of)", "the corresponding quarter in": a base of the same length
_SAME_PERIOD_OF = (rf"(?:(?i:the{_S}+(?:same|corresponding|equivalent)){_S}+(?:[\w-]+{_S}+)?"
                   rf"(?i:period|quarter|month|half|year){_S}+(?:(?i:of|in){_S}+)?)?")
_CHANGE_FROM_YEAR_AGO_RE = re.compile(
    rf"(?:{_S}+(?i:larger|smaller|higher|lower|more|less|bigger|greater|{_CHANGE_NOUNS}|improvement))?"
    # ("a 5 per cent increase over the same period a year earlier")
    rf"(?:{_S}+(?i:in|during){_S}+(?:[A-Z][a-z]+(?:{_S}+\d{{4}})?"  # "in September", "in the first quarter of the year"
    rf"|(?i:the){_S}+(?:[a-z-]+{_S}+){{0,2}}(?i:quarter|half|months?|year)(?:{_S}+(?i:of){_S}+(?:(?i:the){_S}+year|\d{{4}}))?))?,?{_S}+"
    rf"(?i:than|compared{_S}+(?:with|to)|over|versus){_S}+(?:(?i:in){_S}+)?"
    rf"{_SAME_PERIOD_OF}"
    rf"(?:(?i:a|one|the){_S}+(?i:year){_S}+(?i:earlier|ago|before)|(?P<prev>(?i:the){_S}+(?i:previous|prior|preceding){_S}+(?i:year)(?!['’]s)))\b"
    rf"|(?:{_S}+(?i:larger|smaller|higher|lower|more|less|bigger|greater))?,?{_S}+(?i:than|over){_S}+(?:(?i:in){_S}+)?the{_S}+(?i:year[- ]ago|year[- ]earlier|prior[- ]year|previous[- ]year){_S}+"
    rf"(?i:period|quarter|month|half|level|figure)\b")


_REACHING_RE = re.compile(rf"[^.;!?]{{0,60}}?,?{_S}*(?i:reaching|to|at|hitting|totall?ing|standing{_S}+at){_S}+(?:(?i:about|around|nearly|some){_S}+)?")
_CHANGE_BY_BEFORE_RE = re.compile(rf"\b(?i:{_CHANGE_NOUNS}|up|down)"
                                  rf"(?:{_S}+(?i:by|of))?{_S}+(?:(?i:about|around|nearly|almost|some|over|more{_S}+than){_S}+)?$")
# the change two compared levels make: "..., a decrease of", "... – an increase of", ", up"
_CHANGE_AFTER_LEVELS_RE = re.compile(
    rf"[^,;.!?]{{0,40}}?[,–—-]{_S}*(?:(?i:which{_S}+is{_S}+|or{_S}+)?(?:(?i:an?){_S}+)?(?i:{_CHANGE_NOUNS}|improvement)"
    rf"(?:{_S}+(?i:of|by))?|(?i:up|down)(?:{_S}+(?i:by))?){_S}+(?:(?i:about|around|nearly|almost|some|over|more{_S}+than){_S}+)?")


# what no change is counted from: another rate, or the length of the period the base is ("less
# than in the same twelve-month period a year ago")
_NOT_BASE_UNITS = frozenset({"%", "pp", "day", "week", "month", "quarter", "year", "decade"})


# "Compared with the corresponding period of the previous year, the services sector rose by
# 0.5%": the same, set before the sentence's figures
_FRONTED_YEAR_AGO_RE = re.compile(
    rf"[\s\"“(]*(?:(?i:as){_S}+)?(?i:compared){_S}+(?:with|to){_S}+{_SAME_PERIOD_OF}"
    rf"(?:(?i:a|one|the){_S}+(?i:year){_S}+(?i:earlier|before)|(?i:the){_S}+(?i:previous|prior|preceding){_S}+(?i:year)),")


def _changes_from_a_base(text: str, cands: list, src: dict, per: dict, sents) -> None:
    """A percentage change against the level of an earlier period runs from that period to its
    own end: against the figure after it, or against "a year earlier"."""
    fronted = {c.sent for c in cands if sents.spans and c.sent < len(sents.spans)
               and text.find("ompared", sents.spans[c.sent][0], c.start) != -1
               and _FRONTED_YEAR_AGO_RE.match(text, sents.spans[c.sent][0], c.start)}
    for i, c in enumerate(cands):
        p = cands[i - 1] if i else None
        if (c.unit not in ("%", "pp") and p is not None and p.sent == c.sent and p.unit == c.unit
                and per[p][0] is not None and per[c] != per[p]
                and _UP_AFTER_LEVEL_RE.fullmatch(text, p.end, c.start) and not _BASE_AFTER_RE.match(text, c.end)):
            per[c] = per[p]  # "a dividend of ¥96 a share for fiscal 2025, up ¥8": the level's change
            if id(p) in src:
                src[id(c)] = src[id(p)]
            continue
        if per[c][0] is None or per[c][1] is None or (
                c.unit not in ("%", "pp") and not _CHANGE_WORD_AFTER_RE.match(text, c.end)):
            continue
        y0, y1 = per[c]
        p = cands[i - 1] if i else None
        if (p is not None and p.sent == c.sent and per[p][0] is not None and p.unit not in ("%", "pp")
                and _CHANGE_AFTER_LEVEL_RE.fullmatch(text, p.end, c.start)):
            y0, y1 = per[p]  # "totals 728 trillion won, up 8.1% from ...": the level's change
        base = None
        n1 = cands[i + 1] if i + 1 < len(cands) else None
        n2 = cands[i + 2] if i + 2 < len(cands) else None
        if (c.unit in ("%", "pp") and n1 is not None and n2 is not None and n1.sent == n2.sent == c.sent
                and n1.unit == n2.unit and n1.unit not in ("%", "pp") and None not in per[n2]
                and per[n2][0] < y0 and _THAN_RE.search(text, n1.end, n2.start)
                and _REACHING_RE.fullmatch(text, c.end, n1.start)):
            # "rose by 1.72 per cent in the first quarter, reaching 110.12 points compared with 108.26
            # points for the same period in 2023": from the level it is compared with
            per[c] = (per[n2][0], y1)
            src.pop(id(c), None)
            continue
        q = next((f for f in reversed(cands[:max(0, i - 1)]) if p is not None and f.sent == p.sent and f.unit == p.unit), None)
        if (q is not None and p is not None and p.sent == c.sent
                and c.unit in ("%", "pp") and None not in per[p] and None not in per[q] and per[p] != per[q]
                and _THAN_RE.search(text, q.end, p.start) and _CHANGE_AFTER_LEVELS_RE.fullmatch(text, p.end, c.start)):
            # "RO 69.56 million for the period compared to RO 93.65 million in 2019, a decrease of
            # 25.7 per cent": the change between the two levels runs from the one's period to the other's
            per[c] = (min(per[p][0], per[q][0]), max(per[p][1], per[q][1]))
            src.pop(id(c), None)
            continue
        n = cands[i + 1] if i + 1 < len(cands) else None
        if (n is not None and n.sent == c.sent and per[n][0] is not None and n.unit not in _NOT_BASE_UNITS
                and _CHANGE_FROM_FIGURE_RE.fullmatch(text, c.end, n.start)
                and not _YEAR_AGO_AFTER_LEVEL_RE.match(text, n.end)):  # "from 8.4 million a year earlier": year-on-year
            base = per[n][0]
        elif text.find("year", c.end, c.end + 60) != -1 and (m := _CHANGE_FROM_YEAR_AGO_RE.match(text, c.end)):
            # ("compared to the previous year" of a fiscal year 2023-24 states no base year: its own)
            base = y0 - 1 if y0 == y1 or not m.group("prev") else None
        elif c.sent in fronted and y0 == y1 and (c.unit in ("%", "pp") or _CHANGE_WORD_AFTER_RE.match(text, c.end)):
            base = y0 - 1
        if base is not None and base < y0 and base <= y1:
            per[c] = (base, y1)
            src.pop(id(c), None)
    # "an increase by 574.5 billion Frw or 11.2% compared to ...": one change said twice
    for c, n in zip(cands, cands[1:]):
        if (n.unit in ("%", "pp") and c.unit not in ("%", "pp") and c.sent == n.sent and per[n][0] is not None
                and per[c][0] is not None and per[n][0] < per[c][0] and per[n][1] == per[c][1]
                and _OR_GAP_RE.fullmatch(text, c.end, n.start)
                and _CHANGE_BY_BEFORE_RE.search(text, max(0, c.start - 40), c.start)):
            per[c] = per[n]
            src.pop(id(c), None)


_SAME_OR_THAT_RE = re.compile(r"same|that", re.I)
_DEFINITE_BEFORE_RE = re.compile(r"(?<![\w])(?:the|this|that|these|those)[ \t\u00a0]+$", re.I)


def _restated(text: str, cands: list, by_sent: dict, src: dict, per: dict) -> None:
    """A figure named again with "the" in a sentence without a date ("we will need Rp 100 trillion
    in September. ... The Rp 100 trillion fund comes from savings") is the one stated before, and
    has its period, not the one carried from the sentences between."""
    first: dict[tuple, object] = {}
    for c in cands:
        key = (c.kind, c.unit, c.value)
        prev = first.get(key)
        if prev is None:
            first[key] = c
            continue
        if prev.sent == c.sent or per[prev][0] is None or per[c] == per[prev]:
            continue
        if by_sent.get(c.sent) and any(d.res is not None for d in by_sent[c.sent]):
            continue  # the sentence dates its own figures
        if _DEFINITE_BEFORE_RE.search(text, max(0, c.start - 8), c.start):
            per[c] = per[prev]
            if id(prev) in src:
                src[id(c)] = src[id(prev)]
            else:
                src.pop(id(c), None)
_YEAR_AGO_WORD_RE = re.compile(r"\b(?:year[- ]ago|year[- ]earlier|prior[- ]year|previous[- ]year|year[- ]on[- ]year|annual basis)\b", re.I)
# "down 13.03 per cent year-on-year from $27.244 billion": the level a year-on-year change starts from
_YOY_FROM_BEFORE_RE = re.compile(rf"\b(?:year[- ]on[- ]year|on{_S}+an{_S}+annual{_S}+basis){_S}+from{_S}+"
                                 rf"(?:(?:about|around|nearly|almost|some|roughly|an{_S}+estimated){_S}+)?$", re.I)
# "the year-ago level of $3.1 billion", "a year-earlier profit of 80 billion yen"
_YEAR_AGO_BEFORE_RE = re.compile(
    rf"\b(?:year[- ]ago|year[- ]earlier|prior[- ]year|previous[- ]year){_S}+(?:[a-z-]+{_S}+){{0,2}}?"
    rf"(?:level|figure|total|amount|period|quarter|month|half|result|profit|loss|sales|revenue|rate|reading|value)s?"
    rf"{_S}+(?:of|at|was|were|stood{_S}+at){_S}+(?:(?:about|around|some|nearly|almost|just|over|more{_S}+than){_S}+)?$", re.I)
# "$3.1 billion in the year-ago quarter", "80 billion yen a year earlier" is the "ago" and "shift" kinds'
_YEAR_AGO_AFTER_RE = re.compile(
    rf"{_S}*,?{_S}*(?:in|for|during|over|from){_S}+(?:the|a){_S}+(?:year[- ]ago|year[- ]earlier|prior[- ]year|previous[- ]year)"
    rf"{_S}+(?:period|quarter|month|half|year|season|week)\b", re.I)


def _year_ago_levels(text: str, s_start: int, s_end: int, figs, py, src, per: dict) -> None:
    """A level stated for "the year-ago quarter", or that a year-on-year change starts from ("down 13%
    year-on-year from $27.2 billion"), is the year before the period of its sentence (the
    year-on-year change beside it keeps its own)."""
    for c in figs:
        after = _after_conversion(text, c, s_end)
        own = src.get(id(c))
        dated_after = own is not None and 0 <= own.start - c.end <= 24  # "from 11.7 percent in January"
        if not (_YEAR_AGO_BEFORE_RE.search(text, max(s_start, c.start - 70), c.start)
                or _YEAR_AGO_AFTER_RE.match(text, after)
                or (not dated_after and _YOY_FROM_BEFORE_RE.search(text, max(s_start, c.start - 50), c.start))):
            continue
        y0, y1 = per[c] if per[c][0] is not None else (py, py)
        if y0 is None or y1 is None:
            continue  # an undated text: no year from a relative expression
        per[c] = (y0 - 1, y1 - 1)
        src.pop(id(c), None)
# a present perfect ("has received", "have risen", "has been spent"): a total up to now
_PERFECT_RE = re.compile(rf"\b(?:has|have)(?:{_S}+\w+ly)?(?:{_S}+been)?{_S}+\w+(?:ed|en|wn|nt|id|ot|st|ut|ung|de)\b", re.I)
_CONSECUTIVE_RE = re.compile(rf"\b({_N}){_S}+(?:consecutive{_S}+|straight{_S}+|successive{_S}+)?years{_S}+$", re.I)
# "by 2030", "by the end of 2027", "by end-2026", "by the end of the March quarter of 2026"
_BY_END_RE = re.compile(rf"\bby{_S}+(?:the{_S}+end{_S}+of{_S}+|end-)?(?:the{_S}+[a-z]+{_S}+(?:quarter|half){_S}+of{_S}+)?$", re.I)


def _resolve(text: str, ds: list[DateExpr], running, py, running_d=None) -> dict[int, tuple[int, int]]:
    """(start, end) years of each date expression of one sentence."""
    out: dict[int, tuple[int, int]] = {}
    for d in ds:
        if d.kind in ("point", "span", "compare", "record"):
            out[id(d)] = (d.y0, d.y1)
        if (((d.kind == "point" and (d.written or d.ahead)) or (d.kind == "span" and d.whole)) and py is not None and d.y0 > py
                and text.find("by", max(0, d.start - 45), d.start) != -1
                and _BY_END_RE.search(text, max(0, d.start - 45), d.start)):
            out[id(d)] = (py, d.y1)  # "to 5 million by 2030": a target, from now to that year
    for i, d in enumerate(ds):
        o = ds[i - 1] if i else None
        if (o is not None and d.kind == "point" and not d.written and id(o) in out and o.kind == "point"
                and text.startswith(("'s", "’s"), o.end) and d.start - o.end <= 30
                and _POSSESSED_PART_RE.fullmatch(text, o.end + 2, d.start)):
            # "last year's €43m first-half profit": the half of the year the possessive names
            out[id(d)] = out[id(o)]
        if d.before_stated:
            # "Rs 2.75 lakh crore for 2024-25, down from Rs 2.90 lakh crore in the previous financial
            # year": the fiscal year before the one named, not before the one under way
            named = [o for o in ds if o.start < d.start and o.kind == "span" and o.whole and o.written and id(o) in out]
            if named:
                y0, y1 = out[id(named[-1])]
                out[id(d)] = (y0 - 1, y1 - 1)
        if d.kind == "since":
            end = None
            later = [out[id(o)][1] for o in ds if o.kind in ("point", "span") and out[id(o)][1] > d.y0
                     and (py is None or out[id(o)][1] <= py)]  # not "by 2030": a target, no end of the since
            if later:
                end = max(later)
            elif py is not None and py >= d.y0:
                end = py
            n = _CONSECUTIVE_RE.search(text, max(0, d.start - 40), d.start) \
                if text.find("years", max(0, d.start - 40), d.start) != -1 else None
            if n and (end is None or d.y0 + _count(n.group(1)) - 1 <= end):
                end = d.y0 + _count(n.group(1)) - 1  # "for 20 consecutive years since 1989"
            out[id(d)] = (d.y0, end)  # "since 2020" with nothing later known: open-ended
        elif d.kind == "sincethen":
            if running is not None:
                end = max([out[id(o)][1] for o in ds if o.kind in ("point", "span") and id(o) in out] + [py or running[1], running[1]])
                out[id(d)] = (running[0], end)
        elif d.kind == "yoy":
            prev = [out[id(o)] for o in ds if o.kind in ("point", "span") and id(o) in out]
            out[id(d)] = prev[-1] if prev else running or (d.y0, d.y1)
        elif d.kind == "carry":
            before = [o for o in ds if o.start < d.start and o.kind in ("point", "span", "since") and id(o) in out]
            prev = [out[id(o)] for o in before]
            r = prev[-1] if prev else running
            d.carried = before[-1] if before else running_d
            if len(prev) >= 2 and all(a == b for a, b in prev) and prev[0][0] < prev[-1][0]:
                r = (prev[0][0], prev[-1][0])  # "from A in 2017 to B in 2021, ... in the same period"
                d.carried = None
            if r is not None:
                out[id(d)] = r
        elif d.kind in ("shift", "prevshift"):
            prev = [o for o in ds if o.start < d.start and id(o) in out
                    and (o.kind == "point" or (o.kind == "span" and o.whole))]
            if prev and prev[-1].kind == "span":  # "in FY2023-24 ..., a year earlier": the fiscal year before
                y0, y1 = out[id(prev[-1])]
                d.y0, d.y1 = y0 + d.sign * d.n, y1 + d.sign * d.n
                out[id(d)] = (d.y0, d.y1)
                d.base, d.whole = y1, True
                continue
            if (not prev and d.kind == "prevshift" and running is not None and running_d is not None
                    and running_d.whole and running_d.kind == "span" and None not in running):
                # "FY25 ... from the previous year's 9.2%": the fiscal year before the one running on
                d.y0, d.y1 = running[0] - d.n, running[1] - d.n
                out[id(d)] = (d.y0, d.y1)
                d.base, d.whole = running[1], True
                continue
            base = out[id(prev[-1])][0] if prev else (running[1] if running else py)
            if base is not None:
                y = base + d.sign * d.n
                out[id(d)] = (y, y)
                d.base = base
    # "during the Eleventh Five-Year Plan period, ... by the end of 2008 had reached": so far in the span
    if any(o.kind == "span" for o in ds):
        for d in ds:
            if d.kind == "point" and text.find("by", max(0, d.start - 20), d.start) != -1 \
                    and _BY_END_RE.search(text, max(0, d.start - 20), d.start):
                span = next((o for o in ds if o.kind == "span" and o.y0 < d.y0 <= o.y1), None)
                if span is not None:
                    out[id(d)] = (span.y0, d.y0)
    return out


_BULLET_RE = re.compile(r"[ \t]*(?:[•·▪◦‣*–—-]|\d{1,2}[.)])[ \t]+")


def _bullet_line(text: str, pos: int) -> int:
    """Where the line holding ``pos`` begins if it opens on a list bullet ("• $49 million to fight
    car theft"), else -1."""
    start = text.rfind("\n", 0, pos) + 1
    return start if _BULLET_RE.match(text, start) else -1


def _assign_sentence(text, s_start, s_end, figs, ds, resolved, running, py, src, running_d, per: dict) -> set[int]:
    """Set the period of the figures of one sentence (and in ``src`` the date expression each
    took it from); returns the ids of the dates that are only a comparison's base ("up from
    60,000 in 2019"), which later sentences do not take."""
    usable = [d for d in ds if id(d) in resolved]
    if not usable:  # no date in the sentence: the one carried over (the common case, kept cheap)
        if running is not None:
            for c in figs:
                per[c] = running
                if running_d is not None:
                    src[id(c)] = running_d
        return set()
    records = [d for d in usable if d.kind == "record"]
    plain = [d for d in usable if d.kind not in ("compare", "record")]
    if len(plain) > 1 and any(d.weekday for d in plain):
        plain = [d for d in plain if not d.weekday] or plain
    compares = [d for d in usable if d.kind == "compare"]
    fig_spans = [(c.start, c.end) for c in figs]

    def ref_year(before: int) -> int | None:
        prev = [resolved[id(d)][1] for d in plain if d.start < before]
        if prev:
            return prev[-1]
        if plain:
            return resolved[id(plain[0])][1]
        if running:
            return running[1]
        return py

    # comparison scopes: the clause (or bracket) holding the comparison, and a bracket after it
    scopes = []
    first_fig = min((fs for fs, _ in fig_spans), default=s_end)
    for d in compares:
        lo, hi = _compare_scope(text, s_start, s_end, d, first_fig)
        ref = ref_year(d.start)
        y = resolved[id(d)][0]
        if d.sign == -1 and ref is not None and ref - 1 < y:
            y = ref - 1  # "the third quarter (of 2024), up 4% on the same period last year": 2023
        if ref is not None and ref > y:
            # "rises 18% from 2024/25 to EGP 679 billion": the level it reaches is the current one's
            to = _TO_AMOUNT_AFTER_RE.match(text, d.end)
            if to is not None:
                scopes.append((d.end, hi, (ref, ref) if ref == y + 1 or not d.whole else (y + 1, ref), d.start))
            scopes.append((lo, hi, (y, ref), d.start))
    # local dates right after a figure
    local: dict[int, tuple[int, int]] = {}
    attached: set[int] = set()  # dates written right after some figure
    raw_local: dict[int, tuple[int, int]] = {}
    afters = {id(c): _after_conversion(text, c, s_end) for c in figs}  # where each figure's words resume
    for c in figs:
        after = afters[id(c)]
        for d in plain:
            if d.start < after:
                continue
            if any(after <= fs < d.start for fs, _ in fig_spans):
                break
            # (a year's part label is the date's own words: "recorded in the first quarter of 2022")
            part = _PART_BEFORE_RE.search(text, max(after, d.start - 32), d.start) if d.written else None
            d_start = part.start() if part is not None else d.start
            if d_start - after <= 40 and _GAP_LOCAL_RE.fullmatch(text, after, d_start):
                d.window = d.months > 0
                raw_local[id(c)] = resolved[id(d)]
                local[id(c)] = _period_of(text, s_start, c, d, resolved)
                src[id(c)] = d
                head = c.link if (c.link_type == "conversion" and c.link is not None and c.link.start < c.start) else c
                before = next((f for f in reversed(figs) if f.end <= head.start), None)
                if before is not None and _OR_GAP_RE.fullmatch(text, before.end, head.start):
                    head = before  # "99 million euros or 0.02 euros per share": one level, said twice
                    if id(before) not in local:
                        local[id(before)], raw_local[id(before)] = local[id(c)], raw_local[id(c)]
                        src[id(before)] = d
                if _BASE_BEFORE_RE.search(text, max(s_start, head.start - 40), head.start):
                    # "up from 60,000 in 2019", "from 99 million euros or 0.02 euros per share last
                    # year": the date of the base only
                    attached.add(id(d))
            break
    # "$110.5 billion (12.8 per cent of GSP) in 2024/25": the aside is dated with its host
    for c in figs:
        if id(c) in local and c.link_type != "conversion":
            after = afters[id(c)]
            for f in figs:
                if c.end < f.start < after and id(f) not in local:
                    local[id(f)], raw_local[id(f)] = local[id(c)], raw_local[id(c)]
                    if id(c) in src:
                        src[id(f)] = src[id(c)]
    # "jumped by 7.5 percent year-on-year to 7.95 trillion yuan last year": the change is the level's
    for c, n in zip(figs, figs[1:]):
        if (id(c) not in local and id(n) in local and c.link_type != "range"
                and _TO_NEXT_RE.fullmatch(text, c.end, n.start)
                and not _FROM_LEVEL_RE.search(text, max(s_start, c.start - 60), c.start)):
            local[id(c)] = local[id(n)]
            if id(n) in src:
                src[id(c)] = src[id(n)]
    # "rose from 11,045 yuan ($1,603) to 15,575 yuan ($2,414) in the same period": the start of
    # the span the other end is dated with
    for i, c in enumerate(figs):
        lo = max(s_start, c.start - 60)
        if id(c) in local or text.find("from", lo, c.start) == -1 or not _FROM_LEVEL_RE.search(text, lo, c.start):
            continue
        after = afters[id(c)]
        n = next((f for f in figs[i + 1:] if f.start >= after), None)
        if n is not None and id(n) in raw_local and _TO_NEXT_RE.fullmatch(text, after, n.start):
            y0, y1 = raw_local[id(n)]
            if y0 is not None and y1 is not None and y0 < y1:
                local[id(c)] = (y0, y0)
    # ranges inside a sentence with a span of years: first end -> first year, second -> last
    span_dates = [d for d in plain if (d.kind == "span" and not d.whole) or d.kind == "since"]
    for c in figs:
        if c.link_type == "range" and c.link is not None and c.start < c.link.start and c.link in figs:
            a, b = c, c.link
            if id(a) in local or id(b) in local or not span_dates:
                continue
            y0, y1 = resolved[id(span_dates[0])]
            if y0 != y1:
                per[a], per[b] = (y0, y0), (y1, y1)
                local[id(a)], local[id(b)] = per[a], per[b]
    # "from 4,749 yuan in 2012 to 9,595 yuan in 2018, an average annual growth of 12.4 percent"
    if usable and text.find("verage", s_start, s_end) != -1:
        years = [y for d in plain if d.kind in ("point", "span", "since") for y in resolved[id(d)] if y is not None]
        if compares:  # "an increase of 3,915 yuan over 2012, an average annual increase of 12.6 percent"
            years += [y for d in compares for y in resolved[id(d)] if y is not None]
            if running is not None and not any(d.kind in ("point", "span", "since") for d in plain):
                years.append(running[1])
        if len(set(years)) > 1:
            for c in figs:
                if id(c) not in local and _AVERAGE_RE.search(text, max(s_start, c.start - 40), c.start):
                    local[id(c)] = (min(years), max(years))
    has_than = len(figs) > 1 and len(plain) > 0 and (
        text.find("than", s_start, s_end) != -1 or text.find("ompared", s_start, s_end) != -1
        or text.find("versus", s_start, s_end) != -1 or text.find("against", s_start, s_end) != -1)
    for c in figs:
        own = next((d for d in plain if d.start <= c.start < d.end), None) \
            or next((d for d in records if d.start <= c.start < d.end), None)
        if own is not None:  # "over the past 11 years": the duration is its own period
            per[c] = resolved[id(own)]
            src[id(c)] = own
            continue
        if id(c) in local:
            per[c] = _against_base(text, c, local[id(c)], compares, resolved, fig_spans, first_fig)
            continue
        hit = next(((p, at) for lo, hi, p, at in scopes if lo <= c.start < hi), None)
        if hit and not (c.unit not in ("%", "pp") and (
                _UP_FROM_BEFORE_RE.search(text, max(s_start, c.start - 30), c.start)
                # "amounted to 4.8 billion dollars and increased by 7.3 percent compared to the same
                # period in 2017": the level is its own period's; the rate between is the change
                or (_LEVEL_VERB_BEFORE_RE.search(text, max(s_start, c.start - 30), c.start)
                    and any(f.unit in ("%", "pp") and c.end <= f.start < hit[1] for f in figs)))):
            per[c] = hit[0]  # (not the level a change starts from: "up from an earlier ¥165 billion")
            continue
        lo, hi = clause_bounds(text, s_start, s_end, c.start)
        inclause = [d for d in plain if lo <= d.start < hi and id(d) not in attached
                    and not (has_than and _based_elsewhere(text, c, d, figs))
                    and not (d.window and running is not None and c.start < d.start)]
        if inclause:
            d = min(inclause, key=lambda d: abs(d.start - c.start))
            per[c] = _period_of(text, s_start, c, d, resolved)
            src[id(c)] = d
            _base_after_own_date(text, c, d, compares, resolved, fig_spans, first_fig, src, per)
            continue
        # "decreased by 1.5%, which was affected by ... (a drop of 15.8%)": a relative clause on a
        # figure is of that figure's period
        host = next((f for f in reversed(figs) if f.end <= c.start and f in per and per[f] != _NO_YEARS), None)
        if host is not None and c.start - host.end <= 120 and _RELATIVE_CLAUSE_RE.search(text, host.end, c.start) \
                and not any(host.end <= d.start < c.start for d in usable):
            per[c] = per[host]
            if id(host) in src:
                src[id(c)] = src[id(host)]
            continue
        # dates of the sentence: not those written right after another figure; those in
        # another figure's clause only when nothing else is left; preceding before following
        # a figure's own window of months is not that of the figures before it where a period
        # runs on from before ("held at 4.3%, and earnings rose 3.8% over the 12 months to October");
        # one after it continues it ("grew 4.4% in the 12 months to October, adding 200,000 people")
        semi = [d for d in plain if id(d) not in attached and not (has_than and _based_elsewhere(text, c, d, figs))
                and not (d.window and running is not None and c.start < d.start)
                and not (c.end <= d.start and d.kind in ("point", "span") and _RELATIVE_CLAUSE_RE.search(text, c.end, d.start))]
        free = [d for d in semi if not _owned(text, s_start, s_end, d, c, figs)]
        pick = None
        for pool in (free, semi):
            prev = [d for d in pool if d.start < c.start]
            if prev:
                pick = prev[-1]
            elif pool:
                pick = pool[0]
            if pick is not None:
                break
        if pick is not None:
            per[c] = _period_of(text, s_start, c, pick, resolved)
            src[id(c)] = pick
            _base_after_own_date(text, c, pick, compares, resolved, fig_spans, first_fig, src, per)
            continue
        # "rose 12% from 8.4 million a year earlier": the rest of the sentence is a year later
        shifted = next((d for d in plain if d.kind in ("shift", "point") and id(d) in attached and d.base is not None), None)
        if shifted is not None:
            per[c] = (shifted.base, shifted.base)
            continue
        if running is not None:
            per[c] = running
            if running_d is not None:
                src[id(c)] = running_d
    # "costs were down 2% year over year, reflecting the measures taken in 2022": a date in a clause
    # on a figure's causes dates neither that figure nor the sentences after it
    for d in plain:
        if d.kind in ("point", "span") and any(
                c.end <= d.start and _RELATIVE_CLAUSE_RE.search(text, c.end, d.start)
                and not any(c.end <= f.start < d.start for f in figs) for c in figs):
            attached.add(id(d))
    return attached


_YEAR_LIST_RE = re.compile(rf"(?:{_YEAR})(?:(?:,{_S}*|,?{_S}+and{_S}+)(?:{_YEAR}))+")
_YEAR_IN_LIST_RE = re.compile(_YEAR)


def _respectively(text: str, figs: list, ds: list, resolved: dict, src: dict, per: dict) -> None:
    """"grew 5.2% and 4.8% in 2023 and 2024, respectively": the years of a list, taken in order by
    a list of as many figures in the same sentence."""
    for d in ds:
        if d.kind != "span" or id(d) not in resolved:
            continue
        m = _YEAR_LIST_RE.search(text, d.start, d.end)
        if m is None or text.startswith(("between", "Between", "from", "From"), d.start):
            continue  # "between 2020 and 2024": one span, not a list of years
        years = [int(y) for y in _YEAR_IN_LIST_RE.findall(m.group())]
        for run in figure_lists(text, figs, len(years)):
            for c, y in zip(run, years):
                per[c] = (y, y)
                src[id(c)] = d


_CUMULATIVE_RE = re.compile(r"\b(?:cumulative|cumulatively|accumulated|in\s+total|a\s+total\s+of|altogether|combined|"
                            r"add(?:ing|ed|s)?\s+up\s+to|totall?(?:ed|ing))\b", re.I)
_TO_LEVEL_RE = re.compile(
    rf"(?<![\w])(?:(?:rose|risen|rising|increased|increasing|grew|grown|growing|climbed|jumped|surged|"
    rf"soared|expanded|doubled|tripled|quadrupled|fell|fallen|falling|dropped|declined|decreased|slid|shrank|dipped|plunged|"
    rf"went{_S}+(?:up|down)|up|down)(?:{_S}+\S+){{0,8}}?{_S}+to|reached|reaching|hit|hitting|"
    rf"topped|totalled|totaled|stood{_S}+at){_S}+(?:[a-z]+{_S}+){{0,2}}$", re.I)
_FROM_LEVEL_RE = re.compile(
    rf"(?<![\w])(?:rose|risen|rising|increased|increasing|grew|grown|growing|climbed|jumped|surged|"
    rf"soared|expanded|fell|fallen|falling|dropped|declined|decreased|slid|shrank|dipped|plunged|"
    rf"up|down)(?:{_S}+[\w.%,-]+){{0,10}}?{_S}+from{_S}+(?:about|around|some|nearly|almost|just|over|"
    rf"more{_S}+than|less{_S}+than){{0,1}}{_S}*$", re.I)


_BRACKET_OPEN_RE = re.compile(r"[ \t\u00a0]*\([^()]{0,24}$")


def _after_conversion(text: str, c, s_end: int) -> int:
    """Where the words after figure ``c`` resume: past its converted amount in brackets
    ("30,775 yuan ($4,467) in 2017": the year is the yuan amount's too)."""
    p = c.link
    if c.link_type != "conversion" or p is None or p.start < c.end:
        # "$110.5 billion (12.8 per cent of GSP) in 2024/25": a figure's bracketed aside
        m = _ASIDE_AFTER_RE.match(text, c.end, s_end)
        return m.end() if m and _DIGIT_RE.search(m.group()) else c.end
    if not _BRACKET_OPEN_RE.match(text[c.end:p.start]):
        return c.end
    close = text.find(")", p.end, min(s_end, p.end + 24))
    return close + 1 if close != -1 else c.end


_ASIDE_AFTER_RE = re.compile(r"[ \t\u00a0]*\([^()\n]{1,48}\)")
_DIGIT_RE = re.compile(r"\d")


_TO_NEXT_RE = re.compile(rf"{_S}+(?:(?:year-on-year|year{_S}+on{_S}+year|on{_S}+the{_S}+year|annually){_S}+)?to{_S}+(?:(?:about|around|some|nearly|almost|over|more{_S}+than){_S}+)?")
_AVERAGE_RE = re.compile(rf"\b(?:average|averaging|avg\.?|mean){_S}+(?:annual|yearly|annualized|annualised|year-on-year){_S}+(?:\w+{_S}+){{0,3}}(?:of{_S}+)?(?:about{_S}+|around{_S}+|nearly{_S}+)?$", re.I)
_THAN_RE = re.compile(r"\b(?:than|compared\s+(?:with|to)|versus|against)\b", re.I)


def _based_elsewhere(text: str, c, d: DateExpr, figs) -> bool:
    """Is date ``d`` the base of another figure's comparison after ``c``? ("down 4.6 points from
    the previous year and 3.7 percent lower than the average ... from 1979 to 2007")"""
    if d.start < c.end or not _THAN_RE.search(text, c.end, d.start):
        return False
    for f in figs:
        if f is not c and c.end <= f.start and f.end <= d.start and _THAN_RE.search(text, f.end, d.start):
            return True
    return False


def _period_of(text: str, s_start: int, c, d: DateExpr, resolved) -> tuple[int, int]:
    """The period date ``d`` gives figure ``c`` of its sentence. The figures a stretch of twelve
    months dates take the years its months fall in ("rose 0.8% in the 12 months to December":
    that year), the stretch's own duration both years (see ``_months_to``); otherwise see
    ``_end_state``."""
    if d.months == 12 and d.bounds is not None and not d.start <= c.start < d.end:
        return d.bounds[0][0], d.bounds[1][0]
    return _end_state(text, s_start, c, resolved[id(d)])


def _end_state(text: str, s_start: int, c, period: tuple[int, int]) -> tuple[int, int]:
    """Over a span of several years, a level reached ("grew 50% to 5 million tonnes") is the
    last year's and a starting level ("from 3 million") the first year's; a change keeps the span.
    A fiscal year ("2023-24") is one period and stays whole."""
    y0, y1 = period
    if y0 is None or y1 is None or y1 - y0 < 2:
        return period
    if _CUMULATIVE_RE.search(text, s_start, min(len(text), c.end + 12)):
        return period  # "cumulative transfers from 1959 to 2008 reached 201.9 billion yuan"
    lo = max(s_start, c.start - 60)
    if _TO_LEVEL_RE.search(text, lo, c.start):
        return (y1, y1)
    if _FROM_LEVEL_RE.search(text, lo, c.start):
        return (y0, y0)
    return period


# "a deficit of 6.2 billion riyals, which will be covered from the surpluses made in 2023": a date
# in a relative clause after a figure is the date of what that clause tells, not of the figure (but
# "$40 billion, which was the highest since 2008" is the figure's record)
# "demand recovered following Japan's Kumamoto earthquakes in April 2016": the date of a cause, not
# the period the text goes on about
_CAUSE_BEFORE_RE = re.compile(r"\b(?:because[ \t]+of|following|due[ \t]+to|amid|thanks[ \t]+to|in[ \t]+the[ \t]+wake[ \t]+of|"
                              r"as[ \t]+a[ \t]+result[ \t]+of)\b[^.;:!?,]{0,60}$", re.I)
_RELATIVE_CLAUSE_RE = re.compile(r",[ \t]*(?:which|who|whose|where|reflecting|following|thanks[ \t]+to|due[ \t]+to|"
                                 r"driven[ \t]+by|as[ \t]+a[ \t]+result[ \t]+of|amid|because)\b")


def _owned(text: str, s_start: int, s_end: int, d: DateExpr, c, figs: list) -> bool:
    """Is date ``d`` in the clause of a figure other than ``c``?"""
    lo, hi = clause_bounds(text, s_start, s_end, d.start)
    return any(f is not c and lo <= f.start < hi for f in figs)


# "12.6% more than in 2023", "was 2.1% higher than ...": a level stated as a change
_CHANGE_WORD_AFTER_RE = re.compile(r"[ \t]*(?:more|less|higher|lower|fewer|greater|larger|bigger|smaller|above|"
                                   r"below|up|down)\b", re.I)


def _base_after_own_date(text, c, d, compares, resolved, fig_spans, first_fig, src, per) -> None:
    """"increased by 4.1%, as a gross series, in the second quarter of this year compared to the
    same period of 2017": the change's own date after it, then the base right after that."""
    if d.start > c.end and compares and not any(c.end <= fs < d.start for fs, _ in fig_spans):
        dated = _against_base(text, c, per[c], [b for b in compares if b.start >= d.end], resolved,
                              fig_spans, first_fig, d.end)
        if dated != per[c]:
            per[c] = dated
            src.pop(id(c), None)


def _against_base(text: str, c, own: tuple, compares: list, resolved: dict, fig_spans: list,
                  first_fig: int, after: int | None = None) -> tuple:
    """A change dated by its own words and stated against a named base right after them runs from
    the base to its own end: "rose 5% in 2024 compared with 2023" is 2023-2024, "grew 2.3% in the
    second quarter compared with the same quarter last year" last year to this (FORMAT.md: a change
    against a named base is base-year). A level beside a change keeps its date: another figure
    between the two ("16.2 million tourists in 2024, 10.1% more than in 2023") ends the search."""
    if own[0] is None or (c.unit not in ("%", "pp") and not _CHANGE_WORD_AFTER_RE.match(text, c.end)):
        return own
    for d in compares:
        if d.start < c.end:
            if d.end < first_fig and _FRONTED_COMPARE_RE.match(text, d.start, d.end):
                base = resolved[id(d)][0]  # "Compared with H1 2023, ... costs fell 3% in H1 2024"
                if base is not None and base < own[0]:
                    return base, own[1]
            continue
        if d.start - (after or c.end) > 90 or any(c.end <= fs < d.start for fs, _ in fig_spans):
            break
        base = resolved[id(d)][0]
        return (base, own[1]) if base is not None and base < own[0] else own
    return own


_FRONTED_COMPARE_RE = re.compile(rf"[\s,(]*(?:(?i:as){_S}+)?(?:(?i:compared){_S}+(?:with|to)|(?i:relative){_S}+to|(?i:against)|(?i:versus))\b")


_LEVEL_VERB_BEFORE_RE = re.compile(r"\b(?:amounted|amounting|totall?ed|totall?ing|reached|reaching|stood|standing|came)"
                                   r"(?:[ \t]+(?:to|at|in))?[ \t]+(?:(?:about|around|nearly|some|over)[ \t]+)?$", re.I)


def _compare_scope(text: str, s_start: int, s_end: int, d: DateExpr, first_fig: int) -> tuple[int, int]:
    """The stretch of a sentence a comparison date applies to (``first_fig``: where the sentence's
    first figure starts)."""
    # inside brackets: the whole bracket
    o = text.rfind("(", s_start, d.start)
    if o != -1 and text.find(")", o, d.start) == -1:
        close = text.find(")", d.end, s_end)
        return o, close if close != -1 else s_end
    lo, hi = clause_bounds(text, s_start, s_end, d.start)
    if not text[s_start:d.start].strip():  # "From the same quarter of 2024, GDP expanded 2.2%"
        return s_start, s_end
    k = d.start
    while k > lo and text[k - 1] in " \t":
        k -= 1
    if k > s_start and text[k - 1] == ")" and (o := text.rfind("(", s_start, k)) != -1:
        # "up €1.6 billion (15 per cent) on the same period last year": the bracket is the clause's
        lo = min(lo, clause_bounds(text, s_start, s_end, max(s_start, o - 1))[0])
    if first_fig > d.end and _FRONTED_COMPARE_RE.match(text, lo, d.end):
        # "In the second quarter of 2024, compared to the second quarter of 2023, GDP rose by 0.5%":
        # a comparison set before every figure of its sentence is theirs
        return lo, s_end
    # a bracket right after the comparison belongs to it: "lower when compared with 2022 (-27%)"
    j = d.end
    while j < s_end and text[j] in " \t":
        j += 1
    if j < s_end and text[j] == "(":
        close = text.find(")", j, s_end)
        hi = max(hi, close + 1 if close != -1 else s_end)
    return lo, hi
