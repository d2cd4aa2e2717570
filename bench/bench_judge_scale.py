"""The judge window with a 7,000-entry bundle: opening, filtering, opening an entry, scoring, scrolling, memory.

One judge is assigned all 7,000 entries of a contest made from the demo's texts
(organisations, provinces, titles and summaries in Thai); every entry carries
one real one-page summary PDF (drawn once for a pool of 32 entries and shared,
so the build takes seconds; the bundle is ~200 MiB and every attachment is
still hashed on opening). The bundle is signed and issued by the secretariat's
own code (``issue_bundles``). The real window (``ui.judge_window.JudgeWindow``,
Thai, offscreen) is driven as a judge does and timed up to the repaint of what
changed:

- open: from ``open_bundle`` (a returning judge, the workspace half scored)
  to the first paint of the entries list; also the first open (new judge:
  conflicts-of-interest pass over all entries) and the longest time the
  window stopped answering while the bundle was checked;
- search: typing a Thai word in the search box, one character at a time,
  then deleting it (per keystroke), and changing the status filter;
- open an entry: next entry → entry view and scoring panel painted (and,
  apart, until its PDF's first page is on screen);
- score: one criterion typed on the keyboard → saved (durably) → painted;
- scroll: the list one page at a time from top to bottom;
- memory: 200 entries viewed in a row (each PDF rendered), resident memory
  before, half-way and after; Python's traced memory over the same walk.

Each is compared with a floor doing the same work with bare parts: the zip
read, its signature checked and every attachment hashed with ``zipfile`` and
``hashlib``, then a ``QStandardItemModel`` behind a ``QSortFilterProxyModel``
in a ``QTableView`` (filtered with ``setFilterFixedString``), entries read
and scores written with raw ``sqlite3`` (``synchronous=FULL``) and shown in
plain labels.

    .venv/bin/python bench/bench_judge_scale.py [--entries 7000] [--walk 200] [--profile]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import sqlite3
import statistics
import sys
import tempfile
import time
import tracemalloc
import zipfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

from PySide6.QtCore import Qt  # noqa: E402

from _common import (  # noqa: E402
    Figure, Profiler, QtDriver, peak_rss_mib, print_figures, rss_now_mib, timed,
)

THAI_SEARCH = "เทศบาล เชียง"  # typed one character at a time: an organisation word, then a province
PASSPHRASE = "bench passphrase 2565"
POOL = 32


# ================================================================ the bundle


def make_scale_bundle(folder: Path, entries: int) -> Path:
    """A contest of ``entries`` demo entries all assigned to J01, issued by the secretariat's code; the bundle."""
    from judge_app.demo import _contest_json, compose_entries
    from judge_app.demo_attachments import PDF_NAME, summary_pdf
    from judge_app.issuing import issue_bundles
    from judge_app.keys import PrivateKey
    from judge_app.contest_json import contest_from_json
    from judge_app.secretariat import ContestDatabase

    drafts = compose_entries(random.Random("2565:entries"), entries)
    pool = folder / "pool"
    pool.mkdir(parents=True)
    files = []
    for number, draft in enumerate(drafts[:POOL]):
        data = summary_pdf(draft)
        path = pool / f"{number}.pdf"
        path.write_bytes(data)
        files.append((path, len(data), hashlib.sha256(data).hexdigest()))
    entries_json = []
    for number, draft in enumerate(drafts):
        path, size, sha = files[number % len(files)]
        relative = f"attachments/{draft.id}/{PDF_NAME}"
        (folder / relative).parent.mkdir(parents=True)
        os.link(path, folder / relative)  # the same bytes, without writing them 7,000 times
        entries_json.append(draft.to_json([{"name": PDF_NAME, "file": relative, "media_type": "application/pdf",
                                            "size": size, "sha256": sha}]))
    data = _contest_json(entries_json)
    data["rounds"][0]["assignments"] = {"J01": [d.id for d in drafts]}
    contest = contest_from_json(data)
    secretariat = PrivateKey.generate()
    with ContestDatabase.create(folder / "contest.dlgcontest", contest, folder, secretariat.public_key) as db:
        issued = issue_bundles(db, secretariat, folder / "bundles", round_id=contest.rounds[0].id)
    return issued[0].path


