"""Rasa input channels: the REST contract, the web chat page, Microsoft Teams."""
