"""The Prefect artifacts a person reads after a run: the summary, two tables, two links.

- ``figures-run-summary`` (markdown): the summary the terminal prints;
- ``figures-articles`` (table): per article read, what changed, figures found, rows rejected,
  claims that do not hold;
- ``figures-claims-not-holding`` (table): each claim the figures contradict, with the stated
  and the expected value and why;
- ``figures-report`` and ``figures-data-docs`` (links): the HTML report and the data-quality
  docs of the run's warehouse, as file URLs on the machine that ran the flow.
"""
from __future__ import annotations

from pathlib import Path

from prefect.artifacts import create_link_artifact, create_markdown_artifact, create_table_artifact

from tasks.summary import ARTICLES_TABULATED, CLAIMS_KEPT


def publish(summary) -> None:
    """Create the run's artifacts from its ``tasks.summary.RunSummary``."""
    create_markdown_artifact(summary.markdown(), key="figures-run-summary",
                             description="figures-pipeline run summary")
    articles = summary.article_rows()
    total = len(summary.figures_by_article) + len(summary.rejections)
    create_table_artifact(articles, key="figures-articles", description=(
        f"{total} article(s) read by the run: figures extracted, rows rejected, claims that do "
        "not hold" + (f" (the first {ARTICLES_TABULATED}, problems first)" if total > len(articles)
                      else "")))
    claims = summary.claims_not_holding
    n = summary.claims_not_holding_total
    create_table_artifact(claims, key="figures-claims-not-holding", description=(
        f"{n} claim(s) of the run's articles do not hold"
        + (f" (the first {CLAIMS_KEPT} are listed)" if n > len(claims) else "")))
    for key, path, text in (("figures-report", summary.report_path, "HTML report"),
                            ("figures-data-docs", summary.quality_docs, "Data-quality docs")):
        if path:
            create_link_artifact(Path(path).resolve().as_uri(), link_text=text, key=key,
                                 description=f"{text} of warehouse {summary.warehouse} "
                                             "(a file on the machine that ran the flow)")
