"""What a run produces: the MkDocs build, its staging and publication, compiled catalogs, the
rendered-page reader, the offline archive, the handout PDFs and the local server."""
