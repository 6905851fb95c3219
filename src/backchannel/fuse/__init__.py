"""Fuse: cross-document work on plain records (actors, duplicates and stories, happenings). The
orchestration that reads and writes the store lives in backchannel.process."""


class Groups:
    """Union-find over string ids; each group is named by its smallest id, so re-runs name it alike."""

    def __init__(self):
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)
