"""Does charset-normalizer decode articles to the same text as `decode_article`?

Run: .venv/bin/python bench/charset_detection.py
For every sample it prints what the hand-written detector returns (text's encoding, or the
refusal) and what `charset_normalizer.from_bytes(data).best()` returns, and whether the two
decoded texts are identical. The samples are the project's articles, the fixtures the tests
write in odd encodings, and generated ones (one per encoding a news desk might save in).
The numbers are in docs/libraries.md.
"""
from __future__ import annotations

import codecs
import random
import re
import sys
from pathlib import Path

from charset_normalizer import from_bytes

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tasks.read_raw import InputError, decode_article  # noqa: E402

EN = ("Xinjiang\u2019s GDP per capita was \u201c53,593 yuan\u201d in 2021 \u2013 up 5 per cent; "
      "the caf\u00e9 sold r\u00e9sum\u00e9s for \u20ac1.75 billion.\n")
ZH_S = "\u65b0\u7586\u4eba\u5747\u751f\u4ea7\u603b\u503c 54,280 \u5143\uff0c\u6bd4\u4e0a\u5e74\u589e\u957f 5%\u3002\n"
ZH_T = ("\u65b0\u7586\u4eba\u5747\u751f\u7522\u7e3d\u503c\u70ba\u4e94\u842c\u56db\u5343\u5143\uff0c"
        "\u8f03\u4e0a\u5e74\u589e\u9577\u767e\u5206\u4e4b\u4e94\u3002\n")
JA = "\u65b0\u7586\u306e\u4e00\u4eba\u5f53\u305f\u308a\u751f\u7523\u984d\u306f\u4e94\u4e07\u5186\u3067\u3059\u3002\n"
LATIN = "Z\u00fcrich: le caf\u00e9 a vendu 5 % de plus, \u00ab\u00a0selon l\u2019office\u00a0\u00bb.\n"
LATIN1 = LATIN.replace("\u2019", "'")  # latin-1 has no curly apostrophe


def files() -> list[tuple[str, bytes]]:
    out = []
    for folder in (ROOT / "raw" / "articles", ROOT / "tests" / "world_articles"):
        out += [(str(p.relative_to(ROOT)), p.read_bytes()) for p in sorted(folder.iterdir()) if p.is_file()]
    return out


def fixtures() -> list[tuple[str, bytes]]:
    """The byte strings tests/test_read_raw.py, test_reliability_inputs.py and
    test_one_line_errors.py write, with the outcome those tests assert."""
    seed = (ROOT / "raw" / "articles" / "scmp-xinjiang-pairing-assistance.txt").read_text(encoding="utf-8")
    cut = seed.encode().index("\u2019".encode()) + 1
    return [
        ("test: cp1252 curly quotes", "Sales reached \u201c1.75 billion\u201d euros \u2013 up 5 per cent".encode("cp1252")),
        ("test: figures extract cp1252", "Caf\u00e9 sales rose 5 per cent to \u201c\u00a34bn\u201d in 2023, the "
                                         "na\u00efve estimate said.\n".encode("cp1252")),
        ("test: gb18030 short", "新疆人均生产总值 54,280 元".encode("gb18030")),
        ("test: cp1252 caf\u00e9 \u20ac", "Caf\u00e9 soci\u00e9t\u00e9 r\u00e9sum\u00e9s: \u201cexports rose 5 per cent\u201d "
                                 "\u2013 to \u20ac1.75 billion".encode("cp1252")),
        ("test: gb18030 sentence", ZH_S.strip().encode("gb18030")),
        ("test: utf-16 BOM mixed", "Xinjiang's GDP per capita was 53,593 yuan \u2013 \u65b0\u7586".encode("utf-16")),
        ("test: utf-16-le no BOM", "Exports rose 5 per cent to 4,000 yuan.".encode("utf-16-le")),
        ("test: utf-16-be no BOM", "Exports rose 5 per cent to 4,000 yuan.".encode("utf-16-be")),
        ("test: utf-8-sig", "\u201cMore than 2.3 trillion yuan\u201d \u65b0\u7586".encode("utf-8-sig")),
        ("test: seed CRLF utf-8", seed.replace("\n", "\r\n").encode()),
        ("test: seed utf-8 BOM", codecs.BOM_UTF8 + seed.encode()),
        ("test: big5 (refused)", ZH_T.strip().encode("big5")),
        ("test: shift_jis (refused)", JA.strip().encode("shift_jis")),
        ("test: shift_jis short (refused)", "\u65b0\u7586\u306e\u4e00\u4eba\u5f53\u305f\u308a".encode("shift_jis")),
        ("test: cut utf-8 (refused)", seed.encode()[:cut] + seed.encode()[cut + 2:]),
        ("test: empty (refused)", b""),
        ("test: BOM only (refused)", codecs.BOM_UTF8),
        ("test: png (refused)", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4),
        ("test: random (refused)", random.Random(2).randbytes(20_000)),
        ("test: controls (refused)", b"GDP rose\x01\x02\x03\x04\x05\x06\x07\x08\x0e\x0f\x10\x11\x12" * 50),
    ]


