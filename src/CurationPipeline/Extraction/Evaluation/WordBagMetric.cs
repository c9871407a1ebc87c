namespace CurationPipeline.Extraction.Evaluation;

/// <summary>The WCXB metric for one page: bags of lower-cased <c>\w+</c> tokens (Python's Unicode definition, as
/// <see cref="ShingleMetric.Tokenize"/>), overlap = multiset intersection, P = overlap / predicted words, R = overlap / reference words.</summary>
public static class WordBagMetric
{
    /// <summary>Scores a prediction against the reference text.</summary>
    /// <param name="truth">The reference main content.</param>
    /// <param name="prediction">The extracted text; empty or <c>null</c> scores 0 unless the reference is empty too.</param>
    /// <returns>Precision, recall and their F1 for this page; (1, 1, 1) when both are empty, (0, 0, 0) when only one is.</returns>
    public static (double Precision, double Recall, double F1) Compare(string? truth, string? prediction)
    {
        Dictionary<string, int> expected = Bag(truth, out int expectedWords);
        Dictionary<string, int> predicted = Bag(prediction, out int predictedWords);
        if (expectedWords == 0 && predictedWords == 0)
        {
            return (1, 1, 1);
        }

        int overlap = 0;
        foreach ((string word, int count) in predicted)
        {
            overlap += Math.Min(count, expected.GetValueOrDefault(word));
        }

        double precision = predictedWords == 0 ? 0 : (double)overlap / predictedWords;
        double recall = expectedWords == 0 ? 0 : (double)overlap / expectedWords;
        double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return (precision, recall, f1);
    }

    private static Dictionary<string, int> Bag(string? text, out int words)
    {
        List<string> tokens = ShingleMetric.Tokenize(text);
        words = tokens.Count;
        var bag = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (string token in tokens)
        {
            string word = token.ToLowerInvariant();
            bag[word] = bag.GetValueOrDefault(word) + 1;
        }

        return bag;
    }
}
