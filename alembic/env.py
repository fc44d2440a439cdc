"""Alembic environment: same engine settings as the app, every table registered."""
from logging.config import fileConfig

from alembic import context
from sqlmodel import SQLModel

import hoffice_app.models  # noqa: F401  (registers the tables)
from hoffice_app.db import get_engine
from hoffice_app.migrations import include_object

config = context.config
if config.config_file_name is not None and config.attributes.get("configure_logging", True):
    fileConfig(config.config_file_name, disable_existing_loggers=False)

target_metadata = SQLModel.metadata


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    with get_engine().connect() as connection:
        _run(connection)
        connection.commit()


def _run(connection) -> None:
    context.configure(connection=connection, target_metadata=target_metadata,
                      render_as_batch=connection.dialect.name == "sqlite", compare_type=True,
                      include_object=include_object)
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():
    raise SystemExit("Offline migrations are not supported; run `python -m hoffice_app db upgrade`.")
run_migrations_online()
