# make dist    the self-contained one-folder build dist/judge-app/ (PyInstaller), from a clean build folder,
#              then dist/judge-app-<version>-<os>-<arch>.zip; prints sizes and the build's wall time
# make smoke   build, then the smoke test of the built app with the network cut (tests/smoke/run.sh)
# make clean   remove build/ and dist/
# Uses .venv (./dev dist sets it up with the pinned versions, the dist extra included).

PYTHON ?= .venv/bin/python
VERSION := $(shell sed -n 's/^__version__ = "\(.*\)"/\1/p' judge_app/__init__.py)
PLATFORM := $(shell uname -s | tr A-Z a-z)-$(shell uname -m)
ZIP := dist/judge-app-$(VERSION)-$(PLATFORM).zip

.PHONY: dist smoke clean

dist:
	rm -rf build/judge-app dist/judge-app $(ZIP)
	@start=$$(date +%s); \
	$(PYTHON) -m PyInstaller --noconfirm --clean --log-level WARN \
	  --distpath dist --workpath build packaging/judge-app.spec || exit 1; \
	echo "build: $$(( $$(date +%s) - start )) s wall time"
	cd dist && zip -qry $(notdir $(ZIP)) judge-app   # -y: keep the symlinks, not copies
	@echo "dist/judge-app: $$(du -sm dist/judge-app | cut -f1) MiB unpacked, $$(find dist/judge-app | wc -l) files;" \
	  "$(ZIP): $$(du -sm $(ZIP) | cut -f1) MiB"

smoke: dist
	bash tests/smoke/run.sh --no-build

clean:
	rm -rf build dist
