"""The metrics domain."""
