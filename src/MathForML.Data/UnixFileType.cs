using System.Runtime.InteropServices;

namespace MathForML.Data;

/// <summary>What a path names, as far as writing to it goes.</summary>
internal enum FileKind
{
    /// <summary>Nothing there.</summary>
    Missing,

    /// <summary>A regular file (or a platform where the type cannot be asked: treated as one).</summary>
    Regular,

    /// <summary>A folder.</summary>
    Directory,

    /// <summary>A character or block device, a FIFO or a socket: written through, never replaced.</summary>
    Special,
}

/// <summary>
/// The type of a file from <c>stat(2)</c>'s <c>st_mode</c> (following symlinks), which .NET does not expose: the C
/// library's <c>stat</c> fills a buffer whose <c>st_mode</c> sits at byte 24 on Linux x64 and byte 16 on Linux arm64
/// (the kernel's <c>struct stat</c> for those ABIs; glibc ≥ 2.33 and musl export <c>stat</c> itself). Elsewhere the
/// type is not asked and an existing non-folder counts as <see cref="FileKind.Regular"/>.
/// </summary>
internal static partial class UnixFileType
{
    private const uint TypeMask = 0xF000, RegularType = 0x8000, DirectoryType = 0x4000;

    /// <summary>The kind of file at <paramref name="path"/>.</summary>
    public static FileKind Of(string path)
    {
        if (Directory.Exists(path)) return FileKind.Directory;
        if (!File.Exists(path)) return FileKind.Missing;
        int offset = ModeOffset();
        if (offset < 0) return FileKind.Regular;
        var buffer = new byte[256];   // struct stat is 144 (x64) or 128 (arm64) bytes
        try
        {
            if (Stat(path, buffer) != 0) return FileKind.Regular;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return FileKind.Regular;   // a C library without a 'stat' export (glibc < 2.33): the type is not asked
        }

        uint mode = BitConverter.ToUInt32(buffer, offset) & TypeMask;
        return mode switch
        {
            RegularType => FileKind.Regular,
            DirectoryType => FileKind.Directory,
            _ => FileKind.Special,
        };
    }

    private static int ModeOffset() =>
        !OperatingSystem.IsLinux() ? -1 : RuntimeInformation.ProcessArchitecture switch
        {
            Architecture.X64 => 24,
            Architecture.Arm64 => 16,
            _ => -1,
        };

    [LibraryImport("libc", EntryPoint = "stat", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static partial int Stat(string path, [Out] byte[] buffer);
}
