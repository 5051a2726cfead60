-- mart_region_year: What the articles say next to what the official statistics say, by region, metric and year.
-- Grain: one row per region, metric, year and unit that has an article figure or an official statistic; all money of a region, metric and year is one row in unit CNY, whatever currencies it was stated in.
-- Article figures count here when they name a region and a metric of the dimensions and a single
-- year; a conversion in parentheses ("4,000 yuan (US$620)") restates the amount before it and is
-- not counted again. Money is compared converted, in yuan and in US dollars (each figure at the rate of its
-- article's publication day or of its year, as fct_figure records); the currency it was stated in
-- is kept beside it, and money that could not be converted is counted, never mixed in. An official
-- statistic in a currency (a three-letter upper-case unit) is converted to yuan at fct_fx_rate's
-- average of its year.
-- Columns:
--   region: Region name.
--   region_level: Administrative level of the region.
--   region_iso_alpha3: ISO 3166-1 alpha-3 code of the region, when it is a country.
--   region_iso_subdivision: ISO 3166-2 code of the region, when it is a subdivision ISO lists.
--   metric: Metric key.
--   metric_label: Human-readable metric name.
--   year: Calendar year.
--   year_first_day: 1 January of the year, as a DATE (for time series).
--   unit: CNY for money (the currency of comparison); else the unit of both the figure and official columns of the row.
--   figure_count: Article figures for this region, metric, year and unit (money: in any currency).
--   article_count: Articles those figures come from.
--   figure_min: Smallest article figure, in unit (money: of those converted to yuan).
--   figure_max: Largest article figure, in unit (money: of those converted to yuan).
--   figure_avg: Mean of the article figures, in unit (money: of those converted to yuan).
--   figure_avg_usd: Money: mean of the article figures in US dollars; empty for other units.
--   native_unit: Money: the currency the figures were stated in, when they share one; empty when they were stated in several.
--   native_unit_count: Money: how many currencies the figures were stated in; 0 for other units.
--   native_avg: Money: mean of the figures in native_unit, when they share one currency.
--   unconverted_count: Money figures with no value in yuan (no rate: fct_figure.unconverted_reason says why); left out of figure_min, figure_max and figure_avg.
--   official_value: The official statistic, if any, in unit (money: converted to yuan).
--   official_unit: Unit the official statistic was published in.
--   official_published_value: The official statistic as published, in official_unit.
--   official_source: Publication of the official statistic.
--   figure_vs_official: figure_avg / official_value - 1 (0.05 = articles 5 percent above the official value).
--   region_key: Surrogate key of the region (dim_region).
--   metric_key: Surrogate key of the metric (dim_metric).
WITH figure_cell AS (
    SELECT
        f.region_key,
        f.metric_key,
        f.period_start AS year,
        CASE WHEN f.kind = 'money' THEN 'CNY' ELSE f.unit END AS unit,
        CASE WHEN f.kind = 'money' THEN f.value_cny ELSE f.value END AS value,
        CASE WHEN f.kind = 'money' THEN f.value_usd END AS value_usd,
        CASE WHEN f.kind = 'money' THEN f.unit END AS native_unit,
        CASE WHEN f.kind = 'money' THEN f.value END AS native_value,
        CASE WHEN f.kind = 'money' AND f.value_cny IS NULL THEN 1 ELSE 0 END AS unconverted,
        f.article_key
    FROM fct_figure AS f
    WHERE f.region_key IS NOT NULL
      AND f.metric_key IS NOT NULL
      AND f.period_start IS NOT NULL
      AND (f.period_end IS NULL OR f.period_end = f.period_start)
      AND (f.link_type IS NULL OR f.link_type <> 'conversion' OR f.link_seq IS NULL
           OR f.link_seq > f.seq)
),
figure_agg AS (
    SELECT
        region_key,
        metric_key,
        year,
        unit,
        COUNT(*) AS figure_count,
        COUNT(DISTINCT article_key) AS article_count,
        MIN(value) AS figure_min,
        MAX(value) AS figure_max,
        AVG(value) AS figure_avg,
        AVG(value_usd) AS figure_avg_usd,
        CASE WHEN MIN(native_unit) = MAX(native_unit) THEN MIN(native_unit) END AS native_unit,
        COUNT(DISTINCT native_unit) AS native_unit_count,
        CASE WHEN MIN(native_unit) = MAX(native_unit) THEN AVG(native_value) END AS native_avg,
        SUM(unconverted) AS unconverted_count
    FROM figure_cell
    GROUP BY region_key, metric_key, year, unit
),
official_cell AS (
    SELECT
        o.region_key,
        o.metric_key,
        o.year,
        CASE WHEN LENGTH(o.unit) = 3 AND UPPER(o.unit) = o.unit AND LOWER(o.unit) <> o.unit
             THEN 'CNY' ELSE o.unit END AS unit,
        CASE WHEN o.unit = 'CNY' THEN o.value
             WHEN LENGTH(o.unit) = 3 AND UPPER(o.unit) = o.unit AND LOWER(o.unit) <> o.unit
             THEN o.value * x.cny_per_unit
             ELSE o.value END AS value,
        o.unit AS official_unit,
        o.value AS official_published_value,
        o.source
    FROM fct_official_stat AS o
    LEFT JOIN fct_fx_rate AS x ON x.year = o.year AND x.currency = o.unit
),
cell AS (
    SELECT region_key, metric_key, year, unit FROM figure_agg
    UNION
    SELECT region_key, metric_key, year, unit FROM official_cell
)
SELECT
    r.name AS region,
    r.level AS region_level,
    r.iso_alpha3 AS region_iso_alpha3,
    r.iso_subdivision AS region_iso_subdivision,
    m."key" AS metric,
    m.label AS metric_label,
    c.year,
    p.first_day AS year_first_day,
    c.unit,
    COALESCE(fa.figure_count, 0) AS figure_count,
    COALESCE(fa.article_count, 0) AS article_count,
    fa.figure_min,
    fa.figure_max,
    fa.figure_avg,
    fa.figure_avg_usd,
    fa.native_unit,
    COALESCE(fa.native_unit_count, 0) AS native_unit_count,
    fa.native_avg,
    COALESCE(fa.unconverted_count, 0) AS unconverted_count,
    o.value AS official_value,
    o.official_unit,
    o.official_published_value,
    o.source AS official_source,
    fa.figure_avg / NULLIF(o.value, 0) - 1 AS figure_vs_official,
    c.region_key,
    c.metric_key
FROM cell AS c
JOIN dim_region AS r ON r.region_key = c.region_key
JOIN dim_metric AS m ON m.metric_key = c.metric_key
LEFT JOIN dim_period AS p ON p.period_key = c.year
LEFT JOIN figure_agg AS fa
    ON fa.region_key = c.region_key AND fa.metric_key = c.metric_key
   AND fa.year = c.year AND fa.unit = c.unit
LEFT JOIN official_cell AS o
    ON o.region_key = c.region_key AND o.metric_key = c.metric_key
   AND o.year = c.year AND o.unit = c.unit
