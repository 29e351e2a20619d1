using System.Collections;
using System.Numerics.Tensors;

namespace MathForML.LinearAlgebra;

public sealed partial class Vector
{
    /// <summary>An enumerator over the elements; a struct, so <c>foreach (double x in v)</c> allocates nothing.</summary>
    public Enumerator GetEnumerator() => new(_data);

    IEnumerator<double> IEnumerable<double>.GetEnumerator() => GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>A writable view of the elements as a rank-1 tensor of length n, sharing the storage (no copy).</summary>
    public TensorSpan<double> AsTensorSpan() => new(_data);

    /// <summary>A read-only view of the elements as a rank-1 tensor of length n, sharing the storage (no copy).</summary>
    public ReadOnlyTensorSpan<double> AsReadOnlyTensorSpan() => new(_data);

    /// <summary>Walks the elements of a <see cref="Vector"/> in order.</summary>
    public struct Enumerator : IEnumerator<double>
    {
        private readonly double[] _data;
        private int _index;

        internal Enumerator(double[] data)
        {
            _data = data;
            _index = -1;
        }

        /// <summary>The element at the current position.</summary>
        public readonly double Current => _data[_index];

        readonly object IEnumerator.Current => Current;

        /// <summary>Advances to the next element; false after the last.</summary>
        public bool MoveNext() => ++_index < _data.Length;

        /// <summary>Goes back to before the first element.</summary>
        public void Reset() => _index = -1;

        /// <summary>Nothing to release.</summary>
        public readonly void Dispose() { }
    }
}
