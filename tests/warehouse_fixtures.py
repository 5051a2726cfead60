"""Warehouse fixtures: an empty, migrated warehouse on SQLite and (when
``WAREHOUSE_TEST_PG_URL`` is set) on PostgreSQL, plus hand-built frames to load into it.

Import the fixtures in ``tests/conftest.py``::

    from tests.warehouse_fixtures import pg_test_schema_prefix, warehouse, warehouse_url  # noqa: F401

Each PostgreSQL warehouse lives in its own schema ``wh_<session>_<n>``, dropped after the
test; the session drops any schema with its prefix that a crashed test left behind.
"""
from __future__ import annotations

import hashlib
import itertools
import os
import uuid
from dataclasses import dataclass

import pandas as pd
import pytest
from sqlalchemy import Engine, text

from tasks.extract import text_cues
from warehouse.engine import get_engine
from warehouse.migrate import upgrade

PG_URL = os.environ.get("WAREHOUSE_TEST_PG_URL")
BACKENDS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.skipif(
    not PG_URL, reason="WAREHOUSE_TEST_PG_URL is not set"))]
_counter = itertools.count()


@dataclass
class Warehouse:
    engine: Engine
    url: str
    schema: str | None

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name


@pytest.fixture(scope="session")
def pg_test_schema_prefix():
    prefix = f"wh_{uuid.uuid4().hex[:8]}"
    yield prefix
    if PG_URL:
        engine = get_engine(PG_URL)
        with engine.begin() as conn:
            leftovers = conn.execute(
                text("SELECT nspname FROM pg_namespace WHERE nspname LIKE :p"), {"p": f"{prefix}_%"}
            ).scalars().all()
            for name in leftovers:
                conn.exec_driver_sql(f'DROP SCHEMA "{name}" CASCADE')
        engine.dispose()


