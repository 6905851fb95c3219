"""Evaluate: score backchannel's stages against annotated corpora.

An orchestration layer like process.py: it may call analyse, clean, models and dates; present may
call it. Nothing here changes what ingest stores.

- `timeml`: the time expression tagger against TimeML gold files, scored as the TempEval-3 scorer does.
- `dating`: publication dating against the creation time (DCT) of TimeML files, with the DCT hidden.
"""
