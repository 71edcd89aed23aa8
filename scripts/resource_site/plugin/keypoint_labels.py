"""Each key-point block gets a visible "Key point" label, a "#" link to it and a share button.

The button is in the page from the start, so nothing moves when site.js gives it its work; the
stylesheet shows it only where scripts run (the "js" class, which before-drawing.js sets early).
They wrap as one, and stay out of the search index (Material's data-search-exclude)."""

from __future__ import annotations

import re

from markupsafe import escape

KEYPOINT_TITLE = re.compile(
    r'(<div class="admonition keypoint" id="(?P<id>[^"]+)">\s*<p class="admonition-title">)(?P<title>.*?)(</p>)',
    re.S,
)


def label_keypoints(html: str, label: str, link: str, share: str) -> str:
    """`label` is shown above each key point; `link` and `share` name its link and its button."""
    label, link, share = escape(label), escape(link), escape(share)

    def labelled(match: re.Match[str]) -> str:
        kp_id = match.group("id")
        return (
            f'{match.group(1)}<span class="keypoint-label">{label}</span> '
            f'<span class="keypoint-title">{match.group("title")}</span>'
            f'<span class="keypoint-actions" data-search-exclude>'
            f'<a class="keypoint-link" href="#{kp_id}" aria-label="{link}" title="{link}">#</a>'
            f'<button type="button" class="keypoint-share" aria-label="{share}" title="{share}">\u2197</button>'
            '<span class="keypoint-share__note" role="status"></span></span>'
            f"{match.group(4)}"
        )

    return KEYPOINT_TITLE.sub(labelled, html)
