"""The Content-Security-Policy of every page, as a <meta> tag (static hosts cannot set headers).

Scripts, styles, fonts and images come only from the site's own files: Material's few inline
scripts are served as files (overrides/partials/javascripts/), so no inline script runs, whatever
a page, catalog or value manages to print. The same policy is in the offline archive. `data:`
images stay allowed because the theme's stylesheet draws its icons with data: SVG masks (an
image in a page may not use data:, see content_allowlist).
"""

from __future__ import annotations

HEAD = "<head>"
POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "worker-src 'self'",
        "frame-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
    ]
)
META = f'<meta http-equiv="Content-Security-Policy" content="{POLICY}">'


def with_content_security_policy(html: str) -> str:
    return html.replace(HEAD, f"{HEAD}\n    {META}", 1)
