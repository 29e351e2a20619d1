using MathForML.LinearAlgebra;

namespace MathForML.Tests.LinearAlgebra;

public class EnumerationTests
{
    [Fact]
    public void VectorIsAReadOnlyListOfItsElements()
    {
        var v = Vector.Of(3, 1, 2);
        IReadOnlyList<double> list = v;
        Assert.Equal(3, list.Count);
        Assert.Equal(2, list[2]);
        double sum = 0;
        foreach (double x in v) sum += x;
        Assert.Equal(6, sum);
        Assert.Equal([1.0, 2, 3], v.Order().ToArray());
        Assert.Equal(3, v.Max());
        Assert.Equal([6.0, 2, 4], v.Select(x => 2 * x));
    }

    [Fact]
    public void ForeachOverAVectorDoesNotAllocate()
    {
        var v = Vector.Filled(1000, 1);
        static double Total(Vector v)
        {
            double s = 0;
            foreach (double x in v) s += x;
            return s;
        }
        Total(v);
        long before = GC.GetAllocatedBytesForCurrentThread();
        double total = Total(v);
        long after = GC.GetAllocatedBytesForCurrentThread();
        Assert.Equal(1000, total);
        Assert.Equal(before, after);
    }

    [Fact]
    public void EnumeratorResets()
    {
        var e = Vector.Of(5, 6).GetEnumerator();
        Assert.True(e.MoveNext());
        Assert.Equal(5, e.Current);
        Assert.True(e.MoveNext());
        Assert.False(e.MoveNext());
        e.Reset();
        Assert.True(e.MoveNext());
        Assert.Equal(5, e.Current);
    }

    [Fact]
    public void MatrixEnumeratesRowsAndColumnsAsCopies()
    {
        var m = Matrix.FromRows([1, 2], [3, 4], [5, 6]);
        var rows = m.EnumerateRows().ToList();
        Assert.Equal(3, rows.Count);
        Assert.Equal(Vector.Of(3, 4), rows[1]);
        Assert.Equal([3.0, 7, 11], m.EnumerateRows().Select(r => r.Sum()));
        Assert.Equal([Vector.Of(1, 3, 5), Vector.Of(2, 4, 6)], m.EnumerateColumns());
        rows[0][0] = 100;
        Assert.Equal(1, m[0, 0]);
    }
}
