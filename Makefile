# 政策解读工作台 — everyday commands. `make run` and `make test` work on a fresh checkout.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml | cksum | cut -d' ' -f1)
DEMO_DB ?= $(CURDIR)/out/demo.db

.PHONY: run test stress bench lint translations demo dist system-deps clean

$(STAMP): pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test,dev]'
	@rm -f $(VENV)/.installed-*
	@touch $(STAMP)

translations: $(STAMP)
	@for ts in resources/i18n/*.ts; do [ -e "$$ts" ] || continue; \
	  $(VENV)/bin/pyside6-lrelease -silent "$$ts" -qm "$${ts%.ts}.qm"; done

run: $(STAMP) translations
	$(VENV)/bin/interpreter-app --demo --db $(DEMO_DB)

demo: $(STAMP)
	$(VENV)/bin/interpreter-cli --db $(DEMO_DB) demo --force

test: $(STAMP) translations
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q

stress: $(STAMP)
	QT_QPA_PLATFORM=offscreen INTERPRETER_STRESS=1 $(PY) -m pytest -q -s -m slow --timeout=3600

bench: $(STAMP) translations
	QT_QPA_PLATFORM=offscreen $(PY) tests/bench/run_all.py

lint: $(STAMP)
	$(VENV)/bin/ruff check interpreter_app tests packaging setup.py
	$(VENV)/bin/lint-imports --config .importlinter

dist: $(STAMP) translations
	$(PY) packaging/build.py

# System packages Qt needs on a bare Debian/Ubuntu, plus LibreOffice and poppler for the
# test that renders exported Word files. Needs root (or sudo); skipped when all are present.
SYSTEM_PACKAGES := libglib2.0-0 libegl1 libgl1 libx11-6 libdbus-1-3 libfontconfig1 \
	libfreetype6 libxkbcommon0 libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-image0 \
	libxcb-keysyms1 libxcb-randr0 libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 libxcb-xkb1 libnss3 \
	libreoffice-writer-nogui python3-uno poppler-utils
system-deps:
	@missing=$$(for p in $(SYSTEM_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq --no-install-recommends $$missing; \
	else echo "system packages present"; fi

clean:
	rm -rf build dist out .pytest_cache
