"""The house rules of design/style.md, checked by parsing imports (nothing is imported to check).

Data flows one way: ingest < clean < analyse < fuse < store < query < evaluate < present. A module imports
only from its own layer, from layers to its left, and from the base modules (models, config, errors, dates).
evaluate/ scores stages against annotated corpora: orchestration, like process.py, that present may call.
process.py orchestrates and may import every layer but present; present (the top) may import process.
store/, query/ and present/ never import spaCy nor backchannel.analyse.
"""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

import backchannel

PACKAGE = Path(backchannel.__file__).parent
LAYERS = ["ingest", "clean", "analyse", "fuse", "store", "query", "evaluate", "present"]
BASE = {"models", "config", "errors", "dates"}
NO_NLP = {"store", "query", "present"}

KNOWN_VIOLATIONS = {
}


def imports(source: str) -> list[str]:
    """Every module a source file imports, absolute names, at any depth (functions included)."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            assert node.level == 0, "relative imports hide the layer they reach into"
            if node.module == "backchannel":  # from backchannel import models / open
                found += [f"backchannel.{alias.name}" for alias in node.names]
            else:
                found.append(node.module)
    return found


def unit_of(name: str) -> str | None:
    """The layer or base module an imported `backchannel...` name belongs to; None for other packages."""
    parts = name.split(".")
    if parts[0] != "backchannel":
        return None
    if len(parts) == 1 or parts[1] not in {*LAYERS, *BASE, "process"}:
        return "present"  # the package root and its attributes: the public API, re-exported from present.api
    return parts[1]


def violations(relative: str, source: str) -> list[str]:
    """The imports of the module at `relative` (path inside the package) that break the rules."""
    parts = Path(relative).with_suffix("").parts
    own = parts[0]
    found = []
    for name in imports(source):
        top = name.split(".")[0]
        if own in NO_NLP and top == "spacy":
            found.append(f"{name}: {own}/ never imports spaCy")
        target = unit_of(name)
        if target is None or target == own:
            continue
        if own in NO_NLP and target == "analyse":
            found.append(f"{name}: {own}/ never imports backchannel.analyse")
        elif own == "__init__":
            continue  # the package root: the public API
        elif own in BASE:
            if target not in BASE:
                found.append(f"{name}: a base module imports only base modules")
        elif own == "process":
            if target == "present":
                found.append(f"{name}: process.py may import everything except present")
        elif target in BASE:
            continue
        elif target == "process":
            if own != "present":
                found.append(f"{name}: only present/ may call the orchestration")
        elif LAYERS.index(target) > LAYERS.index(own):
            found.append(f"{name}: {own}/ imports from {target}/, a layer to its right")
    return found


MODULES = sorted(str(p.relative_to(PACKAGE)) for p in PACKAGE.rglob("*.py"))


def test_every_module_is_placed():
    for relative in MODULES:
        own = Path(relative).with_suffix("").parts[0]
        assert own in LAYERS or own in BASE or own in {"process", "__init__"}, f"{relative}: which layer?"


@pytest.mark.parametrize("relative", [
    pytest.param(m, marks=pytest.mark.xfail(strict=True, reason=KNOWN_VIOLATIONS[m])) if m in KNOWN_VIOLATIONS else m
    for m in MODULES
])
def test_imports_respect_the_layers(relative):
    assert violations(relative, (PACKAGE / relative).read_text(encoding="utf-8")) == []


@pytest.mark.parametrize("relative, source, broken", [
    ("store/__init__.py", "import spacy", True),
    ("query/__init__.py", "from spacy.tokens import Doc", True),
    ("present/cli.py", "from backchannel.analyse.times import find_timexes", True),
    ("present/cli.py", "def f():\n    from backchannel.analyse import nlp", True),  # imports inside functions count
    ("ingest/__init__.py", "from backchannel.clean import clean_text", True),
    ("clean/boilerplate.py", "import backchannel", True),
    ("ingest/x.py", "from backchannel import open", True),
    ("ingest/x.py", "from backchannel import models, errors", False),
    ("fuse/x.py", "from backchannel.store import Store", True),
    ("models.py", "from backchannel.store import Store", True),
    ("query/x.py", "from backchannel.process import ingest", True),
    ("process.py", "from backchannel.present.cli import app", True),
    ("analyse/x.py", "from backchannel.clean import clean_text\nfrom backchannel.models import Timex", False),
    ("present/api.py", "from backchannel.process import ingest\nfrom backchannel.query import events", False),
    ("process.py", "from backchannel.analyse import analyse_document\nfrom backchannel.store import Store", False),
    ("store/__init__.py", "from backchannel.store import schema\nimport sqlalchemy", False),
    ("evaluate/timeml.py", "from backchannel.analyse.times import find_timexes", False),
    ("present/cli.py", "from backchannel.evaluate.timeml import evaluate_timeml", False),
    ("analyse/times.py", "from backchannel.evaluate import timeml", True),
])
def test_the_checker_itself(relative, source, broken):
    assert bool(violations(relative, source)) is broken
