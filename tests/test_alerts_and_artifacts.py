"""What a run tells people: alerts through a Prefect notification block to a webhook, and the
artifacts a person reads in Prefect's UI; each warehouse keeps its own report and docs.

The webhook is a real HTTP server on 127.0.0.1 in the test; the flow runs on Prefect's
temporary API, which the test then reads back (artifacts, logs, the run's name).
"""
from __future__ import annotations

import json
import logging
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
import sqlalchemy as sa

from tests.raw_copies import make_raw_root
from warehouse.folders import warehouse_slug

SECRET = "s3cret-token-7f3a"
PLANTED = ("4,000 yuan (US$620)", "4,000 yuan (US$990)")  # a conversion at a wrong rate


class Receiver(ThreadingHTTPServer):
    """Collects the JSON bodies POSTed to it; a path with /fail in it answers 500."""

    def __init__(self):
        self.messages: list[dict] = []
        super().__init__(("127.0.0.1", 0), _Handler)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"

    def about(self, word: str) -> list[dict]:
        return [m for m in self.messages if word in m["subject"]]


class _Handler(BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        if "/fail" in self.path:
            self.send_response(500)
        else:
            self.server.messages.append({"path": self.path, **json.loads(body)})
            self.send_response(200)
        self.end_headers()

    def log_message(self, *args):  # quiet
        pass


@pytest.fixture(scope="module")
def receiver():
    server = Receiver()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


def flow_run(state):
    from prefect.client.orchestration import get_client

    with get_client(sync_client=True) as client:
        return client.read_flow_run(state.state_details.flow_run_id)


def artifacts_of(state) -> dict:
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import FlowRunFilter, FlowRunFilterId

    with get_client(sync_client=True) as client:
        found = client.read_artifacts(flow_run_filter=FlowRunFilter(
            id=FlowRunFilterId(any_=[state.state_details.flow_run_id])))
    return {a.key: a for a in found}


def logs_of(state) -> list[str]:
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import LogFilter, LogFilterFlowRunId
    from prefect.logging.handlers import APILogWorker

    APILogWorker.drain_all(timeout=10)  # logs reach the API in batches
    with get_client(sync_client=True) as client:
        logs = client.read_logs(log_filter=LogFilter(
            flow_run_id=LogFilterFlowRunId(any_=[state.state_details.flow_run_id])))
    return [log.message for log in logs]


@pytest.fixture(scope="module")
def planted(tmp_path_factory, prefect_harness, receiver):
    """Two articles, one with a conversion the FX table contradicts, run into warehouse A."""
    from flows.pipeline import figures_pipeline

    tmp = tmp_path_factory.mktemp("alerts")
    raw = make_raw_root(tmp, 2)
    article = raw / "articles" / "copy-000.txt"
    text = article.read_text(encoding="utf-8")
    assert PLANTED[0] in text
    article.write_text(text.replace(*PLANTED), encoding="utf-8")
    mp = pytest.MonkeyPatch()
    mp.setenv("RAW_ROOT", str(raw))
    mp.setenv("REPORT_DIR", str(tmp / "report"))
    mp.setenv("QUALITY_DIR", str(tmp / "quality"))
    mp.setenv("ALERT_WEBHOOK_URL", f"{receiver.url}/hooks/{SECRET}?token={SECRET}")
    url = f"sqlite:///{tmp / 'a.db'}"
    state = figures_pipeline(warehouse=url, return_state=True)
    yield {"tmp": tmp, "raw": raw, "url": url, "state": state, "summary": state.result(),
           "engine": sa.create_engine(url), "mp": mp}
    mp.undo()


def not_holding(engine) -> list[tuple[str, str, str]]:
    with engine.connect() as conn:
        return sorted(conn.execute(sa.text(
            "SELECT a.path, f.surface, c.check_type FROM fct_claim_check c "
            "JOIN dim_article a ON a.article_key = c.article_key "
            "JOIN fct_figure f ON f.article_key = c.article_key AND f.seq = c.seq "
            "WHERE c.verdict = 'inconsistent'")).all())


def test_a_claim_that_does_not_hold_is_sent_naming_the_run_and_the_claim(planted, receiver):
    failing = not_holding(planted["engine"])
    planted_only = ({(s, c) for p, s, c in failing if p == "copy-000.txt"}
                    - {(s, c) for p, s, c in failing if p == "copy-001.txt"})
    assert "conversion" in {check for _, check in planted_only}  # the seed's own misses aside
    [message] = receiver.about("not hold")
    run = flow_run(planted["state"])
    assert run.name in message["subject"] and f"etl_run {planted['summary'].run_id}" in message["subject"]
    assert f"{len(failing)} claims do not hold" in message["subject"]
    for path, surface, check in failing:
        assert f"{path}: {surface} ({check})" in message["body"]
    assert message["text"] == f"{message['subject']}\n{message['body']}"
    assert message["path"] == f"/hooks/{SECRET}?token={SECRET}"  # delivered where configured


def test_the_webhook_secret_never_reaches_the_logs_or_artifacts(planted, receiver):
    logs = logs_of(planted["state"])
    assert any(f"alert sent to {receiver.url}/…" in line for line in logs), logs
    assert not any(SECRET in line for line in logs)
    assert not any(SECRET in (a.data if isinstance(a.data, str) else json.dumps(a.data))
                   for a in artifacts_of(planted["state"]).values())


def test_a_table_artifact_gives_each_article_its_figures_rejected_rows_and_failing_claims(planted):
    table = json.loads(artifacts_of(planted["state"])["figures-articles"].data)
    with planted["engine"].connect() as conn:
        figures = dict(conn.execute(sa.text(
            "SELECT a.path, count(*) FROM fct_figure f JOIN dim_article a USING (article_key) "
            "GROUP BY a.path")).all())
        rejected = dict(conn.execute(sa.text(
            "SELECT source_file, count(DISTINCT seq) FROM quarantine GROUP BY source_file")).all())
    by_path = {row["article"]: row for row in table}
    assert set(by_path) == {"copy-000.txt", "copy-001.txt"}
    for path, row in by_path.items():
        assert row["change"] == "new"
        assert row["figures"] == figures[path] + rejected.get(path, 0)  # extracted = loaded + rejected
        assert row["rejected_rows"] == rejected.get(path, 0)
    failing = [path for path, _, _ in not_holding(planted["engine"])]
    for path in by_path:
        assert by_path[path]["claims_not_holding"] == failing.count(path)
    assert failing.count("copy-000.txt") > failing.count("copy-001.txt")  # the planted one
    assert table[0]["article"] == "copy-000.txt"  # problems first


def test_a_table_artifact_lists_the_claims_that_do_not_hold(planted):
    artifact = artifacts_of(planted["state"])["figures-claims-not-holding"]
    claims = json.loads(artifact.data)
    failing = not_holding(planted["engine"])
    assert sorted((c["article"], c["figure"], c["check"]) for c in claims) == failing
    [conversion] = [c for c in claims if c["article"] == "copy-000.txt" and c["check"] == "conversion"]
    assert conversion["figure"] in PLANTED[1] and conversion["explanation"]
    assert conversion["stated"] != conversion["expected"]
    assert artifact.description.startswith(f"{len(failing)} claim(s)")


def test_link_artifacts_point_at_the_report_and_the_data_quality_docs(planted):
    found = artifacts_of(planted["state"])
    summary = planted["summary"]
    report, docs = (Path(p).resolve().as_uri() for p in (summary.report_path, summary.quality_docs))
    assert found["figures-report"].data == f"[HTML report]({report})"
    assert found["figures-data-docs"].data == f"[Data-quality docs]({docs})"
    assert Path(summary.quality_docs).name == "index.html" and Path(summary.quality_docs).is_file()
    assert summary.quality_docs in found["figures-run-summary"].data


def test_two_warehouses_keep_their_own_report_and_data_docs(planted):
    from flows.pipeline import figures_pipeline

    first, other, tmp = planted["summary"], f"sqlite:///{planted['tmp'] / 'b.db'}", planted["tmp"]
    pages = [Path(first.report_path), Path(first.quality_docs)]
    before = [p.read_bytes() for p in pages]
    second = figures_pipeline(warehouse=other)
    assert [p.read_bytes() for p in pages] == before  # the other warehouse's run left them be
    for summary, url in ((first, planted["url"]), (second, other)):
        slug = warehouse_slug(url)
        assert Path(summary.report_path) == tmp / "report" / slug / "index.html"
        assert Path(summary.quality_docs) == tmp / "quality" / slug / "index.html"
        assert url.removeprefix("sqlite:///") in Path(summary.quality_docs).read_text(encoding="utf-8")
    assert warehouse_slug(planted["url"]) != warehouse_slug(other)


def test_a_failed_run_sends_an_alert_naming_the_run_and_the_error(planted, receiver, tmp_path):
    from flows.pipeline import figures_pipeline

    (planted["raw"] / "articles" / "empty.txt").write_bytes(b"")
    try:
        state = figures_pipeline(warehouse=f"sqlite:///{tmp_path / 'c.db'}", strict=True,
                                 return_state=True)
    finally:
        (planted["raw"] / "articles" / "empty.txt").unlink()
    assert state.is_failed()
    run = flow_run(state)
    [message] = [m for m in receiver.about("failed") if run.name in m["subject"]]
    assert "empty.txt" in message["body"] and "--strict" in message["body"]
    assert str(run.id) in message["body"]


def test_a_failed_quality_check_is_sent(receiver, monkeypatch):
    from flows import alerts
    from tasks.config import load_settings
    from tasks.summary import RunSummary

    monkeypatch.setenv("ALERT_WEBHOOK_URL", f"{receiver.url}/hooks/{SECRET}")
    summary = RunSummary(warehouse="sqlite:////tmp/x.db", run_id=41, quality_success=False,
                         quality_docs="/tmp/q/index.html")
    assert alerts.run_problems(load_settings(), summary, "brisk-otter")
    [message] = receiver.about("brisk-otter")
    assert "etl_run 41" in message["subject"] and "Data quality FAILED" in message["subject"]
    assert "/tmp/q/index.html" in message["body"]


def test_an_alert_that_cannot_be_delivered_is_a_warning_without_the_secret(receiver, monkeypatch,
                                                                            caplog):
    from flows import alerts
    from tasks.config import load_settings

    monkeypatch.setenv("ALERT_WEBHOOK_URL", f"{receiver.url}/fail/{SECRET}")
    logger = logging.getLogger("test-alerts")
    with caplog.at_level(logging.INFO, logger="test-alerts"):
        assert not alerts.send(load_settings(), "subject", "body", logger=logger)
    assert caplog.messages == [f"alert not delivered to {receiver.url}/…: HTTPStatusError (HTTP 500)"]


def test_no_alert_setting_sends_nothing(monkeypatch):
    from flows import alerts
    from tasks.config import load_settings

    monkeypatch.delenv("ALERT_WEBHOOK_URL", raising=False)
    monkeypatch.delenv("ALERT_BLOCK", raising=False)
    assert alerts.notifier(load_settings()) is None


def test_a_notification_block_saved_in_prefect_can_take_the_alerts(prefect_harness, receiver,
                                                                  monkeypatch):
    from prefect.blocks.notifications import CustomWebhookNotificationBlock

    from flows import alerts
    from tasks.config import load_settings

    CustomWebhookNotificationBlock(name="team", url=f"{receiver.url}/saved/{SECRET}",
                                   json_data=alerts.PAYLOAD).save("figures-team", overwrite=True)
    monkeypatch.delenv("ALERT_WEBHOOK_URL", raising=False)
    monkeypatch.setenv("ALERT_BLOCK", "custom-webhook/figures-team")
    assert alerts.send(load_settings(), "from a saved block", "body")
    [message] = receiver.about("from a saved block")
    assert message["path"] == f"/saved/{SECRET}"
