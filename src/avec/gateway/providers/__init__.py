"""Embedded and OpenAI-compatible providers."""
