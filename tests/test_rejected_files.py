"""One bad article file never stops the good ones, and no file is ever silently lost.

A file that cannot be used (empty, binary, too big, undecodable, a link out of raw/, a
second copy of another file's bytes, a folder that cannot be listed) is skipped with one
line naming it; every such file of a run is listed at once; the good articles load; the
run's etl_run row notes the rejections and `figures run` exits 3 so a scheduler notices.
`--strict` keeps the old all-or-nothing behaviour.
"""
from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest
import sqlalchemy as sa

from tasks import read_raw
from tasks.read_raw import InputError, RawArticle, content_hash, scan_articles, split_duplicates
from tests.test_reliability_faults import (  # noqa: F401
    PG_URL,
    SECOND_ARTICLE,
    baseline_db,
    drop_target,
    make_target,
    previous_run,
    run_flow,
    runs,
    snapshot,
)

SEED = "scmp-xinjiang-pairing-assistance.txt"
OTHER_ARTICLE = "Kashgar's output grew 6 per cent in 2019 to 120 billion yuan.\n"


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.skipif(
    not PG_URL, reason="WAREHOUSE_TEST_PG_URL is not set"))])
def target(request, tmp_path, monkeypatch, prefect_harness):
    monkeypatch.setattr(read_raw, "QUIET_SECONDS", 0.0)
    t = make_target(request.param, tmp_path, monkeypatch)
    yield t
    drop_target(t)


def table(engine, sql: str) -> list[tuple]:
    with engine.connect() as conn:
        return [tuple(r) for r in conn.execute(sa.text(sql))]


# --------------------------------------------------------------------------- byte-identical files


def test_a_byte_identical_copy_is_named_as_a_duplicate_and_the_original_loads_whole(target):
    articles = target.raw / "articles"
    # "a-copy" sorts before the original, and articles.csv describes only the original
    shutil.copy(articles / SEED, articles / "a-copy.txt")
    summary = run_flow(warehouse=target.url)
    engine = target.engine()
    try:
        assert summary.rejected_files == [
            f"a-copy.txt: the same bytes as {SEED} (sha256 "
            f"{content_hash((articles / SEED).read_bytes())[:12]}…), which is loaded in its place; "
            "skipped as a duplicate"]
        assert [r[0] for r in table(engine, "SELECT path FROM dim_article")] == [SEED]
        loaded = table(engine, "SELECT COUNT(*) FROM fct_figure")[0][0]
        assert loaded == summary.figures_extracted == summary.rows_loaded > 30
        assert table(engine, "SELECT COUNT(*) FROM quarantine WHERE \"check\" LIKE '%unique%'") == [(0,)]
        run = runs(engine)[-1]
        assert run["status"] == "completed_with_rejections"
        assert run["error"].startswith("completed with rejections: 1 article file(s) skipped: "
                                       "a-copy.txt: the same bytes as")
        again = run_flow(warehouse=target.url)
        assert again.changes == {} and again.articles_skipped == 1   # the original is not redone
        assert again.rejected_files == summary.rejected_files         # the copy is named again
        assert table(engine, "SELECT COUNT(*) FROM fct_figure")[0][0] == loaded
        first, last = runs(engine)[-2]["run_id"], runs(engine)[-1]["run_id"]
        assert table(engine, "SELECT path, article_hash, first_run_id, last_run_id, times_rejected "
                             "FROM etl_rejected_file") == [
            ("a-copy.txt", content_hash((articles / SEED).read_bytes()), first, last, 2)]
    finally:
        engine.dispose()


def test_a_copy_of_an_already_loaded_article_never_takes_its_place(target, baseline_db):
    previous_run(target, baseline_db)
    articles = target.raw / "articles"
    engine = target.engine()
    before = snapshot(engine)
    shutil.copy(articles / SEED, articles / "0-first-in-order.txt")
    summary = run_flow(warehouse=target.url)
    try:
        assert summary.rejected_files[0].startswith(
            f"0-first-in-order.txt: the same bytes as {SEED} ")
        assert snapshot(engine) == before
    finally:
        engine.dispose()


def test_the_file_kept_of_identical_ones_is_the_loaded_then_the_described_then_the_first():
    def art(path):
        return RawArticle(path, content_hash(b"same"), "same", "utf-8")

    group = [art("a.txt"), art("b.txt"), art("c.txt")]
    assert [a.path for a in split_duplicates(group)[0]] == ["a.txt"]
    assert [a.path for a in split_duplicates(group, [], {"c.txt"})[0]] == ["c.txt"]
    kept, rejected = split_duplicates(group, {"b.txt"}, {"c.txt"})
    assert [a.path for a in kept] == ["b.txt"]
    assert [r.path for r in rejected] == ["a.txt", "c.txt"]
    assert all("the same bytes as b.txt" in r.reason for r in rejected)
    other = RawArticle("z.txt", content_hash(b"other"), "other", "utf-8")
    assert split_duplicates([other, *group])[0] == [other, group[0]]


