"""The static HTML report: annotated articles, charts and claim verdicts from the warehouse."""
from report.build import ReportError, build_report

__all__ = ["ReportError", "build_report"]
