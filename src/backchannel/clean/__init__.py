"""Clean: boilerplate and captions out of the body, a content hash and a MinHash for each text."""
from __future__ import annotations

import hashlib
import re

from datasketch import MinHash

from backchannel.clean.boilerplate import clean_text

__all__ = ["NUM_PERM", "SCHEME", "clean_text", "content_hash", "minhash"]

NUM_PERM = 128
SCHEME = "affine32"  # datasketch 2 asks for the scheme when hash values are restored


def content_hash(text: str) -> str:
    return hashlib.sha256(" ".join(text.split()).lower().encode("utf-8")).hexdigest()


def shingles(text: str, size: int = 3) -> set[bytes]:
    words = re.findall(r"\w+", text.lower())
    return {" ".join(words[i:i + size]).encode() for i in range(max(1, len(words) - size + 1))}


def minhash(text: str) -> MinHash:
    m = MinHash(num_perm=NUM_PERM, scheme=SCHEME)
    m.update_batch(list(shingles(text)))
    return m
