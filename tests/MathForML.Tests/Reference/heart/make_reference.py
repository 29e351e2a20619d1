#!/usr/bin/env python3
"""The course's training_data() for the backpropagation assignment, for CurveDataTests.

Run once in this folder with Debian's numpy (/usr/bin/python3 make_reference.py; made with numpy 1.24.2); the files
are committed. training_data is the Multivariate Calculus course's (week 5, "Backpropagation"): the heart curve at
x = 0, 0.01, ..., 0.99, scaled into [0, 1]. Writes x.npy (float64 [100]) and y.npy (float64 [2, 100]).
"""
import numpy as np


def training_data():
    x = np.arange(0, 1, 0.01)
    y = (np.array([16 * np.sin(2 * np.pi * x) ** 3,
                   13 * np.cos(2 * np.pi * x) - 5 * np.cos(4 * np.pi * x) - 2 * np.cos(6 * np.pi * x) - np.cos(8 * np.pi * x)])
         / 20 + 1) / 2
    return x, y


x, y = training_data()
assert list(y[:, 0]) == [0.5, 0.625] and np.allclose(y[:, 25], [0.9, 0.6], rtol=0, atol=1e-15), (y[:, 0], y[:, 25])
np.save("x.npy", x)
np.save("y.npy", y)
