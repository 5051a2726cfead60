"""Prefect task wrappers: each calls one plain function; retries only where there is I/O."""
from __future__ import annotations

from functools import lru_cache

from prefect import task
from prefect.cache_policies import NO_CACHE
from sqlalchemy.exc import DisconnectionError, OperationalError

from flows import progress
from schemas.tables import validate_tables
from tasks import gazetteer, read_raw
from tasks import process_batch as batch_steps
from warehouse import engine as wh_engine
from warehouse import load, migrate, quality, runs


def _transient(task, task_run, state) -> bool:
    """Retry what may pass by itself (a locked file, a database restarting), not bad input."""
    exc = state.data
    while exc is not None:
        if isinstance(exc, (OSError, OperationalError, DisconnectionError)):
            return True
        exc = exc.__cause__
    return False


@lru_cache(maxsize=8)
def _engine(wh: wh_engine.Warehouse):
    # one pool per warehouse per process, not one per task call
    return wh.engine()


# Nothing here may be answered from a cache: every step reads or writes the world as it is
# now. It also spares Prefect hashing each task's inputs (a batch's texts, a run's frames)
# into a cache key it would never use.
FRESH = dict(cache_policy=NO_CACHE)
IO_RETRIES = dict(**FRESH, retries=3, retry_delay_seconds=[1, 4, 10], retry_condition_fn=_transient)


@task(**IO_RETRIES)
def read_tables(tables_dir):
    return gazetteer.with_world(validate_tables(read_raw.read_tables(tables_dir)))


@task(**IO_RETRIES)
def read_articles(paths, articles_dir, max_bytes):
    """All or nothing: the first file that cannot be read is an InputError (bench/pipeline.py)."""
    return [read_raw.read_article(p, articles_dir, max_bytes) for p in paths]


@task(**IO_RETRIES)
def read_article_files(paths, articles_dir, max_bytes, max_numbers=None):
    """(articles, rejected files): a file that cannot be read is skipped with its reason."""
    return read_raw.read_articles(paths, articles_dir, max_bytes, max_numbers)


@task(**FRESH)
def process_batch(batch, pub_dates, curated):
    return batch_steps.process_batch(batch, pub_dates, curated, on_article=progress.tick)


@task(**IO_RETRIES)
def upgrade(wh):
    migrate.upgrade(_engine(wh))


@task(**IO_RETRIES)
def loaded_articles(wh):
    return load.loaded_articles(_engine(wh))


@task(**IO_RETRIES)
def official_from_articles(wh):
    return load.official_from_articles(_engine(wh))


@task(**IO_RETRIES)
def loaded_metadata(wh, paths):
    return load.loaded_metadata(_engine(wh), paths)


@task(**IO_RETRIES)
def last_table_hashes(wh):
    return runs.last_table_hashes(_engine(wh))


@task(**IO_RETRIES)
def start_run(wh, flow_run_id, input_hashes, extractor_version, stale_after=None):
    """A new etl_run row; first, the rows of runs that died without a word are marked."""
    if stale_after is not None:
        runs.mark_abandoned(_engine(wh), stale_after)
    return runs.start_run(_engine(wh), flow_run_id, input_hashes, extractor_version)


@task(**IO_RETRIES)
def finish_run(wh, run_id, status, counts, error=None, rejected=()):
    runs.finish_run(_engine(wh), run_id, status, counts, error, rejected)


@task(**IO_RETRIES)
def load_run(wh, **frames):
    return load.load_run(_engine(wh), **frames)


@task(**FRESH)
def check_quality(wh, run_id, docs_dir):
    return quality.run_checkpoint(_engine(wh), run_id=run_id, docs_dir=docs_dir)


@task(**FRESH)
def build_report(wh, out_dir, quality_dir):
    from report import build_report as build

    return str(build(_engine(wh), out_dir, quality_dir))
