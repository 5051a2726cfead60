"""The only module that reads `raw/`: article files to text, curated CSVs to frames.

Everything it returns is plain data; what is wrong with an input is raised as an
`InputError` naming the file (and row/column where there is one).
"""
from __future__ import annotations

import codecs
import errno
import glob as globlib
import hashlib
import os
import re
import stat
import time
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from schemas.articles import ARTICLE_COLUMNS
from tasks.extract import more_numerals_than
from tasks.furniture import first_content_line

ARTICLE_SUFFIXES = (".txt", ".md")
TABLE_FILES = (
    "articles.csv", "regions.csv", "metrics.csv", "fx_rates.csv",
    "official_series.csv", "pairing_assistance.csv",
)


class InputError(ValueError):
    """A raw input that cannot be used; the message names the file and what is wrong."""

    article_hash: str | None = None  # sha256 of the file's bytes, when they were read


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
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_NON_ASCII_RUN = re.compile(r"[^\x00-\x7f]{2,}")


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
    """Whether cp1252-decoded text reads as a Western-European language.

    There, accented letters are sprinkled over words of mostly ASCII letters, and they may
    touch each other ("Größe", "créée", "ações"), punctuation ("l’été", "«À") or a
    no-break space (French "« " and "12 %"). Bytes of another encoding read one by one
    instead give words made of non-ASCII letters (Cyrillic, Greek, Korean) or letters run
    together with symbols and digits ("Ã©", "¤§¥Í²£" from UTF-8, Big5 or Shift-JIS).
    """
    letters = [ch for ch in text if ch.isalpha()]
    if sum(1 for ch in letters if ord(ch) > 127) > MAX_ACCENTED_SHARE * len(letters):
        return False
    non_ascii = len(_NON_ASCII.findall(text))
    clashing: set[int] = set()
    for run in _NON_ASCII_RUN.finditer(text):
        for i in range(run.start(), run.end() - 1):
            if _clash(text[i], text[i + 1]):
                clashing.update((i, i + 1))
    return len(clashing) <= MAX_CLASHING_SHARE * non_ascii


# Measured on French, German, Spanish, Portuguese, Icelandic and Danish samples dense in
# accents: at most a quarter of their letters are non-ASCII (Big5 read as cp1252: half,
# Cyrillic or Greek: all) and none has a symbol touching a letter or symbol.
MAX_ACCENTED_SHARE = 1 / 3
MAX_CLASHING_SHARE = 0.1


def _clash(a: str, b: str) -> bool:
    """Two adjacent non-ASCII characters no Western text writes together: a symbol or digit
    (°, ², ¤, ©, ½) against a letter or another symbol."""
    sym_a, sym_b = _is_symbol(a), _is_symbol(b)
    return (sym_a or sym_b) and (sym_a or b.isalpha()) and (sym_b or a.isalpha())


def _is_symbol(ch: str) -> bool:
    return unicodedata.category(ch)[0] in "SN"


@dataclass(frozen=True, slots=True)
class Rejected:
    """An article file a run skipped: its name as listed and why, in one line naming it."""
    path: str                       # relative to the articles folder, printable (see `shown`)
    reason: str                     # starts with the path
    article_hash: str | None = None  # sha256 of its bytes when they could be read


def shown(name: str | os.PathLike) -> str:
    """A file name as one printable line whatever its bytes.

    Bytes that are not UTF-8 appear as ``\\xNN`` and control characters (a newline in a name)
    as escapes, so a hostile name can neither break a message in two nor a terminal.
    """
    text = os.fsencode(name).decode("utf-8", errors="backslashreplace")
    return "".join(ch if ch.isprintable() else ch.encode("unicode_escape").decode("ascii")
                   for ch in text)


def _inside(path: Path, root: Path) -> bool:
    try:
        path.resolve().relative_to(root.resolve())
        return True
    except ValueError:
        return False
    except (RuntimeError, OSError):  # a symlink loop: it names no file at all
        raise InputError(f"{shown(path)}: a symbolic link loop, not an article file") from None


# Linux's limits on a file name and a path (os.pathconf would ask the file system, which
# a pattern has not reached yet).
NAME_MAX, PATH_MAX = 255, 4096


