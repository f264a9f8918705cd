"""``briefing serve``: the viewer in a browser, through textual-serve (``briefing[web]``).

The server runs as a user starts it, a subprocess; a browser's part is played by
aiohttp's client: the page, then the websocket that carries the viewer's screen.
"""

from __future__ import annotations

import asyncio
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.cli_run import ARTICLE, SAMPLE, child_environment, run_cli

aiohttp = pytest.importorskip("aiohttp")
pytest.importorskip("textual_serve")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@contextmanager
def server(*args: str | Path) -> Iterator[tuple[subprocess.Popen[bytes], int]]:
    """``briefing serve ARGS --port P`` running until it is listening; stopped after."""
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "briefing", "serve", *map(str, args), "--port", str(port)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=child_environment())
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if process.poll() is not None:
                raise AssertionError(process.stderr.read().decode() if process.stderr else "")
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
                break
            except OSError:
                time.sleep(0.1)
        yield process, port
    finally:
        if process.poll() is None:
            process.kill()
        process.wait()


async def viewer_screen(port: int, until: str, seconds: float = 30) -> str:
    """What the viewer draws over the websocket of a browser tab of 100x30, until
    ``until`` appears (or ``seconds`` pass)."""
    drawn = ""
    url = f"http://127.0.0.1:{port}/ws?width=100&height=30"
    async with aiohttp.ClientSession() as session, session.ws_connect(url) as websocket:
        deadline = time.monotonic() + seconds
        while until not in drawn and time.monotonic() < deadline:
            try:
                message = await websocket.receive(timeout=deadline - time.monotonic())
            except TimeoutError:
                break
            if message.type == aiohttp.WSMsgType.BINARY:
                drawn += message.data.decode("utf-8", "replace")
            elif message.type in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED):
                break
    return drawn


async def browse(port: int, steps: list[tuple[str, str]], seconds: float = 30) -> list[bool]:
    """In one browser tab of 100x30: for each step, type its keys, then wait until its
    text is drawn; whether each was."""
    seen = []
    url = f"http://127.0.0.1:{port}/ws?width=100&height=30"
    async with aiohttp.ClientSession() as session, session.ws_connect(url) as websocket:
        for keys, until in steps:
            if keys:
                await websocket.send_json(["stdin", keys])
            drawn = ""
            deadline = time.monotonic() + seconds
            while until not in drawn and time.monotonic() < deadline:
                try:
                    message = await websocket.receive(timeout=deadline - time.monotonic())
                except TimeoutError:
                    break
                if message.type != aiohttp.WSMsgType.BINARY:
                    break
                drawn += message.data.decode("utf-8", "replace")
            seen.append(until in drawn)
    return seen


async def get(port: int, path: str) -> tuple[int, str]:
    async with aiohttp.ClientSession() as session, session.get(
            f"http://127.0.0.1:{port}{path}") as response:
        return response.status, await response.text()


def test_the_viewer_is_served_to_a_browser_and_stops_on_ctrl_c() -> None:
    with server(SAMPLE) as (process, port):
        status, page = asyncio.run(get(port, "/"))
        assert status == 200
        assert SAMPLE.name in page  # the tab's title
        assert "googleapis" not in page and "https://" not in page  # nothing from elsewhere
        screen = asyncio.run(viewer_screen(port, "Развитие евразийских связей"))
        assert "Развитие евразийских связей" in screen
        process.send_signal(signal.SIGINT)
        assert process.wait(timeout=20) == 0
        assert process.stderr is not None
        said = process.stderr.read().decode()
        assert f"serving {SAMPLE.name} on http://127.0.0.1:{port}" in said
        assert "warning" not in said


def test_serving_beyond_this_machine_warns_who_can_read() -> None:
    with server(SAMPLE, "--host", "0.0.0.0") as (process, _):
        process.send_signal(signal.SIGINT)
        process.wait(timeout=20)
        assert process.stderr is not None
        said = process.stderr.read().decode()
    assert "warning: serving on 0.0.0.0: anyone who can reach this address can read" in said


def test_an_invalid_file_is_reported_before_serving(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("briefing: 1\ntitle: x\n", encoding="utf-8")
    result = run_cli("serve", broken, "--port", str(free_port()))
    assert result.returncode == 1
    assert f"{broken}:" in result.stderr and "summary" in result.stderr


def test_a_folder_is_served_as_its_library_in_one_browser_tab(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("BRIEFING_CACHE", str(tmp_path / "cache"))
    folder = tmp_path / "library"
    folder.mkdir()
    (folder / SAMPLE.name).write_bytes(SAMPLE.read_bytes())
    (folder / ARTICLE.name).write_bytes(ARTICLE.read_bytes())
    with server(folder, "--lang", "en") as (process, port):
        status, page = asyncio.run(get(port, "/"))
        assert status == 200 and "library" in page  # the tab's title: the folder
        # The list; Enter: the briefing (a panel's name, not a column's); Esc: the list
        # again; Enter: the briefing again. One app: the tab's session goes on throughout.
        seen = asyncio.run(browse(port, [
            ("", "1 briefing in"), ("\r", "Priorities"), ("\x1b", "briefing in"),
            ("\r", "Priorities")]))
        assert seen == [True, True, True, True]
        process.send_signal(signal.SIGINT)
        assert process.wait(timeout=20) == 0
        assert process.stderr is not None
        said = process.stderr.read().decode()
    assert f"serving library on http://127.0.0.1:{port}" in said


def test_serving_a_folder_beyond_this_machine_warns_who_can_read_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("BRIEFING_CACHE", str(tmp_path / "cache"))
    with server(tmp_path, "--host", "0.0.0.0") as (process, _):
        process.send_signal(signal.SIGINT)
        process.wait(timeout=20)
        assert process.stderr is not None
        said = process.stderr.read().decode()
    assert "anyone who can reach this address can read the briefings" in said
