"""What the templates need beyond Material: the center's details and every language's few words
for site.js (the language offer and the 404 page), in the language being built."""

from __future__ import annotations

import json
from collections.abc import Callable

from babel.support import NullTranslations
from markupsafe import Markup

from resource_site.content.branding import Branding, phone_link
from resource_site.project import Project

CENTER_FIELDS = {
    "name": ("center", "name"),
    "short_name": ("center", "short_name"),
    "website": ("center", "website"),
    "phone": ("contact", "phone"),
    "email": ("contact", "email"),
    "address": ("contact", "address"),
    "hours": ("contact", "hours"),
    "dispute_resolution": ("state", "dispute_resolution"),
    "parent_center": ("state", "parent_center"),
}


def center_details(branding: Branding, code: str) -> dict[str, str]:
    """The parent center's details in one language, for partials/center.html."""
    details = {name: branding.text(section, key, code) for name, (section, key) in CENTER_FIELDS.items()}
    details["phone_link"] = phone_link(details["phone"])
    return details


def site_languages(project: Project, strings: Callable[[str], NullTranslations]) -> Markup:
    """Each built language's name, direction, home and words for site.js, as inline JSON."""
    found: dict[str, dict[str, str]] = {}
    for language in project.built_languages:
        gettext = strings(language.code).gettext
        found[language.code] = {
            "name": language.name,
            "dir": project.direction(language.code),
            "home": language.prefix,
            # Translators: offered to readers whose browser prefers your language; name your language.
            "suggest": gettext("Read this page in English"),
            # Translators: the label of the × button that hides the language suggestion.
            "close": gettext("Close"),
            "not_found_title": gettext("Page not found"),
            "not_found_text": gettext("We could not find this page. It may have moved."),
            "go_home": gettext("Go to the home page"),
            # Translators: shown and read aloud after the key point's link was copied.
            "copied": gettext("Link copied"),
        }
    # Serialized here to keep every script readable (Jinja's tojson escapes all non-ASCII); no
    # string can close the <script> element or start a character reference.
    data = json.dumps(found, ensure_ascii=False, sort_keys=True)
    return Markup(data.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))
