using System.IO.Hashing;
using Google.Protobuf;
using Onnx;

namespace CurationPipeline.Embeddings.Internal.Int8;

/// <summary>Derives the int8 variant of a float ONNX model once and keeps it in the model cache, keyed by the source model's bytes and the recipe.</summary>
/// <remarks>
/// The file is <c>{cacheRoot}/int8/{xxhash128 of the source}-{recipe}.onnx</c>, written under a temporary name and renamed, so
/// concurrent first runs each derive the same bytes and one rename wins, and a killed run leaves no partial file under the
/// final name. A source model that changes gets a new key; nothing is ever read from a stale derivation.
/// </remarks>
internal static class Int8ModelCache
{
    /// <summary>The cache sub-folder of derived models.</summary>
    public const string Folder = "int8";

    /// <summary>The derived model of <paramref name="sourceModel"/>, deriving it first when absent.</summary>
    /// <param name="sourceModel">The float ONNX file.</param>
    /// <param name="cacheRoot">The model cache root.</param>
    /// <param name="recipe">How to quantize.</param>
    /// <returns>The path of the int8 model; <paramref name="sourceModel"/> itself when it has no product to quantize (nothing would change).</returns>
    /// <exception cref="InvalidDataException">The source is not an ONNX model.</exception>
    public static string EnsureDerived(string sourceModel, string cacheRoot, Int8Recipe recipe)
    {
        byte[] source = File.ReadAllBytes(sourceModel);
        string path = Path.Combine(cacheRoot, Folder, $"{Key(source)}-{recipe.Name}.onnx");
        if (File.Exists(path))
        {
            return path;
        }

        if (Derive(source, recipe, sourceModel) is not { } derived)
        {
            return sourceModel;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        string temporary = $"{path}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
        try
        {
            File.WriteAllBytes(temporary, derived);
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }

        return path;
    }

    /// <summary>The derived model's bytes, a pure function of <paramref name="source"/> and <paramref name="recipe"/>; <c>null</c> when no product can be quantized.</summary>
    /// <exception cref="InvalidDataException">The source is not an ONNX model.</exception>
    public static byte[]? Derive(byte[] source, Int8Recipe recipe, string sourceName)
    {
        ModelProto model;
        try
        {
            model = ModelProto.Parser.ParseFrom(source);
        }
        catch (InvalidProtocolBufferException e)
        {
            throw new InvalidDataException($"'{sourceName}' is not an ONNX model: {e.Message}", e);
        }

        if (Int8GraphRewriter.Rewrite(model, recipe) == 0)
        {
            return null;
        }

        model.ProducerName = "curate int8 " + recipe.Name;
        return model.ToByteArray();
    }

    private static string Key(byte[] source)
    {
        Span<byte> hash = stackalloc byte[16];
        XxHash128.Hash(source, hash);
        return Convert.ToHexStringLower(hash);
    }
}
