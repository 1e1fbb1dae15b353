"""Measure ``import cognite.client`` (target < 150 ms here) and check that pandas/numpy are not imported.

Run: ``.venv/bin/python benchmarks/bench_import.py``. Each sample is a fresh interpreter; the floor is a
bare ``python -c pass`` in the same run, so the report gives the import's own cost.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time

RUNS = 15


def sample(code: str) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True)
    return time.perf_counter() - start


def main() -> None:
    code = "import cognite.client"
    check = (
        "import sys, cognite.client\n"
        "from cognite.client import CogniteClient, AsyncCogniteClient\n"
        "heavy = [m for m in ('pandas', 'numpy', 'starlette', 'uvicorn', 'aiohttp') if m in sys.modules]\n"
        "print(','.join(heavy))"
    )
    heavy = subprocess.run([sys.executable, "-c", check], check=True, capture_output=True, text=True).stdout.strip()
    floor = [sample("pass") for _ in range(RUNS)]
    total = [sample(code) for _ in range(RUNS)]
    base, imp = statistics.median(floor), statistics.median(total)
    print(f"python startup (floor): {base * 1000:.1f} ms (median of {RUNS})")
    print(f"python + import cognite.client: {imp * 1000:.1f} ms")
    print(f"import cognite.client alone: {(imp - base) * 1000:.1f} ms (target < 150 ms)")
    print(f"heavy modules loaded by importing the clients: {heavy or 'none'}")


if __name__ == "__main__":
    main()
