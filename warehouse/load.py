"""Idempotent, incremental loads into the warehouse.

``load_run`` writes one run's validated frames in ONE transaction that holds the warehouse's
write lock (``warehouse.engine.write_transaction``): either all of it is there afterwards, or
none of it (an exception rolls everything back and is raised again as ``LoadError``).

Rules, per article (identity: ``article_hash``, the sha256 of its raw bytes):

* already loaded with the same hash, path and extractor version -> skipped, nothing written;
* new, or the same path with a new hash, or the same hash under a new path (a moved file),
  or a new extractor version -> its previous rows
  (dim_article, fct_figure, fct_claim_check, its quarantine rows) are deleted and the new
  ones inserted, so no run ever duplicates a row.

Curated tables (``tables`` keyed by file name): regions and metrics are upserted by name/key
(never deleted: facts point at them); ``fx_rates.csv`` and ``official_series.csv`` are the
whole truth, so the fact tables become exactly their rows. ``dim_period`` gets every year
any row refers to.

Quarantine rows are a log of rejections with the run that made them; a rejection already
recorded (same article, seq, file, row, column, check and failing value) is not recorded again,
so re-running over the same bad input does not grow the table.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, datetime, timezone
from typing import Any

import pandas as pd
from sqlalchemy import Connection, Date, Engine, Table, Text, and_, bindparam, inspect, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError

from schemas.articles import ARTICLE_COLUMNS as ARTICLE_FRAME_COLUMNS
from schemas.claims import CLAIM_CHECK_COLUMNS as CLAIM_CHECK_FRAME_COLUMNS
from schemas.figures import NormalisedFigures
from schemas.quarantine import QUARANTINE_COLUMNS as QUARANTINE_FRAME_COLUMNS
from schemas.tables import TABLE_MODELS, csv_columns
from tasks.official_stats import stated_statistics
from warehouse.changes import is_current
from warehouse.engine import redact, write_transaction
from warehouse.errors import LoadError
from warehouse.errors import describe as _describe

# the run ledger: load_run records a run of its own when it is given none
from warehouse.runs import RUN_COUNTS, finish_run, rejected_files, start_run  # noqa: F401
from warehouse.runs import plain as _py
from warehouse.tables import (
    dim_article,
    dim_metric,
    dim_period,
    dim_region,
    etl_run,
    fct_claim_check,
    fct_figure,
    fct_fx_rate,
    fct_official_stat,
    quarantine,
)

CHUNK = 1000

# The frames' columns are their models' (schemas/): a column added to a model is loaded into
# the table's column of the same name.
ARTICLE_COLUMNS = tuple(ARTICLE_FRAME_COLUMNS)
FIGURE_COLUMNS = tuple(NormalisedFigures.to_schema().columns)
# An article frame made before official articles existed loads as news (the column's default);
# has_metadata and the text are stored where the frame has them.
OPTIONAL_ARTICLE_COLUMNS = ("source_type", "has_metadata", "text")
# Load empty where a frame lacks them: the model's optional columns, and the FX record's (frames
# made before it existed).
OPTIONAL_FIGURE_COLUMNS = (
    "fx_date", "fx_source", "unconverted_reason",
    *(c for c, col in NormalisedFigures.to_schema().columns.items() if not col.required))
CLAIM_CHECK_COLUMNS = tuple(CLAIM_CHECK_FRAME_COLUMNS)
QUARANTINE_COLUMNS = tuple(QUARANTINE_FRAME_COLUMNS)
# The curated tables the warehouse holds, and the columns each must have (their models').
TABLE_COLUMNS = {name: tuple(csv_columns(TABLE_MODELS[name], required=True))
                 for name in ("regions.csv", "metrics.csv", "fx_rates.csv", "official_series.csv")}
# Loaded when the regions frame has them (the world gazetteer does; curated rows may not).
REGION_CODE_COLUMNS = ("iso_alpha2", "iso_alpha3", "iso_subdivision")
# ...of which load_run itself knows these.
_LOAD_COUNTS = ("figures_loaded", "rows_loaded")


# --------------------------------------------------------------------------- reads


def official_from_articles(engine: Engine) -> pd.DataFrame:
    """The statistics official articles stated (fct_official_stat rows with a figure), in
    official_series.csv's columns plus the article_hash that stated each ([] before any load)."""
    columns = [*TABLE_COLUMNS["official_series.csv"], "article_hash"]
    with engine.connect() as conn:
        if not inspect(conn).has_table(fct_official_stat.name):
            return pd.DataFrame(columns=columns)
        o, r, m, f, a = (fct_official_stat.c, dim_region.c, dim_metric.c, fct_figure.c, dim_article.c)
        by_name = {"region": r.name, "metric": m.key, "year": o.year, "value": o.value,
                   "unit": o.unit, "source": o.source, "article_hash": a.article_hash}
        rows = conn.execute(
            select(*[by_name[c].label(c) for c in columns])
            .join(dim_region, r.region_key == o.region_key).join(dim_metric, m.metric_key == o.metric_key)
            .join(fct_figure, f.figure_key == o.figure_key).join(dim_article, a.article_key == f.article_key)
        ).all()
    return pd.DataFrame([tuple(row) for row in rows], columns=columns)


