PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
DB     ?= out/demo.db

.PHONY: install demo test clean docs

$(BIN)/backchannel: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

install: $(BIN)/backchannel

demo: install
	mkdir -p out
	rm -f $(DB)
	$(BIN)/backchannel --db $(DB) ingest examples/dispatches
	$(BIN)/backchannel --db $(DB) timeline
	$(BIN)/backchannel --db $(DB) claims --what prisoner
	$(BIN)/backchannel --db $(DB) report -o out/report.html
	$(BIN)/backchannel --db $(DB) export --format json -o out/export.json
	@echo "report written to out/report.html"

test: install
	$(BIN)/python -m pytest -q

docs: install
	$(BIN)/python -m backchannel.present.clidoc README.md

clean:
	rm -rf $(VENV) out build *.egg-info
