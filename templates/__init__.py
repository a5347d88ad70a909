"""haru's shipped report templates (installed as the package haru_cli.templates)."""
