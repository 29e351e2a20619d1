using System.Runtime.InteropServices;

namespace MathForML.Distributed.Mpi;

/// <summary>
/// OpenMPI's <c>libmpi</c>, loaded on first use with <c>RTLD_GLOBAL</c> and its entry points and predefined handles
/// looked up by name. OpenMPI loads its components (<c>mca_*.so</c>) with dlopen and they resolve libmpi's symbols
/// globally, so the library must be opened as a C program's would be linked (<c>NativeLibrary.Load</c> opens it
/// locally, and the components then fail to load). Nothing here runs unless a job is started under <c>mpirun</c>.
/// </summary>
/// <remarks>
/// OpenMPI's ABI (4.x, <c>mpi.h</c>): every handle is a pointer — <c>MPI_COMM_WORLD</c> is the address of the global
/// <c>ompi_mpi_comm_world</c>, <c>MPI_DOUBLE</c> of <c>ompi_mpi_double</c>, <c>MPI_SUM</c> of <c>ompi_mpi_op_sum</c> —
/// and <c>MPI_IN_PLACE</c> is <c>(void*)1</c>. Other MPI implementations (MPICH's integer handles) are not supported.
/// </remarks>
internal static partial class MpiLibrary
{
    private const int RtldNow = 2, RtldGlobal = 0x100;

    /// <summary>The names tried, in order: the runtime's soname (Debian's libopenmpi3, OpenMPI 4.x), then the development link.</summary>
    internal static readonly string[] Candidates = ["libmpi.so.40", "libmpi.so"];

    private static readonly Lazy<nint> Handle = new(Open);

    /// <summary>The handle of the opened library.</summary>
    /// <exception cref="DllNotFoundException">No OpenMPI library was found.</exception>
    public static nint Library => Handle.Value;

    /// <summary>The address of the exported symbol <paramref name="name"/> (a function or a predefined handle).</summary>
    /// <exception cref="EntryPointNotFoundException">The library has no such symbol (not OpenMPI).</exception>
    public static nint Symbol(string name) => NativeLibrary.TryGetExport(Library, name, out var address)
        ? address
        : throw new EntryPointNotFoundException($"{name} is not in the MPI library: MathForML's binding needs OpenMPI 4 or later.");

    private static nint Open()
    {
        foreach (var name in Candidates)
        {
            nint h = DlOpen(name, RtldNow | RtldGlobal);
            if (h != 0) return h;
        }

        throw new DllNotFoundException($"OpenMPI's library ({string.Join(" or ", Candidates)}) was not found: install OpenMPI (Debian: apt-get install openmpi-bin) to run under mpirun.");
    }

    [LibraryImport("libc", EntryPoint = "dlopen", StringMarshalling = StringMarshalling.Utf8)]
    private static partial nint DlOpen(string file, int mode);
}
