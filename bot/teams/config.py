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

Two rules make a configuration unusable (the channel answers 503, contacts
nothing and logs why):
- the key and token addresses (TEAMS_OPENID_METADATA_URL, TEAMS_TOKEN_URL,
  TEAMS_JWKS_URL) must be https; plain http is allowed only in development
  and only to this machine, which is how the tests reach their local fake;
- outside development TEAMS_ALLOWED_TENANTS must name the tenants (Azure AD
  directory ids) whose people may use the bot. It is checked on every
  activity; in development, unset means any tenant.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

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
    # Tenant ids (lower case) allowed to talk to the bot; empty means any
    # (development only: elsewhere `problem` says it must be set).
    allowed_tenants: tuple[str, ...] = ()
    # Why the settings cannot be used, if they cannot.
    problem: str | None = None
    # The Redis that several Rasa replicas share (SAFETYPLAN_LOCK_STORE_URL): the
    # activities already handled are remembered there, so a redelivery that the
    # load balancer sends to another replica is still answered only once.
    shared_store_url: str | None = None

    @property
    def configured(self) -> bool:
        return bool(self.app_id and self.app_password) and self.problem is None

    def tenant_allowed(self, tenant: str | None) -> bool:
        if not self.allowed_tenants:
            return True
        return tenant is not None and tenant.lower() in self.allowed_tenants


def _flag(value: str | None) -> bool:
    return (value or "").strip().lower() in {"1", "true", "yes", "on"}


LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "::1")


def address_problem(name: str, url: str | None, development: bool) -> str | None:
    """Why a key or token address may not be used; None when it may."""
    if not url:
        return None
    parts = urlsplit(url)
    if parts.scheme == "https" and parts.hostname:
        return None
    if development and parts.scheme == "http" and parts.hostname in LOOPBACK_HOSTS:
        return None
    return f"{name} must be an https address (plain http only to this machine in development)"


def load_teams_config(settings: Settings | None = None) -> TeamsConfig:
    settings = settings or load_settings()
    env = _env()
    listed = (env.get("TEAMS_SERVICE_URL_HOSTS") or "").split(",")
    hosts = tuple(h.strip().lower() for h in listed if h.strip())
    jwks_url = (env.get("TEAMS_JWKS_URL") or "").strip() or None
    development = settings.is_development
    problems = [
        address_problem(name, url, development)
        for name, url in (
            ("TEAMS_OPENID_METADATA_URL", settings.teams_openid_metadata_url),
            ("TEAMS_TOKEN_URL", settings.teams_token_url),
            ("TEAMS_JWKS_URL", jwks_url),
        )
    ]
    if not development and not settings.teams_allowed_tenants:
        problems.append(
            "TEAMS_ALLOWED_TENANTS is not set: name your organisation's tenant id(s)"
        )
    return TeamsConfig(
        app_id=settings.teams_app_id,
        app_password=settings.teams_app_password,
        openid_metadata_url=settings.teams_openid_metadata_url,
        token_url=settings.teams_token_url,
        allowed_issuers=settings.teams_allowed_issuers,
        jwks_url=jwks_url,
        service_url_hosts=hosts or DEFAULT_SERVICE_URL_HOSTS,
        # Plain http to this machine is a development convenience, never a
        # production switch: outside development the flag is ignored.
        allow_insecure_service_url=settings.is_development
        and _flag(env.get("TEAMS_ALLOW_INSECURE_SERVICE_URL")),
        shared_store_url=settings.lock_store_url,
        allowed_tenants=settings.teams_allowed_tenants,
        problem="; ".join(p for p in problems if p) or None,
    )
