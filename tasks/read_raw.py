"""The only module that reads `raw/`: article files to text, curated CSVs to frames.

Everything it returns is plain data; what is wrong with an input is raised as an
`InputError` naming the file (and row/column where there is one).
"""
from __future__ import annotations

import codecs
import glob as globlib
import hashlib
import os
import re
import stat
import time
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from schemas.articles import ARTICLE_COLUMNS
from tasks.furniture import first_content_line

ARTICLE_SUFFIXES = (".txt", ".md")
TABLE_FILES = (
    "articles.csv", "regions.csv", "metrics.csv", "fx_rates.csv",
    "official_series.csv", "pairing_assistance.csv",
)


class InputError(ValueError):
    """A raw input that cannot be used; the message names the file and what is wrong."""


@dataclass(frozen=True, slots=True)
class RawArticle:
    path: str            # relative to the articles folder, POSIX separators
    article_hash: str    # sha256 of the raw bytes: the article's identity in the warehouse
    text: str
    encoding: str


def content_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def decode_article(data: bytes, name: str) -> tuple[str, str]:
    """Bytes to text, returning (text, encoding).

    UTF-8 (with or without a BOM) first; then the encodings Chinese and Western news
    desks actually save in. Windows line endings are kept: offsets index the raw text.
    Anything that is not plausibly one of them is refused, naming the file and the byte,
    rather than decoded into mojibake that would then be "extracted".
    """
    if not data.strip():
        raise InputError(f"{name}: the file is empty")
    for bom, enc in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                     (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                text = data.decode(enc)
            except UnicodeDecodeError as exc:
                raise InputError(f"{name}: starts with a {enc} byte order mark but byte "
                                 f"{exc.start} is not {enc} ({exc.reason})") from None
            return _usable(text, name), enc
    bom_less = _utf16_without_bom(data)
    if bom_less:
        return _usable(data.decode(bom_less), name), bom_less
    if b"\x00" in data:
        raise InputError(f"{name}: looks binary (NUL byte at {data.index(0):,}), not a text article")
    try:
        return _usable(data.decode("utf-8"), name), "utf-8"
    except UnicodeDecodeError as exc:
        utf8_error = exc
    where = f"not UTF-8 (byte {utf8_error.start:,}: {utf8_error.reason})"
    # A UTF-8 file cut short or with a few corrupt bytes is not cp1252: say so, do not guess.
    valid, invalid = _utf8_sequences(data)
    if valid >= 10 * invalid:
        raise InputError(f"{name}: UTF-8 with {invalid} invalid byte sequence(s), first at byte "
                         f"{utf8_error.start:,} ({utf8_error.reason}); the file is damaged or truncated")
    # GB18030 decodes almost any byte string, so it is only believed when the result is
    # mostly common Chinese (GB2312's repertoire) rather than rare characters.
    try:
        text = data.decode("gb18030")
        if _looks_chinese(text):
            return _usable(text, name), "gb18030"
    except UnicodeDecodeError:
        pass
    # cp1252 is the usual Western fallback (curly quotes as 0x93/0x94): its non-ASCII
    # characters are scattered through English or French text, not in long runs.
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        text = None
    if text is not None and _looks_western(text):
        return _usable(text, name), "cp1252"
    raise InputError(f"{name}: {where}, and not plausibly GB18030 or cp1252 either; "
                     "save it as UTF-8")


_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_CJK = re.compile(r"[\u3400-\u9fff]")


def _usable(text: str, name: str) -> str:
    if not text.strip():
        raise InputError(f"{name}: the file is empty")
    controls = len(_CONTROL.findall(text))
    if controls > max(8, len(text) // 100):
        raise InputError(f"{name}: looks binary ({controls:,} control characters in "
                         f"{len(text):,}), not a text article")
    return text


def _utf16_without_bom(data: bytes) -> str | None:
    """'utf-16-le'/'utf-16-be' when every other byte is NUL, as in mostly-ASCII UTF-16."""
    sample = data[:4096]
    if len(data) % 2 or len(sample) < 8:
        return None
    for enc, zeros, text in (("utf-16-le", sample[1::2], sample[0::2]),
                             ("utf-16-be", sample[0::2], sample[1::2])):
        if zeros.count(0) >= 0.9 * len(zeros) and text.count(0) <= 0.1 * len(text):
            try:
                data.decode(enc)
                return enc
            except UnicodeDecodeError:
                return None
    return None


def _utf8_sequences(data: bytes) -> tuple[int, int]:
    """(valid multi-byte characters, invalid sequences) when read as UTF-8."""
    text = data.decode("utf-8", errors="replace")
    invalid = text.count("\ufffd") - data.count("\ufffd".encode())
    valid = sum(1 for ch in text if ord(ch) > 127 and ch != "\ufffd")
    return valid, max(invalid, 1)


def _looks_chinese(text: str) -> bool:
    non_ascii = [ch for ch in text if ord(ch) > 127]
    if not non_ascii or not _CJK.search(text):
        return False
    common = 0
    for ch in non_ascii:
        try:
            ch.encode("gb2312")
            common += 1
        except UnicodeEncodeError:
            pass
    return common >= 0.9 * len(non_ascii)


def _looks_western(text: str) -> bool:
    non_ascii = [i for i, ch in enumerate(text) if ord(ch) > 127]
    if not non_ascii:
        return True
    positions = set(non_ascii)
    in_runs = sum(1 for i in non_ascii if i - 1 in positions or i + 1 in positions)
    return in_runs <= 0.5 * len(non_ascii)


def _inside(path: Path, root: Path) -> bool:
    try:
        path.resolve().relative_to(root.resolve())
        return True
    except ValueError:
        return False
    except (RuntimeError, OSError):  # a symlink loop: it names no file at all
        raise InputError(f"{path}: a symbolic link loop, not an article file") from None


def list_articles(articles_dir: Path, pattern: str | None = None) -> list[Path]:
    """Article files under `articles_dir`, sorted; `pattern` is a file, folder or glob.

    Anything that resolves outside `articles_dir` is refused: the pipeline only reads
    from its configured raw root.
    """
    if not articles_dir.is_dir():
        raise InputError(f"{articles_dir}: articles folder does not exist")
    if pattern is None:
        candidates = [p for p in articles_dir.rglob("*")]
    else:
        if "\x00" in pattern:
            raise InputError(f"{pattern!r}: not a file name (NUL character)")
        base = Path(pattern)
        if not base.is_absolute() and not base.exists():
            base = articles_dir / pattern
        # Judged before matching: a path outside the root is refused whether or not
        # anything exists there, so the answer never depends on the machine's files.
        if not _inside(base, articles_dir):
            raise InputError(
                f"{pattern}: outside the raw articles folder {articles_dir}; refusing to read it"
            )
        if base.is_dir():
            candidates = list(base.rglob("*"))
        else:
            candidates = [Path(p) for p in globlib.glob(str(base), recursive=True)]
        if not candidates:
            raise InputError(f"{pattern}: no article file matches")
    outside = [p for p in candidates if not _inside(p, articles_dir)]
    if outside:
        raise InputError(
            f"{outside[0]}: outside the raw articles folder {articles_dir}; refusing to read it"
        )
    return sorted(p for p in candidates if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES)


# How often a file that changes under the reader is read again before it is refused, and
# how long to let its writer finish in between.
READ_ATTEMPTS = 3
SETTLE_SECONDS = 0.2
# A file modified this recently may be half written by a writer that paused between two
# chunks (its stat is then the same before and after our read): it must stay unchanged
# this long before it is believed complete.
QUIET_SECONDS = 0.25


def read_article(path: Path, articles_dir: Path, max_bytes: int) -> RawArticle:
    """One article file, read as a consistent snapshot of its bytes.

    Refused with an `InputError`: a path outside `articles_dir` (symbolic links are
    followed first), anything but a regular file, a file over `max_bytes`, one that
    vanishes, and one that keeps changing while it is read (its size, modification time
    or inode differ before and after the read).
    """
    rel = _relative(path, articles_dir)
    if not _inside(path, articles_dir):
        raise InputError(f"{rel}: resolves outside the raw articles folder {articles_dir}; "
                         "refusing to read it")
    for attempt in range(1, READ_ATTEMPTS + 1):
        data = _read_snapshot(path, rel, max_bytes)
        if data is not None:
            break
        if attempt < READ_ATTEMPTS:
            time.sleep(SETTLE_SECONDS * attempt)
    else:
        raise InputError(f"{rel}: changed while being read ({READ_ATTEMPTS} attempts); "
                         "run again once it is completely written")
    text, encoding = decode_article(data, rel)
    return RawArticle(rel, content_hash(data), text, encoding)


def _relative(path: Path, articles_dir: Path) -> str:
    """`path` relative to the articles folder, as listed (a link keeps its own name)."""
    absolute, root = Path(os.path.abspath(path)), Path(os.path.abspath(articles_dir))
    try:
        return absolute.relative_to(root).as_posix()
    except ValueError:
        raise InputError(f"{path}: outside the raw articles folder {articles_dir}; "
                         "refusing to read it") from None


def _identity(st: os.stat_result) -> tuple:
    return st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns


def _read_snapshot(path: Path, rel: str, max_bytes: int) -> bytes | None:
    """The file's bytes, or None when it changed during the read."""
    try:
        # O_NONBLOCK: a FIFO planted under raw/ must not hang the run on open().
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError:
        raise InputError(f"{rel}: the file vanished before it could be read") from None
    except PermissionError:
        raise InputError(f"{rel}: cannot be read (permission denied)") from None
    except IsADirectoryError:
        raise InputError(f"{rel}: is a directory, not an article file") from None
    try:
        before = os.fstat(fd)
        if not stat.S_ISREG(before.st_mode):
            raise InputError(f"{rel}: not a regular file (a device, pipe or socket); refusing to read it")
        if before.st_size > max_bytes:
            raise InputError(
                f"{rel}: {before.st_size:,} bytes is over the article size limit of {max_bytes:,} "
                "(set MAX_ARTICLE_BYTES to raise it)"
            )
        data = _read_all(fd, max_bytes + 1)
        if len(data) > max_bytes:
            raise InputError(f"{rel}: grew past the article size limit of {max_bytes:,} bytes "
                             "while being read (set MAX_ARTICLE_BYTES to raise it)")
        in_place = os.fstat(fd)
    finally:
        os.close(fd)
    try:
        replaced = os.stat(path)
    except FileNotFoundError:
        raise InputError(f"{rel}: the file vanished while being read") from None
    unchanged = (_identity(before) == _identity(in_place) == _identity(replaced)
                 and len(data) == before.st_size)
    if not unchanged:
        return None
    age = time.time() - replaced.st_mtime
    if 0 <= age < QUIET_SECONDS:
        time.sleep(QUIET_SECONDS - age)
        try:
            settled = os.stat(path)
        except FileNotFoundError:
            raise InputError(f"{rel}: the file vanished while being read") from None
        if _identity(settled) != _identity(replaced):
            return None
    return data


def _read_all(fd: int, limit: int) -> bytes:
    chunks, size = [], 0
    while size < limit:
        chunk = os.read(fd, min(1 << 20, limit - size))
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    return b"".join(chunks)


def read_table(path: Path) -> pd.DataFrame:
    """A curated CSV as strings (empty cell -> missing); types are the schema's job."""
    if not path.is_file():
        raise InputError(f"{path.name}: curated table is missing from {path.parent}")
    if not _inside(path, path.parent):
        raise InputError(f"{path.name}: resolves outside the tables folder {path.parent} "
                         f"(to {path.resolve()}); refusing to read it")
    try:
        return pd.read_csv(path, dtype=str, keep_default_na=False, na_values=[""],
                           encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"{path.name}: not UTF-8 (byte {exc.start:,}: {exc.reason}); "
                         "save the table as UTF-8") from None
    except (pd.errors.ParserError, pd.errors.EmptyDataError) as exc:
        raise InputError(f"{path.name}: not a readable CSV ({exc})") from None
    except PermissionError:
        raise InputError(f"{path.name}: cannot be read (permission denied)") from None


def read_tables(tables_dir: Path) -> dict[str, pd.DataFrame]:
    return {name: read_table(tables_dir / name) for name in TABLE_FILES}


def table_hashes(tables_dir: Path) -> dict[str, str]:
    return {name: content_hash((tables_dir / name).read_bytes())
            for name in TABLE_FILES if (tables_dir / name).is_file()}


def article_frame(articles: list[RawArticle], metadata: pd.DataFrame) -> pd.DataFrame:
    """One row per article: identity, metadata from articles.csv where a row names it.

    An article with no metadata row is still ingested: its title is its first line that
    is not page furniture and its publication date is unknown.
    """
    meta = metadata.set_index("path") if len(metadata) else metadata
    rows = []
    for art in articles:
        has_meta = art.path in meta.index
        m = meta.loc[art.path] if has_meta else {}
        get = (lambda k: None if pd.isna(m.get(k)) else str(m.get(k))) if has_meta else (lambda k: None)
        pub_date = get("pub_date")
        rows.append({
            "article_hash": art.article_hash,
            "path": art.path,
            "title": get("title") or first_content_line(art.text) or art.path,
            "publisher": get("publisher"),
            "url": get("url"),
            "pub_date": pub_date,
            "pub_date_precision": get("pub_date_precision") or ("unknown" if pub_date is None else
                                                              {4: "year", 7: "month"}.get(len(pub_date), "day")),
            "word_count": len(re.findall(r"\w+", art.text)),
            "has_metadata": has_meta,
        })
    return pd.DataFrame(rows, columns=ARTICLE_COLUMNS)


def missing_metadata_files(metadata: pd.DataFrame, articles_dir: Path) -> list[str]:
    """articles.csv rows that name a file that is not there (or not inside `articles_dir`)."""
    missing = []
    for p in metadata.get("path", pd.Series(dtype=str)).dropna():
        target = articles_dir / str(p)
        try:
            there = target.is_file() and _inside(target, articles_dir)
        except (InputError, OSError, ValueError):
            there = False
        if not there:
            missing.append(str(p))
    return missing


def records(frame: pd.DataFrame) -> list[dict]:
    """Rows as plain dicts with None (not NaN) for empty cells: what the engine's
    `regions_from_rows` / `metrics_from_rows` expect."""
    return frame.astype(object).where(frame.notna(), None).to_dict("records")
