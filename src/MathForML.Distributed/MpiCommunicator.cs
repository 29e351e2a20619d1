using MathForML.Distributed.Mpi;

namespace MathForML.Distributed;

/// <summary>
/// <see cref="ICommunicator"/> over MPI's <c>MPI_COMM_WORLD</c> (OpenMPI, through <see cref="MpiNative"/>). Created by
/// <see cref="MpiSession.Start"/>; calls may come from any thread, one at a time (MPI_THREAD_SERIALIZED).
/// </summary>
/// <remarks>
/// Messages are cut into pieces of at most <see cref="MaxPiece"/> elements (MPI counts are int). The rank-order sum
/// gathers every member's part (Allgatherv) and adds them locally in rank order: P times the traffic of an
/// MPI_Allreduce, but the same bits on every rank and for every MPI library, which keeps the ranks' copies of a model
/// identical; the integer sums and the minima and maxima, exact in any order, use MPI_Allreduce.
/// </remarks>
public sealed unsafe class MpiCommunicator : ICommunicator
{
    /// <summary>Most elements sent in one MPI call.</summary>
    internal const int MaxPiece = 1 << 24;

    private readonly nint _comm;

    internal MpiCommunicator(nint comm)
    {
        _comm = comm;
        int rank, size;
        MpiNative.Check(MpiNative.CommRank(comm, &rank), "MPI_Comm_rank");
        MpiNative.Check(MpiNative.CommSize(comm, &size), "MPI_Comm_size");
        Rank = rank;
        Size = size;
    }

    /// <inheritdoc/>
    public int Rank { get; }

    /// <inheritdoc/>
    public int Size { get; }

    /// <summary>True once this rank has made a collective call (after which a lone failure would leave the others waiting).</summary>
    public bool HasCommunicated { get; private set; }

    /// <inheritdoc/>
    public void SumInRankOrder(Span<double> values)
    {
        if (Size == 1) return;
        int piece = Math.Max(1, MaxPiece / Size);
        var all = new double[Math.Min(values.Length, piece) * Size];
        var counts = new int[Size];
        for (int start = 0; start < values.Length; start += piece)
        {
            var part = values.Slice(start, Math.Min(piece, values.Length - start));
            counts.AsSpan().Fill(part.Length);
            Gather(part, all.AsSpan(0, part.Length * Size), counts);
            all.AsSpan(0, part.Length).CopyTo(part);
            for (int r = 1; r < Size; r++)
            {
                var other = all.AsSpan(r * part.Length, part.Length);
                for (int i = 0; i < part.Length; i++) part[i] += other[i];
            }
        }
    }

    /// <inheritdoc/>
    public void Sum(Span<long> values) => Allreduce(values, MpiNative.Long, MpiNative.Sum);

    /// <inheritdoc/>
    public void Sum(Span<int> values) => Allreduce(values, MpiNative.Int, MpiNative.Sum);

    /// <inheritdoc/>
    public void Min(Span<double> values) => Allreduce(values, MpiNative.Double, MpiNative.Min);

    /// <inheritdoc/>
    public void Max(Span<double> values) => Allreduce(values, MpiNative.Double, MpiNative.Max);

    /// <inheritdoc/>
    public void Max(Span<long> values) => Allreduce(values, MpiNative.Long, MpiNative.Max);

    /// <inheritdoc/>
    public void Gather(ReadOnlySpan<double> mine, Span<double> all, ReadOnlySpan<int> counts)
    {
        if (counts.Length != Size) throw new ArgumentException($"{counts.Length} counts for {Size} ranks.", nameof(counts));
        if (mine.Length != counts[Rank]) throw new ArgumentException($"Rank {Rank} sends {mine.Length} values but the counts say {counts[Rank]}.", nameof(mine));
        long total = 0;
        foreach (int c in counts) total += c;
        if (all.Length != total) throw new ArgumentException($"The parts hold {total} values but the destination {all.Length}.", nameof(all));
        if (total <= int.MaxValue)
        {
            var displacements = new int[Size];
            for (int r = 1; r < Size; r++) displacements[r] = displacements[r - 1] + counts[r - 1];
            fixed (double* send = mine)
            fixed (double* receive = all)
            fixed (int* c = counts)
            fixed (int* d = displacements)
                MpiNative.Check(Mark(MpiNative.Allgatherv(send, mine.Length, MpiNative.Double, receive, c, d, MpiNative.Double, _comm)), "MPI_Allgatherv");
            return;
        }

        // More than 2³¹ − 1 values in all: one rank's part at a time (each part fits an int count).
        for (int r = 0, offset = 0; r < Size; offset += counts[r], r++)
        {
            var part = all.Slice(offset, counts[r]);
            if (r == Rank) mine.CopyTo(part);
            Broadcast(part, r);
        }
    }

    /// <inheritdoc/>
    public void Broadcast(Span<double> values, int root)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(root);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(root, Size);
        for (int start = 0; start < values.Length; start += MaxPiece)
        {
            var part = values.Slice(start, Math.Min(MaxPiece, values.Length - start));
            fixed (double* p = part)
                MpiNative.Check(Mark(MpiNative.Bcast(p, part.Length, MpiNative.Double, root, _comm)), "MPI_Bcast");
        }
    }

    /// <inheritdoc/>
    public void Barrier() => MpiNative.Check(Mark(MpiNative.Barrier(_comm)), "MPI_Barrier");

    /// <summary>Ends every rank of the job at once with <paramref name="exitCode"/> (MPI_Abort), for a failure the others cannot learn of.</summary>
    public void Abort(int exitCode) => MpiNative.Abort(_comm, exitCode);

    private int Mark(int code)
    {
        HasCommunicated = true;
        return code;
    }

    private void Allreduce<T>(Span<T> values, nint type, nint op) where T : unmanaged
    {
        for (int start = 0; start < values.Length; start += MaxPiece)
        {
            var part = values.Slice(start, Math.Min(MaxPiece, values.Length - start));
            fixed (T* p = part)
                MpiNative.Check(Mark(MpiNative.Allreduce((void*)MpiNative.InPlace, p, part.Length, type, op, _comm)), "MPI_Allreduce");
        }
    }
}
