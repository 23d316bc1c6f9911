# Two commands do all the set-up (see README):
#   make lab    create .venv if needed, then open JupyterLab at the start-here lesson
#   make test   create .venv if needed, then run every test, notebooks included
# Everything is installed from requirements.lock (the whole tree pinned, with hashes)
# by uv, which installs the course in about 2 s where pip needs about 26 s here.

PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin
UV      = $(BIN)/uv
UV_VERSION = 0.13.9
STAMP   = $(VENV)/.installed
START   = notebooks/00-start-here.ipynb
# JupyterLab refuses to start as root (containers, CI) unless told it is fine.
ALLOW_ROOT = $(if $(filter 0,$(shell id -u)),--allow-root)
# Lessons open with the file browser closed (it would take a third of a small screen): JupyterLab
# has no setting for that, so the course ships a default workspace with the left area collapsed.
WORKSPACES = $(CURDIR)/$(VENV)/workspaces

.PHONY: lab test lock clean data-readme guide handouts bench app prerender

lab: $(STAMP)
	JUPYTERLAB_WORKSPACES_DIR="$(WORKSPACES)" $(BIN)/jupyter lab $(START) --ServerApp.root_dir="$(CURDIR)" --ip=127.0.0.1 $(ALLOW_ROOT) \
	  --LabApp.extension_manager=readonly $(LAB_ARGS)

test: $(STAMP)
	$(BIN)/python -m pytest $(PYTEST_ARGS)

# --compile-bytecode writes the bytecode pip would: uv skips it by default, and then every kernel
# start compiles pandas and matplotlib again where bytecode cannot be written (PYTHONDONTWRITEBYTECODE,
# a read-only image): 2.5 s of the 4 s a bare kernel took here (benchmarks/README.md).
$(STAMP): requirements.lock pyproject.toml config/lab-overrides.json config/workspace.json
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
	  { echo "This course needs Python 3.11 or newer; $(PYTHON) is older. Run: make PYTHON=python3.12 test" >&2; exit 1; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	test -x $(UV) || $(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes -r config/uv.lock.txt
	$(UV) pip sync --quiet --compile-bytecode --python $(BIN)/python requirements.lock
	$(UV) pip install --quiet --python $(BIN)/python --no-deps --no-build-isolation -e .
	mkdir -p $(VENV)/share/jupyter/lab/settings
	cp config/lab-overrides.json $(VENV)/share/jupyter/lab/settings/overrides.json
	JUPYTERLAB_WORKSPACES_DIR="$(WORKSPACES)" $(BIN)/jupyter lab workspaces import config/workspace.json >/dev/null
	touch $(STAMP)

# Every lesson's charts drawn once into .venv/share (lessons/charts/render_cache.py): lessons open
# without drawing them. A chart whose data or code has changed since is drawn afresh and kept then.
# Run again only when the data or the code changed since (make lab stays quick).
PRERENDERED = $(VENV)/.prerendered
lab: $(PRERENDERED)
prerender: $(PRERENDERED)
$(PRERENDERED): $(STAMP) $(wildcard data/*) $(shell find src/lessons -name '*.py')
	$(BIN)/python -m lessons prerender >/dev/null
	touch $(PRERENDERED)

# Re-pin the whole tree after changing pyproject.toml's dependencies.
lock:
	test -x $(UV) || { $(PYTHON) -m venv $(VENV) && $(BIN)/python -m pip install --quiet uv==$(UV_VERSION); }
	$(UV) pip compile pyproject.toml --extra test --extra checks --extra browser --extra build --extra instructor --universal \
	  --python-version 3.11 --generate-hashes --no-header --quiet -o requirements.lock
	echo "uv==$(UV_VERSION)" | $(UV) pip compile - --universal --generate-hashes --no-header --quiet -o config/uv.lock.txt
	# The JupyterHub test's hub (tests/hub): pinned within requirements.lock, its comment lines kept on top.
	grep '^#' config/hub.lock.txt > config/hub.lock.tmp
	printf 'jupyterhub==6.1.1\nnbgitpuller==1.3.0\n' | $(UV) pip compile - -c requirements.lock --universal \
	  --python-version 3.11 --generate-hashes --no-header --quiet >> config/hub.lock.tmp
	mv config/hub.lock.tmp config/hub.lock.txt

# Rewrite docs/instructor-guide.md after changing lessons, questions or docs/teaching-notes.md.
guide: $(STAMP)
	$(BIN)/python -m lessons guide

# Build every lesson as HTML and PDF handouts in handouts/ (PDF needs Debian's chromium).
handouts: $(STAMP)
	$(BIN)/python -m lessons handouts --out handouts

# The timeline explorer as a code-free Voilà app, for projecting in class.
app: $(STAMP)
	$(BIN)/voila apps/timeline-explorer.ipynb --Voila.ip=127.0.0.1 $(APP_ARGS)

# Benchmarks: prints a table and writes benchmarks/results/latest.json (reported, never asserted).
bench: $(STAMP)
	$(BIN)/python benchmarks/run.py --setup $(BENCH_ARGS)

# Regenerate data/README.md after editing data/datapackage.json.
data-readme: $(STAMP)
	$(BIN)/python -m lessons catalogue

# Everything the set-up, the tests and the tools made: the environment, build/ (browser
# screenshots, axe-core) and the handouts.
clean:
	rm -rf $(VENV) build handouts
