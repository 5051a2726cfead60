"""Build the static HTML report from a warehouse: ``build_report(engine, out_dir)``.

The I/O half of the report: it reads the ``mart_`` views (what BI sees), ``dim_article``
(with the texts of the articles it annotates), ``etl_run`` and ``quarantine``;
``report.page`` turns that into HTML. Nothing comes from a flow's memory or from raw/, so a
report rebuilt later from the same warehouse is the same report.

It scales with what it shows, not with the warehouse: every count (the headline, the article
index, the charts) is a GROUP BY in the database; single rows are read only for the
``articles_shown`` articles it annotates (the latest load's, newest first), for the
``claims_shown`` claims of the claims table, and for charts with few points. The page is
written piece by piece to a temporary file, then renamed.
"""
from __future__ import annotations

import os
import time
from collections.abc import Iterator, Sequence
from datetime import datetime, timezone
from pathlib import Path

import pandas as pd
from sqlalchemy import Connection, Engine, bindparam, inspect, text
from sqlalchemy.exc import SQLAlchemyError

from report.charts import RATIO_GAP_EDGES
from report.page import (
    INDEX_COLUMNS,
    ArticleBatch,
    ArticleText,
    ChartData,
    ClaimRows,
    QualityLink,
    ReportData,
    Totals,
    render_parts,
)
from tasks.furniture import furniture_spans
from warehouse.engine import redact, redact_url

ARTICLES_SHOWN = 50        # articles annotated in full (figure by figure) by default
CLAIMS_SHOWN = 200         # rows of the claims table
INDEX_MAX = 20_000         # articles listed in the index (~200 bytes each on the page)
RATIO_POINTS_MAX = 40      # stated ratios drawn one by one; more are counted in bins
MONEY_POINTS_MAX = 500     # money figures drawn one by one; more are counted per power of ten
BATCH = 100                # annotated articles read and written at a time
IN_CHUNK = 500             # keys per "IN (...)" list
QUARANTINE_SHOWN = 500
RUNS_SHOWN = 20
REJECTED_FILES_SHOWN = 1000
# The columns the report reads, by view or table: a warehouse without one is refused by name.
REQUIRED = {
    "mart_figures": ("figure_key", "article_key", "article_path", "seq", "start", "end", "surface",
                     "kind", "value", "unit", "qualifier", "value_cny", "value_usd", "fx_rate",
                     "fx_year", "period_start", "period_end", "region", "metric_label",
                     "link_seq", "link_type", "linked_surface"),
    "mart_claim_checks": ("article_key", "figure_key", "seq", "check_type", "verdict", "surface",
                          "observed", "expected", "rel_diff", "tolerance", "explanation",
                          "evidence_seq", "evidence_surface", "evidence_source"),
    "mart_region_year": ("region", "metric", "metric_label", "year", "unit", "figure_count",
                         "figure_avg", "official_value", "official_source"),
    "dim_article": ("article_key", "article_hash", "path", "title", "publisher", "url", "pub_date",
                    "loaded_run_id", "text"),
    "etl_run": ("run_id", "started_at", "ended_at", "status", "articles_read", "articles_skipped",
                "figures_extracted", "figures_loaded", "rows_rejected", "quality_success", "error"),
    "quarantine": ("quarantine_key", "run_id", "source_file", "row", "column", "failure_case",
                   "reason"),
    "etl_rejected_file": ("path", "article_hash", "reason", "first_run_id", "last_run_id",
                          "times_rejected"),
}

# --------------------------------------------------------------------------- SQL
# Portable between SQLite and PostgreSQL: no LOG(), no GREATEST(), NULLs ordered explicitly.

# The report's order of articles: the latest load first, then the newest publication date.
ARTICLE_ORDER = ("a.loaded_run_id DESC, CASE WHEN a.pub_date IS NULL THEN 1 ELSE 0 END, "
                 "a.pub_date DESC, a.path")
# A claim is a checked figure; its verdict is its worst check's (annotate.figure_verdict).
VERDICT_RANK = {3: "inconsistent", 2: "consistent", 1: "unverifiable"}
CLAIM_CTE = (
    "claim AS (SELECT article_key, seq, MAX(CASE verdict WHEN 'inconsistent' THEN 3 "
    "WHEN 'consistent' THEN 2 WHEN 'unverifiable' THEN 1 ELSE 0 END) AS worst "
    "FROM mart_claim_checks GROUP BY article_key, seq)"
)
ARTICLE_COLUMNS = ("a.article_key, a.article_hash, a.path, a.title, a.publisher, a.url, a.pub_date, "
                   "a.pub_date_precision, a.word_count")
