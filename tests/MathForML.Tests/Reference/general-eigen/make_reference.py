#!/usr/bin/env python3
"""Eigenvalues of general real matrices by numpy.linalg.eig (LAPACK dgeev), for EigenDecompositionTests.

Run: /usr/bin/python3 make_reference.py > reference.json
Eigenvalues are sorted as MathForML returns them: descending magnitude, then real part, then imaginary part.
"""
import json

import numpy as np

rng = np.random.default_rng(7)
cases = []
def add(name, a):
    w = np.linalg.eigvals(a)
    w = sorted(w, key=lambda z: (-round(abs(z), 12), -z.real, -z.imag))
    cases.append({"name": name, "a": np.asarray(a).tolist(), "re": [float(z.real) for z in w], "im": [float(z.imag) for z in w]})

for n in (4, 5, 10, 20, 50):
    add(f"random {n}x{n}", rng.standard_normal((n, n)))
add("rotation 2x2", [[0.0, -1.0], [1.0, 0.0]])
add("defective jordan 3x3", [[2.0, 1.0, 0.0], [0.0, 2.0, 1.0], [0.0, 0.0, 2.0]])
add("companion x^4-1", [[0.0, 0.0, 0.0, 1.0], [1.0, 0.0, 0.0, 0.0], [0.0, 1.0, 0.0, 0.0], [0.0, 0.0, 1.0, 0.0]])
add("upper triangular 4x4", np.triu(rng.integers(-5, 6, (4, 4))).astype(float))
add("course 2x2", [[1.0, 0.0], [0.0, 2.0]])
add("markov 3x3", [[0.5, 0.3, 0.2], [0.2, 0.6, 0.2], [0.1, 0.2, 0.7]])
print(json.dumps({"generator": "numpy " + np.__version__, "cases": cases}))
