using System.Text.Json;
using MathForML.LinearAlgebra;
using MathForML.Randomness;
using static MathForML.Tests.PcaCourseReference;

namespace MathForML.Tests.LinearAlgebra;

/// <summary>
/// <see cref="NumPyEig"/> against numpy's <c>np.linalg.eig</c> (Reference/numpy-eig: 65 seeded matrices of orders 1–32,
/// numpy's own matrices up to order 11; and the PCA course's worked examples): up to order 8, eigenvalues in LAPACK's
/// order and each eigenvector with numpy's sign, vectors to 1e-9; from order 9, where LAPACK's order and signs depend on
/// the rounding of OpenBLAS's kernels (3 of the 15 cases of orders 9–11 differ; see make_reference.py), the same
/// eigenvalues and true eigenpairs.
/// </summary>
public class NumPyEigTests
{
    public static TheoryData<int> Cases() => new(Enumerable.Range(0, ReferenceCases().GetArrayLength()));

    [Theory]
    [MemberData(nameof(Cases))]
    public void EqualsNumpyEigWithItsSigns(int index)
    {
        var c = ReferenceCases()[index];
        string recipe = c.GetProperty("recipe").GetString()!;
        int n = c.GetProperty("n").GetInt32();
        // numpy's own matrix where it is stored (orders ≤ 11: the sign depends on its last bits), else the recipe.
        var a = c.TryGetProperty("matrix", out var stored) ? stored.ToMatrix() : Make(recipe, n, c.GetProperty("seed").GetUInt32());
        var (values, vectors) = NumPyEig.Decompose(a);
        string name = $"{recipe} n = {n}";

        var expectedValues = c.GetProperty("values").ToVector();
        double scale = Math.Max(1, a.MaxAbs());
        bool exact = n <= 8;
        var ours = exact ? values.ToArray() : values.ToArray().Order().ToArray();
        var theirs = exact ? expectedValues.ToArray() : expectedValues.ToArray().Order().ToArray();
        for (int j = 0; j < n; j++) Assert.True(Math.Abs(theirs[j] - ours[j]) <= 1e-10 * scale, $"{name}: λ{j} = {ours[j]}, numpy {theirs[j]}");
        for (int j = 0; j < n; j++)
        {
            var v = vectors.Column(j);
            Assert.Equal(1, v.Norm(), 1e-14);
            var residual = a * v - values[j] * v;
            Assert.True(residual.Norm() <= 1e-12 * scale * n, $"{name}: ‖Av − λv‖ = {residual.Norm()}");
        }

        if (!exact) return;

        var sums = c.GetProperty("column_sums").ToVector();
        var largestIndex = c.GetProperty("largest_index").ToInts();
        var largestValue = c.GetProperty("largest_value").ToVector();
        for (int j = 0; j < n; j++)
        {
            var v = vectors.Column(j);
            Assert.True(Math.Abs(v.AsSpan().ToArray().Sum() - sums[j]) <= 1e-9, $"{name}: column {j} sums to {v.AsSpan().ToArray().Sum()}, numpy's {sums[j]}");
            Assert.True(Math.Sign(v[largestIndex[j]]) == Math.Sign(largestValue[j]), $"{name}: column {j} has the other sign than numpy's");
            Assert.Equal(largestValue[j], v[largestIndex[j]], 1e-9);
        }

        if (c.TryGetProperty("vectors", out var full))
            Assert.True((full.ToMatrix() - vectors).MaxAbs() <= 1e-12, $"{name}: vectors differ from numpy's by {(full.ToMatrix() - vectors).MaxAbs()}");
    }

    [Fact]
    public void TheRecipesRebuildNumpysMatricesToRounding()
    {
        // The stored matrices and the recipes agree (bit for bit for the symmetric recipe, whose arithmetic is exact).
        foreach (var c in ReferenceCases().EnumerateArray().Where(c => c.TryGetProperty("matrix", out _)))
        {
            string recipe = c.GetProperty("recipe").GetString()!;
            var made = Make(recipe, c.GetProperty("n").GetInt32(), c.GetProperty("seed").GetUInt32());
            var stored = c.GetProperty("matrix").ToMatrix();
            double difference = (made - stored).MaxAbs();
            Assert.True(recipe == "symmetric" ? difference == 0 : difference <= 1e-12 * Math.Max(1, stored.MaxAbs()), $"{recipe}: {difference}");
        }
    }

    [Fact]
    public void TheCoursesEigTestGivesItsVectors()
    {
        // The course's test of eig(S): S = [[3, 2], [2, 3]] → eigenvalues 5, 1 and numpy's columns (0.707, 0.707),
        // (−0.707, 0.707), signs as printed.
        var week4 = Week(4);
        var (values, vectors) = NumPyEig.CourseEig(week4.GetProperty("eig_A").ToMatrix());
        AssertClose(week4.GetProperty("eig_A_values").ToVector(), values, 1e-15, "eig values");
        AssertClose(week4.GetProperty("eig_A_vectors").ToMatrix(), vectors, 1e-15, "eig vectors");
    }

