#!/usr/bin/env bash
# Build the app from a clean build folder (make dist), then smoke-test the built program with the
# network cut: tests/smoke/smoke.py runs inside `unshare -n` (a network namespace with no interface
# but loopback), so any attempt to download would fail the run.
#   tests/smoke/run.sh [--no-build] [smoke.py options]
# Needs root for unshare -n; without it the test still runs, with a loud warning that the network
# was NOT cut. `./dev smoke` installs what this needs (xvfb, xdg-utils, desktop-file-utils, minisign).
set -euo pipefail
cd "$(dirname "$0")/../.."

build=1
if [ "${1:-}" = "--no-build" ]; then build=0; shift; fi
if [ "$build" = 1 ]; then make dist; fi

python=.venv/bin/python
if [ "$(id -u)" -eq 0 ] && unshare -n true 2>/dev/null; then
  echo "[smoke] running the built app with the network cut (unshare -n)" >&2
  exec unshare -n -- "$python" tests/smoke/smoke.py --app dist/judge-app --expect-offline "$@"
fi
cat >&2 <<'WARN'
[smoke] !!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!
[smoke] !!! NOT ROOT (or unshare -n refused): the network is NOT cut for this smoke test.        !!!
[smoke] !!! It still checks the app, but not that it works offline. Run as root for that check.  !!!
[smoke] !!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!
WARN
exec "$python" tests/smoke/smoke.py --app dist/judge-app "$@"
