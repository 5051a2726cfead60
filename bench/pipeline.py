"""How the pipeline's cost grows with its work: a script that prints numbers, not a test.

    .venv/bin/python bench/pipeline.py                         # 100 / 1,000 / 10,000 articles
    .venv/bin/python bench/pipeline.py --sizes 100,1000 --backends sqlite --no-peers
    .venv/bin/python bench/pipeline.py --profile 1000          # py-spy profiles, then exit
    .venv/bin/python bench/pipeline.py --stages 10000          # the flow's steps in-process, timed
    .venv/bin/python bench/pipeline.py --score 1000            # extractor vs the corpus's gold
    .venv/bin/python bench/pipeline.py --sizes 10000 --backends sqlite --no-peers \
        --no-extraction --run-args "--runner dask --batch-size 500"   # an orchestration experiment

For each corpus size N (bench/corpus.py, seed 7, generated once under --work and reused):

* extraction throughput: `tasks.extract.parse_figures` over every article, one process,
  timing only the calls (furniture spans computed beforehand, as the flow does);
* `figures run` end to end as a subprocess (RAW_ROOT = the corpus, `--warehouse URL`) into a
  fresh SQLite file and into a fresh PostgreSQL schema (WAREHOUSE_SCHEMA, dropped after):
  wall time, peak resident memory of the CLI process (wait4 rusage) and of its whole process
  tree (the Prefect server it starts included, sampled every 0.1 s);
* a second `figures run` with nothing new;
* where the wall time goes, from Prefect's own records of that run (its ephemeral server
  keeps them in PREFECT_HOME/prefect.db): process start-up and shutdown, the flow body
  outside tasks, each step's task runs, and the CLI's peak RSS during each step;
* the growth exponent b of time ~ N^b (least squares on log-log over the sizes);
* the throughput of quantulum3 and recognizers-text-suite (their own venv,
  bench/.venv-peers) on a sample of the same text, as ratios to ours on that sample.

Prefect runs against a bench-only PREFECT_HOME, warmed up once before anything is timed,
so no measurement pays for creating Prefect's database.
"""
from __future__ import annotations

import argparse
import csv
import hashlib
import json
import math
import os
import re
import sqlite3
import subprocess
import sys
import threading
import time
from datetime import datetime, timezone
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT_ROOT))

VENV_BIN = PROJECT_ROOT / ".venv" / "bin"
PEERS_PY = PROJECT_ROOT / "bench" / ".venv-peers" / "bin" / "python"
PG_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
SCORER = Path("/work/shared/bench/score.py")


# ---------------------------------------------------------------- corpus

def _stamp(tables: Path) -> str:
    """What a corpus depends on: the generator and the curated tables it copies."""
    h = hashlib.sha256((PROJECT_ROOT / "bench" / "corpus.py").read_bytes())
    for p in sorted(tables.glob("*.csv")):
        h.update(p.name.encode() + p.read_bytes())
    return h.hexdigest()


def ensure_corpus(n: int, seed: int, work: Path, tables: Path | None = None) -> Path:
    """The corpus of n articles under work/, regenerated only when its inputs changed."""
    from bench.corpus import DEFAULT_TABLES, write_corpus

    tables = tables or DEFAULT_TABLES
    root = work / f"corpus-{n}"
    stamp = f"{_stamp(tables)} n={n} seed={seed}"
    stamp_file = root / "STAMP"
    if stamp_file.is_file() and stamp_file.read_text() == stamp:
        return root
    t0 = time.perf_counter()
    stats = write_corpus(n, seed, root, tables, root / "gold.jsonl")
    stamp_file.write_text(stamp)
    print(f"  corpus {n:,}: {stats['bytes'] / 1e6:.1f} MB, {stats['figures']:,} gold figures, "
          f"generated in {time.perf_counter() - t0:.1f} s")
    return root


def iter_articles(root: Path):
    """(path, text, pub_date) per article, one at a time."""
    pub = {}
    with (root / "tables" / "articles.csv").open(encoding="utf-8-sig", newline="") as fh:
        for row in csv.DictReader(fh):
            pub[row["path"]] = row["pub_date"] or None
    for p in sorted((root / "articles").glob("*.txt")):
        yield p, p.read_text(encoding="utf-8"), pub.get(p.name)


def _table_rows(root: Path, name: str) -> list[dict]:
    path = root / "tables" / name
    if not path.is_file():
        return []
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


# ---------------------------------------------------------------- extraction in-process

