using System.Runtime.InteropServices;

namespace OciLint.Core.Layout;

/// <summary>The file type bits of lstat(2), which .NET does not expose.</summary>
internal static partial class UnixFileType
{
    public enum Kind
    {
        Unknown,
        Regular,
        Directory,
        Symlink,
        Special,
    }

    public static Kind Of(string path)
    {
        if (!OperatingSystem.IsLinux())
        {
            return Kind.Unknown;
        }

        // st_mode sits at offset 24 on x86-64 and at 16 on the generic layout (arm64, riscv64).
        var offset = RuntimeInformation.ProcessArchitecture switch
        {
            Architecture.X64 => 24,
            Architecture.Arm64 => 16,
            _ => -1,
        };
        if (offset < 0)
        {
            return Kind.Unknown;
        }

        Span<byte> buffer = stackalloc byte[256];
        if (LStat(path, ref MemoryMarshal.GetReference(buffer)) != 0)
        {
            return Kind.Unknown;
        }

        var mode = BitConverter.ToUInt32(buffer.Slice(offset, 4));
        return (mode & 0xF000) switch
        {
            0x8000 => Kind.Regular,
            0x4000 => Kind.Directory,
            0xA000 => Kind.Symlink,
            _ => Kind.Special,
        };
    }

    [LibraryImport("libc", EntryPoint = "lstat", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int LStat(string path, ref byte buffer);
}
