using System.Text.Json;
using MathForML.Calculus;
using MathForML.LinearAlgebra;
using MathForML.Optimization;
using Xunit.Abstractions;

namespace MathForML.Tests.Optimization;

/// <summary>
/// Issue 17: refined linear least squares against the exact rational solutions of Reference/least-squares/
/// ill-conditioned.json (made by make_ill_conditioned.py: raw powers of x = 1..20 up to degree 10, nearly collinear
/// columns; designs and responses exact in double). Tolerance: every coefficient, every standard error and S to a
/// relative error ≤ 1e-10 (10 significant digits).
/// </summary>
public class LinearLeastSquaresRefinementTests(ITestOutputHelper output)
{
    private const double TenDigits = 1e-10;

    public static TheoryData<string> Cases => ["poly5", "poly7", "poly9", "poly10", "collinear"];

    [Theory]
    [MemberData(nameof(Cases))]
    public void RefinedFitHasTenCorrectDigits(string name)
    {
        var c = Case(name);
        var refined = Fit(c, new LinearLeastSquaresOptions());
        var plain = Fit(c, new LinearLeastSquaresOptions { Refinement = LinearLeastSquaresRefinement.Off });
        output.WriteLine($"{name}: κ₂(X) {c.GetProperty("condition").GetDouble():E2}, κ₂(XD) {c.GetProperty("condition_scaled").GetDouble():E2}, " +
            $"κ₁(R) estimate {refined.ConditionEstimate:E2}, steps {refined.RefinementSteps}; digits (coefficients / standard errors): " +
            $"plain {Digits(plain.Coefficients, c, "coefficients"):F1} / {Digits(plain.StandardErrors, c, "standard_errors"):F1}, " +
            $"refined {Digits(refined.Coefficients, c, "coefficients"):F1} / {Digits(refined.StandardErrors, c, "standard_errors"):F1}, " +
            $"numpy {c.GetProperty("numpy_coefficient_digits").GetDouble():F1} / {c.GetProperty("numpy_standard_error_digits").GetDouble():F1}");
        Assert.True(refined.RefinementSteps > 0, $"{name}: κ₁(R) ≈ {refined.ConditionEstimate:E2} should have switched refinement on");
        Assert.True(MaxRelativeError(refined.Coefficients, c, "coefficients") <= TenDigits, $"{name}: coefficients");
        Assert.True(MaxRelativeError(refined.StandardErrors, c, "standard_errors") <= TenDigits, $"{name}: standard errors");
        Assert.True(RelativeError(refined.ResidualSumOfSquares, c.GetProperty("rss").GetString()!) <= TenDigits, $"{name}: S");
    }

    [Fact]
    public void PlainQrAndNumpyMissTenDigitsOnTheWorstCaseWhereRefinementMeetsThem()
    {
        var c = Case("poly10");
        var plain = Fit(c, new LinearLeastSquaresOptions { Refinement = LinearLeastSquaresRefinement.Off });
        var refined = Fit(c, new LinearLeastSquaresOptions { Refinement = LinearLeastSquaresRefinement.On });
        Assert.Equal(0, plain.RefinementSteps);
        Assert.True(MaxRelativeError(plain.Coefficients, c, "coefficients") > TenDigits, "plain QR was expected to lose more than 6 digits at κ₂(X) ≈ 8.7e14");
        var numpyCoefficients = Vector.Of(c.GetProperty("numpy_coefficients").EnumerateArray().Select(v => v.GetDouble()).ToArray());
        var numpyErrors = Vector.Of(c.GetProperty("numpy_standard_errors").EnumerateArray().Select(v => v.GetDouble()).ToArray());
        Assert.True(MaxRelativeError(numpyCoefficients, c, "coefficients") > TenDigits, "numpy's lstsq (stored)");
        Assert.True(MaxRelativeError(numpyErrors, c, "standard_errors") > TenDigits, "numpy's pinv standard errors (stored)");
        Assert.True(MaxRelativeError(refined.Coefficients, c, "coefficients") <= TenDigits);
        Assert.True(MaxRelativeError(refined.StandardErrors, c, "standard_errors") <= TenDigits);
    }

