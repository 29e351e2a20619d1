#!/usr/bin/python3
"""Stores SymPy's derivative of each case of expressions.txt in derivatives.tsv, as SymPy prints it.

Run from this folder with Debian's python3-sympy (SymPy 1.11.1 made the stored file):
    /usr/bin/python3 make_corpus.py

Each line of expressions.txt is "formula | variable | order" in MathForML's syntax. The formula is read by SymPy's
parser with ^ as power, e and pi as the constants, ln = log, arctan = atan; the variables are real symbols (as MathForML's
are). The derivative is str(sympy.diff(f, v, order, simplify=False)) translated back to MathForML's syntax: ** -> ^, E -> e,
atan -> arctan, Abs -> abs. simplify=False keeps the n-th derivative as n plain
differentiations: without it SymPy runs factor_terms(signsimp(...)) on derivatives of order 2 and more
(sympy/core/function.py, Derivative.__new__), a factoring step that is not differentiation. Output: formula<TAB>variable<TAB>order<TAB>derivative, one case a line.
"""
import re
import sympy
from sympy.parsing.sympy_parser import parse_expr, standard_transformations, convert_xor


def read_cases(path):
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            formula, variable, order = (part.strip() for part in line.split("|"))
            yield formula, variable, int(order)


def to_sympy(formula):
    names = set(re.findall(r"[A-Za-z_][A-Za-z_0-9]*", formula))
    functions = {"exp": sympy.exp, "log": sympy.log, "ln": sympy.log, "sqrt": sympy.sqrt, "sin": sympy.sin,
                 "cos": sympy.cos, "tan": sympy.tan, "arctan": sympy.atan, "atan": sympy.atan, "sinh": sympy.sinh,
                 "cosh": sympy.cosh, "tanh": sympy.tanh, "abs": sympy.Abs, "sign": sympy.sign}
    local = dict(functions)
    local["pi"] = sympy.pi
    local["e"] = sympy.E
    for name in names - set(local):
        local[name] = sympy.Symbol(name, real=True)
    return parse_expr(formula, local_dict=local, transformations=standard_transformations + (convert_xor,)), local


def to_ours(text):
    text = text.replace("**", "^")
    text = re.sub(r"\bE\b", "e", text)
    text = re.sub(r"\batan\(", "arctan(", text)
    return re.sub(r"\bAbs\(", "abs(", text)


def main():
    rows = []
    for formula, variable, order in read_cases("expressions.txt"):
        f, local = to_sympy(formula)
        v = local.get(variable) or sympy.Symbol(variable, real=True)
        rows.append(f"{formula}\t{variable}\t{order}\t{to_ours(str(sympy.diff(f, v, order, simplify=False)))}")
    with open("derivatives.tsv", "w", encoding="utf-8", newline="\n") as out:
        out.write("\n".join(rows) + "\n")
    print(f"{len(rows)} derivatives written with SymPy {sympy.__version__}")


if __name__ == "__main__":
    main()
