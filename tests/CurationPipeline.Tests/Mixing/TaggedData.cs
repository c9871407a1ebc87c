using CurationPipeline.Documents;
using CurationPipeline.Outputs;
using CurationPipeline.Storage;
using CurationPipeline.Tokenization;
using Parquet;
using Parquet.Schema;

namespace CurationPipeline.Tests.Mixing;

/// <summary>
/// Builds a small tagged directory like `curate run` writes: tokenized shards through <see cref="TokenizedShardWriter"/> and
/// annotated shards either through <see cref="AnnotatedShardWriter"/> (no score columns) or with the score columns the classifier
/// and language-ID stages will add (<c>code</c>, <c>math</c>, <c>quality</c>: double, nullable; <c>language</c>: string).
/// Document i: code when i % 10 is 0 or 1, math when 2 or 3, German when 4, otherwise general English; 20–200 tokens, seeded.
/// </summary>
internal static class TaggedData
{
    public static readonly TokenizedShardMetadata Metadata = new("gpt2", 50257, 50256);

    public static string DomainOf(int i) => (i % 10) switch
    {
        0 or 1 => "code",
        2 or 3 => "math",
        4 => "multilingual",
        _ => "general",
    };

    /// <summary>
    /// Writes, beside <paramref name="input"/>, a mix that puts every document in one <c>general</c> domain, one epoch, with a
    /// small validation set: what pipeline tests use to see every surviving document in <c>mix/</c>.
    /// </summary>
    /// <returns>The mix file's full path.</returns>
    public static async Task<string> WriteAllGeneralMixAsync(string input, CancellationToken ct)
    {
        string mix = Path.GetFullPath(Path.Combine(input, "..", Path.GetFileName(input) + "-mix.yaml"));
        await File.WriteAllTextAsync(mix, """
            name: all-general
            seed: 7
            total_tokens: 0
            targets: { general: 1.0 }
            max_epochs: 1
            validation_tokens_per_domain: 200
            """, ct);
        return mix;
    }

    /// <summary>The source path of every tagged document (its offset is its number).</summary>
    public const string SourcePath = "sample.warc.gz";

    public static string IdOf(int i) => $"doc-{i:D6}";

    /// <summary>Writes <paramref name="documents"/> documents in two annotated and two tokenized shards; returns the directory.</summary>
    /// <param name="quality">The <c>quality</c> value of document i (null: the value is null).</param>
    /// <param name="metadata">The tokenizer the shards claim (default <see cref="Metadata"/>, gpt2); ids stay below 50,256 either way.</param>
    /// <param name="reversed">Write the tokenized rows in reverse order (the same rows where another thread timing would put them).</param>
    public static async Task<string> WriteAsync(int documents, bool withScores, Func<int, double?>? quality = null, CancellationToken cancellationToken = default,
        TokenizedShardMetadata? metadata = null, bool reversed = false)
    {
        metadata ??= Metadata;
        string dir = TestData.NewTempDirectory();
        var random = new Random(1);
        var tokenIds = new int[documents][];
        for (int i = 0; i < documents; i++)
        {
            var ids = new int[random.Next(20, 201)];
            for (int t = 0; t < ids.Length - 1; t++)
            {
                ids[t] = random.Next(0, 50256);
            }

            ids[^1] = metadata.EndOfDocumentId;
            tokenIds[i] = ids;
        }

        await using (var tokens = new TokenizedShardWriter(LocalStorage.Instance, Path.Combine(dir, "tokenized"), metadata,
            new TokenizedShardOptions { Prefix = "tag-00000", MaxTokensPerShard = documents * 110L / 2, RowGroupTokens = 20_000 }))
        {
            for (int k = 0; k < documents; k++)
            {
                int i = reversed ? documents - 1 - k : k;
                await tokens.WriteAsync(new TokenizedDocument { Id = IdOf(i), Url = $"https://example.com/{i}", InputIds = tokenIds[i], SourcePath = SourcePath, SourceOffset = i }, cancellationToken);
            }

            Assert.Equal(2, (await tokens.CompleteAsync(cancellationToken)).Count);
        }

        string annotated = Path.Combine(dir, "annotated");
        int half = documents / 2;
        if (withScores)
        {
            Directory.CreateDirectory(annotated);
            await WriteScoredAsync(Path.Combine(annotated, "tag-00000-00000.parquet"), 0, half, quality, cancellationToken);
            await WriteScoredAsync(Path.Combine(annotated, "tag-00000-00001.parquet"), half, documents, quality, cancellationToken);
        }
        else
        {
            await using var writer = new AnnotatedShardWriter(LocalStorage.Instance, annotated, new AnnotatedShardOptions { Prefix = "tag-00000", MaxRowsPerShard = half });
            for (int i = 0; i < documents; i++)
            {
                await writer.WriteAsync(new AnnotatedDocument { Id = IdOf(i), Text = $"text {i}", SourcePath = SourcePath, SourceOffset = i }, cancellationToken);
            }

            await writer.CompleteAsync(cancellationToken);
        }

        return dir;
    }

