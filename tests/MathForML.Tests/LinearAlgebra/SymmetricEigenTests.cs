using System.Globalization;
using CsCheck;
using MathForML.LinearAlgebra;
using MathForML.LinearAlgebra.Eigen;
using MathForML.Numerics;

namespace MathForML.Tests.LinearAlgebra;

/// <summary>Reads Reference/eigen/*.txt (written by Reference/eigen/make_reference.py) and rebuilds the rule-defined matrices.</summary>
internal static class EigenReferenceData
{
    public static Dictionary<string, Matrix> Load(string file)
    {
        var sections = new Dictionary<string, Matrix>();
        var lines = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Reference", "eigen", file))
            .Where(line => line.Length > 0 && !line.StartsWith('#')).ToArray();
        for (int at = 0; at < lines.Length;)
        {
            var header = lines[at++].Split(' ');
            int rows = int.Parse(header[1], CultureInfo.InvariantCulture), columns = int.Parse(header[2], CultureInfo.InvariantCulture);
            var values = new double[rows * columns];
            for (int r = 0; r < rows; r++)
            {
                var fields = lines[at++].Split(' ');
                for (int c = 0; c < columns; c++) values[r * columns + c] = double.Parse(fields[c], CultureInfo.InvariantCulture);
            }

            sections[header[0]] = new Matrix(rows, columns, values);
        }

        return sections;
    }

    /// <summary>The 64-bit LCG of make_reference.py, filled row-major.</summary>
    public static Matrix Lcg(int rows, int columns, ulong seed)
    {
        var m = new Matrix(rows, columns);
        var data = m.AsSpan();
        ulong state = seed;
        for (int t = 0; t < data.Length; t++)
        {
            state = unchecked(state * 6364136223846793005UL + 1442695040888963407UL);
            data[t] = (state >> 11) * Math.ScaleB(1.0, -53) - 0.5;
        }

        return m;
    }

    /// <summary>(B + Bᵀ)/2 with B = lcg(n, n, seed).</summary>
    public static Matrix LcgSymmetric(int n, ulong seed)
    {
        var b = Lcg(n, n, seed);
        var a = new Matrix(n, n);
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++) a[i, j] = (b[i, j] + b[j, i]) / 2;
        return a;
    }

    /// <summary>The covariance of X = lcg(rows, columns, seed), symmetrised exactly.</summary>
    public static Matrix Covariance(int rows, int columns, ulong seed)
    {
        var x = Lcg(rows, columns, seed);
        for (int j = 0; j < columns; j++)
        {
            double mean = 0;
            for (int i = 0; i < rows; i++) mean += x[i, j];
            mean /= rows;
            for (int i = 0; i < rows; i++) x[i, j] -= mean;
        }

        var c = x.TransposeTimes(x);
        for (int i = 0; i < columns; i++)
        {
            for (int j = 0; j <= i; j++)
            {
                c[i, j] /= rows - 1;
                c[j, i] = c[i, j];
            }
        }

        return c;
    }
}

public class SymmetricEigenTests
{
    public static TheoryData<string> ReferenceCases => new() { "sym5", "sym20", "lcg100", "cov784" };

    private static (Matrix A, double[] Expected) Reference(string name) => name switch
    {
        "lcg100" => (EigenReferenceData.LcgSymmetric(100, 100), EigenReferenceData.Load("lcg100.txt")["eigenvalues"].RowSpan(0).ToArray()),
        "cov784" => (EigenReferenceData.Covariance(2000, 784, 784), EigenReferenceData.Load("cov784.txt")["eigenvalues"].RowSpan(0).ToArray()),
        _ => LoadStored(name),
    };

    private static (Matrix, double[]) LoadStored(string name)
    {
        var data = EigenReferenceData.Load(name + ".txt");
        return (data["matrix"], data["eigenvalues"].RowSpan(0).ToArray());
    }

    [Theory]
    [MemberData(nameof(ReferenceCases))]
    public void MatchesNumpyAndSatisfiesTheEigenEquations(string name)
    {
        var (a, expected) = Reference(name);
        var eig = SymmetricEigen.Decompose(a);
        double norm = Math.Abs(expected.MaxBy(Math.Abs));
        Assert.Equal(a.Rows, eig.Dimension);
        Assert.Equal(expected.Length, eig.Eigenvalues.Length);
        for (int i = 0; i < expected.Length; i++) Assert.True(Math.Abs(eig.Eigenvalues[i] - expected[i]) <= 1e-10 * norm, $"λ{i}");
        AssertValidDecomposition(a, eig, norm);
    }