def loaded_articles(engine: Engine) -> dict[str, tuple[str, str]]:
    """``{path: (article_hash, extractor_version)}`` of every loaded article ({} if no warehouse yet)."""
    with engine.connect() as conn:
        if not inspect(conn).has_table(dim_article.name):
            return {}
        rows = conn.execute(
            select(dim_article.c.path, dim_article.c.article_hash, dim_article.c.extractor_version)
        )
        return {path: (article_hash, version) for path, article_hash, version in rows}


def loaded_metadata(engine: Engine, paths: Iterable[str]) -> dict[str, dict[str, Any]]:
    """``{path: {column: value}}`` of ``ARTICLE_METADATA`` for the loaded articles at ``paths``."""
    out: dict[str, dict[str, Any]] = {}
    with engine.connect() as conn:
        if not inspect(conn).has_table(dim_article.name):
            return out
        columns = [dim_article.c[name] for name in ARTICLE_METADATA]
        for chunk in _chunks(list(paths), 500):
            for row in conn.execute(select(dim_article.c.path, *columns)
                                    .where(dim_article.c.path.in_(chunk))):
                out[row.path] = {name: getattr(row, name) for name in ARTICLE_METADATA}
    return out


# What articles.csv says of an article that dim_article keeps (but the path, its key): an edit
# to any of it reloads the article.
ARTICLE_METADATA = tuple(c for c in csv_columns(TABLE_MODELS["articles.csv"], required=True)
                         if c in dim_article.c and c != "path")


# --------------------------------------------------------------------------- the load


