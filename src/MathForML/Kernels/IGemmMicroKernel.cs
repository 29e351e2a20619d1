using System.Numerics;

namespace MathForML.Kernels;

/// <summary>
/// A register-blocked GEMM micro-kernel: the innermost block of the BLIS loop nest. It multiplies an Mr×kc packed
/// panel of A (column by column: Mr values per step) by a kc×Nr packed panel of B (row by row: Nr values per step),
/// keeping the Mr×Nr product in registers, and finishes with C ← α·(A·B) + β·C on an Mr×Nr tile of C
/// (row-major, leading dimension ldc). When β is zero C is overwritten without being read.
/// </summary>
internal unsafe interface IGemmMicroKernel<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Rows of the register tile.</summary>
    static abstract int Mr { get; }

    /// <summary>Columns of the register tile (a multiple of the vector width).</summary>
    static abstract int Nr { get; }

    /// <summary>C[0..Mr, 0..Nr] ← α·Σₚ a[p·Mr + i]·b[p·Nr + j] + β·C.</summary>
    static abstract void Run(int kc, T* a, T* b, T alpha, T beta, T* c, nint ldc);
}
