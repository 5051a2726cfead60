"""Only new or changed work is done; Prefect sees batches, not single articles."""
from datetime import date

import pytest

from tasks.plan import batches
from tasks.read_raw import RawArticle
from warehouse.changes import select_changed

A = RawArticle("a.txt", "1" * 64, "text a", "utf-8")
B = RawArticle("b.txt", "2" * 64, "text b", "utf-8")


def test_unchanged_articles_are_skipped_and_edited_or_new_ones_processed():
    loaded = {"a.txt": ("1" * 64, "1.0"), "b.txt": ("old" * 8, "1.0")}
    todo, same = select_changed([A, B], loaded, "1.0")
    assert todo == [B] and same == [A]


def test_a_new_extractor_version_reprocesses_everything():
    loaded = {"a.txt": ("1" * 64, "1.0")}
    assert select_changed([A], loaded, "1.1") == ([A], [])


def test_full_refresh_reprocesses_unchanged_articles():
    assert select_changed([A], {"a.txt": ("1" * 64, "1.0")}, "1.0", full_refresh=True) == ([A], [])


def test_batches_cover_every_item_once_in_order():
    assert batches(list(range(7)), 3) == [[0, 1, 2], [3, 4, 5], [6]]
    with pytest.raises(ValueError):
        batches([1], 0)


def test_only_tables_that_feed_figures_force_a_full_refresh():
    from warehouse.changes import tables_force_refresh

    assert tables_force_refresh(["fx_rates.csv"]) and tables_force_refresh(["regions.csv"])
    # a new article's metadata row must not re-extract the whole corpus
    assert not tables_force_refresh(["articles.csv", "pairing_assistance.csv"])


def test_published_between_keeps_the_articles_whose_date_overlaps_the_window(tmp_path):
    from tasks.plan import published_between

    names = ["day.txt", "month.txt", "year.txt", "before.txt", "undated.txt", "unlisted.txt"]
    paths = [tmp_path / n for n in names]
    dates = {"day.txt": "2021-07-15", "month.txt": "2021-12", "year.txt": "2020",
             "before.txt": "2019-12-31", "undated.txt": None}
    kept = published_between(paths, tmp_path, dates, date(2020, 6, 1), date(2021, 12, 1))
    # a month or a year is its days: December 2021 and 2020 overlap the window
    assert [p.name for p in kept] == ["day.txt", "month.txt", "year.txt"]
    assert [p.name for p in published_between(paths, tmp_path, dates, date(2021, 12, 2), None)] == ["month.txt"]
    assert [p.name for p in published_between(paths, tmp_path, dates, None, date(2019, 12, 31))] == ["before.txt"]
    assert published_between(paths, tmp_path, dates, None, None) == paths


def test_a_publication_date_is_the_span_of_its_days():
    from tasks.plan import date_span

    assert date_span("2024-02") == (date(2024, 2, 1), date(2024, 2, 29))
    assert date_span("2021") == (date(2021, 1, 1), date(2021, 12, 31))
    assert date_span("2021-07-15") == (date(2021, 7, 15), date(2021, 7, 15))
    assert date_span(None) is None and date_span("2021-13") is None and date_span("soon") is None
