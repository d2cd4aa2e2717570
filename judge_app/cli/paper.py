"""Commands for the paper fallback: a paper sheet typed in twice by officers, with its scan."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Callable

from ..errors import JudgeAppError
from .secretariat import _open_db, _round_id
from .support import CliError, say

#: Scan file names the folder is searched for, per sheet: ``<judge>-<entry>.<suffix>``.
SCAN_SUFFIXES = (".pdf", ".png", ".jpg", ".jpeg")


def register(group, add: Callable[..., argparse.ArgumentParser], passphrase_option: Callable) -> None:
    """Add this module's sub-commands to ``judge-app secretariat``."""
    sub = add(group, "paper-enter", cmd_paper_enter,
              "store paper score sheets typed twice (two CSVs typed independently) with their scans")
    sub.add_argument("db")
    sub.add_argument("first", help="the first typing: CSV with judge_id,entry_id,criterion_id,score[,comment]")
    sub.add_argument("second", help="the second typing, made without looking at the first")
    sub.add_argument("--scans", required=True, help="folder of scans named <judge>-<entry>.pdf|png|jpg")
    sub.add_argument("--by", required=True, help="who typed the sheets in")
    sub.add_argument("--round")
    sub.add_argument("--replace", action="store_true",
                     help="replace paper sheets already stored (the old ones are kept in the audit record)")
    sub = add(group, "paper-sheets", cmd_paper_sheets, "list the paper score sheets typed in")
    sub.add_argument("db")
    sub.add_argument("--round")
    sub = add(group, "paper-scan", cmd_paper_scan, "write the stored scan of one paper sheet to a file")
    sub.add_argument("db")
    sub.add_argument("--judge", required=True)
    sub.add_argument("--entry", required=True)
    sub.add_argument("--out", required=True, help="a file, or a folder for the scan's own name")
    sub.add_argument("--round")


def find_scan(folder: Path, judge_id: str, entry_id: str) -> Path:
    """The one scan ``<judge>-<entry>.<pdf|png|jpg|jpeg>`` in ``folder`` (any case), or CliError."""
    stem = f"{judge_id}-{entry_id}".casefold()
    found = sorted(p for p in folder.iterdir()
                   if p.is_file() and p.stem.casefold() == stem and p.suffix.lower() in SCAN_SUFFIXES)
    if not found:
        raise CliError(f"no scan {judge_id}-{entry_id}.pdf (or .png, .jpg) in {folder}")
    if len(found) > 1:
        raise CliError(f"several scans for {judge_id}-{entry_id} in {folder} ({', '.join(p.name for p in found)}); "
                       "keep one")
    return found[0]


def cmd_paper_enter(args: argparse.Namespace) -> int:
    from ..paper import PaperMismatch, enter_paper_sheet, read_typing_csv

    scans = Path(args.scans)
    if not scans.is_dir():
        raise CliError("the scans folder is not there", path=scans)
    first = {(s.judge_id, s.entry_id): s for s in read_typing_csv(Path(args.first))}
    second = {(s.judge_id, s.entry_id): s for s in read_typing_csv(Path(args.second))}
    refused = stored = 0
    with _open_db(args) as db:
        round_id = _round_id(db, args)
        for key in list(first) + [k for k in second if k not in first]:
            judge_id, entry_id = key
            try:
                if key not in second or key not in first:
                    missing_from = args.second if key not in second else args.first
                    raise CliError(f"typed only once: it is missing from {missing_from}; nothing was stored")
                sheet = enter_paper_sheet(db, round_id, first[key], second[key],
                                          find_scan(scans, judge_id, entry_id), args.by, replace=args.replace)
            except PaperMismatch as exc:
                refused += 1
                say(f"refused {judge_id} {entry_id}: the two typings differ; nothing was stored")
                for mismatch in exc.mismatches:
                    say(f"    {mismatch}")
            except JudgeAppError as exc:
                refused += 1
                say(f"refused {judge_id} {entry_id}: {exc.message}")
            else:
                stored += 1
                result = f"total {sheet.total}" if sheet.status == "scored" else "conflict of interest"
                say(f"stored  {judge_id} {entry_id}: {result}, scan {sheet.scan_name} "
                    f"(SHA-256 {sheet.scan_sha256[:16]}…), marked as typed from paper")
    say(f"{stored} sheet(s) stored, {refused} refused")
    return 1 if refused else 0


def cmd_paper_sheets(args: argparse.Namespace) -> int:
    from ..paper import paper_sheets

    with _open_db(args) as db:
        round_id = _round_id(db, args)
        sheets = paper_sheets(db, round_id)
    if not sheets:
        say(f"no paper sheets in round {round_id}")
        return 0
    say(f"{'judge':<6} {'entry':<8} {'total':>8}  {'scan':<24} {'sha256':<16}  entered by / at")
    for s in sheets:
        total = s.total if s.status == "scored" else "conflict"
        note = "" if s.in_force else "  (not counted: the signed file scored this entry)"
        say(f"{s.judge_id:<6} {s.entry_id:<8} {total:>8}  {s.scan_name:<24} {s.scan_sha256[:16]}  "
            f"{s.entered_by} {s.entered_at}{note}")
    say(f"{len(sheets)} paper sheet(s), typed from paper by the secretariat, not signed by the judges")
    return 0


def cmd_paper_scan(args: argparse.Namespace) -> int:
    from ..atomic import write_bytes_atomic
    from ..paper import paper_scan

    with _open_db(args) as db:
        name, data = paper_scan(db, _round_id(db, args), args.judge, args.entry)
    out = Path(args.out)
    if out.is_dir():
        out = out / Path(name).name
    write_bytes_atomic(out, data)
    say(f"wrote {out} ({len(data)} bytes)")
    return 0
