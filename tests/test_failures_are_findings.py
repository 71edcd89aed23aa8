"""Inputs that once ended in a Python traceback: each is now a finding, `path:line: what — fix`,
with the exit code of its command (1 for a check's findings, 2 for bad input), and leaves nothing
half-made behind."""

from __future__ import annotations

import inspect
import json
from collections.abc import Callable

import pytest

from resource_site.plugin import plugin as plugin_module
from tests.conftest import ROOT, Run, Site

SPANISH_ENTRY = "".join(
    [
        "      - locale: es\n",
        "        name: Español\n",
        "        build: true\n",
        "        site_name: Terapia escolar y terapia médica\n",
    ]
)
POT_LINES = len((ROOT / "locales" / "messages.pot").read_text(encoding="utf-8").splitlines())
KEY_POINT_POT_LINE = (ROOT / "locales" / "messages.pot").read_text(encoding="utf-8").splitlines().index(
    'msgid "Key point"'
) + 1


def cli(site: Site, capsys: pytest.CaptureFixture[str], *args: str) -> Run:
    return site.run(capsys, *args)


def no_traceback(run: Run) -> None:
    assert "Traceback" not in run.out + run.err


def not_utf8(site: Site, relative: str) -> None:
    path = site.path(relative)
    path.write_bytes(path.read_bytes() + "# café\n".encode("cp1252"))


CASES: dict[str, tuple[Callable[[Site], object], list[str], int, str]] = {
    "branding.yml not UTF-8": (
        lambda s: s.path("branding.yml").write_bytes("center:\n  name: Café\n".encode("cp1252")),
        ["check"],
        1,
        "branding.yml:2: branding.yml is not valid UTF-8 — save it with UTF-8 encoding",
    ),
    "messages.pot not UTF-8": (
        lambda s: not_utf8(s, "locales/messages.pot"),
        ["check"],
        1,
        f"locales/messages.pot:{POT_LINES + 1}: the template is not valid UTF-8 — run `make extract` to write it anew",
    ),
    "English glossary not UTF-8": (
        lambda s: not_utf8(s, "docs/en/glossary.md"),
        ["check"],
        1,
        "docs/en/glossary.md:10: file is not valid UTF-8 — "
        "save the file with UTF-8 encoding (in most editors: Save as, then Encoding: UTF-8)",
    ),
    "syntax error in messages.pot (check)": (
        lambda s: s.edit("locales/messages.pot", 'msgid "Key point"', "msgid Key point"),
        ["check"],
        1,
        f"locales/messages.pot:{KEY_POINT_POT_LINE}: PO syntax error in the template: a line that is neither a "
        "comment nor a quoted string — run `make extract` to write it anew",
    ),
    "syntax error in messages.pot (status)": (
        lambda s: s.edit("locales/messages.pot", 'msgid "Key point"', "msgid Key point"),
        ["status"],
        2,
        f"locales/messages.pot:{KEY_POINT_POT_LINE}: PO syntax error in the template: a line that is neither a "
        "comment nor a quoted string — run `make extract` to write it anew",
    ),
    "sources: 5 in keypoints.yml": (
        lambda s: s.edit("docs/keypoints.yml", 'sources:\n  fact-sheet: "A fact sheet"\n', "sources: 5\n"),
        ["check"],
        1,
        "docs/keypoints.yml:1: `sources:` is not a list of `name: title` lines — "
        "write each source on a line of its own under `sources:`, like `fact-sheet: …`",
    ),
    "a list where keypoints.yml expects text": (
        lambda s: s.edit("docs/keypoints.yml", "page: index.md,", "page: [a, b],"),
        ["status"],
        2,
        "docs/keypoints.yml:4: key point kp-school-free: page must be text, not a list — "
        "write one value after the colon",
    ),
    "catalogs without mkdocs.yml": (
        lambda s: s.path("mkdocs.yml").unlink(),
        ["catalogs"],
        2,
        "mkdocs.yml:1: there is no mkdocs.yml in {root} — "
        "run this in the project folder (the one with mkdocs.yml), or give it with --root",
    ),
    "status with a broken mkdocs.yml": (
        lambda s: s.path("mkdocs.yml").write_text("site_name: [Therapy\nnav: []\n", encoding="utf-8"),
        ["status"],
        2,
        "mkdocs.yml:1: MkDocs cannot read the configuration: MkDocs encountered an error parsing the configuration "
        "file: while parsing a flow sequence in \"{root}/mkdocs.yml\", line 1, column 12 expected ',' or ']', but "
        "got ':' in \"{root}/mkdocs.yml\", line 2, column 4 — fix this line",
    ),
    "translated names a page with no English original": (
        lambda s: s.write("docs/es/extra.md", "# Extra\n"),
        ["translated", "es", "extra.md"],
        2,
        "error: docs/es/extra.md:1: the page has no English original docs/en/extra.md — "
        "rename it to match an English page",
    ),
    "new-language without messages.pot": (
        lambda s: s.path("locales/messages.pot").unlink(),
        ["new-language", "so"],
        2,
        "error: locales/messages.pot:1: the interface-string template is missing — run `make extract` "
        "(a new language's catalog starts from it)",
    ),
    "a flow-style language entry in mkdocs.yml": (
        lambda s: s.edit(
            "mkdocs.yml",
            SPANISH_ENTRY,
            "      - {locale: es, name: Español, build: true, site_name: Terapia escolar y terapia médica}\n",
        ),
        ["new-language", "so"],
        2,
        "error: mkdocs.yml:14: the language 'es' is written on one line ({…}) — "
        "write it as `- locale: …` with `name:` and `build:` on lines of their own, like the others",
    ),
    "a key point whose registry page does not exist": (
        lambda s: s.edit("docs/keypoints.yml", "page: disagree.md", "page: gone.md"),
        ["check"],
        1,
        "docs/keypoints.yml:6: key point kp-iee belongs on gone.md, which is no page of the site — "
        "use one of: disagree.md, glossary.md, index.md, sources.md",
    ),
}


