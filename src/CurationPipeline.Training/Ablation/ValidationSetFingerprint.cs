using System.Globalization;
using System.IO.Hashing;
using System.Runtime.InteropServices;
using System.Text;
using CurationPipeline.Training.Data;

namespace CurationPipeline.Training.Ablation;

/// <summary>What identifies the validation tokens a run is scored on: an XxHash128 over every domain's name and token stream
/// (in ordinal domain order), and the token count per domain.</summary>
/// <param name="Hash">32 hex digits.</param>
/// <param name="DomainTokens">Validation tokens per domain, in ordinal domain order.</param>
public sealed record ValidationSetFingerprint(string Hash, IReadOnlyDictionary<string, long> DomainTokens)
{
    /// <summary>Fingerprints the validation streams of <paramref name="data"/>.</summary>
    /// <param name="data">Loaded training data.</param>
    public static ValidationSetFingerprint Of(TrainingData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var hash = new XxHash128();
        var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        Span<byte> length = stackalloc byte[sizeof(long)];
        foreach (var (domain, tokens) in data.ValidationTokens)
        {
            hash.Append(Encoding.UTF8.GetBytes(domain));
            BitConverter.TryWriteBytes(length, (long)tokens.Length);
            hash.Append(length);
            hash.Append(MemoryMarshal.AsBytes(tokens.AsSpan()));
            counts[domain] = tokens.Length;
        }

        return new ValidationSetFingerprint(Convert.ToHexStringLower(hash.GetCurrentHash()), counts);
    }

    /// <summary>Whether both fingerprints describe the same tokens.</summary>
    /// <param name="other">Another fingerprint.</param>
    public bool SameTokens(ValidationSetFingerprint other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return string.Equals(Hash, other.Hash, StringComparison.Ordinal);
    }

    /// <summary>The hash and the per-domain counts, e.g. <c>3f…a1 (general 2,711, multilingual 2,027 tokens)</c>.</summary>
    public override string ToString()
    {
        var text = new StringBuilder(Hash).Append(" (");
        bool first = true;
        foreach (var (domain, tokens) in DomainTokens)
        {
            text.Append(first ? "" : ", ").Append(domain).Append(' ').Append(tokens.ToString("N0", CultureInfo.InvariantCulture));
            first = false;
        }

        return text.Append(" tokens)").ToString();
    }
}
