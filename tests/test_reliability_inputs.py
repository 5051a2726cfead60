"""Bad inputs end in a clear message naming the file (and row/column) and load nothing.

Article files: empty, binary, legacy encodings, byte order marks, Windows line endings, a
50 MB file, a file that vanishes or changes while it is read, metadata naming a missing
file, paths and symbolic links that escape raw/. Curated tables: every kind of bad cell at
once, reported in one list, and the run that met them loads nothing.
"""
from __future__ import annotations

import codecs
import os
import random
import re
import shutil
import threading
import time
from pathlib import Path

import pandas as pd
import pytest

from schemas.tables import CURRENT_YEAR, TableValidationError
from tasks import read_raw
from tasks.config import Settings
from tasks.extract import parse_figures
from tasks.furniture import furniture_spans
from tasks.read_raw import (
    InputError,
    list_articles,
    missing_metadata_files,
    read_article,
    read_table,
    read_tables,
    scan_articles,
)
from tests.conftest import ROOT
from tests.test_reliability_faults import baseline_db, make_target, previous_run, run_flow, runs, snapshot  # noqa: F401

LIMIT = 1_000_000


@pytest.fixture(autouse=True)
def _no_quiet_wait(monkeypatch):
    # Files here are written a moment before they are read; only the race test needs the
    # wait that guards against a writer pausing mid-file.
    monkeypatch.setattr(read_raw, "QUIET_SECONDS", 0.0)


@pytest.fixture
def articles(tmp_path) -> Path:
    folder = tmp_path / "raw" / "articles"
    folder.mkdir(parents=True)
    return folder