# Of a conversion pair ("4,000 yuan (US$620)") only the amount written first is a money point.
FIRST_OF_PAIR = ("(link_type IS NULL OR link_type <> 'conversion' OR link_seq IS NULL "
                 "OR link_seq > seq)")
MONEY_DECADES = range(0, 16)  # 1 yuan .. 10^15 yuan; amounts outside fall in the end bins


def bin_case(expr: str, edges: Sequence[float]) -> str:
    """SQL for the index of the bin of ``expr`` among ``edges`` (0 below edges[0] ...
    len(edges) at or above the last); NULL when ``expr`` is NULL.

    >>> bin_case("x", [0, 10])
    'CASE WHEN x IS NULL THEN NULL WHEN x < 0.0 THEN 0 WHEN x < 10.0 THEN 1 ELSE 2 END'
    """
    whens = " ".join(f"WHEN {expr} < {float(e)!r} THEN {i}" for i, e in enumerate(edges))
    return f"CASE WHEN {expr} IS NULL THEN NULL {whens} ELSE {len(edges)} END"


def _in_chunks(keys: Sequence[int], size: int = IN_CHUNK) -> Iterator[list[int]]:
    keys = [int(k) for k in keys]
    for i in range(0, len(keys), size):
        yield keys[i:i + size]


def _read_in(conn: Connection, sql: str, keys: Sequence[int], **params) -> pd.DataFrame:
    """``sql`` (with ``IN :keys``) for every key, a chunk of keys at a time."""
    stmt = text(sql).bindparams(bindparam("keys", expanding=True))
    frames = [pd.read_sql(stmt, conn, params={"keys": chunk, **params}) for chunk in _in_chunks(keys)]
    if not frames:  # no key: the columns still come from an empty read
        return pd.read_sql(text(sql.replace("IN :keys", "IN (NULL)")), conn, params=params)
    return frames[0] if len(frames) == 1 else pd.concat(frames, ignore_index=True)


class ReportError(RuntimeError):
    """The report cannot be built from this warehouse; the message says why."""


def check_warehouse(engine: Engine, conn: Connection) -> None:
    """Raise ReportError naming the first view, table or column the report needs and lacks."""
    url = redact_url(engine.url)
    insp = inspect(conn)
    present = set(insp.get_view_names()) | set(insp.get_table_names())
    missing = [name for name in REQUIRED if name not in present]
    if missing:
        raise ReportError(
            f"warehouse {url} has no {', '.join(missing)}: create it with "
            "`figures db upgrade` (or load it with `figures run`) first"
        )
    for name, columns in REQUIRED.items():
        have = {c["name"] for c in insp.get_columns(name)}
        if absent := [c for c in columns if c not in have]:
            raise ReportError(f"warehouse {url}: {name} has no column {', '.join(absent)}; "
                              "upgrade it with `figures db upgrade`")


