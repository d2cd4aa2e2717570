"""Commands for entries: attachments matched from a folder to the imported entries."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Callable

from .secretariat import _open_db
from .support import progress_reporter, say

#: Entries listed by id before "… and N more".
_IDS_SHOWN = 20


def size_text(size: int) -> str:
    """A file size as a person reads it (1.2 MB, 340 KB)."""
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.1f} MB"
    return f"{max(1, round(size / 1024))} KB"


def _ids(ids: list[str]) -> str:
    shown = ", ".join(ids[:_IDS_SHOWN])
    return shown + (f" … and {len(ids) - _IDS_SHOWN} more" if len(ids) > _IDS_SHOWN else "")


def cmd_secretariat_import_attachments(args: argparse.Namespace) -> int:
    """Preview which file of a folder goes to which entry; copy and record the new ones only with --accept."""
    from ..attachment_import import add_attachments, match_attachments

    with _open_db(args) as db:
        match = match_attachments(Path(args.folder), db.contest.entries, progress=progress_reporter("checking files"))
        entries = match.by_entry()
        say(f"{args.folder}: {len(match.files)} files for {len(entries)} entries — {len(match.new_files)} new, "
            f"{len(match.already_attached)} already attached; {len(match.problems)} not added")
        for entry_id, files in entries.items():
            for found in files:
                state = "attached" if found.already_attached else "new"
                renamed = f" (as {found.name})" if found.name != Path(found.shown).name else ""
                say(f"  {entry_id:<8} {state:<8} {found.shown}{renamed}  {found.media_type}, {size_text(found.size)}")
        if match.problems:
            say("not added:")
            for problem in match.problems:
                say(f"  {problem}")
        unrecognised = [f for f in match.unrecognised if not f.already_attached]
        if unrecognised:
            say("not a PDF, PNG or JPEG (added all the same; a judge opens them with another program):")
            for found in unrecognised:
                say(f"  {found.shown}" + (" — the name says otherwise" if found.misnamed else ""))
        if match.entries_without_files:
            say(f"entries that still have no attachment: {len(match.entries_without_files)} — "
                f"{_ids(match.entries_without_files)}")
        if not args.accept:
            say("nothing was copied; run again with --accept to add the new files")
            return 1 if match.problems else 0
        result = add_attachments(db, match, progress=progress_reporter("copying files"))
        root = db.attachments_root
    say(f"added {result.added} attachments to {len(result.entry_ids)} entries under {root}"
        + (" (the files listed as not added were skipped)" if match.problems else ""))
    if result.out_of_date:
        say("bundles issued before this lack the new files; issue them again for:")
        for bundle in result.out_of_date:
            say(f"  {bundle.judge_id}  {bundle.file_name}  ({_ids(list(bundle.entry_ids))})")
    return 1 if match.problems else 0


def register(group, add: Callable[..., argparse.ArgumentParser], passphrase_option: Callable) -> None:
    """Add this module's sub-commands to ``judge-app secretariat``."""
    sub = add(group, "import-attachments", cmd_secretariat_import_attachments,
              "preview the files of a folder matched to entries by id (E012_x.pdf or a folder E012/); "
              "--accept copies and records the new ones")
    sub.add_argument("db")
    sub.add_argument("folder")
    sub.add_argument("--accept", action="store_true",
                     help="copy the new files under the contest's attachments root and record them")
