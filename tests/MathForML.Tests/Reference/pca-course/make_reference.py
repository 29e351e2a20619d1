#!/usr/bin/python3
"""Reference values for the PCA course's weeks 1-4, computed the course's way with numpy, stored in reference.json
(and mnist-*.npy for the digits).

Run from this folder with Debian's python3-numpy/scipy (numpy 1.24.2, scipy 1.10.1 made the stored files):
    /usr/bin/python3 make_reference.py

Each function below is the course's own (Mathematics for Machine Learning: PCA, Imperial College / Coursera):
  week 1  mean_naive / cov_naive            mean and covariance, divide by N (np.cov(X.T, bias=True)); np.cov(X.T)
                                            (ddof 1, divide by N - 1) is stored too
  week 2  distance / angle                  dot-product geometry, and the inner product <x, y> = x^T A y
          most_similar_image                the nearest other row by Euclidean distance
  week 3  projection_matrix_1d / project_1d / projection_matrix_general / project_general
  week 4  normalize -> np.cov(bias=True) -> eig (np.linalg.eig, sorted descending) -> B = eigvecs[:, :K]
          -> P = B (B^T B)^-1 B^T -> reconstruction; PCA_high_dim (N < D) through M = X X^T / N.

Eigenvector signs: the course's eig is np.linalg.eig (LAPACK dgeev); np.linalg.eigh (dsyevd) is stored too. Neither
sign follows a rule (both are by-products of Householder reflections and QR / divide-and-conquer rotations, and the two
disagree: see "mvn" below), so the file stores each as numpy returned it and MathForML is compared with it up to the
sign of each column. Sign-free quantities (eigenvalues, projection matrices, reconstructions) are compared directly.
Every float is written by json (repr), so it reads back to the same double.
"""
import json
import os

import numpy as np
import scipy.stats

HERE = os.path.dirname(os.path.abspath(__file__))


# ---- week 1 -------------------------------------------------------------------------------------------------------
def mean_naive(X):
    N, D = X.shape
    mean = np.zeros((D,))
    for n in range(N):
        mean += X[n]
    return mean / N


def cov_naive(X):
    N, D = X.shape
    covariance = np.zeros((D, D))
    mu = mean_naive(X)
    for n in range(N):
        covariance += np.outer(X[n] - mu, X[n] - mu)
    return covariance / N


# ---- week 2 -------------------------------------------------------------------------------------------------------
def distance(x0, x1, A=None):
    d = x0 - x1
    return float(np.sqrt(d @ (A if A is not None else np.eye(len(d))) @ d))


def angle(x0, x1, A=None):
    A = A if A is not None else np.eye(len(x0))
    return float(np.arccos((x0 @ A @ x1) / (np.sqrt(x0 @ A @ x0) * np.sqrt(x1 @ A @ x1))))


def most_similar(X, i, k):
    d = np.sqrt(((X - X[i]) ** 2).sum(axis=1))
    d[i] = np.inf                                     # the row itself is trivially closest
    order = np.argsort(d, kind="stable")[:k]
    return [int(j) for j in order], [float(d[j]) for j in order]


# ---- week 3 -------------------------------------------------------------------------------------------------------
def projection_matrix_1d(b):
    return np.outer(b, b) / (b @ b)


def project_1d(x, b):
    return projection_matrix_1d(b) @ x


def projection_matrix_general(B):
    return B @ np.linalg.inv(B.T @ B) @ B.T


def project_general(x, B):
    return projection_matrix_general(B) @ x


# ---- week 4 -------------------------------------------------------------------------------------------------------
def normalize(X, scale):
    mu = np.mean(X, axis=0)
    std = np.std(X, axis=0)
    std_filled = std.copy()
    std_filled[std == 0] = 1.0
    return ((X - mu) / std_filled if scale else X - mu), mu, std_filled


def eig(S, routine=np.linalg.eig):
    eigvals, eigvecs = routine(S)
    order = np.argsort(eigvals)[::-1]
    return np.real(eigvals[order]), np.real(eigvecs[:, order])


def PCA(X, K, scale):
    Xbar, mu, std = normalize(X, scale)
    S = np.cov(Xbar, rowvar=False, bias=True)
    vals, vecs = eig(S)
    B = vecs[:, :K]
    P = projection_matrix_general(B)
    reconst = (P @ Xbar.T).T * (std if scale else 1.0) + mu
    return dict(mean=mu, std=std, eigenvalues=vals, basis=B, basis_eigh=eig(S, np.linalg.eigh)[1][:, :K],
                projection=P, reconstruction=reconst, mse=float(np.square((P @ Xbar.T).T - Xbar).sum(axis=1).mean()))


def PCA_high_dim(X, K, scale):
    Xbar, mu, std = normalize(X, scale)
    N, D = Xbar.shape
    M = Xbar @ Xbar.T / N
    vals, vecs = eig(M)
    U = Xbar.T @ vecs[:, :K]
    U = U / np.linalg.norm(U, axis=0)
    P = projection_matrix_general(U)
    reconst = (P @ Xbar.T).T * (std if scale else 1.0) + mu
    return dict(mean=mu, eigenvalues=vals, basis=U, projection=P, reconstruction=reconst)


def lists(d):
    return {k: (v.tolist() if isinstance(v, np.ndarray) else v) for k, v in d.items()}


