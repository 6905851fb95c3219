"""Resolve document-level mention keys to canonical actors across the corpus.

Evidence is pooled over every document: a surname joins the one full name that ends with it
("Netanyahu" -> "Benjamin Netanyahu"), a given name alone the one that begins with it ("Paul"), spelling
variants of a full name join (rapidfuzz), an acronym joins the long form whose initials it spells
("IDF" <- "Israel Defense Forces"), a name tagged ORG once and PERSON ten times is a person, "X chief"
anywhere makes X an organisation, and a user's YAML file can add actors, aliases and merges. Ids derive
from the canonical name, so re-running the fusion gives the same ids.
"""
from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from rapidfuzz import fuzz

from backchannel.analyse.mentions import looks_like_person, state_of
from backchannel.errors import ConfigError
from backchannel.fuse import Groups
from backchannel.models import Actor

STOP = {"the", "of", "and", "for", "in", "on"}


# Transliterations of one organisation's name differ by a vowel or two; shorter names differ by too
# little to tell ("Fatah" and "Fateh" would pass, but so would unrelated acronyms).
ORG_VARIANT_LENGTH, ORG_VARIANT_RATIO = 7, 85


@dataclass
class Cluster:
    keys: set[str] = field(default_factory=set)
    kinds: Counter = field(default_factory=Counter)
    labels: Counter = field(default_factory=Counter)
    surfaces: Counter = field(default_factory=Counter)
    affiliations: Counter = field(default_factory=Counter)
    mentions: int = 0
    user_name: str | None = None
    user_kind: str | None = None


@dataclass(frozen=True)
class UserActors:
    actors: tuple[tuple[str, str, tuple[str, ...]], ...] = ()  # (name, kind, aliases)
    merges: tuple[tuple[str, ...], ...] = ()


def load_user_actors(path: str | None) -> UserActors:
    """Read a user's actors file: `actors: [{name, kind, aliases}]`, `merges: [[name, alias...]]`."""
    if not path:
        return UserActors()
    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
        actors = tuple((a["name"], a.get("kind", "person"), tuple(a.get("aliases") or ()))
                       for a in data.get("actors") or [])
        merges = tuple(tuple(str(x) for x in group) for group in data.get("merges") or [])
    except (OSError, yaml.YAMLError, KeyError, TypeError, AttributeError) as exc:
        raise ConfigError(f"{path}: not a valid actors file ({type(exc).__name__}: {exc}); "
                          "expected 'actors: [{name, kind, aliases}]' and 'merges: [[a, b]]'") from None
    return UserActors(actors, merges)


def _initials(name: str) -> str:
    return "".join(w[0] for w in name.replace("-", " ").split() if w.lower() not in STOP).upper()


def _longer_orgs(word: str, keys: list[str], by_key: dict[str, Cluster]) -> list[str]:
    return [o for o in keys if len(o.split()) > 1 and o.split()[-1] == word and _kind(by_key[o]) == "organization"]


def _actor_id(name: str) -> str:
    return "a" + hashlib.sha1(name.lower().encode()).hexdigest()[:10]


