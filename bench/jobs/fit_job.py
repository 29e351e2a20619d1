#!/usr/bin/env python3
"""The `mml fit --data Thurber.dat` job as a scipy user writes it, for `bench jobs`.

    /usr/bin/python3 fit_job.py Thurber.dat

Reads the NIST StRD Thurber data (the rows after the "Data:   y   x" line) and fits its rational model
y = (b1 + b2 x + b3 x² + b4 x³) / (1 + b5 x + b6 x² + b7 x³) from NIST's start 1 by scipy.optimize.least_squares
(method 'lm', MINPACK), as `mml fit` does by Levenberg-Marquardt. Prints one JSON line.
"""
import json, sys
import numpy as np
from scipy.optimize import least_squares

rows, data = [], False
with open(sys.argv[1]) as f:
    for line in f:
        if line.split()[:2] == ["Data:", "y"]:
            data = True
            continue
        if data and line.strip():
            rows.append([float(v) for v in line.split()])
y, x = np.array(rows).T
start = np.array([1000, 1000, 400, 40, 0.7, 0.3, 0.03])


def residuals(b):
    return (b[0] + b[1] * x + b[2] * x**2 + b[3] * x**3) / (1 + b[4] * x + b[5] * x**2 + b[6] * x**3) - y


r = least_squares(residuals, start, method="lm", xtol=1e-15, ftol=1e-15, gtol=1e-15)
print(json.dumps(dict(job="fit", problem="Thurber", rss=float((r.fun**2).sum()), b1=float(r.x[0]), evaluations=int(r.nfev))))
