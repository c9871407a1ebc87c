using CurationPipeline.Embeddings;
using CurationPipeline.Embeddings.Internal.Int8;

namespace CurationPipeline.Tests.Embeddings;

public sealed class Int8ModelCacheTests
{
    private static string DefaultModel => Path.Combine(DefaultEmbeddingModel.EnsureExtracted(), EmbeddingModelFiles.Model);

    [Fact]
    public void Derive_DefaultModelTwice_ByteIdentical()
    {
        byte[] source = File.ReadAllBytes(DefaultModel);

        byte[] first = Int8ModelCache.Derive(source, Int8Recipe.Default, DefaultModel)!;
        byte[] second = Int8ModelCache.Derive(source, Int8Recipe.Default, DefaultModel)!;

        Assert.Equal(first, second);
        // The projections shrink to a quarter; the token embedding table (half of MiniLM's bytes) is a lookup and stays float.
        Assert.InRange(first.Length, source.Length / 2, source.Length * 3 / 4);
    }

    [Fact]
    public async Task EnsureDerived_TwoConcurrentFirstRuns_OneFileUnderTheSourceKeyAndNoTemporaries()
    {
        string cache = Directory.CreateTempSubdirectory("curate-int8-cache-").FullName;
        try
        {
            string[] paths = await Task.WhenAll(
                Task.Run(() => Int8ModelCache.EnsureDerived(DefaultModel, cache, Int8Recipe.Default), TestContext.Current.CancellationToken),
                Task.Run(() => Int8ModelCache.EnsureDerived(DefaultModel, cache, Int8Recipe.Default), TestContext.Current.CancellationToken));

            Assert.Equal(paths[0], paths[1]);
            string file = Assert.Single(Directory.GetFiles(Path.Combine(cache, Int8ModelCache.Folder)));
            Assert.Equal(paths[0], file);
            Assert.EndsWith($"-{Int8Recipe.Default.Name}.onnx", file);
            Assert.Equal(file, Int8ModelCache.EnsureDerived(DefaultModel, cache, Int8Recipe.Default)); // a later run reuses it
        }
        finally
        {
            Directory.Delete(cache, recursive: true);
        }
    }

    [Fact]
    public void EnsureDerived_ModelWithoutWeightProducts_ReturnsSourceAndWritesNothing()
    {
        using TinyRobertaModel tiny = TinyRobertaModel.Create();
        string cache = Directory.CreateTempSubdirectory("curate-int8-cache-").FullName;
        try
        {
            string model = Path.Combine(tiny.Directory, EmbeddingModelFiles.Model);

            Assert.Equal(model, Int8ModelCache.EnsureDerived(model, cache, Int8Recipe.Default));
            Assert.False(Directory.Exists(Path.Combine(cache, Int8ModelCache.Folder)));
        }
        finally
        {
            Directory.Delete(cache, recursive: true);
        }
    }
}
