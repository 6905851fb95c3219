"""Fuse: cross-document work on plain records (actors, duplicates and stories). The orchestration that
reads and writes the store lives in backchannel.process."""
