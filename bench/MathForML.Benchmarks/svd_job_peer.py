#!/usr/bin/env python3
"""The whole-job peer of `mml linalg svd A.npy [--values-only | --out-u U.npy --out-vt VT.npy]`: a cold process that
reads the matrix, computes scipy's svdvals or thin svd (gesdd) and, for the decomposition, writes U and Vᵀ as .npy.

    OPENBLAS_CORETYPE=Cooperlake /usr/bin/python3 svd_job_peer.py A.npy [--values-only] [--out-dir DIR]

Time it as the mml command is timed: the whole process, several times, interleaved with mml.
"""
import argparse, os
import numpy as np
import scipy.linalg

ap = argparse.ArgumentParser()
ap.add_argument("matrix")
ap.add_argument("--values-only", action="store_true")
ap.add_argument("--out-dir", default="/tmp")
args = ap.parse_args()
a = np.load(args.matrix)
if args.values_only:
    s = scipy.linalg.svdvals(a)
else:
    u, s, vt = scipy.linalg.svd(a, full_matrices=False)
    np.save(os.path.join(args.out_dir, "svd_peer_u.npy"), u)
    np.save(os.path.join(args.out_dir, "svd_peer_vt.npy"), vt)
print(s[:3])
