using System.Numerics;
using MathForML.Kernels;

namespace MathForML.Tests.Kernels;

/// <summary>
/// The slabs of <see cref="GemmPartition"/> shared through a <see cref="GemmWorkQueue"/>, with tiny blocks (two A
/// panels, depth 5, two B panels) so that each slab has many units: one thread starting at any slab computes the
/// whole product (its own slab, then the others'), several threads racing on the same slab keep every block's updates
/// in order, and whoever computes which unit, the product is the same to the bit.
/// </summary>
public class GemmPartitionTests
{
    public static TheoryData<int, int, int, bool, int> Cases => new()
    {
        { 40, 100, 23, false, 3 }, { 40, 100, 23, true, 3 }, { 17, 53, 11, false, 2 }, { 9, 120, 12, true, 2 }, { 64, 7, 16, false, 4 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void OneThreadStartingAtTheLastSlabComputesEverySlab(int m, int n, int k, bool byColumns, int parts) =>
        GemmTests.CheckAgainstReference<double>(m, n, k, seed: m + n + k, [(1.0, 0.0), (-0.5, 2.0)],
            (transA, transB, alpha, a, lda, b, ldb, beta, c, ldc, path) =>
            {
                var job = new SharedJob<double>(transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc, byColumns, parts, 1);
                GemmMicroKernelChoice.Run<double, SharedJob<double>>(path, ref job);
            });

    [Theory]
    [MemberData(nameof(Cases))]
    public void FloatSlabsSharedByThreeThreadsMatchTheReference(int m, int n, int k, bool byColumns, int parts) =>
        GemmTests.CheckAgainstReference<float>(m, n, k, seed: m + n + k + 1, [(1.0, 0.0), (2.0, 1.0)],
            (transA, transB, alpha, a, lda, b, ldb, beta, c, ldc, path) =>
            {
                var job = new SharedJob<float>(transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc, byColumns, parts, 3);
                GemmMicroKernelChoice.Run<float, SharedJob<float>>(path, ref job);
            });

    [Fact]
    public void ThreadsRacingOnOneBlockGiveTheSameBitsAsOneThread()
    {
        // One slab of one block of C and twelve rank-5 updates: every unit depends on the one before it, so four threads
        // claiming units one after another must each wait for the previous update (without the wait the read-modify-write
        // of C races and loses updates).
        const int m = 16, n = 48, k = 60;
        var random = new Random(11);
        var a = KernelTestData.Random<double>(random, m, k, k);
        var b = KernelTestData.Random<double>(random, k, n, n);
        var c0 = KernelTestData.Random<double>(random, m, n, n);
        foreach (var path in KernelTestData.Paths)
        {
            var expected = (double[])c0.Clone();
            var serial = new SharedJob<double>(Op.None, Op.None, m, n, k, 1.25, a, k, b, n, 0.75, expected, n, false, 1, 1);
            GemmMicroKernelChoice.Run<double, SharedJob<double>>(path, ref serial);
            for (int round = 0; round < 20; round++)
            {
                var c = (double[])c0.Clone();
                var job = new SharedJob<double>(Op.None, Op.None, m, n, k, 1.25, a, k, b, n, 0.75, c, n, false, 1, 4);
                GemmMicroKernelChoice.Run<double, SharedJob<double>>(path, ref job);
                Assert.True(expected.AsSpan().SequenceEqual(c), $"{path}, round {round}: the shared product differs from the serial one");
            }
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void SlabsAreWholePanelsCoveringCOnce(bool byColumns)
    {
        var blocks = new GemmBlocking(16, 5, 48, 8);
        unsafe
        {
            var plans = GemmPartition.Slabs<double>(Op.None, Op.None, 41, 100, 7, 1.0, null, 7, null, 100, 0.0, null, 100,
                byColumns, 3, blocks, 8, 24);
            int covered = 0;
            foreach (var plan in plans)
            {
                int size = byColumns ? plan.N : plan.M;
                Assert.True(size > 0);
                if (covered + size < (byColumns ? 100 : 41)) Assert.Equal(0, size % (byColumns ? 24 : 8));
                Assert.Equal(byColumns ? (nint)(covered * sizeof(double)) : (nint)(covered * 100 * sizeof(double)), (nint)plan.C);
                covered += size;
            }

            Assert.Equal(byColumns ? 100 : 41, covered);
        }
    }

    /// <summary>
    /// The product cut into <c>parts</c> slabs with tiny blocks and computed through one queue by <c>threads</c> threads
    /// started together, thread t beginning at slab (parts − 1 + t) mod parts (one thread: the last slab first).
    /// </summary>
    private readonly struct SharedJob<T>(Op transA, Op transB, int m, int n, int k, T alpha, T[] a, int lda, T[] b, int ldb, T beta,
        T[] c, int ldc, bool byColumns, int parts, int threads) : IGemmMicroKernelJob<T>
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        public unsafe void Run<TKernel>() where TKernel : IGemmMicroKernel<T>
        {
            var blocks = new GemmBlocking(2 * TKernel.Mr, 5, 2 * TKernel.Nr, TKernel.Mr);
            fixed (T* pa = a, pb = b, pc = c)
            {
                var plans = GemmPartition.Slabs(transA, transB, m, n, k, alpha, pa, lda, pb, ldb, beta, pc, ldc, byColumns, parts,
                    blocks, TKernel.Mr, TKernel.Nr);
                var queue = GemmWorkQueue.For(plans);
                int count = plans.Length, workers = threads;
                using var start = new Barrier(workers);
                var team = Enumerable.Range(0, workers).Select(t => new Thread(() =>
                {
                    start.SignalAndWait();
                    GemmDriver.RunShared<T, TKernel>(plans, queue, (count - 1 + t) % count);
                })).ToList();
                team.ForEach(thread => thread.Start());
                team.ForEach(thread => thread.Join());
            }
        }
    }
}
