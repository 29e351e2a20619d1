using MathForML.LinearAlgebra;
using ScottPlot;

namespace MathForML.Plots;

/// <summary>
/// Two-dimensional data sets as points, each with its mean and its covariance ellipse: the curve
/// {μ + 2·(√λ₁ cos t·u₁ + √λ₂ sin t·u₂)} through two standard deviations along each eigenvector uᵢ of the covariance
/// (PCA course, week 1: how an affine map x ↦ Ax + b moves the mean to Aμ + b and the covariance to ASAᵀ).
/// </summary>
public static class CovarianceEllipsePlot
{
    /// <summary>One data set to draw: N×2 points, their mean and covariance, and a name for the legend.</summary>
    /// <param name="Name">The legend's name for the set.</param>
    /// <param name="Points">N×2: one point a row.</param>
    /// <param name="Mean">The mean (length 2).</param>
    /// <param name="Covariance">The 2×2 covariance.</param>
    public sealed record Set(string Name, Matrix Points, Vector Mean, Matrix Covariance);

    private static readonly Color[] Palette = [Colors.Gray, Colors.SteelBlue, Colors.OrangeRed, Colors.SeaGreen];

    /// <summary>Draws each set's points, mean (a cross) and two-standard-deviation ellipse.</summary>
    /// <returns>A 560×520 figure with equal units on both axes.</returns>
    public static Figure Create(string title, IReadOnlyList<Set> sets)
    {
        ArgumentNullException.ThrowIfNull(sets);
        var plot = new Plot();
        plot.Title(title);
        for (int s = 0; s < sets.Count; s++)
        {
            var set = sets[s];
            if (set.Points.Columns != 2 || set.Mean.Length != 2 || set.Covariance.Rows != 2 || set.Covariance.Columns != 2)
                throw new ArgumentException($"Set '{set.Name}' is not two-dimensional.", nameof(sets));
            var color = Palette[s % Palette.Length];
            var points = plot.Add.ScatterPoints(set.Points.Column(0).ToArray(), set.Points.Column(1).ToArray(), color.WithAlpha(0.55));
            points.MarkerSize = 4;
            points.LegendText = set.Name;
            var (xs, ys) = Ellipse(set.Mean, set.Covariance);
            var ellipse = plot.Add.ScatterLine(xs, ys, color);
            ellipse.LineWidth = 2.5f;
            var mean = plot.Add.Marker(set.Mean[0], set.Mean[1], MarkerShape.Cross, 16, color);
            mean.MarkerLineWidth = 3;
        }

        plot.Axes.Bottom.Label.Text = "x₁";
        plot.Axes.Left.Label.Text = "x₂";
        plot.Axes.SquareUnits();
        plot.ShowLegend(Alignment.UpperLeft);
        return new Figure(plot, 560, 520);
    }

    /// <summary>Points on the two-standard-deviation ellipse of <paramref name="covariance"/> around <paramref name="mean"/>.</summary>
    private static (double[] X, double[] Y) Ellipse(Vector mean, Matrix covariance)
    {
        const int n = 121;
        var eig = SymmetricEigen.Decompose(covariance);
        double a = 2 * Math.Sqrt(Math.Max(eig.Eigenvalues[0], 0)), b = 2 * Math.Sqrt(Math.Max(eig.Eigenvalues[1], 0));
        var u = eig.Eigenvectors;
        var xs = new double[n];
        var ys = new double[n];
        for (int i = 0; i < n; i++)
        {
            double t = 2 * Math.PI * i / (n - 1), c = a * Math.Cos(t), s = b * Math.Sin(t);
            xs[i] = mean[0] + c * u[0, 0] + s * u[0, 1];
            ys[i] = mean[1] + c * u[1, 0] + s * u[1, 1];
        }

        return (xs, ys);
    }
}
