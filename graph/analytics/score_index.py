"""The partner score of organisations against all others at once, with
sparse matrices: what makes `potential_partners` answer in milliseconds on
100,000 organisations once the index is built, and `synergies` score every
pair of a network of thousands.

This is the one definition of the score (partners.SCORE_WEIGHTS weighs its
parts); `partners.evidence` says, for the few pairs shown, what a pair's
score rests on. With A the adjacency of the actor graph and D its degrees:

    common       A D⁻¹ A           resource allocation over shared neighbours
    three steps  A D⁻¹ A D⁻¹ A     the same over walks of three ties
    themes       T Tᵀ              shared themes, at most 3 counted
    paired       P PAIRS Pᵀ > 0    a place of one paired with a place of the other
    same         Ps Psᵀ > 0        a shared specific place
    activity     (1 + S)^a         S: tie strength in the actor graph, where a
                                   shared group counts once (actor.py)

One function (`_block`) computes the scores of a few rows against every
organisation; a query is one row, all pairs are rows taken by blocks, so
both give the same numbers and memory stays bounded.
"""
from __future__ import annotations

import numpy as np
from scipy import sparse

from graph import settings

SPHERE_CODES = {"civil_society": 1, "public": 2, "economic": 3, "research": 4}     # 0: unknown
BLOCK_CELLS = 4_000_000      # scores held at once when scoring all pairs (32 MB per array)
THEMES_COUNTED = settings.value("themes_counted")


def _indicator(rows: list, columns: dict, n: int) -> sparse.csr_matrix:
    """An (n, len(columns)) 0/1 matrix: row i has a 1 in each column of rows[i]."""
    r = [i for i, items in enumerate(rows) for item in items if item in columns]
    c = [columns[item] for items in rows for item in items if item in columns]
    return sparse.csr_matrix((np.ones(len(r)), (r, c)), shape=(n, len(columns)))


def best_positions(scores: np.ndarray, top: int) -> np.ndarray:
    """Positions of the `top` highest scores, and of every score that could
    round to the same value as the last of them (ties are then broken by
    name, as the callers sort)."""
    if len(scores) <= top:
        return np.arange(len(scores))
    floor = np.partition(scores, len(scores) - top)[len(scores) - top]
    return np.flatnonzero(scores >= floor - 1e-4)


