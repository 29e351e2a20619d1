#!/usr/bin/env python3
"""The course's generate_internet(n) after np.random.seed(seed), for CourseInternetTests.

Run once in this folder with Debian's numpy (/usr/bin/python3 make_internets.py; made with numpy 1.24.2); the files
are committed, so the tests need no Python. generate_internet is copied from the Linear Algebra course's
readonlyPageRankFunctions.py (PageRank assignment, week 5). Writes n<N>-seed<S>.npy (float64 N x N, C order) for the
(N, S) pairs in CASES, and sequential-sum.txt: whether np.sum(axis=0) equals the row-by-row sequential sum for each
case (it must: NumPy reduces axis 0 of a C-order array by adding whole rows in order; pairwise summation is only used
along the contiguous axis).
"""
import numpy as np


def generate_internet(n):
    c = np.full([n, n], np.arange(n))
    c = (abs(np.random.standard_cauchy([n, n]) / 2) > (np.abs(c - c.T) + 1)) + 0
    c = (c + 1e-10) / np.sum((c + 1e-10), axis=0)
    return c


CASES = [(1, 0), (2, 1), (5, 42), (6, 0), (10, 1), (37, 42), (100, 0), (150, 4294967295)]

lines = []
for n, seed in CASES:
    np.random.seed(seed)
    L = generate_internet(n)
    np.save(f"n{n}-seed{seed}.npy", L)
    # The same matrix with the column sums done by a plain loop over rows: equal to the bit or not.
    np.random.seed(seed)
    c = np.full([n, n], np.arange(n))
    c = (abs(np.random.standard_cauchy([n, n]) / 2) > (np.abs(c - c.T) + 1)) + 0
    a = c + 1e-10
    s = a[0].copy()
    for i in range(1, n):
        s = s + a[i]
    lines.append(f"n={n} seed={seed}: sequential column sums equal np.sum(axis=0) to the bit: {bool(np.array_equal(a / s, L))}")
with open("sequential-sum.txt", "w") as f:
    f.write("\n".join(lines) + "\n")
