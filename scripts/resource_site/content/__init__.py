"""Readers of the project's sources (pages, key points, glossary, branding, catalogs, language
codes). They never import MkDocs, so tests and translator tools use them without a build."""
