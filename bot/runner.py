"""Trains the model when its inputs changed; runs the Rasa server and the action server together.

Used by `make run` (through `safetyplan run`) and by the tests, which start
the same real servers on free ports with their own database.
"""

from __future__ import annotations

import dataclasses
import fcntl
import hashlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

import yaml

from bot.private_files import secure_var_dir
from bot.settings import PROJECT_ROOT, Settings

MODEL_INPUTS = ("config.yml", "domain.yml", "data")


class StartupError(RuntimeError):
    """The servers could not be started; the message says why and what to do."""


# -- the model ---------------------------------------------------------------------


def model_fingerprint(root: Path = PROJECT_ROOT) -> str:
    """A hash of everything training reads: retrain only when one of these changed."""
    digest = hashlib.sha256()
    for name in MODEL_INPUTS:
        path = root / name
        files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        for file in files:
            digest.update(str(file.relative_to(root)).encode())
            digest.update(file.read_bytes())
    return digest.hexdigest()[:16]


def model_path(settings: Settings, root: Path = PROJECT_ROOT) -> Path:
    return settings.models_dir / f"safetyplan-{model_fingerprint(root)}.tar.gz"


def python() -> str:
    return sys.executable


def reach(host: str) -> str:
    """The address to call a server on that listens on `host`."""
    return "127.0.0.1" if host in ("", "0.0.0.0", "::") else host  # noqa: S104 - compared, not bound


def child_environment(settings: Settings) -> dict[str, str]:
    from bot.access.action_secret import ENV as ACTION_SECRET_ENV
    from bot.access.action_secret import action_secret

    env = dict(os.environ)
    env.update(
        {
            "PYTHONUNBUFFERED": "1",
            "RASA_TELEMETRY_ENABLED": "false",
            "SQLALCHEMY_SILENCE_UBER_WARNING": "1",
            "TF_CPP_MIN_LOG_LEVEL": "3",
            "SAFETYPLAN_VAR_DIR": str(settings.var_dir),
            "SAFETYPLAN_MODELS_DIR": str(settings.models_dir),
            "DATABASE_URL": settings.database_url,
            "SAFETYPLAN_RASA_PORT": str(settings.rasa_port),
            "SAFETYPLAN_ACTION_PORT": str(settings.action_port),
            "SAFETYPLAN_HOST": settings.host,
            "SAFETYPLAN_ACTION_HOST": settings.action_host,
            # Both servers hold the same secret: the Rasa server sends it on every
            # action call (runtime_endpoints), the action server refuses calls without it.
            ACTION_SECRET_ENV: action_secret(settings),
            "SAFETYPLAN_PUBLIC_URL": settings.public_url,
            "SANIC_HOST": settings.host,
            "MPLCONFIGDIR": str(settings.var_dir / "matplotlib"),
        }
    )
    env.pop("LOG_LEVEL_LIBRARIES", None)
    return env


