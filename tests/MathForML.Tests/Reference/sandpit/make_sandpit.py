#!/usr/bin/python3
"""Reference values of the course's gradient-descent sandpit (Multivariate Calculus, week 5) for SandpitTests.

Run once in this folder with Debian's numpy and scipy (numpy 1.24.2 and SciPy 1.10.1 made the stored file):
    /usr/bin/python3 make_sandpit.py
It writes sandpit.json; the tests need no Python.

The landscapes are the course's (sandpit_intro, sandpit_multiple_minima, sandpit_random = the graded
sandpit_gradient's, sandpit_rocks, sandpit_well), written here as the course writes them: each draws from NumPy's
global legacy RandomState right after np.random.seed(seed), in the course's order. For each landscape and seed:
  values       f(x, y) on the points POINTS (each written with repr, so it reads back to the same double)
  minimum, maximum   the global extrema on [0, 6]^2 as the course finds them, by scipy's differential_evolution
               (polish=True: L-BFGS-B from DE's best member) with seeds 0..4, and, since DE can miss an extremum on
               the edge (it does for the maximum of multiple_minima seed 0: 1.12208 instead of 1.12767), L-BFGS-B from
               each point of a 13x13 grid; the best, polished once more by L-BFGS-B with ftol = gtol = 1e-15 inside
               the bounds so that the position is good to ~1e-8 (DE's own polish stops at gtol 1e-5, ~1e-5 in
               position); "value" is f there, "differential_evolution" the best value DE alone found.
  depth, jacobian, hessian   the course's rescaled depth f^ = 8 (f - f1)/(f1 - f0) - 1 and its finite differences
               (h = 0.01: df = [f^(x+h,y) - f^(x-h,y), f^(x,y+h) - f^(x,y-h)]/0.02, d2f of df the same way), exactly
               as the course's Sandpit.__init__, at the points POINTS.
For the random landscape, "paths": the course's onclick loop in game mode 2 (steepest descent) with the graded
next_step = -0.5 J from the clicks CLICKS: the phone check (|x0 - click| <= 0.15), the local-minimum check (scipy's
minimize, BFGS, from the point; stuck when it ends within 0.15), then up to 5 steps, each followed by the same checks,
stopping when a step leaves the square. Stored: every point, the local minimum scipy found at each check, and why it
stopped ("phone", "local_minimum", "left", "five_steps"). (SciPy's BFGS can run far outside the square, where the
rim term falls without bound; such a search is not stuck.)
"""
import json
import warnings

import numpy as np
from scipy.optimize import differential_evolution, minimize

SEEDS = [0, 1, 42]
GRID = [0.0, 0.37, 1.0, 1.9, 2.5, 3.0, 3.81, 4.6, 5.25, 6.0]
POINTS = [[x, y] for x in GRID for y in GRID]
CLICKS = [[1.0, 1.0], [5.0, 5.0], [3.0, 1.5], [0.5, 4.5], [4.2, 2.8], [2.2, 5.1], [5.6, 0.4], [1.7, 3.3]]
OUTER = np.outer(np.arange(4) + 1., np.arange(4) + 1.)**-2


def intro():
    return lambda x, y: -((x-4.1)**2 + (y-0.9)**2) - 30*np.exp(-((x-1.5)**2 + (y-3.7)**2)/(2*1.4))


def multiple_minima():
    θ = 2 * np.pi * np.random.random()
    u0 = np.random.choice((1, 3))
    v0 = np.random.choice((1, 3))
    u1 = (np.random.random() - 0.5)*2/3
    v1 = (np.random.random() - 0.5)*2/3
    u = lambda x, y: (x - 3)*np.cos(θ) + (y - 3)*np.sin(θ) + 2 + u1
    v = lambda x, y: -(x - 3)*np.sin(θ) + (y - 3)*np.cos(θ) + 3 + v1
    plus = [(0, 0), (2, 0), (4, 0), (0, 2), (2, 2), (4, 2), (0, 4), (2, 4), (4, 4), (0, 6), (2, 6)]
    minus = [(1, 1), (3, 1), (1, 3), (3, 3), (1, 5), (3, 5), (u0, v0)]

    def f(x, y):
        total = 0.0
        for a, b in plus:
            total = total + np.sinc(u(x, y) - a) * np.sinc(v(x, y) - b)
        for a, b in minus:
            total = total + -np.sinc(u(x, y) - a) * np.sinc(v(x, y) - b)
        return total
    return f


def cosine_series(with_rocks=False, with_well=False):
    a = np.random.rand(4, 4) * OUTER
    φx = 2 * np.pi * np.random.rand(4, 4)
    φy = 2 * np.pi * np.random.rand(4, 4)
    if with_rocks:
        b = np.random.rand(4, 4) * OUTER
        θx = 2 * np.pi * np.random.rand(4, 4)
        θy = 2 * np.pi * np.random.rand(4, 4)
    if with_well:
        x0 = 6 * np.random.rand()
        y0 = 6 * np.random.rand()
    fn = lambda n, m, x, y: a[n, m] * np.cos(np.pi*n*x/6 + φx[n, m]) * np.cos(np.pi*m*y/6 + φy[n, m])

    def f(x, y):
        total = 0.0
        for n in range(4):
            for m in range(4):
                total = total + fn(n, m, x, y)
        total = total + (1 - (x*(x - 6)*y*(y - 6))/(81))**7 / 9
        if with_rocks:
            for n in range(4):
                for m in range(4):
                    total = total + b[n, m]/25 * np.cos(10*np.pi*n*x/6 + θx[n, m]) * np.cos(10*np.pi*m*y/6 + θy[n, m])
        if with_well:
            total = total - 0.6*np.exp(-((x-x0)**2+(y-y0)**2)/(2*0.2**2))
        return total
    return f


