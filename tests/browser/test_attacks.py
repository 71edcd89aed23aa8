"""Every attack planted at once and built anyway, as a plain `mkdocs build` or `gh-deploy` would
(our build refuses to publish it; these prove the second line holds): Chromium opens every page,
online and from the offline archive, and no dialog opens, no page goes elsewhere and nothing is
requested from outside the site (not even a request the Content-Security-Policy would block:
Playwright reports those too)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import lxml.html
import pytest
from playwright.sync_api import Browser, Page

from resource_site.output.build import BuildOptions, build_site
from resource_site.output.local_server import serve
from resource_site.output.offline_archive import LEFT_OUT
from resource_site.project import Project
from tests.conftest import Site, new_fixture_project

pytestmark = pytest.mark.browser

PAGE = "docs/es/disagree.md"
AFTER = "Vuelva [al comienzo](index.md).\n"
CATALOG = "locales/es/LC_MESSAGES/messages.po"
ATTACKS = """
<div title="`"><script>alert("script")</script>">x</div>

~~~

<script>alert("fence")</script>

Texto {: onclick="alert('attribute list')" }

Vea [esto][aqui] y <a href="jav&#x61;script:alert('entity')">esto</a> y <a
href="javascript:alert('split')">esto</a>.

[aqui]: javascript:alert('reference')

<img src="https://tracker.example/pixel.gif" alt=""> ![](https://tracker.example/md.gif)

<meta
http-equiv="refresh" content="0;url=https://evil.example/">

Escriba [aquí](mailto:info@example.org?bcc=spy@evil.example).

<svg><image href="https://tracker.example/svg.png"/><a href="javascript:alert('svg')"><text>x</text></a></svg>

<iframe src="https://evil.example/"></iframe>
"""
FRONT_MATTER = (
    "title: \"X\\u003c/title\\u003e\\u003cscript\\u003ealert('title')\\u003c/script\\u003e\"\n"
    "description: '0;url=https://evil.example/\" http-equiv=\"refresh'\n"
    "template: redirect.html\n"
    "location: https://evil.example/\n"
)


def plant_every_attack(site: Site) -> None:
    site.edit(PAGE, AFTER, AFTER + ATTACKS)
    site.edit(PAGE, "title: Si no está de acuerdo\n", FRONT_MATTER)
    site.edit("mkdocs.yml", "name: Español", 'name: \'Español"><script>alert("name")</script>\'')
    catalog = site.path(CATALOG).read_text(encoding="utf-8")
    catalog = catalog.replace(
        'msgstr "Información general, no asesoría legal."',
        'msgstr "x\\" autofocus onfocus=\\"alert(\'catalog\')\\" x=\\"<img src=x onerror=alert(1)>"',
    )
    site.path(CATALOG).write_text(catalog, encoding="utf-8")
    site.write("branding.yml", "contact:\n  email: info@center.example.org?bcc=spy@evil.example\n")


@dataclass
class Watched:
    dialogs: list[str] = field(default_factory=list)
    outside: list[str] = field(default_factory=list)
    navigations: list[str] = field(default_factory=list)


@pytest.fixture(scope="module")
def attacked(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, Path]]:
    """The attacked fixture project built twice, for the web and for the offline archive."""
    site = new_fixture_project(tmp_path_factory.mktemp("attacked") / "project")
    plant_every_attack(site)
    project = Project(site.root)
    online, offline = site.root / "online", site.root / "offline"
    assert build_site(project, online, BuildOptions()).findings, "our check sees the attacks"
    assert build_site(project, offline, BuildOptions(offline_copy=True)).findings
    title = lxml.html.parse(online / "es" / "disagree" / "index.html").getroot().findtext(".//title")
    assert title.startswith("X</title><script>alert('title')</script>"), "the attacks reached the build"
    yield online, offline


def every_page(folder: Path, left_out: frozenset[str] = frozenset()) -> list[str]:
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*.html") if p.name not in left_out)


def open_watched(browser: Browser, address: str, inside: str) -> Watched:
    watched = Watched()
    page: Page = browser.new_page()
    page.on("dialog", lambda dialog: watched.dialogs.append(dialog.message) or dialog.dismiss())
    page.on("request", lambda request: request.url.startswith(inside) or watched.outside.append(request.url))
    page.on(
        "framenavigated",
        lambda frame: frame == page.main_frame and frame.url != address and watched.navigations.append(frame.url),
    )
    page.goto(address)
    page.wait_for_load_state("networkidle")  # a refresh or a late script would have started by now
    page.close()
    return watched


def test_no_attack_runs_online(browser: Browser, attacked: tuple[Path, Path]) -> None:
    online, _ = attacked
    with serve(online) as url:
        results = {path: open_watched(browser, f"{url}/{path}", url) for path in every_page(online)}
    assert "es/disagree/index.html" in results
    assert {path: seen for path, seen in results.items() if seen != Watched()} == {}


def test_no_attack_runs_in_the_offline_archive(browser: Browser, attacked: tuple[Path, Path]) -> None:
    _, offline = attacked
    inside = offline.as_uri()
    pages = every_page(offline, frozenset(LEFT_OUT))  # what the archive holds
    results = {path: open_watched(browser, (offline / path).as_uri(), inside) for path in pages}
    assert "es/disagree.html" in results
    assert {path: seen for path, seen in results.items() if seen != Watched()} == {}
