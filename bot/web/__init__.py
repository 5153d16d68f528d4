"""The web chat page: its HTML, CSS and JavaScript (no build step), and helpers for its channel."""