def fill_workspace(bundle: Path, data_dir: Path) -> dict[str, int]:
    """Half the judging done, through the workspace's own calls (one transaction per entry).

    Every second entry scored, every seventh in progress, one in fifty a declared conflict.
    """
    from judge_app.judging import JudgeSession

    counts = {"scored": 0, "in progress": 0, "conflict": 0}
    with JudgeSession.open(bundle, data_dir=data_dir) as session:
        ws = session.workspace
        criteria = session.bundle.round.rubric.criterion_ids
        for number, entry_id in enumerate(session.bundle.entry_ids):
            if number % 50 == 49:
                ws.declare_conflict(entry_id, "เคยเป็นที่ปรึกษาโครงการ")
                counts["conflict"] += 1
            elif number % 2 == 1:
                ws.set_scores(entry_id, {c: str(2 + (number + i) % 4) for i, c in enumerate(criteria)})
                counts["scored"] += 1
            elif number % 7 == 0:
                ws.set_scores(entry_id, {criteria[0]: "3"})
                counts["in progress"] += 1
    return counts


# ================================================================ our window


def scroll_through(table, driver: QtDriver) -> list[float]:
    """Seconds per page: the list scrolled from top to bottom a page at a time, each repainted."""
    bar = table.verticalScrollBar()
    bar.setValue(0)
    driver.settle()
    times = []
    while bar.value() < bar.maximum():
        times.append(timed(lambda: (bar.setValue(bar.value() + bar.pageStep()), driver.settle(),
                                    table.viewport().repaint())))
    return times


