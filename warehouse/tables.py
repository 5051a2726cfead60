"""The warehouse schema: the one place its tables and columns are declared (SQLAlchemy 2 Core).

A star: ``fct_figure`` (one row per figure stated in an article) with ``dim_article``,
``dim_region``, ``dim_metric`` and ``dim_period`` around it; ``fct_official_stat`` and
``fct_fx_rate`` from the curated tables; ``fct_claim_check`` (one row per check of a figure);
``quarantine`` and ``etl_run`` for what was rejected and by which run.

Column names are the words of the pipeline's frames (``schemas/figures.py``): ``start`` and
``end`` stay ``start`` and ``end`` — SQLAlchemy quotes them, and so must hand-written SQL
(``warehouse/views/*.sql`` writes ``f."end"``). Every table and column carries a ``comment``:
``docs/warehouse.md`` is generated from them (``warehouse/dictionary.py``).

Periods are years: ``period_start``/``period_end``/``year`` are foreign keys to
``dim_period.period_key``, which *is* the year, so a BI tool can filter by year without a join
and still join to the dimension.
"""
from __future__ import annotations

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Column,
    Date,
    DateTime,
    Double,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

# Allowed values of the facts become CHECK constraints, so they are part of the schema: changing
# one takes a migration. The words are the contract's, which the pipeline's models read too.
# The curated dimensions' vocabularies (region levels) grow with the tables and are checked by
# their Pandera schemas only.
from schemas.vocabulary import (
    CHECK_TYPES,
    DATE_PRECISIONS,
    GRANULARITIES,
    KINDS,
    LINK_TYPES,
    QUALIFIERS,
    RUN_STATUSES,
    VERDICTS,
)

NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s",
    "pk": "pk_%(table_name)s",
}

metadata = MetaData(naming_convention=NAMING_CONVENTION)

