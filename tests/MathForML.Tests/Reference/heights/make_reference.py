#!/usr/bin/env python3
"""The course's heights histogram and its steepest descent, for HeightDataTests.

Run once in this folder with Debian's numpy (/usr/bin/python3 make_reference.py; made with numpy 1.24.2); the files
are committed. The Multivariate Calculus course (week 6, "Fitting the distribution of height data") gives the data as
100 bins of 2.5 cm from 50 cm whose 16 non-zero bins, at centres 161.25 ... 198.75, hold the raw frequencies below,
normalised to unit area (y / sum(y) / 2.5), and fits a Gaussian by 50 steps of steepest descent on chi-squared from
(mu, sigma) = (155, 6) with aggression 2000 (its steepest_step, with the learner's dfdmu and dfdsig). Writes:
  x.npy      float64 [100]     the bin centres 51.25, 53.75, ..., 298.75
  y.npy      float64 [100]     the normalised frequencies
  path.npy   float64 [51, 2]   (mu, sigma) before the first step and after each of the 50
  chi2.npy   float64 [51]      chi-squared = sum((y - f(x; mu, sigma))**2) at each point of the path
The course's notebook ends at mu = 178.51982404192677, sigma = 7.549907722008972; this script asserts it does too.
"""
import numpy as np

RAW = [0.031, 0.013, 0.023, 0.064, 0.065, 0.126, 0.132, 0.127, 0.113, 0.091, 0.105, 0.050, 0.018, 0.018, 0.018, 0.001]


def heights_data():
    x = np.arange(51.25, 300, 2.5)
    y = np.zeros(100)
    first = int(np.where(x == 161.25)[0][0])
    y[first:first + len(RAW)] = RAW
    return x, y / np.sum(y) / 2.5


def f(x, mu, sig):
    return np.exp(-(x - mu) ** 2 / (2 * sig ** 2)) / np.sqrt(2 * np.pi) / sig


def dfdmu(x, mu, sig):
    return f(x, mu, sig) * (x - mu) / sig ** 2


def dfdsig(x, mu, sig):
    return f(x, mu, sig) * (-1 / sig + (x - mu) ** 2 / sig ** 3)


def steepest_step(x, y, mu, sig, aggression):
    J = np.array([
        -2 * (y - f(x, mu, sig)) @ dfdmu(x, mu, sig),
        -2 * (y - f(x, mu, sig)) @ dfdsig(x, mu, sig),
    ])
    return -J * aggression


x, y = heights_data()
mu, sig = 155, 6
p = np.array([[mu, sig]], dtype=np.float64)
for i in range(50):
    dmu, dsig = steepest_step(x, y, mu, sig, 2000)
    mu += dmu
    sig += dsig
    p = np.append(p, [[mu, sig]], axis=0)
assert (mu, sig) == (178.51982404192677, 7.549907722008972), (mu, sig)
chi2 = np.array([np.sum((y - f(x, m, s)) ** 2) for m, s in p])
np.save("x.npy", x)
np.save("y.npy", y)
np.save("path.npy", p)
np.save("chi2.npy", chi2)
