"""The MkDocs plugin (`resource-site` in mkdocs.yml): one module per page transform."""
