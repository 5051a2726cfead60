"""What a run did, in numbers, for the terminal and for a Prefect markdown artifact."""
from __future__ import annotations

from dataclasses import dataclass, field

# Beyond this many, a list in the summary is cut and says how many more there are.
SHOWN = 20
# Claims that do not hold kept by name for the artifact and the alert (all are counted).
CLAIMS_KEPT = 200
# Rows of the per-article table artifact (those with rejected rows or failing claims first).
ARTICLES_TABULATED = 1000
# The verdict of a claim the figures contradict.
NOT_HOLDING = "inconsistent"
# Rejected files are listed whole up to this many (a folder of junk is still named in full
# in the log, one warning per file).
REJECTED_FILES_SHOWN = 1000


@dataclass
class RunSummary:
    warehouse: str                      # redacted URL or file path
    run_id: int | None = None
    dry_run: bool = False
    articles_read: int = 0
    articles_skipped: int = 0           # unchanged since the last load
    articles_without_metadata: list[str] = field(default_factory=list)
    metadata_without_article: list[str] = field(default_factory=list)  # articles.csv rows, no file
    rejections: list = field(default_factory=list)  # article files skipped (tasks.read_raw.Rejected)
    changes: dict[str, str] = field(default_factory=dict)          # path -> new/changed/re-extract
    tables_changed: list[str] = field(default_factory=list)        # curated files with new bytes
    figures_by_article: dict[str, int] = field(default_factory=dict)  # path -> figures extracted
    figures_extracted: int = 0
    figures_by_kind: dict[str, int] = field(default_factory=dict)
    rows_rejected: int = 0
    reject_reasons: list[str] = field(default_factory=list)
    rows_loaded: int = 0
    articles_loaded: int = 0
    loaded: bool = False                # the load step ran (and recorded its own counts)
    claim_verdicts: dict[str, int] = field(default_factory=dict)
    rejected_by_article: dict[str, int] = field(default_factory=dict)  # path -> rows rejected
    claims_not_holding: list[dict] = field(default_factory=list)  # the first CLAIMS_KEPT, named
    quality_success: bool | None = None
    quality_docs: str | None = None
    report_path: str | None = None
    report_error: str | None = None     # the rows are committed, but the report was not written
    prefect_started: bool = True        # False when the CLI found nothing new before starting it
    _paths: dict[str, str] = field(default_factory=dict, repr=False)   # article_hash -> path
    _reasons_total: int = field(default=0, repr=False)  # reject_reasons keeps only the first few

    def record_articles(self, articles) -> None:
        """The run's article frame (tasks.read_raw.article_frame): which lack metadata."""
        self.articles_without_metadata += articles.loc[~articles["has_metadata"], "path"].tolist()
        self._paths.update(zip(articles["article_hash"], articles["path"]))
        for path in articles["path"]:  # an article with no figure still says "0 figures"
            self.figures_by_article.setdefault(str(path), 0)

    def record_batch(self, batch) -> None:
        """Add one batch's counts (a tasks.process_batch.BatchResult); its frames are not kept."""
        self.figures_extracted += batch.extracted
        for kind, n in batch.by_kind.items():
            self.figures_by_kind[kind] = self.figures_by_kind.get(kind, 0) + n
        for article_hash, n in batch.by_article.items():
            path = self._paths.get(article_hash, article_hash)
            self.figures_by_article[path] = self.figures_by_article.get(path, 0) + n
        rejected = batch.rejected
        rows = rejected[["article_hash", "seq"]].drop_duplicates()
        self.rows_rejected += int(rows.shape[0])
        for article_hash, n in rows["article_hash"].value_counts().items():
            path = self._paths.get(article_hash, article_hash)
            self.rejected_by_article[path] = self.rejected_by_article.get(path, 0) + int(n)
        self._keep_claims_not_holding(batch.checks, batch.figures)
        self.reject_reasons += rejected["reason"].tolist()[:SHOWN + 1 - len(self.reject_reasons)]
        self._reasons_total += len(rejected)
        for verdict, n in batch.checks["verdict"].value_counts().items():
            self.claim_verdicts[str(verdict)] = self.claim_verdicts.get(str(verdict), 0) + int(n)

    def _keep_claims_not_holding(self, checks, figures) -> None:
        room = CLAIMS_KEPT - len(self.claims_not_holding)
        failing = checks[checks["verdict"] == NOT_HOLDING].head(max(room, 0))
        if failing.empty:
            return
        surfaces = {}
        if figures is not None and {"article_hash", "seq", "surface"} <= set(figures.columns):
            surfaces = dict(zip(zip(figures["article_hash"], figures["seq"]), figures["surface"]))
        for row in failing.to_dict("records"):
            key = (row.get("article_hash"), row.get("seq"))
            self.claims_not_holding.append({
                "article": self._paths.get(key[0], key[0]),
                "figure": surfaces.get(key),
                "check": row.get("check_type"),
                "stated": _number(row.get("observed")),
                "expected": _number(row.get("expected")),
                "explanation": row.get("explanation"),
            })

    @property
    def claims_not_holding_total(self) -> int:
        return self.claim_verdicts.get(NOT_HOLDING, 0)

    def article_rows(self) -> list[dict]:
        """One row per article the run read: what changed, figures found, rows rejected,
        claims that do not hold; those with a problem first, at most ARTICLES_TABULATED."""
        failing: dict[str, int] = {}
        for claim in self.claims_not_holding:
            failing[claim["article"]] = failing.get(claim["article"], 0) + 1
        rows = [{"article": path, "change": self.changes.get(path, "unchanged"), "figures": n,
                 "rejected_rows": self.rejected_by_article.get(path, 0),
                 "claims_not_holding": failing.get(path, 0)}
                for path, n in sorted(self.figures_by_article.items())]
        rows += [{"article": r.path, "change": f"file rejected: {r.reason}", "figures": 0,
                  "rejected_rows": 0, "claims_not_holding": 0} for r in self.rejections]
        rows.sort(key=lambda r: (-(r["rejected_rows"] + r["claims_not_holding"])
                                 - r["change"].startswith("file rejected")))
        return rows[:ARTICLES_TABULATED]

    def problems(self) -> list[str]:
        """What someone should be told of: a failed quality check, claims that do not hold."""
        out = []
        if self.quality_success is False:
            out.append("Data quality FAILED")
        if self.claims_not_holding_total:
            n = self.claims_not_holding_total
            out.append(f"{n} claim{'s' if n != 1 else ''} do{'es' if n == 1 else ''} not hold:")
            out += _cut([f"  {c['article']}: {c['figure'] or 'a figure'} ({c['check']}): "
                         f"{c['explanation']}" for c in self.claims_not_holding], n)
        return out

    def run_counts(self) -> dict[str, int]:
        """The counts etl_run records (the load adds to articles_skipped the articles a
        concurrent run loaded first, so after a load it is the load's to report)."""
        counts = {"articles_read": self.articles_read, "figures_extracted": self.figures_extracted,
                  "rows_rejected": self.rows_rejected}
        if not self.loaded:
            counts["articles_skipped"] = self.articles_skipped
        return counts

    @property
    def rejected_files(self) -> list[str]:
        """The skipped article files, one line each naming the file and what is wrong."""
        return [r.reason for r in self.rejections]

    @property
    def status(self) -> str:
        """How a run that got to the end ended (an etl_run status)."""
        if self.quality_success is False:
            return "quality_failed"
        return "completed_with_rejections" if self.rejections else "succeeded"

    @property
    def nothing_new(self) -> bool:
        return (self.articles_read == self.articles_skipped and not self.tables_changed
                and not self.rejected_files)

    def rejection_note(self) -> str | None:
        """What etl_run.error says of a run that completed but skipped files (None: it skipped none)."""
        if not self.rejected_files:
            return None
        return (f"completed with rejections: {len(self.rejected_files)} article file(s) skipped: "
                + "; ".join(self.rejected_files))

    def lines(self) -> list[str]:
        out = []
        if self.nothing_new:
            out.append(f"Nothing new: all {self.articles_read} articles and the curated tables "
                       "are already loaded unchanged."
                       + ("" if self.prefect_started else " (checked before starting Prefect)"))
        out += [
            f"Articles read:      {self.articles_read} ({self.articles_skipped} unchanged, skipped)",
        ]
        if self.rejected_files:
            out.append(f"Files rejected:     {len(self.rejected_files)} (skipped, the others "
                       "processed; fix or remove them)")
            # every one of them: whoever fixes the folder needs the whole list at once
            out += _cut([f"  rejected file: {reason}" for reason in self.rejected_files],
                        shown=REJECTED_FILES_SHOWN)
        if self.changes:
            verb = "Would process" if self.dry_run else "Processed"
            out.append(f"{verb + ':':<20}{len(self.changes)} article(s)")
            out += _cut([f"  {why}: {path}" + (f" ({self.figures_by_article[path]} figures)"
                                               if path in self.figures_by_article else "")
                         for path, why in sorted(self.changes.items())])
        if self.tables_changed:
            out.append("Tables changed:     " + ", ".join(self.tables_changed))
        out += [
            f"Figures extracted:  {self.figures_extracted}"
            + (f" ({', '.join(f'{k} {v}' for k, v in sorted(self.figures_by_kind.items()))})"
               if self.figures_by_kind else ""),
            f"Rows rejected:      {self.rows_rejected}",
            f"Rows loaded:        {self.rows_loaded}" + (" (dry run: nothing written)" if self.dry_run
                                                         else f" (figures of {self.articles_loaded} articles)"
                                                         if self.loaded else ""),
        ]
        if self.claim_verdicts:
            out.append("Claim checks:       " + ", ".join(
                f"{k} {v}" for k, v in sorted(self.claim_verdicts.items())))
        if self.articles_without_metadata:
            out.append("No metadata row in articles.csv (title from first line, date unknown): "
                       + _join(self.articles_without_metadata))
        if self.metadata_without_article:
            out.append("articles.csv names files not in raw/articles (not delivered yet?): "
                       + _join(self.metadata_without_article))
        out += _cut([f"  rejected: {reason}" for reason in self.reject_reasons],
                    max(self._reasons_total, len(self.reject_reasons)))
        if self.quality_success is not None:
            out.append(f"Data quality:       {'passed' if self.quality_success else 'FAILED'}"
                       + (f" (docs: {self.quality_docs})" if self.quality_docs else ""))
        out.append(f"Warehouse:          {self.warehouse}")
        if self.run_id is not None:
            out.append(f"Run id:             {self.run_id} (etl_run)")
        if self.report_path:
            out.append(f"Report:             {self.report_path}")
        if self.report_error:
            out.append(f"Report:             not written: {self.report_error}")
        return out

    def markdown(self) -> str:
        return "# figures-pipeline run\n\n" + "\n".join(
            f"- {line.strip()}" if not line.startswith("  ") else f"  - {line.strip()}"
            for line in self.lines())


def _cut(lines: list[str], total: int | None = None, shown: int = SHOWN) -> list[str]:
    total = len(lines) if total is None else total
    if total <= shown:
        return lines
    return lines[:shown] + [f"  ... and {total - shown} more"]


def _join(names: list[str]) -> str:
    if len(names) <= SHOWN:
        return ", ".join(names)
    return ", ".join(names[:SHOWN]) + f" and {len(names) - SHOWN} more"


def _number(value):
    """A float as JSON can carry it (NaN and missing as None)."""
    try:
        value = float(value)
    except (TypeError, ValueError):
        return None
    return None if value != value else value