def read_index(conn: Connection, limit: int = INDEX_MAX) -> tuple[pd.DataFrame, Totals]:
    """The article index (report order, counts per article) and the warehouse's totals."""
    sql = f"""
        WITH {CLAIM_CTE},
        fig AS (SELECT article_key, COUNT(*) AS figures FROM mart_figures GROUP BY article_key),
        per AS (SELECT article_key, COUNT(*) AS claims,
                       SUM(CASE WHEN worst = 2 THEN 1 ELSE 0 END) AS consistent,
                       SUM(CASE WHEN worst = 3 THEN 1 ELSE 0 END) AS inconsistent,
                       SUM(CASE WHEN worst = 1 THEN 1 ELSE 0 END) AS unverifiable
                FROM claim GROUP BY article_key)
        SELECT a.article_key, a.path, a.title, a.publisher, a.pub_date,
               COALESCE(fig.figures, 0) AS figures, COALESCE(per.claims, 0) AS claims,
               COALESCE(per.consistent, 0) AS consistent, COALESCE(per.inconsistent, 0) AS inconsistent,
               COALESCE(per.unverifiable, 0) AS unverifiable,
               COUNT(*) OVER () AS articles_total, SUM(COALESCE(fig.figures, 0)) OVER () AS figures_total
        FROM dim_article AS a
        LEFT JOIN fig ON fig.article_key = a.article_key
        LEFT JOIN per ON per.article_key = a.article_key
        ORDER BY {ARTICLE_ORDER}
        LIMIT :limit"""
    index = pd.read_sql(text(sql), conn, params={"limit": int(limit)})
    if index.empty and limit > 0:
        articles, figures = 0, 0
    elif index.empty:  # nothing listed: count without the list
        articles = int(conn.execute(text("SELECT COUNT(*) FROM dim_article")).scalar_one())
        figures = int(conn.execute(text("SELECT COUNT(*) FROM mart_figures")).scalar_one())
    else:
        articles, figures = int(index["articles_total"].iloc[0]), int(index["figures_total"].iloc[0])
    claims = conn.execute(text(f"WITH {CLAIM_CTE} SELECT worst, COUNT(*) FROM claim GROUP BY worst")).all()
    checks = int(conn.execute(text("SELECT COUNT(*) FROM mart_claim_checks")).scalar_one())
    totals = Totals(articles=articles, figures=figures, checks=checks,
                    claims={VERDICT_RANK[int(w)]: int(n) for w, n in claims if int(w) in VERDICT_RANK})
    return index[list(INDEX_COLUMNS)], totals


def read_shown(conn: Connection, limit: int | None, first: Sequence[int] = ()) -> pd.DataFrame:
    """dim_article rows of the articles to annotate (all when ``limit`` is None): the articles
    ``first`` names (those of the claims table, so each claim links to its article in place),
    then the others in report order, ``limit`` in all."""
    sql = f"SELECT {ARTICLE_COLUMNS} FROM dim_article AS a ORDER BY {ARTICLE_ORDER}"
    if limit is None:
        return pd.read_sql(text(sql), conn)
    limit = max(0, int(limit))
    first = list(dict.fromkeys(int(k) for k in first))[:limit]
    rest = pd.read_sql(text(sql + " LIMIT :limit"), conn, params={"limit": limit + len(first)})
    if not first:
        return rest.head(limit)
    claimed = _read_in(conn, f"SELECT {ARTICLE_COLUMNS} FROM dim_article AS a WHERE a.article_key IN :keys", first)
    position = {key: i for i, key in enumerate(first)}
    claimed = claimed.iloc[claimed["article_key"].astype(int).map(position).argsort()]
    rest = rest[~rest["article_key"].astype(int).isin(first)]
    return pd.concat([claimed, rest], ignore_index=True).head(limit)


def read_claims(conn: Connection, limit: int) -> ClaimRows:
    """The claims of the claims table: those that do not hold first, then in article order."""
    order = conn.execute(text(f"""
        WITH {CLAIM_CTE}
        SELECT c.article_key, c.seq FROM claim AS c JOIN dim_article AS a ON a.article_key = c.article_key
        ORDER BY CASE c.worst WHEN 3 THEN 0 WHEN 2 THEN 1 WHEN 1 THEN 2 ELSE 3 END, {ARTICLE_ORDER}, c.seq
        LIMIT :limit"""), {"limit": max(0, int(limit))}).all()
    order = [(int(a), int(s)) for a, s in order]
    if not order:
        return ClaimRows()
    wanted = set(order)
    checks = _read_in(conn, "SELECT * FROM mart_claim_checks WHERE article_key IN :keys "
                            "ORDER BY article_key, seq, claim_check_key", sorted({a for a, _ in order}))
    checks = checks[[(int(a), int(s)) in wanted for a, s in zip(checks["article_key"], checks["seq"])]]
    figure_keys = sorted({int(k) for k in checks["figure_key"].dropna()})
    spans = _read_in(conn, 'SELECT figure_key, article_key, article_path, article_hash, "start", "end" '
                           "FROM mart_figures WHERE figure_key IN :keys", figure_keys)
    return ClaimRows(order=order, checks=checks.reset_index(drop=True), spans=spans)


