"""The end-of-run summary a person reads: what changed, counts by kind, rejects with their
reasons, claim-check verdicts, and where the report and the data docs are."""
import pandas as pd

from tasks.process_batch import BatchResult
from tasks.summary import SHOWN, RunSummary


def _summary(**kw):
    s = RunSummary(warehouse="sqlite:////tmp/wh.db", run_id=7, articles_read=3, articles_skipped=1,
                   changes={"a.txt": "new", "b.txt": "changed"}, **kw)
    articles = pd.DataFrame({"article_hash": ["ha", "hb"], "path": ["a.txt", "b.txt"],
                             "has_metadata": [True, False]})
    extracted = pd.DataFrame({"article_hash": ["ha", "ha", "hb"], "seq": [0, 1, 0],
                              "kind": ["money", "percent", "money"]})
    rejected = pd.DataFrame({"article_hash": ["hb"], "seq": [0],
                             "reason": ["extracted figures: figure 0 '5 yuan' at 3-9, column fx_rate: fails greater_than(0)"]})
    checks = pd.DataFrame({"verdict": ["consistent", "consistent", "inconsistent"]})
    s.record_articles(articles)
    # the same counts arrive in two batches: the summary adds them up
    for hashes in (["ha"], ["hb"]):
        part = extracted[extracted["article_hash"].isin(hashes)]
        s.record_batch(BatchResult(
            figures=part.iloc[0:0], rejected=rejected[rejected["article_hash"].isin(hashes)],
            checks=checks.iloc[:2] if hashes == ["ha"] else checks.iloc[2:],
            extracted=len(part),
            by_kind=part["kind"].value_counts().to_dict(),
            by_article=part["article_hash"].value_counts().to_dict()))
    return s


def test_the_summary_names_changes_kinds_rejects_verdicts_and_paths():
    s = _summary(report_path="/tmp/r/index.html", quality_success=True,
                 quality_docs="/tmp/q/index.html", rows_loaded=2, articles_loaded=2, loaded=True)
    text = "\n".join(s.lines())
    assert "Processed:          2 article(s)" in text
    assert "  new: a.txt (2 figures)" in text and "  changed: b.txt (1 figures)" in text
    assert "Figures extracted:  3 (money 2, percent 1)" in text
    assert "Rows loaded:        2 (figures of 2 articles)" in text
    assert "Rows rejected:      1" in text and "column fx_rate: fails greater_than(0)" in text
    assert "Claim checks:       consistent 2, inconsistent 1" in text
    assert "Data quality:       passed (docs: /tmp/q/index.html)" in text
    assert "Report:             /tmp/r/index.html" in text
    assert "No metadata row in articles.csv" in text and "b.txt" in text
    assert not s.nothing_new


def test_a_dry_run_says_what_would_be_processed():
    text = "\n".join(_summary(dry_run=True).lines())
    assert "Would process:      2 article(s)" in text and "(dry run: nothing written)" in text


def test_the_artifact_is_the_same_summary_as_markdown_bullets():
    md = _summary().markdown()
    assert md.startswith("# figures-pipeline run\n\n- Articles read:")
    assert "\n  - new: a.txt (2 figures)" in md


def test_a_changed_table_alone_is_not_nothing_new():
    s = RunSummary(warehouse="x", articles_read=2, articles_skipped=2)
    assert s.nothing_new and s.lines()[0].startswith("Nothing new")
    s.tables_changed = ["fx_rates.csv"]
    assert not s.nothing_new and "Tables changed:     fx_rates.csv" in s.lines()


def test_long_lists_are_cut_and_say_how_many_more():
    s = RunSummary(warehouse="x", articles_read=50, changes={f"{i:02}.txt": "new" for i in range(50)})
    lines = [line for line in s.lines() if line.startswith("  ")]
    assert len(lines) == SHOWN + 1 and lines[-1] == f"  ... and {50 - SHOWN} more"


def test_many_rejects_are_cut_but_counted_in_full():
    s = RunSummary(warehouse="x")
    for b in range(3):
        rejected = pd.DataFrame({"article_hash": [f"h{b}"] * 10, "seq": list(range(10)),
                                 "reason": [f"reason {b}-{i}" for i in range(10)]})
        s.record_batch(BatchResult(figures=pd.DataFrame(), rejected=rejected,
                                   checks=pd.DataFrame({"verdict": []}), extracted=10))
    lines = s.lines()
    assert "Rows rejected:      30" in lines
    shown = [line for line in lines if line.startswith("  rejected:")]
    assert len(shown) == SHOWN and f"  ... and {30 - SHOWN} more" in lines
