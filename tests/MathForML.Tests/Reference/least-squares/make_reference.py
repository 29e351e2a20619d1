#!/usr/bin/env python3
"""Reference values for LinearLeastSquares, computed once with numpy.

Run: /usr/bin/python3 make_reference.py > reference.json
Data: 40 observations of two predictors with deterministic "noise" (no random generator, so the file is reproducible).
Coefficients from numpy.linalg.lstsq on [1, x1, x2]; covariance s^2 (X^T X)^-1 with s^2 = RSS/(n - p).
"""
import json

import numpy as np

n = 40
i = np.arange(n, dtype=float)
x1 = i / 4.0
x2 = np.cos(i / 3.0) * 5.0
noise = 0.3 * np.sin(i * 1.7) + 0.1 * np.cos(i * 0.37)
y = 1.5 + 2.25 * x1 - 0.8 * x2 + noise
X = np.column_stack([np.ones(n), x1, x2])
beta, rss, rank, sv = np.linalg.lstsq(X, y, rcond=None)
rss = float(((y - X @ beta) ** 2).sum())
s2 = rss / (n - X.shape[1])
cov = s2 * np.linalg.inv(X.T @ X)
r2 = 1 - rss / float(((y - y.mean()) ** 2).sum())
print(json.dumps({
    "x": np.column_stack([x1, x2]).tolist(),
    "y": y.tolist(),
    "coefficients": beta.tolist(),
    "standard_errors": np.sqrt(np.diag(cov)).tolist(),
    "covariance": cov.tolist(),
    "rss": rss,
    "r_squared": r2,
}, indent=1))
