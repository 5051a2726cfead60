"""Rejected article files, the ways a run can end, and official articles.

etl_rejected_file: one row per article file a run skipped (unreadable, empty, binary, oversized,
a link out of raw/, a duplicate), with its sha256 where readable, the latest reason, and the
first and last run and time it was seen. etl_run.status gains completed_with_rejections (loaded,
but files were skipped), interrupted (stopped by a signal) and abandoned (its process died).
dim_article.source_type (news, the default for loaded rows, or official) and
fct_official_stat.figure_key: the figure of an official article a statistic was read from.

The status vocabulary is a CHECK constraint. PostgreSQL replaces it; SQLite cannot alter a
constraint, and copying etl_run (Alembic's batch mode) is refused while the facts that
reference it exist, so on SQLite the table's stored definition is edited in place, as SQLite's
documentation describes for changes that leave every stored row valid (a CHECK that allows
more values; "Making Other Kinds Of Table Schema Changes", sqlite.org/lang_altertable.html).

Revision ID: 0004_rejected_files
Revises: 0003_period_dates
Create Date: 2026-12-02
"""
from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

from warehouse.migrate import create_views, drop_views, revision_views

revision: str = '0004_rejected_files'
down_revision: Union[str, Sequence[str], None] = '0003_period_dates'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

# 0003's views, unchanged, frozen as 0003 created them: they are dropped and created again
# because SQLite rebuilds fct_official_stat, which they read.
VIEWS = revision_views('0003_period_dates')

# Frozen here, not imported: a later change to the vocabulary is a later revision's.
OLD_STATUSES = ('running', 'succeeded', 'failed', 'quality_failed')
NEW_STATUSES = ('running', 'succeeded', 'completed_with_rejections', 'failed', 'quality_failed',
                'interrupted', 'abandoned')
# what a status the older schema does not know was, in its words
DOWNGRADED = {'completed_with_rejections': 'succeeded', 'interrupted': 'failed', 'abandoned': 'failed'}
OLD_COMMENT = 'running, succeeded, failed, or quality_failed (loaded but a data-quality expectation failed).'
NEW_COMMENT = ('running, succeeded, completed_with_rejections (loaded, but article files were skipped: '
               'see etl_rejected_file), failed, quality_failed (loaded but a data-quality expectation '
               'failed), interrupted (stopped by a signal) or abandoned (its process died while running).')


SOURCE_TYPE_COMMENT = ('news, or official: a publication of official statistics (a statistical communiqué, a budget) '
                       'whose figures with a region, a metric and one year are also rows of fct_official_stat '
                       '(articles.csv source_type).')
FIGURE_KEY_COMMENT = ('The figure of an official article (dim_article.source_type official) this statistic was '
                      'read from; empty for rows of official_series.csv, which win where both give a value.')
OLD_OFFICIAL_COMMENT = 'Official statistics from raw/tables/official_series.csv: one row per region, metric and year.'
OFFICIAL_COMMENT = ('Official statistics from raw/tables/official_series.csv and from the figures of official '
                    'articles (statistical communiqués): one row per region, metric and year.')


def _check(statuses: tuple[str, ...]) -> str:
    return f"status IN ({', '.join(repr(s) for s in statuses)})"


