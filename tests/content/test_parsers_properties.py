"""Property tests: the parsers that read pages, key points, catalogs and branding never crash;
whatever they are given, they answer with data or with findings in `path:line: … — …` form."""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

from babel.messages.pofile import PoFileError
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from resource_site.checks.catalogs import check_catalog
from resource_site.content.branding import load_branding
from resource_site.content.catalogs import read_catalog
from resource_site.content.frontmatter import split_front_matter
from resource_site.content.glossary import parse_glossary
from resource_site.content.keypoints import blocks_in_markdown, load_registry
from resource_site.content.term_matching import TermFinder
from resource_site.content.terms import TermBase
from resource_site.plugin.content_allowlist import allowed_classes, problems
from resource_site.plugin.tooltips import definitions, explain_terms, term_forms
from resource_site.project import Project

FINDING = re.compile(r"^[^:]+:\d+: .+ — .+$", re.S)
# Text shaped like our files: their keywords and punctuation, mixed with anything at all.
PIECES = st.sampled_from([
    "---\n", "title: x\n", "/// keypoint | T\n", "    attrs: {id: kp-a}\n", "///\n", "## IEP {#iep}\n", "\n",
    'msgid "Key point"\n', 'msgstr "Punto"\n', "msgstr x\n", '"cont"\n', "#, fuzzy\n", "keypoints:\n",
    "  - {id: kp-a, page: index.md, source: s, section: t}\n", "sources:\n  s: x\n", ": [", "<script>", "{{",
    "center:\n", "  name:\n", "    es: Hola\n", "colors:\n  primary: '#ffffff'\n", "\t", "\r\n", "é", "\ufeff",
])  # fmt: skip
TEXT = st.lists(st.one_of(PIECES, st.text(max_size=20)), max_size=30).map("".join)
SETTINGS = settings(
    max_examples=150, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.function_scoped_fixture]
)  # the same examples every run: CI never fails by chance


@SETTINGS
@given(TEXT)
def test_front_matter_never_crashes(text: str) -> None:
    front = split_front_matter(text)
    assert isinstance(front.data, dict)
    assert not front.error or front.error_line >= 1


@SETTINGS
@given(TEXT)
def test_key_point_blocks_never_crash(text: str) -> None:
    for block in blocks_in_markdown(text):
        assert block.line >= 1


@SETTINGS
@given(TEXT)
@example("## IEP {#iep}\n\x1b")  # control characters, once a crash: lxml refuses them in text
@example("\x1f<script>---\n## IEP {#iep}\n---\n")
def test_glossary_and_its_tooltips_never_crash(text: str) -> None:
    entries = parse_glossary(text)
    finder = TermFinder(term_forms(entries, TermBase(Path("terms.yml")), plurals=True))
    explain_terms(f"<p>{text}</p>", finder, definitions(entries, right_to_left=True))


@SETTINGS
@given(TEXT)
def test_rendered_content_allowlist_never_crashes(text: str) -> None:
    for problem in problems(text, allowed_classes(["keypoint"])):
        assert problem.message and problem.needles


@SETTINGS
@given(TEXT)
def test_registry_gives_points_or_findings(text: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "keypoints.yml"
        path.write_text(text, encoding="utf-8")
        _points, findings = load_registry(path, "docs/keypoints.yml")
    assert all(FINDING.match(str(f)) for f in findings)


@SETTINGS
@given(TEXT)
def test_catalog_gives_a_catalog_or_findings(text: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        project = Project(Path(folder))
        po = Path(folder) / "locales" / "es" / "LC_MESSAGES" / "messages.po"
        po.parent.mkdir(parents=True)
        po.write_text(text, encoding="utf-8")
        try:
            read_catalog(po)
        except PoFileError as error:
            assert error.lineno >= 0
        _catalog, findings = check_catalog(project, "es", None)
    assert all(FINDING.match(str(f)) for f in findings)


@SETTINGS
@given(TEXT)
def test_branding_gives_values_or_findings(text: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / "branding.yml").write_text(text, encoding="utf-8")
        _branding, findings = load_branding(Path(folder) / "branding.yml", ["en", "es"], "en")
    assert all(FINDING.match(str(f)) for f in findings)
