"""The translator workflow on a fixture site: new language, status, staleness, review, publish."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import lxml.html
import pytest

from resource_site.cli import main
from tests.conftest import Site

SPANISH_IEE = (
    "Si no está de acuerdo con la evaluación de la escuela, tal vez pueda pedir una\nevaluación independiente."
)


def git_commit_all(site: Site) -> None:
    def git(*args: str) -> None:
        subprocess.run(["git", *args], cwd=site.root, check=True, capture_output=True)

    git("init", "-q")
    git("add", "-A")
    git("-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qm", "translated")


def cli(site: Site, *args: str) -> int:
    return main(["--root", str(site.root), *args])


def translated_and_committed(site: Site) -> None:
    """Spanish recorded as translated from today's English, and the project committed: a later
    English edit makes it stale, with the old English in git."""
    assert cli(site, "translated", "es") == 0
    git_commit_all(site)


def language_status(site: Site, capsys: pytest.CaptureFixture[str], code: str) -> dict[str, object]:
    capsys.readouterr()
    assert cli(site, "status", "--format", "json") in (0, 1)
    return next(s for s in json.loads(capsys.readouterr().out) if s["code"] == code)


def test_new_language_scaffolds_everything_and_starts_unbuilt(site: Site, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli(site, "new-language", "so") == 0
    out = capsys.readouterr().out
    assert "docs/so/: 4 pages copied from English, to translate" in out
    assert (
        "mkdocs.yml: the site's name in Soomaali is still to translate — write it as `site_name:` under "
        "`locale: so` (or start with `make new-language CODE=so SITE_NAME=…`)"
    ) in out
    assert site.path("locales/so/LC_MESSAGES/messages.po").is_file()
    # No term of the new language is confirmed until a fluent reviewer does it.
    assert "locales/so/terms.yml: 1 key terms, none confirmed yet" in out
    assert site.path("locales/so/terms.yml").read_text(encoding="utf-8").endswith("iep:\n  confirmed: false\n")
    # Material has no Somali: its interface strings will come from our catalog.
    assert '"language": "so"' in site.path("overrides/partials/languages/so.html").read_text(encoding="utf-8")
    config = site.path("mkdocs.yml").read_text(encoding="utf-8")
    assert "      - locale: so\n        name: Soomaali\n" in config
    assert "build: false" in config
    somali = language_status(site, capsys, "so")
    assert somali["built"] is False and somali["complete"] is False
    assert (len(somali["pages_translated"]), somali["pages_total"]) == (0, 4)
    assert sorted(somali["pages_in_english"]) == ["disagree.md", "glossary.md", "index.md", "sources.md"]
    assert (len(somali["keypoints_covered"]), len(somali["keypoints_in_english"])) == (0, 3)
    assert somali["strings_translated"] < somali["strings_total"]
    assert somali["review"] == "draft (0/4 pages reviewed)"
    assert somali["site_name_missing"] is True
    assert cli(site, "status") == 1
    assert (
        "mkdocs.yml: so has no site name of its own yet — add `site_name:` with the site's name in Soomaali, "
        "under `locale: so`"
    ) in capsys.readouterr().out.splitlines()
    # The site still builds: the new language is not built until it is complete.
    assert site.run(capsys).code == 0


def test_new_language_takes_the_site_s_name_in_the_language(site: Site, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli(site, "new-language", "fr", "--site-name", 'Thérapie "à l’école"') == 0
    config = site.path("mkdocs.yml").read_text(encoding="utf-8")
    assert '      - locale: fr\n        name: Français\n        site_name: "Thérapie \\"à l’école\\""\n' in config
    assert language_status(site, capsys, "fr")["site_name_missing"] is False


@pytest.mark.parametrize(
    ("code", "message"),
    [
        ("Spanish", "error: 'Spanish' is not a BCP 47 language code"),
        ("es_MX", "error: 'es_MX' is not a BCP 47 language code"),
        ("es", "error: 'es' is already in mkdocs.yml"),
        ("xx", "error: Babel does not know 'xx': give its name and direction"),
    ],
)
def test_new_language_rejects_bad_codes(
    site: Site, capsys: pytest.CaptureFixture[str], code: str, message: str
) -> None:
    assert cli(site, "new-language", code) == 2
    assert capsys.readouterr().err.startswith(message)
    assert not site.path(f"docs/{code}").exists() or code == "es"


def test_translated_language_becomes_publishable(site: Site, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli(site, "new-language", "fr") == 0
    assert cli(site, "publish-language", "fr") == 1
    assert "not yet: fr is not complete: pages 0/4, key points 0/3" in capsys.readouterr().err
    for page, text in FRENCH.items():
        site.write(f"docs/fr/{page}", text)
    # The interface strings, translated (the test borrows the Spanish ones: only completeness counts).
    spanish = site.path("locales/es/LC_MESSAGES/messages.po").read_text(encoding="utf-8")
    site.write("locales/fr/LC_MESSAGES/messages.po", spanish.replace('"Language: es\\n"', '"Language: fr\\n"'))
    assert cli(site, "publish-language", "fr") == 1
    assert (
        "not yet: fr is not complete: pages 4/4, key points 3/3, interface strings 48/48, site name not translated"
        in (capsys.readouterr().err)
    )
    site.edit(
        "mkdocs.yml",
        "# site_name: the site's name in this language (still to translate)",
        "site_name: Thérapie scolaire et thérapie médicale",
    )
    assert cli(site, "publish-language", "fr") == 0
    assert "build: true" in site.path("mkdocs.yml").read_text(encoding="utf-8").split("locale: fr")[1]


def test_english_change_makes_translation_stale_with_diff(site: Site, capsys: pytest.CaptureFixture[str]) -> None:
    translated_and_committed(site)
    site.edit(
        "docs/en/disagree.md", "you may be able to ask for an\nindependent one.", "you can ask for an\nindependent one."
    )
    spanish = language_status(site, capsys, "es")
    assert spanish["keypoints_stale"] == ["kp-iee"]
    [stale] = spanish["stale_pages"]
    assert stale["page"] == "disagree.md"
    assert "-If you do not agree with the school's evaluation, you may be able to ask for an" in stale["english_diff"]
    assert "+If you do not agree with the school's evaluation, you can ask for an" in stale["english_diff"]
    assert cli(site, "status") == 1  # something is stale
    text = capsys.readouterr().out
    assert (
        f"docs/es/disagree.md: stale — the English changed (kp-iee); update the translation, then set "
        f"`translated_from: {stale['english_now']}`" in text
    )
    # The built page says so, in Spanish, and links to the English page.
    assert site.run(capsys, "build").code == 0
    page = site.path("site/es/disagree/index.html").read_text(encoding="utf-8")
    assert "La página en inglés ha cambiado." in page
    assert 'href="../../disagree/" hreflang="en"' in page
    assert "La página en inglés ha cambiado." not in site.path("site/es/index.html").read_text(encoding="utf-8")
    # Once the translator has updated the page and recorded it, it is current again.
    assert cli(site, "translated", "es", "disagree.md") == 0
    assert language_status(site, capsys, "es")["stale_pages"] == []


def test_a_translated_from_that_is_no_english_version_is_its_own_finding(
    site: Site, capsys: pytest.CaptureFixture[str]
) -> None:
    translated_and_committed(site)
    recorded = next(
        line
        for line in site.path("docs/es/index.md").read_text(encoding="utf-8").splitlines()
        if "translated_from" in line
    )
    english_now = recorded.split(": ")[1].strip('"')
    site.edit("docs/es/index.md", recorded, "translated_from: 0123456789ab")
    [stale] = language_status(site, capsys, "es")["stale_pages"]
    assert (stale["unknown_version"], stale["translated_from"]) == (True, "0123456789ab")
    assert cli(site, "status") == 1
    fix = (
        f"if you translated today's English, set `translated_from: {english_now}` (or run "
        "`make translated CODE=es PAGES=index.md`); otherwise set the value `make status` showed when you started"
    )
    problem = (
        "`translated_from: 0123456789ab` is not a version of the English page "
        "(git knows no English text with that value)"
    )
    assert f"docs/es/index.md: {problem} — {fix}" in capsys.readouterr().out.splitlines()
    line = site.path("docs/es/index.md").read_text(encoding="utf-8").splitlines().index("translated_from: 0123456789ab")
    result = site.run(capsys, "check")
    assert result.code == 1
    assert f"docs/es/index.md:{line + 1}: {problem} — {fix}" in result.lines, result.out
    assert "the English changed" not in result.out


def test_the_status_page_shows_each_stale_page_s_diff_and_the_value_to_set(
    site: Site, capsys: pytest.CaptureFixture[str]
) -> None:
    translated_and_committed(site)
    site.edit("docs/en/disagree.md", "you may be able to ask for an", "you can ask & for an")
    [stale] = language_status(site, capsys, "es")["stale_pages"]
    assert site.run(capsys, "build").code == 0
    page = lxml.html.parse(str(site.path("site/translation-status/index.html")))
    [item] = [li for li in page.iter("li") if "docs/es/disagree.md" in li.text_content()]
    assert f"Once it is updated, set translated_from: {stale['english_now']}." in item.text_content()
    [diff] = page.xpath("//details[@class='english-diff']//pre")
    assert "+If you do not agree with the school's evaluation, you can ask & for an\n" in diff.text_content()
    assert "-If you do not agree with the school's evaluation, you may be able to ask for an\n" in diff.text_content()


def test_review_removes_the_draft_notice(site: Site, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli(site, "review", "es", "index.md", "--by", "Ana Pérez", "--on", "2026-11-20") == 0
    spanish = language_status(site, capsys, "es")
    assert spanish["pages_reviewed"] == {"index.md": "Ana Pérez, 2026-11-20"}
    assert spanish["review"] == "draft (1/4 pages reviewed)"
    assert site.run(capsys, "build").code == 0
    assert "Traducción en borrador." not in site.path("site/es/index.html").read_text(encoding="utf-8")
    assert "Traducción en borrador." in site.path("site/es/disagree/index.html").read_text(encoding="utf-8")
    assert 'reviewed_by: "Ana Pérez"\nreviewed_on: "2026-11-20"\n---' in site.path("docs/es/index.md").read_text(
        encoding="utf-8"
    )


def test_reviewing_a_stale_page_is_refused_with_the_reason(site: Site, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli(site, "translated", "es") == 0
    site.edit("docs/en/index.md", "Some children get therapy", "Some children have therapy")
    before = site.path("docs/es/index.md").read_text(encoding="utf-8")
    assert cli(site, "review", "es", "disagree.md", "index.md", "--by", "Ana Pérez") == 1
    error = capsys.readouterr().err
    assert error.startswith("not yet: docs/es/index.md: the English page changed since this translation")
    assert "run `make translated CODE=es PAGES=index.md`, then review it" in error
    assert site.path("docs/es/index.md").read_text(encoding="utf-8") == before
    assert "reviewed_by" not in site.path("docs/es/disagree.md").read_text(encoding="utf-8")  # nothing half-done
    assert cli(site, "review", "es", "disagree.md", "--by", "Ana Pérez") == 0  # a current page still can be


def test_site_carries_the_status_page_and_json(site: Site, capsys: pytest.CaptureFixture[str]) -> None:
    assert site.run(capsys, "build").code == 0
    data = json.loads(site.path("site/status.json").read_text(encoding="utf-8"))
    assert [s["code"] for s in data] == ["en", "es"]
    page = site.path("site/translation-status/index.html").read_text(encoding="utf-8")
    assert "<td>Español (<code>es</code>)</td>" in page


def test_the_status_lists_each_language_s_term_base(site: Site, capsys: pytest.CaptureFixture[str]) -> None:
    site.write(
        "locales/es/terms.yml",
        "iep:\n  accepted: [programa IEP]\n  forbidden:\n    - rendering: PEI\n"
        "      reason: the Canadian name\n  confirmed: false\n",
    )
    assert "terms 0/1 confirmed" in site.run(capsys, "status").lines[1]
    assert site.run(capsys, "build").code == 0
    page = lxml.html.parse(str(site.path("site/translation-status/index.html"))).getroot()
    (spanish,) = page.xpath("//h3[@id='terms-es']/following-sibling::table[1]")
    rows = [[" ".join(cell.text_content().split()) for cell in row.iter("td")] for row in spanish.iter("tr")]
    assert rows[1:] == [["IEP", "IEP", "programa IEP", "PEI", "no"]]


FRENCH = {
    "index.md": """---