def load_run(
    engine: Engine,
    *,
    run: dict,
    articles: pd.DataFrame,
    figures: pd.DataFrame | None = None,
    claim_checks: pd.DataFrame | None = None,
    quarantine: pd.DataFrame | None = None,
    batches: Iterable[tuple[pd.DataFrame, pd.DataFrame | None, pd.DataFrame | None]] | None = None,
    tables: dict[str, pd.DataFrame] | None = None,
    extractor_version: str,
    replace: bool | Iterable[str] = False,
) -> dict[str, int]:
    """Load one run's frames (see the module docstring); returns what was written, and ``run_id``.

    ``run`` describes the run. With a ``run_id`` (from ``start_run``) that ``etl_run`` row is
    used and the caller ends it with ``finish_run``. Without one, a row is recorded first (from
    ``flow_run_id``, ``input_hashes``, ``started_at``) and ended here: ``succeeded``, or
    ``failed`` with the (redacted) error when the load is rolled back. Any of ``RUN_COUNTS``
    in ``run`` (articles_read, articles_skipped, figures_extracted, rows_rejected) are stored
    on the row with the load. Frames use the pipeline's column names
    (``schemas/figures.py``, the claim-check and quarantine contracts); ``tables`` maps a
    curated file name (``regions.csv``, ``metrics.csv``, ``fx_rates.csv``,
    ``official_series.csv``) to its validated frame. Raises ``ValueError`` for frames that do
    not fit together (nothing written) and ``LoadError`` when the database refuses the load
    (rolled back).

    Instead of ``figures``, ``claim_checks`` and ``quarantine``, a run may pass ``batches``:
    an iterable of ``(figures, claim_checks, quarantine)`` frames read one at a time inside
    the same transaction, so a large run never holds all of its rows at once. A batch that
    does not fit the articles is a ``ValueError`` that rolls back the batches before it too.
    """
    _require(articles, [c for c in ARTICLE_COLUMNS if c not in OPTIONAL_ARTICLE_COLUMNS], "articles")
    if batches is None:
        batch = _checked_batch(articles, figures, claim_checks, quarantine)
        batches = [batch]  # checked before anything is written, as callers expect
    tables = dict(tables or {})
    for name, frame in tables.items():
        if name in TABLE_COLUMNS:
            _require(frame, TABLE_COLUMNS[name], name)

    own_run = run.get("run_id") is None
    if own_run:
        try:
            run_id = start_run(engine, run.get("flow_run_id"), run.get("input_hashes"),
                               extractor_version, started_at=run.get("started_at"))
        except DBAPIError as exc:
            raise LoadError(f"could not record the run in the warehouse: {redact(_describe(exc))}",
                            transient=isinstance(exc, (OperationalError, InterfaceError))) from exc
    else:
        run_id = int(run["run_id"])
    run_counts = {k: _py(run[k]) for k in RUN_COUNTS if k in run and k not in _LOAD_COUNTS}
    skipped_before = int(run_counts.pop("articles_skipped", 0) or 0)
    try:
        with write_transaction(engine) as conn:
            counts = _load(conn, run_id, articles, batches, tables, extractor_version, replace)
            conn.execute(update(etl_run).where(etl_run.c.run_id == run_id).values(
                **run_counts, **{k: counts[k] for k in _LOAD_COUNTS},
                # Skipped by the caller before extraction, plus any another run loaded meanwhile.
                articles_skipped=skipped_before + counts["articles_skipped"],
                **({"status": "succeeded", "ended_at": _now()} if own_run else {}),
            ))
    except Exception as exc:
        if isinstance(exc, (ValueError, LoadError)):
            error: Exception = exc
        else:
            error = LoadError(
                f"load of run {run_id} rolled back, the warehouse is unchanged: "
                f"{redact(_describe(exc))}",
                transient=isinstance(exc, (OperationalError, InterfaceError, OSError)),
            )
        if own_run:
            finish_run(engine, run_id, "failed", run_counts, error=error)
        if error is exc:
            raise
        raise error from exc
    return {"run_id": run_id, **counts}


