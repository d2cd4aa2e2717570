"""What every command shares: printing, progress, passphrases, paths, PDFs."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path
from typing import Callable, Sequence

from ..errors import JudgeAppError
from ..paths import data_dir

PASSPHRASE_ENV = "DLG_PASSPHRASE"


class CliError(JudgeAppError):
    """A command-line usage problem the user can fix."""


def say(text: str = "") -> None:
    sys.stdout.write(text + "\n")


def progress_reporter(label: str) -> Callable[..., None]:
    """Progress on stderr: a live counter on a terminal, a few lines otherwise."""
    interactive = sys.stderr.isatty()
    state = {"last": -1}

    def report(done: int, total: int, *rest: object) -> None:
        if total <= 0:
            return
        percent = done * 100 // total
        if interactive:
            sys.stderr.write(f"\r{label}: {done}/{total} ({percent}%)" + ("\n" if done >= total else ""))
            sys.stderr.flush()
        elif percent // 25 != state["last"] // 25 or done >= total:
            if percent != state["last"]:
                sys.stderr.write(f"{label}: {done}/{total} ({percent}%)\n")
        state["last"] = percent

    return report


def passphrase_from(args: argparse.Namespace, *, confirm: bool = False, what: str = "passphrase") -> str:
    """From --passphrase-file, the DLG_PASSPHRASE variable, or asked on the terminal."""
    if getattr(args, "passphrase_file", None):
        try:
            return Path(args.passphrase_file).read_text("utf-8").rstrip("\r\n")
        except OSError as exc:
            raise CliError(f"cannot read the passphrase file ({exc.strerror})", path=args.passphrase_file) from None
    if os.environ.get(PASSPHRASE_ENV):
        return os.environ[PASSPHRASE_ENV]
    if not sys.stdin or not sys.stdin.isatty():
        raise CliError(f"no {what} given: use --passphrase-file FILE or set {PASSPHRASE_ENV}")
    first = getpass.getpass(f"{what}: ")
    if confirm and getpass.getpass(f"{what} again: ") != first:
        raise CliError("the two passphrases differ; nothing was changed")
    return first


def data_dir_of(args: argparse.Namespace) -> Path:
    return Path(args.data_dir) if getattr(args, "data_dir", None) else data_dir()


def output_path(given: str | None, suffix: str, default_name: str) -> Path:
    """A file path if ``given`` ends with ``suffix``; otherwise a folder (made if needed) holding ``default_name``."""
    path = Path(given) if given else Path.cwd()
    if path.suffix == suffix and not path.is_dir():
        path.parent.mkdir(parents=True, exist_ok=True)
        return path
    path.mkdir(parents=True, exist_ok=True)
    return path / default_name


def expand_paths(paths: Sequence[str], suffix: str) -> list[Path]:
    """Files as given, and every ``*suffix`` file inside folders given."""
    found: list[Path] = []
    for name in paths:
        path = Path(name)
        if path.is_dir():
            found.extend(sorted(path.rglob(f"*{suffix}")))
        else:
            found.append(path)
    return found


def digits_only(text: str) -> str:
    return "".join(ch for ch in text if ch.isdigit())


def digit_style(args: argparse.Namespace) -> str:
    return "thai" if getattr(args, "thai_digits", False) else "arabic"


def write_pdf(path: str, data: bytes) -> None:
    from ..atomic import write_bytes_atomic

    write_bytes_atomic(Path(path), data)
    say(f"wrote {path} ({len(data) // 1024} KB)")
