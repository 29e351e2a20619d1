#!/usr/bin/env python3
"""numpy peer of `MathForML.Benchmarks gflops`: n×n·n×n products by np.matmul(A, B, out=C), float32 then float64.

    OPENBLAS_CORETYPE=Cooperlake /usr/bin/python3 gemm_peer.py [--n 2048] [--rounds 15]

Uniform [0, 1) matrices; C preallocated, so no page faults are timed (numpy's `A @ B` would allocate 32 MB a call). One
warm-up, then the median and best of the rounds, as GFLOP/s = 2·n³ / t. On the Xeon, Debian's OpenBLAS needs
OPENBLAS_CORETYPE=Cooperlake for its AVX-512 kernels (peers.py drops the variable and gets the SSE3 ones: 31 GFLOP/s).
"""
import argparse, os, time
import numpy as np

ap = argparse.ArgumentParser()
ap.add_argument("--n", type=int, default=2048)
ap.add_argument("--rounds", type=int, default=15)
args = ap.parse_args()
n = args.n

try:
    from threadpoolctl import threadpool_info
    kernel = ", ".join(f"{i.get('internal_api')} {i.get('architecture')}" for i in threadpool_info() if i.get("user_api") == "blas")
except ImportError:
    kernel = "BLAS kernel unknown (no threadpoolctl)"
print(f"# numpy {np.__version__} ({kernel}), {os.cpu_count()} cores, n = {n}, {args.rounds} rounds")

for dtype in (np.float32, np.float64):
    rng = np.random.default_rng(0)
    a = rng.random((n, n)).astype(dtype)
    b = rng.random((n, n)).astype(dtype)
    c = np.empty((n, n), dtype)
    np.matmul(a, b, out=c)
    times = []
    for _ in range(args.rounds):
        start = time.perf_counter()
        np.matmul(a, b, out=c)
        times.append(time.perf_counter() - start)
    times.sort()
    print(f"numpy {np.dtype(dtype).name} n={n} median {2 * n ** 3 / times[len(times) // 2] / 1e9:.1f} GFLOP/s, "
          f"best {2 * n ** 3 / times[0] / 1e9:.1f}")
