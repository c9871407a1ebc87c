namespace CurationPipeline.Classifiers.Internal;

/// <summary>
/// Writes a count as thermometer indicators hashed into a model's bucket space: one feature per step the count reaches
/// (<c>≥ 3</c> fires with <c>≥ 1</c> and <c>≥ 2</c>), so a model weighs "some" and "many" apart without a scale to learn.
/// </summary>
internal static class ThermometerIndicators
{
    /// <summary>
    /// The feature value of each firing indicator: a fixed value rather than a mean, so more evidence fires more weight. Left out, the
    /// Go blog's code F1 was 0.794 with 1/14, 0.841 with 1/4 and 0.838 with 1 (Go docs recall 0.856, 0.971, 0.904); the math model's
    /// arithmetic indicators scored alike with 1/4, 1/2 and 1.
    /// </summary>
    public const float Value = 0.25f;

    /// <summary>Appends the buckets of the steps <paramref name="value"/> reaches.</summary>
    /// <param name="value">The count.</param>
    /// <param name="steps">Its thresholds, ascending.</param>
    /// <param name="salt">The feature block's salt (each block hashes apart).</param>
    /// <param name="feature">The block's index of the first step; advanced past every step.</param>
    /// <param name="shift">64 minus the model's hash bits.</param>
    /// <param name="buckets">Receives the buckets from <paramref name="written"/> on.</param>
    /// <param name="written">Buckets written so far; advanced.</param>
    public static void Append(int value, ReadOnlySpan<int> steps, ulong salt, ref int feature, int shift, Span<int> buckets, ref int written)
    {
        foreach (int step in steps)
        {
            if (value >= step)
            {
                buckets[written++] = NgramHasher.Bucket(salt + ((ulong)feature * 0x9E3779B97F4A7C15UL), shift);
            }

            feature++;
        }
    }
}
