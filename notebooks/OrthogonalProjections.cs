#:project ../src/MathForML/MathForML.csproj
#:project ../src/MathForML.Plots/MathForML.Plots.csproj
// Mathematics for ML: PCA, week 3: orthogonal projections onto a line and onto a subspace; images from eigen-images.
// Run with: dotnet run -c Release notebooks/OrthogonalProjections.cs -- [OUT_DIR] [IMAGES.npy]
//
// Onto the line spanned by b: π(x) = (bᵀx / bᵀb)·b, P = bbᵀ / bᵀb. Onto the column space of B: π(x) = B(BᵀB)⁻¹Bᵀx.
// Every projection matrix is symmetric (Pᵀ = P) and idempotent (P² = P), and the residual x − π(x) is orthogonal
// to the subspace.
using MathForML.Data;
using MathForML.DimensionalityReduction;
using MathForML.Geometry;
using MathForML.LinearAlgebra;
using MathForML.Plots;
using ScottPlot;

var outDir = args.Length > 0 ? args[0] : Directory.CreateTempSubdirectory("mml-notebook-").FullName;
Directory.CreateDirectory(outDir);

var b = Vector.Of(2, 1);
var x = Vector.Of(1, 2);
var p = Projection.OntoLineMatrix(b);
var px = Projection.OntoLine(x, b);
Console.WriteLine($"onto the line of b = (2, 1): π(x) = ({px[0]:F3}, {px[1]:F3}); ‖P² − P‖ = {(p * p - p).MaxAbs():E1}, symmetric: {p.IsSymmetric()}, bᵀ(x − π(x)) = {b.Dot(x - px):E1}");

var line = new Plot();
line.Title("Projection of x onto the line spanned by b");
var l = line.Add.Line(-2 * b[0], -2 * b[1], 2 * b[0], 2 * b[1]);
l.LegendText = "span(b)";
line.Add.Scatter(new[] { x[0] }, new[] { x[1] }).LegendText = "x";
line.Add.Scatter(new[] { px[0] }, new[] { px[1] }).LegendText = "π(x)";
line.Add.Line(x[0], x[1], px[0], px[1]).LinePattern = LinePattern.Dashed;
line.Axes.Bottom.Label.Text = "x₁";
line.Axes.Left.Label.Text = "x₂";
line.Axes.SquareUnits();
line.ShowLegend();
line.SavePng(Path.Combine(outDir, "projection-line.png"), 600, 500);

var basis = Matrix.FromRows([1, 0], [1, 1], [1, 2]);   // a plane in ℝ³
var ps = Projection.OntoSubspaceMatrix(basis);
var y = Vector.Of(6, 0, 0);
var py = Projection.OntoSubspace(y, basis);
Console.WriteLine($"onto a plane in ℝ³: π((6, 0, 0)) = ({py[0]:F3}, {py[1]:F3}, {py[2]:F3}), λ = {Projection.Coordinates(y, basis)}, ‖P² − P‖ = {(ps * ps - ps).MaxAbs():E1}, trace P = {ps.Trace():F3}");

// Images from a basis of eigen-images: B holds K principal components of the digits as columns (D×K); projecting a
// centred digit onto span(B) and adding the mean back reconstructs it, better as K grows.
var images = args.Length > 1 ? NpyFile.ReadMatrix(args[1]) : Mnist.Load().Images;
if (images.MaxAbs() > 1) images /= 255.0;
var pca = Pca.Fit(images, new PcaOptions { Components = Math.Min(100, Math.Min(images.Rows, images.Columns)) });
var digit = images.Row(0) - pca.Mean;
var ks = new[] { 2, 10, 30, pca.ComponentCount };
var strip = new Matrix(ks.Length + 1, images.Columns);
void Draw(int slot, Vector v) => v.AsSpan().CopyTo(strip.RowSpan(slot));

Draw(0, images.Row(0));
for (int s = 0; s < ks.Length; s++)
{
    var eigenImages = pca.Components.SliceRows(..ks[s]).Transpose();   // D×K basis
    var projected = Projection.OntoSubspace(digit, eigenImages) + pca.Mean;
    Console.WriteLine($"K = {ks[s],3}: ‖x − π(x)‖ = {(images.Row(0) - projected).Norm():F4}");
    Draw(s + 1, projected);
}

string[] captions = ["the digit", .. ks.Select(k => $"π onto K = {k}")];
ImagePlots.Strip("A digit and its projections onto K eigen-images (plus the mean)", strip, 28, captions)
    .Save(Path.Combine(outDir, "eigen-image-projections.png"));
Console.WriteLine($"Wrote projection-line.png and eigen-image-projections.png to {outDir}");
