"""Periods with days and granularity; DATE columns for BI.

fct_figure: period_granularity (day, month, quarter, half, year, fiscal_year, multi_year),
period_first_day and period_last_day. dim_period: first_day and last_day of the year.
dim_article: published_on, the publication date as a DATE. The mart_ views are recreated with
DATE columns: mart_figures.pub_date and mart_claim_checks.pub_date become DATEs (their text is
kept as pub_date_text), mart_figures gains the period's granularity and days, mart_region_year
year_first_day.

Rows already loaded are filled from what the warehouse holds: a year's days, an article's
date, and for a figure with a period, the first and last day of its years with granularity
year or multi_year. The extractor's finer periods (a quarter, a fiscal year) arrive when the
article is extracted again (a new extractor version does that on the next run).

Only columns are added (on SQLite, ALTER TABLE ADD COLUMN, its CHECK included), so no table
is copied.

Revision ID: 0003_period_dates
Revises: 0002_fx_and_region_codes
Create Date: 2026-12-02
"""
from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

from warehouse.migrate import create_views, drop_views, revision_views

revision: str = '0003_period_dates'
down_revision: Union[str, Sequence[str], None] = '0002_fx_and_region_codes'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

# The views as this revision created them, frozen: editing warehouse/views/ (the head's) never
# changes what an old revision does.
VIEWS = revision_views('0003_period_dates')
PREVIOUS_VIEWS = revision_views('0002_fx_and_region_codes')

# Frozen here: a later change to the vocabulary is a later revision's.
GRANULARITIES = ('day', 'month', 'quarter', 'half', 'year', 'fiscal_year', 'multi_year')
GRANULARITY_CHECK = ("period_granularity IS NULL OR period_granularity IN ("
                     + ", ".join(repr(g) for g in GRANULARITIES) + ")")

COLUMNS = (  # (table, column, type, comment)
    ('fct_figure', 'period_granularity', sa.String(length=16), 'What the period is: day, month, quarter, half, year, fiscal_year or multi_year; empty when the figure has no period.'),
    ('fct_figure', 'period_first_day', sa.Date(), "First day of the period (a quarter's first day, a fiscal year's, 1 January where only years are known); empty when the figure has no period."),
    ('fct_figure', 'period_last_day', sa.Date(), 'Last day of the period; empty when the figure has no period.'),
    ('dim_period', 'first_day', sa.Date(), '1 January of the year, as a DATE (for time series in BI tools).'),
    ('dim_period', 'last_day', sa.Date(), '31 December of the year, as a DATE.'),
    ('dim_article', 'published_on', sa.Date(), 'The publication date as a DATE: the day, or the first day of the month or year when only those are known (pub_date_precision says which); empty when unknown.'),
)


def _day(conn, year_sql: str, month_day: str) -> str:
    """SQL for the DATE of `month_day` ('01-01') in the year `year_sql` evaluates to."""
    if conn.dialect.name == 'sqlite':  # a DATE is ISO text on SQLite
        return f"printf('%04d-{month_day}', {year_sql})"
    month, day = month_day.split('-')
    return f"make_date({year_sql}, {int(month)}, {int(day)})"


def upgrade() -> None:
    conn = op.get_bind()
    drop_views(conn, PREVIOUS_VIEWS)
    sqlite = conn.dialect.name == 'sqlite'
    for table, name, type_, comment in COLUMNS:
        if sqlite and name == 'period_granularity':
            # SQLite adds a column with its CHECK in place; a constraint added later would copy
            # fct_figure, which the claim checks reference
            op.execute(f"ALTER TABLE fct_figure ADD COLUMN period_granularity VARCHAR(16) "
                       f"CONSTRAINT ck_fct_figure_period_granularity CHECK ({GRANULARITY_CHECK})")
            continue
        op.add_column(table, sa.Column(name, type_, nullable=True, comment=comment))
    if not sqlite:
        op.create_check_constraint(op.f('ck_fct_figure_period_granularity'), 'fct_figure', GRANULARITY_CHECK)
    op.execute(f"UPDATE dim_period SET first_day = {_day(conn, 'year', '01-01')}, "
               f"last_day = {_day(conn, 'year', '12-31')}")
    op.execute("UPDATE fct_figure SET "
               "period_granularity = CASE WHEN period_end IS NULL OR period_end = period_start "
               "THEN 'year' ELSE 'multi_year' END, "
               f"period_first_day = {_day(conn, 'period_start', '01-01')}, "
               f"period_last_day = {_day(conn, 'COALESCE(period_end, period_start)', '12-31')} "
               "WHERE period_start IS NOT NULL")
    if sqlite:
        op.execute("UPDATE dim_article SET published_on = CASE LENGTH(pub_date) "
                   "WHEN 4 THEN pub_date || '-01-01' WHEN 7 THEN pub_date || '-01' ELSE pub_date END "
                   "WHERE pub_date IS NOT NULL")
    else:
        op.execute("UPDATE dim_article SET published_on = CAST(CASE LENGTH(pub_date) "
                   "WHEN 4 THEN pub_date || '-01-01' WHEN 7 THEN pub_date || '-01' ELSE pub_date END AS DATE) "
                   "WHERE pub_date IS NOT NULL")
    create_views(conn, VIEWS)


def downgrade() -> None:
    conn = op.get_bind()
    drop_views(conn, VIEWS)
    if conn.dialect.name != 'sqlite':
        op.drop_constraint(op.f('ck_fct_figure_period_granularity'), 'fct_figure', type_='check')
    for table, name, _, _ in reversed(COLUMNS):
        # SQLite 3.35+ drops a column in place, its own CHECK with it
        op.drop_column(table, name)
    create_views(conn, PREVIOUS_VIEWS)
