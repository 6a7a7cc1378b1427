"""Allow `python -m actionplan`."""

from actionplan.cli import main

raise SystemExit(main())