def extraction_throughput(root: Path, max_bytes: int | None = None) -> dict:
    """parse_figures over the corpus (or its first max_bytes), timing only the calls."""
    from tasks.extract import metrics_from_rows, parse_figures, regions_from_rows
    from tasks.furniture import furniture_spans

    regions = regions_from_rows(_table_rows(root, "regions.csv"))
    metrics = metrics_from_rows(_table_rows(root, "metrics.csv"))
    parse_figures("Warm-up: 4,000 yuan (US$620) in 2019.", "2020", regions=regions, metrics=metrics)
    nbytes = nchars = nfig = narticles = 0
    spent = 0.0
    for _, text, pub in iter_articles(root):
        ignore = furniture_spans(text)
        t0 = time.perf_counter()
        figs = parse_figures(text, pub, regions=regions, metrics=metrics, ignore=ignore)
        spent += time.perf_counter() - t0
        nbytes += len(text.encode("utf-8"))
        nchars += len(text)
        nfig += len(figs)
        narticles += 1
        if max_bytes and nbytes >= max_bytes:
            break
    return {"articles": narticles, "bytes": nbytes, "chars": nchars, "figures": nfig,
            "seconds": spent, "mb_per_s": nbytes / 1e6 / spent if spent else float("nan")}


def sample_texts(root: Path, max_bytes: int) -> list[dict]:
    out, total = [], 0
    for p, text, pub in iter_articles(root):
        out.append({"id": p.name, "text": text, "pub_date": pub})
        total += len(text.encode("utf-8"))
        if total >= max_bytes:
            break
    return out


def score(root: Path, work: Path, errors: int = 0) -> str:
    """Predict the corpus's gold documents with parse_figures and score them with score.py."""
    from tasks.extract import metrics_from_rows, parse_figures, regions_from_rows
    from tasks.furniture import furniture_spans

    regions = regions_from_rows(_table_rows(root, "regions.csv"))
    metrics = metrics_from_rows(_table_rows(root, "metrics.csv"))
    pred = work / f"predictions-{root.name}.jsonl"
    with (root / "gold.jsonl").open(encoding="utf-8") as gold, pred.open("w", encoding="utf-8") as out:
        for line in gold:
            doc = json.loads(line)
            text = doc["text"]
            for f in parse_figures(text, doc["pub_date"], regions=regions, metrics=metrics,
                                   ignore=furniture_spans(text)):
                out.write(json.dumps({"id": doc["id"], "start": f.start, "end": f.end, "text": f.surface,
                                      "kind": f.kind, "value": float(f.value), "unit": f.unit,
                                      "qualifier": f.qualifier, "period_start": f.period_start,
                                      "period_end": f.period_end, "region": f.region,
                                      "metric": f.metric}, ensure_ascii=False) + "\n")
    cmd = [sys.executable, str(SCORER), str(root / "gold.jsonl"), str(pred)]
    if errors:
        cmd += ["--errors", str(errors)]
    return subprocess.run(cmd, capture_output=True, text=True, check=True).stdout


# ---------------------------------------------------------------- peers (own venv)

PEER_SCRIPT = r"""
import json, sys, time, warnings
warnings.filterwarnings("ignore")
which, budget = sys.argv[1], float(sys.argv[2])
docs = json.load(sys.stdin)
if which == "quantulum3":
    from quantulum3 import parser
    run = lambda t: parser.parse(t)
else:
    from recognizers_text import Culture
    from recognizers_number import NumberRecognizer
    from recognizers_number_with_unit import NumberWithUnitRecognizer
    nr, ur = NumberRecognizer(Culture.English), NumberWithUnitRecognizer(Culture.English)
    models = [nr.get_number_model(), nr.get_percentage_model(),
              ur.get_currency_model(), ur.get_dimension_model()]
    run = lambda t: [m.parse(t) for m in models]
run("Warm-up: 4,000 yuan (US$620) and 5 per cent in 2019.")
n = b = found = 0
t0 = time.perf_counter()
for d in docs:
    r = run(d["text"])
    found += len(r) if which == "quantulum3" else sum(len(x) for x in r)
    n += 1
    b += len(d["text"].encode("utf-8"))
    if time.perf_counter() - t0 > budget:
        break
s = time.perf_counter() - t0
print(json.dumps({"articles": n, "bytes": b, "seconds": s, "found": found, "mb_per_s": b / 1e6 / s}))
"""


def peer_throughput(which: str, docs: list[dict], budget_s: float) -> dict:
    if not PEERS_PY.exists():
        return {"error": f"{PEERS_PY} missing"}
    proc = subprocess.run([str(PEERS_PY), "-c", PEER_SCRIPT, which, str(budget_s)],
                          input=json.dumps(docs), capture_output=True, text=True)
    if proc.returncode != 0:
        return {"error": proc.stderr.strip().splitlines()[-1] if proc.stderr.strip() else "failed"}
    return json.loads(proc.stdout.strip().splitlines()[-1])


# ---------------------------------------------------------------- end to end

def _tree_rss(pid: int) -> tuple[int, int]:
    """(RSS of pid, RSS of pid and all its descendants), bytes."""
    import psutil
    try:
        p = psutil.Process(pid)
        own = p.memory_info().rss
        total = own
        for c in p.children(recursive=True):
            try:
                total += c.memory_info().rss
            except psutil.Error:
                pass
        return own, total
    except psutil.Error:
        return 0, 0


