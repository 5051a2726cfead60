-- mart_claim_checks: Each check of an article's figure, with the figure's text, the evidence and the article.
-- Grain: one row per claim check (fct_claim_check.claim_check_key); exactly as many rows as fct_claim_check.
-- Columns:
--   claim_check_key: Surrogate key of the check (fct_claim_check).
--   check_type: stated_ratio, official_series, conversion, conversion_consistency, growth or part_whole.
--   verdict: consistent, inconsistent or unverifiable.
--   surface: The checked figure exactly as written.
--   sentence: Index of the sentence the checked figure is in.
--   observed: Value the article states.
--   expected: Value the evidence implies.
--   rel_diff: (observed - expected) / expected.
--   tolerance: Largest |rel_diff| still consistent.
--   explanation: The arithmetic, in words.
--   evidence_surface: The other figure of the article used as evidence, exactly as written.
--   evidence_source: Curated table and publication used as evidence.
--   figure_key: Surrogate key of the checked figure (empty if it was quarantined).
--   seq: seq of the checked figure in its article.
--   evidence_seq: seq of the evidence figure in the same article.
--   kind: Kind of the checked figure.
--   unit: Unit of the checked figure.
--   article_key: Surrogate key of the article.
--   article_title: Headline of the article.
--   article_path: Article file, relative to raw/articles.
--   pub_date: Publication date as a DATE (the first day of the month or year when only those are known).
--   pub_date_text: Publication date as precise as known (YYYY, YYYY-MM or YYYY-MM-DD).
--   run_id: Run that loaded the check.
SELECT
    c.claim_check_key,
    c.check_type,
    c.verdict,
    f.surface,
    f.sentence,
    c.observed,
    c.expected,
    c.rel_diff,
    c.tolerance,
    c.explanation,
    ef.surface AS evidence_surface,
    c.evidence_source,
    c.figure_key,
    c.seq,
    c.evidence_seq,
    f.kind,
    f.unit,
    a.article_key,
    a.title AS article_title,
    a.path AS article_path,
    a.published_on AS pub_date,
    a.pub_date AS pub_date_text,
    c.run_id
FROM fct_claim_check AS c
JOIN dim_article AS a ON a.article_key = c.article_key
LEFT JOIN fct_figure AS f ON f.article_key = c.article_key AND f.seq = c.seq
LEFT JOIN fct_figure AS ef ON ef.article_key = c.article_key AND ef.seq = c.evidence_seq
