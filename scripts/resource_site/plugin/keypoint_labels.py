"""Each key-point block gets a visible "Key point" label and a "#" link to share it."""

from __future__ import annotations

import re

from markupsafe import escape

KEYPOINT_TITLE = re.compile(
    r'(<div class="admonition keypoint" id="(?P<id>[^"]+)">\s*<p class="admonition-title">)(?P<title>.*?)(</p>)',
    re.S,
)


def label_keypoints(html: str, label: str, share: str) -> str:
    """`label` is shown above each key point; `share` names its link for screen readers."""
    label, share = escape(label), escape(share)

    def labelled(match: re.Match[str]) -> str:
        kp_id = match.group("id")
        return (
            f'{match.group(1)}<span class="keypoint-label">{label}</span> '
            f'<span class="keypoint-title">{match.group("title")}</span>'
            f'<a class="keypoint-link" href="#{kp_id}" aria-label="{share}" title="{share}">#</a>'
            f"{match.group(4)}"
        )

    return KEYPOINT_TITLE.sub(labelled, html)
