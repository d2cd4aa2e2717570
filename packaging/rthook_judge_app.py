"""Runs first in the frozen app (PyInstaller runtime hook): its environment, before any of its code.

- Programs the app starts (the PDF viewer or file manager that "open" hands a file to) get the
  library path the judge's session had, not the app's folder: the Linux launcher points
  LD_LIBRARY_PATH at the app's own libraries, and a viewer loading those could fail.
  The app itself keeps using them (the loader read the path when the process started).
- Qt's Thai line breaking (libthai, bundled on Linux) reads its dictionary from the app's folder.
- PyThaiNLP never downloads and never writes a data folder (the core sets the same again).
"""

import os
import sys

_here = getattr(sys, "_MEIPASS", None)
if sys.platform.startswith("linux"):
    _original = os.environ.pop("LD_LIBRARY_PATH_ORIG", None)
    if _original is not None:
        os.environ["LD_LIBRARY_PATH"] = _original
    else:
        os.environ.pop("LD_LIBRARY_PATH", None)
    if _here and os.path.isfile(os.path.join(_here, "libthai", "thbrk.tri")):
        os.environ.setdefault("LIBTHAI_DICTDIR", os.path.join(_here, "libthai"))
os.environ["PYTHAINLP_OFFLINE"] = "1"
if "PYTHAINLP_READ_MODE" not in os.environ:
    os.environ["PYTHAINLP_READ_ONLY"] = "1"
