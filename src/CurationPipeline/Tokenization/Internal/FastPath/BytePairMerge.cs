namespace CurationPipeline.Tokenization.Internal.FastPath;

/// <summary>
/// tiktoken's byte-pair merge over caller buffers: start from one part per byte and repeatedly merge the adjacent pair with the
/// lowest rank (the leftmost on a tie) until no pair is a token.
/// </summary>
internal static class BytePairMerge
{
    /// <summary>Merges <paramref name="bytes"/> into token ids written to the start of <paramref name="ids"/>.</summary>
    /// <param name="vocabulary">The ranks.</param>
    /// <param name="bytes">The piece's UTF-8 bytes; at least one.</param>
    /// <param name="ids">Scratch and result; at least <c>bytes.Length</c> long.</param>
    /// <param name="ranks">Scratch; at least <c>bytes.Length</c> long.</param>
    /// <returns>The number of ids.</returns>
    public static int Merge(BytePairVocabulary vocabulary, ReadOnlySpan<byte> bytes, Span<int> ids, Span<int> ranks)
    {
        int count = bytes.Length;
        ids = ids[..count];
        ranks = ranks[..count];
        for (int i = 0; i < count; i++)
        {
            ids[i] = vocabulary.ByteId(bytes[i]);
        }

        // ranks[i] is the id the parts i and i + 1 would merge into.
        for (int i = 0; i < count - 1; i++)
        {
            ranks[i] = vocabulary.MergeBytes(bytes[i], bytes[i + 1]);
        }

        while (count > 1)
        {
            int best = BytePairVocabulary.NoMerge;
            int at = -1;
            for (int i = 0; i < count - 1; i++)
            {
                if (ranks[i] < best)
                {
                    best = ranks[i];
                    at = i;
                }
            }

            if (at < 0)
            {
                break;
            }

            ids[at] = best;
            ids[(at + 2)..count].CopyTo(ids[(at + 1)..]);
            ranks.Slice(at + 2, Math.Max(0, count - at - 3)).CopyTo(ranks[(at + 1)..]);
            count--;
            ranks[at] = at + 1 < count ? vocabulary.Merge(ids[at], ids[at + 1]) : BytePairVocabulary.NoMerge;
            if (at > 0)
            {
                ranks[at - 1] = vocabulary.Merge(ids[at - 1], ids[at]);
            }
        }

        return count;
    }
}