def upgrade() -> None:
    conn = op.get_bind()
    _set_statuses(conn, OLD_STATUSES, NEW_STATUSES, sa.String(16), sa.String(32), OLD_COMMENT, NEW_COMMENT)
    op.create_table('etl_rejected_file',
    sa.Column('rejected_file_key', sa.Integer(), autoincrement=True, nullable=False, comment='Surrogate key of the rejected file.'),
    sa.Column('path', sa.Text(), nullable=False, comment='Article file relative to raw/articles, printable whatever its bytes (bytes that are not UTF-8 as \\xNN, control characters escaped).'),
    sa.Column('article_hash', sa.String(length=64), nullable=True, comment="sha256 (hex) of the file's bytes when they could be read; empty otherwise."),
    sa.Column('reason', sa.Text(), nullable=False, comment="Why the file was skipped, in one line naming it (the latest run's reason)."),
    sa.Column('first_run_id', sa.Integer(), nullable=False, comment='First run that rejected the file.'),
    sa.Column('last_run_id', sa.Integer(), nullable=False, comment='Latest run that rejected the file.'),
    sa.Column('first_seen_at', sa.DateTime(timezone=True), nullable=False, comment='When the file was first rejected (UTC).'),
    sa.Column('last_seen_at', sa.DateTime(timezone=True), nullable=False, comment='When the file was last rejected (UTC).'),
    sa.Column('times_rejected', sa.Integer(), nullable=False, comment='How many runs rejected the file.'),
    sa.ForeignKeyConstraint(['first_run_id'], ['etl_run.run_id'], name=op.f('fk_etl_rejected_file_first_run_id')),
    sa.ForeignKeyConstraint(['last_run_id'], ['etl_run.run_id'], name=op.f('fk_etl_rejected_file_last_run_id')),
    sa.PrimaryKeyConstraint('rejected_file_key', name=op.f('pk_etl_rejected_file')),
    sa.UniqueConstraint('path', name=op.f('uq_etl_rejected_file_path')),
    comment='Article files a run skipped (unreadable, empty, binary, oversized, a link out of raw/, a duplicate): one row per path, with the latest reason.'
    )
    op.create_index(op.f('ix_etl_rejected_file_last_run_id'), 'etl_rejected_file', ['last_run_id'], unique=False)
    with op.batch_alter_table('dim_article', schema=None) as batch_op:
        batch_op.add_column(sa.Column('source_type', sa.String(length=16), server_default='news', nullable=False, comment=SOURCE_TYPE_COMMENT))
    drop_views(conn, VIEWS)
    with op.batch_alter_table('fct_official_stat', schema=None) as batch_op:
        batch_op.add_column(sa.Column('figure_key', sa.Integer(), nullable=True, comment=FIGURE_KEY_COMMENT))
        batch_op.create_foreign_key(op.f('fk_fct_official_stat_figure_key'), 'fct_figure', ['figure_key'], ['figure_key'])
    create_views(conn, VIEWS)
    if conn.dialect.name != 'sqlite':
        op.create_table_comment('fct_official_stat', OFFICIAL_COMMENT, existing_comment=OLD_OFFICIAL_COMMENT)


def downgrade() -> None:
    conn = op.get_bind()
    if conn.dialect.name != 'sqlite':
        op.create_table_comment('fct_official_stat', OLD_OFFICIAL_COMMENT, existing_comment=OFFICIAL_COMMENT)
    conn.execute(sa.text("DELETE FROM fct_official_stat WHERE figure_key IS NOT NULL"))
    drop_views(conn, VIEWS)
    with op.batch_alter_table('fct_official_stat', schema=None) as batch_op:
        batch_op.drop_constraint(op.f('fk_fct_official_stat_figure_key'), type_='foreignkey')
        batch_op.drop_column('figure_key')
    # not a batch: SQLite (3.35+) drops a plain column in place; rebuilding dim_article would
    # drop a table the facts reference
    op.drop_column('dim_article', 'source_type')
    create_views(conn, VIEWS)
    op.drop_index(op.f('ix_etl_rejected_file_last_run_id'), table_name='etl_rejected_file')
    op.drop_table('etl_rejected_file')
    for new, old in DOWNGRADED.items():
        conn.execute(sa.text("UPDATE etl_run SET status = :old WHERE status = :new"), {"old": old, "new": new})
    _set_statuses(conn, NEW_STATUSES, OLD_STATUSES, sa.String(32), sa.String(16), NEW_COMMENT, OLD_COMMENT)


def _set_statuses(conn, before, after, old_type, new_type, old_comment, new_comment) -> None:
    if conn.dialect.name != 'sqlite':
        op.drop_constraint(op.f('ck_etl_run_status'), 'etl_run', type_='check')
        op.alter_column('etl_run', 'status', existing_type=old_type, type_=new_type, existing_nullable=False,
                        comment=new_comment, existing_comment=old_comment)
        op.create_check_constraint(op.f('ck_etl_run_status'), 'etl_run', _check(after))
        return
    sql = conn.exec_driver_sql(
        "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'etl_run'").scalar_one()
    edits = ((_check(before), _check(after)),
             (f"status VARCHAR({old_type.length})", f"status VARCHAR({new_type.length})"))
    for was, _ in edits:
        if sql.count(was) != 1:
            raise RuntimeError(f"etl_run's definition does not hold {was!r} once; not changing it")
    for was, becomes in edits:
        sql = sql.replace(was, becomes)
    version = conn.exec_driver_sql("PRAGMA schema_version").scalar_one()
    conn.exec_driver_sql("PRAGMA writable_schema=ON")
    try:
        conn.exec_driver_sql("UPDATE sqlite_master SET sql = ? WHERE type = 'table' AND name = 'etl_run'",
                             (sql,))
        conn.exec_driver_sql(f"PRAGMA schema_version={int(version) + 1}")
    finally:
        conn.exec_driver_sql("PRAGMA writable_schema=OFF")
    if conn.exec_driver_sql("PRAGMA integrity_check").scalar_one() != "ok":
        raise RuntimeError("etl_run's new definition did not pass SQLite's integrity check")
