using MathForML.Data.Onnx;
using MathForML.NeuralNetworks;

namespace MathForML.Data;

/// <summary>The formats a trained network can be saved in, chosen by the file's extension.</summary>
public enum ModelFormat
{
    /// <summary><c>.json</c>: MathForML's own file (<see cref="MlpFile"/>), which <c>mml nn eval</c> and <see cref="MlpFile.Load(string)"/> read back.</summary>
    Json,

    /// <summary><c>.onnx</c>: an ONNX model (<see cref="OnnxModelFile"/>) for ONNX Runtime and other ONNX consumers.</summary>
    Onnx,
}

/// <summary>Saves a trained float32 network in the format its file name asks for.</summary>
public static class ModelFile
{
    /// <summary>The format of <paramref name="path"/> by its extension.</summary>
    /// <exception cref="DataFileException">The extension is neither <c>.json</c> nor <c>.onnx</c>.</exception>
    public static ModelFormat FormatOf(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        string extension = Path.GetExtension(path);
        return extension.ToLowerInvariant() switch
        {
            ".json" => ModelFormat.Json,
            ".onnx" => ModelFormat.Onnx,
            _ => throw new DataFileException(path, $"unknown model format '{extension}': save as .json (MathForML, read back by nn eval) or .onnx (ONNX)"),
        };
    }

    /// <summary>Writes <paramref name="network"/> to <paramref name="path"/> (atomically) as JSON or ONNX by extension.</summary>
    /// <exception cref="DataFileException">The extension is neither <c>.json</c> nor <c>.onnx</c>.</exception>
    public static void Save(string path, Mlp<float> network)
    {
        if (FormatOf(path) == ModelFormat.Onnx) OnnxModelFile.Save(path, network);
        else MlpFile.Save(path, network);
    }
}
