"""Shared test helpers: real servers, a REST client, required system tools."""
