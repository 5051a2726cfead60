-- mart_region_year: What the articles say next to what the official statistics say, by region, metric and year.
-- Grain: one row per region, metric, year and unit that has an article figure or an official statistic.
-- Article figures count here when they name a region and a metric of the dimensions and a single
-- year; money is compared in yuan (value_cny) when it could be converted, else in its own currency.
-- Columns:
--   region: Region name.
--   region_level: Administrative level of the region.
--   metric: Metric key.
--   metric_label: Human-readable metric name.
--   year: Calendar year.
--   unit: Unit of both the figure and official columns of the row.
--   figure_count: Article figures for this region, metric, year and unit.
--   article_count: Articles those figures come from.
--   figure_min: Smallest article figure.
--   figure_max: Largest article figure.
--   figure_avg: Mean of the article figures.
--   official_value: The official statistic, if any.
--   official_source: Publication of the official statistic.
--   figure_vs_official: figure_avg / official_value - 1 (0.05 = articles 5 percent above the official value).
--   region_key: Surrogate key of the region (dim_region).
--   metric_key: Surrogate key of the metric (dim_metric).
WITH figure_cell AS (
    SELECT
        f.region_key,
        f.metric_key,
        f.period_start AS year,
        CASE WHEN f.kind = 'money' AND f.value_cny IS NOT NULL THEN 'CNY' ELSE f.unit END AS unit,
        CASE WHEN f.kind = 'money' AND f.value_cny IS NOT NULL THEN f.value_cny ELSE f.value END AS value,
        f.article_key
    FROM fct_figure AS f
    WHERE f.region_key IS NOT NULL
      AND f.metric_key IS NOT NULL
      AND f.period_start IS NOT NULL
      AND (f.period_end IS NULL OR f.period_end = f.period_start)
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
        AVG(value) AS figure_avg
    FROM figure_cell
    GROUP BY region_key, metric_key, year, unit
),
cell AS (
    SELECT region_key, metric_key, year, unit FROM figure_agg
    UNION
    SELECT region_key, metric_key, year, unit FROM fct_official_stat
)
SELECT
    r.name AS region,
    r.level AS region_level,
    m."key" AS metric,
    m.label AS metric_label,
    c.year,
    c.unit,
    COALESCE(fa.figure_count, 0) AS figure_count,
    COALESCE(fa.article_count, 0) AS article_count,
    fa.figure_min,
    fa.figure_max,
    fa.figure_avg,
    o.value AS official_value,
    o.source AS official_source,
    fa.figure_avg / NULLIF(o.value, 0) - 1 AS figure_vs_official,
    c.region_key,
    c.metric_key
FROM cell AS c
JOIN dim_region AS r ON r.region_key = c.region_key
JOIN dim_metric AS m ON m.metric_key = c.metric_key
LEFT JOIN figure_agg AS fa
    ON fa.region_key = c.region_key AND fa.metric_key = c.metric_key
   AND fa.year = c.year AND fa.unit = c.unit
LEFT JOIN fct_official_stat AS o
    ON o.region_key = c.region_key AND o.metric_key = c.metric_key
   AND o.year = c.year AND o.unit = c.unit