def scan_articles(articles_dir: Path, pattern: str | None = None
                  ) -> tuple[list[Path], list[Rejected]]:
    """(article files under `articles_dir`, sorted; files and folders that cannot be articles).

    `pattern` is a file, folder or glob. A pattern that points outside the folder, or matches
    nothing, is an `InputError` (the request itself is wrong). What is wrong with one file
    found there is not: a link that leads out of the folder, a link loop, a pipe or device
    named like an article, a name that is not UTF-8, or a folder that cannot be read is a
    `Rejected` entry, so the caller can skip it, name it and go on with the rest.
    Links to folders are not followed (their target, inside the folder, is listed under its
    own name, or it is outside and refused).
    """
    if not articles_dir.is_dir():
        raise InputError(f"{articles_dir}: articles folder does not exist")
    rejected: list[Rejected] = []
    if pattern is None:
        candidates = _walk(articles_dir, articles_dir, rejected)
    else:
        if "\x00" in pattern:
            raise InputError(f"{pattern!r}: not a file name (NUL character)")
        # The system refuses longer names (ENAMETOOLONG) on every call below; say so once.
        if len(os.fsencode(pattern)) > PATH_MAX or any(
                len(os.fsencode(part)) > NAME_MAX for part in Path(pattern).parts):
            raise InputError(f"{shown(pattern[:60])}… ({len(pattern):,} characters): not a file "
                             f"name (at most {NAME_MAX} bytes a name, {PATH_MAX} a path)")
        base = Path(pattern)
        # as a shell user means it: from where they stand ("raw/articles/scmp-*.txt") when
        # that names something, else from the articles folder ("scmp-*.txt")
        if not base.is_absolute() and not base.exists() and not globlib.glob(pattern, recursive=True):
            base = articles_dir / pattern
        # Judged before matching: a path outside the root is refused whether or not
        # anything exists there, so the answer never depends on the machine's files.
        if not _inside(base, articles_dir):
            raise InputError(
                f"{shown(pattern)}: outside the raw articles folder {articles_dir}; refusing to read it"
            )
        if base.is_dir():
            candidates = _walk(base, articles_dir, rejected)
        else:
            candidates = [Path(p) for p in globlib.glob(str(base), recursive=True)]
        if not candidates and not rejected:
            raise InputError(f"{shown(pattern)}: no article file matches")
    found = []
    for path in candidates:
        name = shown(_relative(path, articles_dir))
        try:
            inside = _inside(path, articles_dir)
        except InputError as exc:
            rejected.append(Rejected(name, str(exc)))
            continue
        if not inside:
            rejected.append(Rejected(name, f"{name}: outside the raw articles folder "
                                           f"{articles_dir}; refusing to read it"))
            continue
        if path.suffix.lower() not in ARTICLE_SUFFIXES or path.is_dir():
            continue
        if not path.is_file():
            rejected.append(Rejected(name, f"{name}: not a regular file (a device, pipe or "
                                           "socket); refusing to read it"))
            continue
        try:
            str(path).encode("utf-8")
        except UnicodeEncodeError:
            rejected.append(Rejected(name, f"{name}: the file name is not UTF-8 (shown with \\x "
                                           "escapes); rename the file"))
            continue
        found.append(path)
    return sorted(found), sorted(rejected, key=lambda r: r.path)


def list_articles(articles_dir: Path, pattern: str | None = None) -> list[Path]:
    """`scan_articles`, all or nothing: any file or folder it rejects is an `InputError`
    naming every one of them."""
    paths, rejected = scan_articles(articles_dir, pattern)
    if rejected:
        raise InputError("\n".join(r.reason for r in rejected))
    return paths


def _walk(top: Path, root: Path, rejected: list[Rejected]) -> list[Path]:
    """Every entry under `top` that is not a real folder; folders that cannot be listed are
    rejected by name (os.walk and Path.rglob would pass over them without a word)."""
    found, pending = [], [top]
    while pending:
        folder = pending.pop()
        try:
            with os.scandir(folder) as entries:
                for entry in entries:
                    path = Path(entry.path)
                    if entry.is_dir(follow_symlinks=False):
                        pending.append(path)
                    else:
                        found.append(path)
        except OSError as exc:
            name = shown(_relative(folder, root)) + "/"
            rejected.append(Rejected(name, f"{name}: folder cannot be read "
                                           f"({(exc.strerror or str(exc)).lower()}); "
                                           "no article in it was read"))
    return found


# How often a file that changes under the reader is read again before it is refused, and
# how long to let its writer finish in between.
READ_ATTEMPTS = 3
SETTLE_SECONDS = 0.2
# A file modified this recently may be half written by a writer that paused between two
# chunks (its stat is then the same before and after our read): it must stay unchanged
# this long before it is believed complete.
QUIET_SECONDS = 0.25
# Symbolic links followed (inside the folder) on the way to one article, as the kernel's own limit.
MAX_LINKS = 40