class WindowRun:
    """The judge window on the big bundle, with what was measured."""

    def __init__(self, driver: QtDriver, bundle: Path, profiler: Profiler):
        self.driver, self.bundle, self.profiler = driver, bundle, profiler
        self.window = None

    def open(self, *, first_time: bool) -> dict[str, float]:
        """Open the bundle through the window; the times to the list painted (and the dialogs after)."""
        from ui.dialogs import BundleSummaryDialog, ConflictsDialog
        from ui.judge_window import JudgeWindow

        driver = self.driver
        if self.window is None:
            self.window = JudgeWindow()
            self.window.resize(1280, 800)
            self.window.show()
            driver.run_until(lambda: self.window.isVisible(), what="the window")
            driver.settle()
        window = self.window
        watches = []
        opened = []
        def shown() -> None:
            opened.append(time.perf_counter())
            watches.append(driver.first_paint(window.page.table.viewport()))

        window.session_opened.connect(shown)
        stall_timer, stall = driver.stall_meter()
        self.profiler.start("open" + (" (first time)" if first_time else ""))
        start = time.perf_counter()
        window.open_bundle(self.bundle)
        driver.run_until(lambda: watches and watches[0].at is not None, what="the entries list painted")
        self.profiler.stop()
        stall_timer.stop()
        times = {"open": watches[0].at - start, "verified": opened[0] - start, "stall": stall["longest"]}
        summary = window.active_dialog
        assert isinstance(summary, BundleSummaryDialog), summary
        if first_time:
            dialog_start = time.perf_counter()
            summary.start_button.click()
            driver.run_until(lambda: isinstance(window.active_dialog, ConflictsDialog)
                             and window.active_dialog.isVisible(), what="the conflicts pass")
            conflicts = window.active_dialog
            conflicts.repaint()
            times["conflicts"] = time.perf_counter() - dialog_start
            times["conflict_rows"] = conflicts.table.rowCount()
            conflicts.reject()
        else:
            summary.start_button.click()
        driver.run_until(lambda: window.active_dialog is None, what="the dialogs after opening")
        driver.settle()
        window.session_opened.disconnect(shown)
        return times

    def close(self) -> None:
        self.window.close_bundle()
        self.driver.settle()

    @property
    def page(self):
        return self.window.page

    def type_search(self, text: str) -> list[float]:
        """Seconds per keystroke: each character typed, then each deleted, each up to the list's repaint."""
        page, driver = self.page, self.driver
        page.search.setFocus()
        driver.settle()
        times = []
        self.profiler.start("search keystrokes")
        for character in text:
            times.append(timed(lambda c=character: (page.search.insert(c), driver.settle(),
                                                     page.table.viewport().repaint())))
        shown = page.proxy.rowCount()
        for _ in text:
            times.append(timed(lambda: (page.search.backspace(), driver.settle(), page.table.viewport().repaint())))
        self.profiler.stop()
        assert page.proxy.rowCount() == page.model.rowCount(), "the search did not clear"
        self.search_hits = shown
        return times

    def status_filters(self) -> list[float]:
        page, driver = self.page, self.driver
        times = []
        self.profiler.start("status filter")
        for index in (1, 2, 3, 4, 0):
            times.append(timed(lambda i=index: (page.status_filter.setCurrentIndex(i), driver.settle(),
                                                page.table.viewport().repaint())))
        self.profiler.stop()
        return times

    def sort(self) -> list[float]:
        """Click the column titles: total (down), organisation, status, then back to bundle order."""
        from ui.entries_model import EntriesTableModel as M

        page, driver = self.page, self.driver
        times = []
        self.profiler.start("sort")
        for column, order in ((M.COL_TOTAL, Qt.SortOrder.DescendingOrder), (M.COL_ORG, Qt.SortOrder.AscendingOrder),
                              (M.COL_STATUS, Qt.SortOrder.AscendingOrder), (-1, Qt.SortOrder.AscendingOrder)):
            times.append(timed(lambda c=column, o=order: (page.table.sortByColumn(c, o), driver.settle(),
                                                          page.table.viewport().repaint())))
        self.profiler.stop()
        return times

    def open_entries(self, count: int) -> tuple[list[float], list[float]]:
        """(seconds to the entry and scoring panel painted, seconds until its PDF's first page is shown)."""
        page, driver = self.page, self.driver
        ready: list[tuple[str, float]] = []

        def arrived(entry_id: str, _name: str) -> None:
            ready.append((entry_id, time.perf_counter()))

        page.entry_view.attachment_ready.connect(arrived)
        shown, rendered = [], []
        self.profiler.start("open an entry")
        for _ in range(count):
            start = time.perf_counter()
            assert page.step(+1)
            driver.settle()
            page.repaint()
            shown.append(time.perf_counter() - start)
            entry_id = page.current_entry_id()
            driver.run_until(lambda: any(e == entry_id for e, _ in ready), timeout=30, what="the PDF shown")
            rendered.append(next(at for e, at in ready if e == entry_id) - start)
        self.profiler.stop()
        page.entry_view.attachment_ready.disconnect(arrived)
        return shown, rendered

    def score(self, entries: int) -> list[float]:
        """Type a score on every criterion of ``entries`` entries; seconds from key to saved and painted."""
        from PySide6.QtTest import QTest

        page, driver = self.page, self.driver
        workspace = self.window.session.workspace
        keys = (Qt.Key.Key_3, Qt.Key.Key_4)
        times = []
        self.profiler.start("score one criterion")
        for number in range(entries):
            while True:  # an entry that can be scored (not a declared conflict)
                assert page.step(+1)
                driver.settle()
                if page.scoring.cards[0].chooser.isEnabled():
                    break
            entry_id = page.current_entry_id()
            before = dict(workspace.scores_of(entry_id))
            for index, card in enumerate(page.scoring.cards):
                key = keys[(number + index) % 2]
                card.chooser.setFocus()
                driver.settle()
                start = time.perf_counter()
                QTest.keyClick(card.chooser, key)
                driver.settle()
                page.repaint()
                times.append(time.perf_counter() - start)
            after = workspace.scores_of(entry_id)
            assert after != before and len(after) == len(page.scoring.cards), (before, after)
        self.profiler.stop()
        return times

    def scroll(self) -> list[float]:
        self.profiler.start("scroll")
        times = scroll_through(self.page.table, self.driver)
        self.profiler.stop()
        return times

    def walk(self, count: int) -> dict[str, float]:
        """View ``count`` entries in a row, each until its PDF is shown; memory before, half-way, after."""
        page, driver = self.page, self.driver
        ready: list[tuple[str, float]] = []

        def arrived(entry_id: str, _name: str) -> None:
            ready.append((entry_id, time.perf_counter()))

        page.entry_view.attachment_ready.connect(arrived)
        page.select_entry(self.window.session.bundle.entry_ids[0])
        driver.settle()
        tracemalloc.start()
        marks = {"rss_before": rss_now_mib(), "traced_before": tracemalloc.get_traced_memory()[0] / 2**20}
        for number in range(1, count + 1):
            if not page.step(+1):
                page.select_entry(self.window.session.bundle.entry_ids[0])
            entry_id = page.current_entry_id()
            driver.run_until(lambda: any(e == entry_id for e, _ in ready[-3:]), timeout=30, what="the PDF shown")
            driver.settle()
            if number == count // 2:
                marks["rss_half"] = rss_now_mib()
                marks["traced_half"] = tracemalloc.get_traced_memory()[0] / 2**20
        driver.settle()
        current, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        marks.update(rss_after=rss_now_mib(), traced_after=current / 2**20, traced_peak=peak / 2**20)
        page.entry_view.attachment_ready.disconnect(arrived)
        return marks