title: Deux types de thérapie
---

# Deux types de thérapie {#top}

Certains enfants reçoivent une thérapie à l'école. D'autres la reçoivent dans une clinique. Lisez
[que faire si vous n'êtes pas d'accord](disagree.md#evaluation).

/// keypoint | Gratuit pour les familles
    attrs: {id: kp-school-free}

Les familles ne paient pas la thérapie que l'école donne à leur enfant.
///

/// keypoint | L'assurance paie souvent
    attrs: {id: kp-medical-cost}

L'assurance maladie ou Medicaid paie souvent la thérapie médicale, mais la famille peut
encore avoir une participation à payer.
///

## IEP {#iep}

Un plan écrit pour un élève qui reçoit une éducation spécialisée à l'école.
""",
    "disagree.md": """---
title: Si vous n'êtes pas d'accord
---

# Si vous n'êtes pas d'accord {#top}

Vous pouvez demander à l'équipe de l'école de revoir ce qu'elle sait de votre enfant.
Retour [au début](index.md).

## Une évaluation {#evaluation}

/// keypoint | Vous pouvez demander une IEE
    attrs: {id: kp-iee}

Si vous n'êtes pas d'accord avec l'évaluation de l'école, vous pouvez peut-être demander
une évaluation indépendante.
///
""",
    "glossary.md": """---
title: Mots à connaître
---

# Mots à connaître {#top}

## IEP {#iep}

Programme d'éducation individualisé (Individualized Education Program). Un plan écrit pour un élève
qui reçoit une éducation spécialisée.
""",
    "sources.md": """---
title: Sources
---

# D'où viennent ces informations {#top}

Ce site résume une fiche d'information d'un centre pour les parents. Ce sont des informations générales,
pas des conseils juridiques.
""",
}


def test_a_shallow_copy_says_nothing_of_a_translated_from_value(
    site: Site, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """In a shallow clone git knows one English version: an older, real value is not "no version"."""
    translated_and_committed(site)
    site.edit("docs/en/disagree.md", "you may be able to ask for an", "you can ask for an")
    subprocess.run(
        ["git", "commit", "-qam", "English changed"],
        cwd=site.root,
        check=True,
        capture_output=True,
        env={
            **os.environ,
            "GIT_AUTHOR_NAME": "t",
            "GIT_AUTHOR_EMAIL": "t@example.org",
            "GIT_COMMITTER_NAME": "t",
            "GIT_COMMITTER_EMAIL": "t@example.org",
        },
    )
    shallow = tmp_path / "shallow"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{site.root}", str(shallow)], check=True)
    capsys.readouterr()
    assert main(["--root", str(shallow), "status", "--format", "json"]) == 1
    spanish = next(s for s in json.loads(capsys.readouterr().out) if s["code"] == "es")
    [stale] = spanish["stale_pages"]
    assert (stale["page"], stale["unknown_version"]) == ("disagree.md", False)
