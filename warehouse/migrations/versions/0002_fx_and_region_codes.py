"""FX of every currency and ISO-coded regions.

fct_figure: fx_date, fx_source and unconverted_reason (the day's or the year's rate, where
it came from, and why a money figure has no converted value); new comments on the value and
rate columns. dim_region: iso_alpha2, iso_alpha3, iso_subdivision. The mart_ views are
recreated: mart_region_year compares money in one currency with the native unit beside it.

Only columns are added, so on SQLite this is ALTER TABLE ADD COLUMN: no table is copied and
loaded rows stay as they are (their new columns empty until their article is reloaded).

Revision ID: 0002_fx_and_region_codes
Revises: 0001
Create Date: 2026-12-02
"""
from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

from warehouse.migrate import create_views, drop_views, revision_views

revision: str = '0002_fx_and_region_codes'
down_revision: Union[str, Sequence[str], None] = '0001'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

# The views as this revision created them (0003 changed them; warehouse/views/ holds the head's).
VIEWS = revision_views('0002_fx_and_region_codes')
PREVIOUS_VIEWS = revision_views('0001')

REGION_COLUMNS = (
    ('iso_alpha2', 'ISO 3166-1 alpha-2 code of a country (GB, IN, ZA); empty for other levels or when unknown.'),
    ('iso_alpha3', 'ISO 3166-1 alpha-3 code of a country (GBR, IND, ZAF); empty for other levels or when unknown.'),
    ('iso_subdivision', 'ISO 3166-2 code of a subdivision (IN-MH, CN-XJ); empty for countries and for places ISO 3166-2 does not list.'),
)
FIGURE_COLUMNS = (
    ('fx_date', sa.String(length=10), 'Day (YYYY-MM-DD) of the ECB reference rate used, for articles dated to the day; empty when an annual average was used.'),
    ('fx_source', sa.String(length=16), 'Where the rate came from: ecb_day (ECB reference rate of fx_date), ecb_year_mean (mean of the ECB\'s daily rates of fx_year) or fx_rates.csv (curated annual average, see fct_fx_rate); for CNY money, the source of its USD rate.'),
    ('unconverted_reason', sa.Text(), 'Why a money figure has no value_cny or value_usd (e.g. no rate for KES in 2019); empty when converted and for other kinds.'),
)
# (column, type, comment at 0001, comment from here on)
RECOMMENTED = (
    ('value_cny', sa.Double(), 'Money in yuan at the fx_year average rate; empty for other kinds or with no rate.',
     'Money in yuan at the rate of fx_date (articles dated to the day) or the fx_year average; empty for other kinds or with no rate (see unconverted_reason).'),
    ('value_usd', sa.Double(), 'Money in US dollars at the fx_year average rate; empty for other kinds or with no rate.',
     'Money in US dollars at the rate of fx_date or the fx_year average; empty for other kinds or with no rate (see unconverted_reason).'),
    ('fx_year', sa.Integer(), "Year of the average rate used (the period's, else the article's year).",
     "Year of the annual average rate used (the period's, else the article's year); empty when a day's rate was used."),
)


def _views():
    return {} if VIEWS is None else {'directory': VIEWS}


def upgrade() -> None:
    conn = op.get_bind()
    drop_views(conn, PREVIOUS_VIEWS)
    with op.batch_alter_table('dim_region', schema=None) as batch_op:
        for name, comment in REGION_COLUMNS:
            batch_op.add_column(sa.Column(name, sa.Text(), nullable=True, comment=comment))
    with op.batch_alter_table('fct_figure', schema=None) as batch_op:
        for name, type_, comment in FIGURE_COLUMNS:
            batch_op.add_column(sa.Column(name, type_, nullable=True, comment=comment))
    # SQLite keeps no comments; altering a column there would copy the whole table.
    if conn.dialect.name != 'sqlite':
        for name, type_, old, new in RECOMMENTED:
            op.alter_column('fct_figure', name, existing_type=type_, existing_nullable=True,
                            comment=new, existing_comment=old)
    create_views(conn, **_views())


def downgrade() -> None:
    conn = op.get_bind()
    drop_views(conn, **_views())
    if conn.dialect.name != 'sqlite':
        for name, type_, old, new in RECOMMENTED:
            op.alter_column('fct_figure', name, existing_type=type_, existing_nullable=True,
                            comment=old, existing_comment=new)
    with op.batch_alter_table('fct_figure', schema=None) as batch_op:
        for name, _, _ in reversed(FIGURE_COLUMNS):
            batch_op.drop_column(name)
    with op.batch_alter_table('dim_region', schema=None) as batch_op:
        for name, _ in reversed(REGION_COLUMNS):
            batch_op.drop_column(name)
    create_views(conn, PREVIOUS_VIEWS)
