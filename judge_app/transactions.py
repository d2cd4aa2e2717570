"""One SQLite transaction per change, for connections opened in autocommit mode."""

from __future__ import annotations

import sqlite3


class Transaction:
    """BEGIN IMMEDIATE … COMMIT, rolled back on any error; nested use joins the outer one.

    IMMEDIATE takes the write lock at the start, so two windows or processes
    changing the same file wait for each other instead of failing half-way.
    """

    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn
        self.outer = False

    def __enter__(self) -> None:
        if not self.conn.in_transaction:
            self.conn.execute("BEGIN IMMEDIATE")
            self.outer = True

    def __exit__(self, exc_type, exc, tb) -> None:
        if not self.outer:
            return
        if exc_type is None:
            try:
                self.conn.execute("COMMIT")
            except BaseException:
                self._roll_back()
                raise
        else:
            self._roll_back()

    def _roll_back(self) -> None:
        # After a full disk SQLite has often rolled back already: a second ROLLBACK would fail and
        # hide the cause. A failed COMMIT may leave the transaction open, and the next change would
        # join it and never commit.
        if self.conn.in_transaction:
            self.conn.execute("ROLLBACK")
