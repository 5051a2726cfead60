"""A batch of articles goes through extraction, normalisation, validation and claim checks as
one unit of work, and its results can be parked on disk and handed over without being held."""
from __future__ import annotations

import pandas as pd
import pytest

from schemas.figures import NormalisedFigures
from schemas.tables import validate_tables
from tasks import claims, normalise, validate
from tasks.config import PROJECT_ROOT
from tasks.extract_articles import extract_articles
from tasks.process_batch import CuratedInputs, process_batch
from tasks.read_raw import article_frame, read_article, read_tables
from tasks.spool import Spool

ARTICLES = PROJECT_ROOT / "raw" / "articles"


@pytest.fixture(scope="module")
def inputs():
    tables = validate_tables(read_tables(PROJECT_ROOT / "raw" / "tables"))
    seed = read_article(ARTICLES / "scmp-xinjiang-pairing-assistance.txt", ARTICLES, 10_000_000)
    # a second article: the seed's second half, so the batch really holds two
    other = type(seed)(path="half.txt", article_hash="f" * 64, text=seed.text[len(seed.text) // 2:],
                       encoding="utf-8")
    meta = article_frame([seed, other], tables["articles.csv"])
    pub_dates = dict(zip(meta["article_hash"], meta["pub_date"]))
    curated = CuratedInputs.from_tables(tables)
    return [seed, other], pub_dates, curated


def test_a_batch_gives_what_the_steps_give_one_after_another(inputs):
    articles, pub_dates, curated = inputs
    result = process_batch(articles, pub_dates, curated)

    pub_years = {h: int(d[:4]) if isinstance(d, str) else None for h, d in pub_dates.items()}
    extracted = extract_articles(articles, pub_dates, curated.regions, curated.metrics)
    normalised = normalise.metric_keys(normalise.normalise(extracted, curated.fx, pub_years),
                                       curated.metrics_table)
    figures, rejected = validate.split_valid(normalised, NormalisedFigures, "extracted figures")
    checks = claims.check_claims(figures, curated.official, curated.fx, pub_years,
                                 regions=curated.regions_table)

    pd.testing.assert_frame_equal(result.figures, figures)
    pd.testing.assert_frame_equal(result.checks, checks)
    assert len(result.rejected) == len(rejected)
    assert result.extracted == len(extracted) > 38  # the seed alone has 38 figures
    assert sum(result.by_kind.values()) == result.extracted
    assert result.by_article == extracted["article_hash"].value_counts().to_dict()
    assert set(result.by_article) == {a.article_hash for a in articles}


def test_frames_are_handed_over_once_and_the_counts_stay(inputs):
    articles, pub_dates, curated = inputs
    result = process_batch(articles, pub_dates, curated)
    figures, checks, rejected = result.take_frames()
    assert len(figures) > 0 and len(checks) > 0 and rejected is not None
    assert result.figures is None and result.checks is None and result.rejected is None
    assert result.extracted >= len(figures)


def test_the_spool_gives_back_what_it_was_given_in_order_and_then_removes_its_files():
    frames = [pd.DataFrame({"seq": range(i), "surface": ["x"] * i}) for i in (3, 0, 5)]
    with Spool() as spool:
        for f in frames:
            spool.append(f)
        assert len(spool) == 3
        for before, after in zip(frames, spool):
            pd.testing.assert_frame_equal(before, after)
        assert [len(f) for f in spool] == [3, 0, 5]  # it can be read again
        folder = spool._dir
        assert folder.is_dir() and (folder.stat().st_mode & 0o077) == 0  # private to us
    assert not folder.exists()


def test_a_batch_reports_each_article_as_it_is_extracted_with_its_figures(inputs):
    articles, pub_dates, curated = inputs
    heard = []
    result = process_batch(articles, pub_dates, curated, on_article=heard.append)
    assert len(heard) == len(articles)
    assert sum(heard) == result.extracted
    assert heard == [result.by_article.get(a.article_hash, 0) for a in articles]
