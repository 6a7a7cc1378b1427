"""Tests that drive the command line (actionplan.cli), in-process or as real processes."""
