"""Translator commands: add a language, record a finished translation or a review, publish it.

    python -m scripts.languages new CODE [--name NAME] [--dir ltr|rtl]
    python -m scripts.languages translated CODE [PAGE ...]
    python -m scripts.languages review CODE --by NAME [--on YYYY-MM-DD] [PAGE ...]
    python -m scripts.languages publish CODE

Exit codes: 0 done, 1 not possible yet (the message says why), 2 bad input.
"""

from __future__ import annotations

import argparse
import datetime
import re
import shutil
import sys
from pathlib import Path

from babel.messages.frontend import CommandLineInterface

from scripts.catalogs import catalog_path, template_path
from scripts.frontmatter import split_front_matter
from scripts.language_codes import LANGUAGE_TAG, STATIC_I18N_TAG, babel_locale, cldr_direction
from scripts.material_strings import LANGUAGES as MATERIAL_LANGUAGES
from scripts.material_strings import prefill
from scripts.project import Project
from scripts.status import project_status
from scripts.translation_state import fingerprint


class UsageError(Exception):
    """Bad input: exit code 2."""


class NotYet(Exception):
    """Valid request that cannot be done yet: exit code 1."""


def validate_code(code: str, project: Project) -> None:
    if not LANGUAGE_TAG.match(code):
        raise UsageError(
            f"'{code}' is not a BCP 47 language code — use a lower-case language code, optionally with a "
            "script or region: so, vi, zh-Hant, pt-BR"
        )
    if not STATIC_I18N_TAG.match(code):
        raise UsageError(
            f"'{code}' is a valid code, but mkdocs-static-i18n 1.3.1 only builds two-letter language codes "
            "(like 'so'); a three-letter code (like 'hmn') needs a newer static-i18n — see TRANSLATING.md"
        )
    if any(lang.code == code for lang in project.languages) or project.language_dir(code).exists():
        raise UsageError(f"'{code}' is already in mkdocs.yml or docs/{code}/ exists — see `make status`")


def name_and_direction(code: str, name: str | None, direction: str | None) -> tuple[str, str]:
    """The language's own name for itself and its direction, from Babel (CLDR) unless given."""
    locale = babel_locale(code)
    known_name = locale.get_display_name(locale) if locale else None
    known_direction = cldr_direction(code)
    name = name or (known_name[:1].upper() + known_name[1:] if known_name else None)
    direction = direction or known_direction
    if not name or not direction:
        raise UsageError(f"Babel does not know '{code}': give its name and direction, e.g. NAME='Hmoob' DIR=ltr")
    return name, direction


def set_front_matter(text: str, fields: dict[str, str]) -> str:
    """Set `key: value` lines in a page's front matter, keeping everything else as it is."""
    front = split_front_matter(text)
    if front.error:
        raise UsageError(f"cannot edit the front matter: {front.error} (line {front.error_line})")
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].rstrip() != "---":
        lines = ["---\n", "---\n", "\n", *lines]
    end = next(i for i in range(1, len(lines)) if lines[i].rstrip() in ("---", "..."))
    for key, value in fields.items():
        line = f"{key}: {value}\n"
        found = next((i for i in range(1, end) if re.match(rf"^{re.escape(key)}\s*:", lines[i])), None)
        if found is None:
            lines.insert(end, line)
            end += 1
        else:
            lines[found] = line
    return "".join(lines)


def add_language_to_config(project: Project, code: str, name: str) -> None:
    """Append the language to the i18n plugin's list in mkdocs.yml, not built until complete."""
    text = project.config_file.read_text(encoding="utf-8")
    entries = list(re.finditer(r"^(?P<indent> *)- locale: .*\n(?:(?P=indent)  .*\n)*", text, re.M))
    if not entries:
        raise UsageError("mkdocs.yml has no i18n `languages:` list to add to")
    last, indent = entries[-1], entries[-1].group("indent")
    entry = (
        f"{indent}- locale: {code}\n{indent}  name: {name}\n"
        f"{indent}  # Not built until every page and key point is translated: `make publish-language CODE={code}`.\n"
        f"{indent}  build: false\n"
    )
    project.config_file.write_text(text[: last.end()] + entry + text[last.end() :], encoding="utf-8")


