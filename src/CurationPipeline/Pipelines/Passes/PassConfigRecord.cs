using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using CurationPipeline.Pipelines.Configuration;
using CurationPipeline.Pipelines.Layout;
using CurationPipeline.Pipelines.Layout.Internal;
using CurationPipeline.Storage;

namespace CurationPipeline.Pipelines.Passes;

/// <summary>
/// What decides a pass's outputs, recorded by its first task (<c>tag-config.json</c>, <c>dedup-config.json</c>,
/// <c>semdedup-config.json</c>): every later task, on any rank, compares and refuses another configuration, so a resumed run never
/// mixes outputs of two configurations or skips work a changed one asks for. Each file a section names (a model, a tokenizer, a
/// word list) is recorded as the SHA-256 of its content: a moved model is the same model, one edited in place is not.
/// </summary>
/// <remarks>
/// Settings that do not change results (<c>execution:</c>, thread counts, buffer and batch sizes) are left out; the world size has
/// its own check. The mix is not recorded: it is rewritten whole by each run.
/// </remarks>
internal sealed class PassConfigRecord
{
    private static readonly JsonSerializerOptions s_json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    private static readonly JsonSerializerOptions s_indented = new() { WriteIndented = true };

    private readonly string _pass;
    private readonly JsonObject _sections;

    private PassConfigRecord(string pass, JsonObject sections, IEnumerable<(string? Path, bool IsDirectory)> files)
    {
        // Only the files the recorded sections name are read (the pipeline's list also names the other passes' files).
        var referenced = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach ((string? path, bool isDirectory) in files)
        {
            if (!string.IsNullOrEmpty(path))
            {
                referenced.TryAdd(path, isDirectory);
            }
        }

        ReplacePaths(sections, new FileHashes(referenced));
        _pass = pass;
        _sections = sections;
    }

    /// <summary>The record's file name in the output directory.</summary>
    public string FileName => _pass + "-config.json";

    /// <summary>The tag pass: the input list (added per run) and every section that shapes a shard.</summary>
    /// <param name="options">The pipeline, its files local (remote ones are copied first).</param>
    public static PassConfigRecord ForTag(PipelineOptions options) => new(PassRegistry.Tag, new JsonObject
    {
        ["read"] = Section(options.Read),
        ["json_lines"] = Section(options.JsonLines),
        ["extract"] = Section(options.Extract),
        ["classifiers"] = Section(options.Classifiers),
        ["onnx_classifiers"] = Section(options.OnnxClassifiers),
        ["quality_buckets"] = Section(options.QualityBuckets),
        ["filters"] = new JsonArray([.. options.Filters.Select(f => new JsonObject { [f.Key] = Section(f.Options) })]),
        ["pii"] = Section(options.Pii),
        ["tokenize"] = Section(options.Tokenize),
        ["signatures"] = options.Dedup.Enabled
            ? new JsonObject
            {
                ["minhash"] = Section(options.Dedup.Minhash),
                ["signatures_per_file"] = options.Dedup.SignaturesPerFile,
                ["priority"] = options.Dedup.Priority,
                ["paragraphs"] = Section(options.Dedup.Paragraphs),
            }
            : null,
        ["outputs"] = Section(options.Outputs),
    }, PipelineConfigLoader.ReferencedPaths(options));

    /// <summary>MinHash dedup's global step: what decides the drop list and paragraph dedup's removals.</summary>
    public static PassConfigRecord ForDedup(DedupOptions options) => new(PassRegistry.Dedup, new JsonObject
    {
        ["url_dedup"] = options.Cluster.UrlDedup,
        ["jaccard_threshold"] = options.Cluster.JaccardThreshold,
        ["paragraphs"] = Section(options.Paragraphs),
    }, []);

    /// <summary>The semantic pass: the embedding model and what decides SemDeDup's drops (heads may be added to a finished run).</summary>
    public static PassConfigRecord ForSemantic(SemanticOptions options) => new(PassRegistry.SemDedup, new JsonObject
    {
        ["model"] = options.Embedding.ModelDirectory,
        ["max_tokens"] = options.Embedding.MaxTokens,
        ["precision"] = Section(options.Embedding.Precision),
        ["lower_case"] = options.Embedding.LowerCase,
        ["dedup"] = new JsonObject
        {
            ["cluster_count"] = options.Dedup.ClusterCount,
            ["max_iterations"] = options.Dedup.MaxIterations,
            ["sample_points_per_cluster"] = options.Dedup.SamplePointsPerCluster,
            ["seed"] = options.Dedup.Seed,
            ["epsilon"] = options.Dedup.Epsilon,
            ["keep_rule"] = Section(options.Dedup.KeepRule),
            ["quality_column"] = options.QualityColumn,
            ["max_cluster_size"] = options.Dedup.MaxClusterSize,
        },
    }, [(options.Embedding.ModelDirectory, true)]);