def main():
    rng = np.random.RandomState(1)
    small = rng.randn(12, 5) @ np.array([[3, 0, 0, 0, 0], [1, 2, 0, 0, 0], [0.5, 0.3, 1.2, 0, 0],
                                         [0, 0.4, 0.2, 0.7, 0], [0.1, 0, 0, 0.2, 0.3]]) + np.array([5, -2, 0, 1, 10])
    small = np.round(small, 6)   # as the CSV the tests write holds it
    wide = np.round(rng.randn(6, 10) * np.arange(1, 11)[::-1] / 3 + 1, 6)

    mvn = scipy.stats.multivariate_normal(mean=np.ones(2), cov=np.array([[1, 0.8], [0.8, 1]]))
    X_mvn = mvn.rvs((10,), random_state=np.random.RandomState(0))   # the course's test data for PCA

    A = np.array([[3.0, 2.0], [2.0, 3.0]])                          # the course's test of eig
    eig_vals, eig_vecs = eig(A)

    ip = np.array([[2.0, 1.0], [1.0, 2.0]])
    a, b = np.array([1.0, 2.0, 3.0]), np.array([4.0, 5.0, 6.0])
    u, v = np.array([1.0, 1.0]), np.array([-1.0, 1.0])

    digits = np.load(os.path.join(HERE, "..", "mnist", "mnist500-x.npy")).astype(np.float64) / 255
    pca_digits = PCA(digits, 10, scale=False)
    np.save(os.path.join(HERE, "mnist-basis.npy"), pca_digits["basis"])
    np.save(os.path.join(HERE, "mnist-basis-eigh.npy"), pca_digits["basis_eigh"])
    np.save(os.path.join(HERE, "mnist-reconstruction20.npy"), pca_digits["reconstruction"][:20])
    high = PCA_high_dim(digits[:40], 10, scale=False)
    np.save(os.path.join(HERE, "mnist40-high-dim-reconstruction.npy"), high["reconstruction"])
    np.save(os.path.join(HERE, "mnist40-high-dim-basis.npy"), high["basis"])

    line_b, line_x = np.array([1.0, 2.0, 2.0]), np.array([3.0, 0.0, 0.0])
    plane, plane_x = np.array([[1.0, 0.0], [1.0, 1.0], [1.0, 2.0]]), np.array([6.0, 0.0, 0.0])
    points = small[:, :3]
    P_plane = projection_matrix_general(plane)
    proj_points = (P_plane @ points.T).T
    P_line = projection_matrix_1d(line_b)

    ref = {
        "small": small.tolist(),
        "wide": wide.tolist(),
        "week1": {"mean": mean_naive(small).tolist(), "cov": cov_naive(small).tolist(),
                  "cov_bias": np.cov(small.T, bias=True).tolist(), "cov_ddof1": np.cov(small.T).tolist()},
        "week2": {
            "a": a.tolist(), "b": b.tolist(), "distance": distance(a, b), "angle": angle(a, b),
            "u": u.tolist(), "v": v.tolist(), "inner": ip.tolist(),
            "distance_inner": distance(u, v, ip), "angle_inner": angle(u, v, ip),
            "most_similar": [{"row": i, "k": k, "indices": most_similar(digits, i, k)[0], "distances": most_similar(digits, i, k)[1]}
                             for i, k in [(0, 1), (0, 3), (123, 5), (499, 2)]],
            "most_similar_small": [{"row": i, "k": 3, "indices": most_similar(small, i, 3)[0], "distances": most_similar(small, i, 3)[1]}
                                   for i in range(3)],
        },
        "week3": {
            "line_b": line_b.tolist(), "line_x": line_x.tolist(), "line_matrix": P_line.tolist(), "line_projection": project_1d(line_x, line_b).tolist(),
            "plane": plane.tolist(), "plane_x": plane_x.tolist(), "plane_matrix": P_plane.tolist(),
            "plane_projection": project_general(plane_x, plane).tolist(),
            "points_projected": proj_points.tolist(),
            "points_mse": float(np.square(points - proj_points).sum(axis=1).mean()),
            "points_line_projected": (P_line @ points.T).T.tolist(),
        },
        "week4": {
            "eig_A": A.tolist(), "eig_A_values": eig_vals.tolist(), "eig_A_vectors": eig_vecs.tolist(),
            "mvn_x": X_mvn.tolist(), "mvn": lists(PCA(X_mvn, 1, scale=False)),
            "small_k2": lists(PCA(small, 2, scale=False)),
            "small_k2_normalized": lists(PCA(small, 2, scale=True)),
            "wide_k3_high_dim": lists(PCA_high_dim(wide, 3, scale=False)),
            "wide_k3": lists(PCA(wide, 3, scale=False)),
            "mnist_eigenvalues10": pca_digits["eigenvalues"][:10].tolist(),
            "mnist40_high_dim_eigenvalues10": high["eigenvalues"][:10].tolist(),
        },
    }
    with open(os.path.join(HERE, "reference.json"), "w", encoding="utf-8") as out:
        json.dump(ref, out, indent=1)
        out.write("\n")
    flips = np.sign((pca_digits["basis"] * pca_digits["basis_eigh"]).sum(axis=0))
    print("MNIST: eig and eigh columns agree in sign:", flips.astype(int).tolist())


if __name__ == "__main__":
    main()
