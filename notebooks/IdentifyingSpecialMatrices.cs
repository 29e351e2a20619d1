#:project ../src/MathForML/MathForML.csproj
// Linear Algebra, week 2 assignment: "Identifying special matrices".
// Run with: dotnet run notebooks/IdentifyingSpecialMatrices.cs
//
// A matrix is singular when its rows (or columns) are linearly dependent: it squashes space into fewer dimensions and
// has no inverse. The course tests this by turning A into row echelon form with ones on the diagonal, row by row:
//   1. subtract multiples of the rows above to clear the entries left of the diagonal;
//   2. if the diagonal element is zero, add the rows below it one after another until it is not;
//      if none helps, the matrix is singular;
//   3. divide the row by its diagonal element.
// MathForML keeps that procedure as SingularityTest (exact zeros, as in the course) and, for real use,
// LuDecomposition (partial pivoting, a tolerance, a determinant and a condition-number estimate).
using MathForML.LinearAlgebra;

var examples = new (string Name, Matrix A)[]
{
    ("the course's singular matrix", Matrix.FromRows([2, 0, 0, 0], [0, 3, 0, 0], [0, 0, 4, 4], [0, 0, 5, 5])),
    ("the course's regular matrix", Matrix.FromRows([0, 7, -5, 3], [2, 8, 0, 4], [3, 12, 0, 5], [1, 3, 1, 3])),
    ("a zero on the diagonal, fixed by adding a row below", Matrix.FromRows([0, 1], [1, 0])),
    ("dependent rows: row 3 = row 1 + row 2", Matrix.FromRows([1, 2, 3], [4, 5, 6], [5, 7, 9])),
};

foreach (var (name, a) in examples)
{
    Console.WriteLine($"— {name}");
    Console.WriteLine(a);
    bool singular = !SingularityTest.TryRowEchelon(a, out var echelon);
    var lu = LuDecomposition.Decompose(a);
    Console.WriteLine($"  course test: {(singular ? "singular" : "not singular")}; LU: determinant {lu.Determinant:G6}, rank {RowEchelon.Rank(a)}");
    if (!singular) Console.WriteLine("  row echelon form with unit diagonal:\n" + echelon);
    Console.WriteLine();
}

// The inverse undoes the matrix: A·A⁻¹ = I. Solving Ax = b is cheaper and more accurate than forming A⁻¹.
var m = examples[1].A;
var inverse = LuDecomposition.Decompose(m).Inverse();
Console.WriteLine("A·A⁻¹ (should be the identity):");
Console.WriteLine(m * inverse);
var x = LuDecomposition.Decompose(m).Solve(Vector.Of(1, 2, 3, 4));
Console.WriteLine($"Solution of Ax = [1, 2, 3, 4]: x = {x}");

// Near-singular matrices: the Hilbert matrix hᵢⱼ = 1/(i + j + 1) is invertible, but barely.
var hilbert = new Matrix(8, 8);
for (int i = 0; i < 8; i++)
    for (int j = 0; j < 8; j++) hilbert[i, j] = 1.0 / (i + j + 1);
var hlu = LuDecomposition.Decompose(hilbert);
Console.WriteLine($"Hilbert 8×8: condition number ≈ {hlu.ConditionNumber:G3}, so a solve loses about {Math.Log10(hlu.ConditionNumber):F0} of 16 digits.");