RUN_ARGS: list[str] = []  # extra `figures run` arguments (--run-args), e.g. --batch-size 500


def run_figures(root: Path, url: str, env_extra: dict, work: Path, label: str) -> dict:
    """One `figures run` subprocess: wall time, peak RSS, exit code, the summary it printed."""
    env = {**os.environ, "RAW_ROOT": str(root), "PREFECT_HOME": str(work / "prefect-home"),
           "QUALITY_DIR": str(work / "quality" / label), "REPORT_DIR": str(work / "report" / label),
           "PREFECT_SERVER_ANALYTICS_ENABLED": "false", "DO_NOT_TRACK": "1",
           "PREFECT_LOGGING_LEVEL": "WARNING", "COLUMNS": "200", **env_extra}
    env.pop("WAREHOUSE_URL", None)
    cmd = [str(VENV_BIN / "figures"), "run", "--warehouse", url, *RUN_ARGS]
    log = work / "logs" / f"{label}.log"
    log.parent.mkdir(parents=True, exist_ok=True)
    peak = {"own": 0, "tree": 0}
    timeline: list[tuple[float, int]] = []  # (epoch seconds, RSS of the CLI process)
    with log.open("w") as out:
        t0 = time.perf_counter()
        started = datetime.now(timezone.utc)
        proc = subprocess.Popen(cmd, cwd=work, env=env, stdout=out, stderr=subprocess.STDOUT)
        done = threading.Event()

        def sample():
            while not done.is_set():
                own, tree = _tree_rss(proc.pid)
                peak["own"], peak["tree"] = max(peak["own"], own), max(peak["tree"], tree)
                timeline.append((time.time(), own))
                done.wait(0.1)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - t0
        done.set()
        sampler.join()
        proc.returncode = os.waitstatus_to_exitcode(status)
    text = log.read_text(errors="replace")
    return {"label": label, "wall_s": wall, "rc": proc.returncode, "started": started,
            "maxrss_mb": usage.ru_maxrss / 1024, "tree_rss_mb": peak["tree"] / 2**20,
            "cpu_s": usage.ru_utime + usage.ru_stime, "log": str(log), "timeline": timeline,
            "tail": [ln for ln in text.splitlines() if ln.strip()][-14:]}


def _union(intervals: list[tuple[float, float]]) -> tuple[float, list[tuple[float, float]]]:
    """Total length and merged pieces of possibly overlapping intervals."""
    merged: list[list[float]] = []
    for s, e in sorted(intervals):
        if merged and s <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], e)
        else:
            merged.append([s, e])
    return sum(e - s for s, e in merged), [(s, e) for s, e in merged]


def prefect_breakdown(work: Path, started: datetime, timeline: list[tuple[float, int]] = ()) -> dict:
    """Flow and task-run durations of the flow run that started after `started`.

    Batched tasks run concurrently (threads), so per task name the wall time is the union of
    its runs' intervals, not their sum; the peak RSS of the CLI process inside those
    intervals says which step holds the memory.
    """
    db = work / "prefect-home" / "prefect.db"
    if not db.is_file():
        return {}
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=30)
    try:
        row = con.execute(
            "SELECT id, start_time, end_time FROM flow_run WHERE start_time >= ? "
            "ORDER BY start_time ASC LIMIT 1",
            (started.strftime("%Y-%m-%d %H:%M:%S"),)).fetchone()
        if not row or not row[1] or not row[2]:
            return {}
        flow_id, fs, fe = row
        tasks = con.execute("SELECT name, start_time, end_time FROM task_run WHERE flow_run_id = ? "
                            "AND start_time IS NOT NULL AND end_time IS NOT NULL", (flow_id,)).fetchall()
    finally:
        con.close()
    # Prefect stores naive UTC timestamps
    def ts(s):
        return datetime.fromisoformat(s).replace(tzinfo=timezone.utc).timestamp()

    union, _ = _union([(ts(s), ts(e)) for _, s, e in tasks])
    by_name: dict[str, list[tuple[float, float]]] = {}
    for name, s, e in tasks:
        by_name.setdefault(name.rsplit("-", 1)[0], []).append((ts(s), ts(e)))
    # Batched tasks are chained per batch and submitted at once, so their intervals overlap
    # (a downstream task's run starts while it waits for its upstream future): one phase.
    batched = [n for n, ivs in by_name.items() if len(ivs) > 1]
    if batched:
        by_name = {**{n: ivs for n, ivs in by_name.items() if n not in batched},
                   "batches (" + " + ".join(batched) + ")": [iv for n in batched for iv in by_name[n]]}
    phases = {}
    for name, ivs in by_name.items():
        wall, pieces = _union(ivs)
        rss = [r for t, r in timeline if any(a <= t <= b for a, b in pieces)]
        phases[name] = {"wall_s": wall, "runs": len(ivs), "cpu_sum_s": sum(e - s for s, e in ivs),
                        "peak_rss_mb": max(rss) / 2**20 if rss else None}
    return {"flow_s": ts(fe) - ts(fs), "tasks_union_s": union, "task_runs": len(tasks),
            "phases": dict(sorted(phases.items(), key=lambda kv: -kv[1]["wall_s"]))}


