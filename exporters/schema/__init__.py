"""The JSON Schema of the plan export (a package so the .json ships with it)."""
