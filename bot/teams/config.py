"""The Teams connector's settings: the shared ones from `bot.settings`, plus a few of its own.

Every address is a setting so the connector talks to Microsoft in production
and to a local fake in tests. The extra settings read here are:

- TEAMS_JWKS_URL: the signing keys address, when it should not come from the
  OpenID metadata document (normally unset);
- TEAMS_SERVICE_URL_HOSTS: hosts replies may be posted to (comma separated;
  a leading dot allows subdomains);
- TEAMS_ALLOW_INSECURE_SERVICE_URL: "true" lets replies go to http on this
  machine (127.0.0.1, localhost): for development and tests only, ignored
  outside development.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.settings import Settings, _env, load_settings

# Where Microsoft's Bot Connector lives for Teams (public cloud, GCC, GCC High,
# DoD). A serviceUrl the signed token vouches for is also accepted.
DEFAULT_SERVICE_URL_HOSTS = (
    "smba.trafficmanager.net",
    ".botframework.com",
    ".teams.microsoft.com",
    ".teams.microsoft.us",
    ".gov.teams.microsoft.us",
)


@dataclass(frozen=True)
class TeamsConfig:
    app_id: str | None
    app_password: str | None
    openid_metadata_url: str
    token_url: str
    allowed_issuers: tuple[str, ...]
    jwks_url: str | None = None
    service_url_hosts: tuple[str, ...] = DEFAULT_SERVICE_URL_HOSTS
    allow_insecure_service_url: bool = False

    @property
    def configured(self) -> bool:
        return bool(self.app_id and self.app_password)


def _flag(value: str | None) -> bool:
    return (value or "").strip().lower() in {"1", "true", "yes", "on"}


def load_teams_config(settings: Settings | None = None) -> TeamsConfig:
    settings = settings or load_settings()
    env = _env()
    listed = (env.get("TEAMS_SERVICE_URL_HOSTS") or "").split(",")
    hosts = tuple(h.strip().lower() for h in listed if h.strip())
    return TeamsConfig(
        app_id=settings.teams_app_id,
        app_password=settings.teams_app_password,
        openid_metadata_url=settings.teams_openid_metadata_url,
        token_url=settings.teams_token_url,
        allowed_issuers=settings.teams_allowed_issuers,
        jwks_url=(env.get("TEAMS_JWKS_URL") or "").strip() or None,
        service_url_hosts=hosts or DEFAULT_SERVICE_URL_HOSTS,
        # Plain http to this machine is a development convenience, never a
        # production switch: outside development the flag is ignored.
        allow_insecure_service_url=settings.is_development
        and _flag(env.get("TEAMS_ALLOW_INSECURE_SERVICE_URL")),
    )