    /// <summary>
    /// Why the augmented system: refining β alone (δ = X⁺(y − Xβ) through the same QR, residual in double-double, β in
    /// double-double) converges to the solution of a nearby problem whose error is ~κ²u·‖r‖/(‖X‖‖β‖) (Golub &amp; Wilkinson
    /// 1966); on the nearly collinear case (κ ≈ 10¹⁰, residual not small) it stays far from 10 digits, which the
    /// augmented-system refinement reaches.
    /// </summary>
    [Fact]
    public void RefiningBetaAloneStallsWhereTheAugmentedSystemConverges()
    {
        var c = Case("collinear");
        var x = c.GetProperty("x").ToMatrix();
        var y = c.GetProperty("y").ToVector();
        var design = new Matrix(x.Rows, x.Columns + 1);
        for (int i = 0; i < x.Rows; i++)
        {
            design[i, 0] = 1;
            for (int j = 0; j < x.Columns; j++) design[i, j + 1] = x[i, j];
        }
        var qr = QrDecomposition.Decompose(design);
        int n = design.Rows, p = design.Columns;
        var beta = new DoubleDouble[p];
        var delta = new double[p];
        for (int step = 0; step < 10; step++)
        {
            var r = new double[n];
            for (int i = 0; i < n; i++)
            {
                DoubleDouble ri = y[i];
                for (int j = 0; j < p; j++) ri -= beta[j] * design[i, j];
                r[i] = ri.Hi;
            }
            Assert.True(qr.TrySolve(r, delta));
            for (int j = 0; j < p; j++) beta[j] += delta[j];
        }
        double simple = MaxRelativeError(Vector.Of(beta.Select(v => v.Hi).ToArray()), c, "coefficients");
        double augmented = MaxRelativeError(Fit(c, new LinearLeastSquaresOptions()).Coefficients, c, "coefficients");
        output.WriteLine($"collinear: relative error of β refined alone {simple:E2}, by the augmented system {augmented:E2}");
        Assert.True(simple > TenDigits, $"refining β alone reached {simple:E2}");
        Assert.True(augmented <= TenDigits);
    }

    [Fact]
    public void WellConditionedFitsAreUnchanged()
    {
        var reference = ReferenceData.Json("least-squares", "reference.json");
        var x = reference.GetProperty("x").ToMatrix();
        var y = reference.GetProperty("y").ToVector();
        var before = LinearLeastSquares.Fit(x, y, options: new LinearLeastSquaresOptions { Refinement = LinearLeastSquaresRefinement.Off });
        var auto = LinearLeastSquares.Fit(x, y);
        var refined = LinearLeastSquares.Fit(x, y, options: new LinearLeastSquaresOptions { Refinement = LinearLeastSquaresRefinement.On });
        Assert.True(auto.ConditionEstimate < 1e6, $"κ₁(R) ≈ {auto.ConditionEstimate:E2}");
        Assert.Equal(0, auto.RefinementSteps);
        Assert.Equal(before.Coefficients.ToArray(), auto.Coefficients.ToArray());
        Assert.Equal(before.StandardErrors.ToArray(), auto.StandardErrors.ToArray());
        Assert.Equal(before.Covariance.ToArray(), auto.Covariance.ToArray());
        Assert.Equal(before.ResidualSumOfSquares, auto.ResidualSumOfSquares);
        Assert.True(refined.RefinementSteps > 0);
        for (int j = 0; j < 3; j++)
        {
            Assert.Equal(before.Coefficients[j], refined.Coefficients[j], Math.Abs(before.Coefficients[j]) * 1e-14);
            Assert.Equal(before.StandardErrors[j], refined.StandardErrors[j], before.StandardErrors[j] * 1e-14);
            for (int k = 0; k < 3; k++) Assert.Equal(before.Covariance[j, k], refined.Covariance[j, k], Math.Abs(before.Covariance[j, k]) * 1e-14);
        }
        Assert.Equal(before.ResidualSumOfSquares, refined.ResidualSumOfSquares, before.ResidualSumOfSquares * 1e-14);
    }

