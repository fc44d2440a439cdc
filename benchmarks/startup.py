"""Time the README's run command: cold (fresh clone: venv, packages, bun, build)
and warm (second run of the same clone), until /login answers.

    .venv/bin/python benchmarks/startup.py [--port 3300]

Prints JSON. Absolute seconds on shared machines are indicative only; the pip
download cache of the machine is whatever it is (noted in BENCHMARKS.md).
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import signal
import subprocess
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _serve_time(clone: Path, port: int, timeout: float = 1200) -> float:
    env = os.environ | {"HOFFICE_PORT": str(port), "HOFFICE_DEMO_PASSWORD": "bench-pass-1"}
    env.pop("VIRTUAL_ENV", None)
    env["PATH"] = ":".join(p for p in env["PATH"].split(":") if ".venv" not in p and ".tools" not in p)
    start = time.monotonic()
    proc = subprocess.Popen(["bin/run"], cwd=clone, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            start_new_session=True)
    try:
        while time.monotonic() - start < timeout:
            try:
                with urllib.request.urlopen(f"http://localhost:{port}/login/", timeout=2) as r:
                    if r.status == 200:
                        return time.monotonic() - start
            except OSError:
                time.sleep(0.25)
        raise RuntimeError("server did not come up")
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=30)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, default=3300)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        clone = Path(tmp) / "clone"
        subprocess.run(["git", "clone", "-q", str(ROOT), str(clone)], check=True)
        cold = _serve_time(clone, args.port)
        time.sleep(2)
        warm = _serve_time(clone, args.port)
    print(json.dumps({"cold_run_s": round(cold, 1), "warm_run_s": round(warm, 1), "cpus": os.cpu_count(),
                      "machine": platform.platform()}))


if __name__ == "__main__":
    main()
