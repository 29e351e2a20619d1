using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using MathForML.Data;

using MathForML.NeuralNetworks;

namespace MathForML.Data;

/// <summary>
/// Saves and loads a trained float32 <see cref="Mlp{T}"/> as JSON: the architecture (sizes, activations, loss) in
/// plain text and each layer's weights and biases as base64 of little-endian float32. Loading checks every shape
/// against the architecture before it builds anything, so a corrupt or mismatched file is an error, never a wrong model.
/// </summary>
public static class MlpFile
{
    private const string Format = "mathforml-mlp";

    /// <summary>Writes <paramref name="network"/> to <paramref name="path"/> (atomically).</summary>
    public static void Save(string path, Mlp<float> network)
    {
        if (!BitConverter.IsLittleEndian) throw new PlatformNotSupportedException("Big-endian hosts are not supported.");
        var layers = new JsonArray();
        foreach (var layer in network.Layers)
        {
            layers.Add(new JsonObject
            {
                ["inputs"] = layer.Inputs,
                ["outputs"] = layer.Outputs,
                ["activation"] = Name(layer.Activation),
                ["weights"] = Convert.ToBase64String(MemoryMarshal.AsBytes(layer.Weights.AsSpan())),
                ["biases"] = Convert.ToBase64String(MemoryMarshal.AsBytes(layer.Biases.AsSpan())),
            });
        }
        var root = new JsonObject
        {
            ["format"] = Format,
            ["version"] = 1,
            ["loss"] = network.Loss == LossFunction.SoftmaxCrossEntropy ? "softmax_cross_entropy" : "mean_squared_error",
            ["sizes"] = new JsonArray(network.Sizes.Select(s => (JsonNode)s).ToArray()),
            ["layers"] = layers,
        };
        AtomicFile.WriteText(path, w => w.Write(root.ToJsonString()));
    }

    /// <summary>Reads a network written by <see cref="Save"/>.</summary>
    /// <exception cref="DataFileException">The file is not valid JSON, not a MathForML model, or its shapes do not agree.</exception>
    public static Mlp<float> Load(string path)
    {
        if (Directory.Exists(path)) throw new DataFileException(path, "is a directory, expected a model file");
        if (!File.Exists(path)) throw new FileNotFoundException($"{path}: file not found.", path);
        using var stream = File.OpenRead(path);
        return Load(stream, path);
    }

    /// <summary>Reads a network from <paramref name="stream"/>; <paramref name="path"/> names it in errors.</summary>
    internal static Mlp<float> Load(Stream stream, string path)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(stream);
        }
        catch (JsonException e)
        {
            throw new DataFileException(path, $"not valid JSON ({e.Message.Split(" Path:")[0].TrimEnd('.')})", (int?)(e.LineNumber + 1) ?? 0, (int?)(e.BytePositionInLine + 1) ?? 0);
        }
        try
        {
            // Inside the try: a "format" that is a number, or a string of invalid UTF-8, throws InvalidOperationException.
            if (root is not JsonObject obj || Get(path, obj, "format") is not JsonValue format
                || !format.TryGetValue(out string? formatName) || formatName != Format)
                throw new DataFileException(path, $"not a MathForML model (expected \"format\": \"{Format}\")");
            var loss = (string?)obj["loss"] switch
            {
                "softmax_cross_entropy" => LossFunction.SoftmaxCrossEntropy,
                "mean_squared_error" => LossFunction.MeanSquaredError,
                var other => throw new DataFileException(path, $"unknown loss '{other}'"),
            };
            if (obj["layers"] is not JsonArray array || array.Count == 0) throw new DataFileException(path, "has no layers");
            var layers = new List<DenseLayer<float>>();
            for (int i = 0; i < array.Count; i++)
            {
                if (array[i] is not JsonObject layer) throw new DataFileException(path, $"layer {i} is not an object");
                int inputs = (int)Get(path, layer, "inputs")!, outputs = (int)Get(path, layer, "outputs")!;
                if (inputs < 1 || outputs < 1 || (long)inputs * outputs > Array.MaxLength)
                    throw new DataFileException(path, $"layer {i} has an impossible shape {inputs}→{outputs}");
                if (i > 0 && inputs != layers[^1].Outputs)
                    throw new DataFileException(path, $"layer {i} takes {inputs} inputs but layer {i - 1} gives {layers[^1].Outputs}");
                var activation = Parse((string?)Get(path, layer, "activation"), path, i);
                var weights = Floats(path, i, "weights", (string?)Get(path, layer, "weights"), inputs * outputs);
                var biases = Floats(path, i, "biases", (string?)Get(path, layer, "biases"), outputs);
                layers.Add(new DenseLayer<float>(inputs, outputs, activation, weights, biases));
            }
            return new Mlp<float>(layers, loss);
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException or ArgumentException)
        {
            throw new DataFileException(path, $"is not a valid model: {e.Message.Split(" (Parameter")[0]}");
        }
    }

    private static JsonNode Get(string path, JsonObject obj, string key) =>
        obj[key] ?? throw new DataFileException(path, $"is missing \"{key}\"");

    private static float[] Floats(string path, int layer, string what, string? base64, int count)
    {
        var bytes = Convert.FromBase64String(base64 ?? "");
        if (bytes.Length != 4L * count)
            throw new DataFileException(path, $"layer {layer} has {bytes.Length / 4} {what}, its shape needs {count}");
        var values = MemoryMarshal.Cast<byte, float>(bytes).ToArray();
        foreach (float v in values)
            if (!float.IsFinite(v)) throw new DataFileException(path, $"layer {layer} has a NaN or infinite value among its {what}");
        return values;
    }

    /// <summary>The name of an activation as the CLI and the model file spell it.</summary>
    public static string Name(Activation activation) => activation switch
    {
        Activation.Identity => "identity",
        Activation.Sigmoid => "sigmoid",
        Activation.Tanh => "tanh",
        Activation.Relu => "relu",
        Activation.Softmax => "softmax",
        _ => throw new ArgumentOutOfRangeException(nameof(activation), activation, "Unknown activation."),
    };

    private static Activation Parse(string? name, string path, int layer) => name switch
    {
        "identity" => Activation.Identity,
        "sigmoid" => Activation.Sigmoid,
        "tanh" => Activation.Tanh,
        "relu" => Activation.Relu,
        "softmax" => Activation.Softmax,
        _ => throw new DataFileException(path, $"layer {layer} has an unknown activation '{name}'"),
    };
}
