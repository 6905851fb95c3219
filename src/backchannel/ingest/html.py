"""HTML pages: main text and metadata through trafilatura, publication date through htmldate."""
from __future__ import annotations

import htmldate
import trafilatura

from backchannel.errors import UnreadableInput
from backchannel.models import RawDocument


def from_html(source: str, name: str, html: str, url: str | None = None,
              warnings: tuple[str, ...] = ()) -> RawDocument | UnreadableInput:
    try:
        extracted = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                                                include_tables=False, favor_precision=True)
    except Exception as exc:  # trafilatura raises many kinds on broken markup
        return UnreadableInput(source, f"cannot parse HTML ({type(exc).__name__})")
    if extracted is None:
        return UnreadableInput(source, "no article text found in the page")
    meta = extracted.as_dict()
    try:  # metadata only: a date guessed from the page body is not a publication date
        published = htmldate.find_date(html, url=url, extensive_search=False, original_date=True)
    except Exception:
        published = None
    return RawDocument(source=source, name=name, text=meta.get("text") or "", html=None,
                       url=url or meta.get("url"), title=meta.get("title"),
                       outlet=meta.get("sitename") or meta.get("hostname"),
                       published=published, warnings=warnings)