@pytest.mark.parametrize("name", CASES)
def test_input_gives_a_finding_not_a_traceback(
    unbuilt_site: Site, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    site = unbuilt_site
    plant, args, exit_code, expected = CASES[name]
    plant(site)
    before = sorted(p.relative_to(site.root).as_posix() for p in site.root.rglob("*") if "build" not in p.parts)
    result = cli(site, capsys, *args)
    no_traceback(result)
    assert result.code == exit_code, result.out + result.err
    message = expected.replace("{root}", str(site.root))
    assert message in (result.out + result.err).splitlines(), result.out + result.err
    after = sorted(p.relative_to(site.root).as_posix() for p in site.root.rglob("*") if "build" not in p.parts)
    if args[0] != "check":
        assert after == before  # nothing half-made: no page, catalog or mkdocs.yml entry written


def test_a_bug_in_the_plugin_is_reported_as_the_plugins(
    site: Site, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(html: str, *labels: str) -> str:
        raise KeyError("a planted bug")

    monkeypatch.setattr(plugin_module, "label_keypoints", broken)  # as if the plugin had the bug
    published = site.published()
    result = site.run(capsys, "build")
    no_traceback(result)
    assert result.code == 1
    [crash] = [line for line in result.lines if "the site's plugin failed" in line]
    line = (
        inspect.getsource(plugin_module)
        .splitlines()
        .index(next(text for text in inspect.getsource(plugin_module).splitlines() if "label_keypoints(html" in text))
    )
    assert crash == (
        f"resource_site/plugin/plugin.py:{line + 1}: the site's plugin failed: KeyError: 'a planted bug' — "
        "this is a bug in the tooling, not in your pages: report it with build/check-report.json (it holds the "
        "traceback)"
    )
    report = json.loads(site.path("build/check-report.json").read_text(encoding="utf-8"))
    assert 'raise KeyError("a planted bug")' in report["plugin_traceback"]
    assert site.published() == published
