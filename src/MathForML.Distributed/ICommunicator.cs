namespace MathForML.Distributed;

/// <summary>
/// The collective operations the distributed jobs need, over a group of <see cref="Size"/> processes numbered
/// 0 … Size − 1. Every member must make the same calls in the same order with matching lengths (as in MPI). Floating
/// sums go through <see cref="SumInRankOrder"/>, which adds the members' parts in rank order on every member, so every
/// rank holds bit-for-bit the same sum whatever the transport's reduction algorithm.
/// </summary>
public interface ICommunicator
{
    /// <summary>This member's number, 0 … <see cref="Size"/> − 1.</summary>
    int Rank { get; }

    /// <summary>How many members the group has.</summary>
    int Size { get; }

    /// <summary>values ← Σ over the members of their values, element by element, added in rank order (0, 1, …) on every member.</summary>
    void SumInRankOrder(Span<double> values);

    /// <summary>values ← Σ over the members (exact: integers), element by element.</summary>
    void Sum(Span<long> values);

    /// <summary>values ← Σ over the members (exact: integers; the caller keeps the sums below 2³¹), element by element.</summary>
    void Sum(Span<int> values);

    /// <summary>values ← the element-wise minimum over the members.</summary>
    void Min(Span<double> values);

    /// <summary>values ← the element-wise maximum over the members.</summary>
    void Max(Span<double> values);

    /// <summary>values ← the element-wise maximum over the members.</summary>
    void Max(Span<long> values);

    /// <summary>
    /// Concatenates the members' parts in rank order: member r contributes <paramref name="mine"/>
    /// (<paramref name="counts"/>[r] values) and every member receives all of them in <paramref name="all"/>
    /// (Σ counts values).
    /// </summary>
    void Gather(ReadOnlySpan<double> mine, Span<double> all, ReadOnlySpan<int> counts);

    /// <summary>Copies member <paramref name="root"/>'s values into every member's <paramref name="values"/>.</summary>
    void Broadcast(Span<double> values, int root);

    /// <summary>Waits until every member has called it.</summary>
    void Barrier();
}
