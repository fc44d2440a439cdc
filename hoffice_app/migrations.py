"""Run the committed Alembic migrations from Python (CLI, run script, tests)."""
from __future__ import annotations

from alembic import command
from alembic.config import Config

from hoffice_app.db import PROJECT_ROOT, get_engine

# Tables that live outside the models on purpose (SQLite's full-text indexes of
# contacts and leads and their shadow tables); autogenerate must neither drop nor create them.
UNMANAGED_PREFIXES = ("contact_fts", "lead_fts")


def include_object(obj, name, type_, reflected, compare_to) -> bool:
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
