#:project ../src/MathForML/MathForML.csproj
// Linear Algebra, week 5: eigenvalues and eigenvectors, and the power method that PageRank is built on.
// Run with: dotnet run notebooks/Eigenvalues.cs
//
// An eigenvector v of A keeps its direction under A: Av = λv, with λ its eigenvalue (the stretch).
// Repeatedly multiplying any start vector by A and normalising (the power method) turns it towards the eigenvector
// of the largest |λ|, because that component grows fastest: after k steps the others shrink like (λ₂/λ₁)ᵏ.
using MathForML.LinearAlgebra;

var a = Matrix.FromRows([1, 0], [0, 2]);
var eig = EigenDecomposition.Decompose(a);
Console.WriteLine($"A = diag(1, 2): eigenvalues {string.Join(", ", eig.Eigenvalues.Select(v => v.Real))}");

// A shear has one repeated eigenvalue and only one eigenvector direction; a rotation has none in the plane
// (its eigenvalues are complex: cos θ ± i·sin θ).
var rotation = Transformations.Rotation2D(Math.PI / 2);
Console.WriteLine($"Rotation by 90°: eigenvalues {string.Join(", ", EigenDecomposition.Decompose(rotation).Eigenvalues)}");

// A symmetric matrix has real eigenvalues and orthonormal eigenvectors: A = VΛVᵀ.
var s = Matrix.FromRows([4, 1, 2], [1, 3, 0], [2, 0, 5]);
var sym = SymmetricEigen.Decompose(s);
Console.WriteLine($"\nSymmetric A: eigenvalues {sym.Eigenvalues}");
Console.WriteLine("eigenvectors (columns):");
Console.WriteLine(sym.Eigenvectors);
Console.WriteLine($"‖A − VΛVᵀ‖ = {(s - sym.Reconstruct()).MaxAbs():E1}");

// The power method finds the dominant pair.
var power = PowerIteration.Dominant(s);
Console.WriteLine($"\nPower iteration: λ = {power.Eigenvalue:G10} after {power.Iterations} iterations (converged: {power.Converged})");
Console.WriteLine($"largest eigenvalue from SymmetricEigen: {sym.Eigenvalues[0]:G10}");

// The course's Markov example: a matrix whose columns sum to 1 keeps a probability vector a probability vector;
// its eigenvector for λ = 1 is the long-run distribution (this is PageRank in miniature).
var l = Matrix.FromRows([0, 0.5, 0.5], [0.5, 0, 0.5], [0.5, 0.5, 0]);
var markov = EigenDecomposition.Decompose(l);
var stationary = markov.RealEigenvectors().Column(0);
Console.WriteLine($"\nMarkov matrix: eigenvalues {string.Join(", ", markov.Eigenvalues.Select(v => v.Real.ToString("G4")))}");
Console.WriteLine($"long-run distribution (eigenvector for λ = 1, scaled to sum 1): {stationary / stationary.Sum()}");
