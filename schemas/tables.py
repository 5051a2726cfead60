"""Pandera models of the hand-curated tables in raw/tables/, and the check that runs them all.

One model per CSV, columns named as in the CSV header. Every row must name its `source`
(the article, or an official publication); keys are unique; years are not in the future.

`validate_tables` is what the pipeline calls: it takes the tables as read (all-string
frames keyed by file name, as `tasks.read_raw.read_tables` returns them), validates every
one lazily, cross-checks the references between them (regions named in the series and the
pairing table, metric keys, region parents), and either returns the typed frames or raises
one `TableValidationError` listing every problem as

    <file>: row <n> (line <n+2> of the CSV), column <col>: <what is wrong> (value: <v>)

(row numbers count data rows from 0; line 1 is the header). Nothing is half-accepted: one
bad cell anywhere stops the run before anything is loaded.
"""
from __future__ import annotations

import math
from datetime import date
from typing import Mapping, Optional

import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

from schemas.ecb_rates import ecb_reference
from schemas.vocabulary import DATE_PRECISIONS, SOURCE_TYPES, UNIT_FAMILIES

CURRENT_YEAR = date.today().year
# China's provincial level has four kinds (province, autonomous region, municipality, SAR);
# the gazetteer keeps the distinction because analysts filter on it.
REGION_LEVELS = ("world", "supranational", "bloc", "economic_region", "country", "economy",
                 "province", "autonomous_region", "municipality", "sar", "prefecture", "corps",
                 "county", "city",
                 # world gazetteer levels (tasks/gazetteer.py, from ISO 3166-2 subdivision types)
                 "nation", "state", "territory", "region", "district", "subdivision",
                 "group", "excluded")


def _not_blank(s: pd.Series) -> pd.Series:
    return s.isna() | (s.astype(str).str.strip() != "")


def _real_date(text: str) -> bool:
    """YYYY, YYYY-MM or YYYY-MM-DD naming a day, month or year of the calendar (year 0001 on):
    the pattern alone lets 2021-13-45 and 0000 through."""
    parts = text.split("-")
    try:
        date(int(parts[0]), int(parts[1]) if len(parts) > 1 else 1,
             int(parts[2]) if len(parts) > 2 else 1)
    except (ValueError, IndexError):
        return False
    return True


class _Curated(pa.DataFrameModel):
    """Every curated row says where its content comes from."""

    source: Series[str] = pa.Field(nullable=False)

    @pa.check("source", name="not_blank")
    def _source_not_blank(cls, s):
        return _not_blank(s)

    class Config:
        strict = True
        coerce = True


class ArticlesTable(_Curated):
    """raw/tables/articles.csv: one row per article file (grain: path)."""

    path: Series[str] = pa.Field(unique=True)
    title: Series[str] = pa.Field()
    publisher: Series[str] = pa.Field(nullable=True)
    url: Series[str] = pa.Field(nullable=True)
    pub_date: Series[str] = pa.Field(nullable=True, str_matches=r"^\d{4}(-\d{2}(-\d{2})?)?$")
    pub_date_precision: Series[str] = pa.Field(isin=list(DATE_PRECISIONS))
    # optional column: blank or absent is news
    source_type: Optional[Series[str]] = pa.Field(nullable=True, isin=list(SOURCE_TYPES))

    @pa.check("path", "title", name="not_blank")
    def _text_not_blank(cls, s):
        return _not_blank(s)

    @pa.check("pub_date", name="not_in_the_future")
    def _pub_date_past(cls, s):
        year = pd.to_numeric(s.astype(str).str[:4], errors="coerce")
        return s.isna() | year.isna() | (year <= CURRENT_YEAR)

    @pa.check("pub_date", name="is_a_real_date")
    def _pub_date_real(cls, s):
        return s.isna() | s.astype(str).map(_real_date)

    @pa.dataframe_check(name="precision_matches_pub_date")
    def _precision(cls, df):
        expected = df["pub_date"].astype(str).str.len().map({4: "year", 7: "month", 10: "day"})
        return (df["pub_date"].isna() & df["pub_date_precision"].isin(["unknown"])) | (
            df["pub_date"].notna() & (expected == df["pub_date_precision"]))


