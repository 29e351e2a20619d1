using System.Text.Json;
using MathForML.Data;
using MathForML.LinearAlgebra;

namespace MathForML.Tests;

/// <summary>
/// The PCA course's weeks 1–4 computed by numpy the course's way (Reference/pca-course/make_reference.py), and the
/// comparisons the tests make with them: entry by entry, and for eigenvectors up to the sign of each column.
/// </summary>
internal static class PcaCourseReference
{
    private static readonly Lazy<JsonElement> Root = new(() => ReferenceData.Json("pca-course", "reference.json"));

    /// <summary>Week <paramref name="week"/>'s section ("week1" … "week4").</summary>
    public static JsonElement Week(int week) => Root.Value.GetProperty($"week{week}");

    /// <summary>The 12×5 data set (rounded to 6 decimals, so its CSV holds it exactly).</summary>
    public static Matrix Small => Root.Value.GetProperty("small").ToMatrix();

    /// <summary>The 6×10 data set (N &lt; D) of the high-dimensional PCA.</summary>
    public static Matrix Wide => Root.Value.GetProperty("wide").ToMatrix();

    /// <summary>A stored .npy of the folder as a matrix.</summary>
    public static Matrix Npy(string name) => NpyFile.ReadMatrix(ReferenceData.PathOf("pca-course", name));

    /// <summary>Asserts |expected − actual| ≤ tolerance entry by entry, naming the worst entry.</summary>
    public static void AssertClose(Matrix expected, Matrix actual, double tolerance, string what)
    {
        Assert.True(expected.Rows == actual.Rows && expected.Columns == actual.Columns,
            $"{what}: shape {actual.Rows}×{actual.Columns}, numpy {expected.Rows}×{expected.Columns}");
        var (worst, at) = (0.0, 0);
        var e = expected.AsSpan();
        var a = actual.AsSpan();
        for (int i = 0; i < e.Length; i++)
            if (!(Math.Abs(e[i] - a[i]) <= worst)) (worst, at) = (Math.Abs(e[i] - a[i]), i);
        Assert.True(worst <= tolerance, $"{what}: entry ({at / expected.Columns}, {at % expected.Columns}) is {a[at]:R}, numpy {e[at]:R} (difference {worst:E2} > {tolerance:E0})");
    }

    /// <summary>Asserts |expected − actual| ≤ tolerance element by element.</summary>
    public static void AssertClose(Vector expected, Vector actual, double tolerance, string what) =>
        AssertClose(Matrix.Wrap(1, expected.Length, expected.ToArray()), Matrix.Wrap(1, actual.Length, actual.ToArray()), tolerance, what);

    /// <summary>
    /// Asserts that each column of <paramref name="actual"/> is the matching column of <paramref name="expected"/> or its
    /// negative, to <paramref name="tolerance"/> (numpy's eigenvector signs follow no rule; see Pca.CourseBasis).
    /// Returns how many columns had the opposite sign.
    /// </summary>
    public static int AssertSameUpToColumnSigns(Matrix expected, Matrix actual, double tolerance, string what)
    {
        Assert.True(expected.Rows == actual.Rows && expected.Columns == actual.Columns,
            $"{what}: shape {actual.Rows}×{actual.Columns}, numpy {expected.Rows}×{expected.Columns}");
        var aligned = expected.Clone();
        int flipped = 0;
        for (int j = 0; j < expected.Columns; j++)
        {
            double dot = 0;
            for (int i = 0; i < expected.Rows; i++) dot += expected[i, j] * actual[i, j];
            if (dot >= 0) continue;
            flipped++;
            for (int i = 0; i < expected.Rows; i++) aligned[i, j] = -aligned[i, j];
        }

        AssertClose(aligned, actual, tolerance, what);
        return flipped;
    }
}
