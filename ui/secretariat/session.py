"""One open contest database, shared by the secretariat window's pages.

The session's own connection belongs to the GUI thread and is for quick reads.
Work that writes much or takes long runs in an :class:`ui.worker.Op` and opens
its own connection with :meth:`SecretariatSession.open_db` (a SQLite
connection belongs to the thread that made it). When it is done the page calls
:meth:`notify` so every other page refreshes what it shows.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal

from judge_app.secretariat import ContestDatabase

#: What a change touched; pages refresh on the kinds they show.
ENTRIES = "entries"
JUDGES = "judges"
ASSIGNMENT = "assignment"
BUNDLES = "bundles"
SCORES = "scores"
DECISIONS = "decisions"
KINDS = (ENTRIES, JUDGES, ASSIGNMENT, BUNDLES, SCORES, DECISIONS)


class SecretariatSession(QObject):
    """The contest database the window has open, and a signal when something in it changed."""

    changed = Signal(str)

    def __init__(self, path: str | Path, parent: QObject | None = None):
        super().__init__(parent)
        self.path = Path(path)
        self.db = ContestDatabase.open(self.path)
        self.round_id = self.db.contest.rounds[0].id

    def open_db(self) -> ContestDatabase:
        """A fresh connection for a worker thread (close it when done, e.g. ``with session.open_db() as db``)."""
        return ContestDatabase.open(self.path)

    def reload(self) -> None:
        """Forget cached contest data so the next read sees what another connection wrote."""
        self.db._contest = None

    def notify(self, kind: str) -> None:
        """Tell every page that ``kind`` changed (after a worker committed it)."""
        if kind not in KINDS:
            raise ValueError(f"unknown change kind {kind!r}")
        self.reload()
        self.changed.emit(kind)

    def close(self) -> None:
        self.db.close()
