"""A one-line progress display for long runs: files done, rate, time left.

Shown only on a terminal, and never in CI (CI=true), so logs stay clean.
"""
from __future__ import annotations

import os
import sys
import time
from typing import TextIO

REFRESH_SECONDS = 0.1
MINIMUM_FILES = 200  # shorter runs finish before a display would help


class Progress:
    def __init__(self, label: str = "Reading articles", stream: TextIO | None = None, enabled: bool | None = None):
        self.label, self.stream = label, stream or sys.stderr
        if enabled is None:
            enabled = self.stream.isatty() and not os.environ.get("CI")
        self.enabled = enabled
        self.total = self.done = 0
        self.started = self.shown = 0.0

    def start(self, total: int) -> None:
        self.total, self.done = total, 0
        self.started = self.shown = time.monotonic()
        self.enabled = self.enabled and total >= MINIMUM_FILES

    def advance(self, count: int = 1) -> None:
        self.done += count
        now = time.monotonic()
        if self.enabled and (now - self.shown >= REFRESH_SECONDS or self.done == self.total):
            self.shown = now
            self.stream.write("\r" + self.line(now))
            self.stream.flush()

    def finish(self) -> None:
        if self.enabled and self.total:
            self.stream.write("\n")
            self.stream.flush()

    def line(self, now: float) -> str:
        elapsed = max(now - self.started, 1e-6)
        rate = self.done / elapsed
        left = (self.total - self.done) / rate if rate else 0
        return f"{self.label}: {self.done:,}/{self.total:,} ({rate:,.0f}/s, {left:,.0f} s left)  "