    [Theory]
    [MemberData(nameof(ReferenceCases))]
    public void ValuesOnlyMatchNumpyAndTheFullDecomposition(string name)
    {
        // numpy's eigh values (dsyevd) to 1e-10·‖A‖ as the full decomposition; the QL values and the divide-and-conquer
        // values of the same tridiagonal T to 1e-13·‖A‖ (both backward stable on T).
        var (a, expected) = Reference(name);
        var values = SymmetricEigen.Values(a);
        var full = SymmetricEigen.Decompose(a).Eigenvalues;
        double norm = Math.Abs(expected.MaxBy(Math.Abs));
        Assert.Equal(expected.Length, values.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.True(Math.Abs(values[i] - expected[i]) <= 1e-10 * norm, $"λ{i}: {values[i]} vs numpy {expected[i]}");
            Assert.True(Math.Abs(values[i] - full[i]) <= 1e-13 * norm, $"λ{i}: {values[i]} vs the full decomposition's {full[i]}");
        }
        Assert.Equal(values, a.SymmetricEigenvalues());
    }

    /// <summary>
    /// OverwriteInput reduces A in its own storage: the same values bit for bit, A changed; without it A is untouched
    /// (n = 300 takes the blocked path, 50 the unblocked one).
    /// </summary>
    /// <summary>
    /// Work arrays come from a pool uncleared unless asked: with the pool's arrays of these sizes filled with NaN first,
    /// the decomposition is the same to the bit (nothing reads a pooled element it has not written), through the
    /// unblocked (50) and blocked (300) reductions and the top-k path.
    /// </summary>
    [Theory]
    [InlineData(50)]
    [InlineData(300)]
    public void PooledArraysLeftFullOfNaNChangeNothing(int n)
    {
        var a = EigenReferenceData.LcgSymmetric(n, 77);
        var clean = SymmetricEigen.Decompose(a);
        var cleanTop = SymmetricEigen.Decompose(a, new SymmetricEigenOptions { TopK = 5 });
        var poisoned = Enumerable.Range(0, 8).Select(_ => WorkspacePool.Rent(n * n, clear: false)).ToList();
        foreach (var array in poisoned)
        {
            Array.Fill(array, double.NaN);
            WorkspacePool.Return(array);
        }

        var again = SymmetricEigen.Decompose(a);
        Assert.Equal(clean.Eigenvalues.ToArray(), again.Eigenvalues.ToArray());
        Assert.Equal(clean.Eigenvectors.AsSpan().ToArray(), again.Eigenvectors.AsSpan().ToArray());
        var top = SymmetricEigen.Decompose(a, new SymmetricEigenOptions { TopK = 5 });
        Assert.Equal(cleanTop.Eigenvectors.AsSpan().ToArray(), top.Eigenvectors.AsSpan().ToArray());
    }

    /// <summary>
    /// The symmetry check walks 32×32 tiles; the error still names the first mismatch in row order: two mismatches in
    /// different tiles of a 100×100 matrix (the later tile in the walk holds the earlier pair in row order), one on a
    /// tile's edge, and one only just above the tolerance.
    /// </summary>
    [Theory]
    [InlineData(10, 70, 20, 40, "a[10,70]")]
    [InlineData(31, 32, 95, 99, "a[31,32]")]
    [InlineData(64, 95, 64, 95, "a[64,95]")]
    public void TheSymmetryCheckNamesTheFirstMismatchInRowOrder(int i1, int j1, int i2, int j2, string named)
    {
        int n = 100;
        var a = EigenReferenceData.LcgSymmetric(n, 5);
        a[i2, j2] += 1e-3;
        a[i1, j1] += 2e-3;
        var error = Assert.Throws<ArgumentException>(() => SymmetricEigen.Values(a));
        Assert.Contains(named, error.Message);
        var barely = EigenReferenceData.LcgSymmetric(n, 5);
        barely[97, 98] += 1e-6;
        Assert.Throws<ArgumentException>(() => SymmetricEigen.Decompose(barely, new SymmetricEigenOptions { SymmetryTolerance = 1e-7 }));
        Assert.Equal(n, SymmetricEigen.Values(barely, new SymmetricEigenOptions { SymmetryTolerance = 1e-5 }).Length);
    }