def _in(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


def _key(name: str, comment: str) -> Column:
    return Column(name, Integer, primary_key=True, autoincrement=True, comment=comment)


def _source() -> Column:
    return Column(
        "source",
        Text,
        nullable=False,
        comment="Where the row comes from: the article or a named official publication.",
    )


etl_run = Table(
    "etl_run",
    metadata,
    _key("run_id", "Surrogate key of a pipeline run; every loaded or rejected row names its run."),
    Column("flow_run_id", String(64), comment="Prefect flow-run id (UUID) of the run, when run by Prefect."),
    Column("started_at", DateTime(timezone=True), nullable=False, comment="When the run started (UTC)."),
    Column("ended_at", DateTime(timezone=True), comment="When the run finished (UTC); empty while running."),
    Column("status", String(32), nullable=False, comment="running, succeeded, completed_with_rejections (loaded, but article files were skipped: see etl_rejected_file), failed, quality_failed (loaded but a data-quality expectation failed), interrupted (stopped by a signal) or abandoned (its process died while running)."),
    Column("extractor_version", String(64), comment="Version of the figure extractor the run used."),
    Column("articles_read", Integer, comment="Article files read by the run."),
    Column("articles_skipped", Integer, comment="Articles skipped: already loaded with the same content hash and extractor version."),
    Column("figures_extracted", Integer, comment="Figures the extractor found in the articles it read."),
    Column("rows_rejected", Integer, comment="Rows that failed validation and went to quarantine."),
    Column("figures_loaded", Integer, comment="Rows the run wrote to fct_figure."),
    Column("rows_loaded", Integer, comment="Fact rows the run wrote: fct_figure plus fct_claim_check."),
    Column("quality_success", Boolean, comment="Outcome of the Great Expectations checkpoint after the load; empty if it did not run."),
    Column("input_hashes", JSON, comment="JSON object: input file path -> sha256 of its bytes, for every input the run read."),
    Column("error", Text, comment="Why the run failed (passwords redacted); empty on success."),
    CheckConstraint(_in("status", RUN_STATUSES), name="status"),
    comment="One row per pipeline run: when, how it ended, its counts and the hashes of its inputs.",
)

dim_period = Table(
    "dim_period",
    metadata,
    Column("period_key", Integer, primary_key=True, autoincrement=False, comment="The calendar year itself (e.g. 2019): periods are years."),
    Column("year", Integer, nullable=False, comment="Calendar year (same as period_key, for readability)."),
    Column("decade", Integer, nullable=False, comment="First year of the decade (2019 -> 2010)."),
    Column("first_day", Date, comment="1 January of the year, as a DATE (for time series in BI tools)."),
    Column("last_day", Date, comment="31 December of the year, as a DATE."),
    comment="Year grain calendar: one row per year that any figure, official statistic or rate refers to.",
)

dim_region = Table(
    "dim_region",
    metadata,
    _key("region_key", "Surrogate key of the region."),
    Column("name", Text, nullable=False, unique=True, comment="Canonical English name (regions.csv name)."),
    Column("aliases", Text, comment="Other names (Chinese, pinyin variants), separated by |."),
    Column("level", String(32), nullable=False, comment="Administrative level as in regions.csv (country, province, prefecture, county, city, ...)."),
    Column("parent_key", Integer, ForeignKey("dim_region.region_key"), comment="The region this one belongs to (e.g. Kashgar -> Xinjiang); empty at the top."),
    Column("iso_alpha2", Text, comment="ISO 3166-1 alpha-2 code of a country (GB, IN, ZA); empty for other levels or when unknown."),
    Column("iso_alpha3", Text, comment="ISO 3166-1 alpha-3 code of a country (GBR, IND, ZAF); empty for other levels or when unknown."),
    Column("iso_subdivision", Text, comment="ISO 3166-2 code of a subdivision (IN-MH, CN-XJ); empty for countries and for places ISO 3166-2 does not list."),
    _source(),
    comment="Gazetteer from raw/tables/regions.csv: one row per region.",
)

dim_metric = Table(
    "dim_metric",
    metadata,
    _key("metric_key", "Surrogate key of the metric."),
    Column("key", String(64), nullable=False, unique=True, comment="Stable identifier used by the extractor and official_series.csv (e.g. gdp_per_capita)."),
    Column("label", Text, nullable=False, comment="Human-readable name of the metric."),
    Column("unit_family", String(32), nullable=False, comment="Kind of unit the metric is measured in, as in metrics.csv (money, percent, count, ...)."),
    Column("triggers", Text, comment="Phrases that make the extractor assign this metric, separated by |."),
    _source(),
    comment="Metric lexicon from raw/tables/metrics.csv: one row per metric.",
)

dim_article = Table(
    "dim_article",
    metadata,
    _key("article_key", "Surrogate key of the article (changes when the article is reloaded)."),
    Column("article_hash", String(64), nullable=False, unique=True, comment="sha256 (hex) of the raw article bytes: the article's identity."),
    Column("path", Text, nullable=False, unique=True, comment="File path relative to raw/articles."),
    Column("title", Text, comment="Headline (from articles.csv, else the first non-empty line)."),
    Column("publisher", Text, comment="Publisher, when known."),
    Column("url", Text, comment="Original URL, when known."),
    Column("pub_date", String(10), comment="Publication date as precise as known: YYYY, YYYY-MM or YYYY-MM-DD."),
    Column("pub_date_precision", String(8), nullable=False, comment="year, month, day or unknown."),
    Column("published_on", Date, comment="The publication date as a DATE: the day, or the first day of the month or year when only those are known (pub_date_precision says which); empty when unknown."),
    Column("word_count", Integer, comment="Words in the raw text."),
    Column("has_metadata", Boolean, comment="True when the article has a row in articles.csv."),
    Column("source_type", String(16), nullable=False, server_default="news", comment="news, or official: a publication of official statistics (a statistical communiqué, a budget) whose figures with a region, a metric and one year are also rows of fct_official_stat (articles.csv source_type)."),
    Column("extractor_version", String(64), nullable=False, comment="Extractor version that produced this article's figures; a new version reloads the article."),
    Column("loaded_run_id", Integer, ForeignKey("etl_run.run_id"), nullable=False, comment="Run that loaded this version of the article."),
    Column("text", Text, comment="The article's text as the pipeline decoded it (fct_figure.start and end index it); what the report shows the figures in. Empty for articles loaded before it was stored."),
    CheckConstraint(_in("pub_date_precision", DATE_PRECISIONS), name="pub_date_precision"),
    comment="One row per article file, at its currently loaded content and extractor version.",
)

fct_figure = Table(
    "fct_figure",
    metadata,
    _key("figure_key", "Surrogate key of the figure."),
    Column("article_key", Integer, ForeignKey("dim_article.article_key"), nullable=False, comment="Article the figure is stated in."),
    Column("seq", Integer, nullable=False, comment="Position of the figure in its article (0, 1, ...)."),
    Column("start", Integer, nullable=False, comment="Offset of the first character of the figure in the raw article text."),
    Column("end", Integer, nullable=False, comment="Offset just past the last character (raw text[start:end] == surface)."),
    Column("sentence", Integer, nullable=False, comment="Index of the sentence the figure is in (0-based)."),
    Column("surface", Text, nullable=False, comment="The figure exactly as written, e.g. 'more than 2.3 trillion yuan'."),
    Column("kind", String(16), nullable=False, comment="money, percent or quantity."),
    Column("value", Double, nullable=False, comment="Fully scaled value in `unit` (2.3 trillion -> 2.3e12; 74 per cent -> 74)."),
    Column("unit", String(64), nullable=False, comment="Currency code for money (CNY, USD, ...), 'percent', or the counted thing."),
    Column("qualifier", String(16), nullable=False, comment="exact, approx, at_least or at_most ('more than' -> at_least)."),
    Column("value_cny", Double, comment="Money in yuan at the rate of fx_date (articles dated to the day) or the fx_year average; empty for other kinds or with no rate (see unconverted_reason)."),
    Column("value_usd", Double, comment="Money in US dollars at the rate of fx_date or the fx_year average; empty for other kinds or with no rate (see unconverted_reason)."),
    Column("fx_rate", Double, comment="Yuan per one unit of `unit` used for value_cny."),
    Column("fx_year", Integer, comment="Year of the annual average rate used (the period's, else the article's year); empty when a day's rate was used."),
    Column("fx_date", String(10), comment="Day (YYYY-MM-DD) of the ECB reference rate used, for articles dated to the day; empty when an annual average was used."),
    Column("fx_source", String(16), comment="Where the rate came from: ecb_day (ECB reference rate of fx_date), ecb_year_mean (mean of the ECB's daily rates of fx_year) or fx_rates.csv (curated annual average, see fct_fx_rate); for CNY money, the source of its USD rate."),
    Column("unconverted_reason", Text, comment="Why a money figure has no value_cny or value_usd (e.g. no rate for KES in 2019); empty when converted and for other kinds."),
    Column("period_start", Integer, ForeignKey("dim_period.period_key"), comment="First year the figure refers to; empty when not stated."),
    Column("period_end", Integer, ForeignKey("dim_period.period_key"), comment="Last year the figure refers to (= period_start for a single year)."),
    Column("period_granularity", String(16), comment="What the period is: day, month, quarter, half, year, fiscal_year or multi_year; empty when the figure has no period."),
    Column("period_first_day", Date, comment="First day of the period (a quarter's first day, a fiscal year's, 1 January where only years are known); empty when the figure has no period."),
    Column("period_last_day", Date, comment="Last day of the period; empty when the figure has no period."),
    Column("region", Text, comment="Region name as the extractor resolved it (kept even when not in dim_region)."),
    Column("region_key", Integer, ForeignKey("dim_region.region_key"), comment="The region in dim_region; empty when none or not in the gazetteer."),
    Column("metric", Text, comment="Metric key as the extractor assigned it (kept even when not in dim_metric)."),
    Column("metric_key", Integer, ForeignKey("dim_metric.metric_key"), comment="The metric in dim_metric; empty when none or not in the lexicon."),
    Column("link_seq", Integer, comment="seq of the partner figure in the same article (a conversion or the other end of a range)."),
    Column("link_type", String(16), comment="conversion or range; empty when not linked."),
    Column("half_unit", Double, comment="The stated precision: half a unit of the last digit written, in `unit` ('US$620' -> 5, '76 per cent' -> 0.5, '3.94 billion' -> 5e6); the claim checks' rounding band. Empty for rows loaded before it was recorded."),
    Column("whole_cue", Boolean, comment="True when 'among', 'out of' or 'of the' comes just before the figure (a whole the sentence's other figures may be parts of: the part_whole check)."),
    Column("growth_cue", Boolean, comment="True when a word of growth or fall (rose, expanded, fell, ...) is near the figure (a percentage beside 'from X to Y' is then a stated growth rate)."),
    Column("of_follows", Boolean, comment="True when 'of' comes right after the figure ('76 per cent of ...': a share of something)."),
    Column("apposed_seq", Integer, comment="seq of the figure just before this one when only a dash, a comma, 'or' and a hedge stand between them ('54,280 yuan - or just 76 per cent'); empty otherwise."),
    Column("extractor_version", String(64), nullable=False, comment="Extractor version that produced the figure."),
    Column("run_id", Integer, ForeignKey("etl_run.run_id"), nullable=False, comment="Run that loaded the figure."),
    UniqueConstraint("article_key", "seq"),
    UniqueConstraint("article_key", "start", "end"),
    CheckConstraint('"end" > start', name="span_is_ordered"),
    CheckConstraint(_in("kind", KINDS), name="kind"),
    CheckConstraint(_in("qualifier", QUALIFIERS), name="qualifier"),
    CheckConstraint(f"link_type IS NULL OR {_in('link_type', LINK_TYPES)}", name="link_type"),
    CheckConstraint(f"period_granularity IS NULL OR {_in('period_granularity', GRANULARITIES)}",
                    name="period_granularity"),
    Index(None, "region_key"),
    Index(None, "metric_key"),
    Index(None, "period_start"),
    Index(None, "period_end"),
    Index(None, "kind"),
    Index(None, "run_id"),
    comment="One row per figure stated in an article (grain: article_key, seq).",
)

fct_official_stat = Table(
    "fct_official_stat",
    metadata,
    _key("official_stat_key", "Surrogate key of the statistic."),
    Column("region_key", Integer, ForeignKey("dim_region.region_key"), nullable=False, comment="Region the statistic is for."),
    Column("metric_key", Integer, ForeignKey("dim_metric.metric_key"), nullable=False, comment="What is measured."),
    Column("year", Integer, ForeignKey("dim_period.period_key"), nullable=False, comment="Year the statistic is for."),
    Column("value", Double, nullable=False, comment="Value in `unit`, fully scaled."),
    Column("unit", String(64), nullable=False, comment="Unit of value (CNY, percent, ...)."),
    _source(),
    Column("figure_key", Integer, ForeignKey("fct_figure.figure_key"), comment="The figure of an official article (dim_article.source_type official) this statistic was read from; empty for rows of official_series.csv, which win where both give a value."),
    UniqueConstraint("region_key", "metric_key", "year"),
    Index(None, "metric_key"),
    Index(None, "year"),
    comment="Official statistics from raw/tables/official_series.csv and from the figures of official articles (statistical communiqués): one row per region, metric and year.",
)

fct_fx_rate = Table(
    "fct_fx_rate",
    metadata,
    _key("fx_rate_key", "Surrogate key of the rate."),
    Column("year", Integer, ForeignKey("dim_period.period_key"), nullable=False, comment="Year of the annual average."),
    Column("currency", String(8), nullable=False, comment="ISO currency code (USD, HKD, EUR, ...)."),
    Column("cny_per_unit", Double, nullable=False, comment="Annual average yuan per one unit of currency."),
    _source(),
    UniqueConstraint("year", "currency"),
    CheckConstraint("cny_per_unit > 0", name="rate_positive"),
    comment="Annual average exchange rates from raw/tables/fx_rates.csv: one row per year and currency.",
)

fct_claim_check = Table(
    "fct_claim_check",
    metadata,
    _key("claim_check_key", "Surrogate key of the check."),
    Column("article_key", Integer, ForeignKey("dim_article.article_key"), nullable=False, comment="Article of the checked figure."),
    Column("figure_key", Integer, ForeignKey("fct_figure.figure_key"), comment="The figure checked; empty if that figure was quarantined."),
    Column("seq", Integer, nullable=False, comment="seq of the checked figure in its article."),
    Column("check_type", String(32), nullable=False, comment="stated_ratio, official_series, conversion, conversion_consistency, growth or part_whole."),
    Column("expected", Double, comment="Value the evidence implies."),
    Column("observed", Double, comment="Value the article states."),
    Column("rel_diff", Double, comment="(observed - expected) / expected."),
    Column("tolerance", Double, comment="Largest |rel_diff| still consistent (from the stated precision)."),
    Column("verdict", String(16), nullable=False, comment="consistent, inconsistent or unverifiable."),
    Column("explanation", Text, nullable=False, comment="The arithmetic, in words a person can check."),
    Column("evidence_seq", Integer, comment="seq of the other figure of the same article used as evidence, if any."),
    Column("evidence_source", Text, comment="Curated table and publication used as evidence, if any."),
    Column("run_id", Integer, ForeignKey("etl_run.run_id"), nullable=False, comment="Run that loaded the check."),
    CheckConstraint(_in("verdict", VERDICTS), name="verdict"),
    CheckConstraint(_in("check_type", CHECK_TYPES), name="check_type"),
    Index(None, "article_key", "seq"),
    Index(None, "figure_key"),
    Index(None, "verdict"),
    comment="One row per claim check of a figure against the article's own arithmetic or a curated table.",
)

quarantine = Table(
    "quarantine",
    metadata,
    _key("quarantine_key", "Surrogate key of the rejected row."),
    Column("run_id", Integer, ForeignKey("etl_run.run_id"), nullable=False, comment="Run that rejected the row."),
    Column("article_hash", Text, comment="Article the rejected row came from (as given, even if malformed); empty for table rows."),
    Column("seq", Integer, comment="seq of the rejected figure; empty for table rows."),
    Column("source_file", Text, nullable=False, comment="File the row came from (article path or raw/tables CSV)."),
    Column("row", Integer, comment="Row number in source_file (CSV data rows from 1), when it applies."),
    Column("column", Text, comment="Column that failed, when one did."),
    Column("check", Text, nullable=False, comment="Name of the failed check."),
    Column("failure_case", Text, comment="The offending value, as text."),
    Column("reason", Text, nullable=False, comment="Why the row was rejected, in words."),
    Column("created_at", DateTime(timezone=True), nullable=False, comment="When the row was rejected (UTC)."),
    Index(None, "run_id"),
    Index(None, "article_hash"),
    comment="Rows rejected by validation, with the reason and the run that rejected them (one row per failure).",
)


etl_rejected_file = Table(
    "etl_rejected_file",
    metadata,
    _key("rejected_file_key", "Surrogate key of the rejected file."),
    Column("path", Text, nullable=False, unique=True, comment="Article file relative to raw/articles, printable whatever its bytes (bytes that are not UTF-8 as \\xNN, control characters escaped)."),
    Column("article_hash", String(64), comment="sha256 (hex) of the file's bytes when they could be read; empty otherwise."),
    Column("reason", Text, nullable=False, comment="Why the file was skipped, in one line naming it (the latest run's reason)."),
    Column("first_run_id", Integer, ForeignKey("etl_run.run_id"), nullable=False, comment="First run that rejected the file."),
    Column("last_run_id", Integer, ForeignKey("etl_run.run_id"), nullable=False, comment="Latest run that rejected the file."),
    Column("first_seen_at", DateTime(timezone=True), nullable=False, comment="When the file was first rejected (UTC)."),
    Column("last_seen_at", DateTime(timezone=True), nullable=False, comment="When the file was last rejected (UTC)."),
    Column("times_rejected", Integer, nullable=False, comment="How many runs rejected the file."),
    Index(None, "last_run_id"),
    comment="Article files a run skipped (unreadable, empty, binary, oversized, a link out of raw/, a duplicate): one row per path, with the latest reason.",
)
