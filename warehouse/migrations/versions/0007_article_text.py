"""The article's text in the warehouse: dim_article.text.

The text as the pipeline decoded it, which fct_figure's start and end index: the report
shows each figure in its sentence from what the warehouse holds, never from raw/ (a file
edited, moved or deleted since the load no longer matters). Articles loaded before keep it
empty until they are loaded again (`figures run --full-refresh`).

One nullable column (on SQLite, ALTER TABLE ADD COLUMN): no table is copied, and the views,
which name their columns, are 0003's, unchanged.

Revision ID: 0007_article_text
Revises: 0006_figure_cues
Create Date: 2026-12-04
"""
from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

from warehouse.migrate import revision_views

revision: str = '0007_article_text'
down_revision: Union[str, Sequence[str], None] = '0006_figure_cues'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

VIEWS = revision_views('0003_period_dates')

# frozen here
TEXT_COMMENT = ("The article's text as the pipeline decoded it (fct_figure.start and end index it); what the "
                "report shows the figures in. Empty for articles loaded before it was stored.")


def upgrade() -> None:
    op.add_column('dim_article', sa.Column('text', sa.Text(), nullable=True, comment=TEXT_COMMENT))


def downgrade() -> None:
    # SQLite 3.35+ drops a plain column in place; rebuilding dim_article would drop a table
    # the facts reference
    op.drop_column('dim_article', 'text')
