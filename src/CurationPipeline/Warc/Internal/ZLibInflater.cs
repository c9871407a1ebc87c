using System.Runtime.InteropServices;

namespace CurationPipeline.Warc.Internal;

/// <summary>Outcome of one <see cref="ZLibInflater.Inflate"/> call.</summary>
internal enum InflateStatus
{
    /// <summary>Progress was made (or more input is needed); the member continues.</summary>
    Ok,

    /// <summary>The gzip member ended (trailer checked); <c>consumed</c> tells where.</summary>
    MemberEnd,

    /// <summary>The deflate data or the gzip header/trailer is invalid.</summary>
    Corrupt,
}

/// <summary>
/// One gzip member decoder over the system zlib (<c>libz.so.1</c>) through function pointers, so the caller learns
/// exactly how many compressed bytes a member used (GZipStream hides member boundaries).
/// </summary>
/// <remarks>The <c>z_stream</c> lives in native memory because zlib keeps a pointer back to it. Not thread-safe.</remarks>
internal sealed unsafe class ZLibInflater : IDisposable
{
    private const int ZOk = 0;
    private const int ZStreamEnd = 1;
    private const int ZBufError = -5;
    private const int GzipWindowBits = 31; // 15 + 16: gzip wrapper only, header and CRC checked by zlib.

    private static readonly Api? s_api = Api.TryLoad();

    private ZStream* _stream;
    private bool _initialized;

    /// <summary>Whether the system zlib could be loaded on this machine.</summary>
    public static bool IsAvailable => s_api is not null;

    /// <summary>Allocates a decoder; call only when <see cref="IsAvailable"/>.</summary>
    public ZLibInflater()
    {
        if (s_api is null)
        {
            throw new InvalidOperationException("The system zlib (libz) is not available.");
        }

        _stream = (ZStream*)NativeMemory.AllocZeroed((nuint)sizeof(ZStream));
    }

    /// <summary>Prepares for a new gzip member.</summary>
    public void Reset()
    {
        Api api = s_api!;
        if (!_initialized)
        {
            fixed (byte* version = "1.2.13\0"u8)
            {
                int rc = api.InflateInit2(_stream, GzipWindowBits, version, sizeof(ZStream));
                if (rc != ZOk)
                {
                    throw new InvalidOperationException($"zlib inflateInit2_ failed with {rc}.");
                }
            }

            _initialized = true;
            return;
        }

        api.InflateReset(_stream);
    }

    /// <summary>Inflates from <paramref name="input"/> into <paramref name="output"/>.</summary>
    /// <param name="input">Compressed bytes available now.</param>
    /// <param name="output">Room for decoded bytes.</param>
    /// <param name="consumed">Compressed bytes used.</param>
    /// <param name="produced">Decoded bytes written.</param>
    /// <returns>Whether the member continues, ended, or is corrupt.</returns>
    public InflateStatus Inflate(ReadOnlySpan<byte> input, Span<byte> output, out int consumed, out int produced)
    {
        fixed (byte* inPtr = input)
        fixed (byte* outPtr = output)
        {
            _stream->NextIn = inPtr;
            _stream->AvailIn = (uint)input.Length;
            _stream->NextOut = outPtr;
            _stream->AvailOut = (uint)output.Length;
            int rc = s_api!.Inflate(_stream, 0);
            consumed = input.Length - (int)_stream->AvailIn;
            produced = output.Length - (int)_stream->AvailOut;
            _stream->NextIn = null;
            _stream->NextOut = null;
            return rc switch
            {
                ZStreamEnd => InflateStatus.MemberEnd,
                ZOk or ZBufError => InflateStatus.Ok,
                _ => InflateStatus.Corrupt,
            };
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        if (_stream is null)
        {
            return;
        }

        if (_initialized)
        {
            s_api!.InflateEnd(_stream);
        }

        NativeMemory.Free(_stream);
        _stream = null;
    }

    /// <summary>zlib's <c>z_stream</c> (uLong is <c>unsigned long</c>, hence <see cref="CULong"/>).</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct ZStream
    {
        public byte* NextIn;
        public uint AvailIn;
        public CULong TotalIn;
        public byte* NextOut;
        public uint AvailOut;
        public CULong TotalOut;
        public byte* Msg;
        public void* State;
        public void* ZAlloc;
        public void* ZFree;
        public void* Opaque;
        public int DataType;
        public CULong Adler;
        public CULong Reserved;
    }

    /// <summary>The four zlib entry points, resolved once.</summary>
    private sealed class Api
    {
        public delegate* unmanaged<ZStream*, int, byte*, int, int> InflateInit2;
        public delegate* unmanaged<ZStream*, int, int> Inflate;
        public delegate* unmanaged<ZStream*, int> InflateReset;
        public delegate* unmanaged<ZStream*, int> InflateEnd;

        public static Api? TryLoad()
        {
            string[] names = OperatingSystem.IsWindows() ? ["zlib1.dll", "zlib.dll"]
                : OperatingSystem.IsMacOS() ? ["libz.1.dylib", "libz.dylib"]
                : ["libz.so.1", "libz.so"];
            foreach (string name in names)
            {
                if (NativeLibrary.TryLoad(name, out IntPtr lib)
                    && NativeLibrary.TryGetExport(lib, "inflateInit2_", out IntPtr init)
                    && NativeLibrary.TryGetExport(lib, "inflate", out IntPtr inflate)
                    && NativeLibrary.TryGetExport(lib, "inflateReset", out IntPtr reset)
                    && NativeLibrary.TryGetExport(lib, "inflateEnd", out IntPtr end))
                {
                    return new Api
                    {
                        InflateInit2 = (delegate* unmanaged<ZStream*, int, byte*, int, int>)init,
                        Inflate = (delegate* unmanaged<ZStream*, int, int>)inflate,
                        InflateReset = (delegate* unmanaged<ZStream*, int>)reset,
                        InflateEnd = (delegate* unmanaged<ZStream*, int>)end,
                    };
                }
            }

            return null;
        }
    }
}
