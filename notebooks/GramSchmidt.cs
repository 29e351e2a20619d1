#:project ../src/MathForML/MathForML.csproj
// Linear Algebra, week 4 assignment: the Gram–Schmidt process.
// Run with: dotnet run notebooks/GramSchmidt.cs
//
// Take the vectors (the columns of A) in order. From each, subtract its projection onto every vector already made
// orthonormal, e_j: v ← v − (v·e_j) e_j. What is left is orthogonal to all of them; divide it by its length to make
// it a unit vector. If almost nothing is left (norm ≤ 1e-14) the vector was a combination of the earlier ones: it
// adds no new dimension, and the course sets it to zero. The number of non-zero columns is the dimension of the
// space the vectors span.
using MathForML.LinearAlgebra;

var a = Matrix.FromRows(
    [1, 0, 2, 6],
    [0, 1, 8, 2],
    [2, 8, 3, 1],
    [1, -6, 2, 3]);
var result = GramSchmidt.Orthonormalize(a);
Console.WriteLine("Four vectors in R⁴ (columns):");
Console.WriteLine(a);
Console.WriteLine($"Orthonormal basis, dimension {result.Dimension}:");
Console.WriteLine(result.Basis);
Console.WriteLine("Check EᵀE = I:");
Console.WriteLine(result.Basis.TransposeTimes(result.Basis));

// A dependent set: the third column is the first plus twice the second.
var dependent = Matrix.FromRows([1, 0, 1], [0, 1, 2], [1, 1, 3]);
var r2 = GramSchmidt.Orthonormalize(dependent);
Console.WriteLine($"\nColumns [1,0,1], [0,1,1], [1,2,3]: dimension {r2.Dimension} (the last column became zero)");
Console.WriteLine(r2.Basis);

// Wide sets: five vectors in R³ span at most 3 dimensions.
var wide = Matrix.FromRows([1, 2, 0, 1, 3], [0, 1, 1, 2, 1], [1, 0, 2, 1, 1]);
Console.WriteLine($"\nFive vectors in R³ span dimension {GramSchmidt.Orthonormalize(wide).Dimension}.");

// Numerically, one pass loses orthogonality on nearly dependent vectors; a second pass ("twice is enough") fixes it.
var hilbert = new Matrix(8, 8);
for (int i = 0; i < 8; i++)
    for (int j = 0; j < 8; j++) hilbert[i, j] = 1.0 / (i + j + 1);
double Loss(Matrix q) => (q.TransposeTimes(q) - Matrix.Identity(8)).MaxAbs();
Console.WriteLine($"\nHilbert 8×8: max |EᵀE − I| is {Loss(GramSchmidt.Orthonormalize(hilbert).Basis):E1} for the course's version, "
    + $"{Loss(GramSchmidt.OrthonormalizeStable(hilbert).Basis):E1} with re-orthogonalisation, "
    + $"{Loss(QrDecomposition.Decompose(hilbert).Q):E1} with Householder QR.");