@pytest.fixture(params=BACKENDS)
def warehouse_url(request, tmp_path, pg_test_schema_prefix):
    """(url, schema) of an empty warehouse on each backend; nothing created yet."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'figures.db'}", None
        return
    schema = f"{pg_test_schema_prefix}_{next(_counter)}"
    yield PG_URL, schema
    engine = get_engine(PG_URL)
    with engine.begin() as conn:
        conn.exec_driver_sql(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')
    engine.dispose()


@pytest.fixture
def warehouse(warehouse_url) -> Warehouse:
    """A migrated, empty warehouse."""
    url, schema = warehouse_url
    engine = get_engine(url, schema)
    upgrade(engine)
    yield Warehouse(engine=engine, url=url, schema=schema)
    engine.dispose()


# --------------------------------------------------------------------------- frames

SEED_TEXT = (
    "Central transfer payments to Xinjiang totalled more than 2.3 trillion yuan from 2014 to 2019. "
    "Its per capita GDP was 53,593 yuan in 2020, or 74 per cent of the national figure. "
    "Workers earn 4,000 yuan (US$620) a month. The company has 4,168 employees."
)
SECOND_TEXT = "Kashgar received 1.5 billion yuan in 2019, up 12 per cent."


def sha(text_: str) -> str:
    return hashlib.sha256(text_.encode("utf-8")).hexdigest()


def article_row(text_: str, path: str, title: str = "A title", pub_date="2021") -> dict:
    return {
        "article_hash": sha(text_), "path": path, "title": title,
        "publisher": "South China Morning Post", "url": None, "pub_date": pub_date,
        "pub_date_precision": "year" if pub_date else "unknown",
        "word_count": len(text_.split()), "has_metadata": True, "text": text_,
    }


def figure_row(text_: str, seq: int, surface: str, kind: str, value: float, unit: str, **kw) -> dict:
    start = text_.index(surface)
    row = {
        "article_hash": sha(text_), "seq": seq, "start": start, "end": start + len(surface),
        "surface": surface, "sentence": text_[:start].count(". "), "kind": kind,
        "value": value, "unit": unit, "qualifier": "exact", "period_start": None,
        "period_end": None, "region": None, "metric": None, "link_seq": None,
        "link_type": None, "value_cny": None, "value_usd": None, "fx_rate": None,
        "fx_year": None,
    }
    row.update(kw)
    return row


def figures_frame(rows: list[dict]) -> pd.DataFrame:
    frame = pd.DataFrame(rows)
    for c in ("period_start", "period_end", "link_seq", "fx_year"):
        frame[c] = frame[c].astype("Int64")
    return frame


def with_text_cues(figures: pd.DataFrame, text_: str) -> pd.DataFrame:
    """A frame made by hand (one article's figures) with what the engine reads of `text_`
    around each figure (tasks.extract.text_cues), as an extracted frame carries it."""
    order = figures.sort_values(["start", "seq"])
    seqs = order["seq"].tolist()
    cues = text_cues(text_, list(zip(order["start"].tolist(), order["end"].tolist())))
    columns = {"whole_cue": [w for w, _, _, _ in cues], "growth_cue": [g for _, g, _, _ in cues],
               "of_follows": [o for _, _, o, _ in cues],
               "apposed_seq": [None if a is None else seqs[a] for *_, a in cues]}
    cue_frame = pd.DataFrame(columns, index=order.index).astype(
        {"whole_cue": "boolean", "growth_cue": "boolean", "of_follows": "boolean", "apposed_seq": "Int64"})
    return figures.assign(**{c: cue_frame[c] for c in columns})


def seed_figures(text_: str = SEED_TEXT) -> pd.DataFrame:
    """The seed text's figures; those an edit removed from ``text_`` are left out."""
    usd = 6.8976  # test fixture rate, CNY per USD
    row = lambda t, seq, surface, *a, **kw: (  # noqa: E731
        figure_row(t, seq, surface, *a, **kw) if surface in t else None)
    return figures_frame([r for r in [
        row(text_, 0, "more than 2.3 trillion yuan", "money", 2.3e12, "CNY",
                   qualifier="at_least", period_start=2014, period_end=2019, region="Xinjiang",
                   metric="central_transfers", value_cny=2.3e12, value_usd=2.3e12 / usd,
                   fx_rate=1.0, fx_year=2019),
        row(text_, 1, "53,593 yuan", "money", 53593.0, "CNY", period_start=2020,
                   period_end=2020, region="Xinjiang", metric="gdp_per_capita",
                   value_cny=53593.0, value_usd=53593.0 / usd, fx_rate=1.0, fx_year=2020),
        row(text_, 2, "74 per cent", "percent", 74.0, "percent", period_start=2020,
                   period_end=2020, region="Xinjiang", metric="gdp_per_capita_ratio"),
        row(text_, 3, "4,000 yuan", "money", 4000.0, "CNY", link_seq=4,
                   link_type="conversion", value_cny=4000.0, value_usd=4000 / usd, fx_rate=1.0,
                   fx_year=2021),
        row(text_, 4, "US$620", "money", 620.0, "USD", link_seq=3, link_type="conversion",
                   value_cny=620 * usd, value_usd=620.0, fx_rate=usd, fx_year=2021),
        row(text_, 5, "4,168 employees", "quantity", 4168.0, "employees"),
    ] if r is not None])


def second_figures(text_: str = SECOND_TEXT) -> pd.DataFrame:
    return figures_frame([
        figure_row(text_, 0, "1.5 billion yuan", "money", 1.5e9, "CNY", period_start=2019,
                   period_end=2019, region="kashgar", metric="assistance_funds", value_cny=1.5e9,
                   value_usd=1.5e9 / 6.8985, fx_rate=1.0, fx_year=2019),
        figure_row(text_, 1, "12 per cent", "percent", 12.0, "percent", period_start=2019,
                   period_end=2019, region="Kashgar"),
    ])


def claim_checks_frame(text_: str = SEED_TEXT) -> pd.DataFrame:
    h = sha(text_)
    return pd.DataFrame([
        {"article_hash": h, "seq": 1, "check_type": "official_series", "expected": 53593.0,
         "observed": 53593.0, "rel_diff": 0.0, "tolerance": 0.0005, "verdict": "consistent",
         "explanation": "53,593 yuan against official_series.csv 53,593 yuan: equal.",
         "evidence_seq": None, "evidence_source": "official_series.csv: test fixture"},
        {"article_hash": h, "seq": 4, "check_type": "conversion", "expected": 6.45,
         "observed": 4000 / 620, "rel_diff": (4000 / 620) / 6.45 - 1, "tolerance": 0.01,
         "verdict": "consistent", "explanation": "4,000 / 620 = 6.45 yuan per US dollar.",
         "evidence_seq": 3, "evidence_source": "fx_rates.csv: test fixture"},
    ]).astype({"evidence_seq": "Int64"})


def quarantine_frame(text_: str = SEED_TEXT) -> pd.DataFrame:
    return pd.DataFrame([
        {"article_hash": sha(text_), "seq": 6, "source_file": "seed.txt", "row": None,
         "column": "value", "check": "value_is_finite",
         "failure_case": "1e20", "reason": "value 1e20 is not a finite amount"},
        {"article_hash": None, "seq": None, "source_file": "raw/tables/fx_rates.csv", "row": 3,
         "column": "cny_per_unit", "check": "greater_than(0)", "failure_case": "-1",
         "reason": "fx_rates.csv row 3, column cny_per_unit: -1 is not > 0"},
    ]).astype({"seq": "Int64", "row": "Int64"})


FIXTURE_SOURCE = "test fixture (not a statistic)"


def curated_tables() -> dict[str, pd.DataFrame]:
    return {
        "regions.csv": pd.DataFrame([
            {"name": "China", "aliases": "PRC|中国", "level": "country", "parent": None,
             "source": FIXTURE_SOURCE},
            {"name": "Xinjiang", "aliases": "新疆|Xinjiang Uygur Autonomous Region",
             "level": "province", "parent": "China", "source": FIXTURE_SOURCE},
            {"name": "Kashgar", "aliases": "Kashi|喀什", "level": "prefecture",
             "parent": "Xinjiang", "source": FIXTURE_SOURCE},
        ]),
        "metrics.csv": pd.DataFrame([
            {"key": "gdp_per_capita", "label": "GDP per capita", "unit_family": "money",
             "triggers": "per capita GDP|GDP per capita", "source": FIXTURE_SOURCE},
            {"key": "central_transfers", "label": "Central transfer payments",
             "unit_family": "money", "triggers": "transfer payments", "source": FIXTURE_SOURCE},
        ]),
        "fx_rates.csv": pd.DataFrame([
            {"year": 2019, "currency": "USD", "cny_per_unit": 6.8985, "source": FIXTURE_SOURCE},
            {"year": 2020, "currency": "USD", "cny_per_unit": 6.8976, "source": FIXTURE_SOURCE},
            {"year": 2021, "currency": "USD", "cny_per_unit": 6.4515, "source": FIXTURE_SOURCE},
        ]),
        "official_series.csv": pd.DataFrame([
            {"region": "Xinjiang", "metric": "gdp_per_capita", "year": 2020, "value": 53593.0,
             "unit": "CNY", "source": FIXTURE_SOURCE},
            {"region": "China", "metric": "gdp_per_capita", "year": 2020, "value": 72000.0,
             "unit": "CNY", "source": FIXTURE_SOURCE},
        ]),
    }


def articles_frame(*rows: dict) -> pd.DataFrame:
    return pd.DataFrame(list(rows))


def seed_batch(extra_articles: bool = True) -> dict:
    """Keyword arguments for load_run (all but run and extractor_version): two articles."""
    arts = [article_row(SEED_TEXT, "seed.txt", "China's Xinjiang gets money")]
    figs = [seed_figures()]
    if extra_articles:
        arts.append(article_row(SECOND_TEXT, "second.txt", "Kashgar", pub_date="2020-05-01"))
        arts[-1]["pub_date_precision"] = "day"
        figs.append(second_figures())
    return {
        "articles": articles_frame(*arts),
        "figures": pd.concat(figs, ignore_index=True),
        "claim_checks": claim_checks_frame(),
        "quarantine": quarantine_frame(),
        "tables": curated_tables(),
    }


def many_figures(n_articles: int, per_article: int) -> dict:
    """A synthetic batch of n_articles x per_article figures (for timing, not for meaning)."""
    arts, figs = [], []
    for a in range(n_articles):
        body = " ".join(f"Item {i} cost {i + 1},000 yuan." for i in range(per_article))
        text_ = f"Synthetic article {a}. {body}"
        arts.append(article_row(text_, f"synthetic/{a:05d}.txt", f"Synthetic {a}"))
        pos = 0
        for i in range(per_article):
            surface = f"{i + 1},000 yuan"
            start = text_.index(surface, pos)
            pos = start + len(surface)
            figs.append({
                "article_hash": sha(text_), "seq": i, "start": start, "end": pos,
                "surface": surface, "sentence": i + 1, "kind": "money",
                "value": float((i + 1) * 1000), "unit": "CNY", "qualifier": "exact",
                "period_start": 2020, "period_end": 2020, "region": "Xinjiang",
                "metric": "gdp_per_capita", "link_seq": None, "link_type": None,
                "value_cny": float((i + 1) * 1000), "value_usd": (i + 1) * 1000 / 6.8976,
                "fx_rate": 1.0, "fx_year": 2020,
            })
    return {
        "articles": articles_frame(*arts),
        "figures": figures_frame(figs),
        "claim_checks": None,
        "quarantine": None,
        "tables": curated_tables(),
    }


def _load_and_hang(url: str, schema: str | None) -> None:
    """Child process of the kill test: load a changed article and stop mid-transaction."""
    import sys
    import time

    from warehouse import load

    def hang(*args, **kwargs):
        print("inserted", flush=True)  # old rows deleted, new figures inserted, not committed
        time.sleep(600)

    load._insert_claim_checks = hang
    edited = SEED_TEXT.replace("4,168", "4,170")
    engine = get_engine(url, schema or None)
    load.load_run(engine, run={"flow_run_id": "killed"}, articles=articles_frame(
        article_row(edited, "seed.txt")), figures=seed_figures(edited),
        claim_checks=claim_checks_frame(edited), extractor_version="test-1")
    sys.exit("the load should have hung")


if __name__ == "__main__":
    import sys

    if sys.argv[1:2] == ["load-and-hang"]:
        _load_and_hang(sys.argv[2], sys.argv[3] if len(sys.argv) > 3 else None)