    [Fact]
    public void TheCoursesGaussianTestDataGetsNumpysSign()
    {
        // The week-4 test data (10 samples of a 2-D Gaussian, RandomState(0)): numpy's eig gives the first principal
        // component as (−0.584, −0.812) and its eigh (0.584, 0.812); the course uses eig.
        var week4 = Week(4);
        var x = week4.GetProperty("mvn_x").ToMatrix();
        var mean = new double[2];
        for (int i = 0; i < x.Rows; i++)
            for (int j = 0; j < 2; j++) mean[j] += x[i, j] / x.Rows;
        var s = new Matrix(2, 2);
        for (int i = 0; i < x.Rows; i++)
            for (int p = 0; p < 2; p++)
                for (int q = 0; q < 2; q++) s[p, q] += (x[i, p] - mean[p]) * (x[i, q] - mean[q]) / x.Rows;
        var (values, vectors) = NumPyEig.CourseEig(s);
        var expected = week4.GetProperty("mvn");
        AssertClose(new Vector(expected.GetProperty("eigenvalues").ToVector().AsSpan()), values, 1e-14, "eigenvalues");
        AssertClose(expected.GetProperty("basis").ToMatrix(), vectors.SliceColumns(..1), 1e-14, "B, with eig's sign");
        Assert.True(vectors[0, 0] < 0 && vectors[1, 0] < 0);
    }

    [Fact]
    public void ComplexEigenvaluesAreRefusedByName()
    {
        var rotation = Matrix.FromRows([0, -1], [1, 0]);
        var e = Assert.Throws<ArgumentException>(() => NumPyEig.Decompose(rotation));
        Assert.Contains("complex eigenvalues", e.Message);
        Assert.Throws<DimensionMismatchException>(() => NumPyEig.Decompose(new Matrix(2, 3)));
        Assert.ThrowsAny<ArgumentException>(() => NumPyEig.Decompose(Matrix.FromRows([1, double.NaN], [0, 1])));
    }

    [Fact]
    public void EmptyAndOneByOne()
    {
        var (values, vectors) = NumPyEig.Decompose(new Matrix(0, 0));
        Assert.Equal(0, values.Length);
        Assert.Equal(0, vectors.Rows);
        (values, vectors) = NumPyEig.Decompose(Matrix.FromRows([-3]));
        Assert.Equal(-3, values[0]);
        Assert.Equal(1, vectors[0, 0]);
    }

    private static JsonElement ReferenceCases() => ReferenceData.Json("numpy-eig", "reference.json").GetProperty("cases");

    /// <summary>The script's recipes, from the same RandomState streams (see make_reference.py).</summary>
    private static Matrix Make(string recipe, int n, uint seed)
    {
        var r = new NumPyRandom(seed);
        switch (recipe)
        {
            case "symmetric":
                {
                    var g = r.Randn(n, n);
                    var a = new Matrix(n, n);
                    for (int i = 0; i < n; i++)
                        for (int j = 0; j < n; j++) a[i, j] = (g[i, j] + g[j, i]) / 2;
                    return a;
                }

            case "covariance":
            case "isolated":
                {
                    var x = r.Randn(2 * n, n);
                    for (int i = 0; i < x.Rows; i++)
                        for (int j = 0; j < n; j++) x[i, j] *= 1 + j;
                    var a = Covariance(x);
                    if (recipe == "isolated" && n >= 3)
                    {
                        for (int t = 0; t < n; t++) a[0, t] = a[t, 0] = a[n - 1, t] = a[t, n - 1] = 0;
                        a[0, 0] = 0.5;
                        a[n - 1, n - 1] = 2;
                    }

                    return a;
                }

            default:
                {
                    var v = r.Randn(n, n) + n * Matrix.Identity(n);
                    var d = new Matrix(n, n);
                    for (int i = 0; i < n; i++) d[i, i] = 1 + i;
                    var a = v * d * v.Inverse();
                    if (recipe == "graded")
                        for (int i = 0; i < n; i++)
                            for (int j = 0; j < n; j++) a[i, j] *= Math.ScaleB(1.0, i - j);
                    return a;
                }
        }
    }

    /// <summary>np.cov(X − mean, rowvar=False, bias=True): the centred columns' products over the row count.</summary>
    private static Matrix Covariance(Matrix x)
    {
        int rows = x.Rows, n = x.Columns;
        var mean = new double[n];
        for (int i = 0; i < rows; i++)
            for (int j = 0; j < n; j++) mean[j] += x[i, j];
        for (int j = 0; j < n; j++) mean[j] /= rows;
        var a = new Matrix(n, n);
        for (int i = 0; i < rows; i++)
            for (int p = 0; p < n; p++)
                for (int q = 0; q < n; q++) a[p, q] += (x[i, p] - mean[p]) * (x[i, q] - mean[q]);
        for (int p = 0; p < n; p++)
            for (int q = 0; q < n; q++) a[p, q] /= rows;
        return a;
    }
}
