"""Commands for collecting score files: the progress dashboard of the round."""

from __future__ import annotations

import argparse
from typing import Callable


def register(group, add: Callable[..., argparse.ArgumentParser], passphrase_option: Callable) -> None:
    """Add this module's sub-commands to ``judge-app secretariat``."""
