"""The house's seams: one vocabulary, column lists derived from the models, settings read only
at the edge, the layers importing downwards, and migrations that never read the live views."""
import ast
import importlib.util
from pathlib import Path
from types import SimpleNamespace

import pandas as pd
import pytest

ROOT = Path(__file__).resolve().parent.parent


def _imports(path: Path) -> list[str]:
    names = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names += [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0:
            names.append(node.module or "")
    return names


def _modules(*folders: str) -> list[Path]:
    return [p for f in folders for p in sorted((ROOT / f).rglob("*.py"))]


# --------------------------------------------------------------------------- one vocabulary

def test_the_vocabulary_module_depends_on_nothing_but_the_standard_library():
    assert set(_imports(ROOT / "schemas" / "vocabulary.py")) <= {"__future__", "typing"}


def test_the_record_the_models_the_tables_and_the_quality_suite_take_their_words_from_the_vocabulary():
    from schemas import articles, claims, vocabulary
    from schemas.figures import ExtractedFigures, NormalisedFigures
    from tasks.extract import record
    from warehouse import quality, tables

    assert record.KINDS is vocabulary.KINDS and record.GRANULARITIES is vocabulary.GRANULARITIES
    assert claims.VERDICTS is vocabulary.VERDICTS and tables.RUN_STATUSES is vocabulary.RUN_STATUSES
    assert quality.PERCENT_UNITS is vocabulary.PERCENT_UNITS
    assert articles.SOURCE_TYPES is vocabulary.SOURCE_TYPES
    fields = ExtractedFigures.to_schema().columns
    for column, words in (("kind", vocabulary.KINDS), ("qualifier", vocabulary.QUALIFIERS),
                          ("link_type", vocabulary.LINK_TYPES),
                          ("period_granularity", vocabulary.GRANULARITIES)):
        allowed = [c.statistics["allowed_values"] for c in fields[column].checks if c.name == "isin"]
        assert allowed == [list(words)], column
    assert [c.statistics["allowed_values"] for c in
            NormalisedFigures.to_schema().columns["fx_source"].checks] == [list(vocabulary.FX_SOURCES)]
    checks = {c.name: str(c.sqltext) for c in tables.fct_figure.constraints if hasattr(c, "sqltext")}
    assert all(repr(k) in checks["ck_fct_figure_kind"] for k in vocabulary.KINDS)


def test_the_loaders_column_lists_are_the_models_and_every_one_has_a_warehouse_column():
    from schemas.figures import NormalisedFigures
    from schemas.quarantine import Quarantine
    from tasks.extract.record import Figure
    from warehouse import load, tables

    assert list(load.FIGURE_COLUMNS) == list(NormalisedFigures.to_schema().columns)
    assert list(load.QUARANTINE_COLUMNS) == list(Quarantine.to_schema().columns)
    assert set(Figure.__dataclass_fields__) < set(load.FIGURE_COLUMNS)
    for table, columns in ((tables.fct_figure, load.FIGURE_COLUMNS),
                           (tables.dim_article, load.ARTICLE_COLUMNS),
                           (tables.fct_claim_check, load.CLAIM_CHECK_COLUMNS),
                           (tables.quarantine, load.QUARANTINE_COLUMNS)):
        assert set(columns) - {"article_hash"} <= set(table.c.keys()), table.name


def test_the_quarantine_records_of_a_bad_frame_fit_the_quarantine_model():
    from schemas.figures import ExtractedFigures
    from schemas.quarantine import QUARANTINE_COLUMNS, Quarantine
    from tasks.validate import split_valid

    row = {"article_hash": "a" * 64, "seq": 0, "start": 5, "end": 9, "surface": "12 %",
           "sentence": 0, "kind": "percent", "value": 12.0, "unit": "percent",
           "qualifier": "exact", "period_start": None, "period_end": None, "region": None,
           "metric": None, "link_seq": None, "link_type": None}
    frame = pd.DataFrame([row, {**row, "seq": 1, "kind": "length"}, {**row, "seq": 2, "end": 2}])
    good, rejected = split_valid(frame, ExtractedFigures, "a.txt")
    assert list(good["seq"]) == [0] and list(rejected.columns) == QUARANTINE_COLUMNS
    Quarantine.validate(rejected)
    with pytest.raises(Exception, match="reason"):
        Quarantine.validate(rejected.assign(reason=""))


# --------------------------------------------------------------------------- layers

def test_schemas_import_nothing_from_tasks():
    offenders = {p.name: m for p in _modules("schemas") for m in _imports(p) if m.split(".")[0] == "tasks"}
    assert offenders == {}


def test_no_module_outside_the_engine_imports_a_private_engine_module():
    engine = ROOT / "tasks" / "extract"
    offenders = [(str(p.relative_to(ROOT)), m) for p in _modules("flows", "tasks", "schemas", "warehouse",
                                                                 "report", "bench")
                 if engine not in p.parents
                 for m in _imports(p) if m.startswith("tasks.extract._")]
    assert offenders == []


def test_nothing_below_flows_reads_the_environment_but_the_settings_module():
    offenders = [str(p.relative_to(ROOT)) for p in _modules("tasks", "warehouse", "schemas", "report")
                 if p != ROOT / "tasks" / "config.py"
                 and ("os.environ" in (text := p.read_text(encoding="utf-8")) or "getenv" in text)]
    assert offenders == []


# --------------------------------------------------------------------------- settings once

def test_a_warehouse_made_from_the_settings_carries_their_timeouts_and_hides_its_password(monkeypatch):
    from tasks.config import load_settings

    monkeypatch.setenv("DB_CONNECT_TIMEOUT", "3")
    monkeypatch.setenv("DB_STATEMENT_TIMEOUT", "7")
    monkeypatch.setenv("WAREHOUSE_SCHEMA", "figures")
    wh = load_settings().warehouse("postgresql+psycopg://bi:s3cret@db/figures")
    assert (wh.connect_timeout, wh.statement_timeout, wh.schema) == (3, 7, "figures")
    assert "s3cret" not in repr(wh) and "s3cret" not in str(wh)


# --------------------------------------------------------------------------- the change plan

def _article(path, digest):
    return SimpleNamespace(path=path, article_hash=digest)


def test_the_change_plan_reloads_what_changed_and_everything_when_a_figure_table_changed():
    from warehouse.changes import plan_changes

    loaded = {"a.txt": ("h1", "v1"), "b.txt": ("h2", "v1")}
    articles = [_article("a.txt", "h1"), _article("b.txt", "h2-edited"), _article("c.txt", "h3")]
    plan = plan_changes(articles, loaded, "v1")
    assert [a.path for a in plan.todo] == ["b.txt", "c.txt"] and [a.path for a in plan.unchanged] == ["a.txt"]
    assert plan.changes == {"b.txt": "changed", "c.txt": "new"} and not plan.full_refresh
    assert plan_changes(articles[:1], loaded, "v1").nothing_new
    rates = plan_changes(articles, loaded, "v1", tables_changed=["fx_rates.csv"])
    assert rates.full_refresh and len(rates.todo) == 3 and rates.changes["a.txt"] == "full refresh"
    assert not plan_changes(articles, {}, "v1", tables_changed=["fx_rates.csv"]).full_refresh


def test_an_articles_csv_edit_reloads_the_articles_whose_stored_metadata_it_changed():
    from warehouse.changes import plan_changes

    loaded = {"a.txt": ("h1", "v1"), "b.txt": ("h2", "v1")}
    plan = plan_changes([_article("a.txt", "h1"), _article("b.txt", "h2")], loaded, "v1",
                        tables_changed=["articles.csv"])
    assert plan.needs_stored_metadata and plan.todo == []
    plan = plan.with_metadata([{"path": "a.txt", "title": "New"}, {"path": "b.txt", "title": "Same"}],
                              {"a.txt": {"title": "Old"}, "b.txt": {"title": "Same"}})
    assert [a.path for a in plan.todo] == ["a.txt"] and plan.changes == {"a.txt": "metadata edited"}
    assert plan.edited == {"a.txt"} and [a.path for a in plan.unchanged] == ["b.txt"]


# --------------------------------------------------------------------------- migrations

def _revisions():
    for path in sorted((ROOT / "warehouse" / "migrations" / "versions").glob("0*.py")):
        spec = importlib.util.spec_from_file_location(f"revision_{path.stem}", path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        yield module


def test_every_revision_creates_its_views_from_a_frozen_copy_and_the_heads_is_warehouse_views():
    from warehouse.migrate import VIEWS_DIR, head_revision, view_names

    frozen = ROOT / "warehouse" / "migrations" / "views"
    revisions = {r.revision: r for r in _revisions()}
    for revision in revisions.values():
        views = Path(revision.VIEWS)
        assert frozen in views.parents and view_names(views) == view_names(), revision.revision
        assert "create_views(conn)" not in Path(revision.__file__).read_text(encoding="utf-8")
    head = Path(revisions[head_revision()].VIEWS)
    assert {n: (head / f"{n}.sql").read_text() for n in view_names(head)} == \
        {n: (VIEWS_DIR / f"{n}.sql").read_text() for n in view_names()}, \
        "warehouse/views/ changed: freeze the new views in a new revision"
