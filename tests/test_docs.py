"""backchannel.present.clidoc and the README: the CLI reference is generated from the real --help."""
from pathlib import Path

import pytest

from backchannel.present import clidoc

README = Path(__file__).parent.parent / "README.md"


def test_readme_cli_reference_is_current():
    text = README.read_text(encoding="utf-8")
    assert clidoc.update(text) == text, "the README's CLI reference is stale: run `make docs`"


def test_every_command_is_documented():
    text = README.read_text(encoding="utf-8")
    for name in clidoc.command_names():
        assert f"### `backchannel {name}`" in text


def test_the_default_size_limit_is_documented():
    assert "10,000,000" in README.read_text(encoding="utf-8")


def test_update_needs_both_markers():
    with pytest.raises(ValueError, match="markers"):
        clidoc.update("# A README without markers\n")
    with pytest.raises(ValueError, match="markers"):
        clidoc.update(f"{clidoc.END}\n{clidoc.START}\n")


def test_update_replaces_only_between_the_markers():
    new = clidoc.update(f"before\n{clidoc.START}\nold stuff\n{clidoc.END}\nafter\n")
    assert new.startswith(f"before\n{clidoc.START}\n") and new.endswith(f"{clidoc.END}\nafter\n")
    assert "old stuff" not in new and "### `backchannel ingest`" in new


def test_main_rewrites_a_stale_file(tmp_path, capsys):
    path = tmp_path / "README.md"
    path.write_text(f"x\n{clidoc.START}\n{clidoc.END}\n", encoding="utf-8")
    assert clidoc.main([str(path)]) == 0 and "updated" in capsys.readouterr().out
    assert clidoc.main([str(path)]) == 0 and "already current" in capsys.readouterr().out
    assert clidoc.main([str(tmp_path / "missing.md")]) == 1
    assert clidoc.main([]) == 2
