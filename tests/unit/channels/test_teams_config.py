"""Teams settings that would weaken the channel make it refuse to run, saying why (finding 6)."""

from __future__ import annotations

import dataclasses

import pytest

from bot.settings import load_settings
from bot.teams.config import load_teams_config

FAKE = "http://127.0.0.1:8123"


def settings(environment: str, **changes: object):  # noqa: ANN201
    base = dataclasses.replace(
        load_settings(),
        environment=environment,
        teams_app_id="app",
        teams_app_password="password",  # noqa: S106 - a made-up value
        teams_allowed_tenants=("tenant-1",),
    )
    return dataclasses.replace(base, **changes)


def test_microsofts_own_addresses_with_a_tenant_list_are_usable_in_production() -> None:
    config = load_teams_config(settings("production"))
    assert config.configured and config.problem is None
    assert config.tenant_allowed("TENANT-1".lower()) and not config.tenant_allowed("tenant-2")
    assert not config.tenant_allowed(None)


@pytest.mark.parametrize(
    "field", ["teams_openid_metadata_url", "teams_token_url"]
)
def test_plain_http_key_and_token_addresses_are_refused_outside_development(field: str) -> None:
    config = load_teams_config(settings("production", **{field: f"{FAKE}/x"}))
    assert not config.configured
    assert "https" in (config.problem or "")


def test_plain_http_jwks_address_is_refused_outside_development(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("TEAMS_JWKS_URL", "http://login.example/keys")
    config = load_teams_config(settings("production"))
    assert not config.configured and "TEAMS_JWKS_URL" in (config.problem or "")


def test_in_development_only_this_machine_may_be_reached_over_http() -> None:
    local = load_teams_config(
        settings("development", teams_openid_metadata_url=f"{FAKE}/m", teams_token_url=f"{FAKE}/t")
    )
    assert local.configured
    remote = load_teams_config(
        settings("development", teams_token_url="http://login.example/token")
    )
    assert not remote.configured and "TEAMS_TOKEN_URL" in (remote.problem or "")


def test_the_tenant_list_is_required_outside_development() -> None:
    config = load_teams_config(settings("production", teams_allowed_tenants=()))
    assert not config.configured and "TEAMS_ALLOWED_TENANTS" in (config.problem or "")
    # In development an unset list lets any tenant in (the local fake's, say).
    assert load_teams_config(settings("development", teams_allowed_tenants=())).tenant_allowed(
        "anyone"
    )
