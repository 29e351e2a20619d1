using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.InteropServices;
using MathForML.LinearAlgebra;
using MathForML.Numerics;

namespace MathForML.Data;

/// <summary>
/// Reads and writes NumPy <c>.npy</c> arrays (NEP 1, numpy/lib/format.py): float64, float32, int32, int64 and uint8,
/// little-endian. Arrays in Fortran (column-major) order are read and returned in C (row-major) order; files are written
/// in C order. Readers check the declared shape against the file's real size before allocating, and reject big-endian
/// or other dtypes and truncated files with a <see cref="DataFileException"/>.
/// </summary>
public static class NpyFile
{
    /// <summary>Reads the header of <paramref name="path"/> only.</summary>
    public static NpyHeader ReadHeader(string path)
    {
        using var stream = File.OpenRead(path);
        return NpyHeader.Read(stream, stream.Length, path);
    }

    /// <summary>Reads the array in <paramref name="path"/>, converting its elements to <typeparamref name="T"/>; the data come back in C order.</summary>
    public static (long[] Shape, T[] Data) Read<T>(string path) where T : unmanaged, INumber<T>
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        return Read<T>(stream, path);
    }

    /// <summary>Reads an array from the seekable <paramref name="stream"/>; <paramref name="name"/> is used in error messages.</summary>
    internal static (long[] Shape, T[] Data) Read<T>(Stream stream, string name) where T : unmanaged, INumber<T>
    {
        var header = NpyHeader.Read(stream, stream.Length, name);
        return (header.Shape, ReadData<T>(stream, header, name));
    }

    /// <summary>Reads the data that <paramref name="header"/> describes from <paramref name="stream"/>, in C order.</summary>
    internal static T[] ReadData<T>(Stream stream, NpyHeader header, string name) where T : unmanaged, INumber<T>
    {
        // A Fortran-order array is read as it is stored, then permuted into a second array of the same size.
        long copies = header.FortranOrder && header.Shape.Length > 1 ? 2 : 1;
        if (!MemoryLimit.Fits(copies * header.ElementCount, System.Runtime.CompilerServices.Unsafe.SizeOf<T>()))
            MemoryLimit.EnsureFits(copies * header.ElementCount, System.Runtime.CompilerServices.Unsafe.SizeOf<T>(), name, $"shape ({string.Join(", ", header.Shape)}) as {typeof(T).Name}{(copies > 1 ? " in Fortran order (read, then reordered)" : "")}");
        // Every element is written below (or the read throws), so the array need not be zeroed first.
        var data = LargeArray.Uninitialized<T>(checked((int)header.ElementCount));
        stream.Position = header.DataOffset;
        switch (header.DataType)
        {
            case NpyDataType.Float64: Convert<double, T>(stream, data); break;
            case NpyDataType.Float32: Convert<float, T>(stream, data); break;
            case NpyDataType.Int32: Convert<int, T>(stream, data); break;
            case NpyDataType.Int64: Convert<long, T>(stream, data); break;
            default: Convert<byte, T>(stream, data); break;
        }
        return copies > 1 ? ArrayOrder.FortranToC(data, header.Shape) : data;
    }

    /// <summary>
    /// Reads <paramref name="path"/> as a matrix: a 2-D array as it is, a 1-D array of n as an n×1 column,
    /// a scalar as 1×1, and an N×d₁×d₂… array as N×(d₁·d₂…) (images flattened row by row).
    /// NaN or infinite elements are rejected.
    /// </summary>
    public static Matrix ReadMatrix(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        return ReadMatrix(stream, path);
    }

    /// <summary>
    /// Reads rows [<paramref name="first"/>, <paramref name="first"/> + <paramref name="count"/>) of the matrix in
    /// <paramref name="path"/> (as <see cref="ReadMatrix(string)"/> shapes it), reading only their bytes: the header
    /// says where the data start, and in C order row i starts i·(row length)·(item size) bytes later. A Fortran-order
    /// array is read whole and the rows taken from it. NaN or infinite elements are rejected, naming their element.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The rows are not within the array's.</exception>
    /// <exception cref="DataFileException">The file is malformed or truncated, or a value is NaN or infinite.</exception>
    public static Matrix ReadRows(string path, long first, int count)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        var header = NpyHeader.Read(stream, stream.Length, path);
        long rows = header.Shape.Length == 0 ? 1 : header.Shape[0];
        if (first < 0 || count < 0 || first + count > rows)
            throw new ArgumentOutOfRangeException(nameof(first), $"Rows {first} to {first + count - 1} are not within the {rows} rows of {path}.");
        long columns = rows == 0 ? 0 : header.ElementCount / rows;
        if (columns > int.MaxValue)
            throw new DataFileException(path, $".npy shape ({string.Join(", ", header.Shape)}) has {columns} columns per row, more than {int.MaxValue}");
        if (header.FortranOrder && header.Shape.Length > 1)
        {
            var whole = ReadMatrix(stream, path);
            return Matrix.Wrap(count, (int)columns, whole.AsSpan().Slice(checked((int)(first * columns)), checked((int)(count * columns))).ToArray());
        }

        long elements = count * columns;
        if (!MemoryLimit.Fits(elements, sizeof(double)))
            MemoryLimit.EnsureFits(elements, sizeof(double), path, $"rows {first} to {first + count - 1} of shape ({string.Join(", ", header.Shape)}) as Double");
        var data = LargeArray.Uninitialized<double>(checked((int)elements));
        stream.Position = header.DataOffset + first * columns * header.ItemSize;
        switch (header.DataType)
        {
            case NpyDataType.Float64: Convert<double, double>(stream, data); break;
            case NpyDataType.Float32: Convert<float, double>(stream, data); break;
            case NpyDataType.Int32: Convert<int, double>(stream, data); break;
            case NpyDataType.Int64: Convert<long, double>(stream, data); break;
            default: Convert<byte, double>(stream, data); break;
        }

        if (!Finite.All(data))
        {
            int i = Finite.IndexOfNonFinite(data);
            throw new DataFileException(path, $"element {first * columns + i} is {data[i]}: NaN and infinities are not allowed");
        }

        return Matrix.Wrap(count, (int)columns, data);
    }

    /// <summary>Reads a matrix from the seekable <paramref name="stream"/> as <see cref="ReadMatrix(string)"/> does.</summary>
    internal static Matrix ReadMatrix(Stream stream, string name) => ReadMatrix(stream, name, out _);

    /// <summary>Reads a matrix as <see cref="ReadMatrix(string)"/> does, giving the element type the file stores.</summary>
    internal static Matrix ReadMatrix(Stream stream, string name, out NpyDataType storedType)
    {
        var header = NpyHeader.Read(stream, stream.Length, name);
        storedType = header.DataType;
        var shape = header.Shape;
        var data = ReadData<double>(stream, header, name);
        if (!Finite.All(data))
        {
            int i = Finite.IndexOfNonFinite(data);
            throw new DataFileException(name, $"element {i} is {data[i]}: NaN and infinities are not allowed");
        }
        long rows = shape.Length == 0 ? 1 : shape[0];
        long cols = 1;
        for (int i = 1; i < shape.Length; i++) cols *= shape[i];
        // Only an empty array can get here with a product above int (the data's length bounds it otherwise).
        if (cols > int.MaxValue)
            throw new DataFileException(name, $".npy shape ({string.Join(", ", shape)}) has {cols} columns per row, more than {int.MaxValue}");
        return Matrix.Wrap((int)rows, (int)cols, data);
    }

    /// <summary>Writes a matrix atomically as a 2-D array of the given element type (float64 by default).</summary>
    public static void Write(string path, Matrix matrix, NpyDataType type = NpyDataType.Float64)
    {
        ReadOnlySpan<long> shape = [matrix.Rows, matrix.Columns];
        var data = matrix.ToArray();
        switch (type)
        {
            case NpyDataType.Float64: Write<double>(path, data, shape); break;
            case NpyDataType.Float32: Write(path, data.Select(x => (float)x).ToArray(), shape); break;
            case NpyDataType.Int32: Write(path, data.Select(x => checked((int)x)).ToArray(), shape); break;
            case NpyDataType.Int64: Write(path, data.Select(x => checked((long)x)).ToArray(), shape); break;
            default: Write(path, data.Select(x => checked((byte)x)).ToArray(), shape); break;
        }
    }

    /// <summary>Writes <paramref name="data"/> (C order) with the given shape atomically; the dtype follows <typeparamref name="T"/>.</summary>
    public static void Write<T>(string path, T[] data, ReadOnlySpan<long> shape) where T : unmanaged, INumber<T>
    {
        long count = 1;
        foreach (var d in shape) count *= d;
        if (count != data.Length)
            throw new DimensionMismatchException($"Shape ({string.Join(", ", shape.ToArray())}) needs {count} elements, found {data.Length}.", nameof(data));
        var type = typeof(T) == typeof(double) ? NpyDataType.Float64
            : typeof(T) == typeof(float) ? NpyDataType.Float32
            : typeof(T) == typeof(int) ? NpyDataType.Int32
            : typeof(T) == typeof(long) ? NpyDataType.Int64
            : typeof(T) == typeof(byte) ? NpyDataType.UInt8
            : throw new ArgumentException($"No .npy dtype for {typeof(T).Name}.", nameof(data));
        var dims = shape.ToArray();
        AtomicFile.Write(path, stream =>
        {
            NpyHeader.Write(stream, type, dims);
            if (!BitConverter.IsLittleEndian) throw new PlatformNotSupportedException("Big-endian hosts are not supported.");
            stream.Write(MemoryMarshal.AsBytes(data.AsSpan()));
        });
    }

    /// <summary>Writes <paramref name="matrix"/> to <paramref name="stream"/> as a 2-D float64 <c>.npy</c> array (header and data).</summary>
    internal static void WriteMatrix(Stream stream, Matrix matrix)
    {
        if (!BitConverter.IsLittleEndian) throw new PlatformNotSupportedException("Big-endian hosts are not supported.");
        NpyHeader.Write(stream, NpyDataType.Float64, [matrix.Rows, matrix.Columns]);
        for (int i = 0; i < matrix.Rows; i++) stream.Write(MemoryMarshal.AsBytes(matrix.RowSpan(i)));
    }

    private static void Convert<TSource, T>(Stream stream, T[] destination)
        where TSource : unmanaged, INumber<TSource>
        where T : unmanaged, INumber<T>
    {
        if (!BitConverter.IsLittleEndian) throw new PlatformNotSupportedException("Big-endian hosts are not supported.");
        if (typeof(TSource) == typeof(T))
        {
            stream.ReadExactly(MemoryMarshal.AsBytes(destination.AsSpan()));
            return;
        }
        var chunk = new TSource[Math.Min(destination.Length, 1 << 16)];
        for (int offset = 0; offset < destination.Length; offset += chunk.Length)
        {
            int n = Math.Min(chunk.Length, destination.Length - offset);
            stream.ReadExactly(MemoryMarshal.AsBytes(chunk.AsSpan(0, n)));
            for (int i = 0; i < n; i++) destination[offset + i] = T.CreateTruncating(chunk[i]);
        }
    }
}
