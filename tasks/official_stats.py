"""The statistics an official article states: its figures read as an official series would be.

An official article (articles.csv ``source_type`` official: a statistical communiqué, a budget)
states a statistic with each figure that has a region, a metric of the lexicon and one year, and
that gives a value rather than a bound ("more than 5 million people" is no statistic). Per region,
metric and year the latest publication's first such figure counts; a conversion's second amount
restates the first and does not; a statistic already known (official_series.csv, or stated by a
bulletin loaded before) is never replaced.

One rule for both of its readers: ``warehouse/load.py`` derives ``fct_official_stat`` with it,
and the flow gives a run's news the statistics of the bulletins read in the same run
(``official_first``, ``evidence_for_news``).
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

import pandas as pd

from schemas.tables import TABLE_MODELS, csv_columns
from schemas.vocabulary import SOURCE_TYPES
from tasks.read_raw import RawArticle, publication_dates

# the qualifiers of a figure that states a value (not a bound)
STATED_QUALIFIERS = ("exact", "approx")
KEY = ("region", "metric", "year")
_, OFFICIAL = SOURCE_TYPES  # news, official
# what news is checked against: official_series.csv's columns and the article that stated it
EVIDENCE_COLUMNS = (*csv_columns(TABLE_MODELS["official_series.csv"], required=True), "article_hash")


def stated_statistics(candidates: pd.DataFrame, taken: Iterable[tuple] = ()) -> pd.DataFrame:
    """The rows of ``candidates`` that state a statistic, one per (region, metric, year) not in
    ``taken``, with ``year`` and ``source`` (title, path, sentence and characters) added.

    ``candidates`` holds the figures of official articles with their article's ``path``,
    ``title`` and ``pub_date``: region (a name), metric (a lexicon key, or None), period_start,
    period_end, qualifier, link_type, link_seq, seq, value, unit, surface, sentence, start, end.
    Other columns (a figure_key, region and metric keys) are passed through.

    >>> figs = pd.DataFrame({"region": ["Gansu", "Gansu"], "metric": ["gdp", "gdp"],
    ...     "period_start": [2023, 2023], "period_end": [2023, 2023], "qualifier": ["exact", "exact"],
    ...     "link_type": [None, None], "link_seq": [None, None], "seq": [0, 1], "value": [1.2e12, 9.0],
    ...     "unit": ["CNY", "CNY"], "surface": ["1.2 trillion yuan", "9 yuan"], "sentence": [0, 2],
    ...     "start": [10, 90], "end": [27, 96], "path": ["gs.txt"] * 2, "title": ["Gansu 2023"] * 2,
    ...     "pub_date": ["2024-03-01"] * 2})
    >>> stated_statistics(figs)[["region", "metric", "year", "value"]].to_dict("records")
    [{'region': 'Gansu', 'metric': 'gdp', 'year': 2023, 'value': 1200000000000.0}]
    """
    c = candidates
    if not len(c):
        return c.assign(year=pd.Series(dtype="Int64"), source=pd.Series(dtype=object))
    link_seq = pd.to_numeric(c["link_seq"], errors="coerce")
    ok = (c["region"].notna() & c["metric"].notna() & c["period_start"].notna()
          & (c["period_start"] == c["period_end"]) & c["qualifier"].isin(STATED_QUALIFIERS)
          & (c["link_type"].isna() | (c["link_type"] != "conversion") | (link_seq > c["seq"])))
    c = c[ok.fillna(False).astype(bool)]
    # the latest publication first (undated ones last), then by path and order in the article
    c = c.assign(_undated=c["pub_date"].isna()).sort_values(
        ["_undated", "pub_date", "path", "seq"], ascending=[True, False, True, True], kind="stable")
    seen = {tuple(str(v) for v in k) for k in taken}
    keep = []
    for i, region, metric, year in zip(c.index, c["region"], c["metric"], c["period_start"]):
        key = (str(region), str(metric), str(int(year)))
        if key not in seen:
            seen.add(key)
            keep.append(i)
    out = c.loc[keep].drop(columns="_undated")
    return out.assign(
        year=out["period_start"].astype("Int64"),
        source=[f"{t} ({p}), sentence {int(s) + 1}, characters {int(a)}-{int(b)}: {x}"
                for t, p, s, a, b, x in zip(out["title"], out["path"], out["sentence"], out["start"],
                                            out["end"], out["surface"])])


def official_first(articles: Sequence[RawArticle], meta: pd.DataFrame
                   ) -> tuple[list[RawArticle], list[RawArticle]]:
    """(official articles, the others), each in its given order: a run extracts the bulletins
    first so that its news can be checked against what they state (`evidence_for_news`).
    `meta` is the run's article frame (``article_hash``, ``source_type``)."""
    official = set(meta.loc[meta["source_type"] == OFFICIAL, "article_hash"])
    return ([a for a in articles if a.article_hash in official],
            [a for a in articles if a.article_hash not in official])


def evidence_for_news(figures: Sequence[pd.DataFrame], meta: pd.DataFrame, before: pd.DataFrame,
                      loaded: Mapping[str, tuple[str, str]], tables: Mapping[str, pd.DataFrame]
                      ) -> pd.DataFrame:
    """The statistics a run's news is checked against beside official_series.csv: what the
    warehouse's fct_official_stat will hold once the run is loaded, as far as the run knows it.

    That is `stated_statistics` over every bulletin: the figures of those read in this run
    (``figures``: the valid, normalised figure frames of their batches; ``meta``: the run's
    article frame) and what those loaded before stated (``before``:
    `warehouse.load.official_from_articles`), except those this run reads again, whose
    statements it replaces. Per (region, metric, year) the latest
    publication wins (by articles.csv's ``pub_date``, as the load will date them), undated ones
    last, then by path; a key official_series.csv has is left to it. ``loaded`` is
    ``{path: (article_hash, extractor_version)}`` of the loaded articles. Columns:
    EVIDENCE_COLUMNS.
    """
    official = meta[meta["source_type"] == OFFICIAL][["article_hash", "path", "title", "pub_date"]]
    candidates = pd.concat(figures, ignore_index=True).merge(official, on="article_hash")
    taken = tables["official_series.csv"][list(KEY)].itertuples(index=False)
    now = stated_statistics(candidates, taken)[[*EVIDENCE_COLUMNS, "path", "pub_date"]]
    path_of = {article_hash: path for path, (article_hash, _) in loaded.items()}
    published = publication_dates(tables["articles.csv"])
    read_again = set(meta["path"])
    earlier = before.assign(path=before["article_hash"].map(path_of))
    earlier = earlier[earlier["path"].notna() & ~earlier["path"].isin(read_again)]
    earlier = earlier.assign(pub_date=earlier["path"].map(published))
    both = pd.concat([now, earlier[list(now.columns)]], ignore_index=True)
    both = both.assign(_undated=both["pub_date"].isna(), _key=[
        (str(region), str(metric), int(year)) for region, metric, year in both[list(KEY)].itertuples(index=False)])
    latest = both.sort_values(["_undated", "pub_date", "path"], ascending=[True, False, True],
                              kind="stable").drop_duplicates("_key")
    return latest[list(EVIDENCE_COLUMNS)].reset_index(drop=True)