def test_a_renamed_article_is_loaded_under_its_new_name_and_then_left_alone(target, baseline_db):
    previous_run(target, baseline_db)
    articles = target.raw / "articles"
    engine = target.engine()
    try:
        figures = table(engine, "SELECT COUNT(*) FROM fct_figure")[0][0]
        (articles / SEED).rename(articles / "renamed.txt")
        moved = run_flow(warehouse=target.url)
        assert moved.rejected_files == []
        assert [r[0] for r in table(engine, "SELECT path FROM dim_article")] == ["renamed.txt"]
        assert table(engine, "SELECT COUNT(*) FROM fct_figure")[0][0] == figures
        assert run_flow(warehouse=target.url).changes == {}
    finally:
        engine.dispose()


def test_an_article_moved_while_its_old_name_gets_new_text_keeps_both(target, baseline_db):
    previous_run(target, baseline_db)
    articles = target.raw / "articles"
    engine = target.engine()
    try:
        figures = table(engine, "SELECT COUNT(*) FROM fct_figure")[0][0]
        (articles / SEED).rename(articles / "moved.txt")
        (articles / SEED).write_text(OTHER_ARTICLE, encoding="utf-8")
        run_flow(warehouse=target.url)
        paths = sorted(r[0] for r in table(engine, "SELECT path FROM dim_article"))
        assert paths == sorted(["moved.txt", SEED])
        moved = table(engine, "SELECT COUNT(*) FROM fct_figure f JOIN dim_article a "
                              "ON a.article_key = f.article_key WHERE a.path = 'moved.txt'")[0][0]
        assert moved == figures
    finally:
        engine.dispose()


# --------------------------------------------------------------------------- bad files


BAD_ARTICLES = {
    "empty.txt": (b"", "empty.txt: the file is empty"),
    "photo.txt": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(300), "photo.txt: looks binary"),
    "huge.txt": (b"Exports rose 5 per cent.\n" * 400_000,
                 "huge.txt: 10,000,000 bytes is over the article size limit"),
    "east.txt": ("\u65b0\u7586\u306e\u4e00\u4eba\u5f53\u305f\u308a".encode("shift_jis"),
                 "east.txt: not UTF-8"),
}


def _plant_bad_files(articles: Path, outside: Path) -> list[str]:
    """Every kind of unusable article file at once; what each one's line starts with."""
    for name, (data, _) in BAD_ARTICLES.items():
        (articles / name).write_bytes(data)
    outside.write_text("the warehouse password is hunter2", encoding="utf-8")
    (articles / "escape.txt").symlink_to(outside)
    os.mkfifo(articles / "pipe.txt")
    return sorted([says for _, says in BAD_ARTICLES.values()]
                  + ["escape.txt: outside the raw articles folder",
                     "pipe.txt: not a regular file"])


def test_bad_article_files_are_all_named_at_once_and_the_good_ones_load(target):
    articles = target.raw / "articles"
    (articles / "second.txt").write_text(SECOND_ARTICLE, encoding="utf-8")
    expected = _plant_bad_files(articles, target.tmp / "secret.txt")
    summary = run_flow(warehouse=target.url)
    assert len(summary.rejected_files) == len(expected)
    for line, says in zip(sorted(summary.rejected_files), expected):
        assert line.startswith(says), (line, says)
        assert "\n" not in line
    lines = summary.lines()
    assert f"Files rejected:     {len(expected)} (skipped, the others processed; fix or remove them)" in lines
    assert all(f"  rejected file: {line}" in lines for line in summary.rejected_files)
    assert "hunter2" not in "\n".join(lines)
    engine = target.engine()
    try:
        assert sorted(r[0] for r in table(engine, "SELECT path FROM dim_article")) == [
            SEED, "second.txt"]
        run = runs(engine)[-1]
        assert run["status"] == "completed_with_rejections" and run["figures_loaded"] > 0
        assert run["error"].startswith(f"completed with rejections: {len(expected)} article file(s)")
        for says in expected:
            assert says in run["error"]
        recorded = table(engine, "SELECT path, reason, article_hash, last_run_id FROM etl_rejected_file "
                                 "ORDER BY path")
        assert [r[0] for r in recorded] == sorted(n for n in (*BAD_ARTICLES, "escape.txt", "pipe.txt"))
        assert all(reason.startswith(path + ": ") and last == run["run_id"] for path, reason, _, last in recorded)
        hashes = {path: h for path, _, h, _ in recorded}
        assert hashes["empty.txt"] == content_hash(b"")       # read, so its bytes are named
        assert hashes["pipe.txt"] is None and hashes["escape.txt"] is None   # never read
        assert "hunter2" not in repr(recorded)
        page = Path(summary.report_path).read_text(encoding="utf-8")
        assert f"Rejected files <span class=\"muted\">{len(expected)} skipped by the latest run" in page
        assert all(f"<code>{path}</code>" in page for path, *_ in recorded)
        assert "hunter2" not in page
    finally:
        engine.dispose()


