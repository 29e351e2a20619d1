#!/usr/bin/python3
"""MAT files written by scipy.io.savemat (SciPy 1.10), and what scipy.io.loadmat reads back, for MatFileTests.

Run once: /usr/bin/python3 make_reference.py   (writes *.mat and reference.json here)

- small-v5.mat: uncompressed; a 3x4 double matrix 'a', a 2x3 uint8 'b', an int16 column 'c', a 1x1 'd', a string
  's' and a cell 't' (skipped by the reader), and a 2x2x1 'e'.
- small-v7.mat: the same variables, zlib-compressed (do_compression=True).
- small-be.mat: 'a' hand-written big-endian ('MI' mark), to test the byte order.
- faces-like.mat: a smooth 4096x400 uint8 'faces' plus 'p', 'u', 'v' like the Olivetti file (compressed), and the
  scikit-learn fetch_olivetti_faces transformation of it (float32 scaling, transposed images): rows 0, 1, 399 and
  the column sums of the 400x4096 data.
"""
import hashlib, json, struct
import numpy as np
from scipy.io import savemat, loadmat

rng = np.random.RandomState(7)
a = rng.randn(3, 4)
b = rng.randint(0, 256, size=(2, 3)).astype(np.uint8)
c = np.array([[-3], [7], [300]], dtype=np.int16)
e = np.arange(4.0).reshape(2, 2, 1)
vars_ = {"a": a, "b": b, "c": c, "d": np.array([[2.5]]), "s": "hello", "t": np.array([[1, "x"]], dtype=object), "e": e}
savemat("small-v5.mat", vars_, do_compression=False)
savemat("small-v7.mat", vars_, do_compression=True)

# Big-endian: header with 'MI', one miMATRIX of class double, all fields big-endian.
def be_matrix(name, m):
    rows, cols = m.shape
    def sub(t, payload):
        pad = (-len(payload)) % 8
        return struct.pack(">II", t, len(payload)) + payload + b"\0" * pad
    body = sub(6, struct.pack(">II", 6, 0))                       # array flags: mxDOUBLE_CLASS
    body += sub(5, struct.pack(">ii", rows, cols))                # dimensions
    body += sub(1, name.encode())                                 # name
    body += sub(9, m.T.astype(">f8").tobytes())                   # real part, column-major
    return struct.pack(">II", 14, len(body)) + body
header = b"MATLAB 5.0 MAT-file, big-endian test".ljust(116, b" ") + b"\0" * 8 + struct.pack(">H", 0x0100) + b"MI"
with open("small-be.mat", "wb") as f:
    f.write(header + be_matrix("a", a))

# A smooth stand-in for the Olivetti file: faces 4096x400 uint8, column j an image stored column-major.
i = np.arange(4096)[:, None]
j = np.arange(400)[None, :]
faces = ((np.sin(i / 97.0 + j / 13.0) + 1) * 100 + (j % 7) * 5 + 3).astype(np.uint8)
savemat("faces-like.mat", {"faces": faces, "p": np.full((1, 40), 0.25), "u": np.zeros((4096, 40)), "v": np.ones((4096, 40))},
        do_compression=True)

# scikit-learn's fetch_olivetti_faces steps on what loadmat reads (sklearn/datasets/_olivetti_faces.py, 1.2).
m = loadmat("faces-like.mat")["faces"].T.copy()
m = np.float32(m)
m = m - m.min()
m /= m.max()
data = m.reshape((400, 64, 64)).transpose(0, 2, 1).reshape(400, -1)

small = loadmat("small-v5.mat")
ref = {
    "a": small["a"].tolist(), "b": small["b"].astype(float).tolist(), "c": small["c"].astype(float).tolist(),
    "d": small["d"].tolist(),
    "faces_sha256": hashlib.sha256(open("faces-like.mat", "rb").read()).hexdigest(),
    "faces_rows": {str(r): data[r].astype(float).tolist() for r in (0, 1, 399)},
    "faces_column_sums": data.astype(np.float64).sum(axis=0).tolist(),
}
json.dump(ref, open("reference.json", "w"))
print({k: v.shape for k, v in small.items() if hasattr(v, "shape")}, data.shape, ref["faces_sha256"])
