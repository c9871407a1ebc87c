using CurationPipeline.Outputs;
using CurationPipeline.Tokenization;
using CurationPipeline.Training.Data;

namespace CurationPipeline.Training.Tests;

/// <summary>Learnable synthetic token data: each domain counts through the vocabulary with its own stride, documents
/// start at seeded offsets and end with the end-of-document id.</summary>
internal static class SyntheticCorpus
{
    public const int VocabularySize = 64;
    public const int EndOfDocument = VocabularySize - 1;

    public static TokenizedShardMetadata Metadata { get; } = new("synthetic", VocabularySize, EndOfDocument);

    /// <summary>Documents of one domain: ids <c>start, start+stride, …</c> modulo 63, then the end-of-document id.</summary>
    public static IEnumerable<TokenizedDocument> Documents(string domain, int stride, int count, int length, int seed)
    {
        var random = new Random(seed);
        for (int d = 0; d < count; d++)
        {
            int start = random.Next(EndOfDocument);
            var ids = new int[length + 1];
            for (int i = 0; i < length; i++)
            {
                ids[i] = (start + i * stride) % EndOfDocument;
            }

            ids[length] = EndOfDocument;
            yield return new TokenizedDocument { Id = $"{domain}-{seed}-{d}", InputIds = ids, Domain = domain };
        }
    }

    /// <summary>Training data with two domains (strides 1 and 5) and a validation stream for each.</summary>
    public static TrainingData Create()
    {
        return TrainingData.FromTokens(Metadata, [.. Stream(0), .. Stream(1)], new Dictionary<string, int[]>
        {
            ["count"] = Stream(100, "count", 1),
            ["skip"] = Stream(101, "skip", 5),
        });

        static int[] Stream(int seed, string? only = null, int stride = 0)
        {
            var tokens = new List<int>();
            foreach (var document in only is null
                ? Documents("count", 1, 40, 48, seed).Concat(Documents("skip", 5, 40, 48, seed + 10))
                : Documents(only, stride, 8, 48, seed))
            {
                tokens.AddRange(document.InputIds.ToArray());
            }

            return [.. tokens];
        }
    }
}
