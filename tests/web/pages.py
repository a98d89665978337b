"""Helpers for the browser tests: the watched page, screenshots, waiting on chat turns."""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from playwright.sync_api import Page

REPO = Path(__file__).resolve().parents[2]
SHOTS = REPO / "test-output" / "screenshots"
DESKTOP = {"width": 1280, "height": 860}
PHONE = {"width": 375, "height": 740}
TURN_TIMEOUT_S = 90.0
TURN_END = ("done", "busy", "error")


@dataclass
class Watched:
    """A page plus what it did: uncaught JS errors and the WebSocket frames both ways."""

    page: Page
    errors: list[str] = field(default_factory=list)
    received: list[dict[str, Any]] = field(default_factory=list)
    sent: list[dict[str, Any]] = field(default_factory=list)

    def events(self, kind: str) -> list[dict[str, Any]]:
        """Server events of one type received so far."""
        return [e for e in self.received if e.get("type") == kind]

    def wait_until(
        self, ready: Callable[[], bool], what: str, timeout: float = TURN_TIMEOUT_S
    ) -> None:
        """Let the page run until ``ready()`` holds; fail naming ``what`` after ``timeout``."""
        deadline = time.monotonic() + timeout
        while not ready():
            if time.monotonic() > deadline:
                kinds = [e.get("type") for e in self.received][-20:]
                raise AssertionError(f"timed out waiting for {what}; last events: {kinds}")
            self.page.wait_for_timeout(100)

    def turn(self, act: Callable[[], None], what: str) -> list[dict[str, Any]]:
        """Run ``act`` (which starts a chat turn) and return that turn's events up to ``done``.

        A ``busy`` or ``error`` event ends the turn too and fails the test with its message.
        """
        start = len(self.received)
        act()
        self.wait_until(
            lambda: any(e.get("type") in TURN_END for e in self.received[start:]),
            f"the end of the turn for {what}",
        )
        events = self.received[start:]
        end = next(e for e in events if e.get("type") in TURN_END)
        assert end["type"] == "done", f"{what}: the server answered {end}"
        return events[: events.index(end) + 1]


def record(frames: list[dict[str, Any]], payload: str | bytes) -> None:
    """Append one WebSocket frame, when it is a JSON object, to ``frames``."""
    try:
        value = json.loads(payload)
    except ValueError:
        return
    if isinstance(value, dict):
        frames.append(value)


def shot(page: Page, name: str, *, full_page: bool = False) -> Path:
    """Save a screenshot under test-output/screenshots/ and return its path."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    path = SHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=full_page)
    return path


def horizontal_overflow(page: Page) -> int:
    """How many CSS pixels the document is wider than the viewport (0 when it fits)."""
    return int(
        page.evaluate(
            "Math.max(document.documentElement.scrollWidth, document.body.scrollWidth)"
            " - window.innerWidth"
        )
    )


def images_loaded(page: Page, selector: str) -> list[bool]:
    """For every ``img`` matching ``selector`` (shadow roots included): did it load?

    An image still loading is waited for (up to 10 s): reading ``complete`` at once raced the
    browser under a loaded machine. A broken image ends with ``naturalWidth`` 0 and reads False.
    """
    loc = page.locator(selector)
    return [bool(loc.nth(i).evaluate(_LOADED_JS)) for i in range(loc.count())]


_LOADED_JS = """img => img.complete ? img.naturalWidth > 0 : Promise.race([
    new Promise(done => {
        img.addEventListener('load', () => done(img.naturalWidth > 0), {once: true});
        img.addEventListener('error', () => done(false), {once: true});
    }),
    new Promise(done => setTimeout(() => done(false), 10000)),
])"""
