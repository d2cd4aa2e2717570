"""Launcher: the window without arguments (or with a bundle to open), the CLI with a sub-command."""

from __future__ import annotations

import sys

GUI_FLAGS = ("--demo", "--lang")


def wants_gui(argv: list[str]) -> bool:
    """No arguments, GUI flags only, or a single bundle path (as a file association passes it)."""
    if not argv:
        return True
    if all(arg.startswith(GUI_FLAGS) for arg in argv):
        return True
    return len(argv) == 1 and argv[0].lower().endswith(".dlgbundle")


def main() -> None:
    argv = sys.argv[1:]
    if wants_gui(argv):
        from ui.app import run_gui

        sys.exit(run_gui(argv))
    from judge_app.cli import main as cli_main

    sys.exit(cli_main(argv))


if __name__ == "__main__":
    main()