class RegionsTable(_Curated):
    """raw/tables/regions.csv: the gazetteer (grain: name)."""

    name: Series[str] = pa.Field(unique=True)
    aliases: Series[str] = pa.Field(nullable=True)
    level: Series[str] = pa.Field(isin=list(REGION_LEVELS))
    parent: Series[str] = pa.Field(nullable=True)
    currency: Series[str] = pa.Field(nullable=True, required=False, str_matches=r"^[A-Z]{3}$")  # the one it issues
    seat_of: Series[str] = pa.Field(nullable=True, required=False)  # the government a capital stands for
    # ISO 3166 codes: optional columns (the curated table may leave them to the world gazetteer).
    iso_alpha2: Series[str] = pa.Field(nullable=True, required=False, str_matches=r"^[A-Z]{2}$")
    iso_alpha3: Series[str] = pa.Field(nullable=True, required=False, str_matches=r"^[A-Z]{3}$")
    iso_subdivision: Series[str] = pa.Field(nullable=True, required=False,
                                            str_matches=r"^[A-Z]{2}-[A-Z0-9]{1,3}$")

    @pa.check("name", name="not_blank")
    def _name_not_blank(cls, s):
        return _not_blank(s)


class MetricsTable(_Curated):
    """raw/tables/metrics.csv: the metric lexicon (grain: key)."""

    key: Series[str] = pa.Field(unique=True)
    label: Series[str] = pa.Field()
    unit_family: Series[str] = pa.Field(isin=list(UNIT_FAMILIES))
    triggers: Series[str] = pa.Field(nullable=True)

    @pa.check("key", "label", name="not_blank")
    def _text_not_blank(cls, s):
        return _not_blank(s)


# CNY per one unit of any currency in use: the dearest (the Kuwaiti dinar) is about 23 yuan,
# the cheapest (the Iranian rial, the bolivar before its redenominations) millionths of one.
ANY_CURRENCY_BAND = (1e-7, 100.0)
# A currency the ECB publishes: within this factor of the lowest and highest annual means
# it has had since 2005, which still refuses a rate entered the wrong way round (0.15 for
# the dollar) or a slipped decimal point.
ECB_BAND_FACTOR = 3.0


def plausible_rate_band(currency: str) -> tuple[float, float]:
    """The CNY-per-unit values fx_rates.csv accepts for `currency`."""
    band = ecb_reference().history_band(currency)
    if band is None:
        return ANY_CURRENCY_BAND
    return band[0] / ECB_BAND_FACTOR, band[1] * ECB_BAND_FACTOR


class FxRatesTable(_Curated):
    """raw/tables/fx_rates.csv: annual average CNY per one unit of `currency` (grain: year, currency)."""

    year: Series[pa.Int64] = pa.Field(ge=1900, le=CURRENT_YEAR)
    currency: Series[str] = pa.Field(str_matches=r"^[A-Z]{3}$", notin=["CNY"])
    cny_per_unit: Series[float] = pa.Field(gt=0)

    @pa.dataframe_check(name="rate_is_plausible")
    def _rate_is_plausible(cls, df):
        # Non-positive rates are reported by gt(0) alone.
        bands = {c: plausible_rate_band(c) for c in df["currency"].dropna().astype(str).unique()}
        ok = [not (r > 0) or (math.isfinite(r) and bands[str(c)][0] <= r <= bands[str(c)][1])
              if isinstance(c, str) and c in bands else True
              for c, r in zip(df["currency"], df["cny_per_unit"].astype("float64"))]
        return pd.Series(ok, index=df.index)

    class Config:
        unique = ["year", "currency"]


class OfficialSeriesTable(_Curated):
    """raw/tables/official_series.csv: one value per region, metric and year."""

    region: Series[str] = pa.Field()
    metric: Series[str] = pa.Field()
    year: Series[pa.Int64] = pa.Field(ge=1900, le=CURRENT_YEAR)
    value: Series[float] = pa.Field()
    unit: Series[str] = pa.Field()

    @pa.check("region", "metric", "unit", name="not_blank")
    def _text_not_blank(cls, s):
        return _not_blank(s)

    @pa.check("value", name="finite")
    def _finite(cls, s):
        return s.map(math.isfinite)

    class Config:
        unique = ["region", "metric", "year"]


