using MathForML.Numerics;

namespace MathForML.Tests.Numerics;

/// <summary>Collects progress reports on the reporting thread (unlike <see cref="Progress{T}"/>, which posts them later).</summary>
internal sealed class RecordingProgress : IProgress<WorkProgress>
{
    private readonly List<WorkProgress> _reports = [];

    public IReadOnlyList<WorkProgress> Reports
    {
        get
        {
            lock (_reports) return [.. _reports];
        }
    }

    public void Report(WorkProgress value)
    {
        lock (_reports) _reports.Add(value);
    }

    /// <summary>Asserts at least one report, fractions in [0, 1] and never decreasing.</summary>
    public void AssertMonotonic()
    {
        var reports = Reports;
        Assert.NotEmpty(reports);
        for (int i = 0; i < reports.Count; i++)
        {
            Assert.InRange(reports[i].Fraction, 0, 1);
            if (i > 0) Assert.True(reports[i].Fraction >= reports[i - 1].Fraction, $"fraction fell from {reports[i - 1].Fraction} to {reports[i].Fraction} at report {i}");
        }
    }
}
