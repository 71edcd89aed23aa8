"""The whole site as a zip that works opened from disk (file://), search included in every language."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

from scripts.environment import environment
from scripts.findings import Finding
from scripts.project import Project
from scripts.site_build import build_site

ARCHIVE = "downloads/therapy-site-offline.zip"
FOLDER = "therapy-site"  # what the archive unpacks to
FIXED_TIME = (2000, 1, 1, 0, 0, 0)  # the same bytes for the same site, whenever it is built


def build_offline_archive(project: Project, site_dir: Path) -> list[Finding]:
    """A second build with Material's offline plugin, zipped into site_dir/downloads/."""
    offline = site_dir.with_name(site_dir.name + "-offline")
    shutil.rmtree(offline, ignore_errors=True)
    with environment(SITE_OFFLINE="true", SITE_OFFLINE_ARCHIVE="", SITE_HANDOUTS=""):
        built, findings = build_site(project, offline)
    if built:
        zip_directory(offline, site_dir / ARCHIVE)
    shutil.rmtree(offline, ignore_errors=True)
    return findings


def zip_directory(folder: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            info = zipfile.ZipInfo(f"{FOLDER}/{path.relative_to(folder).as_posix()}", date_time=FIXED_TIME)
            info.external_attr = 0o644 << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, path.read_bytes())
