"""Reading level of the English pages (Flesch-Kincaid grade), measured on the built text."""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from dataclasses import dataclass

with warnings.catch_warnings():  # textstat 0.7 imports setuptools' deprecated pkg_resources
    warnings.simplefilter("ignore", UserWarning)
    import textstat

from resource_site.findings import Finding, finding
from resource_site.output.rendered import BuiltPage, select
from resource_site.project import Project

MAX_GRADE = 8.0
BLOCKS = "p, li, td, th, h1, h2, h3, dd, dt"


@dataclass(frozen=True)
class Reading:
    page: str
    grade: float
    words: int


def measure(page: BuiltPage) -> Reading:
    """Each paragraph, list item, cell and heading counts as a sentence, as a reader takes it."""
    sentences = []
    if page.article is not None:
        for element in select(page.article, BLOCKS):
            if element.xpath(".//p | .//li"):  # a container: its children count instead
                continue
            text = page.content_text(element)
            if text:
                sentences.append(text if text[-1] in ".?!:;" else text + ".")
    text = " ".join(sentences)
    return Reading(page.page, float(textstat.flesch_kincaid_grade(text)), int(textstat.lexicon_count(text)))


def check_readability(project: Project, pages: list[BuiltPage]) -> tuple[list[Reading], Iterator[Finding]]:
    readings = [measure(page) for page in pages if page.language.default]

    def findings() -> Iterator[Finding]:
        for reading in readings:
            if reading.grade > MAX_GRADE:
                path = project.source_path(project.default_language.code, reading.page)
                yield finding(
                    project.relative(path),
                    1,
                    f"reads at grade {reading.grade:.1f}, above the grade {MAX_GRADE:.0f} limit",
                    "use shorter sentences and everyday words",
                    "readability",
                )

    return readings, findings()
