"""Reading raw/: bytes to text with a stable identity, metadata joined, bad files named."""
import codecs
import random

import pandas as pd
import pytest

from tasks.read_raw import InputError, article_frame, decode_article, list_articles, read_article, read_table
from tests.conftest import ROOT


def test_utf8_with_and_without_bom_decode_to_the_same_text():
    body = "GDP rose 5 per cent to 4,000 yuan."
    assert decode_article(body.encode(), "a.txt")[0] == body
    assert decode_article(codecs.BOM_UTF8 + body.encode(), "a.txt") == (body, "utf-8-sig")


@pytest.mark.parametrize("encoding, text", [
    ("cp1252", "Sales reached \u201c1.75 billion\u201d euros \u2013 up 5 per cent"),
    ("gb18030", "新疆人均生产总值 54,280 元"),
])
def test_legacy_encodings_are_detected(encoding, text):
    assert decode_article(text.encode(encoding), "a.txt") == (text, encoding)


@pytest.mark.parametrize("data, message", [
    (b"", "empty"), (b"   \n", "empty"), (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
])
def test_unusable_files_are_refused_naming_the_file(data, message):
    with pytest.raises(InputError, match=rf"bad\.txt: .*{message}"):
        decode_article(data, "bad.txt")


def test_paths_outside_the_articles_folder_are_refused(tmp_path):
    articles = tmp_path / "raw" / "articles"
    articles.mkdir(parents=True)
    (tmp_path / "secret.txt").write_text("password")
    with pytest.raises(InputError, match="outside the raw articles folder"):
        list_articles(articles, "../../secret.txt")


@pytest.mark.parametrize("pattern", ["raw/articles/scmp-*.txt", "scmp-*.txt", "raw/articles/scmp-a.txt"])
def test_a_pattern_is_read_from_where_the_user_stands_or_from_the_articles_folder(tmp_path, monkeypatch, pattern):
    articles = tmp_path / "raw" / "articles"
    articles.mkdir(parents=True)
    for name in ("scmp-a.txt", "scmp-b.txt", "other.txt"):
        (articles / name).write_text("GDP rose 5 per cent.")
    monkeypatch.chdir(tmp_path)
    found = {p.name for p in list_articles(articles, pattern)}
    assert found == ({"scmp-a.txt"} if pattern.endswith("-a.txt") else {"scmp-a.txt", "scmp-b.txt"})


def test_a_pattern_from_where_the_user_stands_still_may_not_leave_the_articles_folder(tmp_path, monkeypatch):
    articles = tmp_path / "raw" / "articles"
    articles.mkdir(parents=True)
    (tmp_path / "notes.txt").write_text("password")
    monkeypatch.chdir(tmp_path)
    with pytest.raises(InputError, match="outside the raw articles folder"):
        list_articles(articles, "*.txt")


def test_size_limit_names_the_file_and_the_setting(tmp_path):
    (tmp_path / "big.txt").write_text("x" * 2000)
    with pytest.raises(InputError, match=r"big\.txt: 2,000 bytes is over .* MAX_ARTICLE_BYTES"):
        read_article(tmp_path / "big.txt", tmp_path, max_bytes=1000)


def test_article_identity_is_the_hash_of_its_bytes(tmp_path):
    (tmp_path / "a.txt").write_bytes(b"Exports rose 5 per cent.\r\n")
    art = read_article(tmp_path / "a.txt", tmp_path, max_bytes=10_000)
    assert art.path == "a.txt" and len(art.article_hash) == 64
    assert art.text == "Exports rose 5 per cent.\r\n"     # line endings kept: offsets index raw


def test_seed_article_gets_its_curated_metadata():
    articles_dir = ROOT / "raw" / "articles"
    arts = [read_article(p, articles_dir, 5_000_000) for p in list_articles(articles_dir)]
    frame = article_frame(arts, read_table(ROOT / "raw" / "tables" / "articles.csv"))
    seed = frame.set_index("path").loc["scmp-xinjiang-pairing-assistance.txt"]
    assert seed["publisher"] == "South China Morning Post"
    assert (seed["pub_date"], seed["pub_date_precision"]) == ("2021", "year")
    assert bool(seed["has_metadata"])


def test_article_without_metadata_is_ingested_with_unknown_date(tmp_path):
    (tmp_path / "new.txt").write_text("Advertisement\nFactory output jumps\nIt rose 5 per cent.")
    arts = [read_article(tmp_path / "new.txt", tmp_path, 10_000)]
    frame = article_frame(arts, pd.DataFrame(columns=["path", "title", "pub_date"]))
    row = frame.iloc[0]
    assert row["title"] == "Factory output jumps"
    assert row["pub_date"] is None and row["pub_date_precision"] == "unknown"
    assert not row["has_metadata"]


def test_a_missing_table_is_named(tmp_path):
    with pytest.raises(InputError, match=r"fx_rates\.csv: curated table is missing"):
        read_table(tmp_path / "fx_rates.csv")


# French typography puts a no-break space inside guillemets and before : ; % and €, so the
# non-ASCII characters of a French article come in pairs far more than in English.
NBSP = "\u00a0"
FRENCH = (f"Budget{NBSP}: le déficit atteindra 5,5{NBSP}% du PIB en 2024\n\n"
          f"«{NBSP}La croissance sera de 1,2{NBSP}%{NBSP}», a annoncé le ministre à l’Assemblée. "
          f"«{NBSP}C’est trop peu{NBSP}», a répondu l’opposition, qui évoque «{NBSP}un trou de "
          f"154 milliards{NBSP}€{NBSP}». Pour Bercy, «{NBSP}l’effort reste à faire{NBSP}» — le cœur "
          "du débat… et la façade de l’État.\n")
# latin-1 has neither € nor œ nor curly apostrophes nor — and …
FRENCH_LATIN1 = (FRENCH.replace("€", "euros").replace("’", "'").replace("œ", "oe")
                 .replace("—", "-").replace("…", "..."))


@pytest.mark.parametrize("encoding, text", [("cp1252", FRENCH), ("latin-1", FRENCH_LATIN1)])
def test_a_french_article_with_guillemets_and_no_break_spaces_decodes_to_its_own_text(encoding, text):
    decoded, found = decode_article(text.encode(encoding), "fr.txt")
    assert decoded == text
    # cp1252 and latin-1 agree on every byte a latin-1 text can hold, so one name is enough
    assert found == "cp1252" and decoded.encode(found) == text.encode(encoding)


@pytest.mark.parametrize("text", [
    "Die Größe der Bevölkerung wuchs um 5 %; „Übergröße“ wäre übertrieben, sagte Müller.\n",
    "As exportações e as ações de São João cresceram 5 %, disse o ministério.\n",
    "«Élysée»\u00a0: «À l’Œuvre», «Ça va», l’État, qu’à, d’où, la pièce créée à L’Île-de-France.\n",
    "Íslendingum fjölgaði um 5 %; Þórður sagði að ástæðan væri ferðaþjónusta í Reykjavík.\n",
], ids=["german", "portuguese", "french-without-spaces", "icelandic"])
def test_accented_letters_may_touch_each_other_and_punctuation_in_western_text(text):
    assert decode_article(text.encode("cp1252"), "w.txt") == (text, "cp1252")


NOT_WESTERN = {
    # every letter of a Russian word is a byte above 127: read as cp1252, "Íàñåëåíèå"
    "cyrillic": "Население Москвы выросло на 5 процентов, сообщил Росстат.".encode("cp1251"),
    # bytes of two-byte characters read one by one run letters into symbols ("¤§¥Í²£")
    "big5 with digits": "新疆 2021 年人均 GDP 為 53,593 元，增長 5%。".encode("big5"),
    # no NUL and no control character, so only the reading as text can refuse it
    "random high bytes": bytes(b for b in random.Random(3).randbytes(6000) if b >= 0xa0)[:2000],
}


@pytest.mark.parametrize("data", NOT_WESTERN.values(), ids=NOT_WESTERN.keys())
def test_bytes_that_are_not_western_text_are_still_refused_in_one_line(data):
    with pytest.raises(InputError) as refused:
        decode_article(data, "odd.txt")
    message = str(refused.value)
    assert message.startswith("odd.txt: not UTF-8 (byte ") and message.endswith("save it as UTF-8")
    assert "\n" not in message
