"""`figures run` as a person types it: bad parameters are refused up front (exit 2, naming
the option), a second run with nothing new says so in seconds, a dry run tells what would
change and writes nothing, and an edited article is the only thing processed again."""

import pytest
import sqlalchemy as sa
from typer.testing import CliRunner

from flows.cli import app
from tests.raw_copies import edit_article, make_raw_root
from tests.warehouse_rows import figures_cli


@pytest.mark.parametrize("args, option, says", [
    (["--since", "2021-13-45"], "--since", "2021-13-45"),
    (["--runner", "spark"], "--runner", "spark"),
    (["--address", "foo"], "--address", "scheduler address"),
    (["--address", "tcp://127.0.0.1:70000"], "--address", "out of range"),
    (["--batch-size", "0"], "--batch-size", "at least 1"),
    (["--batch-size", "many"], "--batch-size", "valid integer"),
    (["--warehouse", "mysql://db/figures"], "--warehouse", "only sqlite:// and postgresql://"),
])
def test_a_bad_parameter_is_a_clear_error_with_exit_code_2(args, option, says):
    result = CliRunner().invoke(app, ["run", *args])
    assert result.exit_code == 2
    assert option in _text(result.output) and says in _text(result.output)


def test_a_cron_that_is_not_one_is_refused_before_anything_starts():
    result = CliRunner().invoke(app, ["serve", "--cron", "every hour"])
    assert result.exit_code == 2 and "five fields" in _text(result.output)


def _text(output: str) -> str:
    """The error as one line: without the box rich draws round it and its line breaks."""
    return " ".join(output.replace("│", " ").split())


def test_articles_that_match_nothing_are_named_in_the_error(tmp_path):
    raw = make_raw_root(tmp_path, copies=1)
    done = figures_cli("run", "--articles", "no-such-*.txt", raw=raw, tmp=tmp_path,
                       warehouse=f"sqlite:///{tmp_path / 'wh.db'}")
    assert done.returncode == 2 and "no-such-*.txt: no article file matches" in done.stdout


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    """First run, second run (nothing new), an edit, a dry run, a third run."""
    tmp = tmp_path_factory.mktemp("cli")
    raw = make_raw_root(tmp, copies=3)
    url = f"sqlite:///{tmp / 'wh.db'}"
    engine = sa.create_engine(url)
    out = {"first": figures_cli("run", raw=raw, tmp=tmp, warehouse=url)}
    out["second"] = figures_cli("run", raw=raw, tmp=tmp, warehouse=url)
    out["counts_before_edit"] = _counts(engine)
    edit_article(raw, 1, "Officials later said 12 more villages were connected in 2021.")
    out["dry"] = figures_cli("run", "--dry-run", raw=raw, tmp=tmp, warehouse=url)
    out["counts_after_dry"] = _counts(engine)
    out["third"] = figures_cli("run", raw=raw, tmp=tmp, warehouse=url)
    out["counts_after_third"] = _counts(engine)
    for name in ("first", "second", "dry", "third"):
        assert out[name].returncode == 0, f"{name}:\n{out[name].stdout}\n{out[name].stderr[-3000:]}"
    return out


def _counts(engine):
    with engine.connect() as c:
        return {t: c.scalar(sa.text(f"select count(*) from {t}"))
                for t in ("dim_article", "fct_figure", "fct_claim_check", "etl_run")}


def test_the_first_run_processes_every_article(runs):
    assert "Processed:          3 article(s)" in runs["first"].stdout
    assert "new: copy-000.txt" in runs["first"].stdout
    assert "Figures extracted:  " in runs["first"].stdout and "Claim checks:" in runs["first"].stdout
    assert "Report:" in runs["first"].stdout and "Data quality:       passed (docs:" in runs["first"].stdout


def test_a_second_run_says_nothing_new_without_starting_prefect(runs):
    # how long it takes is the README's benchmark table, not an assertion: a busy machine
    # would fail a timed test that says nothing about the code
    second = runs["second"]
    assert second.stdout.startswith("Nothing new: all 3 articles")
    assert "Starting temporary server" not in second.stdout + second.stderr


def test_a_dry_run_names_what_would_change_and_writes_nothing(runs):
    dry = runs["dry"].stdout
    assert "Would process:      1 article(s)" in dry
    assert "changed: copy-001.txt (" in dry and "figures)" in dry
    assert "Rows loaded:        0 (dry run: nothing written)" in dry
    assert runs["counts_after_dry"] == runs["counts_before_edit"]


def test_only_the_edited_article_is_processed_again(runs):
    third = runs["third"].stdout
    assert "Articles read:      3 (2 unchanged, skipped)" in third
    assert "changed: copy-001.txt" in third and "copy-000.txt" not in third
    after, before = runs["counts_after_third"], runs["counts_before_edit"]
    assert after["dim_article"] == before["dim_article"] == 3
    # the edit added a sentence with figures; the old rows of that article were replaced
    assert after["fct_figure"] > before["fct_figure"]
    assert after["etl_run"] == before["etl_run"] + 1
