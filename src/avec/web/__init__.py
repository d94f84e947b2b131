"""Server-rendered web pages (Jinja2 + htmx)."""