    [Theory]
    [InlineData(50)]
    [InlineData(300)]
    public void OverwritingTheInputGivesTheSameValues(int n)
    {
        var a = EigenReferenceData.LcgSymmetric(n, (ulong)n);
        var copy = a.AsSpan().ToArray();
        var values = SymmetricEigen.Values(a);
        Assert.Equal(copy, a.AsSpan().ToArray());
        var overwritten = SymmetricEigen.Values(a, new SymmetricEigenOptions { OverwriteInput = true });
        Assert.Equal(values, overwritten);
        Assert.NotEqual(copy, a.AsSpan().ToArray());
    }

    /// <summary>
    /// Values reduces A unscaled while max |aᵢⱼ| is within 2^±256 and scaled by a power of two outside: the eigenvalues
    /// of 2^k·A are 2^k times those of A to 1e-13·max|λ| on both sides of that border (k = ±200, ±255, ±257, ±300,
    /// ±1000 with A's max |aᵢⱼ| ≈ 1/2; at 2^-1000 the smallest entries turn subnormal, far below the tolerance), in place or not,
    /// through the one-stage reduction (n = 150) and the two-stage one (n = 1030).
    /// </summary>
    [Theory]
    [InlineData(150, 200)]
    [InlineData(150, 255)]
    [InlineData(150, 257)]
    [InlineData(150, 300)]
    [InlineData(150, 1000)]
    [InlineData(1030, 255)]
    [InlineData(1030, 257)]
    [InlineData(1030, 1000)]
    public void ValuesScaleWithTheMatrixOnBothSidesOfTheUnscaledRange(int n, int k)
    {
        var a = EigenReferenceData.LcgSymmetric(n, 3);
        var reference = SymmetricEigen.Values(a);
        double largest = Math.Abs(reference[0]);
        foreach (int exponent in new[] { k, -k })
            foreach (bool overwrite in new[] { false, true })
            {
                var scaled = a.Clone();
                var data = scaled.AsSpan();
                for (int i = 0; i < data.Length; i++) data[i] = Math.ScaleB(data[i], exponent);
                var values = SymmetricEigen.Values(scaled, new SymmetricEigenOptions { OverwriteInput = overwrite });
                for (int i = 0; i < reference.Count; i++)
                    Assert.True(Math.Abs(Math.ScaleB(values[i], -exponent) - reference[i]) <= 1e-13 * largest,
                        $"2^{exponent}: λ{i} = {Math.ScaleB(values[i], -exponent)}·2^{exponent}, unscaled {reference[i]}");
            }
    }

    [Fact]
    public void ValuesOnlyRejectWhatTheDecompositionRejects()
    {
        Assert.Throws<DimensionMismatchException>(() => SymmetricEigen.Values(new Matrix(2, 3)));
        Assert.Throws<ArgumentException>(() => SymmetricEigen.Values(Matrix.FromRows([1, 2], [3, 4])));
        Assert.ThrowsAny<ArgumentException>(() => SymmetricEigen.Values(Matrix.FromRows([double.NaN, 0], [0, 1])));
        Assert.Equal(new Vector(3), SymmetricEigen.Values(new Matrix(3, 3)));
        Assert.Throws<OperationCanceledException>(() => SymmetricEigen.Values(Matrix.Identity(3), cancellationToken: new CancellationToken(true)));
    }

    [Fact]
    public void TopKEqualsTheLeadingPairsOfTheFullDecomposition()
    {
        var a = EigenReferenceData.LcgSymmetric(100, 100);
        var full = SymmetricEigen.Decompose(a);
        var top = SymmetricEigen.Decompose(a, new SymmetricEigenOptions { TopK = 7 });
        double norm = Math.Abs(full.Eigenvalues[0]);
        Assert.Equal(100, top.Dimension);
        Assert.Equal(7, top.Eigenvalues.Length);
        Assert.Equal((100, 7), (top.Eigenvectors.Rows, top.Eigenvectors.Columns));
        for (int q = 0; q < 7; q++)
        {
            Assert.True(Math.Abs(top.Eigenvalues[q] - full.Eigenvalues[q]) <= 1e-13 * norm);
            Assert.True((top.Eigenvectors.Column(q) - full.Eigenvectors.Column(q)).NormInfinity() <= 1e-9, $"v{q}");
        }

        AssertValidDecomposition(a, top, norm);
    }

