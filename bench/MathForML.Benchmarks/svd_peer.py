#!/usr/bin/env python3
"""scipy peer of `MathForML.Benchmarks svd`: scipy.linalg.svd (LAPACK gesdd, thin) and scipy.linalg.svdvals.

    /usr/bin/python3 svd_peer.py [--rounds 5] [--sizes 784x784,2000x1000,1000x2000,2000x2000]

The matrices are the C# side's: numpy.random.RandomState(m + n).standard_normal((m, n)). One warm-up, then the median
of the rounds, in seconds; one line a size and function.
"""
import argparse, os, sys, time
# The environment is kept as given: on the Xeon Debian's OpenBLAS needs OPENBLAS_CORETYPE=Cooperlake for its AVX-512
# kernels (without it, its SSE3 "Prescott" ones: svdvals 2000×1000 0.35 s against 0.25 s). Until 2026-12-06 night this
# script dropped the variable, as peers.py does for the Zen machine it was written on, so its Xeon figures before then
# are the slower kernel's. The header line names the kernel that ran.
import numpy as np
import scipy.linalg

ap = argparse.ArgumentParser()
ap.add_argument("--rounds", type=int, default=5)
ap.add_argument("--sizes", default="784x784,2000x1000,1000x2000,2000x2000")
args = ap.parse_args()


def median_time(f, rounds):
    f()
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        f()
        times.append(time.perf_counter() - start)
    times.sort()
    return times[len(times) // 2], times[0], times[-1]


try:
    from threadpoolctl import threadpool_info
    kernel = ", ".join(f"{i.get('internal_api')} {i.get('architecture')}" for i in threadpool_info() if i.get("user_api") == "blas")
except ImportError:
    kernel = "BLAS kernel unknown (no threadpoolctl)"
print(f"# scipy {scipy.__version__} numpy {np.__version__} ({kernel}), {os.cpu_count()} cores, {args.rounds} rounds, medians in seconds")
for size in args.sizes.split(","):
    m, n = (int(t) for t in size.split("x"))
    a = np.random.RandomState(m + n).standard_normal((m, n))
    for label, f in (("svdvals", lambda: scipy.linalg.svdvals(a)),
                     ("svd (gesdd)", lambda: scipy.linalg.svd(a, full_matrices=False, lapack_driver="gesdd"))):
        med, lo, hi = median_time(f, args.rounds)
        print(f"{m}x{n} scipy {label:<42} median {med:.4f} s  (min {lo:.4f}, max {hi:.4f})")
