"""Download links work once, on every server sharing the database, and only for minutes."""

from __future__ import annotations

import dataclasses
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

from bot.access import downloads
from bot.access.downloads import LinkUsed
from bot.access.signing import InvalidToken, sign
from bot.services import ConversationService
from bot.settings import Settings, load_settings
from bot.storage import tables
from bot.storage.engine import create_engine
from bot.storage.migrate import upgrade
from tests.support.databases import postgres_database, sqlite_database
from tests.support.webchat import make_case


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def shared(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Settings]:
    """Settings for a database of each kind, as every replica of the servers would share it."""

    def settings_for(url: str) -> Settings:
        upgrade(url)
        return dataclasses.replace(
            load_settings(), var_dir=tmp_path, database_url=url, public_url="https://plans.example"
        )

    if request.param == "sqlite":
        yield settings_for(sqlite_database(tmp_path))
    else:
        with postgres_database() as url:
            yield settings_for(url)


def _case(settings: Settings, child_name: str = "Leo") -> str:
    """A new case's link key: download links name a case by it, never by its row id."""
    from bot.storage.unit_of_work import SqlUnitOfWork

    case_id, _reference = make_case(settings, child_name)
    with SqlUnitOfWork(settings.database_url) as uow:
        plan = uow.plans.get_by_id(case_id)
        assert plan is not None
        return plan.link_key


def _used_rows(settings: Settings) -> int:
    engine = create_engine(settings.database_url)
    try:
        with engine.connect() as connection:
            return connection.execute(
                sa.select(sa.func.count()).select_from(tables.used_downloads)
            ).scalar_one()
    finally:
        engine.dispose()


def test_a_link_works_once(shared: Settings) -> None:
    case_id = _case(shared, "Leo")
    token = downloads.mint(case_id, "plan-family", settings=shared)
    service = ConversationService(shared)
    assert service.render_download(token).content[:2] == b"PK"
    with pytest.raises(LinkUsed):
        service.render_download(token)
    # Another link to the same document is another use.
    assert service.render_download(downloads.mint(case_id, "plan-family", settings=shared))
    assert _used_rows(shared) == 2


def test_two_servers_using_one_link_at_once_give_it_once(shared: Settings) -> None:
    case_id = _case(shared, "Mia")
    token = downloads.mint(case_id, "json", settings=shared)
    # Two services, each as a separate server would be: own engine, own connections.
    replicas = [
        ConversationService(shared, uow_factory=_own_engine_uow(shared)) for _ in range(2)
    ]
    start = threading.Barrier(len(replicas))
    outcomes: list[str] = []

    def use(service: ConversationService) -> None:
        start.wait()
        try:
            service.render_download(token)
        except LinkUsed:
            outcomes.append("used")
        else:
            outcomes.append("document")

    threads = [threading.Thread(target=use, args=(r,)) for r in replicas]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert sorted(outcomes) == ["document", "used"]


def _own_engine_uow(settings: Settings):  # noqa: ANN202 - a factory of units of work
    from sqlalchemy.orm import sessionmaker

    from bot.storage.unit_of_work import SqlUnitOfWork

    engine = create_engine(settings.database_url)

    def make() -> SqlUnitOfWork:
        uow = SqlUnitOfWork(settings.database_url)
        uow._factory = sessionmaker(bind=engine, future=True, expire_on_commit=False)
        return uow

    return make


def test_a_link_runs_out_in_minutes(shared: Settings) -> None:
    assert load_settings().download_link_minutes == 5
    case_id = _case(shared, "Ava")
    quick = dataclasses.replace(shared, download_link_minutes=1 / 60)
    token = downloads.mint(case_id, "plan-family", settings=quick)
    time.sleep(2.1)
    with pytest.raises(InvalidToken, match="expired"):
        ConversationService(shared).render_download(token)
    assert _used_rows(shared) == 0


def test_links_without_an_id_from_before_no_longer_work(shared: Settings) -> None:
    case_id = _case(shared, "Zac")
    old = sign("download", {"c": case_id, "k": "plan-family"}, 30 * 86400, settings=shared)
    with pytest.raises(InvalidToken):
        ConversationService(shared).render_download(old)


def test_used_ids_are_kept_only_while_their_links_could_work(shared: Settings) -> None:
    case_id = _case(shared, "Ivy")
    quick = dataclasses.replace(shared, download_link_minutes=1 / 60)
    ConversationService(shared).render_download(
        downloads.mint(case_id, "plan-family", settings=quick)
    )
    assert _used_rows(shared) == 1
    time.sleep(2.1)
    ConversationService(shared).render_download(
        downloads.mint(case_id, "plan-family", settings=shared)
    )
    assert _used_rows(shared) == 1  # the run-out one went; the new one is kept


def test_only_the_servers_own_address_counts_as_its_link(shared: Settings) -> None:
    own = "https://plans.example/chat/download/abc.def"
    assert downloads.is_own_link(own, shared)
    for other in (
        "https://evil.example/chat/download/abc.def",
        "https://plans.example.evil.example/chat/download/abc.def",
        "https://plans.example/chat/download/",
        "https://plans.example/chat/download/a/../../b",
        "https://plans.example/chat/download/abc?x=1",
        "http://plans.example/chat/download/abc.def",
    ):
        assert not downloads.is_own_link(other, shared), other
