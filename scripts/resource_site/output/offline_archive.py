"""The whole site as a zip that works opened from disk (file://), search included in every language."""

from __future__ import annotations

import zipfile
from pathlib import Path

from resource_site.findings import Finding
from resource_site.output.build import BuildOptions, build_site
from resource_site.project import GENERATED, Project

FOLDER = "therapy-site"  # what the archive unpacks to
FIXED_TIME = (2000, 1, 1, 0, 0, 0)  # the same bytes for the same site, whenever it is built
# A web server's page for a missing address: opened from disk it would load from the disk's root.
LEFT_OUT = {"404.html"}


def build_offline_archive(
    project: Project, site_dir: Path, work: Path, jobs: int, preview_dir: Path | None = None
) -> list[Finding]:
    """A second build with Material's offline plugin into `work`, zipped into the site. With
    `preview_dir`, the languages not yet on the site are built too, into a copy that opens from
    disk as well (a preview a translator opens without installing anything)."""
    copy = offline_copy_dir(work)
    result = build_site(project, copy, BuildOptions(offline_copy=True), jobs, preview_dir=preview_dir)
    if result.finished:
        zip_directory(copy, site_dir / GENERATED.offline_archive)
    return result.findings


def offline_copy_dir(work: Path) -> Path:
    """Where a run builds the copy the archive is zipped from (it opens from disk)."""
    return work / "offline"


def zip_directory(folder: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for path in sorted(
            p for p in folder.rglob("*") if p.is_file() and p.relative_to(folder).as_posix() not in LEFT_OUT
        ):
            info = zipfile.ZipInfo(f"{FOLDER}/{path.relative_to(folder).as_posix()}", date_time=FIXED_TIME)
            info.external_attr = 0o644 << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, path.read_bytes())
