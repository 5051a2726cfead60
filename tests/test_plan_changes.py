"""What a run will (re)process, and why: the words the summary and a dry run print."""
from tasks.read_raw import RawArticle
from warehouse.changes import article_changes, changed_tables

NEW = RawArticle("new.txt", "1" * 64, "text", "utf-8")
EDITED = RawArticle("edited.txt", "2" * 64, "text", "utf-8")
SAME = RawArticle("same.txt", "3" * 64, "text", "utf-8")
LOADED = {"edited.txt": ("old" * 8, "1.0"), "same.txt": ("3" * 64, "1.0")}


def test_each_article_to_process_says_why_and_unchanged_ones_are_absent():
    assert article_changes([NEW, EDITED, SAME], LOADED, "1.0") == {
        "new.txt": "new", "edited.txt": "changed"}


def test_a_new_extractor_version_is_named_as_the_reason():
    assert article_changes([SAME], LOADED, "1.1") == {"same.txt": "re-extract (1.0 -> 1.1)"}


def test_tables_are_changed_when_their_bytes_differ_from_the_last_completed_run():
    now = {"fx_rates.csv": "a", "regions.csv": "b", "metrics.csv": "c"}
    assert changed_tables(now, {"fx_rates.csv": "a", "regions.csv": "old", "metrics.csv": "c"}) == ["regions.csv"]
    assert changed_tables(now, now) == []


def test_with_no_completed_run_every_table_is_new():
    assert changed_tables({"b.csv": "1", "a.csv": "2"}, None) == ["a.csv", "b.csv"]


def test_a_full_refresh_names_unchanged_articles_too():
    assert article_changes([NEW, SAME], LOADED, "1.0", full_refresh=True) == {
        "new.txt": "new", "same.txt": "full refresh"}