    private static async Task WriteScoredAsync(string path, int from, int to, Func<int, double?>? quality, CancellationToken cancellationToken)
    {
        var id = new DataField<string>("id", nullable: false);
        var text = new DataField<string>("text", nullable: false);
        var code = new DataField<double?>("code");
        var math = new DataField<double?>("math");
        var qualityField = new DataField<double?>("quality");
        var language = new DataField<string>("language", nullable: true);
        var sourcePath = new DataField<string>("source_path", nullable: false);
        var sourceOffset = new DataField<long>("source_offset");
        int n = to - from;
        var ids = new string[n];
        var texts = new string[n];
        var codes = new double?[n];
        var maths = new double?[n];
        var qualities = new double?[n];
        var languages = new string?[n];
        for (int k = 0; k < n; k++)
        {
            int i = from + k;
            string domain = DomainOf(i);
            ids[k] = IdOf(i);
            texts[k] = $"text {i}";
            codes[k] = domain == "code" ? 0.9 : 0.1;
            maths[k] = domain == "math" ? 0.8 : 0.05;
            qualities[k] = quality is null ? 0.9 : quality(i);
            languages[k] = domain == "multilingual" ? "de" : "en";
        }

        await using FileStream stream = File.Create(path);
        await using ParquetWriter writer = await ParquetWriter.CreateAsync(new ParquetSchema(id, text, code, math, qualityField, language, sourcePath, sourceOffset), stream,
            cancellationToken: cancellationToken);
        using ParquetRowGroupWriter group = writer.CreateRowGroup();
        await group.WriteAsync(id, ids);
        await group.WriteAsync(text, texts);
        await group.WriteAsync(code, (ReadOnlyMemory<double?>)codes, null, null, cancellationToken);
        await group.WriteAsync(math, (ReadOnlyMemory<double?>)maths, null, null, cancellationToken);
        await group.WriteAsync(qualityField, (ReadOnlyMemory<double?>)qualities, null, null, cancellationToken);
        await group.WriteAsync(language, languages);
        await group.WriteAsync(sourcePath, Enumerable.Repeat(SourcePath, n).ToArray());
        await group.WriteAsync(sourceOffset, (ReadOnlyMemory<long>)Enumerable.Range(from, n).Select(i => (long)i).ToArray(), null, null, cancellationToken);
    }

    /// <summary>
    /// Writes one annotated shard for documents 0..n-1 whose signals are a struct column <c>gopher_quality { word_count: int32 }</c>
    /// (word_count = i) and a flat column named <c>lang.id</c> (<c>de</c> for the multilingual documents, else <c>en</c>).
    /// </summary>
    public static async Task WriteNestedAsync(string path, int n, CancellationToken cancellationToken)
    {
        var id = new DataField<string>("id", nullable: false);
        var wordCount = new DataField<int>("word_count", nullable: false);
        var gopher = new StructField("gopher_quality", wordCount);
        var language = new DataField<string>("lang.id", nullable: false);
        var sourcePath = new DataField<string>("source_path", nullable: false);
        var sourceOffset = new DataField<long>("source_offset");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await using FileStream stream = File.Create(path);
        await using ParquetWriter writer = await ParquetWriter.CreateAsync(new ParquetSchema(id, gopher, language, sourcePath, sourceOffset), stream, cancellationToken: cancellationToken);
        using ParquetRowGroupWriter group = writer.CreateRowGroup();
        await group.WriteAsync(id, Enumerable.Range(0, n).Select(IdOf).ToArray());
        int[] definitionLevels = Enumerable.Repeat(wordCount.MaxDefinitionLevel, n).ToArray(); // the struct is present in every row
        await group.WriteAllPartsAsync<int>(wordCount, Enumerable.Range(0, n).ToArray(), definitionLevels, null, cancellationToken);
        await group.WriteAsync(language, Enumerable.Range(0, n).Select(i => DomainOf(i) == "multilingual" ? "de" : "en").ToArray());
        await group.WriteAsync(sourcePath, Enumerable.Repeat(SourcePath, n).ToArray());
        await group.WriteAsync(sourceOffset, (ReadOnlyMemory<long>)Enumerable.Range(0, n).Select(i => (long)i).ToArray(), null, null, cancellationToken);
    }

    /// <summary>Every row of the Parquet shards in <paramref name="directory"/>, in file order.</summary>
    public static async Task<List<TokenizedDocument>> ReadShardsAsync(string directory, CancellationToken cancellationToken)
    {
        var rows = new List<TokenizedDocument>();
        if (!Directory.Exists(directory))
        {
            return rows;
        }

        foreach (string path in Directory.GetFiles(directory, "*.parquet").Order(StringComparer.Ordinal))
        {
            await using TokenizedShardReader reader = await TokenizedShardReader.OpenAsync(LocalStorage.Instance, path, cancellationToken);
            await foreach (TokenizedDocument row in reader.ReadAllAsync(cancellationToken))
            {
                rows.Add(row);
            }
        }

        return rows;
    }
}
