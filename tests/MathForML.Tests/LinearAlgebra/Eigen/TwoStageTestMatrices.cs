using MathForML.LinearAlgebra.Eigen;

namespace MathForML.Tests.LinearAlgebra.Eigen;

/// <summary>Inputs and references shared by the two-stage reduction's tests: random symmetric and band matrices, dense eigenvalues, norms.</summary>
internal static class TwoStageTestMatrices
{
    /// <summary>A full symmetric n×n matrix with entries in [−1, 1).</summary>
    public static double[] RandomSymmetric(int n, int seed)
    {
        var random = new Random(seed);
        var a = new double[n * n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j <= i; j++) a[(i * n) + j] = a[(j * n) + i] = (2 * random.NextDouble()) - 1;
        return a;
    }

    /// <summary>A symmetric band matrix of bandwidth b (both triangles), entries in [−1, 1) within the band.</summary>
    public static double[] RandomBand(int n, int b, int seed)
    {
        var random = new Random(seed);
        var a = new double[n * n];
        for (int i = 0; i < n; i++)
            for (int j = Math.Max(0, i - b); j <= i; j++) a[(i * n) + j] = a[(j * n) + i] = (2 * random.NextDouble()) - 1;
        return a;
    }

    /// <summary>The full symmetric matrix whose lower triangle is that of <paramref name="a"/>.</summary>
    public static double[] FromLower(double[] a, int n)
    {
        var full = new double[n * n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j <= i; j++) full[(i * n) + j] = full[(j * n) + i] = a[(i * n) + j];
        return full;
    }

    /// <summary>Ascending eigenvalues of the full symmetric <paramref name="a"/> by the unblocked reduction (dsytd2) and QL.</summary>
    public static double[] Eigenvalues(double[] a, int n)
    {
        var (d, e) = (new double[n], new double[n]);
        HouseholderTridiagonalization.Reduce((double[])a.Clone(), n, d, e, new double[n * n], new double[n]);
        return TridiagonalEigenvalues(d, e, n);
    }

    /// <summary>Ascending eigenvalues of the tridiagonal (d, e) by QL.</summary>
    public static double[] TridiagonalEigenvalues(double[] d, double[] e, int n)
    {
        var (values, off) = ((double[])d.Clone(), new double[n]);
        Array.Copy(e, off, Math.Max(0, n - 1));
        TridiagonalQl.Diagonalize(values, off, n, null);
        Array.Sort(values);
        return values;
    }

    /// <summary>√Σ over the full symmetric matrix whose lower triangle is that of <paramref name="a"/>.</summary>
    public static double LowerFrobenius(double[] a, int n)
    {
        double sum = 0;
        for (int i = 0; i < n; i++)
            for (int j = 0; j <= i; j++) sum += (i == j ? 1 : 2) * a[(i * n) + j] * a[(i * n) + j];
        return Math.Sqrt(sum);
    }

    /// <summary>‖T‖_F of the tridiagonal (d, e).</summary>
    public static double TridiagonalFrobenius(double[] d, double[] e, int n)
    {
        double sum = 0;
        for (int i = 0; i < n; i++) sum += d[i] * d[i];
        for (int i = 0; i + 1 < n; i++) sum += 2 * e[i] * e[i];
        return Math.Sqrt(sum);
    }

    /// <summary>Each eigenvalue within tolerance·scale of its reference (both ascending).</summary>
    public static void AssertSameEigenvalues(double[] expected, double[] actual, double scale, double tolerance)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
            Assert.True(Math.Abs(expected[i] - actual[i]) <= tolerance * scale, $"λ{i}: {actual[i]:R} vs {expected[i]:R} (scale {scale:G3})");
    }
}