def read_charts(conn: Connection) -> ChartData:
    """What the four charts draw, each counted in SQL (single rows only when few)."""
    def q(sql: str, **params) -> pd.DataFrame:
        return pd.read_sql(text(sql), conn, params=params)

    per_capita_gdp = " OR ".join(f"(LOWER({c}) LIKE '%gdp%' AND LOWER({c}) LIKE '%capita%')"
                                 for c in ("metric", "metric_label"))  # as charts.is_per_capita_gdp
    data = ChartData(
        region_year=q(f"SELECT * FROM mart_region_year WHERE unit = 'CNY' AND ({per_capita_gdp})"),
        verdict_counts=q("SELECT check_type, verdict, COUNT(*) AS n FROM mart_claim_checks "
                         "GROUP BY check_type, verdict"),
    )
    n_ratios = int(conn.execute(text(
        "SELECT COUNT(*) FROM mart_claim_checks WHERE check_type = 'stated_ratio'")).scalar_one())
    if n_ratios <= RATIO_POINTS_MAX:
        data.ratio_checks = q("SELECT * FROM mart_claim_checks WHERE check_type = 'stated_ratio' "
                              "ORDER BY article_key, seq")
        data.ratio_figures = _read_in(
            conn, "SELECT article_key, seq, figure_key, period_start, period_end, region "
                  "FROM mart_figures WHERE article_key IN :keys", sorted(set(data.ratio_checks["article_key"])))
    else:
        gap = bin_case("(observed - expected)", RATIO_GAP_EDGES)
        data.ratio_gaps = q(f"SELECT {gap} AS gap_bin, verdict, COUNT(*) AS n FROM mart_claim_checks "
                            f"WHERE check_type = 'stated_ratio' GROUP BY {gap}, verdict")
    decade = bin_case("value_cny", [10.0 ** k for k in MONEY_DECADES])
    money = f"kind = 'money' AND value_cny IS NOT NULL AND {FIRST_OF_PAIR}"
    bins = q(f"SELECT metric_label, {decade} AS bin, COUNT(*) AS n FROM mart_figures WHERE {money} "
             f"GROUP BY metric_label, {decade}")
    if int(bins["n"].sum()) <= MONEY_POINTS_MAX:
        data.money_figures = q(
            'SELECT figure_key, seq, kind, value_cny, link_seq, link_type, metric_label, period_start, '
            f"period_end, surface, qualifier, region FROM mart_figures WHERE {money}")
    else:
        # bin i holds [10^(first+i-1), 10^(first+i)); the end bins take whatever lies beyond
        data.money_bins = bins.assign(decade=bins["bin"].astype("int64") + MONEY_DECADES[0] - 1)[
            ["metric_label", "decade", "n"]]
    return data


def read_warehouse(conn: Connection, articles_shown: int | None = ARTICLES_SHOWN,
                   claims_shown: int = CLAIMS_SHOWN) -> ReportData:
    """Everything the report shows except the annotated articles' rows (see ``article_batches``)."""
    index, totals = read_index(conn)
    claims = read_claims(conn, claims_shown)
    return ReportData(
        totals=totals,
        index=index,
        shown=read_shown(conn, articles_shown, first=[a for a, _ in claims.order]),
        claims=claims,
        charts=read_charts(conn),
        runs=pd.read_sql(text(f"SELECT * FROM etl_run ORDER BY run_id DESC LIMIT {RUNS_SHOWN}"), conn),
        quarantine=pd.read_sql(text("SELECT * FROM quarantine ORDER BY quarantine_key DESC "
                                    f"LIMIT {QUARANTINE_SHOWN}"), conn),
        quarantine_total=int(conn.execute(text("SELECT COUNT(*) FROM quarantine")).scalar_one()),
        rejected_files=pd.read_sql(text("SELECT * FROM etl_rejected_file ORDER BY last_run_id DESC, path "
                                        f"LIMIT {REJECTED_FILES_SHOWN}"), conn),
        rejected_files_total=int(conn.execute(text("SELECT COUNT(*) FROM etl_rejected_file")).scalar_one()),
    )


def article_batches(conn: Connection, shown: pd.DataFrame, size: int | None = None,
                    known: dict[str, ArticleText] | None = None) -> Iterator[ArticleBatch]:
    """The annotated articles with their figures, checks and texts, ``size`` (default
    ``BATCH``) articles at a time, read only as the page is written (``known``: texts
    already read, by path)."""
    size = size or BATCH
    known = known or {}
    for start in range(0, len(shown), size):
        articles = shown.iloc[start:start + size]
        keys = [int(k) for k in articles["article_key"]]
        paths = articles["path"].tolist()
        read = read_article_texts(conn, [k for k, p in zip(keys, paths) if p not in known])
        yield ArticleBatch(
            articles=articles,
            figures=_read_in(conn, "SELECT * FROM mart_figures WHERE article_key IN :keys "
                                   "ORDER BY article_key, seq", keys),
            checks=_read_in(conn, "SELECT * FROM mart_claim_checks WHERE article_key IN :keys "
                                  "ORDER BY article_key, seq, claim_check_key", keys),
            texts={p: known[p] if p in known else read[p] for p in paths},
        )


