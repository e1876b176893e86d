"""One guard for the ``build-finished`` handlers that post-process the HTML output."""

from __future__ import annotations

import functools
from pathlib import Path


def html_build_finished(handler):
    """Turn ``handler(app, outdir)`` into a ``build-finished`` handler ``(app, exception)`` that runs it only
    when an HTML build finished without error, with the output folder as a ``Path``."""

    @functools.wraps(handler)
    def run(app, exception):
        if exception is None and app.builder.format == "html":
            handler(app, Path(app.outdir))

    return run
