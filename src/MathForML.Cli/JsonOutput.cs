using System.Text.Json;
using System.Text.Json.Serialization;
using MathForML.LinearAlgebra;

namespace MathForML.Cli;

/// <summary>Writes the single JSON object that <c>--json</c> prints on stdout: snake_case keys, matrices as arrays of rows.</summary>
internal static class JsonOutput
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = null,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new MatrixConverter(), new VectorConverter() },
        // Output goes to terminals, files and scripts, never into HTML: keep '+', '<' and non-ASCII as they are.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly JsonSerializerOptions IndentedOptions = new(Options) { WriteIndented = true };

    /// <summary>Writes <paramref name="value"/> as one line of JSON (or indented, for files people read).</summary>
    public static void Write(TextWriter output, object value, bool indented = false) =>
        output.WriteLine(JsonSerializer.Serialize(value, indented ? IndentedOptions : Options));

    private sealed class MatrixConverter : JsonConverter<Matrix>
    {
        public override Matrix Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            throw new NotSupportedException("Matrices are only written.");

        public override void Write(Utf8JsonWriter writer, Matrix value, JsonSerializerOptions options)
        {
            writer.WriteStartArray();
            for (int i = 0; i < value.Rows; i++)
            {
                writer.WriteStartArray();
                foreach (var x in value.RowSpan(i)) WriteNumber(writer, x);
                writer.WriteEndArray();
            }
            writer.WriteEndArray();
        }
    }

    private sealed class VectorConverter : JsonConverter<Vector>
    {
        public override Vector Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            throw new NotSupportedException("Vectors are only written.");

        public override void Write(Utf8JsonWriter writer, Vector value, JsonSerializerOptions options)
        {
            writer.WriteStartArray();
            foreach (var x in value.AsSpan()) WriteNumber(writer, x);
            writer.WriteEndArray();
        }
    }

    private static void WriteNumber(Utf8JsonWriter writer, double x)
    {
        if (double.IsFinite(x)) writer.WriteNumberValue(x);
        else writer.WriteStringValue(double.IsNaN(x) ? "NaN" : x > 0 ? "Infinity" : "-Infinity");
    }
}