def read_article(path: Path, articles_dir: Path, max_bytes: int) -> RawArticle:
    """One article file, read as a consistent snapshot of its bytes.

    The file is opened one path component at a time from the articles folder, never
    following a link: a symbolic link is resolved here, by its text, and followed only while
    it stays inside `articles_dir`. So what is read is the file the checks were made on; a
    link swapped during the read cannot lead anywhere else (there is no check-then-open gap).
    Refused with an `InputError`: a path or link outside `articles_dir`, anything but a
    regular file (checked on the opened descriptor), a file with more than one hard link (see
    `_check_opened`), a file over `max_bytes` (never more than that is read), one that
    vanishes, and one that keeps changing while it is read.
    """
    rel = _relative(path, articles_dir)
    name = shown(rel)
    for attempt in range(1, READ_ATTEMPTS + 1):
        try:
            data = _read_snapshot(articles_dir, rel, name, max_bytes)
        except InputError:
            raise
        except OSError as exc:  # e.g. EIO from a failing disk: this file, not the run
            raise InputError(f"{name}: cannot be read ({exc.strerror or exc})") from None
        if data is not None:
            break
        if attempt < READ_ATTEMPTS:
            time.sleep(SETTLE_SECONDS * attempt)
    else:
        raise InputError(f"{name}: changed while being read ({READ_ATTEMPTS} attempts); "
                         "run again once it is completely written")
    try:
        text, encoding = decode_article(data, name)
    except InputError as exc:  # read, but not text: its bytes can still be named
        exc.article_hash = content_hash(data)
        raise
    return RawArticle(rel, content_hash(data), text, encoding)


def read_articles(paths: Iterable[Path], articles_dir: Path, max_bytes: int,
                  max_numbers: int | None = None) -> tuple[list[RawArticle], list[Rejected]]:
    """Each file read by `read_article`; one that cannot be is skipped with its reason, and
    so is one with more than `max_numbers` numbers written in digits (see `too_many_numbers`)."""
    good, bad = [], []
    for path in paths:
        try:
            art = read_article(path, articles_dir, max_bytes)
        except InputError as exc:
            bad.append(Rejected(shown(_relative(path, articles_dir)), str(exc),
                                getattr(exc, "article_hash", None)))
            continue
        problem = too_many_numbers(art.text, max_numbers) if max_numbers else None
        if problem:
            bad.append(Rejected(shown(art.path), f"{shown(art.path)}: {problem}", art.article_hash))
        else:
            good.append(art)
    return good, bad


def too_many_numbers(text: str, limit: int) -> str | None:
    """Why `text` is refused for holding more than `limit` numerals, or None.

    Counted before extraction, because the engine's work and memory grow with the numerals
    it meets (a megabyte of "1 1 1 ..." or of "one one one ..." is half a million figures,
    500 MB and a minute, and the load and report after it). Every figure needs one, so an
    article under the limit also has fewer figures than that.
    """
    if more_numerals_than(text, limit):
        return (f"more than {limit:,} numbers, over the per-article limit (set "
                "MAX_ARTICLE_FIGURES to raise it); a data dump, not an article")
    return None


def split_duplicates(articles: Sequence[RawArticle], *preferred: Iterable[str]
                     ) -> tuple[list[RawArticle], list[Rejected]]:
    """(one article per content, the other files with the same bytes, rejected by name).

    The warehouse knows an article by the sha256 of its bytes, so two files with the same
    bytes are one article. The one kept is in the first of the `preferred` collections of
    paths that holds one of them (the pipeline passes the paths the warehouse holds, then
    those articles.csv describes), else the first in path order; each other is rejected,
    naming the one kept.
    """
    ranks = [set(paths) for paths in preferred]

    def rank(art: RawArticle) -> tuple:
        return (*(art.path not in paths for paths in ranks), art.path)

    by_hash: dict[str, RawArticle] = {}
    for art in sorted(articles, key=rank):
        by_hash.setdefault(art.article_hash, art)
    kept = [a for a in articles if by_hash[a.article_hash] is a]
    rejected = [Rejected(shown(a.path),
                         f"{shown(a.path)}: the same bytes as {shown(by_hash[a.article_hash].path)} "
                         f"(sha256 {a.article_hash[:12]}…), which is loaded in its place; "
                         "skipped as a duplicate", a.article_hash)
                for a in articles if by_hash[a.article_hash] is not a]
    return kept, rejected