def generated() -> list[tuple[str, bytes]]:
    return [
        ("gen: utf-8", (EN + ZH_S) .encode("utf-8")),
        ("gen: utf-8 BOM", codecs.BOM_UTF8 + (EN + ZH_S).encode("utf-8")),
        ("gen: utf-16-le BOM", codecs.BOM_UTF16_LE + (EN + ZH_S).encode("utf-16-le")),
        ("gen: utf-16-be BOM", codecs.BOM_UTF16_BE + (EN + ZH_S).encode("utf-16-be")),
        ("gen: cp1252 quotes \u20ac", (EN * 3).encode("cp1252")),
        ("gen: cp1252 one quote", "GDP rose 5 per cent, the bureau\u2019s data show.\n".encode("cp1252")),
        ("gen: gb18030", (ZH_S * 3).encode("gb18030")),
        ("gen: gbk", (ZH_S * 3).encode("gbk")),
        ("gen: big5", (ZH_T * 3).encode("big5")),
        ("gen: shift_jis", (JA * 3).encode("shift_jis")),
        ("gen: latin-1", (LATIN1 * 3).encode("latin-1")),
    ]


def hand(data: bytes) -> tuple[str | None, str]:
    try:
        text, enc = decode_article(data, "x")
        return text, enc
    except InputError as exc:
        return None, "refused: " + str(exc)[3:60]


def library(data: bytes) -> tuple[str | None, str]:
    best = from_bytes(data).best()
    if best is None:
        return None, "none (undetected)"
    return str(best), best.encoding


def guarded(data: bytes) -> tuple[str | None, str]:
    """charset-normalizer in place of the detection only: the project's refusals of empty,
    binary (NUL) and control-character files kept around it, as a replacement would keep them."""
    if not data.strip():
        return None, "refused"
    text, enc = library(data)
    if text is None or not text.strip() or len(re.findall(r"[\x00-\x08\x0e-\x1f\x7f]", text)) > max(8, len(text) // 100):
        return None, "refused"
    return text, enc


def first_difference(a: str | None, b: str | None) -> str:
    if a == b:
        return ""
    if a is None or b is None:
        return "refused by one"
    i = next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
    return f"at char {i}: {a[i:i + 1]!r} vs {b[i:i + 1]!r}"


def main() -> None:
    same = same_guarded = 0
    rows = files() + fixtures() + generated()
    for name, data in rows:
        h_text, h_enc = hand(data)
        l_text, l_enc = library(data)
        g_text, _ = guarded(data)
        same += h_text == l_text
        same_guarded += h_text == g_text
        mark = "same" if h_text == l_text else "DIFF"
        print(f"{mark}  {name:34} hand: {h_enc:38.38}  charset-normalizer: {l_enc:18}"
              f" guarded: {'same' if h_text == g_text else 'DIFF'}  {first_difference(h_text, l_text)}")
    print(f"\n{same} of {len(rows)} samples decode to the same text (a refusal counts as text None)")
    print(f"{same_guarded} of {len(rows)} with the project's empty/binary refusals kept around it")


if __name__ == "__main__":
    main()
