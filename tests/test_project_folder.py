"""`figures` works on the project folder it runs in, as dbt does; `figures init` makes one."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from flows.cli import app
from flows.cli_init import EXAMPLE_ARTICLE, InitError, scaffold
from tasks.config import PROJECT_ENV, PROJECT_ROOT, load_settings, project_dir
from tests.raw_copies import ROOT


@pytest.fixture
def clean_env(monkeypatch):
    for name in ("RAW_ROOT", "WAREHOUSE_URL", "REPORT_DIR", "QUALITY_DIR", PROJECT_ENV):
        monkeypatch.delenv(name, raising=False)
    return monkeypatch


def test_a_folder_with_raw_tables_is_the_project_and_its_warehouse_is_its_own(tmp_path, clean_env):
    scaffold(tmp_path / "p")
    clean_env.chdir(tmp_path / "p")
    cfg = load_settings()
    assert project_dir() == tmp_path / "p"
    assert cfg.raw_root == tmp_path / "p" / "raw"
    assert cfg.warehouse_url == f"sqlite:///{tmp_path / 'p' / 'warehouse' / 'figures.db'}"
    assert cfg.report_dir == tmp_path / "p" / "warehouse" / "report"


def test_elsewhere_the_installed_project_is_the_default(tmp_path, clean_env):
    clean_env.chdir(tmp_path)
    assert project_dir() == PROJECT_ROOT
    assert load_settings().raw_root == PROJECT_ROOT / "raw"


def test_the_settings_still_override_the_project_folder(tmp_path, clean_env):
    scaffold(tmp_path / "p")
    clean_env.chdir(tmp_path / "p")
    clean_env.setenv("RAW_ROOT", str(tmp_path / "elsewhere"))
    assert load_settings().raw_root == tmp_path / "elsewhere"


def test_init_copies_the_curated_tables_and_one_article_with_its_row(tmp_path):
    written = scaffold(tmp_path / "p")
    tables = sorted(p.name for p in (tmp_path / "p" / "raw" / "tables").iterdir())
    assert tables == sorted(p.name for p in (PROJECT_ROOT / "raw" / "tables").glob("*.csv"))
    assert (tmp_path / "p" / "raw" / "articles" / EXAMPLE_ARTICLE).read_bytes() == (
        PROJECT_ROOT / "raw" / "articles" / EXAMPLE_ARTICLE).read_bytes()
    rows = (tmp_path / "p" / "raw" / "tables" / "articles.csv").read_text(encoding="utf-8").splitlines()
    assert len(rows) == 2 and rows[1].startswith(EXAMPLE_ARTICLE)
    assert (tmp_path / "p" / "warehouse").is_dir() and len(written) == len(tables) + 1


def test_init_never_writes_over_a_project(tmp_path):
    scaffold(tmp_path / "p")
    with pytest.raises(InitError, match="raw: already exists"):
        scaffold(tmp_path / "p")
    result = CliRunner().invoke(app, ["init", str(tmp_path / "p")])
    assert result.exit_code == 2 and "already exists" in result.output


def test_project_option_points_a_run_at_a_folder_that_is_not_one(tmp_path):
    result = CliRunner(env={"COLUMNS": "400"}).invoke(app, ["run", "--project", str(tmp_path)])
    assert result.exit_code == 2
    assert "not a project folder" in result.output


@pytest.mark.slow
def test_a_run_in_a_scaffolded_folder_loads_its_own_warehouse_and_nothing_of_the_package(tmp_path):
    project = tmp_path / "p"
    scaffold(project)
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("WAREHOUSE_", "PREFECT_", "FIGURES_")) and k not in (
               "RAW_ROOT", "REPORT_DIR", "QUALITY_DIR")}
    before = sorted((ROOT / "warehouse").glob("figures.db*"))
    stamps = {p: p.stat().st_mtime_ns for p in before}
    done = subprocess.run([sys.executable, "-m", "flows.cli", "run", "--project", str(project)],
                          cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    assert f"sqlite:///{project / 'warehouse' / 'figures.db'}" in done.stdout
    assert (project / "warehouse" / "figures.db").is_file()
    assert (project / "warehouse" / "report" / "index.html").is_file()
    assert {p: p.stat().st_mtime_ns for p in before} == stamps  # the package's warehouse untouched


def test_a_project_chosen_by_folder_reads_the_warehouse_from_its_own_env_file(tmp_path, clean_env):
    scaffold(tmp_path / "p")
    (tmp_path / "p" / ".env").write_text(f"WAREHOUSE_URL=sqlite:///{tmp_path / 'own.db'}\n")
    (tmp_path / "elsewhere").mkdir()
    clean_env.chdir(tmp_path / "elsewhere")  # no .env here
    clean_env.setenv(PROJECT_ENV, str(tmp_path / "p"))
    assert load_settings().warehouse_url == f"sqlite:///{tmp_path / 'own.db'}"


def test_the_project_env_file_wins_over_the_current_folders_and_the_environment_over_both(
        tmp_path, clean_env):
    scaffold(tmp_path / "p")
    (tmp_path / "p" / ".env").write_text("WAREHOUSE_URL=sqlite:///project.db\nREPORT_DIR=/project/report\n")
    (tmp_path / "here").mkdir()
    (tmp_path / "here" / ".env").write_text(
        "WAREHOUSE_URL=sqlite:///here.db\nREPORT_DIR=/here/report\nQUALITY_DIR=/here/quality\n")
    clean_env.chdir(tmp_path / "here")
    clean_env.setenv(PROJECT_ENV, str(tmp_path / "p"))
    clean_env.setenv("REPORT_DIR", "/environment/report")
    cfg = load_settings()
    assert cfg.warehouse_url == "sqlite:///project.db"         # the project's .env over the cwd's
    assert cfg.quality_dir == Path("/here/quality")           # the cwd's still read for the rest
    assert cfg.report_dir == Path("/environment/report")      # a real variable over both files


def test_without_a_chosen_project_only_the_current_folders_env_file_is_read(tmp_path, clean_env):
    scaffold(tmp_path / "p")
    (tmp_path / "p" / ".env").write_text("WAREHOUSE_URL=sqlite:///project.db\n")
    (tmp_path / "here").mkdir()
    (tmp_path / "here" / ".env").write_text("WAREHOUSE_URL=sqlite:///here.db\n")
    clean_env.chdir(tmp_path / "here")
    assert load_settings().warehouse_url == "sqlite:///here.db"


@pytest.mark.slow
def test_figures_run_with_project_uses_the_warehouse_named_in_that_folders_env_file(tmp_path):
    project = tmp_path / "p"
    scaffold(project)
    named = tmp_path / "named.db"
    (project / ".env").write_text(f"WAREHOUSE_URL=sqlite:///{named}\n")
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("WAREHOUSE_", "PREFECT_", "FIGURES_")) and k not in (
               "RAW_ROOT", "REPORT_DIR", "QUALITY_DIR")}
    done = subprocess.run([sys.executable, "-m", "flows.cli", "run", "--project", str(project)],
                          cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    assert f"sqlite:///{named}" in done.stdout
    assert named.is_file() and not (project / "warehouse" / "figures.db").exists()
