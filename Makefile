# Two entry points: `make run` (main job on raw/ into warehouse/figures.db) and `make test`.
# Each creates .venv and installs the locked dependencies on first use.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-$(shell cat requirements.lock pyproject.toml | cksum | cut -d' ' -f1)

export UV_COMPILE_BYTECODE := 1
export PREFECT_SERVER_ANALYTICS_ENABLED := false
export DO_NOT_TRACK := 1

.PHONY: run test install lock clean

install: $(STAMP)

$(STAMP): requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	# uv resolves and installs the lock in seconds; plain pip is the fallback.
	( $(BIN)/python -m pip install -q uv && \
	  $(BIN)/uv pip install -q --python $(BIN)/python -r requirements.lock -e . ) || \
	  $(BIN)/python -m pip install -q -r requirements.lock -e .
	rm -f $(VENV)/.installed-* && touch $@

run: $(STAMP)
	$(BIN)/figures run

test: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/python -m pytest

lock:
	$(BIN)/uv pip compile pyproject.toml --extra dev -o requirements.lock

clean:
	rm -rf $(VENV) warehouse/figures.db* warehouse/report warehouse/quality