def read_article_texts(conn: Connection, article_keys: Sequence[int]) -> dict[str, ArticleText]:
    """The texts the warehouse holds of these articles, by path, with their furniture spans.

    The text is the one the figures were read from (``dim_article.text``), so the offsets
    always point at the right characters. An article loaded before the warehouse kept texts
    has none: its figures are listed without their context, and the page says why."""
    rows = _read_in(conn, "SELECT path, text FROM dim_article WHERE article_key IN :keys", article_keys)
    return {path: (ArticleText(text_, furniture=furniture_spans(text_)) if isinstance(text_, str) else
                   ArticleText(None, problem="the warehouse holds no text for this article (it was loaded "
                                             "before texts were kept): `figures run --full-refresh` loads "
                                             "it again. Its figures are listed without their context."))
            for path, text_ in zip(rows["path"], rows["text"])}


def quality_link(quality_docs: Path | None, out_dir: Path) -> QualityLink:
    """A link from the report folder to the data-quality docs (their folder or index file)."""
    if quality_docs is None:
        return QualityLink(None, "No data-quality docs location was given.")
    docs = Path(quality_docs)
    if docs.is_dir():
        docs = docs / "index.html"
    if not docs.is_file():
        return QualityLink(None, f"No data-quality docs found at {quality_docs}.")
    try:
        href = Path(os.path.relpath(docs.resolve(), Path(out_dir).resolve())).as_posix()
    except ValueError:  # another drive (Windows): no relative path exists
        href = docs.resolve().as_uri()
    return QualityLink(href)


def build_report(engine: Engine, out_dir: Path, quality_docs: Path | None = None, *,
                 articles_shown: int | None = ARTICLES_SHOWN, claims_shown: int = CLAIMS_SHOWN) -> Path:
    """Write ``out_dir/index.html`` from the warehouse at ``engine``; returns its path.

    ``quality_docs`` is the data-quality folder (``warehouse/quality``) or its index file.
    ``articles_shown`` articles are annotated figure by figure (None: all of them; every
    article is still listed with its counts), and the claims table shows ``claims_shown``
    claims, those that do not hold first. Raises ``ReportError`` when the warehouse has not
    been created.
    """
    out_dir = Path(out_dir)
    url = redact_url(engine.url)
    database = engine.url.database
    if (engine.url.get_backend_name() == "sqlite" and database and database != ":memory:"
            and not database.startswith("file:") and not Path(database).exists()):
        # Connecting would create an empty file where the user expected their warehouse.
        raise ReportError(f"no warehouse at {database}: load one with `figures run` first")
    with engine.connect() as conn:
        check_warehouse(engine, conn)
        out_dir.mkdir(parents=True, exist_ok=True)
        target = out_dir / "index.html"
        # Written aside then renamed, so a browser never opens a half-written report.
        tmp = out_dir / f".index.html.{os.getpid()}.{time.monotonic_ns()}.tmp"
        try:
            data = read_warehouse(conn, articles_shown, claims_shown)
            data.claims.texts = _claim_texts(conn, data.claims)
            batches = article_batches(conn, data.shown, known=data.claims.texts)
            parts = render_parts(data, batches,
                                 quality_link(quality_docs, out_dir), datetime.now(timezone.utc))
            with tmp.open("w", encoding="utf-8") as page:
                for part in parts:
                    page.write(part)
            os.replace(tmp, target)
        except SQLAlchemyError as exc:
            raise ReportError(f"warehouse {url}: reading the report's views failed: "
                              f"{redact(str(exc.orig if hasattr(exc, 'orig') else exc))}") from None
        finally:
            tmp.unlink(missing_ok=True)
    return target


def _claim_texts(conn: Connection, claims: ClaimRows) -> dict[str, ArticleText]:
    """The texts of the claims table's articles (each claim is shown in its sentence)."""
    if claims.spans is None or claims.spans.empty:
        return {}
    return read_article_texts(conn, sorted({int(k) for k in claims.spans["article_key"]}))
