"""The partner score of one organisation against all others at once, as
sparse-matrix products: what makes `potential_partners` answer in
milliseconds on 100,000 organisations once the index is built.

It computes exactly the numbers `partners.pair_score` computes one pair at a
time (the tests compare them on every pair); pair_score still writes the
reasons, for the few candidates shown.

    structure  A @ (A[o] / degree)     resource allocation over shared neighbours
    themes     T @ T[o]                shared themes, at most 3 counted
    same       Ps @ Ps[o] > 0          a shared specific place
    paired     P @ (PAIRS @ P[o]) > 0  a place of o paired with a place of c
"""
from __future__ import annotations

import numpy as np
from scipy import sparse

SPHERE_CODES = {"civil_society": 1, "public": 2, "economic": 3, "research": 4}     # 0: unknown


def _indicator(rows: list, columns: dict, n: int) -> sparse.csr_matrix:
    """An (n, len(columns)) 0/1 matrix: row i has a 1 in each column of rows[i]."""
    r = [i for i, items in enumerate(rows) for item in items if item in columns]
    c = [columns[item] for items in rows for item in items if item in columns]
    return sparse.csr_matrix((np.ones(len(r)), (r, c)), shape=(n, len(columns)))


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
        degree = np.asarray(self.adjacency.sum(axis=1)).ravel()
        self.inverse_degree = sparse.diags(np.divide(1.0, degree, out=np.zeros(n), where=degree > 0))
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
        self.pairs = sparse.csr_matrix((np.ones(len(pr)), (pr, pc)), shape=(len(places), len(places)))
        self.sphere = np.array([SPHERE_CODES.get(ctx.graph.nodes[o].get("sphere", "unknown"), 0)
                                for o in self.orgs])

    def scores(self, org) -> np.ndarray:
        """The score of every organisation as a partner of `org` (aligned
        with `self.orgs`; `org` itself included, the caller drops it)."""
        w = self.weights
        i = self.position[org]
        mine = self.adjacency.getrow(i) @ self.inverse_degree
        score = w["structure"] * (self.adjacency @ mine.T).toarray().ravel()
        shared = (self.themes @ self.themes.getrow(i).T).toarray().ravel()
        score += w["themes"] * np.minimum(shared, 3)
        paired_places = self.pairs @ self.places.getrow(i).T
        paired = (self.places @ paired_places).toarray().ravel() > 0
        same = (self.telling @ self.telling.getrow(i).T).toarray().ravel() > 0
        score += np.where(paired, w["paired_territory"], np.where(same, w["same_territory"], 0.0))
        differ = (self.sphere[i] > 0) & (self.sphere > 0) & (self.sphere != self.sphere[i])
        score += np.where((score > 0) & differ, w["complementary_sphere"], 0.0)
        return score

    def pair_volume(self) -> int:
        """About how many pair entries all_pairs would hold: the sum of the
        squared sizes of the groups (neighbourhoods, themes, places)."""
        def squares(matrix, axis):
            counts = np.asarray(matrix.sum(axis=axis)).ravel()
            return int((counts ** 2).sum())
        paired_reach = self.places @ self.pairs
        return (squares(self.adjacency, 0) + squares(self.themes, 0) + squares(self.telling, 0)
                + int(np.asarray(paired_reach.sum(axis=0)).ravel() @ np.asarray(self.places.sum(axis=0)).ravel()))

    def all_pairs(self, tied: sparse.spmatrix) -> tuple:
        """(rows, columns, scores) of every pair i < j (positions in
        self.orgs) that scores above 0 and is not in `tied` (a 0/1 matrix
        of the direct ties): the same numbers as scores(), for all pairs at
        once. Its size grows with the square of the largest group (theme,
        place, hub's neighbours): for networks of a few thousand."""
        w = self.weights
        structure = (self.adjacency @ self.inverse_degree @ self.adjacency).tocsr()
        shared = (self.themes @ self.themes.T).tocsr()
        shared.data = np.minimum(shared.data, 3)
        paired = (self.places @ self.pairs @ self.places.T).tocsr()
        paired.data = (paired.data > 0).astype(float)
        same = (self.telling @ self.telling.T).tocsr()
        same.data = (same.data > 0).astype(float)
        place = w["paired_territory"] * paired + w["same_territory"] * (same - same.multiply(paired))
        total = sparse.triu(w["structure"] * structure + w["themes"] * shared + place, k=1).tocoo()
        rows, cols, score = total.row, total.col, total.data
        differ = (self.sphere[rows] > 0) & (self.sphere[cols] > 0) & (self.sphere[rows] != self.sphere[cols])
        score = score + np.where((score > 0) & differ, w["complementary_sphere"], 0.0)
        keep = score > 0
        if tied.nnz:
            keep &= np.asarray(tied.tocsr()[rows, cols]).ravel() == 0
        return rows[keep], cols[keep], score[keep]

    @staticmethod
    def having(matrix, columns: dict, wanted: set) -> np.ndarray:
        """Which organisations have one of `wanted`: `matrix` and `columns`
        are self.themes and self.theme_column, or the places'."""
        picked = np.zeros(matrix.shape[1])
        picked[[columns[x] for x in wanted if x in columns]] = 1
        return (matrix @ picked) > 0
