"""A made-up parent center's branding, as a center would write it in branding.yml: its name and
short name in English and Spanish (the other languages fall back to English), a logo, a phone
with an extension. tests/conftest.py's `branded_build` builds the real project with it."""

from __future__ import annotations

import random
import string

from resource_site.checks.published_files import LOGO_KB

NAME = {"en": "Lakeside Parent Training and Information Center", "es": "Centro para Padres Lakeside"}
SHORT_NAME = {"en": "Lakeside PTI", "es": "PTI Lakeside"}
PHONE = "+1 (555) 555-0100 ext. 12"
EMAIL = "info@lakeside-pti.example.org"
WEBSITE = "https://lakeside-pti.example.org/"
ADDRESS = "12 Harbor Road, Lakeside"
_DRAWING = (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 48 48"><circle cx="24" cy="24" r="22" fill="#ffb300"/>'
    '<path d="M12 30 24 12 36 30Z" fill="#1b5e20"/><desc>{}</desc></svg>\n'
)
# As heavy as the check allows (LOGO_KB), and as hard to compress as a PNG: random letters fill it.
_FILL = "".join(random.Random(0).choices(string.ascii_letters, k=LOGO_KB * 1024 - len(_DRAWING) + 2))
LOGO = _DRAWING.format(_FILL)
BRANDING = f"""\
center:
  name:
    en: {NAME["en"]}
    es: {NAME["es"]}
  short_name:
    en: {SHORT_NAME["en"]}
    es: {SHORT_NAME["es"]}
  website: {WEBSITE}
  logo: branding/logo.svg
contact:
  phone: "{PHONE}"
  email: {EMAIL}
  address: {ADDRESS}
"""


def name(code: str) -> str:
    return NAME.get(code, NAME["en"])


def short_name(code: str) -> str:
    return SHORT_NAME.get(code, SHORT_NAME["en"])
