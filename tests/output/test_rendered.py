"""A built page's words, as a reader sees them: our labels around the content are not its words."""

from __future__ import annotations

from pathlib import Path

from resource_site.output.rendered import BuiltPage
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
