"""Alembic environment: our tables only (Rasa's tracker table `events` is Rasa's)."""

from __future__ import annotations

from alembic import context
from sqlalchemy.types import TypeDecorator

from bot.storage.engine import create_engine
from bot.storage.tables import metadata

config = context.config


def include_object(obj, name, type_, reflected, compare_to):  # noqa: ANN001, ANN201 - alembic hook
    if type_ == "table":
        return name in metadata.tables
    return True


def render_item(type_, obj, autogen_context):  # noqa: ANN001, ANN201 - alembic hook
    # Migrations stay frozen in plain SQL types: encryption happens above the
    # database, so the column is just text to it.
    if type_ == "type" and isinstance(obj, TypeDecorator):
        return f"sa.{obj.impl.__class__.__name__}()"
    return False


def run_migrations() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    url = config.get_main_option("sqlalchemy.url")
    if url is None:  # bot/storage/migrate.py always sets it; Alembic run by hand may not
        raise RuntimeError("No database address: run `safetyplan db upgrade`, which sets it.")
    engine = create_engine(url)
    with engine.connect() as connection:
        _run(connection)
    engine.dispose()


def _run(connection) -> None:  # noqa: ANN001
    context.configure(
        connection=connection,
        target_metadata=metadata,
        include_object=include_object,
        render_item=render_item,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


run_migrations()
