"""backchannel: from a folder of negotiation news to actors, a sourced PLOVER timeline and a report."""
from backchannel.present.api import Corpus, open

__version__ = "0.1.0"
__all__ = ["Corpus", "open", "__version__"]
