"""Where the app keeps a judge's things on this computer.

``DLG_JUDGE_DATA`` overrides the location (tests and portable installs use it);
otherwise the platform's per-user data folder.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_FOLDER = "dlg-judge-app"

BUNDLE_SUFFIX = ".dlgbundle"
SCORE_FILE_SUFFIX = ".dlgscores"
ENROLMENT_SUFFIX = ".dlgenrol"
#: The secretariat's contest database (SQLite).
CONTEST_DB_SUFFIX = ".dlgcontest"


def data_dir() -> Path:
    """The per-user folder for workspaces, keys and pinned secretariat keys."""
    override = os.environ.get("DLG_JUDGE_DATA")
    if override:
        return Path(override)
    if sys.platform == "win32":
        base = Path(os.environ.get("APPDATA", Path.home() / "AppData" / "Roaming"))
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_DATA_HOME", Path.home() / ".local" / "share"))
    return base / APP_FOLDER


def resources_dir() -> Path:
    """The bundled fonts, translations and icons (beside the package, or in a frozen build)."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"
