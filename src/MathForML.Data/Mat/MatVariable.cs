namespace MathForML.Data.Mat;

/// <summary>One top-level variable of a MAT file: its name, class, dimensions (MATLAB's order) and whether it is complex.</summary>
public sealed record MatVariable(string Name, MatArrayClass Class, IReadOnlyList<int> Dimensions, bool IsComplex)
{
    /// <summary>True for a real array of a numeric class, the kind <see cref="MatFile.ReadMatrix(string, string)"/> reads.</summary>
    public bool IsNumeric => !IsComplex && Class is >= MatArrayClass.Double and <= MatArrayClass.UInt64;

    /// <summary>"faces: uint8 4096×400", as error messages list a file's variables.</summary>
    public override string ToString() =>
        $"{Name}: {(IsComplex ? "complex " : "")}{Class.ToString().ToLowerInvariant()} {string.Join('×', Dimensions)}";
}
