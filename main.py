"""Launcher: a window without arguments (or with a bundle or contest database to open), the CLI with a sub-command."""

from __future__ import annotations

import sys

GUI_FLAGS = ("--demo", "--secretariat-demo", "--lang")
#: Files a file association hands to the app: a judge's bundle, the secretariat's contest database.
GUI_SUFFIXES = (".dlgbundle", ".dlgcontest")


def wants_gui(argv: list[str]) -> bool:
    """No arguments, GUI flags only, or a single bundle or contest database (as a file association passes it)."""
    if not argv:
        return True
    if all(arg.startswith(GUI_FLAGS) for arg in argv):
        return True
    return len(argv) == 1 and argv[0].lower().endswith(GUI_SUFFIXES)


def main() -> None:
    argv = sys.argv[1:]
    if wants_gui(argv):
        from ui.app import run_gui

        sys.exit(run_gui(argv))
    from judge_app.cli import main as cli_main

    sys.exit(cli_main(argv))


if __name__ == "__main__":
    main()