def _relative(path: Path, articles_dir: Path) -> str:
    """`path` relative to the articles folder, as listed (a link keeps its own name)."""
    absolute, root = Path(os.path.abspath(path)), Path(os.path.abspath(articles_dir))
    try:
        return absolute.relative_to(root).as_posix()
    except ValueError:
        raise InputError(f"{shown(path)}: outside the raw articles folder {articles_dir}; "
                         "refusing to read it") from None


def _identity(st: os.stat_result) -> tuple:
    return st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns


_DIR_FLAGS = os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | getattr(os, "O_CLOEXEC", 0)
# O_NOFOLLOW: a link as the last component fails instead of being followed. O_NONBLOCK: a
# FIFO cannot hang open() (it is then refused as not a regular file).
_FILE_FLAGS = (os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
               | getattr(os, "O_CLOEXEC", 0))


def _open_beneath(articles_dir: Path, rel: str, name: str) -> tuple[int, int, str]:
    """(file descriptor, descriptor of its folder, its name there) for `rel`, opened one
    component at a time relative to the folder above it, without following any link."""
    roots = {os.path.abspath(articles_dir), os.path.realpath(articles_dir)}
    parts = _normal(rel.split("/"))
    if not parts:
        raise InputError(f"{name}: is a directory, not an article file")
    links = 0
    root_fd = os.open(articles_dir, _DIR_FLAGS)
    try:
        while True:
            walked: list[str] = []
            dir_fd = os.dup(root_fd)
            try:
                for i, part in enumerate(parts):
                    last = i == len(parts) - 1
                    try:
                        fd = os.open(part, _FILE_FLAGS if last else _DIR_FLAGS | os.O_NOFOLLOW,
                                     dir_fd=dir_fd)
                    except OSError as exc:
                        target = _link_text(part, dir_fd) if exc.errno in (errno.ELOOP, errno.ENOTDIR) else None
                        if target is None:
                            raise _open_error(exc, name) from None
                        links += 1
                        if links > MAX_LINKS:
                            raise InputError(f"{name}: a symbolic link loop, not an article file") from None
                        resolved = _resolve_link(walked, target, roots)
                        if resolved is None:
                            raise InputError(f"{name}: resolves outside the raw articles folder "
                                             f"{articles_dir}; refusing to read it") from None
                        parts = resolved + parts[i + 1:]
                        break
                    if last:
                        folder_fd, dir_fd = dir_fd, -1
                        return fd, folder_fd, part
                    os.close(dir_fd)
                    dir_fd, walked = fd, walked + [part]
                if not parts:
                    raise InputError(f"{name}: is a directory, not an article file")
            finally:
                if dir_fd >= 0:
                    os.close(dir_fd)
    finally:
        os.close(root_fd)


def _normal(parts: Sequence[str]) -> list[str] | None:
    """Path components with '.' and '' dropped and '..' applied; None if '..' leaves the top.
    Exact, not approximate: every component it is applied to is a real folder."""
    out: list[str] = []
    for part in parts:
        if part in ("", "."):
            continue
        if part == "..":
            if not out:
                return None
            out.pop()
        else:
            out.append(part)
    return out


def _link_text(part: str, dir_fd: int) -> str | None:
    try:
        return os.readlink(part, dir_fd=dir_fd)
    except OSError:  # not a link: the error was about something else
        return None


def _resolve_link(walked: list[str], target: str, roots: set[str]) -> list[str] | None:
    """The components, from the articles folder, a link in folder `walked` points at; None
    when that is outside the folder."""
    if os.path.isabs(target):
        target = os.path.normpath(target)
        for root in roots:
            if target == root or target.startswith(root.rstrip(os.sep) + os.sep):
                return _normal(target[len(root):].split(os.sep))
        return None
    return _normal([*walked, *target.split("/")])


def _open_error(exc: OSError, name: str) -> InputError:
    if exc.errno == errno.ENOENT:
        return InputError(f"{name}: the file vanished before it could be read")
    if exc.errno in (errno.EACCES, errno.EPERM):
        return InputError(f"{name}: cannot be read (permission denied)")
    if exc.errno == errno.ENOTDIR:
        return InputError(f"{name}: a folder on its path is not a folder; not an article file")
    return InputError(f"{name}: cannot be opened ({exc.strerror or exc})")