# ================================================================ the floor


class Floor:
    """The same work with bare parts: zipfile + hashlib, QStandardItemModel, raw sqlite3, plain labels."""

    def __init__(self, driver: QtDriver, bundle: Path, workspace_file: Path, scratch: Path):
        self.driver, self.bundle, self.workspace_file, self.scratch = driver, bundle, workspace_file, scratch

    def open(self) -> float:
        from PySide6.QtCore import QSortFilterProxyModel
        from PySide6.QtGui import QStandardItem, QStandardItemModel
        from PySide6.QtWidgets import QHBoxLayout, QLabel, QTableView, QVBoxLayout, QWidget

        from judge_app.keys import PublicKey
        from judge_app.signatures import minisign_verify

        driver = self.driver
        start = time.perf_counter()
        with zipfile.ZipFile(self.bundle) as archive:
            manifest_bytes = archive.read("manifest.json")
            manifest = json.loads(manifest_bytes)
            key = PublicKey.from_base64(manifest["secretariat"]["public_key"])
            minisign_verify(key, manifest_bytes, archive.read("manifest.json.minisig"))
            for entry in manifest["entries"]:
                for attachment in entry["attachments"]:
                    digest = hashlib.sha256()
                    with archive.open(attachment["file"]) as stream:
                        for chunk in iter(lambda: stream.read(1 << 20), b""):
                            digest.update(chunk)
                    assert digest.hexdigest() == attachment["sha256"]
        self.entries = manifest["entries"]
        model = QStandardItemModel(len(self.entries), 5)
        self.conn = sqlite3.connect(self.workspace_file, isolation_level=None)
        self.conn.execute("PRAGMA synchronous=FULL")
        scored = {row[0]: row[1] for row in self.conn.execute(
            "SELECT entry_id, count(*) FROM scores GROUP BY entry_id")}
        for row, entry in enumerate(self.entries):
            status = "complete" if scored.get(entry["id"]) == 7 else "not started"
            for column, text in enumerate((status, entry["id"], entry["org_name"], entry["province"],
                                           entry["project_title"])):
                model.setItem(row, column, QStandardItem(text))
        self.model = model
        self.text_proxy = QSortFilterProxyModel()
        self.text_proxy.setSourceModel(model)
        self.text_proxy.setFilterKeyColumn(-1)
        self.text_proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.status_proxy = QSortFilterProxyModel()
        self.status_proxy.setSourceModel(self.text_proxy)
        self.status_proxy.setFilterKeyColumn(0)
        self.widget = QWidget()
        layout = QHBoxLayout(self.widget)
        self.table = QTableView()
        self.table.setModel(self.status_proxy)
        for column in (3, 4):
            self.table.setColumnHidden(column, True)
        layout.addWidget(self.table, 1)
        side = QVBoxLayout()
        self.labels = [QLabel() for _ in range(3 + 7)]
        for label in self.labels:
            label.setWordWrap(True)
            side.addWidget(label)
        layout.addLayout(side, 2)
        self.widget.resize(1280, 800)
        watch = driver.first_paint(self.table.viewport())
        self.widget.show()
        driver.run_until(lambda: watch.at is not None, what="the floor's table painted")
        return watch.at - start

    def type_search(self, text: str) -> list[float]:
        times = []
        for end in list(range(1, len(text) + 1)) + list(range(len(text) - 1, -1, -1)):
            words = text[:end].split()
            times.append(timed(lambda w=words: (self.text_proxy.setFilterFixedString(w[0] if w else ""),
                                                self.driver.settle(), self.table.viewport().repaint())))
        return times

    def status_filters(self) -> list[float]:
        return [timed(lambda w=word: (self.status_proxy.setFilterFixedString(w), self.driver.settle(),
                                      self.table.viewport().repaint()))
                for word in ("not started", "in progress", "complete", "conflict", "")]

    def sort(self) -> list[float]:
        return [timed(lambda c=column, o=order: (self.table.sortByColumn(c, o), self.driver.settle(),
                                                 self.table.viewport().repaint()))
                for column, order in ((1, Qt.SortOrder.DescendingOrder), (2, Qt.SortOrder.AscendingOrder),
                                      (0, Qt.SortOrder.AscendingOrder), (-1, Qt.SortOrder.AscendingOrder))]

    def _show(self, row: int) -> None:
        entry = self.entries[row]
        scores = dict(self.conn.execute("SELECT criterion_id, score FROM scores WHERE entry_id = ?", (entry["id"],)))
        comments = dict(self.conn.execute("SELECT criterion_id, text FROM comments WHERE entry_id = ?",
                                          (entry["id"],)))
        self.conn.execute("SELECT reason FROM conflicts WHERE entry_id = ?", (entry["id"],)).fetchone()
        self.labels[0].setText(f"{entry['id']} · {entry['project_title']}")
        self.labels[1].setText(entry["org_name"])
        self.labels[2].setText(entry["summary"])
        for number in range(7):
            criterion = f"C{number + 1}"
            self.labels[3 + number].setText(f"{criterion} {scores.get(criterion, '—')} {comments.get(criterion, '')}")

    def open_entries(self, count: int) -> list[float]:
        times = []
        selection = self.table.selectionModel()
        selection.currentRowChanged.connect(lambda current, _previous: self._show(current.row()))
        for row in range(count):
            index = self.status_proxy.index(row + 1, 1)
            times.append(timed(lambda i=index: (selection.setCurrentIndex(i, selection.SelectionFlag.ClearAndSelect),
                                                self.driver.settle(), self.widget.repaint())))
        return times

    def score(self, count: int) -> list[float]:
        conn = sqlite3.connect(self.scratch / "floor-scores.sqlite", isolation_level=None)
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=FULL")
        conn.execute("CREATE TABLE scores (entry_id TEXT, criterion_id TEXT, score TEXT, changed_at TEXT,"
                     " PRIMARY KEY (entry_id, criterion_id))")
        conn.execute("CREATE TABLE change_log (id INTEGER PRIMARY KEY, at TEXT, entry_id TEXT, criterion_id TEXT,"
                     " new_value TEXT)")

        def save(number: int) -> None:
            entry_id, criterion, value = self.entries[number // 7]["id"], f"C{number % 7 + 1}", str(3 + number % 2)
            conn.execute("BEGIN IMMEDIATE")
            conn.execute("INSERT INTO scores VALUES (?, ?, ?, ?) ON CONFLICT (entry_id, criterion_id)"
                         " DO UPDATE SET score = excluded.score", (entry_id, criterion, value, "now"))
            conn.execute("INSERT INTO change_log (at, entry_id, criterion_id, new_value) VALUES (?, ?, ?, ?)",
                         ("now", entry_id, criterion, value))
            conn.execute("COMMIT")
            self.labels[3 + number % 7].setText(f"C{number % 7 + 1} {value}")
            self.driver.settle()
            self.widget.repaint()

        try:
            return [timed(lambda n=number: save(n)) for number in range(count)]
        finally:
            conn.close()

    def scroll(self) -> list[float]:
        return scroll_through(self.table, self.driver)

    def close(self) -> None:
        self.widget.close()
        self.conn.close()


# ================================================================ the run


def measure(entries: int, walk: int, *, profile: bool = False) -> list[Figure]:
    """Build the bundle, drive the window and then the floor; one Figure per thing measured."""
    median = statistics.median
    with tempfile.TemporaryDirectory(prefix="dlg-bench-scale-") as name:
        folder = Path(name)
        data_dir = folder / "judge-data"
        os.environ["DLG_JUDGE_DATA"] = str(data_dir)  # the window's settings and workspace go here
        start = time.perf_counter()
        bundle = make_scale_bundle(folder / "contest", entries)
        print(f"built and issued a {entries}-entry bundle ({bundle.stat().st_size / 2**20:.0f} MiB) "
              f"in {time.perf_counter() - start:.1f} s")

        from judge_app.judging import create_judge_key
        from judge_app.workspace import workspace_path
        from ui.app import prepare_app

        driver = QtDriver(prepare_app([], language="th"))
        create_judge_key(data_dir, "J01", PASSPHRASE, label="bench")  # the key is made; the first open still pins
        run = WindowRun(driver, bundle, Profiler(profile))
        first = run.open(first_time=True)
        workspace_file = workspace_path(data_dir, run.window.session.bundle)
        run.close()
        print(f"workspace filled: {fill_workspace(bundle, data_dir)}")
        opened = run.open(first_time=False)
        ours = {"keys": run.type_search(THAI_SEARCH), "status": run.status_filters(), "sort": run.sort()}
        shown, rendered = run.open_entries(20)
        ours.update(entry=shown, score=run.score(3), scroll=run.scroll())
        hits = run.search_hits
        memory = run.walk(walk)
        rss_peak = peak_rss_mib()
        run.close()
        run.window.close()
        driver.settle()

        floor = Floor(driver, bundle, workspace_file, folder)
        floor_open = floor.open()
        bare = {"keys": floor.type_search(THAI_SEARCH), "status": floor.status_filters(), "sort": floor.sort(),
                "entry": floor.open_entries(20), "score": floor.score(len(ours["score"])), "scroll": floor.scroll()}
        floor.close()
        driver.settle()

    def row(what: str, key: str, note: str) -> Figure:
        worst = f"max {max(ours[key]) * 1000:.0f} ms vs {max(bare[key]) * 1000:.0f} ms"
        return Figure(f"scale {entries:,}: {what}", median(ours[key]), median(bare[key]),
                      note=f"median of {len(ours[key])}{note}; {worst}")

    return [
        Figure(f"scale {entries:,}: open bundle → list shown", opened["open"], floor_open,
               note=f"returning judge, half scored; window stalled at most {opened['stall'] * 1000:.0f} ms; "
                    f"first open {first['open']:.2f} s"),
        Figure(f"scale {entries:,}: conflicts pass shown", first["conflicts"], None,
               note=f"first open, {first['conflict_rows']} rows"),
        row("search keystroke", "keys", f" (Thai {THAI_SEARCH!r} typed, then deleted; {hits} hits)"),
        row("status filter change", "status", ""),
        row("sort by a column", "sort", f" (total, organisation, status, none; first {ours['sort'][0] * 1000:.0f} ms)"),
        row("open an entry", "entry", f"; its PDF on screen after {median(rendered) * 1000:.0f} ms"),
        row("score one criterion", "score", ", saved with fsync"),
        row("scroll the list a page", "scroll", " pages"),
        Figure(f"scale {entries:,}: view {walk} entries (memory)", None, None, traced_mib=memory["traced_peak"],
               rss_mib=rss_peak,
               note=f"RSS {memory['rss_before']:.0f} → {memory['rss_half']:.0f} → {memory['rss_after']:.0f} MiB "
                    f"(2nd half {memory['rss_after'] - memory['rss_half']:+.0f}); Python traced "
                    f"{memory['traced_before']:.1f} → {memory['traced_half']:.1f} → {memory['traced_after']:.1f} MiB"),
    ]


def figures(quick: bool = False) -> list[Figure]:
    return measure(200 if quick else 7000, 20 if quick else 200)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=7000)
    parser.add_argument("--walk", type=int, default=200, help="entries viewed in a row for the memory reading")
    parser.add_argument("--profile", action="store_true", help="print a cProfile of each phase to stderr")
    args = parser.parse_args()
    rows = measure(args.entries, args.walk, profile=args.profile)
    print_figures(rows, f"judge window at scale ({args.entries:,} entries, platform "
                        f"{os.environ.get('QT_QPA_PLATFORM')}, {os.cpu_count()} CPUs)")


if __name__ == "__main__":
    main()
