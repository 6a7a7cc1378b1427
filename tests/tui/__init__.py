"""Tests of the app: Pilot tests of its screens, its widgets, and snapshots of key screens."""
