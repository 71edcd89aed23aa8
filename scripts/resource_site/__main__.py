"""`python -m resource_site …` is the same as the `resource-site` command."""

import sys

from resource_site.cli import main

sys.exit(main())
