"""Our scripts and stylesheets are published without their comments, and otherwise unchanged."""

from __future__ import annotations

from pathlib import Path

from resource_site.output.lean_assets import publish_lean, script_without_comments, stylesheet_without_comments


def test_a_script_loses_its_comment_lines_only() -> None:
    script = '// why\n"use strict";\n  // more\nconst a = "http://x"; // kept: not a whole line\n'
    assert script_without_comments(script) == '"use strict";\nconst a = "http://x"; // kept: not a whole line\n'


def test_a_stylesheet_loses_its_comment_blocks() -> None:
    css = '/* why\n   and how */\na {\n  content: " (" attr(href) ")"; /* inline */\n}\n\n'
    assert stylesheet_without_comments(css) == 'a {\n  content: " (" attr(href) ")"; \n}\n'


def test_only_what_overrides_gave_the_site_is_rewritten(tmp_path: Path) -> None:
    overrides, site = tmp_path / "overrides", tmp_path / "site"
    (overrides / "assets").mkdir(parents=True)
    (site / "assets").mkdir(parents=True)
    (overrides / "assets" / "ours.js").write_text("// note\nrun();\n")
    (site / "assets" / "ours.js").write_text("// note\nrun();\n")
    (site / "assets" / "theirs.js").write_text("// their licence\nrun();\n")
    publish_lean(overrides, site)
    assert (site / "assets" / "ours.js").read_text() == "run();\n"
    assert (site / "assets" / "theirs.js").read_text() == "// their licence\nrun();\n"
