#!/usr/bin/env python3
"""The `mml pca --data X.npy --components K --solver covariance` job as a numpy user writes it, for `bench jobs`.

    /usr/bin/python3 pca_job.py X.npy K

Loads X (N×D), centres it, forms the covariance XᵀX/(N−1), takes all eigenpairs (numpy.linalg.eigh: LAPACK dsyevd)
and keeps the K largest: the same work as the covariance solver. Prints one JSON line.
"""
import json, sys
import numpy as np

x = np.load(sys.argv[1]).astype(np.float64, copy=False)
k = int(sys.argv[2])
xc = x - x.mean(axis=0)
cov = xc.T @ xc / (x.shape[0] - 1)
w, v = np.linalg.eigh(cov)
w, v = w[::-1][:k], v[:, ::-1][:, :k]
print(json.dumps(dict(job="pca", n=x.shape[0], d=x.shape[1], k=k, explained=float(w.sum() / np.trace(cov)))))