def _load(conn, run_id, articles, batches, tables, extractor_version, replace=False):
    counts: dict[str, int] = {}
    counts["periods"] = _ensure_periods(conn, _years([], tables))
    counts["regions"] = _upsert_regions(conn, tables.get("regions.csv"))
    counts["metrics"] = _upsert_metrics(conn, tables.get("metrics.csv"))
    counts["fx_rates"] = _replace_fx_rates(conn, tables.get("fx_rates.csv"))
    # what official articles said is derived again at the end, from the figures loaded then
    conn.execute(fct_official_stat.delete().where(fct_official_stat.c.figure_key.is_not(None)))
    counts["official_stats"] = _replace_official_stats(conn, tables.get("official_series.csv"))

    to_load, skipped, replaced = _plan_articles(conn, articles, extractor_version, replace)
    article_keys = _insert_articles(conn, to_load, run_id, extractor_version)
    counts["articles_loaded"] = len(article_keys)
    counts["articles_replaced"] = replaced
    counts["articles_skipped"] = len(skipped)

    lookups = _region_lookup(conn), _metric_keys(conn)
    seen = _quarantined(conn)
    counts.update(figures_loaded=0, claim_checks_loaded=0, quarantine_loaded=0)
    for batch in batches:
        figures, claim_checks, rejected = _checked_batch(articles, *batch)
        counts["periods"] += _ensure_periods(conn, _years([figures["period_start"],
                                                           figures["period_end"]], {}))
        figures = figures[figures["article_hash"].isin(list(article_keys))]
        counts["figures_loaded"] += _insert_figures(conn, figures, article_keys, run_id,
                                                    extractor_version, lookups)
        claim_checks = claim_checks[claim_checks["article_hash"].isin(list(article_keys))]
        counts["claim_checks_loaded"] += _insert_claim_checks(conn, claim_checks, article_keys,
                                                              run_id)
        rejected = rejected[~rejected["article_hash"].isin(list(skipped))]
        counts["quarantine_loaded"] += _insert_quarantine(conn, rejected, run_id, seen)
    counts["rows_loaded"] = counts["figures_loaded"] + counts["claim_checks_loaded"]
    counts["official_stats_from_articles"] = _derive_official_stats(conn)
    return counts


def _derive_official_stats(conn: Connection) -> int:
    """fct_official_stat rows from the figures of official articles (tasks/official_stats.py's
    rule); a row already there (official_series.csv's, an earlier bulletin's) is never replaced."""
    f, a, o, r, m = fct_figure.c, dim_article.c, fct_official_stat.c, dim_region.c, dim_metric.c
    taken = set(conn.execute(
        select(r.name, m.key, o.year).join(dim_region, r.region_key == o.region_key)
        .join(dim_metric, m.metric_key == o.metric_key)).all())
    rows = conn.execute(
        select(f.figure_key, f.region_key, f.metric_key, r.name.label("region"), m.key.label("metric"),
               f.period_start, f.period_end, f.qualifier, f.link_type, f.link_seq, f.seq, f.value, f.unit,
               f.surface, f.sentence, f.start, f.end, a.path, a.title, a.pub_date)
        .join(dim_article, a.article_key == f.article_key)
        .outerjoin(dim_region, r.region_key == f.region_key).outerjoin(dim_metric, m.metric_key == f.metric_key)
        .where(a.source_type == "official")).all()
    candidates = pd.DataFrame([tuple(row) for row in rows], columns=list(rows[0]._fields) if rows else [
        "figure_key", "region_key", "metric_key", "region", "metric", "period_start", "period_end",
        "qualifier", "link_type", "link_seq", "seq", "value", "unit", "surface", "sentence", "start", "end",
        "path", "title", "pub_date"])
    stated = stated_statistics(candidates, taken)
    out = [{"region_key": int(x.region_key), "metric_key": int(x.metric_key), "year": int(x.year),
            "value": float(x.value), "unit": x.unit, "figure_key": int(x.figure_key), "source": x.source}
           for x in stated.itertuples()]
    _insert(conn, fct_official_stat, out)
    return len(out)


def _checked_batch(articles, figures, claim_checks, rejected):
    _require(figures, [c for c in FIGURE_COLUMNS if c not in OPTIONAL_FIGURE_COLUMNS], "figures")
    figures = figures.assign(**{c: None for c in OPTIONAL_FIGURE_COLUMNS if c not in figures.columns})
    claim_checks = _or_empty(claim_checks, CLAIM_CHECK_COLUMNS, "claim_checks")
    rejected = _or_empty(rejected, QUARANTINE_COLUMNS, "quarantine")
    _check_article_references(articles, figures, claim_checks)
    return figures, claim_checks, rejected


# --------------------------------------------------------------------------- dimensions


