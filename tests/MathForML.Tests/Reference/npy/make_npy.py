#!/usr/bin/env python3
"""Writes the .npy files that NpyFileTests reads: run /usr/bin/python3 make_npy.py in this folder."""
import numpy as np

m = np.array([[0, 1.5, -2], [3, 4, 5.25]])
np.save("f8.npy", m)
np.save("f4.npy", m.astype(np.float32))
ints = np.array([[1, -2, 3], [4, 5, -6]])
np.save("i4.npy", ints.astype(np.int32))
np.save("i8.npy", ints.astype(np.int64))
np.save("vector.npy", np.array([1.0, 2.0, 3.0]))
np.save("u1-3d.npy", np.arange(12, dtype=np.uint8).reshape(2, 2, 3))
