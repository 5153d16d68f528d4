"""Settings, read from the environment (and an optional `.env` file at the project root).

Every setting has a safe default for one machine: a SQLite file under `var/`,
keys created on first run under `var/keys/` with 0600 permissions, the servers
on 127.0.0.1. Deployments set them through the environment; the README lists
them all.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def _load_dotenv(path: Path) -> dict[str, str]:
    values: dict[str, str] = {}
    if not path.is_file():
        return values
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith("#") or "=" not in line:
            continue
        key, _, value = line.partition("=")
        values[key.strip()] = value.strip().strip("'\"")
    return values


def _env() -> dict[str, str]:
    merged = _load_dotenv(PROJECT_ROOT / ".env")
    merged.update(os.environ)
    return merged


def _opt(env: dict[str, str], key: str) -> str | None:
    value = env.get(key, "").strip()
    return value or None


def _flag(env: dict[str, str], key: str, default: bool) -> bool:
    value = _opt(env, key)
    if value is None:
        return default
    lowered = value.lower()
    if lowered in {"1", "true", "yes", "on"}:
        return True
    if lowered in {"0", "false", "no", "off"}:
        return False
    raise SettingsError(f"{key} must be true or false, not {value!r}")


def _list(env: dict[str, str], key: str) -> tuple[str, ...]:
    return tuple(v.strip() for v in (env.get(key) or "").split(",") if v.strip())


def _minutes(env: dict[str, str], key: str, default: float) -> float:
    value = _opt(env, key)
    if value is None:
        return default
    try:
        minutes = float(value)
    except ValueError as error:
        raise SettingsError(f"{key} must be a number of minutes, not {value!r}") from error
    if not 0 < minutes < float("inf"):
        raise SettingsError(f"{key} must be more than 0 minutes, not {value!r}")
    return minutes


def _int(env: dict[str, str], key: str, default: int) -> int:
    value = _opt(env, key)
    if value is None:
        return default
    try:
        return int(value)
    except ValueError as error:
        raise SettingsError(f"{key} must be a whole number, not {value!r}") from error


def _day(env: dict[str, str], key: str) -> dt.date | None:
    value = _opt(env, key)
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError as error:
        raise SettingsError(f"{key} must be a date as YYYY-MM-DD, not {value!r}") from error


class SettingsError(ValueError):
    """A setting has a value the program cannot use."""


@dataclass(frozen=True)
class Settings:
    # Where everything lives.
    var_dir: Path
    database_url: str
    # "development" keeps the plain REST channel open on 127.0.0.1;
    # anything else protects it with rest_secret or turns it off.
    environment: str = "development"
    host: str = "127.0.0.1"
    rasa_port: int = 5005
    action_port: int = 5055
    public_url: str = "http://localhost:5005"
    lock_store_url: str | None = None
    # Who to call locally: these differ by council, so there is no default.
    council_name: str | None = None
    council_phone: str | None = None
    council_out_of_hours_phone: str | None = None
    protective_marking: str = "OFFICIAL-SENSITIVE"
    # Keys. When unset they are created on first run under var/keys/.
    secret_key: str | None = None
    encryption_keys: tuple[str, ...] = field(default_factory=tuple)
    rest_secret: str | None = None
    # The secret the Rasa server sends the action server on every call. When
    # unset it is created on first run under var/keys/, so it exists in
    # development too; the launcher hands it to both servers.
    action_secret: str | None = None
    # The action server listens on loopback unless told otherwise.
    action_host: str = "127.0.0.1"
    # Rate limits on the public routes: on outside development unless turned
    # off, off in development unless turned on (test drivers talk at machine speed).
    rate_limits: bool = False
    rate_per_ip_per_minute: int = 120
    rate_per_conversation_per_minute: int = 30
    new_conversations_per_ip_per_hour: int = 20
    wrong_secrets_per_ip_per_hour: int = 10
    retention_days: int = 90
    max_answer_chars: int = 5000
    link_lifetime_days: int = 30
    # A download link is made when the person asks for the document, works
    # once, and runs out after this many minutes.
    download_link_minutes: float = 5.0
    # A web chat with no activity for this long is closed (the plan is kept).
    idle_minutes: float = 30.0
    # Microsoft Teams (Bot Framework) connector.
    teams_app_id: str | None = None
    teams_app_password: str | None = None
    teams_openid_metadata_url: str = (
        "https://login.botframework.com/v1/.well-known/openidconfiguration"
    )
    # An address, not a secret.
    teams_token_url: str = "https://login.microsoftonline.com/botframework.com/oauth2/v2.0/token"  # noqa: S105
    teams_allowed_issuers: tuple[str, ...] = ("https://api.botframework.com",)
    # Azure AD tenant ids whose messages the Teams channel accepts.
    teams_allowed_tenants: tuple[str, ...] = ()
    # The day the interview takes as today ("in two weeks", "by Christmas"), for
    # evaluations replayed on a later day (tests/fidelity). Development only.
    today: dt.date | None = None

    @property
    def is_development(self) -> bool:
        return self.environment == "development"

    @property
    def download_link_seconds(self) -> int:
        return max(1, round(self.download_link_minutes * 60))

    @property
    def idle_seconds(self) -> int:
        return max(1, round(self.idle_minutes * 60))

    @property
    def keys_dir(self) -> Path:
        return self.var_dir / "keys"

    # Trained models are a cache keyed by their inputs, so they may live apart
    # from the data (tests share one model across temporary data folders).
    models_path: Path | None = None

    @property
    def models_dir(self) -> Path:
        return self.models_path or self.var_dir / "models"


def load_settings() -> Settings:
    env = _env()
    var_dir = Path(env.get("SAFETYPLAN_VAR_DIR") or PROJECT_ROOT / "var").resolve()
    database_url = _opt(env, "DATABASE_URL") or f"sqlite:///{var_dir / 'safetyplan.db'}"
    keys = tuple(
        k.strip() for k in (env.get("SAFETYPLAN_ENCRYPTION_KEYS") or "").split(",") if k.strip()
    )
    issuers = tuple(
        i.strip()
        for i in (env.get("TEAMS_ALLOWED_ISSUERS") or "https://api.botframework.com").split(",")
        if i.strip()
    )
    rasa_port = _int(env, "SAFETYPLAN_RASA_PORT", 5005)
    environment = (_opt(env, "SAFETYPLAN_ENV") or "development").lower()
    return Settings(
        var_dir=var_dir,
        database_url=database_url,
        models_path=Path(env["SAFETYPLAN_MODELS_DIR"])
        if _opt(env, "SAFETYPLAN_MODELS_DIR")
        else None,
        environment=environment,
        host=_opt(env, "SAFETYPLAN_HOST") or "127.0.0.1",
        rasa_port=rasa_port,
        action_port=_int(env, "SAFETYPLAN_ACTION_PORT", 5055),
        public_url=(_opt(env, "SAFETYPLAN_PUBLIC_URL") or f"http://localhost:{rasa_port}").rstrip(
            "/"
        ),
        lock_store_url=_opt(env, "SAFETYPLAN_LOCK_STORE_URL"),
        council_name=_opt(env, "COUNCIL_NAME"),
        council_phone=_opt(env, "COUNCIL_CHILDRENS_SERVICES_PHONE"),
        council_out_of_hours_phone=_opt(env, "COUNCIL_OUT_OF_HOURS_PHONE"),
        protective_marking=_opt(env, "SAFETYPLAN_PROTECTIVE_MARKING") or "OFFICIAL-SENSITIVE",
        secret_key=_opt(env, "SAFETYPLAN_SECRET_KEY"),
        encryption_keys=keys,
        rest_secret=_opt(env, "SAFETYPLAN_REST_SECRET"),
        action_secret=_opt(env, "SAFETYPLAN_ACTION_SECRET"),
        action_host=_opt(env, "SAFETYPLAN_ACTION_HOST") or "127.0.0.1",
        rate_limits=_flag(env, "SAFETYPLAN_RATE_LIMITS", environment != "development"),
        rate_per_ip_per_minute=_int(env, "SAFETYPLAN_RATE_PER_IP_PER_MINUTE", 120),
        rate_per_conversation_per_minute=_int(
            env, "SAFETYPLAN_RATE_PER_CONVERSATION_PER_MINUTE", 30
        ),
        new_conversations_per_ip_per_hour=_int(
            env, "SAFETYPLAN_NEW_CONVERSATIONS_PER_IP_PER_HOUR", 20
        ),
        wrong_secrets_per_ip_per_hour=_int(env, "SAFETYPLAN_WRONG_SECRETS_PER_IP_PER_HOUR", 10),
        retention_days=_int(env, "SAFETYPLAN_RETENTION_DAYS", 90),
        max_answer_chars=_int(env, "SAFETYPLAN_MAX_ANSWER_CHARS", 5000),
        link_lifetime_days=_int(env, "SAFETYPLAN_LINK_LIFETIME_DAYS", 30),
        download_link_minutes=_minutes(env, "SAFETYPLAN_DOWNLOAD_LINK_MINUTES", 5.0),
        idle_minutes=_minutes(env, "SAFETYPLAN_IDLE_MINUTES", 30.0),
        today=_day(env, "SAFETYPLAN_TODAY") if environment == "development" else None,
        teams_app_id=_opt(env, "TEAMS_APP_ID"),
        teams_app_password=_opt(env, "TEAMS_APP_PASSWORD"),
        teams_openid_metadata_url=_opt(env, "TEAMS_OPENID_METADATA_URL")
        or Settings.teams_openid_metadata_url,
        teams_token_url=_opt(env, "TEAMS_TOKEN_URL") or Settings.teams_token_url,
        teams_allowed_issuers=issuers,
        teams_allowed_tenants=tuple(t.lower() for t in _list(env, "TEAMS_ALLOWED_TENANTS")),
    )