    [Fact]
    public void RepeatedEigenvaluesStillGiveAnOrthonormalBasis()
    {
        // A = H·diag(3, 3, 3, 1, 1, −2, −2, 0)·H with the reflector H = I − 2uuᵀ/uᵀu.
        double[] lambda = [3, 3, 3, 1, 1, -2, -2, 0];
        var u = Vector.Of(1, 2, -1, 0.5, 3, -2, 1, 1);
        var h = Matrix.Identity(8);
        for (int i = 0; i < 8; i++)
            for (int j = 0; j < 8; j++) h[i, j] -= 2 * u[i] * u[j] / u.Dot(u);
        var a = h * Matrix.Diagonal(lambda) * h;
        for (int i = 0; i < 8; i++)
            for (int j = 0; j < i; j++) a[j, i] = a[i, j];
        var eig = SymmetricEigen.Decompose(a);
        var sorted = lambda.OrderDescending().ToArray();
        for (int i = 0; i < 8; i++) Assert.Equal(sorted[i], eig.Eigenvalues[i], 1e-13);
        AssertValidDecomposition(a, eig, 3);
    }

    [Fact]
    public void SmallAndSpecialMatrices()
    {
        var one = SymmetricEigen.Decompose(Matrix.FromRows([-4]));
        Assert.Equal(-4, one.Eigenvalues[0]);
        Assert.Equal(1, one.Eigenvectors[0, 0]);

        var two = SymmetricEigen.Decompose(Matrix.FromRows([2, 1], [1, 2]));
        Assert.Equal(3, two.Eigenvalues[0], 1e-14);
        Assert.Equal(1, two.Eigenvalues[1], 1e-14);
        Assert.Equal(Math.Sqrt(0.5), two.Eigenvectors[0, 0], 1e-14);
        Assert.Equal(Math.Sqrt(0.5), two.Eigenvectors[1, 0], 1e-14);

        var diagonal = SymmetricEigen.Decompose(Matrix.Diagonal(1, 5, -3));
        Assert.Equal([5.0, 1, -3], diagonal.Eigenvalues.ToArray());
        Assert.Equal(Matrix.FromRows([0, 1, 0], [1, 0, 0], [0, 0, 1]), diagonal.Eigenvectors);

        var zero = SymmetricEigen.Decompose(new Matrix(3, 3));
        Assert.Equal(new Vector(3), zero.Eigenvalues);
        Assert.Equal(Matrix.Identity(3), zero.Eigenvectors);

        var tiny = SymmetricEigen.Decompose(Matrix.FromRows([2e-300, 1e-300], [1e-300, 2e-300]));
        Assert.Equal(3e-300, tiny.Eigenvalues[0], 1e-313);
    }

