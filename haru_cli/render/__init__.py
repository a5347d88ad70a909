"""Output formats, the Jinja sandbox."""
