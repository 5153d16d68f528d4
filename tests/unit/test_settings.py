"""Settings read from the environment: the fixed "today" for replayed evaluations."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.services import ConversationService
from bot.settings import SettingsError, load_settings


def test_a_fixed_today_is_the_interviews_today_in_development(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("SAFETYPLAN_ENV", "development")
    monkeypatch.setenv("SAFETYPLAN_TODAY", "2026-12-06")
    settings = load_settings()
    assert settings.today == dt.date(2026, 12, 6)
    assert ConversationService(settings).clock() == dt.date(2026, 12, 6)


def test_a_fixed_today_is_ignored_outside_development(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SAFETYPLAN_ENV", "production")
    monkeypatch.setenv("SAFETYPLAN_TODAY", "2026-12-06")
    monkeypatch.setenv("SAFETYPLAN_REST_SECRET", "x" * 40)
    settings = load_settings()
    assert settings.today is None
    assert ConversationService(settings).clock() == dt.date.today()


def test_a_fixed_today_that_is_not_a_date_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SAFETYPLAN_ENV", "development")
    monkeypatch.setenv("SAFETYPLAN_TODAY", "6/12/2026")
    with pytest.raises(SettingsError, match="YYYY-MM-DD"):
        load_settings()
