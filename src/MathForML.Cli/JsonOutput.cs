using System.Collections;
using System.Reflection;
using System.Text.Json;
using MathForML.LinearAlgebra;

namespace MathForML.Cli;

/// <summary>
/// Writes the single JSON object that <c>--json</c> prints on stdout: snake_case keys, matrices as arrays of rows,
/// non-finite numbers as the strings <c>"NaN"</c>, <c>"Infinity"</c> and <c>"-Infinity"</c>, null properties left out.
/// </summary>
/// <remarks>
/// The reports are anonymous objects; this walks them with reflection straight onto a <see cref="Utf8JsonWriter"/>
/// rather than through <see cref="JsonSerializer"/>, whose reflection-based contract builds a converter for every
/// primitive type and emits accessor code on first use: ≈ 150 methods compiled at start-up for one line of output
/// (measured with <c>DOTNET_JitDisasmSummary</c>: <c>mml linalg det --json</c> 197 → 80). The output is what
/// <see cref="JsonSerializer"/> wrote with the options the CLI used (snake_case lower naming, relaxed escaping, named
/// floating-point literals, nulls ignored); <c>JsonOutputTests</c> compares the two on every shape the commands print.
/// </remarks>
internal static class JsonOutput
{
    private static readonly JsonWriterOptions Compact = new()
    {
        // Output goes to terminals, files and scripts, never into HTML: keep '+', '<' and non-ASCII as they are.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = true,
    };

    private static readonly JsonWriterOptions Indented = Compact with { Indented = true };

    /// <summary>Writes <paramref name="value"/> as one line of JSON (or indented, for files people read).</summary>
    public static void Write(TextWriter output, object value, bool indented = false) => output.WriteLine(Serialize(value, indented));

    /// <summary>The JSON text of <paramref name="value"/>.</summary>
    internal static string Serialize(object? value, bool indented = false)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer, indented ? Indented : Compact))
            WriteValue(writer, value, value?.GetType() ?? typeof(object));
        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Writes one value; <paramref name="declared"/> is the type of the property that held it (its public properties are the ones written, as the serializer did).</summary>
    private static void WriteValue(Utf8JsonWriter writer, object? value, Type declared)
    {
        switch (value)
        {
            case null: writer.WriteNullValue(); break;
            case string s: writer.WriteStringValue(s); break;
            case bool b: writer.WriteBooleanValue(b); break;
            case double d: WriteNumber(writer, d); break;
            case float f:
                if (float.IsFinite(f)) writer.WriteNumberValue(f);
                else writer.WriteStringValue(float.IsNaN(f) ? "NaN" : f > 0 ? "Infinity" : "-Infinity");
                break;
            case int i: writer.WriteNumberValue(i); break;
            case long l: writer.WriteNumberValue(l); break;
            case uint u: writer.WriteNumberValue(u); break;
            case ulong ul: writer.WriteNumberValue(ul); break;
            case short or ushort or byte or sbyte: writer.WriteNumberValue(Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture)); break;
            case decimal m: writer.WriteNumberValue(m); break;
            case char c: writer.WriteStringValue(c.ToString()); break;
            case Enum e: writer.WriteNumberValue(Convert.ToInt64(e, System.Globalization.CultureInfo.InvariantCulture)); break;
            case Matrix matrix: WriteMatrix(writer, matrix); break;
            case Vector vector: WriteNumbers(writer, vector.AsSpan()); break;
            case double[] numbers: WriteNumbers(writer, numbers); break;
            case byte[] bytes: writer.WriteBase64StringValue(bytes); break;
            case IDictionary dictionary: WriteDictionary(writer, dictionary); break;
            case IEnumerable sequence: WriteArray(writer, sequence); break;
            default: WriteObject(writer, value, declared); break;
        }
    }

    private static void WriteObject(Utf8JsonWriter writer, object value, Type declared)
    {
        // The serializer wrote a property's declared type (no polymorphism), the runtime type under object or an interface.
        var type = declared == typeof(object) || declared.IsInterface || !declared.IsAssignableFrom(value.GetType()) ? value.GetType() : declared;
        if (Nullable.GetUnderlyingType(type) is { } underlying) type = underlying;
        writer.WriteStartObject();
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0 || property.GetMethod is not { IsPublic: true }) continue;
            var item = property.GetValue(value);
            if (item is null) continue;
            writer.WritePropertyName(JsonNamingPolicy.SnakeCaseLower.ConvertName(property.Name));
            WriteValue(writer, item, property.PropertyType);
        }
        writer.WriteEndObject();
    }

    private static void WriteDictionary(Utf8JsonWriter writer, IDictionary dictionary)
    {
        writer.WriteStartObject();
        foreach (DictionaryEntry entry in dictionary)
        {
            writer.WritePropertyName(Convert.ToString(entry.Key, System.Globalization.CultureInfo.InvariantCulture) ?? "");
            WriteValue(writer, entry.Value, entry.Value?.GetType() ?? typeof(object));
        }
        writer.WriteEndObject();
    }

    private static void WriteArray(Utf8JsonWriter writer, IEnumerable sequence)
    {
        var element = ElementType(sequence.GetType());
        writer.WriteStartArray();
        foreach (var item in sequence) WriteValue(writer, item, element);
        writer.WriteEndArray();
    }

    private static void WriteMatrix(Utf8JsonWriter writer, Matrix value)
    {
        writer.WriteStartArray();
        for (int i = 0; i < value.Rows; i++) WriteNumbers(writer, value.RowSpan(i));
        writer.WriteEndArray();
    }

    private static void WriteNumbers(Utf8JsonWriter writer, ReadOnlySpan<double> values)
    {
        writer.WriteStartArray();
        foreach (var x in values) WriteNumber(writer, x);
        writer.WriteEndArray();
    }

    private static void WriteNumber(Utf8JsonWriter writer, double x)
    {
        if (double.IsFinite(x)) writer.WriteNumberValue(x);
        else writer.WriteStringValue(double.IsNaN(x) ? "NaN" : x > 0 ? "Infinity" : "-Infinity");
    }

    /// <summary>The element type of an array or of the first <c>IEnumerable&lt;T&gt;</c> a sequence implements (object when none).</summary>
    private static Type ElementType(Type sequence)
    {
        if (sequence.IsArray) return sequence.GetElementType()!;
        foreach (var face in sequence.GetInterfaces())
        {
            if (face.IsGenericType && face.GetGenericTypeDefinition() == typeof(IEnumerable<>)) return face.GetGenericArguments()[0];
        }
        return typeof(object);
    }
}
