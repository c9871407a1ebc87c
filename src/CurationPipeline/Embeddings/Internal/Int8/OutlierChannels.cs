using Onnx;

namespace CurationPipeline.Embeddings.Internal.Int8;

/// <summary>Chooses the channels of a product input that bypass int8 (LLM.int8()-style decomposition).</summary>
internal static class OutlierChannels
{
    /// <summary>
    /// The <paramref name="count"/> channels with the largest calibrated magnitude, and as many rows with the largest weights
    /// among <paramref name="weights"/> (a large row coarsens the grid of every column it crosses); ascending, ties to the lower channel.
    /// </summary>
    /// <exception cref="InvalidDataException">The statistics and the weights disagree on the channel count.</exception>
    public static int[] Select(string tensor, int channels, ChannelStatistics statistics, IEnumerable<TensorProto> weights, int count)
    {
        if (statistics.AbsMax.Length != channels)
        {
            throw new InvalidDataException($"Tensor '{tensor}' has {statistics.AbsMax.Length} channels; its weights expect {channels}.");
        }

        var rowMaxima = new float[channels];
        foreach (TensorProto weight in weights)
        {
            float[] values = OnnxNodes.FloatValues(weight);
            int columns = values.Length / channels;
            for (int i = 0; i < values.Length; i++)
            {
                rowMaxima[i / columns] = Math.Max(rowMaxima[i / columns], Math.Abs(values[i]));
            }
        }

        return [.. Largest(statistics.AbsMax, count).Union(Largest(rowMaxima, count)).Order()];
    }

    private static IEnumerable<int> Largest(float[] values, int count) =>
        Enumerable.Range(0, values.Length).OrderByDescending(c => values[c]).ThenBy(c => c).Take(count);
}
