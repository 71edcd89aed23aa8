"""A Content-Security-Policy for each page, as a <meta> tag (static hosts cannot set headers).

Everything comes from the site's own origin. Material's three small inline scripts are
allowed by their SHA-256 hashes, computed per page, so no 'unsafe-inline' is needed.
"""

from __future__ import annotations

import base64
import hashlib
import re

INLINE_SCRIPT = re.compile(r"<script>(.*?)</script>", re.S)  # data blocks carry a type; they never run
HEAD = "<head>"


def script_hashes(html: str) -> list[str]:
    hashes = []
    for script in INLINE_SCRIPT.findall(html):
        digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
        if f"'sha256-{digest}'" not in hashes:
            hashes.append(f"'sha256-{digest}'")
    return hashes


def policy(html: str) -> str:
    return "; ".join(
        [
            "default-src 'self'",
            "script-src 'self' " + " ".join(script_hashes(html)),
            "style-src 'self'",
            "img-src 'self' data:",
            "font-src 'self'",
            "connect-src 'self'",
            "worker-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
        ]
    )


def with_content_security_policy(html: str) -> str:
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy(html)}">'
    return html.replace(HEAD, f"{HEAD}\n    {meta}", 1)