    /// <summary>
    /// Writes the record (with <paramref name="inputs"/>, the tag pass's list) when the directory has none, else compares with it;
    /// the caller holds the directory or a task of it. Concurrent first tasks write once (<see cref="IStorage.CreateNew"/>) and
    /// then all compare.
    /// </summary>
    /// <exception cref="ConfigurationChangedException">The recorded configuration differs; nothing was written.</exception>
    public async Task CheckOrWriteAsync(IStorage storage, string outputDirectory, IReadOnlyList<string>? inputs, CancellationToken cancellationToken)
    {
        JsonObject current = With(inputs);
        string path = storage.Combine(outputDirectory, FileName);
        if (!storage.Exists(path))
        {
            await CompletionMarker.WriteAsync(storage, path, current.ToJsonString(s_indented) + "\n", cancellationToken).ConfigureAwait(false);
        }

        await CompareAsync(storage, outputDirectory, path, current, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Compares with the directory's record when it has one; writes nothing (a launcher checks before it submits).</summary>
    /// <exception cref="ConfigurationChangedException">The recorded configuration differs.</exception>
    public Task CheckAsync(IStorage storage, string outputDirectory, IReadOnlyList<string>? inputs, CancellationToken cancellationToken)
    {
        string path = storage.Combine(outputDirectory, FileName);
        return storage.Exists(path) ? CompareAsync(storage, outputDirectory, path, With(inputs), cancellationToken) : Task.CompletedTask;
    }

    private async Task CompareAsync(IStorage storage, string outputDirectory, string path, JsonObject current, CancellationToken cancellationToken)
    {
        JsonObject recorded;
        using (var reader = new StreamReader(storage.OpenRead(path)))
        {
            recorded = JsonNode.Parse(await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false)) as JsonObject
                ?? throw new InvalidDataException($"'{path}' is not a JSON object; it records the configuration the {_pass} pass started with.");
        }

        string[] changed = [.. current.Select(p => p.Key).Union(recorded.Select(p => p.Key))
            .Where(key => !JsonNode.DeepEquals(current[key], recorded[key]))];
        if (changed.Length > 0)
        {
            throw new ConfigurationChangedException(outputDirectory, _pass, FileName, changed);
        }
    }

    private JsonObject With(IReadOnlyList<string>? inputs)
    {
        var all = inputs is null ? [] : new JsonObject { ["inputs"] = new JsonArray([.. inputs.Select(i => (JsonNode?)JsonValue.Create(i))]) };
        foreach ((string key, JsonNode? value) in _sections)
        {
            all[key] = value?.DeepClone();
        }

        return all;
    }

    private static JsonNode? Section(object? value) => value is null ? null : JsonSerializer.SerializeToNode(value, value.GetType(), s_json);

    /// <summary>Replaces every string that is a file or folder the options name by its content hash: moving a model keeps the record, editing it does not.</summary>
    private static void ReplacePaths(JsonNode? node, FileHashes hashes)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (string key in obj.Select(p => p.Key).ToArray())
                {
                    if (hashes.Of(obj[key]) is { } hash)
                    {
                        obj[key] = hash;
                    }
                    else
                    {
                        ReplacePaths(obj[key], hashes);
                    }
                }

                break;
            case JsonArray array:
                for (int i = 0; i < array.Count; i++)
                {
                    if (hashes.Of(array[i]) is { } hash)
                    {
                        array[i] = hash;
                    }
                    else
                    {
                        ReplacePaths(array[i], hashes);
                    }
                }

                break;
        }
    }

    /// <summary>The SHA-256 of a file's content, as <c>sha256:{hex}</c>.</summary>
    internal static string HashFile(string path)
    {
        using FileStream stream = File.OpenRead(path);
        return "sha256:" + Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    private static string HashDirectory(string path)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (string file in Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            hash.AppendData(Encoding.UTF8.GetBytes(Path.GetRelativePath(path, file) + "\n" + HashFile(file) + "\n"));
        }

        return "sha256:" + Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>The content hashes of the files a record's sections name, each read once when first met.</summary>
    private sealed class FileHashes(Dictionary<string, bool> referenced)
    {
        private readonly Dictionary<string, string?> _hashes = new(StringComparer.Ordinal);

        /// <summary>The hash of the file or folder <paramref name="node"/> names, or <c>null</c> when it names none that exists.</summary>
        public string? Of(JsonNode? node)
        {
            if (node is not JsonValue value || !value.TryGetValue(out string? path) || !referenced.TryGetValue(path, out bool isDirectory))
            {
                return null;
            }

            if (!_hashes.TryGetValue(path, out string? hash))
            {
                hash = isDirectory
                    ? (Directory.Exists(path) ? HashDirectory(path) : null)
                    : (File.Exists(path) ? HashFile(path) : null);
                _hashes[path] = hash;
            }

            return hash;
        }
    }
}
