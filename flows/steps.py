"""Prefect task wrappers: each calls one plain function; retries only where there is I/O."""
from __future__ import annotations

from prefect import task

from schemas.figures import NormalisedFigures
from schemas.tables import validate_tables
from tasks import claims, extract_articles, normalise, read_raw, validate
from warehouse import engine as wh_engine
from warehouse import load, migrate, quality

IO_RETRIES = dict(retries=3, retry_delay_seconds=[1, 4, 10])


@task(**IO_RETRIES)
def read_tables(tables_dir):
    return validate_tables(read_raw.read_tables(tables_dir))


@task(**IO_RETRIES)
def read_articles(paths, articles_dir, max_bytes):
    return [read_raw.read_article(p, articles_dir, max_bytes) for p in paths]


@task
def extract(batch, pub_dates, regions, metrics):
    return extract_articles.extract_articles(batch, pub_dates, regions, metrics)


@task
def normalise_and_validate(figures, fx, pub_years, source):
    return validate.split_valid(normalise.normalise(figures, fx, pub_years), NormalisedFigures, source)


@task
def check_claims(figures, official, fx, pub_years):
    return claims.check_claims(figures, official, fx, pub_years)


@task(**IO_RETRIES)
def upgrade(url, schema):
    migrate.upgrade(wh_engine.get_engine(url, schema))


@task(**IO_RETRIES)
def loaded_articles(url, schema):
    return load.loaded_articles(wh_engine.get_engine(url, schema))


@task(**IO_RETRIES)
def load_run(url, schema, **frames):
    return load.load_run(wh_engine.get_engine(url, schema), **frames)


@task
def check_quality(url, schema, run_id, docs_dir):
    return quality.run_checkpoint(wh_engine.get_engine(url, schema), run_id=run_id, docs_dir=docs_dir)
