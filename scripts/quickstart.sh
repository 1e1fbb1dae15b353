#!/usr/bin/env bash
# The README's main command: install the SDK with the emulator extra and run the quickstart against it.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
[ -x .venv/bin/python ] || "$PY" -m venv .venv
.venv/bin/python -m pip install -q --disable-pip-version-check -e ".[emulator]"
.venv/bin/python examples/quickstart.py
