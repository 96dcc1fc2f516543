"""``python -m generator`` runs the ``kokeilu`` command line."""

import sys

from generator.cli import main

sys.exit(main())