def _years(series: list[pd.Series], tables: dict[str, pd.DataFrame]) -> set[int]:
    """Every year in `series` and in the curated tables' ``year`` columns."""
    years: set[int] = set()
    series = list(series)
    for name in ("fx_rates.csv", "official_series.csv"):
        if tables.get(name) is not None:
            series.append(tables[name]["year"])
    for s in series:
        years.update(int(y) for y in pd.to_numeric(s, errors="raise").dropna().unique())
    return years


def _ensure_periods(conn: Connection, years: set[int]) -> int:
    existing = set(conn.scalars(select(dim_period.c.period_key)))
    missing = sorted(years - existing)
    rows = [{"period_key": y, "year": y, "decade": y - y % 10, "first_day": date(y, 1, 1),
             "last_day": date(y, 12, 31)} for y in missing]
    _insert(conn, dim_period, rows)
    return len(rows)


def _upsert(conn: Connection, table: Table, rows: list[dict], keys: Sequence[str]) -> None:
    if not rows:
        return
    insert = pg_insert if conn.dialect.name == "postgresql" else sqlite_insert
    for chunk in _chunks(rows, 500):
        stmt = insert(table).values(chunk)
        changing = {c: stmt.excluded[c] for c in chunk[0] if c not in keys}
        conn.execute(stmt.on_conflict_do_update(index_elements=list(keys), set_=changing))


def _upsert_regions(conn: Connection, regions: pd.DataFrame | None) -> int:
    if regions is None:
        return 0
    codes = tuple(c for c in REGION_CODE_COLUMNS if c in regions.columns)
    # the parent is a key, set below once every region has one
    rows = _records(regions, (*(c for c in TABLE_COLUMNS["regions.csv"] if c != "parent"), *codes))
    _upsert(conn, dim_region, rows, ["name"])
    keys = _region_keys(conn)
    parents = []
    for row in _records(regions, ("name", "parent")):
        parent = row["parent"]
        if parent is not None and str(parent).strip():
            if parent not in keys:
                raise ValueError(f"regions.csv: region {row['name']!r} has unknown parent {parent!r}")
            parents.append({"b_name": row["name"], "b_parent": keys[parent]})
        else:
            parents.append({"b_name": row["name"], "b_parent": None})
    conn.execute(
        update(dim_region)
        .where(dim_region.c.name == bindparam("b_name"))
        .values(parent_key=bindparam("b_parent")),
        parents,
    )
    return len(rows)


def _upsert_metrics(conn: Connection, metrics: pd.DataFrame | None) -> int:
    if metrics is None:
        return 0
    rows = _records(metrics, TABLE_COLUMNS["metrics.csv"])
    _upsert(conn, dim_metric, rows, ["key"])
    return len(rows)


def _replace_fx_rates(conn: Connection, rates: pd.DataFrame | None) -> int:
    if rates is None:
        return 0
    rows = _records(rates, TABLE_COLUMNS["fx_rates.csv"])
    _upsert(conn, fct_fx_rate, rows, ["year", "currency"])
    _delete_absent(conn, fct_fx_rate, ("year", "currency"), rows)
    return len(rows)


def _replace_official_stats(conn: Connection, series: pd.DataFrame | None) -> int:
    if series is None:
        return 0
    regions, metrics = _region_keys(conn), _metric_keys(conn)
    rows = []
    for i, row in enumerate(_records(series, TABLE_COLUMNS["official_series.csv"]), start=1):
        for column, lookup in (("region", regions), ("metric", metrics)):
            if row[column] not in lookup:
                raise ValueError(
                    f"official_series.csv row {i}, column {column}: {row[column]!r} is not in "
                    f"{'regions.csv' if column == 'region' else 'metrics.csv'}"
                )
        rows.append({
            "region_key": regions[row["region"]], "metric_key": metrics[row["metric"]],
            "year": row["year"], "value": row["value"], "unit": row["unit"],
            "source": row["source"],
        })
    _upsert(conn, fct_official_stat, rows, ["region_key", "metric_key", "year"])
    _delete_absent(conn, fct_official_stat, ("region_key", "metric_key", "year"), rows)
    return len(rows)


