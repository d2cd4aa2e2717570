"""``python -m judge_app COMMAND …`` runs the command line (no window)."""

import sys

from .cli import main

sys.exit(main())
