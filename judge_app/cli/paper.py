"""Commands for the paper fallback: a paper sheet typed in twice by officers, with its scan."""

from __future__ import annotations

import argparse
from typing import Callable


def register(group, add: Callable[..., argparse.ArgumentParser], passphrase_option: Callable) -> None:
    """Add this module's sub-commands to ``judge-app secretariat``."""
