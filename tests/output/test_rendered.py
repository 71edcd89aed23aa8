"""A built page's words, as a reader sees them: our labels around the content are not its words."""

from __future__ import annotations

from pathlib import Path

import lxml.html

from resource_site.output.rendered import BuiltPage, ShownNavigation
from resource_site.project import Language

PAGE = """<!doctype html><html lang="es"><head><meta charset="utf-8"></head><body><article class="md-content__inner">
<h1>Terapia<a class="headerlink" href="#t">&para;</a></h1>
<div class="admonition keypoint" id="kp-one"><p class="keypoint-label">Punto clave</p><p>La escuela ayuda.</p></div>
<p>Después <span class="keypoint-share">Compartir</span>del texto.</p>
</article></body></html>"""


def test_a_page_s_words_leave_out_our_labels(tmp_path: Path) -> None:
    path = tmp_path / "index.html"
    path.write_text(PAGE, encoding="utf-8")
    page = BuiltPage(Language("es", "Español", default=False, build=True), "index.md", path)

    assert page.content_text() == "Terapia La escuela ayuda. Después del texto."
    block = page.keypoints["kp-one"][0]
    assert page.content_text(block) == "La escuela ayuda."
    label = block.find("p")
    assert page.content_text(label) == ""  # a label is none of the page's words, inside or out
    assert "Punto clave" in page.tree.text_content()  # the page itself is left whole


def navigation_page(active: str) -> str:
    """A page whose navigation lists pages a, b and c, `active` its own (Material's markup, shortened)."""
    entries = "".join(
        f'<li class="md-nav__item md-nav__item--active"><a href="./" class="md-nav__link">{name}</a>'
        f'<nav class="md-nav--secondary"><a href="#top">Top</a></nav></li>\n'
        if name == active
        else f'<li class="md-nav__item"><a href="../{name}/" class="md-nav__link">{name}</a></li>\n'
        for name in "abc"
    )
    return (
        '<!doctype html><html lang="es"><body><nav class="md-nav md-nav--primary"><ul class="md-nav__list">'
        f'{entries}</ul></nav><article class="md-content__inner"><h1>{active}</h1></article></body></html>'
    )


def test_each_navigation_entry_is_left_to_read_on_the_first_page_of_its_language_that_shows_it(
    tmp_path: Path,
) -> None:
    spanish = Language("es", "Español", default=False, build=True)
    shown = ShownNavigation()
    pages = []
    for name in "abc":
        path = tmp_path / "es" / name / "index.html"
        path.parent.mkdir(parents=True)
        path.write_text(navigation_page(name), encoding="utf-8")
        pages.append(BuiltPage(spanish, f"{name}.md", path, shown))
    shown.pages = pages  # as built_pages lists them
    first, second, third = pages
    up_one = tmp_path / "es" / "index.html"  # one folder up, the same entries lead elsewhere
    up_one.write_text(navigation_page("a"), encoding="utf-8")

    def entries(tree: lxml.html.HtmlElement) -> list[str]:
        return [link.text for link in tree.xpath("//nav[contains(@class, 'md-nav--primary')]/ul/li/a")]

    assert entries(third.unread) == ["c"]  # asked first, it is read after the pages before it all the same
    assert entries(first.unread) == ["a", "b", "c"]
    # the second page's own entry (active, with its contents) is new, and so is a's, as others show it
    assert entries(second.unread) == ["a", "b"]
    assert second.unread.xpath("//h1/text()") == ["b"]  # the rest of the page is all there
    assert entries(second.tree) == ["a", "b", "c"]  # and the page itself is whole
    assert entries(BuiltPage(spanish, "index.md", up_one, shown).unread) == ["a", "b", "c"]
    assert entries(BuiltPage(spanish, "c.md", third.path).unread) == ["a", "b", "c"]  # another language's
    again = tmp_path / "es" / "d" / "index.html"  # a page showing what c shows: its own entry is still read
    again.parent.mkdir()
    again.write_text(navigation_page("c"), encoding="utf-8")
    assert entries(BuiltPage(spanish, "d.md", again, shown).unread) == ["c"]
