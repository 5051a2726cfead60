"""The only module that reads `raw/`: article files to text, curated CSVs to frames.

Everything it returns is plain data; what is wrong with an input is raised as an
`InputError` naming the file (and row/column where there is one).
"""
from __future__ import annotations

import codecs
import glob as globlib
import hashlib
import re
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
    """
    if not data.strip():
        raise InputError(f"{name}: the file is empty")
    if b"\x00" in data[:8192] and not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise InputError(f"{name}: looks binary (NUL bytes), not a text article")
    for bom, enc in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                     (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return data.decode(enc), enc
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        utf8_error = exc
    # GB18030 decodes almost any byte string, so it is only believed when the result
    # holds CJK text; cp1252 is the usual Western fallback (curly quotes as 0x93/0x94).
    try:
        text = data.decode("gb18030")
        if re.search(r"[\u4e00-\u9fff]", text):
            return text, "gb18030"
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1252")
        return text, "cp1252"
    except UnicodeDecodeError:
        raise InputError(
            f"{name}: not UTF-8 (byte {utf8_error.start}: {utf8_error.reason}) "
            "and not cp1252 or GB18030 either"
        ) from None


def _inside(path: Path, root: Path) -> bool:
    try:
        path.resolve().relative_to(root.resolve())
        return True
    except ValueError:
        return False


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
        base = Path(pattern)
        if not base.is_absolute() and not base.exists():
            base = articles_dir / pattern
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


def read_article(path: Path, articles_dir: Path, max_bytes: int) -> RawArticle:
    rel = path.resolve().relative_to(articles_dir.resolve()).as_posix()
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise InputError(
                f"{rel}: {size:,} bytes is over the article size limit of {max_bytes:,} "
                "(set MAX_ARTICLE_BYTES to raise it)"
            )
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{rel}: the file vanished while being read") from None
    if len(data) > max_bytes:
        raise InputError(f"{rel}: grew past the size limit of {max_bytes:,} bytes while being read")
    text, encoding = decode_article(data, rel)
    return RawArticle(rel, content_hash(data), text, encoding)


def read_table(path: Path) -> pd.DataFrame:
    """A curated CSV as strings (empty cell -> missing); types are the schema's job."""
    if not path.is_file():
        raise InputError(f"{path.name}: curated table is missing from {path.parent}")
    try:
        return pd.read_csv(path, dtype=str, keep_default_na=False, na_values=[""],
                           encoding="utf-8-sig")
    except (pd.errors.ParserError, UnicodeDecodeError, pd.errors.EmptyDataError) as exc:
        raise InputError(f"{path.name}: not a readable CSV ({exc})") from None


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
    """articles.csv rows that name a file that is not there."""
    return [p for p in metadata.get("path", pd.Series(dtype=str)).dropna()
            if not (articles_dir / p).is_file()]
