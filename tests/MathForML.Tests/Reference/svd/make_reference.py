"""Reference singular values for the SVD tests (numpy.linalg.svd, LAPACK dgesdd through OpenBLAS).

Run once from this folder: /usr/bin/python3 make_reference.py (numpy 1.24 made svd.json).

The matrices are not stored: both sides build them exactly from the 64-bit linear congruential generator of
../eigen/make_reference.py (state <- state * 6364136223846793005 + 1442695040888963407 mod 2^64,
value = (state >> 11) * 2^-53 - 0.5, filled row-major after seeding state = seed) and the rule named in each case:
  lcg          A = lcg(rows, columns, seed)
  product      A = lcg(rows, inner, seed) @ lcg(inner, columns, seed + 1)       (rank `inner`)
  zerocolumns  A = lcg(rows, columns, seed) with columns first .. first+count-1 set to 0
  blockdiag    A = [[B, 0], [0, B]] with B = lcg(rows/2, columns/2, seed)       (every singular value twice)
  graded       A = lcg(rows, columns, seed) with column j times 10^(-12 j / (columns - 1))   (condition ~1e12)
Only `product` rounds differently on the two sides (the matrix product), by about 1e-16 of its entries.
"""
import json

import numpy as np

A_MUL, C_ADD, MASK = 6364136223846793005, 1442695040888963407, (1 << 64) - 1


def lcg(rows, cols, seed):
    state = seed
    out = np.empty(rows * cols)
    for t in range(rows * cols):
        state = (state * A_MUL + C_ADD) & MASK
        out[t] = (state >> 11) * 2.0 ** -53 - 0.5
    return out.reshape(rows, cols)


def build(case):
    rule, rows, cols, seed = case["rule"], case["rows"], case["columns"], case["seed"]
    if rule == "lcg":
        return lcg(rows, cols, seed)
    if rule == "product":
        return lcg(rows, case["inner"], seed) @ lcg(case["inner"], cols, seed + 1)
    if rule == "zerocolumns":
        a = lcg(rows, cols, seed)
        a[:, case["first"]:case["first"] + case["count"]] = 0
        return a
    if rule == "blockdiag":
        b = lcg(rows // 2, cols // 2, seed)
        a = np.zeros((rows, cols))
        a[:rows // 2, :cols // 2] = b
        a[rows // 2:, cols // 2:] = b
        return a
    if rule == "graded":
        return lcg(rows, cols, seed) * 10.0 ** (-12.0 * np.arange(cols) / (cols - 1))
    raise ValueError(rule)


cases = [
    dict(name="tall", rule="lcg", rows=300, columns=140, seed=301),
    dict(name="wide", rule="lcg", rows=90, columns=260, seed=302),
    dict(name="square", rule="lcg", rows=200, columns=200, seed=303),
    dict(name="rank40", rule="product", rows=150, columns=100, inner=40, seed=304),
    dict(name="zerocolumns", rule="zerocolumns", rows=160, columns=70, first=5, count=10, seed=306),
    dict(name="repeated", rule="blockdiag", rows=160, columns=100, seed=307),
    dict(name="graded", rule="graded", rows=180, columns=90, seed=308),
    dict(name="onebyn", rule="lcg", rows=1, columns=200, seed=309),
    dict(name="nbyone", rule="lcg", rows=200, columns=1, seed=310),
]
for case in cases:
    s = np.linalg.svd(build(case), compute_uv=False)
    case["singular_values"] = [float(f"{x:.17g}") for x in s]

with open("svd.json", "w") as f:
    json.dump({"generator": "numpy " + np.__version__ + " numpy.linalg.svd (dgesdd)", "cases": cases}, f, indent=1)
