"""Outside links, checked only when asked (`make check EXTERNAL=1`): offline runs must pass."""

from __future__ import annotations

from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import urlsplit

import requests

from resource_site.findings import Finding, finding, line_of
from resource_site.output.rendered import BuiltPage
from resource_site.project import Project


def check_external_links(project: Project, pages: list[BuiltPage]) -> Iterator[Finding]:
    where: dict[str, list[BuiltPage]] = {}
    for page in pages:
        if page.article is None:
            continue
        for _element, _attribute, href, _pos in page.article.iterlinks():
            if urlsplit(href).scheme in ("http", "https"):
                where.setdefault(href, []).append(page)
    with ThreadPoolExecutor(max_workers=8) as pool:
        results = dict(zip(where, pool.map(_problem, where), strict=True))
    for url, problem in sorted(results.items()):
        if not problem:
            continue
        for page in where[url]:
            source = project.source_path(page.language.code, page.page)
            yield finding(
                project.relative(source),
                line_of(source, url),
                f"outside link {url} {problem}",
                "update the address or remove the link",
                "external-links",
            )


def _problem(url: str) -> str:
    try:
        response = requests.head(url, allow_redirects=True, timeout=15)
        if response.status_code >= 400:
            response = requests.get(url, allow_redirects=True, timeout=15, stream=True)
    except requests.RequestException as error:
        return f"cannot be reached ({type(error).__name__})"
    return f"answers HTTP {response.status_code}" if response.status_code >= 400 else ""
