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
/// What decides the tag pass's outputs: the input list and every section that shapes a shard, with each file a section names
/// (a model, a tokenizer, a word list) replaced by the SHA-256 of its content. The first task to start writes it to
/// <c>tag-config.json</c>; every later task, on any rank, compares and refuses another configuration, so a resumed run never
/// mixes shards of two configurations or skips work a changed one asks for.
/// </summary>
/// <remarks>
/// <c>execution:</c> is left out (results do not depend on it; the world size has its own check), and so are the passes that
/// read the tagged shards (<c>semantic:</c>, the mix), which may change between runs of a finished tag pass.
/// </remarks>
internal sealed class TagPassRecord
{
    /// <summary>The record's file name in the output directory.</summary>
    public const string FileName = "tag-config.json";

    private static readonly JsonSerializerOptions s_json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    private static readonly JsonSerializerOptions s_indented = new() { WriteIndented = true };

    private readonly JsonObject _sections;

    /// <summary>Describes <paramref name="options"/>, hashing the files it names (local paths: remote ones are copied first).</summary>
    public TagPassRecord(PipelineOptions options)
    {
        var hashes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach ((string? path, bool isDirectory) in PipelineConfigLoader.ReferencedPaths(options))
        {
            if (!string.IsNullOrEmpty(path) && !hashes.ContainsKey(path) && (isDirectory ? Directory.Exists(path) : File.Exists(path)))
            {
                hashes[path] = isDirectory ? HashDirectory(path) : HashFile(path);
            }
        }

        var sections = new JsonObject
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
        };
        ReplacePaths(sections, hashes);
        _sections = sections;
    }

    /// <summary>
    /// Writes the record for <paramref name="inputs"/> when the directory has none, else compares with it; the caller holds the
    /// directory or a task of it. Concurrent first tasks write once (<see cref="IStorage.CreateNew"/>) and then all compare.
    /// </summary>
    /// <exception cref="ConfigurationChangedException">The recorded configuration differs; nothing was written.</exception>
    public async Task CheckOrWriteAsync(IStorage storage, string outputDirectory, IReadOnlyList<string> inputs, CancellationToken cancellationToken)
    {
        JsonObject current = With(inputs);
        string path = storage.Combine(outputDirectory, FileName);
        if (!storage.Exists(path))
        {
            await CompletionMarker.WriteAsync(storage, path, current.ToJsonString(s_indented) + "\n", cancellationToken).ConfigureAwait(false);
        }

        JsonObject recorded;
        using (var reader = new StreamReader(storage.OpenRead(path)))
        {
            recorded = JsonNode.Parse(await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false)) as JsonObject
                ?? throw new InvalidDataException($"'{path}' is not a JSON object; it records the configuration the tag pass started with.");
        }

        string[] changed = [.. current.Select(p => p.Key).Union(recorded.Select(p => p.Key))
            .Where(key => !JsonNode.DeepEquals(current[key], recorded[key]))];
        if (changed.Length > 0)
        {
            throw new ConfigurationChangedException(outputDirectory, FileName, changed);
        }
    }

    private JsonObject With(IReadOnlyList<string> inputs)
    {
        var all = new JsonObject { ["inputs"] = new JsonArray([.. inputs.Select(i => (JsonNode?)JsonValue.Create(i))]) };
        foreach ((string key, JsonNode? value) in _sections)
        {
            all[key] = value?.DeepClone();
        }

        return all;
    }

    private static JsonNode? Section(object? value) => value is null ? null : JsonSerializer.SerializeToNode(value, value.GetType(), s_json);

    /// <summary>Replaces every string that is a file or folder the options name by its content hash: moving a model keeps the record, editing it does not.</summary>
    private static void ReplacePaths(JsonNode? node, Dictionary<string, string> hashes)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (string key in obj.Select(p => p.Key).ToArray())
                {
                    if (obj[key] is JsonValue value && value.TryGetValue(out string? text) && hashes.TryGetValue(text, out string? hash))
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
                    if (array[i] is JsonValue value && value.TryGetValue(out string? text) && hashes.TryGetValue(text, out string? hash))
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

    private static string HashFile(string path)
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
}
