"""The records that flow between stages. Frozen dataclasses; no spaCy objects here."""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date

from backchannel.dates import describe

PRECISIONS = ("day", "week", "month", "year", "none")
SHOW_RANGE_DAYS = 14  # a window this short is shown by its days, not by a month or year holding it


@dataclass(frozen=True)
class DateWindow:
    """A date known only to a window of days (inclusive), with where it came from.

    `value` is the TIMEX3-style value at the precision the text supports ("2024-02-11",
    "2024-W07", "2024-02", "2024"), or None when the window is wider than any such unit.
    """

    earliest: date
    latest: date
    value: str | None = None
    precision: str = "day"
    rule: str = ""  # the rule that produced it, e.g. "weekday-past", "heading", "metadata"
    text: str = ""  # the expression it was read from, if any

    def __post_init__(self):
        if self.latest < self.earliest:
            raise ValueError(f"date window ends before it starts: {self.earliest}..{self.latest}")

    @property
    def days(self) -> int:
        return (self.latest - self.earliest).days + 1

    def contains(self, other: DateWindow) -> bool:
        return self.earliest <= other.earliest and other.latest <= self.latest

    def overlaps(self, other: DateWindow) -> bool:
        return self.earliest <= other.latest and other.earliest <= self.latest

    def intersect(self, other: DateWindow) -> DateWindow | None:
        lo, hi = max(self.earliest, other.earliest), min(self.latest, other.latest)
        if hi < lo:
            return None
        return DateWindow(lo, hi, None, "none", self.rule, self.text).normalised()

    def normalised(self) -> DateWindow:
        """Recompute value and precision from the window itself."""
        value, precision = describe(self.earliest, self.latest)
        return replace(self, value=value, precision=precision)

    @property
    def label(self) -> str:
        """How to show it: its value when that unit is about as wide as the window, else its first and last
        day ("2024-07-26..2024-08-01", not "2024", for the week up to an article of 1 August)."""
        if self.value and (self.precision in ("day", "week") or self.days > SHOW_RANGE_DAYS):
            return self.value
        return f"{self.earliest}..{self.latest}"

    def to_json(self) -> dict:
        return {"value": self.value, "earliest": self.earliest.isoformat(), "latest": self.latest.isoformat()}


@dataclass(frozen=True)
class Published:
    window: DateWindow | None
    basis: str  # metadata | text | inferred | unknown


@dataclass(frozen=True)
class RawDocument:
    """What ingest hands on: text or HTML plus whatever metadata came with it."""

    source: str
    name: str
    text: str | None = None
    html: str | None = None
    url: str | None = None
    title: str | None = None
    outlet: str | None = None
    published: str | None = None
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class Caption:
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class CleanText:
    text: str
    captions: tuple[Caption, ...] = ()
    removed: tuple[str, ...] = ()  # the lines dropped as boilerplate, for inspection


@dataclass(frozen=True)
class Mention:
    """A name, title or demonym in one document that may refer to an actor."""

    start: int
    end: int
    text: str
    kind: str  # person | organization | state | group | other
    key: str  # the document-level canonical form ("Benjamin Netanyahu")
    label: str = ""  # spaCy's label, kept for corpus-level repair
    title: str = ""  # "prime minister" when the text gave one
    affiliation: str = ""  # key of the organisation or state the text ties it to
    aliases: tuple[str, ...] = ()  # other surface forms seen for it in the document


@dataclass(frozen=True)
class Evidence:
    document: str
    sentence: str
    start: int
    end: int


@dataclass(frozen=True)
class EventRecord:
    """An event as read from one sentence; actors are mention keys until fused."""

    type: str
    trigger: str
    summary: str
    actors: tuple[str, ...]
    recipients: tuple[str, ...]
    evidence: Evidence
    mode: str | None = None
    negated: bool = False
    status: str = "occurred"  # occurred | planned | reported | speculative
    date: DateWindow | None = None
    cue: str = ""
    date_anchor: str = ""  # where the date came from: "timex:<offset>", "heading:<offset>", "before-publication", ""


@dataclass(frozen=True)
class QuoteRecord:
    """A quotation as read from one document: the quoted words (`text == doc.text[start:end]`), who said
    them (a mention key until fused, None when the phrase names no actor) and the sentence(s) holding the
    quotation and its attribution."""

    text: str
    start: int
    end: int
    kind: str  # direct (in quotation marks) | indirect ("X said (that) CLAUSE", "according to X")
    cue: str  # the attribution verb's lemma ("say", "warn") or "according to"
    speaker_key: str | None
    speaker_text: str  # the speaker as the text names it: "Smith", "he", "a person familiar with the talks"
    evidence: Evidence
    anonymous: bool = False  # the speaker is an unnamed source (patterns/sourcing.yaml)
    source_cue: str = ""  # the sourcing cue that made it anonymous ("familiar with", "officials")


