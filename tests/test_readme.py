"""Every example in README.md runs as written, on a copy of the project.

The examples are the shell lines of the README's ```sh blocks and the commands of its tables
(a first cell holding `figures ...`). They run in README order, as a reader would type them,
in one temporary copy of the project (cwd = the copy, so its own raw/ and warehouse/; its
`.venv` is a link to this checkout's), with `.venv/bin` on the PATH and none of the
WAREHOUSE_/RAW_ROOT/PREFECT_ settings of the environment. Each must exit 0 and print no
traceback.

Two exceptions, and why:
- `make test` runs in a cheap form, `PYTEST_ADDOPTS=--collect-only`: the whole suite takes
  about 17 minutes here, and what the example promises of the README is that the target
  exists and finds the tests; the suite itself is what CI runs.
- An example marked `<!-- example: needs WHAT -->` (before a block, or in a table row) needs
  a service: `postgres` runs where WAREHOUSE_TEST_PG_URL is set (the README's URL replaced by
  it, and the schema `figures` by one of this test's own, dropped afterwards); `serve` runs
  until Ctrl-C and the deployment commands need it running, so it is skipped here
  (tests/test_serve.py starts `figures serve` as a user would, fires its schedule and
  triggers it by hand); `dask-cluster` runs where WAREHOUSE_TEST_DASK_ADDRESS names a
  scheduler whose workers reach the Prefect server of PREFECT_API_URL (both replace the
  README's); anything else is skipped with the marker's reason.

Slow: about five minutes (two Dask runs and a dozen pipeline runs).
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
import uuid
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.raw_copies import ROOT

pytestmark = pytest.mark.slow

README = ROOT / "README.md"
PG_URL = os.environ.get("WAREHOUSE_TEST_PG_URL")
DASK_ADDRESS = os.environ.get("WAREHOUSE_TEST_DASK_ADDRESS")
PREFECT_API = os.environ.get("PREFECT_API_URL")
README_DASK_ADDRESS, README_PREFECT_API = "tcp://10.0.0.5:8786", "http://prefect.example:4200/api"
README_PG_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
SCRATCH_PROJECT = Path("/tmp/my-figures")  # the "Project folders" example scaffolds it
_NEEDS = re.compile(r"<!--\s*example:\s*needs\s+(?P<needs>.+?)\s*-->")
_CODE = re.compile(r"`([^`]+)`")
# what the copy leaves out: version control, the environment (linked), outputs of runs
_NOT_COPIED_NAMES = {".git", ".venv", ".venv-peers", "__pycache__", ".hypothesis", ".pytest_cache",
                     ".prefect"}
_NOT_COPIED_PATHS = {"warehouse/report", "warehouse/quality", "warehouse/logs", "bench/out",
                     "tests/artifacts"}


def _not_copied(folder: str, names: list[str]) -> set[str]:
    here = Path(folder).relative_to(ROOT)
    return {n for n in names if n in _NOT_COPIED_NAMES or n.endswith(".egg-info")
            or (here / n).as_posix() in _NOT_COPIED_PATHS
            or (here.as_posix() == "warehouse" and n.startswith("figures.db"))}


@dataclass(frozen=True)
class Example:
    line: int                  # README line of its first command
    commands: tuple[str, ...]
    needs: str | None = None   # the service it needs, as marked in the README

    def __str__(self) -> str:
        return f"README.md:{self.line} {self.commands[0][:60]}"


def readme_examples(text: str) -> list[Example]:
    """The README's examples in order: each ```sh block, and each command of a table row."""
    lines = text.splitlines()
    examples, i = [], 0
    while i < len(lines):
        line = lines[i]
        if line.startswith("```sh"):
            end = next(j for j in range(i + 1, len(lines)) if lines[j].startswith("```"))
            commands = tuple(c for c in lines[i + 1:end] if c.strip() and not c.lstrip().startswith("#"))
            before = next((lines[j] for j in range(i - 1, -1, -1) if lines[j].strip()), "")
            marked = _NEEDS.search(before)
            examples.append(Example(i + 2, commands, marked and marked["needs"]))
            i = end + 1
            continue
        header = i + 1 < len(lines) and lines[i + 1].startswith("|---")
        if line.startswith("| ") and not header:
            first, _, rest = line[2:].partition(" | ")
            commands = tuple(c for c in _CODE.findall(first) if c.startswith("figures "))
            if commands:
                marked = _NEEDS.search(rest)
                examples.extend(Example(i + 1, (c,), marked and marked["needs"]) for c in commands)
        i += 1
    return examples


EXAMPLES = readme_examples(README.read_text(encoding="utf-8"))


