"""What the claim checks read of the text around a figure, stored with it.

fct_figure: half_unit (the stated precision: half a unit of the last digit written) and the
cues whole_cue, growth_cue, of_follows and apposed_seq (tasks/extract/cues.py). The claim
checks are computed from these, so the warehouse holds every input of a check but the
curated tables. Rows already loaded keep them empty until their article is extracted again.

Only nullable columns are added (on SQLite, ALTER TABLE ADD COLUMN), so no table is copied
and the views, which name their columns, are 0003's, unchanged.

Revision ID: 0006_figure_cues
Revises: 0005_view_comments
Create Date: 2026-12-04
"""
from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

from warehouse.migrate import revision_views

revision: str = '0006_figure_cues'
down_revision: Union[str, Sequence[str], None] = '0005_view_comments'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

VIEWS = revision_views('0003_period_dates')

COLUMNS = (  # (column, type, comment), frozen here
    ('half_unit', sa.Double(), "The stated precision: half a unit of the last digit written, in `unit` ('US$620' -> 5, '76 per cent' -> 0.5, '3.94 billion' -> 5e6); the claim checks' rounding band. Empty for rows loaded before it was recorded."),
    ('whole_cue', sa.Boolean(), "True when 'among', 'out of' or 'of the' comes just before the figure (a whole the sentence's other figures may be parts of: the part_whole check)."),
    ('growth_cue', sa.Boolean(), "True when a word of growth or fall (rose, expanded, fell, ...) is near the figure (a percentage beside 'from X to Y' is then a stated growth rate)."),
    ('of_follows', sa.Boolean(), "True when 'of' comes right after the figure ('76 per cent of ...': a share of something)."),
    ('apposed_seq', sa.Integer(), "seq of the figure just before this one when only a dash, a comma, 'or' and a hedge stand between them ('54,280 yuan - or just 76 per cent'); empty otherwise."),
)


def upgrade() -> None:
    for name, type_, comment in COLUMNS:
        op.add_column('fct_figure', sa.Column(name, type_, nullable=True, comment=comment))


def downgrade() -> None:
    for name, _, _ in reversed(COLUMNS):
        # SQLite 3.35+ drops a plain column in place
        op.drop_column('fct_figure', name)
