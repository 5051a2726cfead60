"""Benchmark: our figure extractor against two peers on the shared development sets.

Prints, per development set and per system, F1 overall and per kind (money / percent /
quantity), period and region accuracy (from ``../shared/bench/score.py``), the share of figures
left unclassified (no lexicon metric: the text's own words or none), and throughput in
characters per second and in MB (UTF-8) per second of text, single process, model loading excluded. A benchmark, not a test.

Recognizers-Text reads each document in its Chinese culture where Han characters are most of
its letters (dev_zh), in its English culture otherwise.

Peers (kept out of the project's dependencies, in their own virtual environment):

    python3 -m venv bench/.venv-peers
    bench/.venv-peers/bin/pip install "quantulum3==0.10.*" "scikit-learn==1.8.0" \\
        "recognizers-text-suite==1.0.2a2" "emoji<1.0" "stemming==1.0.1"
    # pins: quantulum3 0.10 loads its unit classifier only with scikit-learn 1.8.0 and
    #       imports stemming without declaring it;
    #       recognizers-text-suite 1.0.2a2 imports only with emoji < 1.0

Run (from the repository root):

    .venv/bin/python bench/extraction.py [--sets dev_external dev_news] [--repeat 3] [--no-peers]

Each peer runs in a subprocess with that venv's python (this same file, ``--peer NAME``), reads
the documents as JSON lines on stdin and writes predictions in the scorer's format plus one
timing line. Peer outputs are mapped to the scorer's kinds: currencies -> money (ISO code),
percentages -> percent, everything else -> quantity; peers give no qualifier, period or region.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BENCH = ROOT.parent / "shared" / "bench"
PEER_PYTHON = ROOT / "bench" / ".venv-peers" / "bin" / "python"
PEERS = ("quantulum3", "recognizers")


# ---------------------------------------------------------------------------------------------
# peers (this part runs inside bench/.venv-peers; it must not import the project)
# ---------------------------------------------------------------------------------------------
_RT_UNITS = {"Dollar": "USD", "United States dollar": "USD", "Euro": "EUR", "Pound": "GBP",
             "British pound": "GBP", "Yen": "JPY", "Japanese yen": "JPY", "Chinese yuan": "CNY",
             "Yuan": "CNY", "Hong Kong dollar": "HKD", "Canadian dollar": "CAD",
             "Australian dollar": "AUD", "Cent": "USD", "Penny": "GBP", "Pence": "GBP"}


def _peer_quantulum3(docs):
    from quantulum3 import parser

    parser.parse("warm up: 5 kg and $3")
    out, t0 = [], time.process_time()
    for d in docs:
        for q in parser.parse(d["text"]):
            u = q.unit
            if u.entity.name == "currency":
                kind, unit = "money", getattr(u, "currency_code", None) or u.name
            elif u.name in ("percentage", "percent"):
                kind, unit = "percent", "%"
            else:
                kind, unit = "quantity", u.name
            s, e = q.span
            out.append({"id": d["id"], "start": s, "end": e, "text": q.surface, "kind": kind,
                        "value": abs(q.value) if kind == "money" else q.value, "unit": unit})
    return out, time.process_time() - t0


def _peer_recognizers(docs):
    from recognizers_suite import (
        Culture,
        recognize_age,
        recognize_currency,
        recognize_dimension,
        recognize_number,
        recognize_percentage,
    )

    recognize_number("warm up 5", Culture.English)
    recognize_number("热身5", Culture.Chinese)
    out, t0 = [], time.process_time()
    for d in docs:
        text, taken, found = d["text"], [], []
        # its Chinese culture for a Chinese text (Han characters are most of its letters)
        han = sum("\u4e00" <= ch <= "\u9fff" for ch in text)
        culture = Culture.Chinese if han > 0.5 * sum(ch.isalpha() for ch in text) else Culture.English
        for fn, kind in ((recognize_currency, "money"), (recognize_percentage, "percent"),
                         (recognize_dimension, "quantity"), (recognize_age, "quantity"),
                         (recognize_number, "quantity")):
            for r in fn(text, culture):
                s, e = r.start, r.end + 1
                if any(a < e and s < b for a, b in taken):
                    continue
                res = r.resolution or {}
                raw = str(res.get("value", "")).rstrip("%")
                try:
                    value = float(raw)
                except ValueError:
                    continue
                unit = "%" if kind == "percent" else res.get("unit") or "count"
                if kind == "money":
                    unit = res.get("isoCurrency") or _RT_UNITS.get(unit, unit)
                    if res.get("unit") in ("Cent", "Penny", "Pence"):
                        value /= 100
                taken.append((s, e))
                found.append({"id": d["id"], "start": s, "end": e, "text": r.text, "kind": kind,
                              "value": value, "unit": unit})
        out.extend(sorted(found, key=lambda p: p["start"]))
    return out, time.process_time() - t0


def peer_main(name: str) -> None:
    docs = [json.loads(line) for line in sys.stdin if line.strip()]
    preds, seconds = (_peer_quantulum3 if name == "quantulum3" else _peer_recognizers)(docs)
    for p in preds:
        print(json.dumps(p, ensure_ascii=False))
    print(json.dumps({"__seconds__": seconds}))


# ---------------------------------------------------------------------------------------------
# our engine and the comparison
# ---------------------------------------------------------------------------------------------
def run_ours(docs, repeat: int):
    sys.path.insert(0, str(ROOT))
    from flows.cli_extract import figure_json, load_tables
    from tasks.extract import parse_figures

    regions, metrics = load_tables(ROOT / "raw" / "tables")
    parse_figures("warm up 5 yuan", regions=regions, metrics=metrics)
    best, preds = None, []
    for _ in range(repeat):
        out, t0 = [], time.process_time()
        for d in docs:
            pub = d.get("pub_date")
            for f in parse_figures(d["text"], str(pub) if pub else None, regions=regions, metrics=metrics):
                out.append(figure_json(d["id"], f))
        dt = time.process_time() - t0
        if best is None or dt < best:
            best, preds = dt, out
    return preds, best


def run_peer(name: str, docs):
    if not PEER_PYTHON.exists():
        return None, None
    inp = "".join(json.dumps({"id": d["id"], "text": d["text"]}, ensure_ascii=False) + "\n" for d in docs)
    proc = subprocess.run([str(PEER_PYTHON), str(Path(__file__).resolve()), "--peer", name],
                          input=inp, capture_output=True, text=True, timeout=3600)
    if proc.returncode != 0:
        print(f"  [{name} failed: {proc.stderr.strip().splitlines()[-1:]}]", file=sys.stderr)
        return None, None
    preds, seconds = [], None
    for line in proc.stdout.splitlines():
        if not line.startswith("{"):
            continue
        obj = json.loads(line)
        if "__seconds__" in obj:
            seconds = obj["__seconds__"]
        else:
            preds.append(obj)
    return preds, seconds


def _scorer():
    spec = importlib.util.spec_from_file_location("bench_score", BENCH / "score.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _unclassified(preds) -> float | None:
    """Share of figures whose metric is no lexicon metric (the text's own words, or none)."""
    if not preds:
        return None
    sys.path.insert(0, str(ROOT))
    from flows.cli_extract import load_tables

    _, metrics = load_tables(ROOT / "raw" / "tables")
    known = {m.key.casefold() for m in metrics} | {m.label.casefold() for m in metrics}
    return sum((p.get("metric") or "").casefold() not in known for p in preds) / len(preds)


def _fmt(x, nd=3):
    return "   -  " if x is None else f"{x:.{nd}f}"


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sets", nargs="+", default=["dev_external", "dev_news", "dev_world", "dev_zh"])
    ap.add_argument("--repeat", type=int, default=3, help="timing runs of our engine (best kept)")
    ap.add_argument("--no-peers", action="store_true")
    ap.add_argument("--peer", help=argparse.SUPPRESS)
    a = ap.parse_args(argv)
    if a.peer:
        peer_main(a.peer)
        return
    if not (BENCH / "score.py").exists():
        sys.exit(f"no benchmark at {BENCH}")
    score = _scorer()
    systems = ["newsfigures"] + ([] if a.no_peers else list(PEERS))
    header = (f"{'set':<14}{'system':<13}{'F1':>7}{'money':>7}{'pct':>7}{'qty':>7}{'qual':>7}"
              f"{'period':>8}{'region':>8}{'unclass':>8}{'chars/s':>12}{'MB/s':>8}")
    print(header)
    print("-" * len(header))
    for name in a.sets:
        docs = [json.loads(line) for line in (BENCH / f"{name}.jsonl").read_text(encoding="utf-8").splitlines()
                if line.strip()]
        chars = sum(len(d["text"]) for d in docs)
        nbytes = sum(len(d["text"].encode("utf-8")) for d in docs)  # MB/s counts UTF-8 bytes
        for system in systems:
            if system == "newsfigures":
                preds, seconds = run_ours(docs, a.repeat)
            else:
                preds, seconds = run_peer(system, docs)
            if preds is None:
                print(f"{name:<14}{system:<13}  (not available: set up bench/.venv-peers)")
                continue
            res, _ = score.score(docs, preds)
            o, k = res["overall"], res["per_kind"]
            cps = chars / seconds if seconds else None
            mbps = nbytes / seconds / 1e6 if seconds else None
            print(f"{name:<14}{system:<13}{_fmt(o['f1']):>7}{_fmt(k['money']['f1']):>7}"
                  f"{_fmt(k['percent']['f1']):>7}{_fmt(k['quantity']['f1']):>7}{_fmt(o['qualifier_acc']):>7}"
                  f"{_fmt(o['period_acc']):>8}{_fmt(o['region_acc']):>8}"
                  f"{_fmt(_unclassified(preds) if system == 'newsfigures' else None):>8}"
                  f"{(f'{cps:,.0f}' if cps else '-'):>12}{(f'{mbps:.3f}' if mbps else '-'):>8}")
        print(f"{'':<14}({len(docs)} documents, {chars:,} characters)")


if __name__ == "__main__":
    main()
