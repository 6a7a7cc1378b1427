"""Health checks: forms (TOML files of fields), the values a check holds, and its documents."""
