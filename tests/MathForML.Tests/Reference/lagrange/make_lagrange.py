#!/usr/bin/python3
"""Stores stationary points of L(x, lambda) = f(x) - lambda*g(x) found by scipy.optimize.root in lagrange.json.

Run from this folder with Debian's python3-scipy and python3-sympy (SciPy 1.10.1, SymPy 1.11.1 made the stored file):
    /usr/bin/python3 make_lagrange.py

The first case is the worked example of the course's Lagrange-multipliers practice (Mathematics for Machine Learning:
Multivariate Calculus, week 5, as recalled: the repository holds no copy): f(x, y) = exp(-(2x^2 + y^2 - xy)/2) on g(x, y) = x^2 + 3(y + 1)^2 - 1 = 0, grad L = 0
solved by scipy.optimize.root from (x, y, lambda) = (-1, -1, 0). The others are textbook cases. The gradient of L is
built by SymPy and solved by scipy.optimize.root (method 'hybr', xtol 1e-14) from the stored start; each value is
written with repr, with the largest |dL/dv| left at the point (SciPy may report that xtol 1e-14 was not
met when the root is already exact to rounding).
"""
import json
import sympy
from scipy import optimize
from sympy.parsing.sympy_parser import parse_expr, standard_transformations, convert_xor

CASES = [
    ("exp(-(2*x^2 + y^2 - x*y)/2)", "x^2 + 3*(y + 1)^2 - 1", [-1.0, -1.0, 0.0]),
    ("x + y", "x^2 + y^2 - 1", [0.5, 0.5, 1.0]),
    ("x + y", "x^2 + y^2 - 1", [-0.5, -0.5, -1.0]),
    ("x*y", "x + y - 10", [1.0, 2.0, 0.0]),
    ("x^2 + 2*y^2 + 3*z^2", "x + y + z - 1", [0.3, 0.3, 0.3, 0.5]),
    ("-exp(x - y^2 + x*y)", "cosh(y) + x - 2", [0.0, 0.0, 0.0]),
]


def main():
    out = []
    for f_text, g_text, start in CASES:
        names = sorted(set(sympy.Symbol(s) for s in ("x", "y", "z") if s in f_text + g_text), key=str)
        local = {str(s): s for s in names}
        f = parse_expr(f_text, local_dict=local, transformations=standard_transformations + (convert_xor,))
        g = parse_expr(g_text, local_dict=local, transformations=standard_transformations + (convert_xor,))
        lam = sympy.Symbol("lam")
        L = f - lam * g
        grad = [sympy.diff(L, v) for v in names + [lam]]
        fun = sympy.lambdify([names + [lam]], grad, "math")
        sol = optimize.root(fun, start, method="hybr", options={"xtol": 1e-14})
        point = [float(v) for v in sol.x]
        out.append({"f": f_text, "g": g_text, "variables": [str(v) for v in names], "start": start,
                    "point": [repr(v) for v in point[:-1]], "lambda": repr(point[-1]),
                    "objective": repr(float(f.subs(dict(zip(names, point[:-1]))))),
                    "residual": repr(max(abs(v) for v in fun(point)))})
    with open("lagrange.json", "w", encoding="utf-8") as fh:
        json.dump({"cases": out}, fh, indent=1)
        fh.write("\n")
    print(json.dumps(out, indent=1))


if __name__ == "__main__":
    main()
