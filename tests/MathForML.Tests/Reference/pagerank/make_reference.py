#!/usr/bin/env python3
"""Reference PageRank values by numpy (dense eigenvectors) for PageRankTests.

Run: /usr/bin/python3 make_reference.py > reference.json
"""
import json

import numpy as np

# The course's 6-page micro-internet: column j holds the probabilities of following each link out of page j.
L6 = np.array([
    [0, 1/2, 1/3, 0, 0, 0],
    [1/3, 0, 0, 0, 1/2, 0],
    [1/3, 1/2, 0, 1, 0, 1/2],
    [1/3, 0, 1/3, 0, 1/2, 1/2],
    [0, 0, 0, 0, 0, 0],
    [0, 0, 1/3, 0, 0, 0],
])
# Seven pages: page G (index 6) links only to itself, and page D also links to it.
L7 = np.array([
    [0, 1/2, 1/3, 0, 0, 0, 0],
    [1/3, 0, 0, 0, 1/2, 0, 0],
    [1/3, 1/2, 0, 1/2, 0, 1/2, 0],
    [1/3, 0, 1/3, 0, 1/2, 1/2, 0],
    [0, 0, 0, 0, 0, 0, 0],
    [0, 0, 1/3, 0, 0, 0, 0],
    [0, 0, 0, 1/2, 0, 0, 1],
])


def principal(M):
    w, V = np.linalg.eig(M)
    v = np.real(V[:, np.argmax(np.abs(w))])
    return (100 * v / v.sum()).tolist()


def damped(L, d):
    n = L.shape[0]
    return d * L + (1 - d) / n * np.ones((n, n))


out = {
    "l6": L6.tolist(), "l6_d1": principal(damped(L6, 1.0)), "l6_d085": principal(damped(L6, 0.85)),
    "l7": L7.tolist(), "l7_d1": principal(damped(L7, 1.0)), "l7_d01": principal(damped(L7, 0.1)),
}
print(json.dumps(out))

# rmat12.bin and rmat12.bin.scipy-ranks.npy were made with the shared peer script (scipy CSR power iteration,
# damping 0.85, L1 tolerance 1e-10):
#   /usr/bin/python3 shared/bench/peers.py rmat rmat12.bin --scale 12 --seed 1
#   /usr/bin/python3 shared/bench/peers.py pagerank rmat12.bin
