"""A handler that fails outright: Sanic's own 500 page still carries the security headers.

The Rasa server has no route that fails on purpose, so this starts a real
Sanic server hardened exactly as the Rasa server is (bot.rasa_ext.hardening),
with one route that raises.
"""

from __future__ import annotations

import subprocess
import sys
import time
import urllib.error
import urllib.request

from bot.runner import free_port
from bot.web.security import HEADERS

APP = """
import dataclasses, sys
from sanic import Sanic
from bot.rasa_ext.hardening import harden
from bot.settings import load_settings

app = Sanic("failing")

@app.get("/fails")
async def fails(request):
    raise RuntimeError("a bug")

harden(app, dataclasses.replace(load_settings(), rate_limits=False))
app.run("127.0.0.1", int(sys.argv[1]), access_log=False)
"""


def test_a_500_carries_the_security_headers() -> None:
    port = free_port()
    server = subprocess.Popen(  # noqa: S603 - our own interpreter
        [sys.executable, "-c", APP, str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/fails", timeout=5)
            except urllib.error.HTTPError as error:
                status, headers, body = error.code, error.headers, error.read()
                break
            except OSError:
                assert time.monotonic() < deadline, "the server did not start"
                time.sleep(0.3)
        assert status == 500
        for name, value in HEADERS.items():
            assert headers.get(name) == value, name
        assert b"a bug" not in body and b"Traceback" not in body
    finally:
        server.kill()
        server.wait(timeout=10)
