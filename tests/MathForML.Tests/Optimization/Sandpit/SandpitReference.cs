using System.Globalization;
using System.Text.Json;
using MathForML.Optimization;
using MathForML.Randomness;

namespace MathForML.Tests.Optimization;

/// <summary>Reference/sandpit/sandpit.json (made by make_sandpit.py beside it): the course's landscapes in NumPy and SciPy.</summary>
internal static class SandpitReference
{
    private static readonly Lazy<JsonElement> Root = new(() => ReferenceData.Json("sandpit", "sandpit.json"));

    /// <summary>The points (x, y) at which values, depths and derivatives are stored.</summary>
    public static double[][] Points => Root.Value.GetProperty("points").EnumerateArray().Select(p => p.EnumerateArray().Select(v => v.GetDouble()).ToArray()).ToArray();

    /// <summary>Every (landscape, seed) stored, as xunit member data.</summary>
    public static TheoryData<string, uint> Cases()
    {
        var data = new TheoryData<string, uint>();
        foreach (var c in Root.Value.GetProperty("cases").EnumerateArray()) data.Add(c.GetProperty("landscape").GetString()!, c.GetProperty("seed").GetUInt32());
        return data;
    }

    public static JsonElement Case(string landscape, uint seed) =>
        Root.Value.GetProperty("cases").EnumerateArray().First(c => c.GetProperty("landscape").GetString() == landscape && c.GetProperty("seed").GetUInt32() == seed);

    public static SandpitLandscapeKind Kind(string landscape) => landscape switch
    {
        "intro" => SandpitLandscapeKind.Intro,
        "multiple_minima" => SandpitLandscapeKind.MultipleMinima,
        "random" => SandpitLandscapeKind.Random,
        "rocks" => SandpitLandscapeKind.Rocks,
        "well" => SandpitLandscapeKind.Well,
        _ => throw new ArgumentException(landscape, nameof(landscape)),
    };

    public static SandpitLandscape Landscape(string landscape, uint seed) => SandpitLandscape.Create(Kind(landscape), new NumPyRandom(seed));

    private static readonly Dictionary<(string, uint), Sandpit> Sandpits = [];

    /// <summary>The sandpit of a stored case, made once per test run (its extrema cost a grid search).</summary>
    public static Sandpit Sandpit(string landscape, uint seed)
    {
        lock (Sandpits)
        {
            if (!Sandpits.TryGetValue((landscape, seed), out var s)) Sandpits[(landscape, seed)] = s = new Sandpit(Landscape(landscape, seed));
            return s;
        }
    }

    /// <summary>A stored number (written with repr, so it reads back to the same double).</summary>
    public static double Number(JsonElement e) => double.Parse(e.GetString()!, CultureInfo.InvariantCulture);

    public static double[] Numbers(JsonElement e) => e.EnumerateArray().Select(Number).ToArray();
}
