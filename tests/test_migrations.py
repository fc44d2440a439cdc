"""The committed migrations build exactly the schema the models describe."""
import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect
from sqlmodel import SQLModel

import hoffice_app.models  # noqa: F401  (registers every table)
from hoffice_app.migrations import alembic_config, include_object


def test_upgrade_reaches_head_with_every_table(engine):
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    with engine.connect() as conn:
        assert MigrationContext.configure(conn).get_current_revision() == head
    assert set(SQLModel.metadata.tables) <= set(inspect(engine).get_table_names())


def test_autogenerate_finds_no_drift(engine):
    with engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True, "render_as_batch": True,
                                                          "include_object": include_object})
        diff = compare_metadata(context, SQLModel.metadata)
    assert diff == []


@pytest.mark.sqlite_only
def test_the_full_text_triggers_survive_every_migration(engine):
    """A batch copy of a table (SQLite's way to alter a column) drops its triggers: the
    migration that copies must make the full-text index's triggers again."""
    with engine.connect() as conn:
        triggers = {name for (name,) in conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
    assert {f"{t}_fts_{op}" for t in ("contact", "lead") for op in ("insert", "delete", "update")} <= triggers
