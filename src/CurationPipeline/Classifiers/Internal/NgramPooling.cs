namespace CurationPipeline.Classifiers.Internal;

/// <summary>
/// The linear outputs of a text's n-gram features before the bias: the mean weight row of its word n-grams, plus, for a
/// model with char n-grams, the mean weight row of those (each group averaged on its own, so a long text's many char
/// n-grams do not drown its words), plus, for a model with code-line or arithmetic indicators, the sum of the firing indicators'
/// weight rows times their fixed value <see cref="ThermometerIndicators.Value"/>.
/// </summary>
internal static class NgramPooling
{
    private const int BucketBatch = 256;

    /// <summary>Writes the pooled outputs of <paramref name="text"/> to <paramref name="sums"/>, one per weight column.</summary>
    /// <param name="text">The document text (cut to the model's max chars here).</param>
    /// <param name="m">The feature settings (hash bits, max chars, char n-grams).</param>
    /// <param name="weights">Bucket-major weights, <c>sums.Length</c> columns per bucket.</param>
    /// <param name="sums">Receives the pooled outputs.</param>
    /// <param name="charColumns">The columns that take the char n-grams' mean (a set of models with and without them); empty: all.</param>
    /// <param name="codeLineColumns">The columns that take the code-line indicators (likewise); empty: all.</param>
    /// <param name="arithmeticColumns">The columns that take the arithmetic indicators (likewise); empty: all.</param>
    public static void Pool(ReadOnlySpan<char> text, ClassifierMetadata m, float[] weights, Span<double> sums, ReadOnlySpan<bool> charColumns = default, ReadOnlySpan<bool> codeLineColumns = default, ReadOnlySpan<bool> arithmeticColumns = default)
    {
        if (text.Length > m.MaxChars)
        {
            text = text[..m.MaxChars];
        }

        sums.Clear();
        int count = 0;
        var words = new NgramHasher(text, m.HashBits);
        while (words.MoveNext())
        {
            Add(weights, words.Current, sums);
            count++;
        }

        Scale(sums, count);
        int stride = sums.Length;
        Span<double> groupSums = stride <= 64 ? stackalloc double[stride] : new double[stride];
        Span<int> buckets = stackalloc int[BucketBatch];
        if (m.CharNgramMax > 0)
        {
            groupSums.Clear();
            int charCount = 0;
            var chars = new CharNgramHasher(text.Length > m.CharNgramChars ? text[..m.CharNgramChars] : text, m.HashBits, m.CharNgramMin, m.CharNgramMax);
            for (int n; (n = chars.Fill(buckets)) > 0;)
            {
                foreach (int bucket in buckets[..n])
                {
                    Add(weights, bucket, groupSums);
                }

                charCount += n;
            }

            Scale(groupSums, charCount);
            AddTo(sums, groupSums, charColumns);
        }

        if (m.CodeLines)
        {
            AddIndicators(buckets[..CodeLineFeatures.Fill(text, 64 - m.HashBits, buckets)], weights, sums, groupSums, codeLineColumns);
        }

        if (m.Arithmetic)
        {
            AddIndicators(buckets[..ArithmeticFeatures.Fill(text, 64 - m.HashBits, buckets)], weights, sums, groupSums, arithmeticColumns);
        }
    }

    /// <summary>Adds the firing indicators' weight rows, each times the fixed <see cref="ThermometerIndicators.Value"/>, to <paramref name="columns"/>.</summary>
    private static void AddIndicators(ReadOnlySpan<int> firing, float[] weights, Span<double> sums, Span<double> groupSums, ReadOnlySpan<bool> columns)
    {
        groupSums.Clear();
        foreach (int bucket in firing)
        {
            Add(weights, bucket, groupSums);
        }

        foreach (ref double sum in groupSums)
        {
            sum *= ThermometerIndicators.Value;
        }

        AddTo(sums, groupSums, columns);
    }

    private static void AddTo(Span<double> sums, ReadOnlySpan<double> groupSums, ReadOnlySpan<bool> columns)
    {
        for (int k = 0; k < sums.Length; k++)
        {
            if (columns.IsEmpty || columns[k])
            {
                sums[k] += groupSums[k];
            }
        }
    }

    private static void Add(float[] weights, int bucket, Span<double> sums)
    {
        if (sums.Length == 1)
        {
            sums[0] += weights[bucket];
            return;
        }

        int row = bucket * sums.Length;
        for (int k = 0; k < sums.Length; k++)
        {
            sums[k] += weights[row + k];
        }
    }

    private static void Scale(Span<double> sums, int count)
    {
        double scale = count == 0 ? 0 : 1.0 / count;
        for (int k = 0; k < sums.Length; k++)
        {
            sums[k] *= scale;
        }
    }
}
