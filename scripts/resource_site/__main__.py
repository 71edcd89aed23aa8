"""`python -m resource_site …` is the same as the `resource-site` command."""

from resource_site.cli import run

run()
