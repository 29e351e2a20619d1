"""Reference values for SymmetricEigenTests, PowerIterationTests and SvdTests (numpy.linalg.eigh / svd, LAPACK).

Run once from this folder: /usr/bin/python3 make_reference.py. numpy 1.24 (OpenBLAS) made the stored files.

File format (read by EigenReferenceData in SymmetricEigenTests.cs): '#' lines are comments; a section is a header line
'NAME ROWS COLUMNS' followed by ROWS lines of COLUMNS numbers separated by spaces (17 significant digits).

Matrices too big to store are given by a rule both sides compute exactly: the 64-bit linear congruential generator
    state <- state * 6364136223846793005 + 1442695040888963407 (mod 2^64),  value = (state >> 11) * 2^-53 - 0.5,
filled row-major after seeding state = seed.
  lcg100: B = lcg(100, 100, seed=100), A = (B + B^T) / 2
  cov784: X = lcg(2000, 784, seed=784), A = Xc^T Xc / 1999 with Xc = X - column means (the covariance of X)
"""
import numpy as np

A_MUL, C_ADD, MASK = 6364136223846793005, 1442695040888963407, (1 << 64) - 1


def lcg(rows, cols, seed):
    state = seed
    out = np.empty(rows * cols)
    for t in range(rows * cols):
        state = (state * A_MUL + C_ADD) & MASK
        out[t] = (state >> 11) * 2.0 ** -53 - 0.5
    return out.reshape(rows, cols)


def write(path, sections, comment):
    with open(path, "w") as f:
        f.write(f"# {comment}\n")
        for name, m in sections:
            m = np.atleast_2d(m)
            f.write(f"{name} {m.shape[0]} {m.shape[1]}\n")
            for row in m:
                f.write(" ".join(f"{x:.17g}" for x in row) + "\n")


def eig_desc(a):
    w, v = np.linalg.eigh(a)
    return w[::-1], v[:, ::-1]


rng = np.random.default_rng(20240601)
for n in (5, 20):
    b = rng.standard_normal((n, n))
    a = (b + b.T) / 2
    w, v = eig_desc(a)
    write(f"sym{n}.txt", [("matrix", a), ("eigenvalues", w)], f"random symmetric {n}x{n} (numpy seed 20240601), eigh")

b = lcg(100, 100, 100)
write("lcg100.txt", [("eigenvalues", eig_desc((b + b.T) / 2)[0])], "lcg100 rule (see make_reference.py), eigh")

x = lcg(2000, 784, 784)
xc = x - x.mean(axis=0)
write("cov784.txt", [("eigenvalues", eig_desc(xc.T @ xc / 1999)[0])], "cov784 rule (see make_reference.py), eigh")

rng = np.random.default_rng(7)
cases = {
    "square": rng.standard_normal((6, 6)),
    "tall": rng.standard_normal((30, 8)),
    "wide": rng.standard_normal((8, 30)),
    "rankdeficient": rng.standard_normal((12, 4)) @ rng.standard_normal((4, 10)),
    "graded": rng.standard_normal((7, 7)) @ np.diag(10.0 ** -np.arange(0, 14, 2)),
}
for name, a in cases.items():
    s = np.linalg.svd(a, compute_uv=False)
    write(f"svd_{name}.txt", [("matrix", a), ("singular_values", s), ("rank", np.array([np.linalg.matrix_rank(a)]))],
          f"svd {name} {a.shape[0]}x{a.shape[1]} (numpy seed 7), numpy.linalg.svd and matrix_rank")
