"""A parent center's branding (branding.yml): read, validated with line numbers, and applied.

Every value may be plain text (all languages) or a mapping from language code to text.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from resource_site.content.yaml_errors import compose, yaml_error_line, yaml_problem
from resource_site.findings import Finding, finding

FILE = "branding.yml"
SCHEMA: dict[str, tuple[str, ...]] = {
    "center": ("name", "short_name", "website", "logo"),
    "contact": ("phone", "email", "address", "hours"),
    "colors": ("primary", "accent"),
    "state": ("dispute_resolution", "parent_center"),
}
TRANSLATABLE = {("center", "name"), ("center", "short_name"), ("contact", "address"), ("contact", "hours")}
HEX = re.compile(r"^#[0-9a-fA-F]{6}$")
EMAIL = re.compile(r"^[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}$")  # no ?cc=/?bcc= headers in a mailto: link
PHONE = re.compile(
    r"^(?P<number>\+?[0-9 ()./-]{7,}?)(?:\s*(?:ext\.?|x|#)\s*(?P<extension>[0-9]{1,6}))?$", re.IGNORECASE
)
URL = re.compile(r"^https://[^\s/$.?#][^\s]*$")
LOGO_TYPES = (".svg", ".png", ".webp", ".jpg", ".jpeg")
DEFAULT_COLOR = "#303f9f"


@dataclass
class Branding:
    values: dict[tuple[str, str], object] = field(default_factory=dict)
    root: Path = Path()
    default_language: str = ""  # a value given per language falls back to this language's

    def text(self, section: str, key: str, language: str, default: str = "") -> str:
        value = self.values.get((section, key), "")
        if isinstance(value, dict):
            value = value.get(language) or value.get(self.default_language) or ""
        return str(value or default)

    @property
    def logo(self) -> Path | None:
        logo = self.text("center", "logo", self.default_language)
        return self.root / logo if logo else None

    def color(self, key: str) -> str:
        return self.text("colors", key, self.default_language, DEFAULT_COLOR)


def phone_link(phone: str) -> str:
    """The tel: address of a phone number (RFC 3966): its digits, and ;ext= for an extension."""
    found = PHONE.match(phone.strip())
    if found is None:
        return re.sub(r"[^0-9+]", "", phone)
    number = re.sub(r"[^0-9+]", "", found.group("number"))
    return f"{number};ext={found.group('extension')}" if found.group("extension") else number


def contrast_with_white(hex_color: str) -> float:
    """WCAG contrast ratio of white text on this colour."""

    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (int(hex_color[i : i + 2], 16) for i in (1, 3, 5))
    luminance = 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)
    return 1.05 / (luminance + 0.05)


def load_branding(path: Path, languages: list[str], default_language: str) -> tuple[Branding, list[Finding]]:
    """Read branding.yml; a bad value is a finding and falls back to the neutral default.

    Paths in it (the logo) are relative to the folder that holds it."""
    branding = Branding(root=path.parent, default_language=default_language)
    if not path.is_file():
        return branding, []
    try:
        document = compose(path.read_bytes().decode("utf-8"))
    except UnicodeDecodeError as error:
        line = path.read_bytes()[: error.start].count(b"\n") + 1
        return branding, [
            finding(FILE, line, "branding.yml is not valid UTF-8", "save it with UTF-8 encoding", "branding")
        ]
    except yaml.YAMLError as error:
        problem = f"invalid YAML: {yaml_problem(error)}"
        return branding, [
            finding(
                FILE,
                yaml_error_line(error),
                problem,
                "fix the line (a value with a colon needs quotes)",
                "branding",
            )
        ]
    findings: list[Finding] = []
    if document is None:
        return branding, findings
    if not isinstance(document, yaml.MappingNode):
        return branding, [finding(FILE, 1, "branding.yml is not a list of sections", "restore it from git", "branding")]
    for section_key, section in document.value:
        name = section_key.value
        if name not in SCHEMA:
            findings.append(_unknown(section_key, name, list(SCHEMA)))
            continue
        if not isinstance(section, yaml.MappingNode):
            findings.append(
                finding(
                    FILE,
                    section_key.start_mark.line + 1,
                    f"`{name}:` must hold `key: value` lines",
                    "indent its values under it",
                    "branding",
                )
            )
            continue
        for key_node, value_node in section.value:
            key = key_node.value
            if key not in SCHEMA[name]:
                findings.append(_unknown(key_node, key, list(SCHEMA[name])))
                continue
            value, problems = _value(name, key, value_node, languages)
            findings += problems
            if not problems:
                branding.values[(name, key)] = value
    for problem in _check_values(branding):
        findings.append(problem)
    return branding, findings


def _unknown(node: yaml.Node, key: str, known: list[str]) -> Finding:
    close = difflib.get_close_matches(key, known, n=1)
    hint = f"did you mean `{close[0]}`?" if close else f"use one of: {', '.join(known)}"
    return finding(FILE, node.start_mark.line + 1, f"unknown setting `{key}`", hint, "branding")


def _value(section: str, key: str, node: yaml.Node, languages: list[str]) -> tuple[object, list[Finding]]:
    line = node.start_mark.line + 1
    if isinstance(node, yaml.ScalarNode):
        return _checked(section, key, node.value, line)
    if isinstance(node, yaml.MappingNode) and (section, key) in TRANSLATABLE:
        values: dict[str, str] = {}
        problems: list[Finding] = []
        for code_node, text_node in node.value:
            if code_node.value not in languages:
                problems.append(
                    finding(
                        FILE,
                        code_node.start_mark.line + 1,
                        f"`{code_node.value}` is no site language",
                        f"use one of: {', '.join(languages)}",
                        "branding",
                    )
                )
            elif not isinstance(text_node, yaml.ScalarNode):
                problems.append(
                    finding(
                        FILE,
                        text_node.start_mark.line + 1,
                        f"{key} for {code_node.value} is not text",
                        "write the text after the colon",
                        "branding",
                    )
                )
            elif "<" in text_node.value or ">" in text_node.value:
                problems.append(
                    finding(
                        FILE,
                        text_node.start_mark.line + 1,
                        f"{key} for {code_node.value} contains HTML",
                        "write plain text, without < or >",
                        "branding",
                    )
                )
            else:
                values[code_node.value] = text_node.value
        return values, problems
    fix = "write one value, or one per language code" if (section, key) in TRANSLATABLE else "write one value"
    return None, [finding(FILE, line, f"{section}.{key} is not a single value", fix, "branding")]


def _checked(section: str, key: str, value: str, line: int) -> tuple[object, list[Finding]]:
    value = value.strip()
    problem = ""
    if not value:
        return "", []
    if "<" in value or ">" in value:
        return None, [
            finding(FILE, line, f"{section}.{key} contains HTML", "write plain text, without < or >", "branding")
        ]
    if key in ("website", "dispute_resolution", "parent_center") and not URL.match(value):
        problem, fix = f"{key} {value!r} is not a web address", "write the full address, starting with https://"
    elif key == "email" and not EMAIL.match(value):
        problem, fix = f"email {value!r} is not an email address", "write it like info@example.org"
    elif key == "phone" and not PHONE.match(value):
        problem, fix = (
            f"phone {value!r} is not a phone number",
            "use digits, spaces, + ( ) -, and an extension after ext.: +1 555-555-0100 ext. 12",
        )
    elif section == "colors" and not HEX.match(value):
        problem, fix = f"{key} colour {value!r} is not a colour code", 'write six hex digits after #, like "#303f9f"'
    elif section == "colors" and contrast_with_white(value) < 4.5:
        ratio = contrast_with_white(value)
        problem = f"{key} colour {value} is too light: white text on it has contrast {ratio:.1f}:1"
        fix = "choose a darker colour (4.5:1 or more; check it with any contrast checker)"
    elif key == "logo" and not value.lower().endswith(LOGO_TYPES):
        problem, fix = f"logo {value!r} is not an image file", f"use a file ending in {', '.join(LOGO_TYPES)}"
    if problem:
        return None, [finding(FILE, line, problem, fix, "branding")]
    return value, []


def _check_values(branding: Branding) -> list[Finding]:
    logo = branding.logo
    if logo is not None and not logo.is_file():
        line = _line_of(branding.root / FILE, "logo:")
        return [
            finding(
                FILE,
                line,
                f"logo file {branding.text('center', 'logo', branding.default_language)} does not exist",
                "put the image in the project (e.g. branding/logo.svg) and give its path",
                "branding",
            )
        ]
    return []


def _line_of(path: Path, needle: str) -> int:
    for number, text in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if text.strip().startswith(needle):
            return number
    return 1


def branding_css(branding: Branding) -> str:
    """The center's colours as Material's CSS variables."""
    primary, accent = branding.color("primary"), branding.color("accent")
    return (
        "/* Generated from branding.yml. */\n"
        ":root, [data-md-color-scheme] {\n"
        f"  --md-primary-fg-color: {primary};\n  --md-primary-fg-color--dark: {primary};\n"
        f"  --md-accent-fg-color: {accent};\n  --md-typeset-a-color: {accent};\n"
        "}\n"
    )
