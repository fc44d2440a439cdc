"""The committed migrations build exactly the schema the models describe."""
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
