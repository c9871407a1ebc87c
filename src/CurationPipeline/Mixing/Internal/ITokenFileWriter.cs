namespace CurationPipeline.Mixing.Internal;

/// <summary>A flat token-file format the mix writes beside its Parquet shards (llm.c <c>.bin</c>, Megatron <c>.bin</c>/<c>.idx</c>).</summary>
/// <remarks>Documents arrive in output order; nothing is visible under a final name before <see cref="CompleteAsync"/>.</remarks>
internal interface ITokenFileWriter : IAsyncDisposable
{
    /// <summary>The final paths of the files published so far.</summary>
    IReadOnlyList<string> Committed { get; }

    /// <summary>Appends one document given as its <c>input_ids</c> (ending with the end-of-document id).</summary>
    ValueTask WriteAsync(ReadOnlyMemory<int> inputIds, CancellationToken cancellationToken);

    /// <summary>Publishes what is still open.</summary>
    Task CompleteAsync(CancellationToken cancellationToken);
}
