"""Each warehouse writes its report and data-quality docs in a folder of its own, named by a
slug that is the same from run to run and never holds a password."""
from __future__ import annotations

import doctest

import pytest

from tasks.config import Settings
from warehouse import folders
from warehouse.folders import output_dirs, warehouse_slug

PG = "postgresql+psycopg://bi:s3cret@db.example:5432/analytics"


def test_the_module_examples_hold():
    assert doctest.testmod(folders).failed == 0


def test_a_slug_holds_no_password_and_ignores_user_driver_and_options():
    slug = warehouse_slug(PG, "figures")
    assert "s3cret" not in slug and "bi" not in slug.split("-")
    assert warehouse_slug("postgresql://other:pw@db.example:5432/analytics?sslmode=require",
                          "figures") == slug


@pytest.mark.parametrize("other", [
    (PG.replace("analytics", "staging"), "figures"),
    (PG.replace("db.example", "db2.example"), "figures"),
    (PG.replace("5432", "5433"), "figures"),
    (PG, "figures_test"),
    (PG, None),
], ids=["database", "host", "port", "schema", "default-schema"])
def test_another_database_or_schema_is_another_warehouse(other):
    assert warehouse_slug(*other) != warehouse_slug(PG, "figures")


def test_two_sqlite_files_of_one_name_in_two_folders_are_two_warehouses(tmp_path, monkeypatch):
    a, b = tmp_path / "a" / "figures.db", tmp_path / "b" / "figures.db"
    assert warehouse_slug(f"sqlite:///{a}") != warehouse_slug(f"sqlite:///{b}")
    assert warehouse_slug(f"sqlite:///{a}").startswith("sqlite-figures-")
    monkeypatch.chdir(tmp_path)  # a relative path names the same file as its absolute one
    assert warehouse_slug("sqlite:///a/figures.db") == warehouse_slug(f"sqlite:///{a}")


def test_the_default_warehouse_keeps_the_folders_it_always_had(monkeypatch):
    for name in ("WAREHOUSE_URL", "WAREHOUSE_SCHEMA", "REPORT_DIR", "QUALITY_DIR"):
        monkeypatch.delenv(name, raising=False)
    cfg = Settings()
    assert output_dirs(cfg) == (cfg.report_dir, cfg.quality_dir)
    assert cfg.report_dir.parts[-2:] == ("warehouse", "report")


def test_any_other_warehouse_writes_a_subfolder_named_by_its_slug(monkeypatch, tmp_path):
    monkeypatch.setenv("REPORT_DIR", str(tmp_path / "report"))
    monkeypatch.setenv("QUALITY_DIR", str(tmp_path / "quality"))
    monkeypatch.setenv("WAREHOUSE_SCHEMA", "figures")
    dirs = output_dirs(Settings(), PG)
    slug = warehouse_slug(PG, "figures")
    assert dirs == (tmp_path / "report" / slug, tmp_path / "quality" / slug)
    assert "s3cret" not in str(dirs)
