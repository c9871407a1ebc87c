namespace CurationPipeline.Inputs;

/// <summary>Limits of <see cref="JsonLinesDocumentSource"/>.</summary>
/// <remarks>
/// <list type="table">
/// <listheader><term>Property</term><description>Default</description></listheader>
/// <item><term><see cref="MaxLineBytes"/></term><description>64 MiB</description></item>
/// </list>
/// </remarks>
public sealed record JsonLinesOptions
{
    /// <summary>Lines longer than this many (decompressed) bytes are skipped with <see cref="InputReasons.JsonLinesLineTooLong"/>.</summary>
    public int MaxLineBytes { get; init; } = 64 << 20;

    /// <summary>Checks the options.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><see cref="MaxLineBytes"/> is not positive.</exception>
    public void Validate() => ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxLineBytes);
}