@dataclass(frozen=True)
class ClaimRecord:
    """A reported figure as read from one document (analyse.claims): the number (`text ==
    doc.text[start:end]`), what it counts, who reports it and as of when."""

    text: str
    start: int
    end: int
    value: float | None  # None for a range
    low: float | None
    high: float | None
    qualifier: str  # exact | about | nearly | more than | at least | up to | less than
    unit: str | None  # a measurement unit ("USD", "day", "percent"); None for a count of things
    what: str  # the counted or measured thing in the text's words
    quantity: str  # what makes two figures comparable: "<thing>|<verb class>", e.g. "hostage|release"
    aspect: str  # state (a standing count: "still held") | event (the size of one happening) | proposed
    evidence: Evidence
    occasion: str = ""  # the happening an event figure belongs to ("deal", "raid"), lemma
    named: tuple[str, ...] = ()  # mention keys named in what it counts ("returned to Ukraine")
    certainty: tuple[str, ...] = ()  # cue words: believed, confirmed, feared, estimated ...
    speaker_key: str | None = None  # who reports it: the speaker of the quotation that holds it
    speaker_text: str = ""
    anonymous: bool = False
    as_of: DateWindow | None = None  # the sentence's time, else the publication window
    as_of_anchor: str = ""  # as for events: "timex:<offset>", "heading:<offset>", "publication", ""


@dataclass(frozen=True)
class Claim:
    """A stored figure; `attributed_to` is an actor id, `conflicts_with` the ids of claims on the same
    quantity at overlapping times whose values cannot both hold."""

    id: str
    document: str
    text: str
    value: float | None
    low: float | None
    high: float | None
    qualifier: str
    unit: str | None
    what: str
    quantity: str
    aspect: str
    evidence: Evidence
    as_of: DateWindow | None = None
    attributed_to: str | None = None
    attributed_text: str = ""
    anonymous: bool = False
    certainty: tuple[str, ...] = ()
    conflicts_with: tuple[str, ...] = ()

    @property
    def figure(self) -> str:
        """The value as a reader wants it: "about 100", "150-300 day", "more than 44,000", "more than 33%"."""
        def number(x: float) -> str:
            return f"{x:,.0f}" if float(x).is_integer() else f"{x:,.2f}".rstrip("0")
        if self.unit == "share":  # "more than a third" -> "more than 33%"
            return self._qualified(f"{(self.value or 0) * 100:.0f}%")
        shown = number(self.value) if self.value is not None else f"{number(self.low or 0)}-{number(self.high or 0)}"
        return self._qualified(shown + (f" {self.unit}" if self.unit else ""))

    def _qualified(self, shown: str) -> str:
        return shown if self.qualifier == "exact" else f"{self.qualifier} {shown}"


@dataclass(frozen=True)
class Document:
    id: str
    source: str
    name: str
    text: str
    content_hash: str
    outlet: str | None = None
    title: str | None = None
    url: str | None = None
    language: str = "en"
    published: Published = field(default_factory=lambda: Published(None, "unknown"))
    captions: tuple[Caption, ...] = ()
    story: str | None = None
    duplicate_of: str | None = None


@dataclass(frozen=True)
class Actor:
    id: str
    name: str
    kind: str
    aliases: tuple[str, ...] = ()
    affiliations: tuple[str, ...] = ()
    mentions: int = 0


@dataclass(frozen=True)
class Version:
    """What one document says of a happening: its date and participants as that reading has them."""

    document: str
    date: DateWindow | None
    actors: tuple[str, ...]
    recipients: tuple[str, ...]


@dataclass(frozen=True)
class Event:
    id: str
    type: str
    summary: str
    actors: tuple[str, ...]
    recipients: tuple[str, ...]
    evidence: tuple[Evidence, ...]
    mode: str | None = None
    negated: bool = False
    status: str = "occurred"
    date: DateWindow | None = None
    outlets: int = 1  # distinct outlets (or documents, where the outlet is unknown) reporting it
    versions: tuple[Version, ...] = ()  # one per evidence entry, in the same order
    differences: tuple[str, ...] = ()  # what the reports disagree on: "date", "participants"


@dataclass(frozen=True)
class Quote:
    """A stored quotation; `speaker` is an actor id (None when the speaker names no actor)."""

    id: str
    speaker: str | None
    speaker_text: str
    text: str
    kind: str
    cue: str
    evidence: Evidence
    start: int  # the quoted words: the document's text[start:end] == text
    end: int
    anonymous: bool = False
    source_cue: str = ""


@dataclass(frozen=True)
class Timex:
    """A time expression in a document: where it is, its TIMEX3 type and value and, if the text fixes
    one, its window of days; `rule` and `anchor` say how the value was reached."""

    start: int
    end: int
    text: str
    type: str  # DATE | TIME | DURATION | SET
    window: DateWindow | None
    heading: bool = False  # the expression opens a section heading
    value: str | None = None  # TIMEX3 value: 2024-02-11, 2024-W07, P6W, PAST_REF, XXXX-01-17 ...
    rule: str = ""
    anchor: date | None = None  # the reference day the value was computed from, if any


@dataclass(frozen=True)
class Analysis:
    """Everything read from one document, before cross-document fusion."""

    mentions: tuple[Mention, ...] = ()
    timexes: tuple[Timex, ...] = ()
    events: tuple[EventRecord, ...] = ()
    quotes: tuple[QuoteRecord, ...] = ()
    claims: tuple[ClaimRecord, ...] = ()