class PairingAssistanceTable(_Curated):
    """raw/tables/pairing_assistance.csv: which partner assists which Xinjiang area, per round."""

    partner: Series[str] = pa.Field()
    partner_level: Series[str] = pa.Field(isin=list(REGION_LEVELS))
    xinjiang_target: Series[str] = pa.Field()
    round: Series[pa.Int64] = pa.Field(ge=1)
    start_year: Series[pa.Int64] = pa.Field(ge=1949, le=CURRENT_YEAR)

    @pa.check("partner", "xinjiang_target", name="not_blank")
    def _text_not_blank(cls, s):
        return _not_blank(s)

    class Config:
        unique = ["partner", "xinjiang_target", "round"]


TABLE_MODELS: dict[str, type[pa.DataFrameModel]] = {
    "articles.csv": ArticlesTable,
    "regions.csv": RegionsTable,
    "metrics.csv": MetricsTable,
    "fx_rates.csv": FxRatesTable,
    "official_series.csv": OfficialSeriesTable,
    "pairing_assistance.csv": PairingAssistanceTable,
}

# (file, column) -> (file, column) whose values it must name.
REFERENCES: tuple[tuple[str, str, str, str], ...] = (
    ("regions.csv", "parent", "regions.csv", "name"),
    ("regions.csv", "seat_of", "regions.csv", "name"),
    ("official_series.csv", "region", "regions.csv", "name"),
    ("official_series.csv", "metric", "metrics.csv", "key"),
    ("pairing_assistance.csv", "partner", "regions.csv", "name"),
    ("pairing_assistance.csv", "xinjiang_target", "regions.csv", "name"),
)


