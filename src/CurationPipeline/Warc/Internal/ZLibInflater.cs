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
/// One gzip member decoder over native zlib through function pointers, so the caller learns exactly how many compressed
/// bytes a member used (GZipStream hides member boundaries).
/// </summary>
/// <remarks>
/// Two backends, tried in order: the zlib-ng that ships inside the .NET runtime (<c>libSystem.IO.Compression.Native</c>,
/// its <c>CompressionNative_*</c> exports; about twice as fast as classic zlib here), then the system zlib (<c>libz.so.1</c>).
/// The stream struct lives in native memory because zlib keeps a pointer back to it. Not thread-safe.
/// </remarks>
internal sealed unsafe class ZLibInflater : IDisposable
{
    private const int ZOk = 0;
    private const int ZStreamEnd = 1;
    private const int ZBufError = -5;
    private const int GzipWindowBits = 31; // 15 + 16: gzip wrapper only, header and CRC checked by zlib.

    private static readonly Backend[] s_backends = LoadBackends();

    private readonly Backend _backend;
    private void* _stream;
    private bool _initialized;

    /// <summary>Allocates a decoder on the preferred backend; call only when <see cref="IsAvailable"/>.</summary>
    public ZLibInflater()
        : this(s_backends.Length > 0 ? s_backends[0].Name : throw new InvalidOperationException("No native zlib is available."))
    {
    }

    /// <summary>Allocates a decoder on the named backend (see <see cref="AvailableBackends"/>).</summary>
    public ZLibInflater(string backend)
    {
        _backend = Array.Find(s_backends, b => b.Name == backend) ?? throw new ArgumentException($"zlib backend {backend} is not available.", nameof(backend));
        _stream = NativeMemory.AllocZeroed((nuint)_backend.StreamSize);
    }

    /// <summary>Whether any native zlib could be loaded on this machine.</summary>
    public static bool IsAvailable => s_backends.Length > 0;

    /// <summary>The backends that loaded, preferred first.</summary>
    public static IReadOnlyList<string> AvailableBackends => Array.ConvertAll(s_backends, b => b.Name);

    /// <summary>Prepares for a new gzip member.</summary>
    public void Reset()
    {
        int rc = _initialized ? _backend.Reset(_stream) : _backend.Init(_stream);
        if (rc != ZOk)
        {
            throw new InvalidOperationException($"zlib {_backend.Name} init/reset failed with {rc}.");
        }

        _initialized = true;
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
            int rc = _backend.Inflate(_stream, inPtr, input.Length, outPtr, output.Length, out int availIn, out int availOut);
            consumed = input.Length - availIn;
            produced = output.Length - availOut;
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
            _backend.End(_stream);
        }

