"""resource_site: builds and proves a multilingual resource site for families (MkDocs plugin and tools)."""
