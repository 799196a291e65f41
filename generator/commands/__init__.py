"""Subcommands of `kiemdiem`: one module each, see generator/cli.py."""
