#:project ../src/MathForML/MathForML.csproj
#:package ScottPlot
// Linear Algebra, week 4 assignment: "Reflecting Bear".
// Run with: dotnet run notebooks/ReflectingBear.cs   (writes reflecting-bear.png in the current folder)
//
// To reflect in a mirror, change to a basis where the reflection is simple, reflect there, and change back.
// Given a "mirror basis" whose first column lies in the mirror, Gram–Schmidt makes it orthonormal: E = [e₀ e₁],
// e₀ along the mirror and e₁ normal to it. In E's coordinates the reflection keeps e₀ and flips e₁:
// T_E = [[1, 0], [0, −1]]. Back in the standard basis T = E·T_E·E⁻¹ = E·T_E·Eᵀ (E is orthonormal, so E⁻¹ = Eᵀ).
using MathForML.LinearAlgebra;
using ScottPlot;

var mirrorBasis = Matrix.FromRows([1, -1], [0.5, 2]);   // first column (1, 0.5) lies in the mirror
var e = GramSchmidt.Orthonormalize(mirrorBasis).Basis;
var te = Matrix.Diagonal(1, -1);
var t = e * te * e.Transpose();
Console.WriteLine("Reflection matrix T:");
Console.WriteLine(t);
Console.WriteLine($"T² = I? {(t * t).ApproximatelyEquals(Matrix.Identity(2), 1e-14)}   T symmetric? {t.IsSymmetric()}");

// The bear: a head (circle) with two ears and a snout, as polygon points in the columns of a 2×n matrix.
Matrix Circle(double cx, double cy, double r, int n)
{
    var m = new Matrix(2, n + 1);
    for (int i = 0; i <= n; i++)
    {
        double a = 2 * Math.PI * i / n;
        m[0, i] = cx + r * Math.Cos(a);
        m[1, i] = cy + r * Math.Sin(a);
    }
    return m;
}
var parts = new[] { Circle(2.5, 2.0, 1.0, 60), Circle(1.8, 2.9, 0.35, 30), Circle(3.2, 2.9, 0.35, 30), Circle(2.5, 1.7, 0.3, 30), Circle(2.15, 2.3, 0.08, 12), Circle(2.85, 2.3, 0.08, 12) };

var plot = new Plot();
plot.Title("Reflecting bear");
foreach (var (part, index) in parts.Select((p, i) => (p, i)))
{
    var reflected = t * part;   // every point at once: T times the matrix of points
    var bear = plot.Add.Scatter(part.Row(0).ToArray(), part.Row(1).ToArray(), Colors.SaddleBrown);
    var mirrored = plot.Add.Scatter(reflected.Row(0).ToArray(), reflected.Row(1).ToArray(), Colors.SteelBlue);
    bear.MarkerSize = mirrored.MarkerSize = 0;
    bear.LineWidth = mirrored.LineWidth = 2;
    if (index == 0) { bear.LegendText = "bear"; mirrored.LegendText = "reflection"; }
}
var d = mirrorBasis.Column(0).Normalize() * 5;
var line = plot.Add.Line(-d[0], -d[1], d[0], d[1]);
line.LinePattern = LinePattern.Dashed;
line.LegendText = "mirror";
plot.Axes.SquareUnits();
plot.ShowLegend();
plot.SavePng("reflecting-bear.png", 640, 640);
Console.WriteLine("Wrote reflecting-bear.png");
