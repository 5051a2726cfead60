"""Descriptions of the mart_ views in the database (PostgreSQL).

COMMENT ON VIEW (the view's description and grain) and COMMENT ON COLUMN for each of its
columns, from the header of warehouse/views/<name>.sql: the text docs/warehouse.md shows, so
Superset and Metabase show it too. Later revisions that recreate the views comment them
again (warehouse.migrate.create_views). The tables have carried their comments since they
were created. SQLite has no comments: nothing to do there. The views themselves are 0003's, unchanged.

Revision ID: 0005_view_comments
Revises: 0004_rejected_files
Create Date: 2026-12-03
"""
from typing import Sequence, Union

from alembic import op

from warehouse.dictionary import apply_view_comments, view_doc
from warehouse.migrate import revision_views, view_names

revision: str = '0005_view_comments'
down_revision: Union[str, Sequence[str], None] = '0004_rejected_files'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

# The views are 0003's, unchanged; their headers, frozen with them, are the comments' text.
VIEWS = revision_views('0003_period_dates')


def upgrade() -> None:
    apply_view_comments(op.get_bind(), VIEWS)


def downgrade() -> None:
    conn = op.get_bind()
    if conn.dialect.name != 'postgresql':
        return
    for name in view_names(VIEWS):
        conn.exec_driver_sql(f'COMMENT ON VIEW "{name}" IS NULL')
        for column, _ in view_doc(name, VIEWS).columns:
            conn.exec_driver_sql(f'COMMENT ON COLUMN "{name}"."{column}" IS NULL')