def _delete_absent(conn: Connection, table: Table, key: Sequence[str], rows: list[dict]) -> None:
    wanted = {tuple(r[k] for k in key) for r in rows}
    present = conn.execute(select(*[table.c[k] for k in key])).all()
    gone = [dict(zip(key, p)) for p in present if tuple(p) not in wanted]
    if gone:
        conn.execute(
            table.delete().where(and_(*[table.c[k] == bindparam(f"b_{k}") for k in key])),
            [{f"b_{k}": g[k] for k in key} for g in gone],
        )


def _region_keys(conn: Connection) -> dict[str, int]:
    return dict(conn.execute(select(dim_region.c.name, dim_region.c.region_key)).all())


def _metric_keys(conn: Connection) -> dict[str, int]:
    return dict(conn.execute(select(dim_metric.c.key, dim_metric.c.metric_key)).all())


def _region_lookup(conn: Connection) -> dict[str, int]:
    """Region name -> key, then aliases (case-insensitive) for names the gazetteer spells otherwise."""
    lookup: dict[str, int] = {}
    rows = conn.execute(select(dim_region.c.name, dim_region.c.aliases, dim_region.c.region_key))
    names = {}
    for name, aliases, key in rows:
        names[name] = key
        for alias in (aliases or "").split("|"):
            if alias.strip():
                lookup.setdefault(alias.strip().casefold(), key)
    for name, key in names.items():
        lookup[name.casefold()] = key
    return lookup


# --------------------------------------------------------------------------- articles and facts


def _plan_articles(conn: Connection, articles: pd.DataFrame, extractor_version: str,
                   replace: bool | Iterable[str] = False):
    """Which incoming articles to (re)load; deletes the rows of those being replaced.

    Returns (frame of articles to insert, set of skipped hashes, number replaced).
    """
    incoming = articles.drop_duplicates("article_hash")
    hashes = [str(h) for h in incoming["article_hash"]]
    paths = [str(p) for p in incoming["path"]]
    existing = []
    for chunk in _chunks(hashes, 500):
        existing += conn.execute(select(dim_article).where(dim_article.c.article_hash.in_(chunk))).all()
    for chunk in _chunks(paths, 500):
        existing += conn.execute(select(dim_article).where(dim_article.c.path.in_(chunk))).all()
    by_hash = {r.article_hash: r for r in existing}
    by_path = {r.path: r for r in existing}
    loaded = {r.path: (r.article_hash, r.extractor_version) for r in existing}

    skipped: set[str] = set()
    stale: dict[int, str] = {}  # article_key -> its hash
    load_mask = []
    for article_hash, path in zip(hashes, paths):
        same = by_hash.get(article_hash)
        # replace: True for every article, or the hashes of those to reload (metadata edited)
        forced = replace is True or (not isinstance(replace, bool) and article_hash in replace)
        # decided again here, in the write transaction: another run may have loaded it meanwhile
        if is_current(loaded, path, article_hash, extractor_version) and not forced:
            skipped.add(article_hash)
            load_mask.append(False)
            continue
        # Loaded afresh, replacing what holds its bytes or its path. That includes the same
        # bytes under a new name (the file moved): skipping it would leave dim_article naming
        # the old path, or lose the article altogether if that path is replaced in this run.
        load_mask.append(True)
        for row in (same, by_path.get(path)):
            if row is not None:
                stale[row.article_key] = row.article_hash
    _delete_articles(conn, stale)
    replaced = sum(1 for h in stale.values() if h not in skipped)
    return incoming[load_mask], skipped, replaced


