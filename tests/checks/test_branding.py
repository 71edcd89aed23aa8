"""branding.yml drives the center's name, logo, colours, contacts and state links on every language."""

from __future__ import annotations

import pytest

from resource_site.content.branding import load_branding
from tests.conftest import Site

BRANDING = """\
center:
  name:
    en: Family Resource Center
    es: Centro de Recursos para Familias
  website: https://center.example.org
  logo: branding/logo.svg
contact:
  phone: +1 555-555-0100
  email: info@center.example.org
  address: 1 Main Street, Springfield
  hours:
    en: Monday to Friday, 9 to 5
    es: De lunes a viernes, de 9 a 5
colors:
  primary: "#1b5e20"
  accent: "#0d47a1"
state:
  dispute_resolution: https://education.example.gov/dispute-resolution
  parent_center: https://parents.example.org
"""
LOGO = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><circle cx="5" cy="5" r="4"/></svg>\n'


def test_branding_appears_on_every_language(site: Site, capsys: pytest.CaptureFixture[str]) -> None:
    site.write("branding.yml", BRANDING)
    site.write("branding/logo.svg", LOGO)
    assert site.run(capsys, "build").code == 0
    expected = {
        "site/index.html": ("Family Resource Center", "Monday to Friday, 9 to 5", "Dispute resolution in your state"),
        "site/es/disagree/index.html": (
            "Centro de Recursos para Familias",
            "De lunes a viernes, de 9 a 5",
            "Resolución de disputas en su estado",
        ),
    }
    for page, (name, hours, dispute) in expected.items():
        html = site.path(page).read_text(encoding="utf-8")
        assert f'<a href="https://center.example.org"><bdi>{name}</bdi></a>' in html
        assert '<a href="tel:+15555550100" dir="ltr">+1 555-555-0100</a>' in html
        assert '<a href="mailto:info@center.example.org" dir="ltr">info@center.example.org</a>' in html
        assert f"<li><bdi>{hours}</bdi></li>" in html
        assert f'<a href="https://education.example.gov/dispute-resolution">{dispute}</a>' in html
        assert 'href="https://parents.example.org"' in html
        assert f'assets/branding/logo.svg" alt="{name}"' in html  # the logo is named for the center
    assert site.path("site/assets/branding/logo.svg").read_text(encoding="utf-8") == LOGO
    css = site.path("site/assets/stylesheets/branding.css").read_text(encoding="utf-8")
    assert "--md-primary-fg-color: #1b5e20;" in css and "--md-accent-fg-color: #0d47a1;" in css


def test_neutral_default_says_where_to_put_details(site: Site, capsys: pytest.CaptureFixture[str]) -> None:
    assert site.run(capsys, "build").code == 0
    html = site.path("site/es/index.html").read_text(encoding="utf-8")
    assert "Centro para padres: agregue su nombre y sus datos de contacto en branding.yml." in html


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (
            "phone: +1 555-555-0100",
            "phone: call us",
            "branding.yml:8: phone 'call us' is not a phone number — use digits, spaces, + ( ) -, and an "
            "extension after ext.: +1 555-555-0100 ext. 12",
        ),
        (
            "email: info@center.example.org",
            "email: info at center",
            "branding.yml:9: email 'info at center' is not an email address — write it like info@example.org",
        ),
        (
            "email: info@center.example.org",
            "email: info@center.example.org?bcc=x%40evil.example",
            "branding.yml:9: email 'info@center.example.org?bcc=x%40evil.example' is not an email address — "
            "write it like info@example.org",
        ),
        (
            'primary: "#1b5e20"',
            'primary: "#ffeb3b"',
            "branding.yml:15: primary colour #ffeb3b is too light: white text on it has contrast 1.2:1 — "
            "choose a darker colour (4.5:1 or more; check it with any contrast checker)",
        ),
        (
            'accent: "#0d47a1"',
            "accent: blue",
            "branding.yml:16: accent colour 'blue' is not a colour code — "
            'write six hex digits after #, like "#303f9f"',
        ),
        (
            "parent_center: https://parents.example.org",
            "parent_center: parents.example.org",
            "branding.yml:19: parent_center 'parents.example.org' is not a web address — "
            "write the full address, starting with https://",
        ),
        ("  hours:\n", "  hour:\n", "branding.yml:11: unknown setting `hour` — did you mean `hours`?"),
        ("    es: De lunes", "    xx: De lunes", "branding.yml:13: `xx` is no site language — use one of: en, es"),
        (
            "logo: branding/logo.svg",
            "logo: branding/missing.svg",
            "branding.yml:6: logo file branding/missing.svg does not exist — "
            "put the image in the project (e.g. branding/logo.svg) and give its path",
        ),
    ],
)
def test_bad_branding_value_is_reported_with_its_line(
    site: Site, capsys: pytest.CaptureFixture[str], old: str, new: str, message: str
) -> None:
    site.write("branding.yml", BRANDING.replace(old, new))
    site.write("branding/logo.svg", LOGO)
    result = site.run(capsys)
    assert result.code == 1
    assert message in result.lines, result.out


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "center: [unclosed\n",
            "branding.yml:1: invalid YAML: expected ',' or ']', but got '<stream end>' — "
            "fix the line (a value with a colon needs quotes)",
        ),
        ("- center\n", "branding.yml:1: branding.yml is not a list of sections — restore it from git"),
        (
            "center: Family Center\n",
            "branding.yml:1: `center:` must hold `key: value` lines — indent its values under it",
        ),
        ("contact:\n  phone: [1, 2]\n", "branding.yml:2: contact.phone is not a single value — write one value"),
        (
            "center:\n  name: [a, b]\n",
            "branding.yml:2: center.name is not a single value — write one value, or one per language code",
        ),
        ("center:\n  name:\n    es: [a]\n", "branding.yml:3: name for es is not text — write the text after the colon"),
        (
            "center:\n  name:\n    es: <b>Centro</b>\n",
            "branding.yml:3: name for es contains HTML — write plain text, without < or >",
        ),
        (
            "center:\n  logo: branding/logo.txt\n",
            "branding.yml:2: logo 'branding/logo.txt' is not an image file — "
            "use a file ending in .svg, .png, .webp, .jpg, .jpeg",
        ),
    ],
)
def test_malformed_branding_is_reported_with_its_line(unbuilt_site: Site, text: str, message: str) -> None:
    unbuilt_site.write("branding.yml", text)
    _branding, findings = load_branding(unbuilt_site.path("branding.yml"), ["en", "es"], "en")
    assert message in [str(item) for item in findings]


@pytest.mark.parametrize(
    ("written", "link"),
    [("+1 555-555-0100 ext. 12", "+15555550100;ext=12"), ("(555) 555-0100 x7", "5555550100;ext=7")],
)
def test_a_phone_number_with_an_extension_is_dialled_with_it(
    site: Site, capsys: pytest.CaptureFixture[str], written: str, link: str
) -> None:
    site.write("branding.yml", BRANDING.replace("phone: +1 555-555-0100", f"phone: {written}"))
    site.write("branding/logo.svg", LOGO)
    assert site.run(capsys, "build").code == 0
    html = site.path("site/es/index.html").read_text(encoding="utf-8")
    assert f'<a href="tel:{link}" dir="ltr">{written}</a>' in html  # RFC 3966: ;ext=
