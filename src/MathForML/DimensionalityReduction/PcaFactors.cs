namespace MathForML.DimensionalityReduction;

/// <summary>What a PCA solver returns: eigenvalues of the covariance (descending, at least K), the K components as rows (K×D, row-major) and the total variance trace(S).</summary>
internal sealed record PcaFactors(double[] Eigenvalues, double[] Components, double TotalVariance);