class TableValidationError(ValueError):
    """One or more curated tables are malformed; `problems` holds one line per problem."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__(f"{len(problems)} problem(s) in the curated tables:\n" + "\n".join(problems))


def _where(file: str, row: int | None, column: str) -> str:
    if row is None:
        return f"{file}: header (line 1 of the CSV), column {column}"
    return f"{file}: row {row} (line {row + 2} of the CSV), column {column}"


def _show(value) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "empty"
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return str(value)


def _describe(check: str, column: str) -> str:
    """A Pandera check name, as a person would say what is wrong."""
    name, _, arg = check.partition("(")
    arg = arg.rstrip(")")
    if name == "not_nullable":
        return "is empty"
    if name.endswith("not_blank"):  # Pandera may report a shared check name by its method name
        return "is empty or blank"
    if name == "greater_than":
        return f"must be greater than {arg}"
    if name == "greater_than_or_equal_to":
        return f"must be at least {arg}"
    if name == "less_than_or_equal_to":
        if "year" in column:
            return f"is in the future (latest allowed year: {arg})"
        return f"must be at most {arg}"
    if name == "not_in_the_future":
        return f"is in the future (latest allowed year: {CURRENT_YEAR})"
    if name == "isin":
        return f"must be one of {arg}"
    if name == "notin":
        return f"must not be one of {arg}"
    if name == "str_matches":
        return f"does not match the pattern {arg}"
    if name == "field_uniqueness":
        return "is a duplicate; values in this column must be unique"
    if name == "finite":
        return "must be a finite number"
    if name == "is_a_real_date":
        return ("is not a real date (YYYY, YYYY-MM or YYYY-MM-DD: a month 01-12, a day of that "
                "month, a year from 0001)")
    if name == "precision_matches_pub_date":
        return "pub_date_precision does not match pub_date (YYYY=year, YYYY-MM=month, YYYY-MM-DD=day, empty=unknown)"
    return f"fails check {check}"


def _numeric_columns(model: type[pa.DataFrameModel]) -> dict[str, bool]:
    """Numeric columns of a model -> True when they hold whole numbers."""
    out = {}
    for name, col in model.to_schema().columns.items():
        dtype = str(col.dtype).lower()
        if "int" in dtype:
            out[name] = True
        elif "float" in dtype:
            out[name] = False
    return out


def _parse_numbers(df: pd.DataFrame, model: type[pa.DataFrameModel], file: str
                   ) -> tuple[pd.DataFrame, list[str], set[tuple[int, str]]]:
    """Numbers from the CSV's strings, cell by cell, so a bad cell names its row.

    Pandera's own coercion fails a whole column at once and then skips its range checks;
    parsing first keeps every other problem in that column visible.
    """
    problems, bad = [], set()
    parsed = {}
    for column, whole in _numeric_columns(model).items():
        if column not in df.columns:
            continue
        raw = df[column]
        numbers = pd.to_numeric(raw.astype(str).str.strip().where(raw.notna()), errors="coerce")
        for row in raw.index[raw.notna() & numbers.isna()]:
            problems.append(f"{_where(file, row, column)}: is not a number (value: {raw[row]})")
            bad.add((row, column))
        if whole:
            frac = numbers.notna() & (numbers != numbers.round())
            for row in numbers.index[frac]:
                problems.append(f"{_where(file, row, column)}: must be a whole number (value: {raw[row]})")
                bad.add((row, column))
            numbers = numbers.where(~frac).round().astype("Int64")
        parsed[column] = numbers
    return df.assign(**parsed), problems, bad


def _check_table(file: str, df: pd.DataFrame, model: type[pa.DataFrameModel]
                 ) -> tuple[pd.DataFrame | None, list[str]]:
    df = df.reset_index(drop=True)
    expected = csv_columns(model)
    optional = {n for n, col in model.to_schema().columns.items() if not col.required}
    problems = [f"{_where(file, None, c)}: required column is missing" for c in expected
                if c not in df.columns and c not in optional]
    problems += [f"{_where(file, None, c)}: unexpected column (expected only: {', '.join(expected)})"
                 for c in df.columns if c not in expected]
    parsed, parse_problems, unparsable = _parse_numbers(df, model, file)
    problems += parse_problems
    # Structure is already reported above; validate what is there so cell problems still show.
    present = parsed[[c for c in expected if c in parsed.columns]]
    schema = model.to_schema()
    if len(present.columns) < len(expected):
        schema = schema.remove_columns([c for c in expected if c not in present.columns])
        if any(c not in present.columns for c in (schema.unique or [])):
            schema.unique = None  # a key with a column missing cannot be checked for duplicates
    try:
        validated = schema.validate(present, lazy=True)
    except pa.errors.SchemaErrors as exc:
        validated = None
        problems += _describe_failures(file, exc.failure_cases, present, unparsable,
                                       list(schema.unique or []))
    if problems:
        return None, sorted(problems, key=_row_of)
    return validated[[c for c in expected if c in validated.columns]], []


def csv_columns(model: type[pa.DataFrameModel], required: bool = False) -> list[str]:
    """The model's columns in its CSV's order; with ``required``, only those a file must have."""
    # `source` is declared on the base model but is the last column of every CSV.
    cols = [c for c, col in model.to_schema().columns.items() if col.required or not required]
    return [c for c in cols if c != "source"] + ["source"]


def _row_of(message: str) -> int:
    head = message.split(": ", 2)[1]
    return int(head.split()[1]) if head.startswith("row ") else -1


def _describe_failures(file: str, cases: pd.DataFrame, df: pd.DataFrame,
                       unparsable: set[tuple[int, str]], keys: list[str]) -> list[str]:
    out: list[str] = []
    seen: set[tuple] = set()
    dup_rows: set[int] = set()
    for case in cases.itertuples(index=False):
        check = str(case.check)
        if check.startswith(("column_in_", "dtype(", "coerce_dtype(")) or case.index is None \
                or (isinstance(case.index, float) and math.isnan(case.index)):
            continue  # structure and types are reported by _check_table / _parse_numbers
        row = int(case.index)
        if check == "multiple_fields_uniqueness":
            dup_rows.add(row)
            continue
        column = str(case.column)
        if case.schema_context == "DataFrameSchema":
            column = {"precision_matches_pub_date": "pub_date_precision",
                      "rate_is_plausible": "cny_per_unit"}.get(check, column)
        if (row, column) in unparsable:
            continue
        key = (row, column, check)
        if key in seen:
            continue
        seen.add(key)
        value = df.at[row, column] if column in df.columns else case.failure_case
        what = _describe(check, column)
        if check == "rate_is_plausible":
            currency = str(df.at[row, "currency"])
            low, high = plausible_rate_band(currency)
            what = (f"is not a plausible rate for {currency}: yuan per unit must be a finite "
                    f"number from {low:.3g} to {high:.3g}")
        out.append(f"{_where(file, row, column)}: {what} (value: {_show(value)})")
    if dup_rows:
        out += _duplicate_key_messages(file, df, sorted(dup_rows), keys)
    return out


def _duplicate_key_messages(file: str, df: pd.DataFrame, rows: list[int], keys: list[str]) -> list[str]:
    if not keys:
        return [f"{_where(file, r, 'key')}: duplicate key" for r in rows]
    first: dict[tuple, int] = {}
    out = []
    for r in rows:
        k = tuple(_show(df.at[r, c]) for c in keys)
        if k in first:
            out.append(f"{_where(file, r, '+'.join(keys))}: duplicate key ({', '.join(keys)}), "
                       f"same as row {first[k]} (value: {', '.join(k)})")
        else:
            first[k] = r
    return out


def _references(frames: Mapping[str, pd.DataFrame]) -> list[str]:
    problems = []
    for file, column, target_file, target_column in REFERENCES:
        if file not in frames or target_file not in frames:
            continue
        df, target = frames[file], frames[target_file]
        if column not in df.columns or target_column not in target.columns:
            continue
        known = set(target[target_column].dropna().astype(str))
        what = {"name": "region", "key": "metric key"}[target_column]
        for row, value in df[column].items():
            if pd.notna(value) and str(value) not in known:
                problems.append(f"{_where(file, row, column)}: unknown {what}, not a {target_column} "
                                f"in {target_file} (value: {value})")
    return problems


def _parent_cycles(regions: pd.DataFrame) -> list[str]:
    """One line per cycle of regions.csv's parent column (a region its own parent included):
    parents must form a tree, or every walk up from a region never ends."""
    if not {"name", "parent"} <= set(regions.columns):
        return []
    row_of = {str(n): i for i, n in regions["name"].items() if pd.notna(n)}
    parent = {str(n): str(p) for n, p in zip(regions["name"], regions["parent"])
              if pd.notna(n) and pd.notna(p)}
    problems, done = [], set()
    for start in parent:
        path, seen = [], {}
        node = start
        # walked with a loop, not recursion: a chain of any depth is fine
        while node in parent and node not in done and node not in seen:
            seen[node] = len(path)
            path.append(node)
            node = parent[node]
        if node in seen:
            cycle = path[seen[node]:]
            first = min(cycle, key=lambda n: row_of.get(n, 0))
            if len(cycle) == 1:
                problems.append(f"{_where('regions.csv', row_of[first], 'parent')}: the region is "
                                f"its own parent (value: {first}); parents must form a tree")
            else:
                i = cycle.index(first)
                ring = cycle[i:] + cycle[:i] + [first]
                shown = " -> ".join(f"{n} (row {row_of[n]})" for n in ring)
                problems.append(f"{_where('regions.csv', row_of[first], 'parent')}: the parents "
                                f"form a cycle, {shown}; parents must form a tree")
        done.update(path)
    return problems


def validate_tables(frames: Mapping[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """Validate each given table and the references between them.

    `frames` maps a file name ("fx_rates.csv", ...) to the table as read, all strings.
    Returns the same keys with typed frames (years as Int64, rates and values as float).
    Tables not in TABLE_MODELS are refused; references are checked between the tables given.
    Raises TableValidationError listing every problem found, in file order.
    """
    problems: list[str] = []
    out: dict[str, pd.DataFrame] = {}
    for file, df in frames.items():
        model = TABLE_MODELS.get(file)
        if model is None:
            problems.append(f"{file}: not a known curated table (known: {', '.join(TABLE_MODELS)})")
            continue
        validated, found = _check_table(file, df, model)
        problems += found
        if validated is not None:
            out[file] = validated
    problems += _references({f: d.reset_index(drop=True) for f, d in frames.items()})
    if "regions.csv" in frames:
        problems += _parent_cycles(frames["regions.csv"].reset_index(drop=True))
    if problems:
        raise TableValidationError(problems)
    return out
