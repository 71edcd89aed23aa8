"""The allowlist on the finished page: each way a printed value could make the page run script,
refresh or load from elsewhere is named; the real site's pages have none of them."""

from __future__ import annotations

import pytest

from resource_site.plugin.content_security import META
from resource_site.plugin.finished_page import problems
from tests.conftest import Site

SITE_URL = "https://example.org/"


def page(head: str = "", body: str = "", policy: str = META) -> str:
    return f"<!doctype html><html><head>{policy}{head}<title>t</title></head><body>{body}</body></html>"


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        (page(body="<script>alert(1)</script>"), "an inline <script> (only the site's own script files may run)"),
        (page(body='<img src="x.png" onerror="alert(1)">'), "the attribute onerror= on <img> (it runs script)"),
        (
            page(head='<meta name="description" content="0;url=https://evil.example/" http-equiv="refresh">'),
            'a <meta http-equiv="refresh"> (it can refresh or redirect the page)',
        ),
        (page(head='<base href="https://evil.example/">'), "a <base> element"),
        (
            page(head='<script src="https://cdn.example/x.js"></script>'),
            "<script src='https://cdn.example/x.js'> loads something from outside the site",
        ),
        (
            page(head='<link rel="stylesheet" href="//cdn.example/x.css">'),
            "<link href='//cdn.example/x.css'> loads something from outside the site",
        ),
        (
            page(body='<a href="javascript:alert(1)">x</a>'),
            "the address 'javascript:alert(1)' on <a> (only http, https, mailto and tel)",
        ),
        (page(body='<div style="background:url(https://t.example/p)">x</div>'), "a style on <div> that loads"),
        (page(body='<iframe srcdoc="<script>x</script>"></iframe>'), "a <iframe> element"),
        (page(policy=""), "the page does not start its <head> with our Content-Security-Policy"),
    ],
)
def test_each_way_out_is_named(html: str, expected: str) -> None:
    messages = [problem.message for problem in problems(html, SITE_URL)]
    assert any(message.startswith(expected) for message in messages), messages


def test_our_own_pages_and_links_pass() -> None:
    html = page(
        head=f'<link rel="canonical" href="{SITE_URL}es/"><link rel="stylesheet" href="../assets/site.css">'
        '<script src="../assets/javascripts/site.js"></script>',
        body='<a href="https://www.parentcenterhub.org/">x</a><a href="tel:+15555550100">y</a>'
        '<script type="application/json" id="__config">{"a": 1}</script><svg><path d="M0 0"/></svg>',
    )
    assert problems(html, SITE_URL) == []


def test_a_template_that_adds_an_inline_script_is_a_finding(site: Site, capsys: pytest.CaptureFixture[str]) -> None:
    """A center pasting an analytics snippet into overrides/ is caught on the built page."""
    site.edit("overrides/main.html", "{% block content %}", "{% block content %}<script>track()</script>")
    published = site.published()
    result = site.run(capsys, "build")
    assert result.code == 1
    assert (
        "docs/es/index.md:1: the built page carries an inline <script> (only the site's own script files may run) — "
        "a title, description, site or language name, catalog string, branding value or template in overrides/ "
        "reached the page as markup: write it as plain text, and scripts as files" in result.lines
    ), result.out
    assert site.published() == published
