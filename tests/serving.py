"""Start the portal as a real server subprocess (gunicorn or `python app.py`) for tests."""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def http_get(url: str, timeout: float = 10) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read()


@contextlib.contextmanager
def serve(
    instance_dir: Path,
    env: dict[str, str] | None = None,
    gunicorn_workers: int | None = None,
    ready_status: tuple[int, ...] = (200,),
) -> Iterator[str]:
    """Serve the portal on a free port until the block ends; yields its base URL."""
    port = free_port()
    full_env = {k: v for k, v in os.environ.items() if k not in ("DATA_DIR", "SECRET_KEY")}
    full_env.update(
        {"INSTANCE_DIR": str(instance_dir), "PORT": str(port), "PORTAL_ENV": "development"}
    )
    full_env.update(env or {})
    if gunicorn_workers:
        command = [
            str(Path(sys.executable).parent / "gunicorn"),
            "--no-control-socket",
            "-w", str(gunicorn_workers),
            "--threads", "4",
            "-b", f"127.0.0.1:{port}",
            "app:server",
        ]  # fmt: skip
    else:
        command = [sys.executable, "app.py"]
    log_path = instance_dir / f"server-{port}.log"
    instance_dir.mkdir(parents=True, exist_ok=True)
    with open(log_path, "wb") as log:
        proc = subprocess.Popen(
            command, cwd=ROOT, env=full_env, stdout=log, stderr=subprocess.STDOUT
        )
        url = f"http://127.0.0.1:{port}"
        try:
            _wait_ready(url, proc, log_path, ready_status)
            yield url
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


def _wait_ready(url: str, proc: subprocess.Popen, log_path: Path, ready: tuple[int, ...]) -> None:
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"server exited with {proc.returncode}:\n{log_path.read_text()}")
        try:
            status, _ = http_get(f"{url}/healthz", timeout=5)
            if status in ready:
                return
        except OSError:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"server did not answer in time:\n{log_path.read_text()}")
