using System.Numerics;

namespace MathForML.Kernels;

/// <summary>
/// One product C ← α·op(A)·op(B) + β·C (or, for SYRK, the tiles of it on or below the diagonal) with its block sizes,
/// cut into units of work for <see cref="GemmDriver"/>: unit (p, i, j) multiplies A block i (mc×kc of op(A)) by B block
/// j (kc×nc of op(B)) in rank-kc update p, and the units are numbered with j fastest and p slowest, the loop order of
/// the driver. A product narrow enough that op(B) is one block (n ≤ nc) has one unit per A block and update.
/// </summary>
internal readonly unsafe struct GemmPlan<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Plans the product with the block sizes given for an mr×nr micro-kernel.</summary>
    public GemmPlan(Op transA, Op transB, int m, int n, int k, T alpha, T* a, nint lda, T* b, nint ldb, T beta, T* c, nint ldc,
        bool lowerOnly, int rowOffset, GemmBlocking blocks, int mr, int nr)
    {
        TransA = transA;
        TransB = transB;
        M = m;
        N = n;
        K = k;
        Alpha = alpha;
        A = a;
        Lda = lda;
        B = b;
        Ldb = ldb;
        Beta = beta;
        C = c;
        Ldc = ldc;
        LowerOnly = lowerOnly;
        RowOffset = rowOffset;
        McMax = GemmDriver.Balanced(m, n <= blocks.Nc && blocks.McNarrow > 0 ? blocks.McNarrow : blocks.Mc, mr);
        KcMax = GemmDriver.Balanced(k, blocks.Kc, 1);
        NcMax = GemmDriver.Balanced(n, blocks.Nc, nr);
        ABlocks = (m + McMax - 1) / McMax;
        BBlocks = (n + NcMax - 1) / NcMax;
        Updates = (k + KcMax - 1) / KcMax;
    }

    /// <summary>Whether op(A) is A or Aᵀ.</summary>
    public Op TransA { get; }

    /// <summary>Whether op(B) is B or Bᵀ.</summary>
    public Op TransB { get; }

    /// <summary>Rows of C and of op(A).</summary>
    public int M { get; }

    /// <summary>Columns of C and of op(B).</summary>
    public int N { get; }

    /// <summary>The shared dimension: columns of op(A), rows of op(B).</summary>
    public int K { get; }

    /// <summary>α (not zero).</summary>
    public T Alpha { get; }

    /// <summary>The first element of A (row-major, leading dimension <see cref="Lda"/>).</summary>
    public T* A { get; }

    /// <summary>A's leading dimension.</summary>
    public nint Lda { get; }

    /// <summary>The first element of B (row-major, leading dimension <see cref="Ldb"/>).</summary>
    public T* B { get; }

    /// <summary>B's leading dimension.</summary>
    public nint Ldb { get; }

    /// <summary>β, applied by the first update only (C is not read when it is zero).</summary>
    public T Beta { get; }

    /// <summary>The first element of C (row-major, leading dimension <see cref="Ldc"/>).</summary>
    public T* C { get; }

    /// <summary>C's leading dimension.</summary>
    public nint Ldc { get; }

    /// <summary>Only the tiles on or below the diagonal of the full matrix, whose row <see cref="RowOffset"/> is C's row 0.</summary>
    public bool LowerOnly { get; }

    /// <summary>The row of the full matrix that is C's row 0, for <see cref="LowerOnly"/>.</summary>
    public int RowOffset { get; }

    /// <summary>Rows of an A block (a multiple of mr, balanced so the blocks are as equal as they can be).</summary>
    public int McMax { get; }

    /// <summary>Depth of a rank-kc update.</summary>
    public int KcMax { get; }

    /// <summary>Columns of a B block (a multiple of nr; all of n, rounded up, when op(B) is one block).</summary>
    public int NcMax { get; }

    /// <summary>A blocks down the rows of C.</summary>
    public int ABlocks { get; }

    /// <summary>B blocks along the columns of C (1: op(B) is one block, packed once per update).</summary>
    public int BBlocks { get; }

    /// <summary>Rank-kc updates.</summary>
    public int Updates { get; }

    /// <summary>Blocks of C, each the target of one unit per update.</summary>
    public int Blocks => ABlocks * BBlocks;

    /// <summary>Units of work: one per block of C and update.</summary>
    public int Units => Updates * Blocks;
}
