"""backchannel.present.report: one self-contained HTML page; article text always escaped."""
import re
from html.parser import HTMLParser

import pytest

from backchannel.present.report import render_report
from backchannel.store import Store

from conftest import run_cli
from helpers import build_hand_store, build_harbour_store

SCRIPT = "<script>alert(1)</script>"


class Links(HTMLParser):
    """Every element id, every href/src and whether any <script>, <link> or <iframe> element exists."""

    def __init__(self):
        super().__init__()
        self.ids, self.refs, self.tags = set(), [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        for name, value in attrs:
            if name == "id":
                self.ids.add(value)
            if name in ("href", "src", "srcset", "action", "data"):
                self.refs.append(value or "")


def parse(html: str) -> Links:
    links = Links()
    links.feed(html)
    return links


def assert_self_contained(html: str) -> None:
    links = parse(html)
    assert not {"script", "link", "iframe", "img", "object", "embed"} & set(links.tags), set(links.tags)
    for ref in links.refs:
        assert ref.startswith("#"), f"reference to something outside the page: {ref}"
        assert ref[1:] in links.ids, f"dangling in-page link {ref}"
    assert not re.search(r"url\(\s*['\"]?(https?:)?//", html) and "@import" not in html


@pytest.fixture(scope="module")
def corpus_html(corpus_run, tmp_path_factory):
    out = tmp_path_factory.mktemp("report") / "report.html"
    result = run_cli("--db", str(corpus_run.db), "report", "-o", str(out))
    assert result.exit_code == 0, result.stderr
    return out.read_text(encoding="utf-8")


def test_article_text_is_escaped(corpus_html):
    assert SCRIPT not in corpus_html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in corpus_html  # the title of script_title.txt, shown as text
    assert "<script" not in corpus_html.lower()


def test_report_is_self_contained(corpus_html):
    assert_self_contained(corpus_html)


def test_report_lists_every_document_and_event(corpus_run, corpus_html):
    links = parse(corpus_html)
    assert {d["id"] for d in corpus_run.export["documents"]} <= links.ids
    assert {e["id"] for e in corpus_run.export["events"]} <= links.ids
    assert f"{len(corpus_run.export['documents'])} documents" in corpus_html


def test_hand_built_report_names_actors_and_escapes_evidence():
    html = render_report(build_hand_store())
    assert "Finland accused Norway of stalling &lt;b&gt;the&lt;/b&gt; talks in March 2024." in html
    assert "<b>the</b>" not in html
    assert re.search(r"Norway\s*→ Sweden:", re.sub(r"<[^>]+>", "", html))  # ids shown as names
    assert "2024-03 (month)" in html and "Undated" in html  # grouped by the date's precision
    assert_self_contained(html)


def test_documents_show_their_sourcing_and_quotes_their_speakers():
    html = render_report(build_harbour_store())
    text = re.sub(r"<[^>]+>", "", html)
    assert "4 events, 4 quotes, 0 figures: 4 named, 2 anonymous, 2 unattributed · anonymous share 33% · 2 hedged (reportedly 1, could 1)" in text
    assert re.search(r'<span class="named" style="width: 50.0%"></span><span class="anonymous" style="width: 25.0%">', html)
    assert "nothing reported" in text  # the quiet note
    assert "“Weber accused Malta of stalling the talks”" in text and "[anonymous]" in text
    assert 'href="#a-weber"' in html  # a named speaker links to the actor
    assert_self_contained(html)


def test_report_lists_every_quotation(corpus_run, corpus_html):
    assert {q["id"] for q in corpus_run.export["quotes"]} <= parse(corpus_html).ids


def test_empty_store_report():
    html = render_report(Store("sqlite://"))
    assert "No events yet" in html and "0 documents" in html and "No quotations yet" in html
    assert_self_contained(html)


@pytest.mark.parametrize("html", [
    '<a href="https://example.org/x">x</a>',
    '<img src="//cdn.example.org/x.png">',
    '<link rel="stylesheet" href="style.css">',
    '<a href="#nowhere">x</a>',
    "<style>@import url(https://fonts.example.org/x.css);</style>",
])
def test_the_self_containment_check_catches(html):
    with pytest.raises(AssertionError):
        assert_self_contained(html)


def test_figures_are_charted_per_quantity_with_conflicts_marked(swap):
    html = render_report(swap.store)
    section = html[html.index('id="claims"'):html.index('id="quotes"')]
    assert "prisoner · release" in section and "<svg" in section
    assert section.count('class="conflict"') == 2  # the two rows of 23 against 25
    assert "person · hold" in section and "nearly 20" in section
