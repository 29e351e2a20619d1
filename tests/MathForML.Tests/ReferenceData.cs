using System.Text.Json;
using MathForML.LinearAlgebra;

namespace MathForML.Tests;

/// <summary>Loads reference values stored under Reference/ (made once by the scripts beside them).</summary>
internal static class ReferenceData
{
    public static string PathOf(params string[] parts) => Path.Combine([AppContext.BaseDirectory, "Reference", .. parts]);

    public static JsonElement Json(params string[] parts) => JsonDocument.Parse(File.ReadAllText(PathOf(parts))).RootElement;

    public static Matrix ToMatrix(this JsonElement e) =>
        Matrix.FromRows(e.EnumerateArray().Select(r => r.EnumerateArray().Select(x => x.GetDouble()).ToArray()).ToArray());

    public static Vector ToVector(this JsonElement e) => Vector.Of(e.EnumerateArray().Select(x => x.GetDouble()).ToArray());

    public static int[] ToInts(this JsonElement e) => e.EnumerateArray().Select(x => x.GetInt32()).ToArray();

    /// <summary>The cases of Reference/linalg/reference.json, as xunit member data (by name).</summary>
    public static IEnumerable<object[]> LinalgCases() =>
        Json("linalg", "reference.json").GetProperty("cases").EnumerateArray().Select(c => new object[] { c.GetProperty("name").GetString()! });

    public static JsonElement LinalgCase(string name) =>
        Json("linalg", "reference.json").GetProperty("cases").EnumerateArray().First(c => c.GetProperty("name").GetString() == name);
}
