"""Run the committed Alembic migrations from Python (CLI, run script, tests)."""
from __future__ import annotations

from alembic import command
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util import CommandError
from sqlalchemy.engine import Connection

from hoffice_app.db import PROJECT_ROOT, get_engine

# Tables that live outside the models on purpose (SQLite's full-text indexes of
# contacts and leads and their shadow tables); autogenerate must neither drop nor create them.
UNMANAGED_PREFIXES = ("contact_fts", "lead_fts")
# PostgreSQL's GIN trigram indexes on the search texts (migration 0016): SQLite has no GIN,
# so the models cannot declare them; autogenerate must not drop them either.
UNMANAGED_INDEXES = ("ix_contact_search_trgm", "ix_lead_search_trgm")


def include_object(obj, name, type_, reflected, compare_to) -> bool:
    if type_ == "index" and name in UNMANAGED_INDEXES:
        return False
    return not (type_ == "table" and name and name.startswith(UNMANAGED_PREFIXES))


def alembic_config() -> Config:
    config = Config(str(PROJECT_ROOT / "alembic.ini"))
    config.set_main_option("script_location", str(PROJECT_ROOT / "alembic"))
    config.attributes["configure_logging"] = False
    return config


def upgrade(revision: str = "head") -> None:
    """Bring the configured database to ``revision`` (creating the SQLite file if needed)."""
    config = alembic_config()
    with get_engine().begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)


def head_revision() -> str:
    """The newest migration this code knows (what ``upgrade()`` brings a database to)."""
    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def is_known(revision: str) -> bool:
    """Whether this code has the migration ``revision``: a backup made by newer code has
    one it lacks, and restoring it would leave a schema the code cannot read."""
    try:
        return ScriptDirectory.from_config(alembic_config()).get_revision(revision) is not None
    except CommandError:
        return False


def current_revision(connection: Connection) -> str | None:
    """The migration a database is at (None: never migrated)."""
    return MigrationContext.configure(connection).get_current_revision()
