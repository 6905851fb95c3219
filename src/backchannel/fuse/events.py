"""One event per real-world happening: readings of the same happening, in one article or in several,
are grouped.

Two readings (events read from one sentence each) report the same happening when they have the same
type (and the same mode, where both show one), their dates can both be true (the windows overlap), they name the same participants (the same
set, or at least two in common), and they come from the same article, the same story, or articles whose
dates lie within a week of each other. A reading with a single participant joins only readings of its
own article: "Hamas warned" twice in two unrelated articles need not be one warning. Two one-way acts in
opposite directions are two ("X accused Y", "Y accused X"), except talks, joint acts and releases: "X met
Y" and "Y met X" tell one meeting, and the two halves of a swap one exchange (the coding guide).
"""
from __future__ import annotations

from dataclasses import dataclass

from backchannel.fuse import Groups
from backchannel.models import DateWindow

CLOSE_DAYS = 7


@dataclass(frozen=True)
class Reading:
    id: str
    document: str
    story: str | None
    type: str
    participants: frozenset[str]  # actor ids, actors and recipients together
    date: DateWindow | None
    mode: str | None = None  # the PLOVER mode, where the text shows one
    actors: frozenset[str] = frozenset()  # the participants who act, where known


MUTUAL_TYPES = {"CONSULT", "COOPERATE", "RETREAT"}  # one meeting, one exchange, from either side


def _compatible_dates(a: Reading, b: Reading) -> bool:
    if a.date is None or b.date is None:
        return a.document == b.document
    return a.date.overlaps(b.date)


def _related_documents(a: Reading, b: Reading) -> bool:
    if a.document == b.document or (a.story is not None and a.story == b.story):
        return True
    return (a.date is not None and b.date is not None and a.date.days <= CLOSE_DAYS and b.date.days <= CLOSE_DAYS
            and a.date.overlaps(b.date))


def same_happening(a: Reading, b: Reading) -> bool:
    if a.type != b.type or not a.participants or not _compatible_dates(a, b) or not _related_documents(a, b):
        return False
    if a.mode and b.mode and a.mode != b.mode:
        return False  # a mediation is not the exchange it brokered, a call not a visit
    if a.type not in MUTUAL_TYPES and a.actors and b.actors and not a.actors & b.actors \
            and a.actors & b.participants and b.actors & a.participants:
        return False  # each acts on the other: an accusation answered, a threat returned
    if a.type not in MUTUAL_TYPES and a.actors and b.actors and not a.actors & b.actors and a.document == b.document:
        return False  # "X called on Y to ...", "Z urged X and Y to ...": two acts, by two actors
    shared = a.participants & b.participants
    if len(a.participants) == 1 or len(b.participants) == 1:
        return a.participants == b.participants and a.document == b.document
    return a.participants == b.participants or len(shared) >= 2


def group_readings(readings: list[Reading]) -> dict[str, str]:
    """Reading id -> happening id (the smallest reading id of its group, so re-running is stable)."""
    groups = Groups()
    by_type: dict[str, list[Reading]] = {}
    for r in readings:
        by_type.setdefault(r.type, []).append(r)
    for group in by_type.values():
        for i, a in enumerate(group):
            for b in group[i + 1:]:
                if same_happening(a, b):
                    groups.union(a.id, b.id)
    return {r.id: groups.find(r.id) for r in readings}


def merged_date(windows: list[DateWindow | None]) -> DateWindow | None:
    """The narrowest window all readings allow (their intersection); if they disagree, the narrowest."""
    known = [w for w in windows if w is not None]
    if not known:
        return None
    common = known[0]
    for w in known[1:]:
        common = common.intersect(w) if common is not None else None
    if common is not None:
        rules = sorted({w.rule for w in known if w.rule})
        return DateWindow(common.earliest, common.latest, rule="+".join(rules), text=known[0].text).normalised()
    return min(known, key=lambda w: w.days)