def pg_schema(action: str, schema: str) -> None:
    import psycopg
    with psycopg.connect("postgresql://postgres@127.0.0.1:5432/test", autocommit=True) as con:
        if action == "create":
            con.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')
            con.execute(f'CREATE SCHEMA "{schema}"')
        else:
            con.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')


def end_to_end(root: Path, n: int, backend: str, work: Path) -> dict:
    if backend == "sqlite":
        db = work / f"warehouse-{n}.db"
        for suffix in ("", "-wal", "-shm"):
            Path(f"{db}{suffix}").unlink(missing_ok=True)
        url, env, schema = f"sqlite:///{db}", {}, None
    else:
        schema = f"nfbench_{os.getpid()}_{n}"
        pg_schema("create", schema)
        url, env = PG_URL, {"WAREHOUSE_SCHEMA": schema}
    try:
        first = run_figures(root, url, env, work, f"{backend}-{n}-first")
        first["prefect"] = prefect_breakdown(work, first["started"], first.pop("timeline"))
        second = run_figures(root, url, env, work, f"{backend}-{n}-again")
        second["prefect"] = prefect_breakdown(work, second["started"], second.pop("timeline"))
        if second["prefect"].get("flow_s") is not None and second["prefect"]["flow_s"] < 0:
            second["prefect"] = {}
    finally:
        if schema:
            pg_schema("drop", schema)
    return {"first": first, "again": second}


# ---------------------------------------------------------------- stages in-process

