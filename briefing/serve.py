"""``briefing serve [FILE|DIR]``: the viewer in a web browser, through textual-serve.

textual-serve (the optional extra ``briefing[web]``) runs ``briefing open FILE`` (or
``DIR``: the library, its briefings opened over it in the same app) for each browser
tab that connects, with Textual's web driver, and relays its screen
over a websocket. Its JavaScript and font ship in its wheel; the page is its own
but for the font, which it would fetch from Google, and here comes from its static
folder (``web/app_index.html``), so nothing is fetched from elsewhere at run time.

It binds 127.0.0.1 unless told otherwise: anyone who can reach the port can read
the briefing, so another host is served only with a warning.
"""

from __future__ import annotations

import shlex
import sys
from pathlib import Path

LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1"}
"""Hosts that only this machine can reach."""
DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000


def viewer_command(file: str | None, language: str | None = None) -> str:
    """The shell command that opens ``file`` (the sample without one; a folder: its
    library) in the viewer: textual-serve runs it through a shell, so every part is
    quoted."""
    argv = [sys.executable, "-m", "briefing", "open"]
    if language is not None:
        argv += ["--lang", language]
    if file is not None:
        argv += ["--", file]
    return shlex.join(argv)


def url(host: str, port: int) -> str:
    """The address a browser opens for ``host`` and ``port``."""
    return f"http://[{host}]:{port}" if ":" in host else f"http://{host}:{port}"


def serve(file: str | None, host: str, port: int, title: str,
          language: str | None = None) -> None:
    """Serve the viewer of ``file`` (or the library of a folder) on ``host:port`` until
    Ctrl+C (or SIGTERM)."""
    import textual_serve
    from textual_serve.server import Server

    statics = Path(textual_serve.__file__).parent / "static"
    server = Server(
        viewer_command(file, language), host=host, port=port, title=title,
        public_url=url(host, port),
        statics_path=statics, templates_path=Path(__file__).parent / "web",
    )
    server.serve()