def _check_opened(st: os.stat_result, name: str, max_bytes: int) -> None:
    """What the opened descriptor must be: a regular file, of one name, within the limit.

    A hard link inside raw/ is a second name of a file that may live anywhere on the same
    disk (another user's file, raw/tables, /etc/passwd), and nothing on the descriptor says
    where its other names are; counting the names found in the folder would race with
    anyone adding or removing one. So a file with more than one hard link is refused, naming
    the fix (copy it in): an article never needs to be one.
    """
    if stat.S_ISDIR(st.st_mode):
        raise InputError(f"{name}: is a directory, not an article file")
    if not stat.S_ISREG(st.st_mode):
        raise InputError(f"{name}: not a regular file (a device, pipe or socket); refusing to read it")
    if st.st_nlink > 1:
        raise InputError(f"{name}: has {st.st_nlink} hard links, so it may be a file from "
                         "anywhere on the disk; refusing to read it (copy the file in instead "
                         "of linking it)")
    if st.st_size > max_bytes:
        raise InputError(
            f"{name}: {st.st_size:,} bytes is over the article size limit of {max_bytes:,} "
            "(set MAX_ARTICLE_BYTES to raise it)"
        )


def _read_snapshot(articles_dir: Path, rel: str, name: str, max_bytes: int) -> bytes | None:
    """The file's bytes, or None when it changed during the read."""
    try:
        fd, folder_fd, final = _open_beneath(articles_dir, rel, name)
    except FileNotFoundError:
        raise InputError(f"{name}: the file vanished before it could be read") from None
    except PermissionError:
        raise InputError(f"{name}: cannot be read (permission denied)") from None
    except NotADirectoryError:
        raise InputError(f"{name}: articles folder {articles_dir} is not a folder") from None
    except OSError as exc:  # an I/O error on this one file: it is rejected, not the run
        raise InputError(f"{name}: cannot be opened ({exc.strerror or exc})") from None
    try:
        try:
            before = os.fstat(fd)
            _check_opened(before, name, max_bytes)
            data = _read_all(fd, max_bytes + 1)
            if len(data) > max_bytes:
                raise InputError(f"{name}: grew past the article size limit of {max_bytes:,} bytes "
                                 "while being read (set MAX_ARTICLE_BYTES to raise it)")
            in_place = os.fstat(fd)
        finally:
            os.close(fd)

        def name_now() -> os.stat_result:
            # The name, in the folder already opened: replaced (renamed over) or still this file?
            try:
                return os.stat(final, dir_fd=folder_fd, follow_symlinks=False)
            except FileNotFoundError:
                raise InputError(f"{name}: the file vanished while being read") from None

        replaced = name_now()
        unchanged = (_identity(before) == _identity(in_place) == _identity(replaced)
                     and len(data) == before.st_size)
        if not unchanged:
            return None
        age = time.time() - replaced.st_mtime
        if 0 <= age < QUIET_SECONDS:
            time.sleep(QUIET_SECONDS - age)
            if _identity(name_now()) != _identity(replaced):
                return None
        return data
    finally:
        os.close(folder_fd)


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
    if not tables_dir.is_dir():  # one line for the folder, not one per table it should hold
        raise InputError(f"{tables_dir}: the curated tables folder does not exist "
                         f"(expected {', '.join(TABLE_FILES)} there; check RAW_ROOT)")
    return {name: read_table(tables_dir / name) for name in TABLE_FILES}


def table_hashes(tables_dir: Path) -> dict[str, str]:
    hashes = {}
    for name in TABLE_FILES:
        path = tables_dir / name
        if not path.is_file():
            continue
        try:
            hashes[name] = content_hash(path.read_bytes())
        except OSError as exc:
            raise InputError(f"{name}: cannot be read ({(exc.strerror or str(exc)).lower()})") from None
    return hashes


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
        get = (lambda k, m=m: None if pd.isna(m.get(k)) else str(m.get(k))) if has_meta else (lambda k: None)
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
            "source_type": get("source_type") or "news",
            "text": art.text,
        })
    return pd.DataFrame(rows, columns=ARTICLE_COLUMNS)


def described_paths(metadata: pd.DataFrame) -> set[str]:
    """The article paths articles.csv has a row for."""
    return {str(p) for p in metadata.get("path", pd.Series(dtype=str)).dropna()}


def publication_dates(metadata: pd.DataFrame) -> dict[str, str | None]:
    """articles.csv's `pub_date` by path (None where it has none)."""
    if "path" not in metadata or "pub_date" not in metadata:
        return {}
    return {str(path): (None if pd.isna(day) else str(day))
            for path, day in zip(metadata["path"], metadata["pub_date"]) if not pd.isna(path)}


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
