#!/usr/bin/env python3
"""Exact reference values for ill-conditioned linear least squares (issue 17), computed once.

Run: /usr/bin/python3 make_ill_conditioned.py > ill-conditioned.json

Every design and response is exact in double (integers, or dyadic numbers x + k*2^-30), so the least-squares problem the
C# code sees is exactly the one solved here. The reference is the exact rational solution
    beta* = (X^T X)^-1 X^T y,  S = ||y - X beta*||^2,  se_j = sqrt(S/(N - p) * [(X^T X)^-1]_jj)
with fractions.Fraction (Gauss-Jordan on the exact normal equations), printed with 30 significant digits (the square root
of the standard errors by the decimal module at 50 digits). X includes the column of ones (the C# test fits with an
intercept); "x" holds the predictor columns without it.

For comparison the script stores numpy's answer: numpy.linalg.lstsq (LAPACK dgelsd, SVD) for beta and the usual
s^2 * pinv(X) pinv(X)^T (statsmodels' OLS covariance) for the standard errors, and the number of correct significant
digits -log10(max relative error) of each. Condition numbers: kappa_2(X) and kappa_2 of X with unit-norm columns (the one
Householder QR's columnwise backward error responds to), from 40-digit singular values (mpmath).
"""
import json
import random
from decimal import Decimal, getcontext
from fractions import Fraction

import mpmath
import numpy as np

getcontext().prec = 50
mpmath.mp.dps = 40


def solve_exact(rows, y):
    """beta*, (X^T X)^-1 and S for the exact rational problem."""
    p = len(rows[0])
    a = [[sum(Fraction(r[i]) * Fraction(r[j]) for r in rows) for j in range(p)] for i in range(p)]
    b = [sum(Fraction(r[i]) * Fraction(v) for r, v in zip(rows, y)) for i in range(p)]
    # Gauss-Jordan on [A | b | I]
    m = [a[i] + [b[i]] + [Fraction(int(i == j)) for j in range(p)] for i in range(p)]
    for c in range(p):
        piv = next(i for i in range(c, p) if m[i][c] != 0)
        m[c], m[piv] = m[piv], m[c]
        inv = 1 / m[c][c]
        m[c] = [v * inv for v in m[c]]
        for i in range(p):
            if i != c and m[i][c] != 0:
                f = m[i][c]
                m[i] = [vi - f * vc for vi, vc in zip(m[i], m[c])]
    beta = [m[i][p] for i in range(p)]
    inverse = [m[i][p + 1:] for i in range(p)]
    s = sum((Fraction(v) - sum(Fraction(r[j]) * beta[j] for j in range(p))) ** 2 for r, v in zip(rows, y))
    return beta, inverse, s


def decimal_string(q):
    return format(Decimal(q.numerator) / Decimal(q.denominator), ".30e")


def digits(approx, exact):
    worst = max(abs(float((Fraction(a) - e) / e)) for a, e in zip(approx, exact))
    return 17.0 if worst == 0 else float(-np.log10(worst))


def condition(rows, scaled):
    a = mpmath.matrix([[mpmath.mpf(float(v)) for v in r] for r in rows])
    if scaled:
        for j in range(a.cols):
            norm = mpmath.sqrt(sum(a[i, j] ** 2 for i in range(a.rows)))
            for i in range(a.rows):
                a[i, j] /= norm
    s = mpmath.svd_r(a, compute_uv=False)
    return float(max(s) / min(s))


def case(name, x, y, description):
    rows = [[1] + list(r) for r in x]
    n, p = len(rows), len(rows[0])
    beta, inverse, s = solve_exact(rows, y)
    sigma2 = s / (n - p)
    se = [(Decimal((sigma2 * inverse[j][j]).numerator) / Decimal((sigma2 * inverse[j][j]).denominator)).sqrt() for j in range(p)]
    xf = np.array(rows, dtype=float)
    yf = np.array(y, dtype=float)
    beta_np = np.linalg.lstsq(xf, yf, rcond=None)[0]
    rss_np = float(((yf - xf @ beta_np) ** 2).sum())
    pinv = np.linalg.pinv(xf)
    se_np = np.sqrt(rss_np / (n - p) * np.diag(pinv @ pinv.T))
    se_exact = [Fraction(str(v)) for v in se]
    return {
        "name": name,
        "description": description,
        "x": [[float(v) for v in r] for r in x],
        "y": [float(v) for v in y],
        "condition": condition(rows, False),
        "condition_scaled": condition(rows, True),
        "coefficients": [decimal_string(b) for b in beta],
        "standard_errors": [format(v, ".30e") for v in se],
        "rss": decimal_string(s),
        "numpy_coefficients": [float(v) for v in beta_np],
        "numpy_standard_errors": [float(v) for v in se_np],
        "numpy_coefficient_digits": digits(beta_np, beta),
        "numpy_standard_error_digits": digits(se_np, se_exact),
    }


def polynomial(name, degree, n, seed):
    rng = random.Random(seed)
    coefficients = [rng.randint(-9, 9) or 1 for _ in range(degree + 1)]
    xs = list(range(1, n + 1))
    y = [sum(c * x ** k for k, c in enumerate(coefficients)) + rng.randint(-1000, 1000) for x in xs]
    assert max(abs(v) for v in y) < 2 ** 53 and xs[-1] ** degree < 2 ** 53
    return case(name, [[x ** k for k in range(1, degree + 1)] for x in xs], y,
                f"raw powers x..x^{degree} of x = 1..{n}, y = integer polynomial {coefficients} plus integer noise in [-1000, 1000] (seed {seed})")


def collinear(name, n, seed):
    rng = random.Random(seed)
    xs = list(range(1, n + 1))
    ks = [rng.randint(-8, 8) for _ in xs]
    twin = [Fraction(x) + Fraction(k, 2 ** 30) for x, k in zip(xs, ks)]
    y = [3 + 2 * x - 5 * k + rng.randint(-20, 20) for x, k in zip(xs, ks)]
    for t in twin:
        assert Fraction(float(t)) == t
    return case(name, [[x, t] for x, t in zip(xs, twin)], y,
                f"nearly collinear columns x = 1..{n} and x + k*2^-30 with integer k in [-8, 8], integer y (seed {seed})")


print(json.dumps({"cases": [
    polynomial("poly5", 5, 20, 5),
    polynomial("poly7", 7, 20, 7),
    polynomial("poly9", 9, 20, 9),
    polynomial("poly10", 10, 20, 10),
    collinear("collinear", 30, 30),
]}, indent=1))
