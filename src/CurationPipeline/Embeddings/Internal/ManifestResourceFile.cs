using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace CurationPipeline.Embeddings.Internal;

/// <summary>Copies an embedded (manifest) resource out of a .NET assembly file without loading the assembly.</summary>
/// <remarks>
/// The resource section of a managed PE is a sequence of <c>int32 length</c> + bytes entries; each manifest resource row
/// holds its entry's offset from the start of the section (ECMA-335 II.24.2.6, II.25.3.3.1).
/// </remarks>
internal static class ManifestResourceFile
{
    /// <summary>Writes resource <paramref name="resourceName"/> of <paramref name="assemblyPath"/> to <paramref name="destinationPath"/>.</summary>
    /// <remarks>Writes to a temporary name in the same directory, then renames, so a crash never leaves a partial file under the final name.</remarks>
    /// <exception cref="InvalidDataException">The file is not a managed assembly or has no such resource.</exception>
    public static void Extract(string assemblyPath, string resourceName, string destinationPath)
    {
        using FileStream input = File.OpenRead(assemblyPath);
        long start;
        int length;
        using (var pe = new PEReader(input, PEStreamOptions.LeaveOpen))
        {
            if (!pe.HasMetadata || pe.PEHeaders.CorHeader is not { } cor)
            {
                throw new InvalidDataException($"'{assemblyPath}' is not a managed assembly.");
            }

            MetadataReader metadata = pe.GetMetadataReader();
            long? offset = null;
            foreach (ManifestResourceHandle handle in metadata.ManifestResources)
            {
                ManifestResource resource = metadata.GetManifestResource(handle);
                if (resource.Implementation.IsNil && metadata.StringComparer.Equals(resource.Name, resourceName))
                {
                    offset = resource.Offset;
                    break;
                }
            }

            if (offset is null || !pe.PEHeaders.TryGetDirectoryOffset(cor.ResourcesDirectory, out int sectionOffset))
            {
                throw new InvalidDataException($"'{assemblyPath}' has no embedded resource '{resourceName}'.");
            }

            start = sectionOffset + offset.Value;
        }

        input.Position = start;
        Span<byte> prefix = stackalloc byte[4];
        input.ReadExactly(prefix);
        length = System.Buffers.Binary.BinaryPrimitives.ReadInt32LittleEndian(prefix);
        if (length < 0 || start + 4 + length > input.Length)
        {
            throw new InvalidDataException($"Embedded resource '{resourceName}' in '{assemblyPath}' runs past the end of the file.");
        }

        string temporary = $"{destinationPath}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
        try
        {
            using (FileStream output = File.Create(temporary))
            {
                CopyExactly(input, output, length);
            }

            File.Move(temporary, destinationPath, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    private static void CopyExactly(Stream input, Stream output, int length)
    {
        byte[] buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(1 << 20);
        try
        {
            while (length > 0)
            {
                int read = input.Read(buffer, 0, Math.Min(buffer.Length, length));
                if (read == 0)
                {
                    throw new EndOfStreamException("The assembly file ended inside an embedded resource.");
                }

                output.Write(buffer, 0, read);
                length -= read;
            }
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
