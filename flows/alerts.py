"""Alerts through Prefect's notification blocks: a failed run, a failed quality check, or a
claim that does not hold is sent where the settings say.

- ``ALERT_WEBHOOK_URL``: a JSON POST to that URL through Prefect's
  ``CustomWebhookNotificationBlock`` (``{"text", "subject", "body"}``: Slack's and
  Mattermost's incoming webhooks read ``text``);
- ``ALERT_BLOCK``: a notification block saved on the Prefect server (``slack-webhook/data-team``,
  ``email-server-credentials``-backed ones, anything with ``notify``), loaded by its slug, so
  its secrets stay in Prefect.

The URL's path, query and credentials often are the secret (a Slack hook's token), so logs
name only its scheme, host and port. A notification that cannot be delivered is a warning,
never a reason for the run to fail.
"""
from __future__ import annotations

from urllib.parse import urlsplit

from prefect import get_run_logger
from prefect.blocks.notifications import CustomWebhookNotificationBlock
from prefect.logging import get_logger

from tasks.config import load_settings
from warehouse.engine import redact

PAYLOAD = {"text": "{{subject}}\n{{body}}", "subject": "{{subject}}", "body": "{{body}}"}
# Lines of a failed run's error put in its alert.
ERROR_LINES = 5


def notifier(cfg):
    """The notification block the settings name, or None when no alert is configured."""
    if cfg.alert_block:
        from prefect.blocks.core import Block

        return Block.load(cfg.alert_block)
    if cfg.alert_webhook_url:
        return CustomWebhookNotificationBlock(
            name="figures-pipeline", url=cfg.alert_webhook_url.get_secret_value(),
            json_data=PAYLOAD)
    return None


def where(cfg) -> str:
    """Where alerts go, for a log line: no path, query or credentials."""
    if cfg.alert_block:
        return f"Prefect block {cfg.alert_block}"
    parts = urlsplit(cfg.alert_webhook_url.get_secret_value())
    host = parts.hostname or "?"
    return f"{parts.scheme}://{host}{f':{parts.port}' if parts.port else ''}" + (
        "/…" if parts.path.strip("/") or parts.query else "")


def send(cfg, subject: str, body: str, logger=None) -> bool:
    """Send one alert; True when it was delivered. Never raises."""
    logger = logger or _logger()
    try:
        block = notifier(cfg)
        if block is None:
            return False
        block.notify(body=body, subject=subject)
    except Exception as exc:  # the message names the URL: say only what kind of failure
        status = getattr(getattr(exc, "response", None), "status_code", None)
        logger.warning("alert not delivered to %s: %s%s", where(cfg), type(exc).__name__,
                       f" (HTTP {status})" if status else "")
        return False
    logger.info("alert sent to %s: %s", where(cfg), subject)
    return True


def run_problems(cfg, summary, run_name: str | None) -> bool:
    """Alert on what a finished run found (quality failed, claims not holding); False if none."""
    problems = summary.problems()
    if not problems or summary.dry_run:
        return False
    what = "; ".join(p.rstrip(":") for p in problems if not p.startswith("  "))
    subject = f"figures-pipeline run {run_name or '?'} (etl_run {summary.run_id}): {what}"
    body = "\n".join([*problems, f"Warehouse: {summary.warehouse}",
                      *([f"Report: {summary.report_path}"] if summary.report_path else []),
                      *([f"Data quality: {summary.quality_docs}"] if summary.quality_docs else [])])
    return send(cfg, subject, body)


def run_failed(flow, flow_run, state) -> None:
    """Prefect state hook (on_failure, on_crashed): tell someone the run did not finish."""
    try:
        cfg = load_settings()
    except Exception:  # the flow itself reports bad settings
        return
    if not (cfg.alert_block or cfg.alert_webhook_url):
        return
    message = redact(state.message or state.name or "")
    error = "\n".join(message.strip().splitlines()[:ERROR_LINES])
    subject = f"figures-pipeline run {flow_run.name} {state.name.lower()}"
    body = f"Flow run {flow_run.name} ({flow_run.id}) ended {state.name}: {error}"
    send(cfg, subject, body)


def _logger():
    try:
        return get_run_logger()
    except Exception:  # outside a run (a state hook may be)
        return get_logger("figures.alerts")
