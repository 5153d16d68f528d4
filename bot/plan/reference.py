"""Case references: short, unguessable, easy to read aloud on the phone."""

from __future__ import annotations

import secrets

# No 0/O, 1/I/L (misread), and no 9: bot messages may contain "999" only on
# the urgent-danger path, and a reference is shown in ordinary messages.
ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ2345678"


def new_reference() -> str:
    return "SP-" + "".join(secrets.choice(ALPHABET) for _ in range(6))