def train(
    settings: Settings, force: bool = False, quiet: bool = False, root: Path = PROJECT_ROOT
) -> Path:
    """The model for the current data, trained only if no model for it exists yet."""
    target = model_path(settings, root)
    if target.exists() and not force:
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    # Several processes (make run, tests) may want the same model: one trains,
    # the others wait for it and use it.
    with open(target.parent / ".train.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if target.exists() and not force:
            return target
        return _train_locked(settings, target, quiet, root)


def _train_locked(settings: Settings, target: Path, quiet: bool, root: Path) -> Path:
    log_dir = settings.var_dir / "logs"
    log_dir.mkdir(parents=True, exist_ok=True)
    log_file = log_dir / "train.log"
    command = [
        python(),
        "-m",
        "bot.rasa_ext.server",
        "train",
        "--config",
        str(root / "config.yml"),
        "--domain",
        str(root / "domain.yml"),
        "--data",
        str(root / "data"),
        "--out",
        str(target.parent),
        "--fixed-model-name",
        target.name[: -len(".tar.gz")],
    ]
    if not quiet:
        print(
            "Training the assistant's model (about a minute or two; only when its data changed)...",
            flush=True,
        )
    started = time.monotonic()
    with open(log_file, "w", encoding="utf-8") as log:
        result = subprocess.run(  # noqa: S603 - our own interpreter and module
            command,
            cwd=root,
            env=child_environment(settings),
            stdout=log,
            stderr=subprocess.STDOUT,
            check=False,
        )
    if result.returncode != 0 or not target.exists():
        raise StartupError(
            f"Training failed (exit code {result.returncode}). The last lines of {log_file}:\n"
            + tail(log_file)
        )
    if not quiet:
        print(f"Trained in {time.monotonic() - started:.0f} s: {target.name}", flush=True)
    for old in target.parent.glob("safetyplan-*.tar.gz"):
        if old != target and old.stat().st_mtime < time.time() - 7 * 86400:
            old.unlink(missing_ok=True)
    return target


def tail(path: Path, lines: int = 12) -> str:
    try:
        content = path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return "(no log)"
    return "\n".join(content[-lines:])


# -- ports and readiness -------------------------------------------------------------


def port_in_use(host: str, port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError:
            return True
    return False


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def answers(url: str, timeout: float = 2.0) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as reply:  # noqa: S310 - our own local server
            return 200 <= reply.status < 500
    except (urllib.error.URLError, OSError, ValueError):
        return False


def runtime_endpoints(settings: Settings, root: Path = PROJECT_ROOT) -> Path:
    """endpoints.yml with this run's action server port and, if set, the Redis lock store."""
    endpoints = yaml.safe_load((root / "endpoints.yml").read_text(encoding="utf-8")) or {}
    endpoints["action_endpoint"] = {
        **(endpoints.get("action_endpoint") or {}),
        "url": f"http://{reach(settings.action_host)}:{settings.action_port}/webhook",
        # Filled in from the environment by Rasa, so the secret is never written here.
        "headers": {"Authorization": "Bearer ${SAFETYPLAN_ACTION_SECRET}"},
    }
    if settings.lock_store_url:
        from urllib.parse import urlparse

        parsed = urlparse(settings.lock_store_url)
        lock_store: dict[str, object] = {
            "type": "redis",
            "url": parsed.hostname or "127.0.0.1",
            "port": parsed.port or 6379,
            "db": int((parsed.path or "/0").lstrip("/") or 0),
        }
        if parsed.password:
            lock_store["password"] = parsed.password
        endpoints["lock_store"] = lock_store
    path = settings.var_dir / "runtime" / "endpoints.yml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(endpoints, sort_keys=False), encoding="utf-8")
    return path


# -- the two servers ---------------------------------------------------------------


@dataclass
class Server:
    name: str
    command: list[str]
    health_url: str
    log_file: Path
    process: subprocess.Popen | None = None

    def start(self, env: dict[str, str], cwd: Path, append: bool = False) -> None:
        self.log_file.parent.mkdir(parents=True, exist_ok=True)
        # A restart appends, so the lines from before the crash are still there to read.
        log = open(self.log_file, "a" if append else "w", encoding="utf-8")  # noqa: SIM115
        if append:
            stamp = time.strftime("%Y-%m-%d %H:%M:%S")
            log.write(f"\n--- restarted by safetyplan run at {stamp} ---\n")
            log.flush()
        self.process = subprocess.Popen(  # noqa: S603 - our own interpreter and module
            self.command,
            cwd=cwd,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
            # Whatever the servers create (SQLite's files, logs, keys) is theirs alone.
            umask=0o077,
        )
        log.close()

    def exit_code(self) -> int | None:
        return None if self.process is None else self.process.poll()

    def stop(self, kill: bool = False) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        try:
            os.killpg(self.process.pid, signal.SIGKILL if kill else signal.SIGTERM)
        except ProcessLookupError:
            return
        if not kill:
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=15)


@dataclass
class Stack:
    """The Rasa server and the action server, started and stopped together.

    With `actions=False` it is one more Rasa replica: only the Rasa server, calling
    the action server already running at the settings' action address (several
    replicas share one database and the Redis lock store; README, "Deploying beyond
    one machine").
    """

    settings: Settings
    root: Path = PROJECT_ROOT
    servers: list[Server] = field(default_factory=list)
    actions: bool = True

    def check_ports(self) -> None:
        wanted = [("the Rasa server", self.settings.rasa_port, "SAFETYPLAN_RASA_PORT")]
        if self.actions:
            wanted.append(
                ("the action server", self.settings.action_port, "SAFETYPLAN_ACTION_PORT")
            )
        for label, port, setting in wanted:
            if port_in_use(self.settings.host, port):
                raise StartupError(
                    f"Port {port} on {self.settings.host} is already in use, and {label} needs it. "
                    f"Stop the program using it, or choose another port with "
                    f"{setting}."
                )

    def start(self, model: Path, timeout: float = 300.0) -> None:
        settings = self.settings
        self.check_ports()
        secure_var_dir(settings)
        env = child_environment(settings)
        logs = settings.var_dir / "logs"
        base = f"http://127.0.0.1:{settings.rasa_port}"
        action_server = Server(
            "action server",
            [python(), "-m", "bot.rasa_ext.action_server"],
            f"http://{reach(settings.action_host)}:{settings.action_port}/health",
            logs / "actions.log",
        )
        self.servers = [
            *([action_server] if self.actions else []),
            Server(
                "Rasa server",
                [
                    python(),
                    "-m",
                    "bot.rasa_ext.server",
                    "run",
                    "--model",
                    str(model),
                    "--port",
                    str(settings.rasa_port),
                    "--interface",
                    settings.host,
                    "--credentials",
                    str(self._credentials()),
                    "--endpoints",
                    str(runtime_endpoints(settings, self.root)),
                    "--response-timeout",
                    "120",
                ],
                f"{base}/webhooks/rest/",
                logs / "rasa.log",
            ),
        ]
        for server in self.servers:
            server.start(env, self.root)
        self.wait_ready(timeout)

    def _credentials(self) -> Path:
        return self.root / "credentials.yml"

    def wait_ready(self, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        pending = list(self.servers)
        while pending:
            for server in list(pending):
                code = server.exit_code()
                if code is not None:
                    self.stop()
                    raise StartupError(
                        f"The {server.name} stopped while starting (exit code {code}). "
                        f"The last lines of {server.log_file}:\n{tail(server.log_file)}"
                    )
                if answers(server.health_url):
                    pending.remove(server)
            if time.monotonic() > deadline:
                self.stop()
                names = " and ".join(s.name for s in pending)
                raise StartupError(f"The {names} did not answer within {timeout:.0f} s.")
            time.sleep(0.5)

    def stop(self, kill: bool = False) -> None:
        for server in reversed(self.servers):
            server.stop(kill=kill)

    @property
    def rest_url(self) -> str:
        return f"http://127.0.0.1:{self.settings.rasa_port}/webhooks/rest/webhook"


def prepare_database(settings: Settings) -> None:
    from bot.storage.migrate import upgrade

    secure_var_dir(settings)
    upgrade(settings.database_url)


def describe_exit(code: int) -> str:
    """An exit code in words: "exit code 1", or "killed by SIGKILL" for a signal."""
    if code < 0:
        try:
            return f"killed by {signal.Signals(-code).name}"
        except ValueError:
            return f"killed by signal {-code}"
    return f"exit code {code}"


@dataclass
class RestartPolicy:
    """When to start a crashed server again, and when to stop trying.

    Each crash within `window` seconds of the last ones doubles the wait
    (1 s, 2 s, 4 s, ... up to `cap`); the `give_up_after`-th crash within the
    window means something is wrong that restarting will not fix.
    """

    first_delay: float = 1.0
    cap: float = 30.0
    give_up_after: int = 5
    window: float = 300.0
    crashes: list[float] = field(default_factory=list)

    def crashed(self, now: float) -> float | None:
        """Records a crash at `now`; the seconds to wait before restarting, or None to give up."""
        self.crashes = [t for t in self.crashes if now - t < self.window] + [now]
        if len(self.crashes) >= self.give_up_after:
            return None
        return min(self.first_delay * 2 ** (len(self.crashes) - 1), self.cap)


@dataclass
class Supervised:
    """One server under `run_forever`: its restart policy and what it is waiting for."""

    server: Server
    policy: RestartPolicy
    restart_at: float | None = None  # waiting out the backoff
    starting_since: float | None = None  # restarted, not answering yet


class Supervisor:
    """Keeps both servers up: a crashed one is restarted with backoff while the other serves.

    Only exit codes and timings are printed, never anything from a conversation.
    """

    def __init__(
        self,
        stack: Stack,
        policy: RestartPolicy | None = None,
        start_timeout: float = 300.0,
        out: TextIO | None = None,
    ) -> None:
        template = policy or RestartPolicy()
        self.stack = stack
        self.start_timeout = start_timeout
        self.out = out
        self.env = child_environment(stack.settings)
        self.watched = [
            Supervised(server, dataclasses.replace(template, crashes=[]))
            for server in stack.servers
        ]
        self.gave_up: str | None = None

    def say(self, message: str) -> None:
        stamp = time.strftime("%H:%M:%S")
        print(f"[{stamp}] {message}", file=self.out or sys.stderr, flush=True)

    def check(self, now: float | None = None) -> bool:
        """One look at both servers; False once it has given up (the reason is in gave_up)."""
        for watched in self.watched:
            now = time.monotonic() if now is None else now
            server = watched.server
            if watched.restart_at is not None:
                if now >= watched.restart_at:
                    watched.restart_at = None
                    watched.starting_since = now
                    server.start(self.env, self.stack.root, append=True)
                continue
            code = server.exit_code()
            if code is not None:
                if not self._crashed(watched, code, now):
                    return False
                continue
            if watched.starting_since is not None:
                if answers(server.health_url, timeout=1.0):
                    took = now - watched.starting_since
                    self.say(f"The {server.name} is back (it took {took:.0f} s to start).")
                    watched.starting_since = None
                elif now - watched.starting_since > self.start_timeout:
                    server.stop(kill=True)
                    if not self._crashed(
                        watched, None, now, f"did not answer within {self.start_timeout:.0f} s"
                    ):
                        return False
        return True

    def _crashed(
        self, watched: Supervised, code: int | None, now: float, why: str | None = None
    ) -> bool:
        server = watched.server
        others = [w.server.name for w in self.watched if w is not watched]
        reason = why or describe_exit(code or 0)
        if watched.starting_since is not None and why is None:
            reason = f"{reason}, while starting"
        watched.starting_since = None
        delay = watched.policy.crashed(now)
        if delay is None:
            policy = watched.policy
            self.gave_up = (
                f"The {server.name} stopped unexpectedly ({reason}): {policy.give_up_after} "
                f"crashes within {policy.window / 60:.0f} minutes, so safetyplan is giving up and "
                f"stopping the {' and '.join(others)} too. Find the cause in {server.log_file}, "
                f"then start it again with `make run`. The last lines:\n{tail(server.log_file)}"
            )
            self.say(self.gave_up)
            return False
        self.say(
            f"The {server.name} stopped unexpectedly ({reason}). The {' and '.join(others)} "
            f"keeps serving; restarting the {server.name} in {delay:g} s "
            f"(crash {len(watched.policy.crashes)} in {watched.policy.window / 60:.0f} minutes; "
            f"it gives up at {watched.policy.give_up_after}. Its log: {server.log_file})."
        )
        watched.restart_at = now + delay
        return True


def run_forever(settings: Settings) -> int:
    """`make run`: start everything, say where to chat, restart a server that crashes.

    Ctrl-C (or SIGTERM) stops both. A crashed server is started again with
    backoff while the other keeps serving; after repeated crashes it gives up,
    stops both and says why.
    """
    stack = Stack(settings)
    # Fail fast, before minutes of training, when the ports are taken.
    stack.check_ports()
    prepare_database(settings)
    model = train(settings)
    stopping = False

    def on_signal(signum: int, _frame: object) -> None:
        nonlocal stopping
        stopping = True

    previous = {s: signal.signal(s, on_signal) for s in (signal.SIGINT, signal.SIGTERM)}
    try:
        print("Starting the action server and the Rasa server...", flush=True)
        stack.start(model)
        public = settings.public_url
        print(
            f"\nsafetyplan is ready.\n  Chat in your browser: {public}/chat/\n"
            f"  REST channel: POST {public}/webhooks/rest/webhook",
            flush=True,
        )
        if settings.is_development:
            print(
                f"  (development mode: the REST channel is open, on {settings.host} only)",
                flush=True,
            )
        print("Press Ctrl-C to stop.", flush=True)
        supervisor = Supervisor(stack)
        while not stopping:
            if not supervisor.check():
                stack.stop()
                return 1
            time.sleep(0.25)
        print("\nStopping...", flush=True)
        stack.stop()
        print("Stopped.", flush=True)
        return 0
    finally:
        stack.stop()
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def clean_var(settings: Settings) -> None:
    shutil.rmtree(settings.var_dir / "runtime", ignore_errors=True)
