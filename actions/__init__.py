"""Rasa SDK adapters: each action turns a tracker into a call on bot.services, and back."""
