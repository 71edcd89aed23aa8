"""Fixture sites (a tiny two-language project on the real configuration and tooling) and the real
site, built once per test run and shared by every worker (pytest-xdist)."""

from __future__ import annotations

import fcntl
import json
import shutil
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

from resource_site.cli import main
from resource_site.project import CHROMIUM

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
  site-i18n:
    languages:
      - locale: en
        name: English
        default: true
        build: true
      - locale: es
        name: Español
        build: true
        site_name: Terapia escolar y terapia médica
"""
# Addresses the real site is built for. Nothing on a page fetches an absolute address, so the
# same build serves from any port (each test worker runs its own server).
ROOT_ADDRESS = "http://127.0.0.1/"
SUBPATH = "/therapy-site/"


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
        code = main(["--root", str(self.root), *(args or ("check",))])
        captured = capsys.readouterr()
        return Run(code, captured.out, captured.err)

    def published(self) -> dict[str, bytes]:
        """Every file of the published site/, to prove a failed run left it as it was."""
        site = self.path("site")
        return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


Plant = Callable[[Site], object]


def assert_reported(
    site: Site, capsys: pytest.CaptureFixture[str], plant: Plant, expected: str | Callable[[Site], str]
) -> Run:
    """Plant a fault in a built fixture site: `build` names it exactly, exits 1, and leaves site/ alone."""
    published = site.published()
    plant(site)
    result = site.run(capsys, "build")
    assert result.code == 1, result.out
    message = expected if isinstance(expected, str) else expected(site)
    assert message in result.lines, result.out
    assert site.published() == published
    return result


def new_fixture_project(root: Path) -> Site:
    shutil.copytree(FIXTURE, root)
    (root / "mkdocs.yml").write_text(FIXTURE_CONFIG, encoding="utf-8")
    # Copies, not links: new-language adds files, and Babel's extraction does not follow links.
    shutil.copytree(ROOT / "overrides", root / "overrides")
    plugin = Path("scripts") / "resource_site" / "plugin"  # where babel.cfg finds the plugin's strings
    shutil.copytree(ROOT / plugin, root / plugin, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "babel.cfg", root / "babel.cfg")
    (root / "locales" / "es" / "LC_MESSAGES").mkdir(parents=True)
    shutil.copy(ROOT / "locales" / "messages.pot", root / "locales")
    shutil.copy(ROOT / "locales" / "es" / "LC_MESSAGES" / "messages.po", root / "locales" / "es" / "LC_MESSAGES")
    return Site(root)


@pytest.fixture(scope="session")
def built_fixture(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture project, built and published once per worker; each test gets a copy."""
    site = new_fixture_project(tmp_path_factory.mktemp("fixture") / "project")
    assert main(["--root", str(site.root), "build"]) == 0
    return site.root


@pytest.fixture
def site(built_fixture: Path, tmp_path: Path) -> Site:
    """A fresh copy of the built fixture project (its site/ published, its catalogs compiled)."""
    root = tmp_path / "project"
    shutil.copytree(built_fixture, root, symlinks=True)
    return Site(root)


@pytest.fixture
def unbuilt_site(tmp_path: Path) -> Site:
    """The fixture project before any run: nothing built, nothing compiled."""
    return new_fixture_project(tmp_path / "project")


@dataclass
class RealBuild:
    code: int
    report: dict[str, object]
    site_dir: Path


@dataclass
class ServedBuild(RealBuild):
    url: str


@contextmanager
def exclusive(lock: Path) -> Iterator[None]:
    """One worker at a time (the first builds, the others wait and reuse its build)."""
    with lock.open("w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def shared_build(
    tmp_path_factory: pytest.TempPathFactory,
    name: str,
    address: str,
    *options: str,
    project: Callable[[Path], Path] | None = None,
) -> RealBuild:
    """The real project (or the copy `project` makes of it in a folder) built once per test run,
    in a folder every worker sees."""
    base = tmp_path_factory.getbasetemp()
    # Every xdist worker of this run has its own popen-gwN folder in the run's; without xdist the
    # run's own folder is the one to share (its parent holds earlier runs, and their builds).
    shared = base.parent if base.name.startswith("popen-gw") else base
    out = shared / f"real-{name}"
    report = out / "report.json"
    with exclusive(shared / f"real-{name}.lock"):
        if not report.is_file():
            shutil.rmtree(out, ignore_errors=True)
            out.mkdir()
            root = project(out) if project is not None else ROOT
            args = ["--root", str(root), "build", "--site-dir", str(out / "site"), "--json", str(report)]
            code = main([*args, "--site-url", address, *options])
            (out / "exit-code").write_text(str(code), encoding="utf-8")
    code = int((out / "exit-code").read_text(encoding="utf-8"))
    return RealBuild(code, json.loads(report.read_text(encoding="utf-8")), out / "site")


def served(build: RealBuild, prefix: str) -> Iterator[ServedBuild]:
    from resource_site.output.local_server import serve

    with serve(build.site_dir, prefix) as url:
        yield ServedBuild(build.code, build.report, build.site_dir, url)


@pytest.fixture(scope="session")
def real_build(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServedBuild]:
    """The real project at the root of its address (as on a custom domain), built as the deploy
    workflow builds it: with the printable handouts and the offline archive."""
    build = shared_build(tmp_path_factory, "root", ROOT_ADDRESS, "--handouts", "--offline")
    yield from served(build, "/")


def branded_project(folder: Path) -> Path:
    """A copy of the real project with tests/branded.py's center in branding.yml."""
    from tests.branded import BRANDING, LOGO

    root = folder / "project"
    for name in ("docs", "locales", "overrides"):
        shutil.copytree(ROOT / name, root / name)
    for name in ("mkdocs.yml", "babel.cfg"):  # the catalog check extracts the strings in use
        shutil.copy(ROOT / name, root / name)
    plugin = Path("scripts") / "resource_site" / "plugin"
    shutil.copytree(ROOT / plugin, root / plugin, ignore=shutil.ignore_patterns("__pycache__"))
    (root / "branding").mkdir()
    (root / "branding" / "logo.svg").write_text(LOGO, encoding="utf-8")
    (root / "branding.yml").write_text(BRANDING, encoding="utf-8")
    return root


@pytest.fixture(scope="session")
def branded_build(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServedBuild]:
    """The real project branded as a parent center would brand it (tests/branded.py), served."""
    yield from served(shared_build(tmp_path_factory, "branded", ROOT_ADDRESS, project=branded_project), "/")


@pytest.fixture(scope="session")
def subpath_build(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServedBuild]:
    """The real project under a sub-path, as GitHub Pages serves a project site (org.github.io/repo/)."""
    build = shared_build(tmp_path_factory, "subpath", ROOT_ADDRESS.rstrip("/") + SUBPATH)
    yield from served(build, SUBPATH)


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """Debian's chromium driven by Playwright (Playwright's own browser download is not used)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM.path), args=list(CHROMIUM.args))
        yield launched
        launched.close()


@pytest.fixture(scope="session")
def site_url(real_build: ServedBuild) -> str:
    assert real_build.code == 0, real_build.report["findings"]
    return real_build.url


BROWSER_FIXTURES = {"browser", "real_build", "subpath_build", "branded_build", "site_url"}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """A test that needs Chromium (directly, or through the real build's printed handouts) is a
    browser test, so `pytest -m "not browser"` runs without Chromium."""
    for item in items:
        if BROWSER_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.browser)