def resolve_actors(mention_rows, user: UserActors = UserActors()) -> tuple[list[Actor], dict[tuple[str, str], str]]:
    """Fuse mention keys into actors; return them and (document id, key) -> actor id."""
    by_key: dict[str, Cluster] = defaultdict(Cluster)
    for row in mention_rows:
        c = by_key[row.key.lower()]
        c.keys.add(row.key)
        c.kinds[row.kind] += 1
        c.labels[row.label or ""] += 1
        if row.title and row.kind == "person":
            c.labels["TITLE"] += 1
        c.surfaces[row.text] += 1
        if row.affiliation:
            c.affiliations[row.affiliation.lower()] += 1
        c.mentions += 1
    u = Groups()
    keys = list(by_key)
    for k in keys:
        u.find(k)
    persons = [k for k in keys if _kind(by_key[k]) == "person" and len(k.split()) > 1]
    by_last: dict[str, list[str]] = defaultdict(list)
    for k in persons:
        by_last[k.split()[-1]].append(k)
        if re.match(r"(?:al|el)-\w", k.split()[-1]):  # "al-Burhan" is "Burhan" on later mention
            by_last[k.split()[-1][3:]].append(k)
    # "De Croo" of "Alexander De Croo": a name of two words or more that ends the one longer name
    for k in persons:
        longer = {u.find(p) for p in by_last[k.split()[-1]] if p.endswith(" " + k)}
        if len(longer) == 1:
            u.union(k, longer.pop())
    # spelling variants of one full name: same surname, first names alike
    for group in by_last.values():
        for i, a in enumerate(group):
            for b in group[i + 1:]:
                if fuzz.ratio(a.split()[0], b.split()[0]) >= 75:
                    u.union(a, b)
    # spellings of one one-word organisation ("Hezbollah", "Hizbollah"): same first letter, alike enough
    orgs = sorted(k for k in keys if " " not in k and len(k) >= ORG_VARIANT_LENGTH and _kind(by_key[k]) == "organization")
    for i, a in enumerate(orgs):
        for b in orgs[i + 1:]:
            if a[0] == b[0] and fuzz.ratio(a, b) >= ORG_VARIANT_RATIO:
                u.union(a, b)
    for k in keys:
        c = by_key[k]
        words = k.split()
        if len(words) == 1 and _kind(c) != "state":
            full = {u.find(p) for p in by_last.get(k, []) if not any(x.isupper() and len(x) > 1 for x in c.keys)
                    or any(x == w for x in c.keys for q in by_key[p].keys for w in q.split())}
            first = {u.find(p) for p in persons if p.split()[0] == k}
            if len(full) == 1:  # a surname that belongs to exactly one person in the corpus ("UN" is not "Un")
                u.union(k, full.pop())
            elif not full and _kind(c) == "person" and len(first) == 1:
                u.union(k, first.pop())  # "bring Paul home": the given name of the one Paul named in full
            elif _kind(c) == "organization" and len(_longer_orgs(k, keys, by_key)) == 1:
                u.union(k, _longer_orgs(k, keys, by_key)[0])  # "the Journal" of "Wall Street Journal"
            elif any(x.isupper() for x in c.keys) and len(k) >= 2:
                longs = {u.find(o) for o in keys if len(o.split()) > 1 and _initials(o) == k.upper()
                         and _kind(by_key[o]) != "person"}  # an acronym spells a body, not "Azerbaijani President"
                if len(longs) == 1:
                    u.union(k, longs.pop())
    # one body named in the plural and the singular ("the Houthis", "a Houthi official"), or by the tail of its
    # one longer name ("the Red Cross" of "International Committee of the Red Cross")
    for k in keys:
        c = by_key[k]
        if _kind(c) == "state":
            continue
        if " " not in k and k + "s" in by_key and _kind(by_key[k + "s"]) != "state" and "organization" in (
                _kind(c), _kind(by_key[k + "s"])):
            u.union(k, k + "s")
        longer = [o for o in keys if o.endswith(" " + k) and _kind(by_key[o]) == "organization"]
        if " " in k and _kind(c) == "organization" and len({u.find(o) for o in longer}) == 1:
            u.union(k, longer[0])
    # a name the text gives in brackets after another ("Israel Security Agency (Shin Bet)") is the same
    for k in keys:
        for surface in by_key[k].surfaces:
            other = surface.lower()
            if other != k and other in by_key and _kind(by_key[k]) == _kind(by_key[other]) == "organization":
                u.union(k, other)
    _apply_user(u, by_key, user)
    clusters = _pooled(by_key, u)
    while _merge_same_names(clusters, u):  # one name, one id: clusters that end with one name are one actor
        clusters = _pooled(by_key, u)
    actors, ids_by_root, names = [], {}, {}
    for root, c in clusters.items():
        name = c.user_name or _canonical_name(c)
        ids_by_root[root] = _actor_id(name)
        names[root] = name
    places = {root for root, c in clusters.items() if (c.user_kind or _kind(c)) == "place"}
    for root, c in clusters.items():
        if root in places:
            continue
        affiliations = sorted({ids_by_root[u.find(a)] for a in c.affiliations if a in by_key} - {ids_by_root[root]})
        aliases = sorted((set(c.surfaces) | c.keys) - {names[root]})
        actors.append(Actor(ids_by_root[root], names[root], c.user_kind or _kind(c), tuple(aliases),
                            tuple(affiliations), c.mentions))
    assignment = {}
    for row in mention_rows:
        root = u.find(row.key.lower())
        if root not in places:
            assignment[(row.document_id, row.key)] = ids_by_root[root]
    return sorted(actors, key=lambda a: (-a.mentions, a.name)), assignment


