"""Smoke test of the built app (dist/judge-app/): the frozen program itself, the way a judge runs it.

    .venv/bin/python tests/smoke/smoke.py --app dist/judge-app [--expect-offline] [--out out/smoke]

tests/smoke/run.sh builds the app and runs this under ``unshare -n`` (no network at all) on Linux;
the CI workflow runs it on Windows and macOS without that. Every command below is the built
program's own (never the venv's); this script only prepares input and checks output, reading the
bundle back with the core (judge_app) to know what the window should show.

1. ``--version``.
2. A whole round through the program's command line: the demo contest, a contest database, one
   judge's bundle issued (with the hand-out list PDF), the judge's key, opening, scores (a CSV
   import and one ``judge score``), export, the score sheets PDF; the secretariat enrols the key,
   merges the score file, chooses the ranking method and prints the results report; ``verify``;
   then the score file checked with the standard tools ``minisign -V`` and ``ssh-keygen -Y verify``.
3. The window on the bundle (under Xvfb on Linux): with ``DLG_SMOKE_SCREENSHOT`` the app grabs
   itself once the bundle is open and writes its window title and the contest's Thai title
   beside the PNG. Checked: the PNG is not blank, and the titles match the bundle's own Thai title.
   The same for the secretariat's window on the contest database, and for ``--demo``.
4. Linux: every shared library in the build resolves on this system; ``install-user.sh`` in a
   throw-away HOME registers the menu entry, the MIME types and the default application; the
   installed menu entry's Exec line opens the bundle (what a double-click runs); uninstall.
5. Nothing was written to a PyThaiNLP data folder (it never downloads).

Ends with the plain line ``smoke: N passed, 0 failed``; exits 1 on the first failure.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
sys.path.insert(0, str(ROOT))

from judge_app import __version__  # noqa: E402
from judge_app.bundle import open_bundle  # noqa: E402

LINUX, WINDOWS, MACOS = sys.platform.startswith("linux"), sys.platform == "win32", sys.platform == "darwin"
IN_CI = os.environ.get("CI", "").lower() == "true"
SECRETARIAT_PASSPHRASE = "รหัสผ่านของสำนักงาน 2565"
JUDGE_PASSPHRASE = "รหัสผ่านของกรรมการ J01"
JUDGE = "J01"


class SmokeFailure(Exception):
    pass


class Smoke:
    def __init__(self, app: Path, work: Path):
        self.app, self.work = app.resolve(), work.resolve()
        self.cli, self.gui = self._programs()
        self.passed = 0
        self.env = {**os.environ, "HOME": str(work / "home"), "USERPROFILE": str(work / "home"),
                    "DLG_JUDGE_DATA": str(work / "judge-data"), "XDG_CONFIG_HOME": str(work / "home" / ".config"),
                    "XDG_DATA_HOME": str(work / "home" / ".local" / "share"),
                    "XDG_CACHE_HOME": str(work / "home" / ".cache")}
        for name in ("QT_QPA_PLATFORM", "DLG_SMOKE_SCREENSHOT", "PYTHAINLP_DATA", "PYTHAINLP_DATA_DIR",
                     "PYTHONPATH", "PYTHONHOME"):
            self.env.pop(name, None)
        (work / "home").mkdir(parents=True)

    def _programs(self) -> tuple[Path, Path]:
        """(command-line program, windowed program) of the build."""
        if WINDOWS:
            return self.app / "judge-app-cli.exe", self.app / "judge-app.exe"
        if MACOS and self.app.suffix == ".app":
            return self.app / "Contents/MacOS/judge-app-cli", self.app / "Contents/MacOS/judge-app"
        if MACOS:
            return self.app / "judge-app-cli", self.app / "judge-app"
        return self.app / "judge-app", self.app / "judge-app"

    # ------------------------------------------------------------ running

    def step(self, name: str, func, *args) -> object:
        start = time.monotonic()
        try:
            result = func(*args)
        except SmokeFailure as failure:
            print(f"FAIL {name}: {failure}", flush=True)
            raise
        self.passed += 1
        print(f"ok   {name} ({time.monotonic() - start:.1f} s)", flush=True)
        return result

    def run(self, *args: str, passphrase: str | None = None, expect: str | None = None,
            timeout: float = 300, program: Path | None = None, env: dict | None = None) -> str:
        """Run the built program; fail unless it exits 0 (and prints ``expect``); return its stdout."""
        command = [str(program or self.cli), *args]
        run_env = dict(env or self.env)
        if passphrase is not None:
            run_env["DLG_PASSPHRASE"] = passphrase
        result = subprocess.run(command, cwd=self.work, env=run_env, capture_output=True, text=True,
                                encoding="utf-8", errors="replace", timeout=timeout)
        if result.returncode != 0:
            raise SmokeFailure(f"{shlex.join(command)} exited {result.returncode}\n{result.stdout[-3000:]}\n"
                               f"{result.stderr[-3000:]}")
        if expect is not None and expect not in result.stdout:
            raise SmokeFailure(f"{shlex.join(command)} did not print {expect!r}:\n{result.stdout[-3000:]}")
        return result.stdout

    # ------------------------------------------------------------ the round

    def version(self) -> None:
        out = self.run("--version").strip()
        if out != f"judge-app {__version__}":
            raise SmokeFailure(f"--version printed {out!r}, expected 'judge-app {__version__}'")

    def round_secretariat(self) -> None:
        self.run("contest", "demo", "contest", "--entries", "14", expect="14 entries")
        self.run("contest", "check", "contest/contest.json")
        self.run("secretariat", "init", "contest.dlgcontest", "--contest", "contest/contest.json",
                 "--key", "secretariat.key", passphrase=SECRETARIAT_PASSPHRASE, expect="contest database")
        self.run("secretariat", "issue", "contest.dlgcontest", "--key", "secretariat.key", "--out", "bundles",
                 "--judge", JUDGE, "--list-pdf", "hand-out.pdf", passphrase=SECRETARIAT_PASSPHRASE,
                 expect="1 bundles")
        self.bundle = self.work / "bundles" / f"dlg-2565-r1-{JUDGE}.dlgbundle"
        if not self.bundle.is_file():
            raise SmokeFailure(f"no bundle at {self.bundle}")
        self.check_pdf(self.work / "hand-out.pdf")

    def round_judge(self) -> None:
        contest = json.loads((self.work / "contest" / "contest.json").read_text("utf-8"))
        name = next(j["name"] for j in contest["judges"] if j["id"] == JUDGE)
        self.run("judge", "keygen", "--judge", JUDGE, "--name", name, "--enrolment-out", "enrolment",
                 passphrase=JUDGE_PASSPHRASE, expect="fingerprint")
        self.run("judge", "open", str(self.bundle), expect="bundle verified")
        round_ = contest["rounds"][0]
        entries = round_["assignments"][JUDGE]
        criteria = round_["rubric"]["criteria"]
        rows = [["entry_id", "criterion_id", "score", "comment"]]
        for number, entry_id in enumerate(entries[:-1]):
            for index, criterion in enumerate(criteria):
                rows.append([entry_id, criterion["id"], criterion["scale"]["max" if (number + index) % 2 else "min"],
                             "ดีมาก" if index == 0 else ""])
        with open(self.work / "scores.csv", "w", newline="", encoding="utf-8") as handle:
            csv.writer(handle).writerows(rows)
        self.run("judge", "import-scores", str(self.bundle), "scores.csv")
        last = [f"{c['id']}={c['scale']['max']}" for c in criteria]
        self.run("judge", "score", str(self.bundle), entries[-1], *last, "--comment", "โครงการเด่น")
        self.run("judge", "status", str(self.bundle), expect=f"scored {len(entries)} of {len(entries)}")
        self.run("judge", "export", str(self.bundle), "--out", "outbox", passphrase=JUDGE_PASSPHRASE)
        files = sorted((self.work / "outbox").glob("*.dlgscores"))
        if len(files) != 1:
            raise SmokeFailure(f"expected one score file in outbox/, found {files}")
        self.score_file = files[0]
        self.run("judge", "sheet", str(self.bundle), str(self.score_file), "--out", "sheets.pdf")
        self.check_pdf(self.work / "sheets.pdf", contest["title_th"])

    def round_merge(self) -> None:
        enrolment = self.work / "enrolment" / f"enrolment-{JUDGE}.dlgenrol"
        self.run("secretariat", "enrol", "contest.dlgcontest", str(enrolment))
        self.run("secretariat", "merge", "contest.dlgcontest", "outbox", expect="1 accepted")
        self.run("secretariat", "method", "contest.dlgcontest", "mean")
        self.run("secretariat", "report", "contest.dlgcontest", "--out", "report.pdf")
        self.check_pdf(self.work / "report.pdf")
        self.run("secretariat", "statistics", "contest.dlgcontest", "--xlsx", "statistics.xlsx",
                 "--csv", "statistics.csv")
        if zipfile.ZipFile(self.work / "statistics.xlsx").testzip() is not None:
            raise SmokeFailure("statistics.xlsx is damaged")

    def verify(self) -> None:
        self.run("verify", str(self.score_file), "--minisign-key", f"{JUDGE}.pub",
                 "--allowed-signers", "allowed_signers", expect="both signatures verify")

    def standard_tools(self) -> None:
        """minisign -V (and ssh-keygen -Y verify where present) on the exported scores.json."""
        folder = self.work / JUDGE
        with zipfile.ZipFile(self.score_file) as archive:
            archive.extractall(folder)
        minisign = shutil.which("minisign")
        if minisign is None:
            if IN_CI:
                raise SmokeFailure("minisign is not installed (CI must check with the standard tool)")
            print("     (minisign not installed here: skipped)")
        else:
            result = subprocess.run([minisign, "-V", "-p", str(self.work / f"{JUDGE}.pub"), "-m",
                                     str(folder / "scores.json")], capture_output=True, text=True)
            if result.returncode != 0 or "Signature and comment signature verified" not in result.stdout:
                raise SmokeFailure(f"minisign -V failed: {result.stdout}{result.stderr}")
            print("     " + result.stdout.strip().replace("\n", "\n     "))
        ssh_keygen = shutil.which("ssh-keygen")
        if ssh_keygen is not None:
            with open(folder / "scores.json", "rb") as message:
                result = subprocess.run([ssh_keygen, "-Y", "verify", "-f", str(self.work / "allowed_signers"),
                                         "-I", JUDGE, "-n", "dlg-score-file", "-s", str(folder / "scores.json.sig")],
                                        stdin=message, capture_output=True, text=True)
            if result.returncode != 0:
                raise SmokeFailure(f"ssh-keygen -Y verify failed: {result.stdout}{result.stderr}")
            print("     " + result.stdout.strip())

    def check_pdf(self, path: Path, expected_text: str | None = None) -> None:
        if not path.is_file() or not path.read_bytes().startswith(b"%PDF-"):
            raise SmokeFailure(f"{path.name} is not a PDF")
        pdftotext = shutil.which("pdftotext")
        if expected_text and pdftotext:
            text = subprocess.run([pdftotext, str(path), "-"], capture_output=True, text=True, check=True).stdout
            if expected_text not in text:
                raise SmokeFailure(f"{path.name}: {expected_text!r} not in its text (Thai shaping or fonts broken?)")

    # ------------------------------------------------------------ the window

    def window(self, shot: Path, command: list[str], title: str | None = None, data: Path | None = None) -> None:
        """Start the window on a bundle (or contest database); it grabs itself once the file is open, then quits.

        ``title`` is the contest's Thai title the window must show; by default the bundle's, read by the core.
        ``data`` is another judge's data folder (the demo's own secretariat key would clash with the pin).
        """
        env = {**self.env, "DLG_SMOKE_SCREENSHOT": str(shot)}
        if data is not None:
            env["DLG_JUDGE_DATA"] = str(data)
        if LINUX:
            if not shutil.which("xvfb-run"):
                raise SmokeFailure("xvfb-run is needed for the window on Linux (apt install xvfb xauth)")
            command = ["xvfb-run", "-a", "-s", "-screen 0 1280x800x24", *command]
        result = subprocess.run(command, cwd=self.work, env=env, capture_output=True, text=True, timeout=180,
                                encoding="utf-8", errors="replace")
        info_path = shot.with_suffix(".json")
        if result.returncode != 0 or not info_path.is_file():
            raise SmokeFailure(f"the window exited {result.returncode} without its report:\n{result.stderr[-3000:]}")
        info = json.loads(info_path.read_text("utf-8"))
        if title is None:
            title = open_bundle(self.bundle, None).contest.title_th  # the core reads the bundle the window shows
        if info.get("error"):
            raise SmokeFailure(f"the window refused the bundle: {info['error']}")
        if info.get("contest_title_th") != title:
            raise SmokeFailure(f"the window's contest is {info.get('contest_title_th')!r}, the bundle's {title!r}")
        if title not in info.get("window_title", ""):
            raise SmokeFailure(f"window title {info.get('window_title')!r} does not show {title!r}")
        self.check_not_blank(shot)
        print(f"     window title: {info['window_title']}")
        print(f"     screenshot: {shot}")

    @staticmethod
    def check_not_blank(shot: Path) -> None:
        from PIL import Image, ImageStat

        with Image.open(shot) as image:
            grey = image.convert("L")
            width, height = grey.size
            variance = ImageStat.Stat(grey).var[0]
            colours = len(image.convert("RGB").getcolors(maxcolors=1 << 20) or ())
        if width < 600 or height < 400 or variance < 100 or colours < 50:
            raise SmokeFailure(f"{shot.name} looks blank: {width}x{height}, grey variance {variance:.0f}, "
                               f"{colours} colours")
        print(f"     {shot.name}: {width}x{height}, grey variance {variance:.0f}, {colours} colours")

    # ------------------------------------------------------------ Linux: libraries, desktop integration

    def libraries_resolve(self) -> None:
        """Every ELF file of the build finds its libraries here (in the build, or the system's)."""
        internal = self.app / "_internal"
        env = {**os.environ, "LD_LIBRARY_PATH": str(internal)}
        problems, count = [], 0
        for path in sorted(self.app.rglob("*")):
            if path.is_symlink() or not path.is_file() or path.read_bytes()[:4] != b"\x7fELF":
                continue
            count += 1
            result = subprocess.run(["ldd", str(path)], capture_output=True, text=True, env=env)
            problems += [f"{path.relative_to(self.app)}: {line.strip()}"
                         for line in result.stdout.splitlines() if "not found" in line]
        if problems:
            raise SmokeFailure("libraries missing:\n" + "\n".join(problems))
        print(f"     {count} ELF files, every library found; {self.glibc_needed()}")

    def glibc_needed(self) -> str:
        """The newest glibc symbol version the build uses (the oldest Linux it can run on)."""
        if not shutil.which("objdump"):
            return "glibc needed: unknown (no objdump)"
        newest = (0, 0)
        for path in self.app.rglob("*"):
            if path.is_file() and not path.is_symlink() and path.read_bytes()[:4] == b"\x7fELF":
                symbols = subprocess.run(["objdump", "-T", str(path)], capture_output=True, text=True).stdout
                for version in re.findall(r"GLIBC_(\d+)\.(\d+)", symbols):
                    newest = max(newest, (int(version[0]), int(version[1])))
        return f"needs glibc >= {newest[0]}.{newest[1]}"

    def install_user(self) -> None:
        home = self.work / "install-home"
        home.mkdir()
        env = {key: value for key, value in os.environ.items() if not key.startswith("XDG_")}
        env["HOME"] = str(home)
        result = subprocess.run(["sh", str(self.app / "install-user.sh")], env=env, capture_output=True, text=True)
        if result.returncode != 0:
            raise SmokeFailure(f"install-user.sh exited {result.returncode}:\n{result.stdout}{result.stderr}")
        share = home / ".local" / "share"
        desktop = share / "applications" / "judge-app.desktop"
        program = home / ".local" / "opt" / "judge-app" / "judge-app"
        for path in (desktop, share / "mime" / "packages" / "dlg-judge-app.xml", program,
                     share / "icons" / "hicolor" / "256x256" / "apps" / "judge-app.png",
                     home / ".local" / "bin" / "judge-app"):
            if not path.exists():
                raise SmokeFailure(f"install-user.sh left no {path.relative_to(home)}")
        globs = (share / "mime" / "globs2").read_text("utf-8") if (share / "mime" / "globs2").exists() else ""
        for glob, kind in (("*.dlgbundle", "application/x-dlg-bundle"), ("*.dlgscores", "application/x-dlg-scores"),
                           ("*.dlgcontest", "application/x-dlg-contest")):
            if f"{kind}:{glob}" not in globs:
                raise SmokeFailure(f"the user's MIME database has no {kind} for {glob}")
        if shutil.which("desktop-file-validate"):
            check = subprocess.run(["desktop-file-validate", str(desktop)], capture_output=True, text=True)
            if check.returncode != 0:
                raise SmokeFailure(f"desktop-file-validate: {check.stdout}{check.stderr}")
        if shutil.which("xdg-mime"):
            for kind in ("application/x-dlg-bundle", "application/x-dlg-contest"):
                query = subprocess.run(["xdg-mime", "query", "default", kind], env=env, capture_output=True,
                                       text=True)
                if query.stdout.strip() != "judge-app.desktop":
                    raise SmokeFailure(f"xdg-mime query default {kind} gave {query.stdout.strip()!r}")
            print("     xdg-mime query default application/x-dlg-bundle: judge-app.desktop")
        elif IN_CI:
            raise SmokeFailure("xdg-mime is not installed (apt install xdg-utils)")
        # What a double-click runs: the Exec line of the default application's menu entry, %f the file.
        exec_line = next(line.split("=", 1)[1] for line in desktop.read_text("utf-8").splitlines()
                         if line.startswith("Exec="))
        command = [str(self.bundle) if arg == "%f" else arg for arg in shlex.split(exec_line)]
        if command[0] != str(program):
            raise SmokeFailure(f"the menu entry runs {command[0]}, not the installed {program}")
        self.window(self.work / "double-click.png", command)
        result = subprocess.run(["sh", str(program.parent / "uninstall-user.sh")], env=env, capture_output=True,
                                text=True)
        if result.returncode != 0 or desktop.exists() or program.exists():
            raise SmokeFailure(f"uninstall-user.sh did not remove the app:\n{result.stdout}{result.stderr}")

    def pythainlp_offline(self) -> None:
        for folder in (self.work / "home" / "pythainlp-data", self.work / "install-home" / "pythainlp-data"):
            if folder.exists():
                raise SmokeFailure(f"PyThaiNLP wrote {folder}: it must run read-only and offline")


def network_interfaces() -> list[str]:
    """The network interfaces of this process's network namespace (Linux)."""
    lines = Path("/proc/self/net/dev").read_text().splitlines()[2:]
    return [line.split(":", 1)[0].strip() for line in lines]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--app", default=str(ROOT / "dist" / ("judge-app.app" if MACOS else "judge-app")))
    parser.add_argument("--out", default=str(ROOT / "out" / "smoke"), help="work folder (emptied first)")
    parser.add_argument("--expect-offline", action="store_true",
                        help="fail unless this runs with no network but loopback (Linux: under unshare -n)")
    args = parser.parse_args()
    started = time.monotonic()
    if args.expect_offline:
        interfaces = network_interfaces()
        if interfaces != ["lo"]:
            print(f"FAIL network: expected no interface but lo, found {interfaces}")
            return 1
        print("ok   network cut: this process and the app see only the loopback interface")
    work = Path(args.out)
    shutil.rmtree(work, ignore_errors=True)
    smoke = Smoke(Path(args.app), work)
    if not smoke.cli.is_file():
        print(f"FAIL no built program at {smoke.cli}: build first (make dist)")
        return 1
    try:
        smoke.step("--version", smoke.version)
        smoke.step("round: contest demo, secretariat init, issue (hand-out PDF)", smoke.round_secretariat)
        smoke.step("round: judge keygen, open, import-scores, score, status, export, sheet PDF", smoke.round_judge)
        smoke.step("round: secretariat enrol, merge, method, report PDF, statistics XLSX", smoke.round_merge)
        smoke.step("judge-app verify", smoke.verify)
        smoke.step("standard tools: minisign -V, ssh-keygen -Y verify", smoke.standard_tools)
        smoke.step("window on the bundle: screenshot, titles", smoke.window, work / "window.png",
                   [str(smoke.gui), str(smoke.bundle)])
        contest_title = json.loads((work / "contest" / "contest.json").read_text("utf-8"))["title_th"]
        smoke.step("secretariat window on the contest database: screenshot, titles", smoke.window,
                   work / "secretariat.png", [str(smoke.gui), str(work / "contest.dlgcontest")], contest_title)
        smoke.step("window --demo (the demo contest made at run time): screenshot, titles", smoke.window,
                   work / "demo.png", [str(smoke.gui), "--demo"], contest_title, work / "demo-judge-data")
        if LINUX:
            smoke.step("every library of the build resolves", smoke.libraries_resolve)
            smoke.step("install-user.sh in a fresh HOME, double-click, uninstall", smoke.install_user)
        smoke.step("PyThaiNLP wrote no data folder", smoke.pythainlp_offline)
    except (SmokeFailure, subprocess.TimeoutExpired) as failure:
        if isinstance(failure, subprocess.TimeoutExpired):
            print(f"FAIL timed out: {failure}")
        print(f"smoke: {smoke.passed} passed, 1 failed")
        return 1
    print(f"smoke test wall time {time.monotonic() - started:.1f} s; files in {work}")
    print(f"smoke: {smoke.passed + int(args.expect_offline)} passed, 0 failed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
