using System.Globalization;
using MathForML.LinearAlgebra;
using MathForML.Plots;
using MathForML.Randomness;
using MathForML.Statistics;

namespace MathForML.Studio.Pages;

/// <summary>
/// PCA course, week 1 (mean and covariance; "affine transformation of datasets"): a 2-D data set, its mean and
/// covariance (<see cref="SampleStatistics"/>), and the same set mapped by an affine map the learner sets
/// (<see cref="AffineMap"/>): the mapped points' statistics beside the formulas Aμ + b and ASAᵀ.
/// </summary>
public sealed partial class MeanCovariance
{
    /// <summary>The data: 200 correlated points from NumPy's legacy generator, seed 42 (standard normals mapped by a fixed shape).</summary>
    internal static readonly Matrix Data = new AffineMap(Matrix.FromRows([1.5, 0], [0.9, 0.6]), Vector.Of(1, 0.5)).Apply(new NumPyRandom(42).Randn(200, 2));

    private readonly Vector _mean = SampleStatistics.Mean(Data);
    private readonly Matrix _covariance = SampleStatistics.Covariance(Data);
    private double _a11 = 1, _a12 = -0.5, _a21 = 0.5, _a22 = 1, _b1 = 3, _b2 = 1;
    private Vector _mappedMean = null!, _formulaMean = null!;
    private Matrix _mappedCovariance = null!, _formulaCovariance = null!;
    private Figure _figure = null!;

    /// <inheritdoc />
    protected override void OnInitialized() => Update();

    private void Set(ref double field, double value)
    {
        field = value;
        Update();
    }

    private void Identity()
    {
        (_a11, _a12, _a21, _a22, _b1, _b2) = (1, 0, 0, 1, 0, 0);
        Update();
    }

    private void Update()
    {
        var map = new AffineMap(Matrix.FromRows([_a11, _a12], [_a21, _a22]), Vector.Of(_b1, _b2));
        var mapped = map.Apply(Data);
        _mappedMean = SampleStatistics.Mean(mapped);
        _mappedCovariance = SampleStatistics.Covariance(mapped);
        _formulaMean = map.MapMean(_mean);
        _formulaCovariance = map.MapCovariance(_covariance);
        _figure = CovarianceEllipsePlot.Create("The data and its image under x ↦ Ax + b",
        [
            new("data", Data, _mean, _covariance),
            new("Ax + b", mapped, _mappedMean, _mappedCovariance),
        ]);
    }

    private static string N(double x) => x.ToString("0.000", CultureInfo.InvariantCulture);

    internal static string V(Vector v) => $"({N(v[0])}, {N(v[1])})";

    internal static string M(Matrix m) => $"[[{N(m[0, 0])}, {N(m[0, 1])}], [{N(m[1, 0])}, {N(m[1, 1])}]]";
}
