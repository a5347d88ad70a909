"""Output formats, the Jinja sandbox."""


class TemplateProblem(Exception):
    """A template that cannot be read or rendered (a syntax error, an undefined name, a sandbox
    violation, a symbolic link): says where. Here, so that the CLI can catch it without importing Jinja."""
