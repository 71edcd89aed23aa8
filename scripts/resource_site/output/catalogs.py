"""Compiles the interface-string catalogs (.po) to the .mo files the build reads."""

from __future__ import annotations

import os

from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo

from resource_site.content.catalogs import catalog_path
from resource_site.project import Project


def compile_catalogs(project: Project, catalogs: dict[str, Catalog]) -> None:
    """Write each language's .mo beside its .po, whole (a build running beside us reads old or new)."""
    for code, catalog in catalogs.items():
        target = catalog_path(project.locales_dir, code).with_suffix(".mo")
        partial = target.with_name(f".{target.name}.{os.getpid()}")
        with partial.open("wb") as handle:
            write_mo(handle, catalog, use_fuzzy=False)
        partial.replace(target)