def test_strict_keeps_all_or_nothing_naming_every_bad_file(target, baseline_db):
    previous_run(target, baseline_db)
    articles = target.raw / "articles"
    engine = target.engine()
    before = snapshot(engine)
    (articles / "second.txt").write_text(SECOND_ARTICLE, encoding="utf-8")
    expected = _plant_bad_files(articles, target.tmp / "secret.txt")
    try:
        with pytest.raises(InputError) as raised:
            run_flow(warehouse=target.url, strict=True)
        message = str(raised.value)
        assert message.startswith(f"{len(expected)} article file(s) cannot be used, so nothing "
                                  "is loaded (--strict):\n")
        assert [line[:len(says)] for line, says in zip(message.splitlines()[1:], expected)] == expected
        assert snapshot(engine) == before
        assert runs(engine)[-1]["status"] == "failed"
    finally:
        engine.dispose()


def test_a_folder_that_cannot_be_listed_is_named_not_passed_over(tmp_path, monkeypatch):
    articles = tmp_path / "articles"
    (articles / "locked").mkdir(parents=True)
    (articles / "locked" / "inside.txt").write_text("Exports rose 5 per cent.")
    (articles / "open.txt").write_text("Exports rose 6 per cent.")
    real = os.scandir

    def scandir(path="."):
        if Path(path).name == "locked":
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(read_raw.os, "scandir", scandir)
    paths, rejected = scan_articles(articles)
    assert paths == [articles / "open.txt"]
    assert [r.reason for r in rejected] == [
        "locked/: folder cannot be read (permission denied); no article in it was read"]


@pytest.mark.skipif(os.geteuid() == 0, reason="root lists folders whatever their mode")
def test_an_unreadable_subfolder_is_named_by_a_real_listing(tmp_path):
    articles = tmp_path / "articles"
    (articles / "locked").mkdir(parents=True)
    (articles / "locked" / "inside.txt").write_text("Exports rose 5 per cent.")
    (articles / "locked").chmod(0)
    try:
        _, rejected = scan_articles(articles)
        assert [r.path for r in rejected] == ["locked/"]
    finally:
        (articles / "locked").chmod(0o755)


def test_a_file_name_that_is_not_utf8_is_named_printably_and_skipped(tmp_path):
    articles = tmp_path / "articles"
    articles.mkdir()
    bad = os.fsdecode(b"caf\xe9\nline.txt")
    (articles / bad).write_text("Exports rose 5 per cent.")
    (articles / "good.txt").write_text("Exports rose 6 per cent.")
    paths, rejected = scan_articles(articles)
    assert paths == [articles / "good.txt"]
    assert [r.reason for r in rejected] == [
        "caf\\xe9\\nline.txt: the file name is not UTF-8 (shown with \\x escapes); rename the file"]


def test_the_cli_exits_3_after_loading_the_good_articles_when_files_were_rejected(
        tmp_path, monkeypatch, prefect_harness):
    from typer.testing import CliRunner

    from flows.cli import REJECTED_EXIT, app

    target = make_target("sqlite", tmp_path, monkeypatch)
    monkeypatch.setattr(read_raw, "QUIET_SECONDS", 0.0)
    (target.raw / "articles" / "empty.txt").write_bytes(b"")
    result = CliRunner().invoke(app, ["run", "--warehouse", target.url])
    assert result.exit_code == REJECTED_EXIT == 3, result.output
    assert "  rejected file: empty.txt: the file is empty" in result.output
    assert "Traceback" not in result.output
    # nothing else changed, yet the rejection is named again (never "nothing new")
    again = CliRunner().invoke(app, ["run", "--warehouse", target.url])
    assert again.exit_code == 3 and "empty.txt: the file is empty" in again.output
    assert "Nothing new" not in again.output
    (target.raw / "articles" / "empty.txt").unlink()
    clean = CliRunner().invoke(app, ["run", "--warehouse", target.url])
    assert clean.exit_code == 0 and "Nothing new" in clean.output


def test_a_bad_warehouse_url_in_the_environment_is_one_line_without_the_password(
        tmp_path, monkeypatch, prefect_harness):
    from typer.testing import CliRunner

    from flows.cli import app

    make_target("sqlite", tmp_path, monkeypatch)
    monkeypatch.setenv("WAREHOUSE_URL", "mysql://bi:pa ss@w0rd@db/figures")
    result = CliRunner().invoke(app, ["run"])
    assert result.exit_code == 2
    assert "pa ss" not in result.output and "w0rd" not in result.output
    assert re.fullmatch(r"error: warehouse URL 'mysql://\*\*\* \(.*\)' is not a valid database URL\n"
                        r"|error: warehouse URL .*only sqlite:// and postgresql:// warehouses are "
                        r"supported\n", result.output), result.output