    [Fact]
    public void RejectsBadInput()
    {
        Assert.Throws<DimensionMismatchException>(() => SymmetricEigen.Decompose(new Matrix(2, 3)));
        var asymmetric = Matrix.FromRows([1, 2, 3], [2, 1, 5], [3, 4, 1]);
        var error = Assert.Throws<ArgumentException>(() => SymmetricEigen.Decompose(asymmetric));
        Assert.Contains("a[1,2]", error.Message);
        Assert.Throws<NonFiniteValueException>(() => SymmetricEigen.Decompose(Matrix.FromRows([1, double.NaN], [double.NaN, 1])));
        Assert.Throws<NonFiniteValueException>(() => SymmetricEigen.Decompose(Matrix.FromRows([double.PositiveInfinity])));
        Assert.Throws<ArgumentOutOfRangeException>(() => SymmetricEigen.Decompose(Matrix.Identity(3), new SymmetricEigenOptions { TopK = 4 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => SymmetricEigen.Decompose(Matrix.Identity(3), new SymmetricEigenOptions { TopK = 0 }));
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void RejectsNonFiniteEntryInsideALargeMatrix(double bad)
    {
        // 37×37: the finiteness check runs on the vectorised max-magnitude pass, the bad entry mid-vector and symmetric.
        var a = Matrix.Identity(37);
        a[20, 13] = bad;
        a[13, 20] = bad;
        Assert.Contains("at row 13, column 20", Assert.Throws<NonFiniteValueException>(() => SymmetricEigen.Decompose(a)).Message);
        Assert.Equal(13, Assert.Throws<NonFiniteValueException>(() => SymmetricEigen.DecomposeToRows(a.AsSpan(), 37, mirrored: true)).Row);
    }

    [Fact]
    public void SymmetryToleranceIsRelative()
    {
        var nearly = Matrix.FromRows([1e6, 2e6], [2e6 + 1e-5, 1e6]);
        Assert.Equal(3e6, SymmetricEigen.Decompose(nearly).Eigenvalues[0], 1e-4); // the lower triangle is used
        Assert.Throws<ArgumentException>(() => SymmetricEigen.Decompose(nearly, new SymmetricEigenOptions { SymmetryTolerance = 1e-14 }));
    }

    [Fact]
    public void ReconstructsRandomSymmetricMatrices()
    {
        Gen.Int[1, 40].SelectMany(n => Gen.Double[-10, 10].Array[n * n].Select(values => (n, values)))
            .Sample(sample =>
            {
                var (n, values) = sample;
                var a = new Matrix(n, n, values);
                for (int i = 0; i < n; i++)
                    for (int j = 0; j < i; j++) a[j, i] = a[i, j];
                var eig = SymmetricEigen.Decompose(a);
                AssertValidDecomposition(a, eig, Math.Max(a.FrobeniusNorm(), double.Epsilon));
            }, iter: 200);
    }

    public static TheoryData<string, int> DeflationCases => new()
    {
        { "clusters", 150 }, { "wilkinson", 201 }, { "laplacian", 130 }, { "identityPlusRankOne", 97 }, { "diagonal", 70 },
        { "graded", 120 },
    };

    /// <summary>Large enough for several divide-and-conquer merges, built to make them deflate (dlaed2's two kinds).</summary>
    [Theory]
    [MemberData(nameof(DeflationCases))]
    public void DivideAndConquerHandlesDeflation(string kind, int n)
    {
        var a = DeflationMatrix(kind, n);
        var eig = SymmetricEigen.Decompose(a);
        AssertValidDecomposition(a, eig, Math.Max(a.FrobeniusNorm(), double.Epsilon));
    }

    /// <summary>
    /// The PCA path, every eigenvalue and the top k eigenvectors (inverse iteration for k ≤ n/4, divide and conquer
    /// above), on the matrices built to trouble eigensolvers: the values equal the full decomposition's to
    /// 1e-12·‖A‖_F, the k vectors satisfy the eigen equations and are orthonormal, and where an eigenvalue stands
    /// apart from its neighbours (so the vector is determined up to sign) it is the full decomposition's vector.
    /// </summary>
    [Theory]
    [InlineData("clusters", 150, 30)]
    [InlineData("clusters", 150, 60)]
    [InlineData("wilkinson", 201, 50)]
    [InlineData("laplacian", 130, 32)]
    [InlineData("identityPlusRankOne", 97, 24)]
    [InlineData("diagonal", 70, 17)]
    [InlineData("graded", 120, 30)]
    [InlineData("random", 200, 1)]
    [InlineData("random", 200, 50)]
    [InlineData("random", 200, 51)]
    [InlineData("random", 200, 50, true)]
    [InlineData("clusters", 150, 30, true)]
    public void LargestToRowsEqualsTheFullDecomposition(string kind, int n, int k, bool forceFallback = false)
    {
        var a = kind == "random" ? EigenReferenceData.LcgSymmetric(n, 17) : DeflationMatrix(kind, n);
        double norm = Math.Max(a.FrobeniusNorm(), double.Epsilon);
        var full = SymmetricEigen.Decompose(a);
        // A negative tolerance refuses any basis inverse iteration finds: the divide-and-conquer fallback answers.
        var (values, rows) = SymmetricEigen.LargestToRows(a.AsSpan(), n, k, mirrored: true,
            orthogonalityTolerance: forceFallback ? -1 : TridiagonalInverseIteration.OrthogonalityTolerance);
        try
        {
            Assert.Equal(n, values.Length);
            for (int q = 0; q < n; q++)
                Assert.True(Math.Abs(values[q] - full.Eigenvalues[q]) <= 1e-12 * norm, $"λ{q} = {values[q]:R}, full {full.Eigenvalues[q]:R}");
            var vectors = new Matrix(k, n, rows.AsSpan(0, k * n).ToArray()).Transpose();
            AssertValidPairs(a, values[..k], vectors, norm);
            for (int q = 0; q < k; q++)
            {
                double gap = Math.Min(q > 0 ? values[q - 1] - values[q] : double.PositiveInfinity, q + 1 < n ? values[q] - values[q + 1] : double.PositiveInfinity);
                // Up to sign: the sign convention (largest entry positive) is a coin toss when two entries tie in
                // magnitude, as in the Laplacian's symmetric and antisymmetric vectors.
                var (mine, theirs) = (vectors.Column(q), full.Eigenvectors.Column(q));
                if (gap > 1e-6 * norm)
                    Assert.True(Math.Min((mine - theirs).NormInfinity(), (mine + theirs).NormInfinity()) <= 1e-8, $"{kind}: v{q} differs from the full decomposition's");
            }
        }
        finally
        {
            WorkspacePool.Return(rows);
        }
    }

    private static Matrix DeflationMatrix(string kind, int n)
    {
        var a = new Matrix(n, n);
        var u = EigenReferenceData.Lcg(n, 1, (ulong)n).Column(0);
        switch (kind)
        {
            case "clusters":
                // H·diag(λ)·H with λ in three clusters of exactly equal and 1e-13-apart values.
                var h = Matrix.Identity(n);
                for (int i = 0; i < n; i++)
                    for (int j = 0; j < n; j++) h[i, j] -= 2 * u[i] * u[j] / u.Dot(u);
                var lambda = Enumerable.Range(0, n).Select(i => i < n / 3 ? 1.0 : i < 2 * n / 3 ? 2.0 : 3 + 1e-13 * i).ToArray();
                a = h * Matrix.Diagonal(lambda) * h;
                break;
            case "wilkinson":
                for (int i = 0; i < n; i++) a[i, i] = Math.Abs(i - (n - 1) / 2.0);
                for (int i = 0; i + 1 < n; i++) a[i, i + 1] = a[i + 1, i] = 1;
                break;
            case "laplacian":
                for (int i = 0; i < n; i++) a[i, i] = 2;
                for (int i = 0; i + 1 < n; i++) a[i, i + 1] = a[i + 1, i] = -1;
                break;
            case "identityPlusRankOne":
                for (int i = 0; i < n; i++)
                    for (int j = 0; j < n; j++) a[i, j] = (i == j ? 1 : 0) + u[i] * u[j];
                break;
            case "diagonal":
                for (int i = 0; i < n; i++) a[i, i] = u[i];
                break;
            default:
                var b = EigenReferenceData.LcgSymmetric(n, 5);
                for (int i = 0; i < n; i++)
                    for (int j = 0; j < n; j++) a[i, j] = b[i, j] * Math.Pow(10, -(i + j) * 8.0 / n);
                break;
        }

        for (int i = 0; i < n; i++)
            for (int j = 0; j < i; j++) a[j, i] = a[i, j];
        return a;
    }

    /// <summary>Residuals, orthonormality, reconstruction (all n pairs), ordering and sign convention.</summary>
    internal static void AssertValidDecomposition(Matrix a, SymmetricEigen eig, double norm)
    {
        AssertValidPairs(a, eig.Eigenvalues.AsSpan().ToArray(), eig.Eigenvectors, norm);
        if (eig.Eigenvalues.Length == a.Rows) Assert.True(eig.Reconstruct().ApproximatelyEquals(a, 1e-10 * norm), "A = VΛVᵀ");
    }

    /// <summary>Residuals, orthonormality, ordering and sign convention of the pairs (λ_q, column q of V).</summary>
    private static void AssertValidPairs(Matrix a, double[] values, Matrix v, double norm)
    {
        int n = a.Rows, k = values.Length;
        var av = a * v;
        for (int q = 0; q < k; q++)
        {
            Assert.True(q == 0 || values[q - 1] >= values[q], "descending");
            var residual = av.Column(q) - values[q] * v.Column(q);
            Assert.True(residual.Norm() <= 1e-10 * norm, $"residual of pair {q}: {residual.Norm()}");
            var column = v.Column(q).AsSpan();
            int peak = 0;
            for (int i = 1; i < n; i++)
                if (Math.Abs(column[i]) > Math.Abs(column[peak])) peak = i;
            Assert.True(column[peak] > 0, $"sign of vector {q}");
        }

        var gram = v.TransposeTimes(v);
        Assert.True(gram.ApproximatelyEquals(Matrix.Identity(k), 1e-12 * n), "VᵀV = I");
    }
}