def test_the_readme_has_examples_of_every_kind_this_test_knows():
    needs = {e.needs for e in EXAMPLES}
    assert {None, "postgres", "serve"} <= needs
    assert any(c.startswith("make run") for e in EXAMPLES for c in e.commands)
    assert any(c.startswith("figures extract") for e in EXAMPLES for c in e.commands)


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    # the copy shares this checkout's .venv: were it out of date, `make run` in the copy would
    # reinstall the package from the copy, into the environment every test uses
    stale = subprocess.run(["make", "-q", "install"], cwd=ROOT, capture_output=True)
    if stale.returncode != 0:
        pytest.fail("the environment is out of date for this checkout: run `make install` first")
    copy = tmp_path_factory.mktemp("readme") / "newsfigures"
    shutil.copytree(ROOT, copy, ignore=_not_copied, symlinks=True)
    (copy / ".venv").symlink_to(ROOT / ".venv")
    schema = f"readme_{uuid.uuid4().hex[:8]}"
    _remove_scratch_project()
    yield {"dir": copy, "schema": schema}
    _remove_scratch_project()
    if PG_URL:
        from sqlalchemy import create_engine

        engine = create_engine(PG_URL)
        with engine.begin() as conn:
            conn.exec_driver_sql(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')
        engine.dispose()


def _remove_scratch_project() -> None:
    if (SCRATCH_PROJECT / "raw" / "tables").is_dir():  # only what `figures init` made
        shutil.rmtree(SCRATCH_PROJECT)


def _environment(copy: Path, example: Example, schema: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("WAREHOUSE_", "PREFECT_", "FIGURES_", "DB_", "DASK_"))
           and k not in ("RAW_ROOT", "REPORT_DIR", "QUALITY_DIR", "PYTEST_ADDOPTS")}
    env["PATH"] = f"{copy / '.venv' / 'bin'}{os.pathsep}{env.get('PATH', '')}"
    env["PYTEST_ADDOPTS"] = "--collect-only -q -p no:cacheprovider"  # for `make test` only
    if example.needs == "postgres":  # a table row: the PostgreSQL warehouse of the block above
        env.update(WAREHOUSE_URL=PG_URL, WAREHOUSE_SCHEMA=schema)
    return env


def _script(example: Example, schema: str) -> str:
    """The commands as one bash script that stops at the first failure, naming the line."""
    lines = ["trap 'kill $(jobs -p) 2>/dev/null' EXIT"]
    for command in example.commands:
        if example.needs == "postgres":
            command = command.replace(README_PG_URL, PG_URL).replace(
                "WAREHOUSE_SCHEMA=figures", f"WAREHOUSE_SCHEMA={schema}")
        if example.needs == "dask-cluster":
            command = command.replace(README_DASK_ADDRESS, DASK_ADDRESS).replace(
                README_PREFECT_API, PREFECT_API)
        lines += [command, 'rc=$?; if [ $rc -ne 0 ]; then echo "README example exited $rc: "'
                  f'{_quoted(command)} >&2; exit $rc; fi']
    return "\n".join(lines) + "\n"


def _quoted(text: str) -> str:
    return "'" + text.replace("'", "'\\''") + "'"


@pytest.mark.parametrize("example", EXAMPLES, ids=str)
def test_a_readme_example_exits_0_without_a_traceback(example, project):
    if example.needs == "postgres" and not PG_URL:
        pytest.skip("needs PostgreSQL: set WAREHOUSE_TEST_PG_URL")
    if example.needs == "serve":
        pytest.skip("runs until Ctrl-C, or needs it running; tests/test_serve.py serves, "
                    "fires the schedule and triggers the deployment as a user would")
    if example.needs == "dask-cluster" and not (DASK_ADDRESS and PREFECT_API):
        pytest.skip("needs a Dask cluster: set WAREHOUSE_TEST_DASK_ADDRESS (its workers "
                    "reporting to the Prefect server at PREFECT_API_URL)")
    if example.needs not in (None, "postgres", "serve", "dask-cluster"):
        pytest.skip(f"needs {example.needs}")
    copy = project["dir"]
    # files, not pipes: a process an example leaves behind must not keep the test waiting
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        done = subprocess.run(["bash", "-c", _script(example, project["schema"])], cwd=copy,
                              env=_environment(copy, example, project["schema"]),
                              stdin=subprocess.DEVNULL, stdout=out, stderr=err, text=True,
                              timeout=900)
        out.seek(0), err.seek(0)
        stdout, stderr = out.read(), err.read()
    shown = f"{example}\n--- stdout\n{stdout[-3000:]}\n--- stderr\n{stderr[-3000:]}"
    assert done.returncode == 0, shown
    assert "Traceback" not in stdout + stderr, shown
