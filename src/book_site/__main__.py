"""``python -m book_site stale|run``: the notebooks' freshness from the command line (see ``freshness``)."""

import sys

from .freshness import main

sys.exit(main(sys.argv[1:]))
