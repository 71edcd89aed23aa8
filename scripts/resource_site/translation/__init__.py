"""Translation: each language's status, the English history, reports, translator commands and
the one editor of mkdocs.yml's language list."""
