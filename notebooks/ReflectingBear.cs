#:project ../src/MathForML/MathForML.csproj
#:project ../src/MathForML.Plots/MathForML.Plots.csproj
// Linear Algebra, week 4 assignment: "Reflecting Bear".
// Run with: dotnet run notebooks/ReflectingBear.cs   (writes reflecting-bear.png in the current folder)
//
// To reflect in a mirror, change to a basis where the reflection is simple, reflect there, and change back.
// Given a "mirror basis" whose first column lies in the mirror, Gram–Schmidt makes it orthonormal: E = [e₀ e₁],
// e₀ along the mirror and e₁ normal to it. In E's coordinates the reflection keeps e₀ and flips e₁:
// T_E = [[1, 0], [0, −1]]. Back in the standard basis T = E·T_E·E⁻¹ = E·T_E·Eᵀ (E is orthonormal, so E⁻¹ = Eᵀ).
using MathForML.LinearAlgebra;
using MathForML.Data;
using MathForML.Plots;

// The course's bearBasis = np.array([[1, -1], [1.5, 2]]): its first column (1, 1.5) lies in the mirror.
var mirrorBasis = Matrix.FromRows([1, -1], [1.5, 2]);
var e = GramSchmidt.Orthonormalize(mirrorBasis).Basis;   // the course's gsBasis(bearBasis): e₀ = (2, 3)/√13
var te = Matrix.Diagonal(1, -1);
var t = e * te * e.Transpose();
Console.WriteLine("Reflection matrix T:");
Console.WriteLine(t);
// By hand: T = 2·e₀e₀ᵀ − I = [[−5, 12], [12, 5]]/13.
var expected = Matrix.FromRows([-5.0 / 13, 12.0 / 13], [12.0 / 13, 5.0 / 13]);
Console.WriteLine($"the course's T = [[−5, 12], [12, 5]]/13? {t.ApproximatelyEquals(expected, 1e-15)}");
Console.WriteLine($"T² = I? {(t * t).ApproximatelyEquals(Matrix.Identity(2), 1e-14)}   T symmetric? {t.IsSymmetric()}");

// The bear: a head (circle) with two ears, a snout and eyes, as polygon points in the columns of 2×n matrices.
// ReflectionPlot draws each part P and its image T·P (every point at once: T times the matrix of points).
ReflectionPlot.Create(Bear.Parts(), t, mirrorBasis.Column(0)).Save("reflecting-bear.png");
Console.WriteLine("Wrote reflecting-bear.png");
