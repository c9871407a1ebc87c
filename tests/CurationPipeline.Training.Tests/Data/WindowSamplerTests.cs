using CurationPipeline.Training.Data;

namespace CurationPipeline.Training.Tests.Data;

public sealed class WindowSamplerTests
{
    private static readonly int[] s_tokens = [.. Enumerable.Range(0, 4 * 10 + 1)];

    [Fact]
    public void Next_OneEpoch_IsAPermutationOfAllWindows()
    {
        var sampler = new WindowSampler(s_tokens, 4, seed: 3);
        var starts = new List<long>();
        var buffer = new long[5];
        for (int i = 0; i < sampler.WindowsPerEpoch; i++)
        {
            sampler.Next(1, buffer);
            Assert.Equal([buffer[0], buffer[0] + 1, buffer[0] + 2, buffer[0] + 3, buffer[0] + 4], buffer);
            starts.Add(buffer[0]);
        }

        Assert.Equal(10, sampler.WindowsPerEpoch);
        Assert.Equal(Enumerable.Range(0, 10).Select(i => i * 4L), starts.Order());
        Assert.NotEqual(Enumerable.Range(0, 10).Select(i => i * 4L), starts);
    }

    [Fact]
    public void Position_Restored_ContinuesWithTheSameWindowsAcrossEpochs()
    {
        var straight = new WindowSampler(s_tokens, 4, seed: 9);
        var expected = new long[25 * 5];
        straight.Next(25, expected);

        var first = new WindowSampler(s_tokens, 4, seed: 9);
        var head = new long[7 * 5];
        first.Next(7, head);
        var resumed = new WindowSampler(s_tokens, 4, seed: 9) { Position = first.Position };
        var tail = new long[18 * 5];
        resumed.Next(18, tail);

        Assert.Equal(expected, head.Concat(tail).ToArray());
        var otherSeed = new long[25 * 5];
        new WindowSampler(s_tokens, 4, seed: 10).Next(25, otherSeed);
        Assert.NotEqual(expected, otherSeed);
    }

    [Fact]
    public void Constructor_StreamShorterThanOneWindow_Throws() =>
        Assert.Throws<InvalidDataException>(() => new WindowSampler(new int[4], 4, seed: 1));
}
