"""np.linalg.eig on seeded matrices, for MathForML's NumPyEig (LAPACK dgeev's steps, signs included).

Made once with /usr/bin/python3: numpy 1.24.2 on Debian 12's OpenBLAS 0.3.21 (LAPACK 3.10 routines: dgebal, dgehd2,
dorghr, dlahqr below order 75, dtrevc3, dgebak). Every matrix is drawn from np.random.RandomState(seed), which
MathForML's NumPyRandom reproduces bit for bit, so only the seeds and the recipe are stored, not the matrices:

- "symmetric": G = standard_normal((n, n)), A = (G + G.T) / 2.
- "covariance": X = standard_normal((2n, n)) * (1 + arange(n)) (column j scaled by j + 1), centred,
  A = X_bar.T @ X_bar / (2n) as np.cov(X_bar, rowvar=False, bias=True) (the course's S).
- "real-spectrum": a non-symmetric matrix with real eigenvalues, A = V @ diag(1 + arange(n)) @ inv(V) with
  V = standard_normal((n, n)) + n * I.
- "isolated": the covariance recipe, then row and column 0 and n-1 zeroed except their diagonal, which are set
  to 0.5 and 2 (balancing permutes them: LAPACK's ilo/ihi).
- "graded": the real-spectrum recipe with A[i, j] scaled by 2**(i - j) (balancing scales it back).

Above order 11 LAPACK's path is not reproducible from outside: the Hessenberg matrix MathForML computes differs from
OpenBLAS's by rounding (its BLAS kernels sum in another order), and dlahqr's deflation tests and the order in which
2x2 blocks split turn such differences into another eigenvalue order and other signs (checked by calling
liblapack's own dhseqr on both Hessenberg matrices: numpy's order from OpenBLAS's, MathForML's from MathForML's).
The orders 16 and 32 are stored for the sign-free checks.

The sign is a function of the matrix's last bits, not of the mathematics: for the 9x9 covariance case numpy's own eig
returns another sign or order in 138 of 200 runs on the matrix with its entries changed by at most one unit in the
last place. So each case up to order 11 stores numpy's matrix itself ("matrix", written with repr: it reads back to the
same doubles), and MathForML is given exactly that matrix.

For each case: the eigenvalues in LAPACK's order, and for each eigenvector column its sum and the index and value of
its largest-magnitude entry (the sign is what is being checked); the full vectors for n <= 6.
"""
import json
import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
ORDERS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 16, 32]


def make(recipe, n, seed):
    r = np.random.RandomState(seed)
    if recipe == "symmetric":
        g = r.standard_normal((n, n))
        return (g + g.T) / 2
    if recipe in ("covariance", "isolated"):
        x = r.standard_normal((2 * n, n)) * (1 + np.arange(n))
        xbar = x - x.mean(axis=0)
        a = np.cov(xbar, rowvar=False, bias=True).reshape(n, n)
        if recipe == "isolated" and n >= 3:
            a[0, :] = 0
            a[:, 0] = 0
            a[n - 1, :] = 0
            a[:, n - 1] = 0
            a[0, 0] = 0.5
            a[n - 1, n - 1] = 2
        return a
    v = r.standard_normal((n, n)) + n * np.eye(n)
    a = v @ np.diag(1.0 + np.arange(n)) @ np.linalg.inv(v)
    if recipe == "graded":
        i = np.arange(n)
        a = a * 2.0 ** (i[:, None] - i[None, :])
    return a


def main():
    cases = []
    for recipe in ["symmetric", "covariance", "real-spectrum", "isolated", "graded"]:
        for n in ORDERS:
            seed = 1000 * len(recipe) + n
            a = make(recipe, n, seed)
            w, v = np.linalg.eig(a)
            if np.iscomplexobj(w):
                raise SystemExit(f"{recipe} {n}: complex eigenvalues")
            big = np.argmax(np.abs(v), axis=0)
            case = {
                "recipe": recipe, "n": n, "seed": seed,
                "values": w.tolist(),
                "column_sums": v.sum(axis=0).tolist(),
                "largest_index": big.tolist(),
                "largest_value": v[big, np.arange(n)].tolist(),
            }
            if n <= 11:
                case["matrix"] = a.tolist()
            if n <= 6:
                case["vectors"] = v.tolist()
            cases.append(case)
    with open(os.path.join(HERE, "reference.json"), "w") as f:
        json.dump({"numpy": np.__version__, "cases": cases}, f, indent=1)


if __name__ == "__main__":
    main()
