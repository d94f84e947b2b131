"""The registry domain."""
