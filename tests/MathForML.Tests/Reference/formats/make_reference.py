#!/usr/bin/env python3
"""Reference files for the format tests (NpyFileTests, NpzFileTests, TextMatrixFileTests).

Run once in this folder with numpy and pandas (/usr/bin/python3 make_reference.py); the files it writes are committed,
so the tests need neither. Writes:
  c-order.npy        float64 3x4, C order
  fortran.npy        the same matrix in Fortran order (np.asfortranarray)
  fortran-i4.npy     int32 2x3 in Fortran order
  fortran-u1-3d.npy  uint8 2x3x4 in Fortran order
  stored.npz         np.savez: members 'a' (the 3x4 matrix) and 'b' (int64 2x3)
  deflated.npz       np.savez_compressed: the same members
  single.npz         np.savez_compressed with one member 'x' (the 3x4 matrix)
  pandas.csv         DataFrame.to_csv: an index column, a header, one missing value (NaN, written as an empty cell)
  pandas-quoted.csv  the same frame with index labels holding a comma and a quote, every cell quoted (csv.QUOTE_ALL)
  expected.txt       the values, one array a line: name, rows, columns, then each float64's bits in hex (C order)
"""
import csv

import numpy as np
import pandas as pd

rng = np.random.default_rng(15)
m = rng.standard_normal((3, 4)) * 10.0 ** rng.integers(-5, 5, (3, 4))
ints = np.array([[1, -2, 3], [40000, 5, -6]])
cube = np.arange(24, dtype=np.uint8).reshape(2, 3, 4) * 10

np.save("c-order.npy", m)
np.save("fortran.npy", np.asfortranarray(m))
np.save("fortran-i4.npy", np.asfortranarray(ints.astype(np.int32)))
np.save("fortran-u1-3d.npy", np.asfortranarray(cube))
np.savez("stored.npz", a=m, b=ints.astype(np.int64))
np.savez_compressed("deflated.npz", a=m, b=ints.astype(np.int64))
np.savez_compressed("single.npz", x=m)

frame = pd.DataFrame(rng.standard_normal((4, 3)), columns=["height", "weight", "age"],
                     index=pd.Index(["ann", "bob", "cy", "dee"], name="name"))
frame.iloc[2, 1] = np.nan
frame.to_csv("pandas.csv")
quoted = frame.rename(index={"ann": "smith, ann", "bob": 'bob "the builder"'})
quoted.to_csv("pandas-quoted.csv", quoting=csv.QUOTE_ALL)


def line(name, a):
    a = np.asarray(a, dtype=np.float64).reshape(a.shape[0], -1)
    bits = " ".join(f"{b:016x}" for b in a.ravel().view(np.uint64))
    return f"{name} {a.shape[0]} {a.shape[1]} {bits}\n"


with open("expected.txt", "w") as f:
    f.write(line("matrix", m))
    f.write(line("ints", ints))
    f.write(line("cube", cube))
    f.write(line("pandas", frame.to_numpy()))
    f.write(line("pandas-dropped", frame.dropna().to_numpy()))
