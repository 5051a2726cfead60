-- mart_figures: Every figure stated in an article, with its article, region, metric and period spelled out.
-- Grain: one row per figure (fct_figure.figure_key); exactly as many rows as fct_figure.
-- Region and metric fall back to the extractor's text when they are not in the dimensions.
-- Columns:
--   figure_key: Surrogate key of the figure (fct_figure).
--   article_key: Surrogate key of the article (dim_article).
--   article_hash: sha256 of the raw article bytes.
--   article_title: Headline of the article.
--   publisher: Publisher of the article, when known.
--   article_url: Original URL of the article, when known.
--   article_path: Article file, relative to raw/articles.
--   pub_date: Publication date as a DATE: the day, or the first day of the month or year when only those are known (see pub_date_precision).
--   pub_date_text: Publication date as precise as known (YYYY, YYYY-MM or YYYY-MM-DD).
--   pub_date_precision: year, month, day or unknown.
--   pub_year: Publication year, when known.
--   seq: Position of the figure in its article (0, 1, ...).
--   start: Offset of the first character of the figure in the raw text (quote it: "start").
--   end: Offset just past the figure in the raw text (quote it: "end").
--   sentence: Index of the sentence the figure is in.
--   surface: The figure exactly as written.
--   kind: money, percent or quantity.
--   value: Fully scaled value in unit.
--   unit: Currency code, 'percent', or the counted thing.
--   qualifier: exact, approx, at_least or at_most.
--   value_cny: Money in yuan at the rate of fx_date or the fx_year average.
--   value_usd: Money in US dollars at the rate of fx_date or the fx_year average.
--   fx_rate: Yuan per one unit of unit, as used for value_cny.
--   fx_year: Year of the annual average rate used; empty when a day's rate was used.
--   fx_date: Day of the ECB reference rate used (articles dated to the day).
--   fx_source: ecb_day, ecb_year_mean or fx_rates.csv.
--   unconverted_reason: Why a money figure has no value_cny or value_usd.
--   period_start: First year the figure refers to.
--   period_end: Last year the figure refers to.
--   period_granularity: What the period is: day, month, quarter, half, year, fiscal_year or multi_year.
--   period_first_day: First day of the period, as a DATE.
--   period_last_day: Last day of the period, as a DATE.
--   region: Region name (gazetteer name, else as extracted).
--   region_level: Administrative level of the region (gazetteer regions only).
--   region_iso_alpha2: ISO 3166-1 alpha-2 code of the region, when it is a country.
--   region_iso_alpha3: ISO 3166-1 alpha-3 code of the region, when it is a country.
--   region_iso_subdivision: ISO 3166-2 code of the region, when it is a subdivision ISO lists.
--   parent_region: Name of the region the figure's region belongs to.
--   metric: Metric key (lexicon key, else as extracted).
--   metric_label: Human-readable metric name (lexicon label, else the key as extracted).
--   unit_family: Unit family of the metric (lexicon metrics only).
--   link_seq: seq of the partner figure (conversion or other end of a range).
--   link_type: conversion or range.
--   linked_surface: The partner figure exactly as written.
--   extractor_version: Extractor version that produced the figure.
--   run_id: Run that loaded the figure (etl_run).
SELECT
    f.figure_key,
    a.article_key,
    a.article_hash,
    a.title AS article_title,
    a.publisher,
    a.url AS article_url,
    a.path AS article_path,
    a.published_on AS pub_date,
    a.pub_date AS pub_date_text,
    a.pub_date_precision,
    CAST(SUBSTR(a.pub_date, 1, 4) AS INTEGER) AS pub_year,
    f.seq,
    f."start",
    f."end",
    f.sentence,
    f.surface,
    f.kind,
    f.value,
    f.unit,
    f.qualifier,
    f.value_cny,
    f.value_usd,
    f.fx_rate,
    f.fx_year,
    f.fx_date,
    f.fx_source,
    f.unconverted_reason,
    f.period_start,
    f.period_end,
    f.period_granularity,
    f.period_first_day,
    f.period_last_day,
    COALESCE(r.name, f.region) AS region,
    r.level AS region_level,
    r.iso_alpha2 AS region_iso_alpha2,
    r.iso_alpha3 AS region_iso_alpha3,
    r.iso_subdivision AS region_iso_subdivision,
    pr.name AS parent_region,
    COALESCE(m."key", f.metric) AS metric,
    COALESCE(m.label, f.metric) AS metric_label,
    m.unit_family,
    f.link_seq,
    f.link_type,
    lf.surface AS linked_surface,
    f.extractor_version,
    f.run_id
FROM fct_figure AS f
JOIN dim_article AS a ON a.article_key = f.article_key
LEFT JOIN dim_region AS r ON r.region_key = f.region_key
LEFT JOIN dim_region AS pr ON pr.region_key = r.parent_key
LEFT JOIN dim_metric AS m ON m.metric_key = f.metric_key
LEFT JOIN fct_figure AS lf ON lf.article_key = f.article_key AND lf.seq = f.link_seq