def put(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    path.write_bytes(data)
    return path


# --------------------------------------------------------------------------- unusable bytes


@pytest.mark.parametrize("data", [
    b"", b" \r\n\t\n", codecs.BOM_UTF8, codecs.BOM_UTF8 + b"\r\n  \r\n", codecs.BOM_UTF16_LE,
], ids=["zero-bytes", "whitespace", "bom-only", "bom-and-blank-lines", "utf16-bom-only"])
def test_an_empty_article_is_refused_naming_the_file(articles, data):
    with pytest.raises(InputError, match=r"^empty\.txt: the file is empty$"):
        read_article(put(articles, "empty.txt", data), articles, LIMIT)


@pytest.mark.parametrize("data", [
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4,
    b"\x7fELF\x02\x01\x01\x00" + bytes(500),
    b"\x1f\x8b\x08\x00" + random.Random(1).randbytes(4000),
    random.Random(2).randbytes(20_000),
    b"GDP rose\x01\x02\x03\x04\x05\x06\x07\x08\x0e\x0f\x10\x11\x12" * 50,
], ids=["png", "elf", "gzip", "random-bytes", "control-characters"])
def test_a_binary_file_is_refused_naming_the_file(articles, data):
    with pytest.raises(InputError, match=r"^blob\.txt: .*(binary|not UTF-8)"):
        read_article(put(articles, "blob.txt", data), articles, LIMIT)


@pytest.mark.parametrize("encoding, text", [
    ("cp1252", "Caf\u00e9 soci\u00e9t\u00e9 r\u00e9sum\u00e9s: \u201cexports rose 5 per cent\u201d \u2013 to \u20ac1.75 billion"),
    ("gb18030", "\u65b0\u7586\u4eba\u5747\u751f\u4ea7\u603b\u503c 54,280 \u5143\uff0c\u6bd4\u4e0a\u5e74\u589e\u957f 5%\u3002"),
    ("utf-16", "Xinjiang's GDP per capita was 53,593 yuan \u2013 \u65b0\u7586"),
    ("utf-16-le", "Exports rose 5 per cent to 4,000 yuan."),
    ("utf-16-be", "Exports rose 5 per cent to 4,000 yuan."),
    ("utf-8-sig", "\u201cMore than 2.3 trillion yuan\u201d \u65b0\u7586"),
])
def test_legacy_and_unicode_encodings_decode_to_the_same_text(articles, encoding, text):
    art = read_article(put(articles, "a.txt", text.encode(encoding)), articles, LIMIT)
    assert art.text == text
    assert art.encoding == encoding or (encoding, art.encoding) == ("utf-16", "utf-16")


@pytest.mark.parametrize("encoding, text", [
    ("big5", "\u65b0\u7586\u4eba\u5747\u751f\u7522\u7e3d\u503c\u70ba\u4e94\u842c\u56db\u5343\u5143\uff0c\u8f03\u4e0a\u5e74\u589e\u9577\u767e\u5206\u4e4b\u4e94\u3002"),
    ("shift_jis", "\u65b0\u7586\u306e\u4e00\u4eba\u5f53\u305f\u308a\u751f\u7523\u984d\u306f\u4e94\u4e07\u5186\u3067\u3059\u3002"),
])
def test_an_encoding_that_cannot_be_told_apart_is_refused_not_turned_into_mojibake(articles, encoding, text):
    with pytest.raises(InputError, match=r"^east\.txt: not UTF-8 \(byte \d+: .*save it as UTF-8"):
        read_article(put(articles, "east.txt", text.encode(encoding)), articles, LIMIT)


def test_utf8_cut_mid_character_is_reported_as_damaged_not_guessed_as_cp1252(articles, seed_text):
    data = seed_text.encode("utf-8")
    cut = data.index("\u2019".encode()) + 1           # inside the first curly apostrophe
    damaged = data[:cut] + data[cut + 2:]
    with pytest.raises(InputError, match=rf"^seed\.txt: UTF-8 with 1 invalid byte sequence\(s\), "
                                         rf"first at byte {cut - 1:,} .*damaged or truncated"):
        read_article(put(articles, "seed.txt", damaged), articles, LIMIT)


def test_a_byte_order_mark_is_not_part_of_the_text_but_is_part_of_the_identity(articles, seed_text):
    plain = read_article(put(articles, "plain.txt", seed_text.encode()), articles, LIMIT)
    bom = read_article(put(articles, "bom.txt", codecs.BOM_UTF8 + seed_text.encode()), articles, LIMIT)
    assert bom.text == plain.text and bom.encoding == "utf-8-sig"
    assert bom.article_hash != plain.article_hash     # identity is the bytes as received


def test_windows_line_endings_keep_offsets_into_the_raw_text(articles, seed_text):
    crlf = read_article(put(articles, "crlf.txt", seed_text.replace("\n", "\r\n").encode()),
                        articles, LIMIT)
    assert "\r\n" in crlf.text
    lf_figures = parse_figures(seed_text, "2021", ignore=furniture_spans(seed_text))
    crlf_figures = parse_figures(crlf.text, "2021", ignore=furniture_spans(crlf.text))
    assert [f.surface for f in crlf_figures] == [f.surface for f in lf_figures]
    assert [f.value for f in crlf_figures] == [f.value for f in lf_figures]
    for fig in crlf_figures:
        assert crlf.text[fig.start:fig.end] == fig.surface
    for start, end in furniture_spans(crlf.text):
        assert "\r" not in crlf.text[start:end] and "\n" not in crlf.text[start:end]


# --------------------------------------------------------------------------- size


def test_a_50_mb_file_is_refused_by_the_default_limit_which_is_configurable(articles, monkeypatch):
    big = articles / "dump.txt"
    line = b"Exports rose 5 per cent to 4,000 yuan in 2020. " * 20 + b"\n"
    with big.open("wb") as out:
        for _ in range(50 * 2**20 // len(line) + 1):
            out.write(line)
    size = big.stat().st_size
    assert size >= 50 * 2**20
    default = Settings().max_article_bytes
    with pytest.raises(InputError, match=rf"^dump\.txt: {size:,} bytes is over the article size "
                                         rf"limit of {default:,} \(set MAX_ARTICLE_BYTES to raise it\)"):
        read_article(big, articles, default)
    monkeypatch.setenv("MAX_ARTICLE_BYTES", str(60 * 2**20))
    art = read_article(big, articles, Settings().max_article_bytes)
    assert len(art.text) == size


def test_a_file_that_grows_past_the_limit_while_being_read_is_refused(articles, monkeypatch):
    path = put(articles, "growing.txt", b"Exports rose 5 per cent.\n" * 10)
    real = read_raw._read_all

    def grow_then_read(fd, limit):
        with path.open("ab") as out:
            out.write(b"x" * 2000)
        return real(fd, limit)

    monkeypatch.setattr(read_raw, "_read_all", grow_then_read)
    with pytest.raises(InputError, match=r"^growing\.txt: grew past the article size limit of 1,000"):
        read_article(path, articles, 1000)


# --------------------------------------------------------------------------- files that move


def test_a_file_that_vanishes_before_it_is_read_is_named(articles):
    path = put(articles, "gone.txt", b"Exports rose 5 per cent.")
    assert list_articles(articles) == [path]
    path.unlink()
    with pytest.raises(InputError, match=r"^gone\.txt: the file vanished before it could be read$"):
        read_article(path, articles, LIMIT)


def test_a_file_that_vanishes_while_being_read_is_named(articles, monkeypatch):
    path = put(articles, "gone.txt", b"Exports rose 5 per cent.")
    real = read_raw._read_all

    def read_then_delete(fd, limit):
        data = real(fd, limit)
        path.unlink()
        return data

    monkeypatch.setattr(read_raw, "_read_all", read_then_delete)
    with pytest.raises(InputError, match=r"^gone\.txt: the file vanished while being read$"):
        read_article(path, articles, LIMIT)


def test_a_file_rewritten_during_the_read_is_read_again_whole(articles, monkeypatch):
    path = put(articles, "draft.txt", b"Exports rose 5 per cent.")
    final = b"Exports rose 7 per cent, to 4,000 yuan (US$620).\n"
    real, calls = read_raw._read_all, []

    def read_while_the_editor_saves(fd, limit):
        data = real(fd, limit)
        if not calls:
            path.write_bytes(final)     # the writer finishes after our first read
        calls.append(data)
        return data

    monkeypatch.setattr(read_raw, "_read_all", read_while_the_editor_saves)
    monkeypatch.setattr(read_raw, "SETTLE_SECONDS", 0.0)
    art = read_article(path, articles, LIMIT)
    assert len(calls) == 2
    assert art.text == final.decode() and art.article_hash == read_raw.content_hash(final)


def test_a_file_that_keeps_changing_is_refused_after_a_few_attempts(articles, monkeypatch):
    path = put(articles, "live.txt", b"Exports rose 5 per cent.")
    real, calls = read_raw._read_all, []

    def always_appended(fd, limit):
        calls.append(1)
        with path.open("ab") as out:
            out.write(b" More.")
        return real(fd, limit)

    monkeypatch.setattr(read_raw, "_read_all", always_appended)
    monkeypatch.setattr(read_raw, "SETTLE_SECONDS", 0.0)
    with pytest.raises(InputError, match=r"^live\.txt: changed while being read \(3 attempts\); "
                                         "run again once it is completely written$"):
        read_article(path, articles, LIMIT)
    assert len(calls) == read_raw.READ_ATTEMPTS


def test_a_reader_racing_a_real_writer_never_returns_a_torn_file(articles, monkeypatch):
    """A writer truncates and rewrites the file in pieces; every read is one whole version."""
    versions = [(f"Version {i}: exports rose {i} per cent. " * (50 + 30 * i) + "\n").encode()
                for i in range(4)]
    path = put(articles, "race.txt", versions[0])
    monkeypatch.setattr(read_raw, "SETTLE_SECONDS", 0.001)
    monkeypatch.setattr(read_raw, "QUIET_SECONDS", 0.25)
    stop = threading.Event()

    def writer():
        i = 0
        while not stop.is_set():
            i = (i + 1) % len(versions)
            with path.open("wb") as out:
                for k in range(0, len(versions[i]), 512):
                    out.write(versions[i][k:k + 512])
                    out.flush()
                    time.sleep(0.002)
            stop.wait(0.5 if i % 2 else 0.02)   # sometimes long enough to look finished

    thread = threading.Thread(target=writer, daemon=True)
    thread.start()
    whole, refused, deadline = 0, 0, time.monotonic() + 2.5
    try:
        while time.monotonic() < deadline:
            try:
                art = read_article(path, articles, LIMIT)
            except InputError as exc:
                assert "changed while being read" in str(exc) or "empty" in str(exc)
                refused += 1
                continue
            assert art.text.encode() in versions, "a torn read came back as an article"
            whole += 1
    finally:
        stop.set()
        thread.join()
    assert whole > 0 and refused >= 0


# --------------------------------------------------------------------------- paths


def test_metadata_rows_naming_missing_or_escaping_files_are_listed(articles):
    put(articles, "here.txt", b"Exports rose 5 per cent.")
    meta = pd.DataFrame({"path": ["here.txt", "not-yet-delivered.txt", "../../etc/passwd",
                                  "/etc/passwd"]})
    assert missing_metadata_files(meta, articles) == ["not-yet-delivered.txt", "../../etc/passwd",
                                                      "/etc/passwd"]


@pytest.mark.parametrize("pattern", ["../../etc/passwd", "/etc/passwd", "../../../../../../etc/*",
                                     "../*.txt", "**/../../secret.txt"])
def test_a_pattern_that_escapes_the_articles_folder_is_refused(articles, pattern):
    (articles.parent.parent / "secret.txt").write_text("password")
    (articles.parent / "outside.txt").write_text("password")
    with pytest.raises(InputError, match="outside the raw articles folder"):
        list_articles(articles, pattern)


def test_reading_a_path_that_escapes_the_articles_folder_is_refused(articles):
    with pytest.raises(InputError, match="outside the raw articles folder"):
        read_article(articles / ".." / ".." / ".." / "etc" / "passwd", articles, LIMIT)
    with pytest.raises(InputError, match="outside the raw articles folder"):
        read_article(Path("/etc/passwd"), articles, LIMIT)


def test_a_symbolic_link_out_of_raw_is_refused_when_listed_and_when_read(articles, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("the warehouse password is hunter2")
    (articles / "innocent.txt").symlink_to(secret)
    with pytest.raises(InputError, match=r"innocent\.txt: outside the raw articles folder"):
        list_articles(articles)
    with pytest.raises(InputError, match=r"^innocent\.txt: resolves outside the raw articles folder"):
        read_article(articles / "innocent.txt", articles, LIMIT)


def test_a_linked_folder_out_of_raw_is_refused(articles, tmp_path):
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "a.txt").write_text("Exports rose 5 per cent.")
    (articles / "more").symlink_to(tmp_path / "elsewhere")
    with pytest.raises(InputError, match="outside the raw articles folder"):
        list_articles(articles)
    with pytest.raises(InputError, match="outside the raw articles folder"):
        list_articles(articles, "more/a.txt")


def test_a_link_within_the_folder_is_read_under_its_own_name(articles):
    put(articles, "a.txt", b"Exports rose 5 per cent.")
    (articles / "b.txt").symlink_to(articles / "a.txt")
    arts = [read_article(p, articles, LIMIT) for p in list_articles(articles)]
    assert [a.path for a in arts] == ["a.txt", "b.txt"]


def test_a_symbolic_link_loop_is_named(articles):
    (articles / "loop.txt").symlink_to(articles / "loop.txt")
    with pytest.raises(InputError, match=r"loop\.txt: a symbolic link loop"):
        list_articles(articles)


def test_a_pipe_named_like_an_article_neither_hangs_nor_is_read(articles):
    os.mkfifo(articles / "pipe.txt")
    paths, rejected = scan_articles(articles)
    assert paths == [] and [r.reason for r in rejected] == [
        "pipe.txt: not a regular file (a device, pipe or socket); refusing to read it"]
    with pytest.raises(InputError, match=r"^pipe\.txt: not a regular file"):
        read_article(articles / "pipe.txt", articles, LIMIT)
    with pytest.raises(InputError, match=r"^dev\.txt: .*outside the raw articles folder"):
        (articles / "dev.txt").symlink_to("/dev/zero")
        read_article(articles / "dev.txt", articles, LIMIT)


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_an_unreadable_file_is_named_not_retried(articles):
    path = put(articles, "locked.txt", b"Exports rose 5 per cent.")
    path.chmod(0)
    with pytest.raises(InputError, match=r"^locked\.txt: cannot be read \(permission denied\)$"):
        read_article(path, articles, LIMIT)


def test_a_table_linked_from_outside_raw_is_refused(tmp_path):
    tables = tmp_path / "raw" / "tables"
    shutil.copytree(ROOT / "raw" / "tables", tables)
    (tables / "fx_rates.csv").unlink()
    (tables / "fx_rates.csv").symlink_to("/etc/passwd")
    with pytest.raises(InputError, match=r"^fx_rates\.csv: resolves outside the tables folder"):
        read_tables(tables)


def test_a_table_not_in_utf8_names_the_file_and_byte(tmp_path):
    path = tmp_path / "regions.csv"
    path.write_bytes("name,aliases,level,parent,source\nZ\u00fcrich,,city,,Atlas\n".encode("cp1252"))
    with pytest.raises(InputError, match=r"^regions\.csv: not UTF-8 \(byte 34: invalid start byte\)"):
        read_table(path)


# --------------------------------------------------------------------------- whole runs


def _corrupt_tables(tables: Path) -> list[str]:
    """Every kind of bad cell, once; returns what the one error must say about each."""
    def edit(name, change):
        frame = pd.read_csv(tables / name, dtype=str, keep_default_na=False)
        change(frame).to_csv(tables / name, index=False)

    edit("regions.csv", lambda f: f.drop(columns=["level"]))
    edit("metrics.csv", lambda f: f.assign(notes="x"))
    edit("fx_rates.csv", lambda f: pd.concat([f.assign(cny_per_unit=lambda d: d["cny_per_unit"].where(
        d.index > 2, pd.Series({0: "six point nine", 1: "0", 2: "-6.5"}))), f.iloc[[5]]],
        ignore_index=True))
    edit("official_series.csv", lambda f: f.assign(
        region=f["region"].where(f.index != 0, "Atlantis"),
        year=f["year"].where(f.index != 1, str(CURRENT_YEAR + 3))))
    edit("articles.csv", lambda f: f.assign(pub_date=f"{CURRENT_YEAR + 1}-01-01", pub_date_precision="day"))
    last = len(pd.read_csv(tables / "fx_rates.csv")) - 1
    return [
        "regions.csv: header (line 1 of the CSV), column level: required column is missing",
        "metrics.csv: header (line 1 of the CSV), column notes: unexpected column",
        "fx_rates.csv: row 0 (line 2 of the CSV), column cny_per_unit: is not a number (value: six point nine)",
        "fx_rates.csv: row 1 (line 3 of the CSV), column cny_per_unit: must be greater than 0 (value: 0)",
        "fx_rates.csv: row 2 (line 4 of the CSV), column cny_per_unit: must be greater than 0 (value: -6.5)",
        f"fx_rates.csv: row {last} (line {last + 2} of the CSV), column year+currency: duplicate key "
        "(year, currency), same as row 5",
        "official_series.csv: row 0 (line 2 of the CSV), column region: unknown region, not a name in "
        "regions.csv (value: Atlantis)",
        "official_series.csv: row 1 (line 3 of the CSV), column year: is in the future",
        "articles.csv: row 0 (line 2 of the CSV), column pub_date: is in the future",
    ]


def test_bad_tables_are_listed_in_one_error_and_the_run_loads_nothing(tmp_path, monkeypatch, baseline_db):
    target = make_target("sqlite", tmp_path, monkeypatch)
    previous_run(target, baseline_db)
    # metadata that names a file not delivered yet does not stop a run
    with (target.raw / "tables" / "articles.csv").open("a", encoding="utf-8") as out:
        out.write("ghost.txt,A story not delivered yet,SCMP,,2021,year,the editor's list\n")
    first = run_flow(warehouse=target.url)
    assert "articles.csv" in first.tables_changed     # a table change re-extracts; no error
    engine = target.engine()
    before, runs_before = snapshot(engine), runs(engine)

    expected = _corrupt_tables(target.raw / "tables")
    (target.raw / "articles" / "second.txt").write_text("Exports rose 7 per cent in 2020.\n")
    with pytest.raises(TableValidationError) as raised:
        run_flow(warehouse=target.url)
    message = str(raised.value)
    for line in expected:
        assert line in message, f"{line!r} missing from:\n{message}"
    assert message.startswith(f"{len(raised.value.problems)} problem(s) in the curated tables:\n")
    assert snapshot(engine) == before and runs(engine) == runs_before
    engine.dispose()
    assert any("ghost.txt" in line for line in first.lines())


BAD_ARTICLES = [
    ("empty.txt", b"", "empty.txt: the file is empty"),
    ("photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(300), "photo.txt: looks binary"),
    ("huge.txt", b"Exports rose 5 per cent.\n" * 400_000,
     "huge.txt: 10,000,000 bytes is over the article size limit"),
    ("east.txt", "\u65b0\u7586\u306e\u4e00\u4eba\u5f53\u305f\u308a".encode("shift_jis"), "east.txt: not UTF-8"),
]


def test_with_strict_a_bad_article_stops_the_run_naming_it_and_nothing_is_loaded(tmp_path, monkeypatch, baseline_db):
    target = make_target("sqlite", tmp_path, monkeypatch)
    previous_run(target, baseline_db)
    engine = target.engine()
    before, runs_before = snapshot(engine), runs(engine)
    (target.raw / "articles" / "second.txt").write_text("Exports rose 7 per cent in 2020.\n")
    for name, data, says in BAD_ARTICLES:
        (target.raw / "articles" / name).write_bytes(data)
        with pytest.raises(InputError, match=re.escape(says)):
            run_flow(warehouse=target.url, strict=True)
        (target.raw / "articles" / name).unlink()
        assert snapshot(engine) == before
    failed = runs(engine)[len(runs_before):]
    assert [r["status"] for r in failed] == ["failed"] * len(BAD_ARTICLES)
    for run, (_, _, says) in zip(failed, BAD_ARTICLES):
        assert says in run["error"], run
    engine.dispose()


# --------------------------------------------------------------------------- opened, not re-checked


def test_a_link_swapped_during_reads_never_yields_a_file_outside_raw(articles, tmp_path):
    """A writer flips `swap.txt` between a file inside and a secret outside as fast as it can;
    each read gets the inside file or a refusal, never the secret (the reader opens the file
    it checked: no gap between the check and the open)."""
    secret = tmp_path / "secret.txt"
    secret.write_text("root:x:0:0:the warehouse password is hunter2\n")
    put(articles, "inside.txt", b"Exports rose 5 per cent in 2020.\n")
    link = articles / "swap.txt"
    link.symlink_to("inside.txt")
    stop = threading.Event()

    def swapper():
        spare = articles / ".swap.tmp"
        while not stop.is_set():
            for target in (secret, "inside.txt"):
                spare.unlink(missing_ok=True)
                spare.symlink_to(target)
                os.replace(spare, link)  # atomic: the name always exists

    thread = threading.Thread(target=swapper, daemon=True)
    thread.start()
    texts, refused, deadline = [], 0, time.monotonic() + 2.0
    try:
        while time.monotonic() < deadline:
            try:
                texts.append(read_article(link, articles, LIMIT).text)
            except InputError as exc:
                assert "outside the raw articles folder" in str(exc) or "changed while" in str(exc)
                refused += 1
    finally:
        stop.set()
        thread.join()
    assert not [t for t in texts if "hunter2" in t]
    assert texts and refused  # both sides of the race were met


def test_a_hard_link_is_refused_since_its_other_name_may_be_anywhere(articles, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("Exports rose 5 per cent. The warehouse password is hunter2.\n")
    os.link(secret, articles / "linked.txt")
    with pytest.raises(InputError, match=r"^linked\.txt: has 2 hard links, so it may be a file "
                                         r"from anywhere on the disk; refusing to read it"):
        read_article(articles / "linked.txt", articles, LIMIT)
    # a copy is fine
    shutil.copy(secret, articles / "copied.txt")
    assert "hunter2" in read_article(articles / "copied.txt", articles, LIMIT).text


def test_a_link_in_a_subfolder_is_followed_only_while_it_stays_inside(articles, tmp_path):
    (articles / "2026" / "12").mkdir(parents=True)
    put(articles, "top.txt", b"Exports rose 5 per cent.")
    (articles / "2026" / "12" / "up.txt").symlink_to("../../top.txt")
    (articles / "2026" / "12" / "abs.txt").symlink_to(articles / "top.txt")
    (articles / "2026" / "out.txt").symlink_to("../../../elsewhere.txt")
    (tmp_path / "elsewhere.txt").write_text("not an article")
    assert read_article(articles / "2026/12/up.txt", articles, LIMIT).path == "2026/12/up.txt"
    assert read_article(articles / "2026/12/abs.txt", articles, LIMIT).text == "Exports rose 5 per cent."
    with pytest.raises(InputError, match=r"^2026/out\.txt: resolves outside the raw articles folder"):
        read_article(articles / "2026/out.txt", articles, LIMIT)


def test_a_linked_folder_on_the_way_out_of_raw_is_refused_when_read(articles, tmp_path):
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "a.txt").write_text("Exports rose 5 per cent.")
    (articles / "more").symlink_to(tmp_path / "elsewhere")
    with pytest.raises(InputError, match=r"^more/a\.txt: resolves outside the raw articles folder"):
        read_article(articles / "more" / "a.txt", articles, LIMIT)

