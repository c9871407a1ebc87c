namespace CurationPipeline.Dedup;

/// <summary>How documents are turned into MinHash signatures and LSH band hashes.</summary>
/// <remarks>
/// Defaults follow datatrove/FineWeb: <see cref="ShingleKind.Word"/> 5-grams over normalized text, 14 bands × 8 rows = 112 hashes, seed 1.
/// NeMo Curator's configuration is <c>new MinHashOptions { ShingleKind = ShingleKind.Char, ShingleSize = 24, Bands = 20, Rows = 13 }</c>.
/// Signatures are comparable only between documents signed with equal options; the signature file header records them.
/// <list type="table">
/// <item><term><see cref="ShingleKind"/></term><description><see cref="ShingleKind.Word"/></description></item>
/// <item><term><see cref="ShingleSize"/></term><description>5</description></item>
/// <item><term><see cref="Bands"/></term><description>14</description></item>
/// <item><term><see cref="Rows"/></term><description>8</description></item>
/// <item><term><see cref="Seed"/></term><description>1</description></item>
/// </list>
/// </remarks>
public sealed record MinHashOptions
{
    /// <summary>The largest <see cref="ShingleSize"/> accepted.</summary>
    public const int MaxShingleSize = 256;

    /// <summary>The largest number of hashes (<see cref="Bands"/> × <see cref="Rows"/>) accepted.</summary>
    public const int MaxHashCount = 4096;

    /// <summary>Whether shingles are word or character n-grams.</summary>
    public ShingleKind ShingleKind { get; init; } = ShingleKind.Word;

    /// <summary>Number of consecutive words or characters per shingle; a shorter document is one shingle.</summary>
    public int ShingleSize { get; init; } = 5;

    /// <summary>Number of LSH bands; two documents become candidates when any band agrees.</summary>
    public int Bands { get; init; } = 14;

    /// <summary>Number of hashes (rows) per band.</summary>
    public int Rows { get; init; } = 8;

    /// <summary>Seed of the permutation parameters and the shingle hash; every rank must use the same.</summary>
    public ulong Seed { get; init; } = 1;

    /// <summary>The signature length: <see cref="Bands"/> × <see cref="Rows"/>.</summary>
    public int HashCount => Bands * Rows;

    /// <summary>Checks every property.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A property is out of range; the exception names it.</exception>
    public void Validate()
    {
        if (!Enum.IsDefined(ShingleKind))
        {
            throw new ArgumentOutOfRangeException(nameof(ShingleKind), ShingleKind, "Unknown shingle kind.");
        }

        if (ShingleSize is < 1 or > MaxShingleSize)
        {
            throw new ArgumentOutOfRangeException(nameof(ShingleSize), ShingleSize, $"Must be in 1..{MaxShingleSize}.");
        }

        if (Bands is < 1 or > ushort.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(Bands), Bands, "Must be positive.");
        }

        if (Rows is < 1 or > ushort.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(Rows), Rows, "Must be positive.");
        }

        if ((long)Bands * Rows > MaxHashCount)
        {
            throw new ArgumentOutOfRangeException(nameof(Rows), Rows, $"Bands × Rows must be at most {MaxHashCount}.");
        }
    }
}
