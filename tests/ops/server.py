"""gunicorn as `make serve-prod` runs it, on a free loopback port, for the tests and bench/load.py."""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LISTENING = re.compile(r"Listening at: http://127\.0\.0\.1:(\d+)")


class Gunicorn:
    def __init__(self, database_url: str, data_dir: Path, workers: int = 2, extra_env: dict | None = None):
        self.env = {**os.environ, "DATABASE_URL": database_url, "RANDWIJZER_DATA_DIR": str(data_dir),
                    "DJANGO_DEBUG": "0", "LOG_FORMAT": "json", "STATIC_COLLECTED": "1", "HOST": "127.0.0.1", "PORT": "0",
                    "WORKERS": str(workers), **(extra_env or {})}
        self.lines: list[str] = []
        self.process: subprocess.Popen | None = None
        self.url = ""

    def start(self, timeout: float = 60) -> "Gunicorn":
        gunicorn = Path(sys.executable).with_name("gunicorn")
        self.process = subprocess.Popen([str(gunicorn), "-c", "python:randwijzer.ops.gunicorn_conf"], env=self.env,
                                        cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        port = threading.Event()

        def read():
            for line in self.process.stderr:
                self.lines.append(line.rstrip("\n"))
                if not self.url and (found := LISTENING.search(line)):
                    self.url = f"http://127.0.0.1:{found.group(1)}"
                    port.set()

        threading.Thread(target=read, daemon=True).start()
        if not port.wait(timeout):
            self.stop()
            raise RuntimeError("gunicorn did not start:\n" + "\n".join(self.lines[-30:]))
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                if self.get("/healthz")[0] == 200:
                    return self
            except OSError:
                pass
            time.sleep(0.2)
        self.stop()
        raise RuntimeError("gunicorn did not answer /healthz:\n" + "\n".join(self.lines[-30:]))

    def get(self, path: str, headers: dict | None = None, timeout: float = 30) -> tuple[int, dict, bytes]:
        request = urllib.request.Request(self.url + path, headers=headers or {})
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                return response.status, dict(response.headers), response.read()
        except urllib.error.HTTPError as error:
            return error.code, dict(error.headers), error.read()

    def json_logs(self) -> list[dict]:
        logs = []
        for line in list(self.lines):
            try:
                logs.append(json.loads(line))
            except ValueError:
                pass
        return logs

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(5)

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()