def new_language(project: Project, code: str, name: str | None, direction: str | None) -> list[str]:
    validate_code(code, project)
    name, direction = name_and_direction(code, name, direction)
    english = project.default_language.code
    folder = project.language_dir(code)
    for page in project.source_pages(english):
        source = project.source_path(english, page)
        target = folder / page
        target.parent.mkdir(parents=True, exist_ok=True)
        text = source.read_text(encoding="utf-8")
        target.write_text(set_front_matter(text, {"translated_from": fingerprint(text)}), encoding="utf-8")
    pot, locales = str(template_path(project)), str(project.locales_dir)
    CommandLineInterface().run(["pybabel", "-q", "init", "-i", pot, "-d", locales, "-l", code.replace("-", "_")])
    if code.replace("-", "_") != code:  # Babel names the folder zh_Hant; our folders use the BCP 47 tag
        shutil.move(project.locales_dir / code.replace("-", "_"), project.locales_dir / code)
    filled = prefill(project, code)
    done = [
        f"docs/{code}/: {len(project.source_pages(english))} pages copied from English, to translate",
        f"{project.relative(catalog_path(project, code))}: interface strings ({filled} filled from Material)",
    ]
    if not (MATERIAL_LANGUAGES / f"{code}.html").is_file():
        language_file = project.root / "overrides" / "partials" / "languages" / f"{code}.html"
        template = (project.root / "overrides" / "partials" / "languages" / "ht.html").read_text(encoding="utf-8")
        language_file.write_text(
            template.replace("Haitian Creole", name)
            .replace("locales/ht", f"locales/{code}")
            .replace('"language": "ht"', f'"language": "{code}"')
            .replace('"direction": "ltr"', f'"direction": "{direction}"'),
            encoding="utf-8",
        )
        done.append(f"{project.relative(language_file)}: Material has no {name}; its buttons come from the catalog")
    add_language_to_config(project, code, name)
    done.append(f"mkdocs.yml: {code} ({name}, {direction}) added, not built until complete")
    return done


def mark_pages(project: Project, code: str, pages: list[str], fields_for: dict[str, str] | None) -> list[str]:
    english = project.default_language.code
    chosen = pages or project.source_pages(code)
    marked = []
    for page in chosen:
        path = project.source_path(code, page)
        if not path.is_file():
            raise UsageError(f"docs/{code}/{page} does not exist")
        english_text = project.source_path(english, page).read_text(encoding="utf-8")
        fields = fields_for or {"translated_from": fingerprint(english_text)}
        path.write_text(set_front_matter(path.read_text(encoding="utf-8"), fields), encoding="utf-8")
        marked.append(f"docs/{code}/{page}")
    return marked


def publish(project: Project, code: str) -> str:
    language = next((lang for lang in project.languages if lang.code == code), None)
    if language is None:
        raise UsageError(f"'{code}' is not in mkdocs.yml — add it with `make new-language CODE={code}`")
    status = next(s for s in project_status(project) if s.code == code)
    if not status.complete:
        raise NotYet(
            f"{code} is not complete: pages {len(status.pages_translated)}/{status.pages_total}, key points "
            f"{len(status.keypoints_covered)}/{status.keypoints_total}, interface strings "
            f"{status.strings_translated}/{status.strings_total} — see `make status`"
        )
    text = project.config_file.read_text(encoding="utf-8")
    entry = re.search(rf"^( *)- locale: {re.escape(code)}\n(?:\1  .*\n)*", text, re.M)
    assert entry is not None
    block = re.sub(r"^( *)# Not built until.*\n", "", entry.group(0), flags=re.M).replace("build: false", "build: true")
    project.config_file.write_text(text[: entry.start()] + block + text[entry.end() :], encoding="utf-8")
    return f"mkdocs.yml: {code} is now built; run `make check`"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts.languages", description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=Path.cwd())
    commands = parser.add_subparsers(dest="command", required=True)
    new = commands.add_parser("new", help="scaffold a new language")
    new.add_argument("code")
    new.add_argument("--name", help="the language's name in its own script (default: from Babel)")
    new.add_argument("--dir", choices=["ltr", "rtl"], help="writing direction (default: from Babel)")
    translated = commands.add_parser("translated", help="record that pages now match the current English")
    translated.add_argument("code")
    translated.add_argument("pages", nargs="*")
    review = commands.add_parser("review", help="record a fluent reviewer's review")
    review.add_argument("code")
    review.add_argument("pages", nargs="*")
    review.add_argument("--by", required=True)
    review.add_argument("--on", default=datetime.date.today().isoformat())
    publish_parser = commands.add_parser("publish", help="build a language once it is complete")
    publish_parser.add_argument("code")
    args = parser.parse_args(argv)
    project = Project(args.root)
    try:
        if args.command == "new":
            lines = new_language(project, args.code, args.name, args.dir)
        elif args.command == "translated":
            lines = [f"{page}: translated_from set" for page in mark_pages(project, args.code, args.pages, None)]
        elif args.command == "review":
            fields = {"reviewed_by": args.by, "reviewed_on": args.on}
            lines = [f"{page}: reviewed by {args.by}" for page in mark_pages(project, args.code, args.pages, fields)]
        else:
            lines = [publish(project, args.code)]
    except UsageError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    except NotYet as error:
        print(f"not yet: {error}", file=sys.stderr)
        return 1
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