def _delete_articles(conn: Connection, stale: dict[int, str]) -> None:
    if not stale:
        return
    keys, hashes = list(stale), list(stale.values())
    for chunk in _chunks(keys, 500):
        conn.execute(fct_claim_check.delete().where(fct_claim_check.c.article_key.in_(chunk)))
        conn.execute(fct_figure.delete().where(fct_figure.c.article_key.in_(chunk)))
        conn.execute(dim_article.delete().where(dim_article.c.article_key.in_(chunk)))
    for chunk in _chunks(hashes, 500):
        conn.execute(quarantine.delete().where(quarantine.c.article_hash.in_(chunk)))


def _insert_articles(conn, articles: pd.DataFrame, run_id: int, extractor_version: str):
    columns = [c for c in ARTICLE_COLUMNS if c in articles.columns]
    rows = _records(articles, columns)
    for row in rows:
        row.update(extractor_version=extractor_version, loaded_run_id=run_id)
        row["pub_date_precision"] = row["pub_date_precision"] or "unknown"
        row["published_on"] = first_day(row["pub_date"])
    _insert(conn, dim_article, rows)
    hashes = [r["article_hash"] for r in rows]
    keys: dict[str, int] = {}
    for chunk in _chunks(hashes, 500):
        keys.update(conn.execute(
            select(dim_article.c.article_hash, dim_article.c.article_key)
            .where(dim_article.c.article_hash.in_(chunk))
        ).all())
    return keys


def _insert_figures(conn, figures, article_keys, run_id, extractor_version, lookups) -> int:
    regions, metrics = lookups
    rows = _records(figures, FIGURE_COLUMNS)
    for row in rows:
        row["article_key"] = article_keys[row.pop("article_hash")]
        region, metric = row["region"], row["metric"]
        row["region_key"] = None if region is None else regions.get(str(region).casefold())
        row["metric_key"] = None if metric is None else metrics.get(metric)
        row["extractor_version"] = extractor_version
        row["run_id"] = run_id
    _insert(conn, fct_figure, rows)
    return len(rows)


def _insert_claim_checks(conn, checks, article_keys, run_id) -> int:
    rows = _records(checks, CLAIM_CHECK_COLUMNS)
    if not rows:
        return 0
    figure_keys: dict[tuple[int, int], int] = {}
    # only the articles these checks are about: a batch's, not the whole run's
    for chunk in _chunks(sorted({article_keys[r["article_hash"]] for r in rows}), 500):
        figure_keys.update(
            ((a, s), k) for a, s, k in conn.execute(
                select(fct_figure.c.article_key, fct_figure.c.seq, fct_figure.c.figure_key)
                .where(fct_figure.c.article_key.in_(chunk))
            )
        )
    for row in rows:
        row["article_key"] = article_keys[row.pop("article_hash")]
        row["figure_key"] = figure_keys.get((row["article_key"], row["seq"]))
        row["run_id"] = run_id
    _insert(conn, fct_claim_check, rows)
    return len(rows)


# a rejection is the same rejection whatever the words of its reason
_QUARANTINE_IDENTITY = tuple(c for c in QUARANTINE_COLUMNS if c != "reason")
_QUARANTINE_TEXT = tuple(c for c in QUARANTINE_COLUMNS if isinstance(quarantine.c[c].type, Text))


def _quarantined(conn) -> set[tuple]:
    """Identities of the rejections already recorded."""
    return {tuple(r) for r in conn.execute(select(*[quarantine.c[c] for c in _QUARANTINE_IDENTITY]))}


def _insert_quarantine(conn, rejected: pd.DataFrame, run_id: int, seen: set[tuple]) -> int:
    rows = _records(rejected, QUARANTINE_COLUMNS)
    if not rows:
        return 0
    now = _now()
    fresh = []
    for row in rows:
        # A rejected row may carry any junk; keep it readable, never let it break the load.
        for column in _QUARANTINE_TEXT:
            if row[column] is not None:
                row[column] = str(row[column])
        row["seq"], row["row"] = _as_int(row["seq"]), _as_int(row["row"])
        identity = tuple(row[c] for c in _QUARANTINE_IDENTITY)
        if identity in seen:
            continue
        seen.add(identity)
        row.update(run_id=run_id, created_at=now)
        fresh.append(row)
    _insert(conn, quarantine, fresh)
    return len(fresh)


