"""Only new or changed work is done; Prefect sees batches, not single articles."""
import pytest

from tasks.plan import batches
from warehouse.changes import select_changed
from tasks.read_raw import RawArticle

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
