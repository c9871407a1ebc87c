namespace CurationPipeline.Mixing.Internal;

/// <summary>One document copy in a shuffle bucket.</summary>
internal sealed record SpilledDocument(byte Domain, string Id, string? Url, int[] InputIds);
