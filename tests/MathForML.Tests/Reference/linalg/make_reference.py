#!/usr/bin/env python3
"""Reference values for the linear-algebra tests, computed once with numpy and exact fractions.

Run: /usr/bin/python3 make_reference.py > reference.json
numpy gives rank, determinant, inverse, solve, QR; Python's fractions give exact reduced row echelon forms.
"""
import json
from fractions import Fraction

import numpy as np


def rref_exact(a):
    m = [[Fraction(int(round(x))) if float(x).is_integer() else Fraction(x) for x in row] for row in a]
    rows, cols = len(m), len(m[0])
    pivots, r = [], 0
    for c in range(cols):
        p = next((i for i in range(r, rows) if m[i][c] != 0), None)
        if p is None:
            continue
        m[r], m[p] = m[p], m[r]
        piv = m[r][c]
        m[r] = [x / piv for x in m[r]]
        for i in range(rows):
            if i != r and m[i][c] != 0:
                f = m[i][c]
                m[i] = [x - f * y for x, y in zip(m[i], m[r])]
        pivots.append(c)
        r += 1
        if r == rows:
            break
    return [[float(x) for x in row] for row in m], pivots


def case(name, a, b=None):
    a = np.asarray(a, dtype=np.float64)
    out = {"name": name, "a": a.tolist(), "rank": int(np.linalg.matrix_rank(a))}
    if all(float(x).is_integer() for x in a.ravel()):
        r, piv = rref_exact(a.tolist())
        out["rref"], out["pivots"] = r, piv
    if a.shape[0] == a.shape[1]:
        out["det"] = float(np.linalg.det(a))
        if out["rank"] == a.shape[0]:
            out["inverse"] = np.linalg.inv(a).tolist()
            out["cond1"] = float(np.linalg.cond(a, 1))
            if b is None:
                b = np.arange(1, a.shape[0] + 1, dtype=np.float64)
            out["b"] = np.asarray(b, dtype=np.float64).tolist()
            out["x"] = np.linalg.solve(a, b).tolist()
    q, rr = np.linalg.qr(a)
    s = np.sign(np.diag(rr))
    s[s == 0] = 1
    out["q_positive_r"] = (q * s).tolist()
    out["r_positive"] = (rr * s[:, None]).tolist()
    return out


rng = np.random.default_rng(20261202)
cases = [
    case("random 5x5", rng.standard_normal((5, 5))),
    case("random 12x12", rng.standard_normal((12, 12))),
    case("integer 4x4 invertible", [[0, 7, -5, 3], [2, 8, 0, 4], [3, 12, 0, 5], [1, 3, 1, 3]]),
    case("integer 4x4 singular", [[2, 0, 0, 0], [0, 3, 0, 0], [0, 0, 4, 4], [0, 0, 5, 5]]),
    case("rank-deficient 5x5 rank 3", (rng.integers(-4, 5, (5, 3)) @ rng.integers(-4, 5, (3, 5))).astype(float)),
    case("wide 3x5 integer", rng.integers(-5, 6, (3, 5)).astype(float)),
    case("tall 6x3 integer", rng.integers(-5, 6, (6, 3)).astype(float)),
    case("tall 7x4 random", rng.standard_normal((7, 4))),
    case("hilbert 8x8", [[1.0 / (i + j + 1) for j in range(8)] for i in range(8)]),
]
print(json.dumps({"generator": "numpy " + np.__version__, "cases": cases}))