        NativeMemory.Free(_stream);
        _stream = null;
    }

    private static Backend[] LoadBackends()
    {
        var backends = new List<Backend>(2);
        if (RuntimeZlibNg.TryLoad() is { } runtime)
        {
            backends.Add(runtime);
        }

        if (SystemZlib.TryLoad() is { } system)
        {
            backends.Add(system);
        }

        return [.. backends];
    }

    private static IntPtr Export(IntPtr library, string name) => NativeLibrary.TryGetExport(library, name, out IntPtr address) ? address : IntPtr.Zero;

    /// <summary>One native zlib: how big its stream struct is and how to drive it.</summary>
    private abstract class Backend
    {
        public abstract string Name { get; }

        public abstract int StreamSize { get; }

        public abstract int Init(void* stream);

        public abstract int Reset(void* stream);

        public abstract int Inflate(void* stream, byte* input, int inputLength, byte* output, int outputLength, out int availIn, out int availOut);

        public abstract void End(void* stream);
    }

    /// <summary>The runtime's zlib-ng behind <c>CompressionNative_*</c> (the runtime's own <c>PAL_ZStream</c> layout).</summary>
    private sealed class RuntimeZlibNg : Backend
    {
        private delegate* unmanaged<PalZStream*, int, int> _init;
        private delegate* unmanaged<PalZStream*, int, int> _inflate;
        private delegate* unmanaged<PalZStream*, int, int> _reset;
        private delegate* unmanaged<PalZStream*, int> _end;

        public override string Name => "runtime-zlib-ng";

        public override int StreamSize => sizeof(PalZStream);

        public static RuntimeZlibNg? TryLoad()
        {
            string name = OperatingSystem.IsWindows() ? "System.IO.Compression.Native.dll"
                : OperatingSystem.IsMacOS() ? "libSystem.IO.Compression.Native.dylib"
                : "libSystem.IO.Compression.Native.so";
            string path = Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), name);
            if (!NativeLibrary.TryLoad(path, out IntPtr lib))
            {
                return null;
            }

            IntPtr init = Export(lib, "CompressionNative_InflateInit2_");
            IntPtr inflate = Export(lib, "CompressionNative_Inflate");
            IntPtr reset = Export(lib, "CompressionNative_InflateReset2_");
            IntPtr end = Export(lib, "CompressionNative_InflateEnd");
            return init == 0 || inflate == 0 || reset == 0 || end == 0 ? null : new RuntimeZlibNg
            {
                _init = (delegate* unmanaged<PalZStream*, int, int>)init,
                _inflate = (delegate* unmanaged<PalZStream*, int, int>)inflate,
                _reset = (delegate* unmanaged<PalZStream*, int, int>)reset,
                _end = (delegate* unmanaged<PalZStream*, int>)end,
            };
        }

        public override int Init(void* stream) => _init((PalZStream*)stream, GzipWindowBits);

        public override int Reset(void* stream) => _reset((PalZStream*)stream, GzipWindowBits);

        public override int Inflate(void* stream, byte* input, int inputLength, byte* output, int outputLength, out int availIn, out int availOut)
        {
            var s = (PalZStream*)stream;
            s->NextIn = input;
            s->AvailIn = (uint)inputLength;
            s->NextOut = output;
            s->AvailOut = (uint)outputLength;
            int rc = _inflate(s, 0);
            availIn = (int)s->AvailIn;
            availOut = (int)s->AvailOut;
            s->NextIn = null;
            s->NextOut = null;
            return rc;
        }

        public override void End(void* stream) => _end((PalZStream*)stream);

        /// <summary>dotnet/runtime <c>pal_zlib.h</c> <c>PAL_ZStream</c>.</summary>
        [StructLayout(LayoutKind.Sequential)]
        private struct PalZStream
        {
            public byte* NextIn;
            public byte* NextOut;
            public byte* Msg;
            public void* InternalState;
            public uint AvailIn;
            public uint AvailOut;
        }
    }

    /// <summary>The system zlib (<c>libz.so.1</c>), with zlib's own <c>z_stream</c>.</summary>
    private sealed class SystemZlib : Backend
    {
        private delegate* unmanaged<ZStream*, int, byte*, int, int> _init;
        private delegate* unmanaged<ZStream*, int, int> _inflate;
        private delegate* unmanaged<ZStream*, int> _reset;
        private delegate* unmanaged<ZStream*, int> _end;

        public override string Name => "system-zlib";

        public override int StreamSize => sizeof(ZStream);

        public static SystemZlib? TryLoad()
        {
            string[] names = OperatingSystem.IsWindows() ? ["zlib1.dll", "zlib.dll"]
                : OperatingSystem.IsMacOS() ? ["libz.1.dylib", "libz.dylib"]
                : ["libz.so.1", "libz.so"];
            foreach (string name in names)
            {
                if (!NativeLibrary.TryLoad(name, out IntPtr lib))
                {
                    continue;
                }

                IntPtr init = Export(lib, "inflateInit2_");
                IntPtr inflate = Export(lib, "inflate");
                IntPtr reset = Export(lib, "inflateReset");
                IntPtr end = Export(lib, "inflateEnd");
                if (init != 0 && inflate != 0 && reset != 0 && end != 0)
                {
                    return new SystemZlib
                    {
                        _init = (delegate* unmanaged<ZStream*, int, byte*, int, int>)init,
                        _inflate = (delegate* unmanaged<ZStream*, int, int>)inflate,
                        _reset = (delegate* unmanaged<ZStream*, int>)reset,
                        _end = (delegate* unmanaged<ZStream*, int>)end,
                    };
                }
            }

            return null;
        }

        public override int Init(void* stream)
        {
            // inflateInit2_ only checks the major version digit and the struct size.
            fixed (byte* version = "1.2.13\0"u8)
            {
                return _init((ZStream*)stream, GzipWindowBits, version, sizeof(ZStream));
            }
        }

        public override int Reset(void* stream) => _reset((ZStream*)stream);

        public override int Inflate(void* stream, byte* input, int inputLength, byte* output, int outputLength, out int availIn, out int availOut)
        {
            var s = (ZStream*)stream;
            s->NextIn = input;
            s->AvailIn = (uint)inputLength;
            s->NextOut = output;
            s->AvailOut = (uint)outputLength;
            int rc = _inflate(s, 0);
            availIn = (int)s->AvailIn;
            availOut = (int)s->AvailOut;
            s->NextIn = null;
            s->NextOut = null;
            return rc;
        }

        public override void End(void* stream) => _end((ZStream*)stream);

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
    }
}
