"""backchannel: from a folder of negotiation news to actors, a sourced PLOVER timeline and a report.

The public API is `backchannel.open(path)` and `Corpus`. They are imported on first use, so that
`nlp.add_pipe("backchannel_times")` in someone else's spaCy pipeline does not load the store and the rest.
"""
__version__ = "0.1.0"
__all__ = ["Corpus", "open", "__version__"]


def __getattr__(name: str):
    if name in ("Corpus", "open"):
        from backchannel.present import api

        return getattr(api, name)
    raise AttributeError(f"module 'backchannel' has no attribute {name!r}")
