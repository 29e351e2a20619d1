using System.Globalization;
using MathForML.LinearAlgebra;

namespace MathForML.Data;

/// <summary>
/// Fisher's iris flowers, built in: 150 flowers, 50 of each of three species (setosa, versicolor, virginica), with four
/// measurements in centimetres (sepal length, sepal width, petal length, petal width). The data set of the PCA course's
/// week 2 k-nearest-neighbours exercise.
/// </summary>
/// <remarks>
/// Source: R. A. Fisher, "The use of multiple measurements in taxonomic problems", Annals of Eugenics 7, 179–188 (1936),
/// measurements by E. Anderson; the values are scikit-learn's copy (<c>sklearn/datasets/data/iris.csv</c>, equal to R's
/// <c>iris</c>; the UCI repository's copy differs in samples 35 and 38), shipped unchanged as an embedded resource
/// (src/MathForML.Data/Iris/README.md has its provenance and checksum). Public-domain measurements.
/// </remarks>
public sealed class Iris
{
    /// <summary>The number of flowers.</summary>
    public const int SampleCount = 150;

    /// <summary>The number of measurements of each flower.</summary>
    public const int FeatureCount = 4;

    private const string ResourceName = "MathForML.Data.Iris.iris.csv";

    private Iris(Matrix features, int[] labels, string[] classNames)
    {
        Features = features;
        Labels = labels;
        ClassNames = classNames;
    }

    /// <summary>The measurements' names, scikit-learn's <c>feature_names</c>, in the order of <see cref="Features"/>' columns.</summary>
    public static IReadOnlyList<string> FeatureNames { get; } = ["sepal length (cm)", "sepal width (cm)", "petal length (cm)", "petal width (cm)"];

    /// <summary>The 150×4 measurements in cm: one flower a row, columns as <see cref="FeatureNames"/>.</summary>
    public Matrix Features { get; }

    /// <summary>Each flower's species as an index into <see cref="ClassNames"/> (0, 1 or 2), in the rows' order.</summary>
    public IReadOnlyList<int> Labels { get; }

    /// <summary>The species: setosa, versicolor, virginica (as the file's first line names them).</summary>
    public IReadOnlyList<string> ClassNames { get; }

    /// <summary>Reads the built-in data set (a fresh copy each call: the matrix can be changed freely).</summary>
    /// <exception cref="DataFileException">The embedded file is damaged (cannot happen in a correct build).</exception>
    public static Iris Load()
    {
        using var stream = typeof(Iris).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new DataFileException(ResourceName, "the built-in iris data are missing from MathForML.Data");
        using var reader = new StreamReader(stream);
        return Read(reader, ResourceName);
    }

    /// <summary>
    /// Parses scikit-learn's iris CSV: a first line "150,4,name₀,name₁,name₂", then one line a flower of four numbers and
    /// a class index. Every problem is a <see cref="DataFileException"/> naming <paramref name="name"/> and the line.
    /// </summary>
    internal static Iris Read(TextReader reader, string name)
    {
        var header = (reader.ReadLine() ?? throw new DataFileException(name, "the file is empty", 1)).Split(',');
        if (header.Length != 5 || header[0] != "150" || header[1] != "4")
            throw new DataFileException(name, $"expected the header '150,4,' and three class names, found '{string.Join(',', header)}'", 1);
        string[] classNames = header[2..];
        var features = new Matrix(SampleCount, FeatureCount);
        var labels = new int[SampleCount];
        for (int i = 0; i < SampleCount; i++)
        {
            int lineNumber = i + 2;
            var fields = (reader.ReadLine() ?? throw new DataFileException(name, $"expected {SampleCount} flowers, found {i}", lineNumber)).Split(',');
            if (fields.Length != FeatureCount + 1)
                throw new DataFileException(name, $"expected {FeatureCount} measurements and a class, found {fields.Length} fields", lineNumber);
            for (int j = 0; j < FeatureCount; j++)
            {
                if (!double.TryParse(fields[j], NumberStyles.Float, CultureInfo.InvariantCulture, out double value) || !(value > 0) || !double.IsFinite(value))
                    throw new DataFileException(name, $"expected a positive length in cm, found '{fields[j]}'", lineNumber, j + 1);
                features[i, j] = value;
            }
            if (!int.TryParse(fields[FeatureCount], NumberStyles.None, CultureInfo.InvariantCulture, out int label) || label >= classNames.Length)
                throw new DataFileException(name, $"expected a class 0, 1 or 2, found '{fields[FeatureCount]}'", lineNumber, FeatureCount + 1);
            labels[i] = label;
        }
        if (reader.ReadLine() is { Length: > 0 } extra)
            throw new DataFileException(name, $"expected {SampleCount} flowers, found more ('{extra}')", SampleCount + 2);
        return new Iris(features, labels, classNames);
    }
}
