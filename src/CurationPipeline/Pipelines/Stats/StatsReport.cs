using System.Text.Json;
using System.Text.Json.Serialization;
using CurationPipeline.Dedup;
using CurationPipeline.Dedup.Semantic;
using CurationPipeline.Storage;
using CurationPipeline.Storage.Azure;

namespace CurationPipeline.Pipelines.Stats;

/// <summary>The content of <c>stats.json</c> (whole run) and <c>stats/{pass}-{rank:D5}.json</c> (one task).</summary>
/// <param name="Tasks">The tasks covered, as <c>pass/rank/world_size</c>.</param>
/// <param name="Files">Input files read.</param>
/// <param name="BytesRead">Input bytes read.</param>
/// <param name="Tokens">Tokens written.</param>
/// <param name="WallSeconds">Wall-clock seconds (for merged reports, the sum over tasks).</param>
/// <param name="Stages">Per-stage counters in pipeline order.</param>
/// <param name="Dedup">The dedup pass's statistics once it ran (clusters, size histogram), else <c>null</c>.</param>
/// <param name="Semantic">SemDeDup's statistics once it ran (clusters, drops per epsilon), else <c>null</c>.</param>
/// <param name="BlobStorage">Blob storage requests, retries and bytes of the tag tasks, when the run used blob storage; else <c>null</c>.</param>
public sealed record StatsReport(
    [property: JsonPropertyName("tasks")] IReadOnlyList<string> Tasks,
    [property: JsonPropertyName("files")] long Files,
    [property: JsonPropertyName("bytes_read")] long BytesRead,
    [property: JsonPropertyName("tokens")] long Tokens,
    [property: JsonPropertyName("wall_seconds")] double WallSeconds,
    [property: JsonPropertyName("stages")] IReadOnlyList<StageStatsSnapshot> Stages,
    [property: JsonPropertyName("dedup")] DedupStats? Dedup = null,
    [property: JsonPropertyName("semantic")] SemanticDedupStats? Semantic = null,
    [property: JsonPropertyName("blob_storage"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] BlobStorageCounts? BlobStorage = null)
{
    /// <summary>The stage name of paragraph dedup in <c>stats.json</c> (in: documents dedup kept; dropped: those it emptied).</summary>
    public const string ParagraphStage = "paragraph_dedup";

    private static readonly JsonSerializerOptions s_json = new() { WriteIndented = true };

    /// <summary>This report with the dedup pass added: its statistics, and a <c>dedup</c> stage whose in/out/dropped add up.</summary>
    public StatsReport WithDedup(DedupStats dedup)
    {
        var dropped = new SortedDictionary<string, long>(StringComparer.Ordinal)
        {
            [DedupReasons.Exact] = dedup.DroppedExact,
            [DedupReasons.MinHash] = dedup.DroppedNear,
            [DedupReasons.Url] = dedup.DroppedUrl,
        };
        long droppedTotal = dedup.DroppedExact + dedup.DroppedNear + dedup.DroppedUrl;
        var stage = new StageStatsSnapshot(PassRegistry.Dedup, dedup.Documents, dedup.Documents - droppedTotal, droppedTotal, 0,
            dropped, new SortedDictionary<string, long>(StringComparer.Ordinal), 0);
        StageStatsSnapshot[] stages = [stage];
        if (dedup.Paragraphs is { } paragraphs)
        {
            // The documents dedup kept, less those paragraph dedup emptied; modified ones go on (rewritten).
            stages = [stage, new StageStatsSnapshot(ParagraphStage, paragraphs.Documents, paragraphs.Documents - paragraphs.DocumentsEmptied, paragraphs.DocumentsEmptied, 0,
                new SortedDictionary<string, long>(StringComparer.Ordinal) { [DedupReasons.ParagraphEmptied] = paragraphs.DocumentsEmptied },
                new SortedDictionary<string, long>(StringComparer.Ordinal), 0)];
        }

        return this with { Stages = [.. Stages.Where(s => s.Name is not PassRegistry.Dedup and not ParagraphStage), .. stages], Dedup = dedup };
    }

    /// <summary>This report with the semantic pass added: the embed stage's counters, a <c>semdedup</c> stage, and SemDeDup's statistics.</summary>
    public StatsReport WithSemantic(StageStatsSnapshot embed, SemanticDedupStats semantic)
    {
        var dropped = new SortedDictionary<string, long>(StringComparer.Ordinal) { [SemanticDedupReasons.NearDuplicate] = semantic.Dropped };
        var stage = new StageStatsSnapshot(PassRegistry.SemDedup, semantic.Documents, semantic.Documents - semantic.Dropped, semantic.Dropped, 0,
            dropped, new SortedDictionary<string, long>(StringComparer.Ordinal), Math.Round((semantic.KMeansTime + semantic.PairwiseTime).TotalSeconds, 3));
        return this with
        {
            Stages = [.. Stages.Where(s => s.Name is not PassRegistry.Embed and not PassRegistry.SemDedup), embed, stage],
            Semantic = semantic,
        };
    }

    /// <summary>Writes the report atomically to <paramref name="path"/>.</summary>
    public async Task WriteAsync(IStorage storage, string path, CancellationToken cancellationToken)
    {
        await using AtomicWrite write = storage.CreateAtomic(path);
        await JsonSerializer.SerializeAsync(write.Stream, this, s_json, cancellationToken).ConfigureAwait(false);
        await write.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads a report written by <see cref="WriteAsync"/>.</summary>
    /// <exception cref="JsonException">The file is not a stats report.</exception>
    public static async Task<StatsReport> ReadAsync(IStorage storage, string path, CancellationToken cancellationToken)
    {
        await using Stream stream = storage.OpenRead(path);
        return await JsonSerializer.DeserializeAsync<StatsReport>(stream, s_json, cancellationToken).ConfigureAwait(false)
            ?? throw new JsonException($"{path} holds no stats report.");
    }
}
