"""Browser tests: Debian's chromium driven by Playwright, against a built site served on 127.0.0.1.

``playwright install`` cannot download browsers here, so the tests use ``/usr/bin/chromium``
(``.ci/run`` installs it with apt-get when it is missing). A missing browser fails the tests
with instructions; it never skips them silently.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("KOKEILU_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"


# The finder dispatches ``kk-finder:rendered`` on #kk-finder after every render; this init script
# records each one (the event does not bubble, so it listens in the capture phase).
RECORD_RENDERS = """
window.__kkRendered = [];
document.addEventListener('kk-finder:rendered', (event) => window.__kkRendered.push(event.detail), true);
"""

# page.wait_for_function(RENDERED_QUERY, arg=query): the finder is ready and its last render was
# of ``query``.
RENDERED_QUERY = """(query) => {
  const renders = window.__kkRendered || [];
  const finder = document.getElementById('kk-finder');
  return finder !== null && finder.dataset.state === 'ready' && renders.length > 0
    && renders[renders.length - 1].query === query;
}"""


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args) -> None:
        pass


def serve(folder: Path) -> Iterator[str]:
    """Serve ``folder`` on 127.0.0.1 (a free port) for the duration; yields the base URL."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).is_file():
        pytest.fail(
            f"No Chromium at {CHROMIUM}. Install Debian's chromium (apt-get install chromium) "
            "or point KOKEILU_CHROMIUM at a Chromium binary; .ci/run does this in CI."
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def fixture_server(built_fixture_site) -> Iterator[str]:
    yield from serve(built_fixture_site)


@pytest.fixture(scope="session")
def site_server(built_site) -> Iterator[str]:
    yield from serve(built_site)


@pytest.fixture(scope="session")
def sample_paths(shipped) -> dict[str, str]:
    """Pages of the shipped catalogue chosen by their properties (tests/samples.py): the browser
    tests visit real pages without naming any entry."""
    from tests.samples import sample_paths as paths

    return paths(shipped)
