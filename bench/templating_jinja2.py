"""Would a jinja2 template give the same report page as `report.page.fill_parts`?

Run: .venv/bin/figures init /tmp/p, `figures run` inside /tmp/p, then
     .venv/bin/python bench/templating_jinja2.py /tmp/p
Builds the project's report three times at one fixed build time (fill_parts; jinja2 with
autoescape off; jinja2 escaping the plain values itself) and says whether the bytes match.
The numbers are in docs/libraries.md.
"""
import html
import sys
from datetime import datetime, timezone
from pathlib import Path

import jinja2
from markupsafe import Markup
from sqlalchemy import create_engine

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
import report.page as page  # noqa: E402
from report import build  # noqa: E402

PROJ = Path(sys.argv[1]).resolve()
OUT = Path(sys.argv[2] if len(sys.argv) > 2 else "/tmp/templating_jinja2")
WHEN = datetime(2024, 1, 2, 3, 4, tzinfo=timezone.utc)
orig_fill_parts = page.fill_parts


def jinja_raw(template, values):
    """jinja2 as a plain filler: autoescape off, values already escaped by page.py."""
    env = jinja2.Environment(keep_trailing_newline=True, undefined=jinja2.StrictUndefined)
    t = env.from_string(template.replace("{{ articles }}", "{% for p in articles %}{{ p }}{% endfor %}"))
    return t.generate(**values)


def jinja_escaping(template, values):
    """jinja2 with autoescape doing the escaping of the plain values (title, heading, ...)."""
    env = jinja2.Environment(keep_trailing_newline=True, undefined=jinja2.StrictUndefined, autoescape=True)
    t = env.from_string(template.replace("{{ articles }}", "{% for p in articles %}{{ p }}{% endfor %}"))
    plain = {"title", "heading", "subheading", "generated", "headline_note"}
    vals = {}
    for k, v in values.items():
        if k in plain:
            vals[k] = html.unescape(v)  # give jinja the raw text, let it escape
        elif isinstance(v, str):
            vals[k] = Markup(v)
        else:
            vals[k] = (Markup(p) for p in v)
    return t.generate(**vals)


def build_with(fill, out):
    page.fill_parts = fill
    build.render_parts.__globals__["fill_parts"] = fill
    engine = create_engine(f"sqlite:///{PROJ}/warehouse/figures.db")
    real_now = build.datetime

    class Fixed(real_now):
        @classmethod
        def now(cls, tz=None):
            return WHEN
    build.datetime = Fixed
    try:
        return build.build_report(engine, Path(out)).read_bytes()
    finally:
        build.datetime = real_now


def main() -> None:
    a = build_with(orig_fill_parts, OUT / "fill")
    b = build_with(jinja_raw, OUT / "jinja_raw")
    c = build_with(jinja_escaping, OUT / "jinja_esc")
    print("fill_parts page:", len(a), "bytes")
    print("jinja2, autoescape off:", len(b), "bytes, identical:", a == b)
    print("jinja2, autoescape on for the plain values:", len(c), "bytes, identical:", a == c)


if __name__ == "__main__":
    main()