def stages(root: Path, n: int, work: Path) -> dict:
    """The flow's steps run in this process, without Prefect, each timed, into a fresh SQLite.

    Uses the task bodies themselves (`flows.steps.<task>.fn`) and the flow body's glue, so
    the sum is "our code" and `figures run` minus it is orchestration and process start-up.
    """
    import resource

    from flows import steps
    from tasks.extract import EXTRACTOR_VERSION
    from tasks.plan import batches
    from tasks.process_batch import CuratedInputs
    from tasks.read_raw import article_frame, list_articles, table_hashes
    from tasks.spool import Spool
    from warehouse.changes import select_changed
    from warehouse.engine import Warehouse

    db = work / f"stages-{n}.db"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    url, articles_dir, tables_dir = f"sqlite:///{db}", root / "articles", root / "tables"
    wh = Warehouse(url)
    out: dict[str, dict] = {}

    def step(name, fn):
        t0 = time.perf_counter()
        value = fn()
        out[name] = {"s": time.perf_counter() - t0,
                     "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}
        return value

    tables = step("read + validate tables", lambda: steps.read_tables.fn(tables_dir))
    raw = step("read articles", lambda: steps.read_articles.fn(list_articles(articles_dir), articles_dir, 5_000_000))
    step("migrate", lambda: steps.upgrade.fn(wh))
    loaded = step("loaded articles", lambda: steps.loaded_articles.fn(wh))
    run_id = step("start run", lambda: steps.start_run.fn(wh, "", table_hashes(tables_dir), EXTRACTOR_VERSION))
    todo, _ = select_changed(raw, loaded, EXTRACTOR_VERSION, False)
    meta = step("article frame", lambda: article_frame(todo, tables["articles.csv"]))
    pub_dates = dict(zip(meta["article_hash"], meta["pub_date"]))
    curated = CuratedInputs.from_tables(tables)
    spool = Spool()
    counts = {"figures": 0, "rejected": 0, "checks": 0}

    def process_all():
        for b in batches(todo, 200):
            r = steps.process_batch.fn(b, {a.article_hash: pub_dates[a.article_hash] for a in b}, curated)
            spool.append((r.figures, r.checks, r.rejected))
            counts["figures"] += len(r.figures)
            counts["rejected"] += len(r.rejected)
            counts["checks"] += len(r.checks)

    step("extract + normalise + validate + claim checks (batches of 200, spooled)", process_all)
    step("load", lambda: steps.load_run.fn(wh, run={"run_id": run_id}, articles=meta,
                                           batches=spool, tables=tables,
                                           extractor_version=EXTRACTOR_VERSION))
    spool.close()
    step("quality checkpoint", lambda: steps.check_quality.fn(wh, run_id, work / "quality" / f"stages-{n}"))
    step("finish run", lambda: steps.finish_run.fn(wh, run_id, "succeeded", {}))
    if hasattr(steps, "build_report"):
        step("report", lambda: steps.build_report.fn(wh, work / "report" / f"stages-{n}",
                                                     work / "quality" / f"stages-{n}"))
    return {"stages": out, **counts}


# ---------------------------------------------------------------- reporting

def exponent(ns: list[int], ts: list[float]) -> float | None:
    pts = [(math.log(n), math.log(t)) for n, t in zip(ns, ts) if t and t > 0]
    if len(pts) < 2:
        return None
    mx = sum(x for x, _ in pts) / len(pts)
    my = sum(y for _, y in pts) / len(pts)
    sxx = sum((x - mx) ** 2 for x, _ in pts)
    return sum((x - mx) * (y - my) for x, y in pts) / sxx if sxx else None


def machine() -> dict:
    cpu = next((ln.split(":", 1)[1].strip() for ln in Path("/proc/cpuinfo").read_text().splitlines()
                if ln.startswith("model name")), "?")
    mem_kb = next(int(ln.split()[1]) for ln in Path("/proc/meminfo").read_text().splitlines()
                  if ln.startswith("MemTotal"))
    return {"nproc": os.cpu_count(), "cpu": cpu, "ram_gb": round(mem_kb / 2**20, 1),
            "python": sys.version.split()[0], "date": datetime.now(timezone.utc).isoformat(timespec="seconds"),
            # the machine is shared: other processes' load makes every number here noisier
            "loadavg_at_start": os.getloadavg()}


def fmt(x, spec=".2f", none="–"):
    return none if x is None or (isinstance(x, float) and math.isnan(x)) else format(x, spec)


def print_report(res: dict) -> None:
    m = res["machine"]
    print(f"\nmachine: {m['nproc']} cores, {m['cpu']}, {m['ram_gb']} GB RAM, Python {m['python']}; {m['date']}; "
          f"load average at start {m['loadavg_at_start'][0]:.2f}, at end {os.getloadavg()[0]:.2f}")
    print(f"command: {res['command']}\n")
    print("| N | MB | figures | extract MB/s | extract s | backend | 1st run s | CPU s of CLI | peak RSS CLI / tree MB "
          "| startup+exit s | flow outside tasks s | tasks s | our share | re-run s | re-run RSS MB | rc |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    for n, r in sorted(res["sizes"].items(), key=lambda kv: int(kv[0])):
        ex = r["extract"]
        for backend, e in r.get("e2e", {}).items():
            f, a, p = e["first"], e["again"], e["first"].get("prefect", {})
            startup = f["wall_s"] - p["flow_s"] if p else None
            outside = p["flow_s"] - p["tasks_union_s"] if p else None
            share = p["tasks_union_s"] / f["wall_s"] if p else None
            print(f"| {int(n):,} | {ex['bytes'] / 1e6:.1f} | {ex['figures']:,} | {ex['mb_per_s']:.2f} | "
                  f"{ex['seconds']:.1f} | {backend} | {f['wall_s']:.1f} | {f['cpu_s']:.0f} | {f['maxrss_mb']:.0f} / {f['tree_rss_mb']:.0f} | "
                  f"{fmt(startup, '.1f')} | {fmt(outside, '.1f')} | {fmt(p.get('tasks_union_s'), '.1f')} | "
                  f"{fmt(share and share * 100, '.0f')}% | {a['wall_s']:.1f} | {a['maxrss_mb']:.0f} | {f['rc']}/{a['rc']} |")
        if not r.get("e2e"):
            print(f"| {int(n):,} | {ex['bytes'] / 1e6:.1f} | {ex['figures']:,} | {ex['mb_per_s']:.2f} | "
                  f"{ex['seconds']:.1f} | – | | | | | | | | | | |")
    print("\nsteps of the first run (wall time of the step's task runs; the batched chains overlap, "
          "so they are one phase; peak RSS of the CLI process meanwhile):")
    for n, r in sorted(res["sizes"].items(), key=lambda kv: int(kv[0])):
        for backend, e in r.get("e2e", {}).items():
            ph = e["first"].get("prefect", {}).get("phases", {})
            if ph:
                print(f"  {backend} N={int(n):,}: " + ", ".join(
                    f"{k} {v['wall_s']:.1f} s" + (f" ({v['peak_rss_mb']:.0f} MB)" if v["peak_rss_mb"] else "")
                    for k, v in ph.items() if v["wall_s"] >= 0.05))
    if res.get("incremental"):
        inc, run = res["incremental"], res["incremental"]["run"]
        print(f"\n{inc['new_articles']} new articles into the SQLite warehouse of {inc['warehouse_articles']:,}: "
              f"{run['wall_s']:.1f} s (rc {run['rc']}), CPU {run['cpu_s']:.0f} s, peak RSS {run['maxrss_mb']:.0f} MB; "
              + ", ".join(f"{k.split(' (')[0]} {v['wall_s']:.1f} s"
                          for k, v in run.get("prefect", {}).get("phases", {}).items() if v["wall_s"] >= 0.05))
    print("\ngrowth exponent b (time ~ N^b):")
    for name, b in res["exponents"].items():
        print(f"  {name}: {fmt(b, '.2f')}")
    if res.get("peers"):
        pr = res["peers"]
        ours = pr["ours"]
        print(f"\npeers on the same {ours['bytes'] / 1e3:.0f} KB sample ({ours['articles']} articles):")
        print(f"  newsfigures: {ours['mb_per_s']:.3f} MB/s ({ours['figures']:,} figures)")
        for peer in ("quantulum3", "recognizers-text-suite"):
            p = pr.get(peer, {})
            if "error" in p:
                print(f"  {peer}: error: {p['error']}")
            elif p:
                print(f"  {peer}: {p['mb_per_s']:.4f} MB/s on {p['bytes'] / 1e3:.0f} KB "
                      f"({p['found']:,} matches) -> ours is {ours['mb_per_s'] / p['mb_per_s']:.0f}x")


# ---------------------------------------------------------------- profiles

def profile(n: int, seed: int, work: Path, tables: Path | None = None) -> None:
    """py-spy: the extractor alone, and `figures run` end to end (SQLite), at n articles."""
    root = ensure_corpus(n, seed, work, tables)
    spy = VENV_BIN / "py-spy"
    out = work / "profiles"
    out.mkdir(parents=True, exist_ok=True)
    ext = out / f"extract-{n}.txt"
    subprocess.run([str(spy), "record", "--rate", "250", "--format", "raw", "-o", str(ext), "--",
                    sys.executable, __file__, "--extract-only", str(root)], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    db = work / f"profile-{n}.db"
    db.unlink(missing_ok=True)
    e2e = out / f"e2e-{n}.txt"
    env = {**os.environ, "RAW_ROOT": str(root), "PREFECT_HOME": str(work / "prefect-home"),
           "QUALITY_DIR": str(work / "quality" / "profile"), "REPORT_DIR": str(work / "report" / "profile"),
           "PREFECT_SERVER_ANALYTICS_ENABLED": "false", "DO_NOT_TRACK": "1"}
    subprocess.run([str(spy), "record", "--rate", "250", "--subprocesses", "--format", "raw", "-o",
                    str(e2e), "--", str(VENV_BIN / "figures"), "run", "--warehouse", f"sqlite:///{db}"],
                   check=True, env=env, cwd=work, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for path in (ext, e2e):
        print(f"\n=== {path}")
        summarise_profile(path)


# Leaf frames of a thread that is waiting, not working (py-spy samples every thread).
IDLE_LEAVES = ("_worker (concurrent/futures/thread.py)", "Condition.wait (threading.py)",
               "EpollSelector.select (selectors.py)", "Event.wait (threading.py)",
               "Thread._wait_for_tstate_lock (threading.py)", "_connection_worker_thread (aiosqlite/core.py)",
               "ThreadLock.__enter__ (httpcore/_synchronization.py)", "select (selectors.py)",
               "BaseSelectorEventLoop.select (asyncio/selector_events.py)", "Queue.get (queue.py)",
               "_wait_for_tstate_lock (threading.py)", "sleep (time.py)")


def _category(frames: list[str]) -> str:
    """Where a working sample's time goes: our step code, imports, or orchestration."""
    joined = ";".join(frames)
    if "flows/steps.py" in joined:
        return "our steps (flows/steps.py task bodies and the libraries they call)"
    if "_find_and_load" in joined:
        return "imports"
    if re.search(r"\((?:tasks|warehouse|schemas|report)/", joined):
        return "our code outside tasks (flow body glue)"
    return "orchestration (Prefect client, server, CLI, threads)"


def summarise_profile(path: Path, top: int = 25) -> None:
    """Self and inclusive shares per function from py-spy's collapsed stacks (idle excluded)."""
    self_t: dict[str, int] = {}
    incl: dict[str, int] = {}
    by_proc: dict[str, int] = {}
    by_cat: dict[str, int] = {}
    total = idle = 0
    for line in path.read_text(errors="replace").splitlines():
        stack, _, count = line.rpartition(" ")
        if not stack or not count.isdigit():
            continue
        c = int(count)
        frames = stack.split(";")
        proc = frames[0] if frames[0].startswith("process ") else "main"
        # one entry per function, not per line: "name (file.py:123)" -> "name (file.py)"
        frames = [_short(re.sub(r":\d+\)$", ")", f)) for f in frames
                  if not f.startswith(("process ", "thread "))]
        if not frames or frames[-1] in IDLE_LEAVES:
            idle += c
            continue
        total += c
        by_proc[proc[:90]] = by_proc.get(proc[:90], 0) + c
        cat = _category(frames)
        by_cat[cat] = by_cat.get(cat, 0) + c
        self_t[frames[-1]] = self_t.get(frames[-1], 0) + c
        for f in set(frames):
            incl[f] = incl.get(f, 0) + c
    if not total:
        print("no working samples")
        return
    print(f"{total} working samples ({idle} idle-thread samples left out)")
    for p, c in sorted(by_proc.items(), key=lambda kv: -kv[1])[:6]:
        print(f"  {100 * c / total:5.1f}%  {p}")
    print("by category:")
    for p, c in sorted(by_cat.items(), key=lambda kv: -kv[1]):
        print(f"  {100 * c / total:5.1f}%  {p}")
    print("self time:")
    for f, c in sorted(self_t.items(), key=lambda kv: -kv[1])[:top]:
        print(f"  {100 * c / total:5.1f}%  {_short(f)}")
    print("inclusive (our code: tasks/, flows/, warehouse/, schemas/, report/):")
    ours = [(f, c) for f, c in incl.items()
            if re.search(r"\((?:tasks|flows|warehouse|schemas|report)/", f)]
    for f, c in sorted(ours, key=lambda kv: -kv[1])[:top]:
        print(f"  {100 * c / total:5.1f}%  {_short(f)}")


def _short(frame: str) -> str:
    site = str(PROJECT_ROOT / ".venv" / "lib" / "python3.11" / "site-packages") + "/"
    return re.sub(r"\(/usr/[^()]*?/python3\.11/", "(", frame.replace(site, "").replace(str(PROJECT_ROOT) + "/", ""))


# ---------------------------------------------------------------- main

def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="100,1000,10000", help="comma-separated article counts")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--work", type=Path, default=Path("/tmp/newsfigures-bench"),
                    help="corpora, warehouses, Prefect home and logs go here")
    ap.add_argument("--backends", default="sqlite,postgresql")
    ap.add_argument("--tables", type=Path, help="curated tables to copy into each corpus (default raw/tables)")
    ap.add_argument("--no-peers", action="store_true")
    ap.add_argument("--no-extraction", action="store_true", help="skip the in-process extraction timing")
    ap.add_argument("--incremental", type=int, default=100, metavar="K",
                    help="after the largest size, time K new articles into its SQLite warehouse (0: skip)")
    ap.add_argument("--run-args", default="", help='extra `figures run` arguments, e.g. "--batch-size 500"')
    ap.add_argument("--peer-sample-kb", type=int, default=200)
    ap.add_argument("--peer-budget-s", type=float, default=90, help="stop a peer after this long")
    ap.add_argument("--json", type=Path, help="also write the raw results here")
    ap.add_argument("--profile", type=int, metavar="N", help="profile at N articles with py-spy, then exit")
    ap.add_argument("--score", type=int, metavar="N",
                    help="score the extractor on the gold of the N-article corpus (score.py), then exit")
    ap.add_argument("--errors", type=int, default=0, help="with --score: show errors of this many documents")
    ap.add_argument("--stages", type=int, metavar="N",
                    help="time the flow's steps in-process (no Prefect) at N articles, then exit")
    ap.add_argument("--extract-only", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)

    if args.extract_only:  # the profiled child of --profile
        print(json.dumps(extraction_throughput(args.extract_only)))
        return
    args.work.mkdir(parents=True, exist_ok=True)
    if args.score:
        print(score(ensure_corpus(args.score, args.seed, args.work, args.tables), args.work, args.errors))
        return
    if args.stages:
        res = stages(ensure_corpus(args.stages, args.seed, args.work, args.tables), args.stages, args.work)
        print(f"N = {args.stages:,}: {res['figures']:,} figures, {res['rejected']:,} rejected, {res['checks']:,} checks")
        for name, st in res["stages"].items():
            print(f"  {name:28s} {st['s']:8.2f} s   peak RSS so far {st['peak_rss_mb']:6.0f} MB")
        print(f"  {'total':28s} {sum(st['s'] for st in res['stages'].values()):8.2f} s")
        return
    if args.profile:
        profile(args.profile, args.seed, args.work, args.tables)
        return

    RUN_ARGS[:] = args.run_args.split()
    sizes = sorted(int(s) for s in args.sizes.split(","))
    backends = [b for b in args.backends.split(",") if b]
    if "postgresql" in backends:
        probe = f"nfbench_probe_{os.getpid()}"
        try:
            pg_schema("create", probe)
            pg_schema("drop", probe)
        except Exception as exc:  # no server: measure what can be measured, say what was not
            print(f"PostgreSQL at {PG_URL} is not usable ({type(exc).__name__}: {exc}); skipping it")
            backends.remove("postgresql")
    res = {"machine": machine(), "command": " ".join([sys.executable, *sys.argv]),
           "sizes": {}, "exponents": {}}
    print("corpora:")
    roots = {n: ensure_corpus(n, args.seed, args.work, args.tables) for n in sizes}

    if backends:  # one discarded run so no timed run pays for Prefect's database creation
        print("warming up Prefect (discarded run)...")
        tiny = ensure_corpus(10, args.seed, args.work, args.tables)
        for suffix in ("", "-wal", "-shm"):
            Path(f"{args.work / 'warmup.db'}{suffix}").unlink(missing_ok=True)
        warm = run_figures(tiny, f"sqlite:///{args.work / 'warmup.db'}", {}, args.work, "warmup")
        (args.work / "warmup.db").unlink(missing_ok=True)
        print(f"  warm-up run: {warm['wall_s']:.1f} s, rc {warm['rc']}")

    for n in sizes:
        print(f"N = {n:,}: extraction...", flush=True)
        if args.no_extraction:
            nbytes = sum(p.stat().st_size for p in (roots[n] / "articles").glob("*.txt"))
            ex = {"articles": n, "bytes": nbytes, "chars": None, "figures": 0, "seconds": float("nan"),
                  "mb_per_s": float("nan")}
        else:
            ex = extraction_throughput(roots[n])
        r = res["sizes"][n] = {"extract": ex, "e2e": {}}
        print(f"  {r['extract']['mb_per_s']:.2f} MB/s, {r['extract']['figures']:,} figures")
        for backend in backends:
            print(f"  figures run into {backend}...", flush=True)
            e = r["e2e"][backend] = end_to_end(roots[n], n, backend, args.work)
            print(f"    first {e['first']['wall_s']:.1f} s (rc {e['first']['rc']}), "
                  f"again {e['again']['wall_s']:.1f} s (rc {e['again']['rc']}), "
                  f"peak RSS {e['first']['maxrss_mb']:.0f} MB")
            if e["first"]["rc"] or e["again"]["rc"]:
                print("    FAILED; last lines of " + e["first"]["log"] + ":\n      "
                      + "\n      ".join(e["first"]["tail"] + ["--- again:"] + e["again"]["tail"]))

    if args.incremental and "sqlite" in backends:
        # k new articles into the warehouse the largest run left: what a scheduled run costs.
        # Article i depends only on (seed, i), so corpus N+k is corpus N plus k new articles.
        n, k = sizes[-1], args.incremental
        print(f"{k} new articles into the SQLite warehouse of {n:,}...", flush=True)
        root = ensure_corpus(n + k, args.seed, args.work, args.tables)
        inc = run_figures(root, f"sqlite:///{args.work / f'warehouse-{n}.db'}", {}, args.work,
                          f"sqlite-{n}-plus-{k}")
        inc["prefect"] = prefect_breakdown(args.work, inc["started"], inc.pop("timeline"))
        res["incremental"] = {"warehouse_articles": n, "new_articles": k, "run": inc}
        print(f"  {inc['wall_s']:.1f} s (rc {inc['rc']}), CPU {inc['cpu_s']:.0f} s, peak RSS {inc['maxrss_mb']:.0f} MB; "
              + ", ".join(f"{name.split(' (')[0]} {v['wall_s']:.1f} s"
                          for name, v in inc["prefect"].get("phases", {}).items() if v["wall_s"] >= 0.05))

    ex = res["exponents"]

    def both(name, ns, ts):  # all sizes, and the two largest (fixed costs matter least there)
        ex[f"{name}, all sizes"] = exponent(ns, ts)
        if len(ns) > 2:
            ex[f"{name}, {ns[-2]:,} -> {ns[-1]:,}"] = exponent(ns[-2:], ts[-2:])

    both("extraction time", sizes, [res["sizes"][n]["extract"]["seconds"] for n in sizes])
    for backend in backends:
        ok = [n for n in sizes if not res["sizes"][n]["e2e"][backend]["first"]["rc"]]
        runs = [res["sizes"][n]["e2e"][backend] for n in ok]
        both(f"{backend} first run, wall", ok, [r["first"]["wall_s"] for r in runs])
        both(f"{backend} first run, flow only", ok, [r["first"].get("prefect", {}).get("flow_s") for r in runs])
        both(f"{backend} first run, CPU of the CLI process", ok, [r["first"]["cpu_s"] for r in runs])
        both(f"{backend} re-run, wall", ok, [r["again"]["wall_s"] for r in runs])

    if not args.no_peers:
        print("peers...", flush=True)
        root = roots[1000] if 1000 in roots else roots[sizes[-1]]
        docs = sample_texts(root, args.peer_sample_kb * 1000)
        ours = extraction_throughput(root, max_bytes=args.peer_sample_kb * 1000)
        res["peers"] = {"ours": ours,
                        "quantulum3": peer_throughput("quantulum3", docs, args.peer_budget_s),
                        "recognizers-text-suite": peer_throughput("recognizers", docs, args.peer_budget_s)}

    print_report(res)
    if args.json:
        args.json.write_text(json.dumps(res, indent=1, default=str))


if __name__ == "__main__":
    main()
