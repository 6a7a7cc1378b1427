"""Client summaries: a client-safe model of the plan, its renderers, the leak guard, snapshots."""
