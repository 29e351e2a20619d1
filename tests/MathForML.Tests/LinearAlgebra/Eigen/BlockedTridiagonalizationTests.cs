using MathForML.Kernels;
using MathForML.LinearAlgebra;
using MathForML.LinearAlgebra.Eigen;
using MathForML.Numerics;
using MathForML.Tests.Kernels;

namespace MathForML.Tests.LinearAlgebra.Eigen;

/// <summary>
/// The blocked reduction (dsytrd/dlatrd) against the unblocked one (dsytd2), and Q·T·Qᵀ = A, QᵀQ = I, on sizes around
/// the panel and crossover boundaries, every kernel path, and matrices with clustered, repeated, zero and graded spectra.
/// </summary>
public class BlockedTridiagonalizationTests
{
    /// <summary>T's diagonal d, off-diagonal e, the reflector rows and τ.</summary>
    private sealed record Reduction(double[] D, double[] E, double[] Reflectors, double[] Tau);

    /// <summary>(n, nb, crossover): with crossover 0 the blocked path runs from n = nb + 3 (a panel needs two more columns).</summary>
    public static TheoryData<int, int, int> Boundaries => new()
    {
        { 4, 1, 0 }, { 5, 1, 0 }, { 7, 8, 0 }, { 8, 8, 0 }, { 9, 8, 0 }, { 10, 8, 0 }, { 11, 8, 0 }, { 12, 8, 0 }, { 15, 8, 0 },
        { 16, 8, 0 }, { 17, 8, 0 }, { 25, 8, 0 }, { 31, 32, 0 }, { 33, 32, 0 }, { 35, 32, 0 }, { 63, 32, 0 }, { 64, 32, 0 },
        { 65, 32, 0 }, { 97, 32, 0 }, { 63, 8, 20 }, { 64, 8, 20 }, { 65, 8, 20 }, { 127, 32, 128 }, { 128, 32, 128 },
        { 129, 32, 128 }, { 159, 32, 128 }, { 161, 32, 128 }, { 193, 32, 128 }, { 200, 48, 64 }, { 300, 64, 128 },
    };

    /// <summary>
    /// A random symmetric matrix: T agrees with the unblocked reduction to 1e-13·‖A‖_F entry by entry (same reflectors,
    /// other rounding), and the blocked Q and T satisfy Q·T·Qᵀ = A to 1e-12·‖A‖_F and QᵀQ = I to 1e-12; with whole panel
    /// columns and with every column in halves (parallel order 0: on the spinning pair, or one half after the other).
    /// </summary>
    [Theory]
    [MemberData(nameof(Boundaries))]
    public void RandomMatrixMatchesTheUnblockedReduction(int n, int nb, int crossover)
    {
        var a = RandomSymmetric(n, (ulong)(n * 100 + nb));
        foreach (int parallelOrder in new[] { int.MaxValue, 0 })
        {
            var blocked = Blocked(a, n, nb, crossover, parallelOrder, KernelPathSelection.Best);
            AssertSameTridiagonal(Unblocked(a, n), blocked, Norm(a), 1e-13);
            AssertFactorization(a, n, blocked);
        }
    }

    /// <summary>
    /// Panel columns in halves give the same T and reflectors to the bit whether the halves run on the spinning pair's
    /// two threads or, while this test holds the pair, one after the other on the caller: results do not depend on
    /// whether another reduction had the pair.
    /// </summary>
    [Theory]
    [InlineData(200, 32)]
    [InlineData(457, 32)]
    public async Task HalvedPanelsGiveTheSameResultWithAndWithoutThePair(int n, int nb)
    {
        var a = RandomSymmetric(n, (ulong)n);
        var withPair = Blocked(a, n, nb, 128, 0, KernelPathSelection.Best);
        Reduction alone;
        var deadline = DateTime.UtcNow.AddSeconds(30);
        SpinningPair? held;
        while ((held = SpinningPair.TryEnter()) is null)
        {
            Assert.True(DateTime.UtcNow < deadline, "the spinning pair stayed held for 30 s");
            await Task.Delay(1);
        }

        try
        {
            alone = Blocked(a, n, nb, 128, 0, KernelPathSelection.Best);
        }
        finally
        {
            held.Exit();
        }

        Assert.Equal(withPair.D, alone.D);
        Assert.Equal(withPair.E, alone.E);
        Assert.Equal(withPair.Reflectors, alone.Reflectors);
        Assert.Equal(withPair.Tau, alone.Tau);
    }

