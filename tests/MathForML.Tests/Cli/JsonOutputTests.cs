using System.Text.Json;
using System.Text.Json.Serialization;
using MathForML.Cli;
using MathForML.LinearAlgebra;

namespace MathForML.Tests.Cli;

/// <summary>
/// <see cref="JsonOutput"/> writes what <see cref="JsonSerializer"/> wrote with the options the CLI used before
/// (snake_case lower, relaxed escaping, named floating-point literals, nulls ignored, matrices as rows): the reference
/// serializer lives here, and both must give the same text, compact and indented, on every shape the commands print.
/// </summary>
public class JsonOutputTests
{
    private static readonly JsonSerializerOptions Reference = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = null,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new MatrixConverter(), new VectorConverter() },
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly JsonSerializerOptions ReferenceIndented = new(Reference) { WriteIndented = true };

    private enum Kind { First, Second = 5 }

    private sealed record Inner(string Name, double Value, double? Missing, IReadOnlyList<int> Counts);

    private class Shape
    {
        public string Label { get; init; } = "base";
    }

    private sealed class Circle : Shape
    {
        public double Radius { get; init; } = 2;
    }

    private sealed class Holder
    {
        public Shape Declared { get; init; } = new Circle();
        public object Anything { get; init; } = new Circle();
    }

    public static TheoryData<string> Names() => new(Cases().Keys);

    private static Dictionary<string, object> Cases() => new()
    {
        ["numbers"] = new
        {
            determinant = 18.0,
            tiny = 1e-300,
            huge = 1.7976931348623157e308,
            third = 1.0 / 3,
            negative_zero = -0.0,
            whole = 3.0,
            nan = double.NaN,
            up = double.PositiveInfinity,
            down = double.NegativeInfinity,
            single = 0.1f,
            single_nan = float.NaN,
            count = 7,
            big = long.MaxValue,
            unsigned = uint.MaxValue,
            small = (short)-3,
            octet = (byte)200,
            money = 1.25m,
        },
        ["text"] = new
        {
            plain = "mml",
            escaped = "quote \" backslash \\ tab \t newline \n",
            html = "<b>a+b</b> & 'c'",
            unicode = "σ² → λ₁ ≥ 0, Zürich",
            control = "\u0001",
            letter = 'x',
            empty = "",
        },
        ["nulls"] = new { kept = 1, dropped = (string?)null, none = (double?)null, some = (double?)2.5, list = new string?[] { "a", null } },
        ["matrices"] = new
        {
            matrix = Matrix.FromRows([[1.0, 2.5], [double.NaN, -4e-20]]),
            empty = new Matrix(0, 3),
            vector = new Vector([1.0, double.PositiveInfinity, 3]),
            array = new[] { 0.5, -0.0, 1e21 },
            jagged = new[] { new[] { 1.0 }, new[] { 2.0, 3.0 } },
        },
        ["collections"] = new
        {
            ints = new[] { 1, 2, 3 },
            list = new List<double> { 1.5, 2.5 },
            strings = new[] { "a", "b" },
            floats = new[] { 1.5f, float.NegativeInfinity },
            objects = new[] { new { a = 1, b_c = "x" }, new { a = 2, b_c = "y" } },
            dictionary = new Dictionary<string, double> { ["Zeta"] = 1, ["alpha_Beta"] = 2 },
            int_keys = new Dictionary<int, string?> { [3] = "three", [1] = null },
            bytes = new byte[] { 0, 1, 254, 255 },
            enumerable = Enumerable.Range(0, 3).Select(i => i * 0.5),
            nested = new List<IReadOnlyList<int>> { new[] { 1 }, Array.Empty<int>() },
        },
        ["objects"] = new
        {
            record = new Inner("first", 0.25, null, [4, 5]),
            enum_value = Kind.Second,
            enums = new[] { Kind.First, Kind.Second },
            boolean = true,
            holder = new Holder(),
            PascalCase = 1,
            camelCase = 2,
            already_snake = 3,
            HTTPServer = 4,
            nested = new { deeper = new { deepest = new[] { new { x = 1.0 } } } },
        },
    };

    [Theory]
    [MemberData(nameof(Names))]
    public void WritesWhatTheSerializerWrote(string name)
    {
        var value = Cases()[name];
        Assert.Equal(JsonSerializer.Serialize(value, Reference), JsonOutput.Serialize(value));
        Assert.Equal(JsonSerializer.Serialize(value, ReferenceIndented), JsonOutput.Serialize(value, indented: true));
    }

    [Fact]
    public void WriteEndsTheLine()
    {
        var output = new StringWriter();
        JsonOutput.Write(output, new { a = 1 });
        Assert.Equal("{\"a\":1}" + Environment.NewLine, output.ToString());
    }

    private sealed class MatrixConverter : JsonConverter<Matrix>
    {
        public override Matrix Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => throw new NotSupportedException();

        public override void Write(Utf8JsonWriter writer, Matrix value, JsonSerializerOptions options)
        {
            writer.WriteStartArray();
            for (int i = 0; i < value.Rows; i++)
            {
                writer.WriteStartArray();
                foreach (var x in value.RowSpan(i)) Number(writer, x);
                writer.WriteEndArray();
            }
            writer.WriteEndArray();
        }
    }

    private sealed class VectorConverter : JsonConverter<Vector>
    {
        public override Vector Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => throw new NotSupportedException();

        public override void Write(Utf8JsonWriter writer, Vector value, JsonSerializerOptions options)
        {
            writer.WriteStartArray();
            foreach (var x in value.AsSpan()) Number(writer, x);
            writer.WriteEndArray();
        }
    }

    private static void Number(Utf8JsonWriter writer, double x)
    {
        if (double.IsFinite(x)) writer.WriteNumberValue(x);
        else writer.WriteStringValue(double.IsNaN(x) ? "NaN" : x > 0 ? "Infinity" : "-Infinity");
    }
}