def _pooled(by_key: dict[str, Cluster], u: Groups) -> dict[str, Cluster]:
    """The keys' evidence pooled by group."""
    clusters: dict[str, Cluster] = defaultdict(Cluster)
    for k, c in by_key.items():
        merged = clusters[u.find(k)]
        merged.keys |= c.keys
        merged.kinds += c.kinds
        merged.labels += c.labels
        merged.surfaces += c.surfaces
        merged.affiliations += c.affiliations
        merged.mentions += c.mentions
        merged.user_name = merged.user_name or c.user_name
        merged.user_kind = merged.user_kind or c.user_kind
    return clusters


def _merge_same_names(clusters: dict[str, Cluster], u: Groups) -> bool:
    """Join groups whose canonical names match ("Sana" the person tag and "Sana" the agency), since the
    id derives from the name; True when any were joined."""
    by_name: dict[str, list[str]] = defaultdict(list)
    for root, c in clusters.items():
        by_name[(c.user_name or _canonical_name(c)).lower()].append(root)
    joined = False
    for roots in by_name.values():
        for other in roots[1:]:
            u.union(roots[0], other)
            joined = True
    return joined


def _kind(c: Cluster) -> str:
    if c.user_kind:
        return c.user_kind
    if c.kinds["state"]:
        return "state"
    if c.kinds["group"] and c.kinds["group"] >= c.kinds["person"] + c.kinds["organization"]:
        return "group"
    if c.labels["ORG-HEAD"] > c.labels["TITLE"]:
        return "organization"  # "X chief" somewhere in the corpus
    single = all(len(k.split()) == 1 for k in c.keys)
    if single and (c.labels["GPE"] or c.labels["LOC"] or c.labels["FAC"]) and not c.labels["TITLE"]:
        return "place"  # "Rafah" tagged a person here and a place there, never titled: a place
    if c.kinds["place"] and not c.kinds["person"] and not c.kinds["organization"]:
        return "place"
    if c.kinds["person"] and (c.kinds["person"] >= c.kinds["organization"] or not single):
        return "person"
    if c.kinds["organization"] and any(looks_like_person(k) for k in c.keys):
        return "person"
    return "organization"


def _canonical_name(c: Cluster) -> str:
    kind = _kind(c)
    if kind == "person":
        full = [k for k in c.keys if len(k.split()) > 1] or list(c.keys)
        return max(full, key=lambda k: (c.surfaces[k] + sum(v for s, v in c.surfaces.items() if s == k), len(k), k))
    if kind == "state":
        return min(c.keys, key=lambda k: (state_of(k) != k, k))  # the state's own name, not a capital
    names = [s for s in c.surfaces if s[:1].isupper()] or list(c.keys)
    return max(names, key=lambda s: (c.surfaces[s], len(s), s))


def _apply_user(u: Groups, by_key: dict[str, Cluster], user: UserActors) -> None:
    for name, kind, aliases in user.actors:
        root = name.lower()
        by_key[root].user_name = name
        by_key[root].user_kind = kind
        by_key[root].keys.add(name)
        for alias in aliases:
            if alias.lower() in by_key:
                u.union(root, alias.lower())
    for group in user.merges:
        present = [g.lower() for g in group if g.lower() in by_key]
        if present and by_key[present[0]].user_name is None:
            by_key[present[0]].user_name = group[0]  # the first name listed names the merged actor
        for other in present[1:]:
            u.union(present[0], other)
