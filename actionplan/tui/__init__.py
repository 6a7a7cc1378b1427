"""Everything Textual: the app, its screens and widgets, live refresh and the write queue.

Nothing outside this package imports it or Textual (the layers contract in pyproject.toml,
checked by ``lint-imports``): the core (``plan``, ``summary``, the reads) serves the board,
every screen and the command line alike.
"""