class ScoreIndex:
    """Built once from a partners.Context; `scores(org)` is one query."""

    def __init__(self, ctx, weights: dict):
        self.weights = weights
        self.orgs = list(ctx.actor)
        self.position = {org: i for i, org in enumerate(self.orgs)}
        n = len(self.orgs)
        edges = [(self.position[u], self.position[v]) for u, v in ctx.actor.edges() if u != v]
        r = [a for a, b in edges] + [b for a, b in edges]
        c = [b for a, b in edges] + [a for a, b in edges]
        self.adjacency = sparse.csr_matrix((np.ones(len(r)), (r, c)), shape=(n, n))
        self.degree = np.asarray(self.adjacency.sum(axis=1)).ravel()
        inverse = sparse.diags(np.divide(1.0, self.degree, out=np.zeros(n), where=self.degree > 0))
        self.step = (inverse @ self.adjacency).tocsr()          # D⁻¹ A: one step, shared by its degree
        themes = sorted({t for found in ctx.themes.values() for t in found})
        self.theme_column = {t: i for i, t in enumerate(themes)}
        self.themes = _indicator([ctx.themes[o] for o in self.orgs], self.theme_column, n)
        places = sorted({p for found in ctx.places.values() for p in found} | set(ctx.pairs))
        self.place_column = {p: i for i, p in enumerate(places)}
        self.places = _indicator([ctx.places[o] for o in self.orgs], self.place_column, n)
        self.telling = _indicator([ctx.places[o] for o in self.orgs],
                                  {p: j for j, p in enumerate(sorted(ctx.telling))}, n)
        pr = [self.place_column[a] for a, bs in ctx.pairs.items() for b in bs]
        pc = [self.place_column[b] for a, bs in ctx.pairs.items() for b in bs]
        pairs = sparse.csr_matrix((np.ones(len(pr)), (pr, pc)), shape=(len(places), len(places)))
        self.paired_with = (pairs @ self.places.T).tocsc()       # place × organisation
        # Preferential attachment: organisations that already work with many
        # take new partners more often. Mild (a = score.activity), and read
        # from the tie strength, in which a collective or an event counts once.
        strength = np.array([ctx.actor.degree(o, weight="weight") for o in self.orgs], dtype=float)
        self.activity = (1.0 + strength) ** weights["activity"]
        self.sphere = np.array([SPHERE_CODES.get(ctx.graph.nodes[o].get("sphere", "unknown"), 0)
                                for o in self.orgs])

    def _block(self, rows) -> np.ndarray:
        """The scores of the organisations at positions `rows` against every
        organisation: a dense (len(rows), n) array.

        score = (closeness × (1 + affinity) + affinity_alone × affinity)
                × activity of one × activity of the other"""
        w = self.weights
        common = self.adjacency[rows] @ self.step
        structure = w["structure"] * common.toarray() + w["three_steps"] * (common @ self.step).toarray()
        shared = (self.themes[rows] @ self.themes.T).toarray()
        affinity = w["themes"] * np.minimum(shared, THEMES_COUNTED)
        paired = (self.places[rows] @ self.paired_with).toarray() > 0
        same = (self.telling[rows] @ self.telling.T).toarray() > 0
        affinity += np.where(paired, w["paired_territory"], np.where(same, w["same_territory"], 0.0))
        mine = self.sphere[rows][:, None]
        differ = (mine > 0) & (self.sphere > 0) & (mine != self.sphere)
        affinity += np.where(differ & ((structure > 0) | (affinity > 0)), w["complementary_sphere"], 0.0)
        score = structure * (1.0 + affinity) + w["affinity_alone"] * affinity
        return score * self.activity[rows][:, None] * self.activity[None, :]

    def pair(self, org, cand) -> float:
        """The score of one pair."""
        return float(self._block([self.position[org]])[0, self.position[cand]])

    def scores(self, org) -> np.ndarray:
        """The score of every organisation as a partner of `org` (aligned
        with `self.orgs`; `org` itself included, the caller drops it)."""
        return self._block([self.position[org]])[0]

    def work(self) -> int:
        """About how many cells and products scoring every pair takes: the
        pairs, plus the walks of three ties (the sparse products' work)."""
        n = len(self.orgs)
        return n * (n - 1) // 2 + int(self.degree @ (self.adjacency @ self.degree))

    def all_pairs(self, tied: sparse.spmatrix, top: int) -> tuple:
        """(rows, columns, scores) of the pairs i < j (positions in
        self.orgs) not in `tied` (a 0/1 matrix of the direct ties) that
        score above 0 and could be among the `top` best: the best of each
        block of rows (best_positions), for the caller to choose from."""
        n = len(self.orgs)
        tied = tied.tocsr()
        size = max(1, BLOCK_CELLS // max(n, 1))
        found = []
        for start in range(0, n, size):
            rows = np.arange(start, min(n, start + size))
            score = self._block(rows)
            score[np.arange(n)[None, :] <= rows[:, None]] = 0.0        # each pair once, i < j
            score[tied[rows].toarray() > 0] = 0.0
            r, c = np.nonzero(score > 0)
            values = score[r, c]
            keep = best_positions(values, top)
            found.append((rows[r[keep]], c[keep], values[keep]))
        if not found:
            return np.zeros(0, int), np.zeros(0, int), np.zeros(0)
        return tuple(np.concatenate(parts) for parts in zip(*found))

    @staticmethod
    def having(matrix, columns: dict, wanted: set) -> np.ndarray:
        """Which organisations have one of `wanted`: `matrix` and `columns`
        are self.themes and self.theme_column, or the places'."""
        picked = np.zeros(matrix.shape[1])
        picked[[columns[x] for x in wanted if x in columns]] = 1
        return (matrix @ picked) > 0