# --------------------------------------------------------------------------- helpers


def first_day(pub_date: str | None) -> date | None:
    """'2021' -> 1 January 2021, '2021-05' -> 1 May 2021, '2021-05-30' -> that day."""
    if not pub_date:
        return None
    parts = [int(p) for p in str(pub_date).split("-")]
    return date(*(parts + [1, 1])[:3])


def _insert(conn: Connection, table: Table, rows: list[dict]) -> None:
    days = [c.name for c in table.columns if isinstance(c.type, Date)]
    for row in rows if days else ():  # frames carry days as ISO text; SQLite's DATE takes dates
        for name in days:
            if isinstance(row.get(name), str):
                row[name] = date.fromisoformat(row[name])
    if conn.dialect.name == "postgresql" and len(rows) > CHUNK:
        _copy(conn, table, rows)
        return
    for chunk in _chunks(rows, CHUNK):
        conn.execute(table.insert(), chunk)


def _copy(conn: Connection, table: Table, rows: list[dict]) -> None:
    """PostgreSQL's COPY, in the load's own transaction, for the big fact tables.

    The values travel as data (psycopg's COPY protocol), never spliced into the statement;
    the table and column names come from our own declarations.
    """
    quote = conn.dialect.identifier_preparer.quote
    columns = list(rows[0])
    statement = (f"COPY {quote(table.name)} ({', '.join(quote(c) for c in columns)}) "
                 "FROM STDIN")
    cursor = conn.connection.dbapi_connection.cursor()
    try:
        with cursor.copy(statement) as copy:
            for row in rows:
                copy.write_row([row[c] for c in columns])
    finally:
        cursor.close()


def _chunks(items: Sequence, size: int) -> Iterable[Sequence]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def _records(frame: pd.DataFrame, columns: Sequence[str]) -> list[dict[str, Any]]:
    """Rows as dicts of plain Python values (None for every kind of missing)."""
    values = [_plain(frame[c]) for c in columns]
    return [dict(zip(columns, row)) for row in zip(*values)]


def _plain(column: pd.Series) -> list[Any]:
    # Column-wise: tolist() already yields Python scalars for numeric dtypes, so only
    # missing values, and odd objects in object columns, need a look of their own.
    values = column.tolist()
    missing = column.isna().to_numpy()
    if column.dtype.kind in "iufb":
        return [None if m else v for v, m in zip(values, missing)] if missing.any() else values
    return [None if m else _py(v) for v, m in zip(values, missing)]


def _as_int(value: Any) -> int | None:
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return None


def _require(frame: pd.DataFrame, columns: Sequence[str], name: str) -> None:
    if frame is None:
        raise ValueError(f"load_run: the {name} frame is missing")
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise ValueError(f"load_run: the {name} frame lacks column(s) {', '.join(missing)}")


def _or_empty(frame: pd.DataFrame | None, columns: Sequence[str], name: str) -> pd.DataFrame:
    if frame is None or (frame.empty and not len(frame.columns)):
        return pd.DataFrame({c: pd.Series(dtype=object) for c in columns})
    _require(frame, columns, name)
    return frame


def _check_article_references(articles, figures, claim_checks) -> None:
    known = set(articles["article_hash"])
    for name, frame in (("figures", figures), ("claim_checks", claim_checks)):
        unknown = sorted(set(frame["article_hash"]) - known)
        if unknown:
            raise ValueError(
                f"load_run: {len(unknown)} article_hash value(s) of the {name} frame are not in "
                f"the articles frame, e.g. {unknown[0]!r}"
            )


def _now() -> datetime:
    return datetime.now(timezone.utc)
