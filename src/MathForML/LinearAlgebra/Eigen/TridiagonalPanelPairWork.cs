using System.Runtime.CompilerServices;
using MathForML.Kernels;
using MathForML.Numerics;

namespace MathForML.LinearAlgebra.Eigen;

/// <summary>
/// The O(m²) and O(m·nb) steps of one panel column of <see cref="TridiagonalPanelReduction"/> split in two halves, run
/// on the two threads of a <see cref="SpinningPair"/> or, without one, one after the other on the caller: the column
/// brought up to date (rows halved), the symmetric product with the panel's two dot-product sets (the product's rows cut
/// where the triangle's area halves, one set of dots to each side), and the correction of p with its scaling and dot
/// with v (rows halved).
/// </summary>
/// <remarks>
/// The same arithmetic as the unsplit column, grouped differently: the second half's share of A·v is summed apart and
/// added, and pᵀv is summed by halves, so results agree with the unsplit panel to rounding, not to the bit. With or
/// without the pair the arithmetic is the same, so a reduction's result does not depend on whether the pair was free
/// (another reduction may hold it) or on the number of cores. One instance per panel; the stage and its operands are set
/// before each run.
/// </remarks>
internal sealed class TridiagonalPanelPairWork(double[] a, int n, int start, double[] reflectors, int row0, double[] w, double[] column,
    double[] p, KernelPath path) : IPairWork
{
    private enum Stage
    {
        UpToDate,
        Product,
        Correction,
    }

    private readonly double[] _partial = new double[n];
    private readonly double[] _vAtC = new double[n];
    private readonly double[] _wAtC = new double[n];
    private readonly double[] _halfDots = new double[2];
    private Stage _stage;
    private int _j, _c, _s, _m;
    private double _t;

    /// <summary>W's and V's products with the current v (Wᵀv, Vᵀv), j each: filled by <see cref="Product"/>.</summary>
    public double[] WDots { get; } = new double[n];

    /// <summary>See <see cref="WDots"/>.</summary>
    public double[] VDots { get; } = new double[n];

    /// <summary>column[c..n) −= Σ_{l&lt;j} (v_l·w_l[c] + w_l·v_l[c]), the two halves of the rows on the two threads.</summary>
    public void UpToDate(SpinningPair? pair, int j)
    {
        _stage = Stage.UpToDate;
        (_j, _c) = (j, start + j);
        for (int l = 0; l < j; l++)
        {
            _wAtC[l] = w[(l * n) + _c];
            _vAtC[l] = reflectors[((start - row0 + l) * n) + _c];
        }

        Execute(pair);
    }

    /// <summary>p[s..n) ← A₂₂·v with A₂₂'s first column copied to column[s..n), and Wᵀv, Vᵀv (s = c + 1).</summary>
    public void Product(SpinningPair? pair, int j)
    {
        _stage = Stage.Product;
        (_j, _c) = (j, start + j);
        (_s, _m) = (_c + 1, n - _c - 1);
        Execute(pair);
    }

    /// <summary>p ← τ·(p − V·(Wᵀv) − W·(Vᵀv)) over s..n−1; returns pᵀv.</summary>
    public double Correction(SpinningPair? pair, double t)
    {
        _stage = Stage.Correction;
        _t = t;
        Execute(pair);
        return _halfDots[0] + _halfDots[1];
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Run(int part)
    {
        switch (_stage)
        {
            case Stage.UpToDate:
                {
                    int length = n - _c, half = Half(length);
                    int from = part == 0 ? 0 : half, count = part == 0 ? half : length - half;
                    if (count == 0) return;
                    LowRankCorrection.Subtract(reflectors.AsSpan(((start - row0) * n) + _c + from), n, w.AsSpan(_c + from), n, _j, count,
                        _wAtC, _vAtC, column.AsSpan(_c + from, count), path);
                    return;
                }

            case Stage.Product:
                {
                    var v = reflectors.AsSpan(((_c - row0) * n) + _s, _m);
                    var target = part == 0 ? p.AsSpan(_s, _m) : _partial.AsSpan(0, _m);
                    target.Clear();
                    LowerSymmetricProduct.MultiplyPart(a.AsSpan((_s * n) + _s), n, _m, v, target, part, 2, path, column.AsSpan(_s, _m));
                    if (part == 0) LowRankCorrection.Dots(w.AsSpan(_s), n, _j, _m, v, WDots, path);
                    else LowRankCorrection.Dots(reflectors.AsSpan(((start - row0) * n) + _s), n, _j, _m, v, VDots, path);
                    return;
                }

            default:
                {
                    int half = Half(_m);
                    int from = part == 0 ? 0 : half, count = part == 0 ? half : _m - half;
                    var ps = p.AsSpan(_s + from, count);
                    var partial = _partial.AsSpan(from, count);
                    for (int r = 0; r < count; r++) ps[r] += partial[r];
                    LowRankCorrection.Subtract(reflectors.AsSpan(((start - row0) * n) + _s + from), n, w.AsSpan(_s + from), n, _j, count,
                        WDots, VDots, ps, path);
                    double dot = 0;
                    var v = reflectors.AsSpan(((_c - row0) * n) + _s + from, count);
                    for (int r = 0; r < count; r++)
                    {
                        ps[r] *= _t;
                        dot += ps[r] * v[r];
                    }

                    _halfDots[part] = dot;
                    return;
                }
        }
    }

    /// <summary>Both halves: on the pair's two threads, or part 0 then part 1 here.</summary>
    private void Execute(SpinningPair? pair)
    {
        if (pair is not null)
        {
            pair.Run(this);
            return;
        }

        Run(0);
        Run(1);
    }

    /// <summary>Where rows split in two: half of them, rounded down to a whole cache line of doubles.</summary>
    private static int Half(int length) => length / 2 & ~7;
}
