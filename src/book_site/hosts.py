"""Nothing from third-party hosts: drops sphinx-thebe's scripts (the book has no live-code button; its inline
script names a CDN) and fails the build if any page would load a script or stylesheet from another host."""

from __future__ import annotations

import re


def drop_thebe_and_check_hosts(app, pagename, templatename, context, doctree):
    keep = []
    for js in context.get("script_files", []):
        name = getattr(js, "filename", None) or ""
        body = (getattr(js, "attributes", {}) or {}).get("body", "")
        if "sphinx-thebe" in str(name) or "THEBE_JS_URL" in body:
            continue
        keep.append(js)
    context["script_files"] = keep
    for asset in [*keep, *context.get("css_files", [])]:
        name = str(getattr(asset, "filename", asset) or "")
        if re.match(r"^(https?:)?//", name):
            raise RuntimeError(f"page {pagename} would load {name} from a third-party host")


def setup(app):
    app.connect("html-page-context", drop_thebe_and_check_hosts, priority=900)
