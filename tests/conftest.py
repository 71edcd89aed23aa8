"""Fixture sites: a tiny two-language project that uses the real configuration and tooling."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from resource_site.cli import main
from resource_site.output.handouts import CHROMIUM_ARGS

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = Path(__file__).parent / "fixtures" / "site"

FIXTURE_CONFIG = f"""\
INHERIT: {ROOT / "mkdocs.yml"}
nav:
  - index.md
  - disagree.md
  - glossary.md
  - sources.md
plugins:
  i18n:
    languages:
      - locale: en
        name: English
        default: true
        build: true
      - locale: es
        name: Español
        build: true
"""


@dataclass
class Run:
    code: int
    out: str
    err: str

    @property
    def lines(self) -> list[str]:
        return self.out.splitlines()


class Site:
    """A fixture project in a temporary folder; plant a fault, then run the real check."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def path(self, relative: str) -> Path:
        return self.root / relative

    def edit(self, relative: str, old: str, new: str) -> None:
        path = self.path(relative)
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{old!r} not in {relative}"
        path.write_text(text.replace(old, new), encoding="utf-8")

    def write(self, relative: str, text: str) -> None:
        self.path(relative).parent.mkdir(parents=True, exist_ok=True)
        self.path(relative).write_text(text, encoding="utf-8")

    def run(self, capsys: pytest.CaptureFixture[str], *args: str) -> Run:
        code = main([*(args or ("check",)), "--root", str(self.root)])
        captured = capsys.readouterr()
        return Run(code, captured.out, captured.err)


@pytest.fixture
def site(tmp_path: Path) -> Site:
    root = tmp_path / "project"
    shutil.copytree(FIXTURE, root)
    (root / "mkdocs.yml").write_text(FIXTURE_CONFIG, encoding="utf-8")
    # Copies, not links: new-language adds files, and Babel's extraction does not follow links.
    shutil.copytree(ROOT / "overrides", root / "overrides")
    shutil.copytree(ROOT / "scripts", root / "scripts", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "babel.cfg", root / "babel.cfg")
    (root / "locales" / "es" / "LC_MESSAGES").mkdir(parents=True)
    shutil.copy(ROOT / "locales" / "messages.pot", root / "locales")
    shutil.copy(ROOT / "locales" / "es" / "LC_MESSAGES" / "messages.po", root / "locales" / "es" / "LC_MESSAGES")
    return Site(root)


@dataclass
class RealBuild:
    code: int
    report: dict[str, object]
    site_dir: Path


@dataclass
class ServedBuild(RealBuild):
    url: str


def build_and_serve(out: Path, prefix: str, *options: str) -> Iterator[ServedBuild]:
    """Build the real project for the address it is then served from, as a deployment is."""
    from resource_site.output.local_server import serve

    (out / "site").mkdir()
    with serve(out / "site", prefix) as url:
        args = ["build", "--root", str(ROOT), "--site-dir", str(out / "site"), "--json", str(out / "report.json")]
        code = main([*args, "--site-url", url + "/", *options])
        report = json.loads((out / "report.json").read_text(encoding="utf-8"))
        yield ServedBuild(code, report, out / "site", url)


@pytest.fixture(scope="session")
def real_build(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServedBuild]:
    """The real project at the root of its address (as on a custom domain), built as the deploy
    workflow builds it: with the printable handouts and the offline archive."""
    yield from build_and_serve(tmp_path_factory.mktemp("real"), "/", "--handouts", "--offline")


@pytest.fixture(scope="session")
def subpath_build(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServedBuild]:
    """The real project under a sub-path, as GitHub Pages serves a project site (org.github.io/repo/)."""
    yield from build_and_serve(tmp_path_factory.mktemp("subpath"), "/therapy-site/")


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """Debian's chromium driven by Playwright (Playwright's own browser download is not used)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture(scope="session")
def site_url(real_build: ServedBuild) -> str:
    assert real_build.code == 0, real_build.report["findings"]
    return real_build.url
