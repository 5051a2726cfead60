"""The engine's fast pattern search leans on ``re._parser``, which Python keeps private: without
it the engine must still run and find exactly the same figures, only by trying each pattern at
every position."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

TEXTS = [
    ("Kenya's revenue rose 12.5 per cent to Sh2.1 trillion in the 2023/24 financial year.", "2024-07-01"),
    ("Exports to Central Asia reached $3.2bn in the six months to March, up from $2.9bn a year earlier.", "2023-05-10"),
    ("Over the past five years, Xinjiang received nearly 30 billion yuan, about 4,000 yuan (US$620) a head.", "2020-11-02"),
    ("Unemployment in Spain fell to 11.7% in the third quarter of 2023, the lowest since 2008.", None),
]

_RUN = """
import json, sys
if sys.argv[1] == "blocked":
    import re
    del re._parser, re._constants
    sys.modules["re._parser"] = sys.modules["re._constants"] = None
sys.path.insert(0, sys.argv[2])
from tasks.extract import parse_figures, regions_from_rows
from tasks.extract import _finder
assert (_finder._p is None) == (sys.argv[1] == "blocked")
gaz = regions_from_rows([{"name": "Kenya", "level": "country"}, {"name": "Spain", "level": "country"},
                         {"name": "China", "level": "country"},
                         {"name": "Xinjiang", "level": "province", "parent": "China"}])
out = []
for text, pub in json.loads(sys.stdin.read()):
    out.append([repr(f) for f in parse_figures(text, pub, regions=gaz)])
print(json.dumps(out))
"""


def _figures(mode: str) -> list[list[str]]:
    proc = subprocess.run([sys.executable, "-c", _RUN, mode, str(ROOT)], input=json.dumps(TEXTS),
                          capture_output=True, text=True, check=True)
    return json.loads(proc.stdout)


def test_without_the_private_pattern_parser_the_engine_finds_the_same_figures():
    with_parser, without = _figures("normal"), _figures("blocked")
    assert all(with_parser), "every text states figures"
    assert without == with_parser
