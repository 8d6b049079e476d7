"""Every CLI command and option is documented in the README."""
from __future__ import annotations

import click
import typer.main

from conftest import ROOT
from tidings.cli import app


def _commands():
    cli = typer.main.get_command(app)
    for name, cmd in cli.commands.items():
        yield name, cmd


def test_every_command_and_option_is_in_the_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    missing = []
    for name, cmd in _commands():
        if f"tidings {name}" not in readme:
            missing.append(f"tidings {name}")
        for p in cmd.params:
            if isinstance(p, click.Option):
                for opt in p.opts:
                    if opt.startswith("--") and opt != "--help" and opt not in readme:
                        missing.append(f"tidings {name} {opt}")
    assert not missing, f"not in README.md: {missing}"
