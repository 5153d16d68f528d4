"""One transaction per confirmed answer: it is saved, or the caller hears that it was not."""

from __future__ import annotations

from types import TracebackType

from sqlalchemy.orm import Session, sessionmaker

from bot.settings import load_settings
from bot.storage.engine import engine_for
from bot.storage.orm import start_mappers
from bot.storage.repository import ConversationRepository, PlanRepository


class SaveFailed(RuntimeError):
    """The change could not be written; nothing of it was kept."""


class SqlUnitOfWork:
    def __init__(self, url: str | None = None) -> None:
        start_mappers()
        self.url = url or load_settings().database_url
        self._factory = sessionmaker(bind=engine_for(self.url), future=True, expire_on_commit=False)
        self.session: Session | None = None

    def __enter__(self) -> SqlUnitOfWork:
        self.session = self._factory()
        self.plans = PlanRepository(self.session)
        self.conversations = ConversationRepository(self.session)
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        assert self.session is not None
        # close() discards anything not committed without expiring the loaded
        # objects, so callers can still read the plan they just saved.
        self.session.close()

    def commit(self) -> None:
        assert self.session is not None
        try:
            self.session.commit()
        except Exception as error:
            self.session.rollback()
            raise SaveFailed(type(error).__name__) from error