LANDSCAPES = {
    "intro": intro,
    "multiple_minima": multiple_minima,
    "random": lambda: cosine_series(),
    "rocks": lambda: cosine_series(with_rocks=True),
    "well": lambda: cosine_series(with_well=True),
}


def extremum(g):
    """argmin of g on [0, 6]^2: the best of five seeded differential_evolution runs and of L-BFGS-B started from each
    point of a 13x13 grid (DE alone misses the highest sinc bump, on the edge, of multiple_minima seed 0), polished
    tightly. Returns the point and DE's own best value (for the record)."""
    bounds = ((0, 6), (0, 6))
    tight = {"ftol": 1e-15, "gtol": 1e-15, "maxiter": 1000}
    best_x, best_f, de_f = None, np.inf, np.inf
    for s in range(5):
        r = differential_evolution(lambda xs: g(xs[0], xs[1]), bounds, seed=s, tol=1e-12, polish=True)
        de_f = min(de_f, r.fun)
        if r.fun < best_f:
            best_x, best_f = r.x, r.fun
    for x in np.linspace(0, 6, 13):
        for y in np.linspace(0, 6, 13):
            r = minimize(lambda xs: g(xs[0], xs[1]), [x, y], method="L-BFGS-B", bounds=bounds, options=tight)
            if r.fun < best_f:
                best_x, best_f = r.x, r.fun
    p = minimize(lambda xs: g(xs[0], xs[1]), best_x, method="L-BFGS-B", bounds=bounds, options=tight)
    return (p.x if p.fun <= best_f else best_x), de_f


def course_loop(f, df, d2f, x0, click):
    """The course's onclick in game mode 2 with next_step = -0.5 J."""
    x, y = click
    points, local_minima = [[x, y]], []
    if np.linalg.norm(x0 - [x, y]) <= 0.15:
        return points, local_minima, "phone"
    lx = minimize(lambda xs: f(xs[0], xs[1]), np.array([x, y])).x
    local_minima.append([float(lx[0]), float(lx[1])])
    if np.linalg.norm(lx - [x, y]) <= 0.15:
        return points, local_minima, "local_minimum"
    i = 5
    while i > 0:
        i = i - 1
        dx = -0.5 * df(x, y)
        x += dx[0]
        y += dx[1]
        points.append([float(x), float(y)])
        if x < 0 or x > 6 or y < 0 or y > 6:
            return points, local_minima, "left"
        if np.linalg.norm(x0 - [x, y]) <= 0.15:
            return points, local_minima, "phone"
        lx = minimize(lambda xs: f(xs[0], xs[1]), np.array([x, y])).x
        local_minima.append([float(lx[0]), float(lx[1])])
        if np.linalg.norm(lx - [x, y]) <= 0.15:
            return points, local_minima, "local_minimum"
    return points, local_minima, "five_steps"


def r(v):
    return repr(float(v))


def main():
    # Far outside the square the rim term overflows while SciPy's searches wander there; those runs only end far away.
    warnings.simplefilter("ignore")
    np.seterr(all="ignore")
    cases = []
    for name, make in LANDSCAPES.items():
        for seed in ([0] if name == "intro" else SEEDS):
            np.random.seed(seed)
            ff = make()
            x0, de_min = extremum(ff)
            x1, de_max = extremum(lambda x, y: -ff(x, y))
            de_max = -de_max
            f0, f1 = ff(x0[0], x0[1]), ff(x1[0], x1[1])
            f = lambda x, y: 8 * (ff(x, y) - f1) / (f1 - f0) - 1
            df = lambda x, y: np.array([f(x + 0.01, y) - f(x - 0.01, y), f(x, y + 0.01) - f(x, y - 0.01)]) / 0.02
            d2f = lambda x, y: np.array([
                [df(x + 0.01, y)[0] - df(x - 0.01, y)[0], df(x, y + 0.01)[0] - df(x, y - 0.01)[0]],
                [df(x + 0.01, y)[1] - df(x - 0.01, y)[1], df(x, y + 0.01)[1] - df(x, y - 0.01)[1]]]) / 0.02
            case = {
                "landscape": name, "seed": seed,
                "values": [r(ff(x, y)) for x, y in POINTS],
                "minimum": {"x": [r(x0[0]), r(x0[1])], "value": r(f0), "differential_evolution": r(de_min)},
                "maximum": {"x": [r(x1[0]), r(x1[1])], "value": r(f1), "differential_evolution": r(de_max)},
                "depth": [r(f(x, y)) for x, y in POINTS],
                "jacobian": [[r(v) for v in df(x, y)] for x, y in POINTS],
                "hessian": [[[r(v) for v in row] for row in d2f(x, y)] for x, y in POINTS],
            }
            if name == "random":
                case["paths"] = []
                for click in CLICKS:
                    points, local_minima, stop = course_loop(f, df, d2f, x0, click)
                    case["paths"].append({"click": click, "points": [[r(v) for v in p] for p in points],
                                          "local_minima": [[r(v) for v in p] for p in local_minima], "stop": stop})
            cases.append(case)
            print(name, seed, "min", x0, f0, "max", x1, f1)
    with open("sandpit.json", "w", encoding="utf-8") as out:
        json.dump({"points": POINTS, "cases": cases}, out, indent=1)
        out.write("\n")


if __name__ == "__main__":
    main()