    [Fact]
    public void TheThresholdDecidesWhenAutoRefines()
    {
        var c = Case("poly5");
        var above = Fit(c, new LinearLeastSquaresOptions { RefinementThreshold = 1e9 });
        var below = Fit(c, new LinearLeastSquaresOptions { RefinementThreshold = 1e7 });
        Assert.InRange(above.ConditionEstimate, 1e7, 1e9);
        Assert.Equal(0, above.RefinementSteps);
        Assert.True(below.RefinementSteps > 0);
        var off = Fit(c, new LinearLeastSquaresOptions { Refinement = LinearLeastSquaresRefinement.Off, RefinementThreshold = 1 });
        Assert.Equal(0, off.RefinementSteps);
        Assert.Equal(above.Coefficients.ToArray(), off.Coefficients.ToArray());
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void ConditionEstimateIsWithinAFactorThreeBelowTheExactOneAndTheBoundAbove(string name)
    {
        var c = Case(name);
        var x = c.GetProperty("x").ToMatrix();
        var design = new Matrix(x.Rows, x.Columns + 1);
        for (int i = 0; i < x.Rows; i++)
        {
            design[i, 0] = 1;
            for (int j = 0; j < x.Columns; j++) design[i, j + 1] = x[i, j];
        }
        var qr = QrDecomposition.Decompose(design);
        double exact = OneNorm(qr.R) * OneNorm(qr.InverseR());
        double estimate = qr.EstimateConditionOfR();
        Assert.InRange(estimate / exact, 1.0 / 3, 1 + 1e-6);
        Assert.True(qr.ConditionUpperBoundOfR() >= exact * (1 - 1e-6), $"upper bound {qr.ConditionUpperBoundOfR():E3} below κ₁(R) = {exact:E3}");
    }

    [Fact]
    public void RejectsBadOptions()
    {
        Assert.Equal("RefinementThreshold", Assert.Throws<ArgumentOutOfRangeException>(() => new LinearLeastSquaresOptions { RefinementThreshold = 0 }).ParamName);
        Assert.Equal("RefinementThreshold", Assert.Throws<ArgumentOutOfRangeException>(() => new LinearLeastSquaresOptions { RefinementThreshold = double.NaN }).ParamName);
        Assert.Equal("MaxRefinementSteps", Assert.Throws<ArgumentOutOfRangeException>(() => new LinearLeastSquaresOptions { MaxRefinementSteps = 0 }).ParamName);
    }

    private static JsonElement Case(string name) =>
        ReferenceData.Json("least-squares", "ill-conditioned.json").GetProperty("cases").EnumerateArray().First(c => c.GetProperty("name").GetString() == name);

    private static LinearLeastSquaresResult Fit(JsonElement c, LinearLeastSquaresOptions options) =>
        LinearLeastSquares.Fit(c.GetProperty("x").ToMatrix(), c.GetProperty("y").ToVector(), options: options);

    private static double RelativeError(double value, string exact)
    {
        var e = DoubleDouble.Parse(exact);
        return Math.Abs((((DoubleDouble)value - e) / e).Hi);
    }

    private static double MaxRelativeError(Vector values, JsonElement c, string property)
    {
        var exact = c.GetProperty(property).EnumerateArray().Select(v => v.GetString()!).ToArray();
        Assert.Equal(exact.Length, values.Length);
        return exact.Select((e, j) => RelativeError(values[j], e)).Max();
    }

    private static double Digits(Vector values, JsonElement c, string property) => -Math.Log10(Math.Max(MaxRelativeError(values, c, property), 1e-17));

    private static double OneNorm(Matrix a)
    {
        double norm = 0;
        for (int j = 0; j < a.Columns; j++)
        {
            double column = 0;
            for (int i = 0; i < a.Rows; i++) column += Math.Abs(a[i, j]);
            norm = Math.Max(norm, column);
        }
        return norm;
    }
}
