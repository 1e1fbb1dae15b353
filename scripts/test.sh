#!/usr/bin/env bash
# The test command (README): install into .venv, then lint, type-check, check the generated sync
# client for drift, and run the test suite. CI (.ci/run) runs exactly this.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
[ -x .venv/bin/python ] || "$PY" -m venv .venv
.venv/bin/python -m pip install -q --disable-pip-version-check -e ".[dev]"
# One command per line: under `set -e` a failure inside an `a && b` list would not stop the script.
echo "== ruff"
.venv/bin/ruff check .
.venv/bin/ruff format --check .
echo "== mypy --strict cognite/client"; .venv/bin/mypy
echo "== generated sync client up to date"; .venv/bin/python scripts/gen_sync.py --check
echo "== pytest"; .venv/bin/python -m pytest -q -p no:cacheprovider "$@"