    /// <summary>
    /// The public entry point (nb = 32, crossover 128) on 1×1, 2×2 and either side of the crossover. T to 2e-13·‖A‖_F:
    /// T is not a well-conditioned function of A, and this n = 129 matrix's late entries move by 0.8e-13·‖A‖_F (rows of the
    /// symmetric product in pairs) or 1.2e-13 (in blocks of four) between two roundings of the same reflectors, where the
    /// other matrices here move by at most 0.55e-13; the factorization below is held to 1e-12 as everywhere.
    /// </summary>
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(127)]
    [InlineData(129)]
    [InlineData(161)]
    public void DefaultSettingsMatchTheUnblockedReduction(int n)
    {
        var a = RandomSymmetric(n, (ulong)n);
        var (d, e, reflectors, tau) = (new double[n], new double[Math.Max(0, n - 1)], new double[n * n], new double[n]);
        BlockedTridiagonalization.Reduce((double[])a.Clone(), n, d, e, reflectors, tau);
        var blocked = new Reduction(d, e, reflectors, tau);
        AssertSameTridiagonal(Unblocked(a, n), blocked, Norm(a), 2e-13);
        AssertFactorization(a, n, blocked);
        if (n == 1) Assert.Equal(a[0], d[0]);
    }

    /// <summary>Each kernel path (symmetric product and SYR2K), the symmetric product on one core and on all of them.</summary>
    [Theory]
    [MemberData(nameof(KernelTestData.PathNumbers), MemberType = typeof(KernelTestData))]
    public void EveryKernelPathMatchesTheUnblockedReduction(int pathNumber)
    {
        int n = 150;
        var a = RandomSymmetric(n, 7);
        var reference = Unblocked(a, n);
        foreach (int parallelOrder in new[] { int.MaxValue, 0 })
        {
            var blocked = Blocked(a, n, 16, 24, parallelOrder, (KernelPath)pathNumber);
            AssertSameTridiagonal(reference, blocked, Norm(a), 1e-13);
            AssertFactorization(a, n, blocked);
        }
    }

    /// <summary>
    /// T alone (null reflectors: each panel's kept in an nb×n buffer only until its update) is bit for bit the T of the
    /// full reduction, on every boundary case, each kernel path and the symmetric product on one core or all.
    /// </summary>
    [Theory]
    [MemberData(nameof(Boundaries))]
    public void TheValuesOnlyReductionGivesTheSameTBitForBit(int n, int nb, int crossover)
    {
        var a = RandomSymmetric(n, (ulong)(n * 31 + nb));
        foreach (var path in KernelPathSelection.Supported)
        {
            foreach (int parallelOrder in new[] { int.MaxValue, 0 })
            {
                var full = Blocked(a, n, nb, crossover, parallelOrder, path);
                var (d, e) = (new double[n], new double[Math.Max(0, n - 1)]);
                BlockedTridiagonalization.Reduce((double[])a.Clone(), n, d, e, null, new double[n], nb, crossover, parallelOrder, path);
                Assert.Equal(full.D, d);
                Assert.Equal(full.E, e);
            }
        }
    }

    /// <summary>The public values-only entry point (nb = 32, crossover 128) against the full reduction, 1×1 to beyond the crossover.</summary>
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(129)]
    [InlineData(230)]
    public void TheDefaultValuesOnlyReductionMatchesTheFullOne(int n)
    {
        var a = RandomSymmetric(n, (ulong)(n + 5));
        var (d, e, reflectors, tau) = (new double[n], new double[Math.Max(0, n - 1)], new double[n * n], new double[n]);
        BlockedTridiagonalization.Reduce((double[])a.Clone(), n, d, e, reflectors, tau);
        var (dv, ev) = (new double[n], new double[Math.Max(0, n - 1)]);
        BlockedTridiagonalization.ReduceValuesOnly((double[])a.Clone(), n, dv, ev);
        Assert.Equal(d, dv);
        Assert.Equal(e, ev);
    }

    public static TheoryData<string> SpecialMatrices => new() { "wilkinson21", "gluedWilkinson", "identity", "rotatedIdentity", "zero", "graded" };

    /// <summary>
    /// Clustered (Wilkinson W21⁺ and five glued copies, rotated by random reflectors so that the reduction has work to do),
    /// repeated (λI), zero and graded (entries from 1e8 down to 1e-8) matrices: Q·T·Qᵀ = A to 1e-12·‖A‖_F, QᵀQ = I to
    /// 1e-12, and T's eigenvalues equal to the unblocked T's within 1e-12·‖A‖_F. The graded matrix also keeps T itself
    /// within 1e-13·‖A‖_F of the unblocked T; the clustered ones need not (an off-diagonal of T near rounding level makes
    /// the rest of T depend on the rounding, in the unblocked reduction as well).
    /// </summary>
    [Theory]
    [MemberData(nameof(SpecialMatrices))]
    public void SpecialMatricesGiveAValidReduction(string kind)
    {
        var (a, n) = Special(kind);
        var unblocked = Unblocked(a, n);
        var blocked = Blocked(a, n, 8, 0, int.MaxValue, KernelPathSelection.Best);
        double norm = Math.Max(Norm(a), double.Epsilon);
        AssertFactorization(a, n, blocked);
        var (expected, actual) = (Eigenvalues(unblocked, n), Eigenvalues(blocked, n));
        for (int i = 0; i < n; i++) Assert.True(Math.Abs(expected[i] - actual[i]) <= 1e-12 * norm, $"λ{i}: {actual[i]} vs {expected[i]}");
        if (kind is "graded" or "zero" or "identity") AssertSameTridiagonal(unblocked, blocked, norm, 1e-13);
        if (kind == "zero") Assert.All(blocked.Tau, t => Assert.Equal(0, t));
    }

    private static (double[] A, int N) Special(string kind)
    {
        switch (kind)
        {
            case "wilkinson21":
                return (Rotated(Wilkinson(21, 1), 21, 2), 21);
            case "gluedWilkinson":
                {
                    int n = 5 * 21;
                    var t = Wilkinson(n, 5);
                    return (Rotated(t, n, 3), n);
                }

            case "identity":
                return (Diagonal(40, 3.0), 40);
            case "rotatedIdentity":
                return (Rotated(Diagonal(40, 3.0), 40, 4), 40);
            case "zero":
                return (new double[40 * 40], 40);
            default:
                {
                    int n = 90;
                    var a = RandomSymmetric(n, 11);
                    for (int i = 0; i < n; i++)
                        for (int j = 0; j < n; j++) a[i * n + j] *= Math.Pow(10, 8 - 16.0 * (i + j) / (2 * (n - 1)));
                    return (a, n);
                }
        }
    }

    /// <summary>Copies of W21⁺ (diagonal |i − 10|, off-diagonal 1) along the diagonal, glued by off-diagonal 1e-10.</summary>
    private static double[] Wilkinson(int n, int copies)
    {
        var a = new double[n * n];
        int size = n / copies;
        for (int i = 0; i < n; i++)
        {
            a[i * n + i] = Math.Abs(i % size - (size - 1) / 2.0);
            if (i + 1 < n) a[i * n + i + 1] = a[(i + 1) * n + i] = (i + 1) % size == 0 ? 1e-10 : 1;
        }

        return a;
    }

    private static double[] Diagonal(int n, double value)
    {
        var a = new double[n * n];
        for (int i = 0; i < n; i++) a[i * n + i] = value;
        return a;
    }

    /// <summary>H·A·H for H = I − 2uuᵀ/uᵀu with a random u, made exactly symmetric.</summary>
    private static double[] Rotated(double[] a, int n, ulong seed)
    {
        var u = EigenReferenceData.Lcg(n, 1, seed).Column(0).AsSpan().ToArray();
        double uu = u.Sum(x => x * x);
        var h = new double[n * n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++) h[i * n + j] = (i == j ? 1 : 0) - 2 * u[i] * u[j] / uu;
        var result = Multiply(Multiply(h, a, n), h, n);
        for (int i = 0; i < n; i++)
            for (int j = 0; j < i; j++) result[j * n + i] = result[i * n + j];
        return result;
    }

    private static double[] RandomSymmetric(int n, ulong seed) => EigenReferenceData.LcgSymmetric(n, seed).AsSpan().ToArray();

    private static double Norm(double[] a) => Math.Sqrt(a.Sum(x => x * x));

    private static Reduction Unblocked(double[] a, int n)
    {
        var r = new Reduction(new double[n], new double[Math.Max(0, n - 1)], new double[n * n], new double[n]);
        HouseholderTridiagonalization.Reduce((double[])a.Clone(), n, r.D, r.E, r.Reflectors, r.Tau);
        return r;
    }

    private static Reduction Blocked(double[] a, int n, int nb, int crossover, int parallelOrder, KernelPath path)
    {
        var r = new Reduction(new double[n], new double[Math.Max(0, n - 1)], new double[n * n], new double[n]);
        BlockedTridiagonalization.Reduce((double[])a.Clone(), n, r.D, r.E, r.Reflectors, r.Tau, nb, crossover, parallelOrder, path);
        return r;
    }

    private static void AssertSameTridiagonal(Reduction expected, Reduction actual, double norm, double relative)
    {
        for (int i = 0; i < expected.D.Length; i++)
            Assert.True(Math.Abs(expected.D[i] - actual.D[i]) <= relative * norm, $"d[{i}] = {actual.D[i]}, unblocked {expected.D[i]}");
        for (int i = 0; i < expected.E.Length; i++)
            Assert.True(Math.Abs(expected.E[i] - actual.E[i]) <= relative * norm, $"e[{i}] = {actual.E[i]}, unblocked {expected.E[i]}");
    }

    /// <summary>Q·T·Qᵀ = A to 1e-12·‖A‖_F and QᵀQ = I to 1e-12, entry by entry, with Qᵀ from the reflectors.</summary>
    private static void AssertFactorization(double[] a, int n, Reduction r)
    {
        double norm = Math.Max(Norm(a), double.Epsilon);
        var qt = HouseholderBackTransformation.FormQTranspose(r.Reflectors, r.Tau, n).AsSpan(0, n * n).ToArray();
        var t = new double[n * n];
        for (int i = 0; i < n; i++)
        {
            t[i * n + i] = r.D[i];
            if (i + 1 < n) t[i * n + i + 1] = t[(i + 1) * n + i] = r.E[i];
        }

        var q = Transpose(qt, n);
        var reconstructed = Multiply(Multiply(q, t, n), qt, n);
        var gram = Multiply(qt, q, n);
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
            {
                Assert.True(Math.Abs(reconstructed[i * n + j] - a[i * n + j]) <= 1e-12 * norm, $"(QTQᵀ)[{i},{j}] = {reconstructed[i * n + j]}, A = {a[i * n + j]}");
                Assert.True(Math.Abs(gram[i * n + j] - (i == j ? 1 : 0)) <= 1e-12, $"(QᵀQ)[{i},{j}] = {gram[i * n + j]}");
            }
    }

    private static double[] Eigenvalues(Reduction r, int n)
    {
        var (d, e) = ((double[])r.D.Clone(), new double[n]);
        r.E.CopyTo(e, 0);
        TridiagonalQl.Diagonalize(d, e, n, null);
        Array.Sort(d);
        return d;
    }

    private static double[] Transpose(double[] a, int n)
    {
        var t = new double[n * n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++) t[j * n + i] = a[i * n + j];
        return t;
    }

    private static double[] Multiply(double[] a, double[] b, int n)
    {
        var c = new double[n * n];
        ReferenceKernels.Gemm(Op.None, Op.None, n, n, n, 1.0, a, n, b, n, 0.0, c, n);
        return c;
    }
}
