using System.Reflection;
using CurationPipeline.Documents;
using CurationPipeline.Warc;
using CurationPipeline.Warc.Internal;

namespace CurationPipeline.Tests.Warc;

/// <summary>Mutates real files from the shared data (seeded) and checks the reader never throws, hangs or balloons.</summary>
public sealed class WarcFuzzTests
{
    private const int CasesPerSeed = 1000;
    private static readonly TimeSpan s_caseTimeout = TimeSpan.FromSeconds(30); // a hang detector, not a speed target
    private static readonly WarcReaderOptions s_options = new() { MaxRecordBytes = 256 * 1024, MaxDecodedBodyBytes = 4 * 1024 * 1024 };

    private static readonly HashSet<string> s_reasons = typeof(WarcReasons)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (string)f.GetRawConstantValue()!)
        .ToHashSet(StringComparer.Ordinal);

    public static TheoryData<string> Seeds => new()
    {
        "warc/cc/whirlwind-python/whirlwind.warc.gz",
        "warc/other-real/ia-web-commons/IAH-urls-wget.warc.gz",
        "warc/other-real/warcio/example.warc",
        "warc/malformed/gowarc/good.warc.gz.open",
        "warc/other-real/warcio/example.arc.gz",
        "warc/wet/cc_net/sample.warc.txt",
    };

    [Theory]
    [MemberData(nameof(Seeds))]
    public async Task ReadAsync_MutatedRealFile_NeverThrowsHangsOrBalloons(string seedFile)
    {
        byte[] original = File.ReadAllBytes(TestData.Shared(seedFile));
        long[] members = original[0] == 0x1F ? WarcReaderTests.MemberOffsets(original) : [];
        var random = new Random(seedFile.Length * 7919);
        CancellationToken ct = TestContext.Current.CancellationToken;

        for (int i = 0; i < CasesPerSeed; i++)
        {
            (string mutation, byte[] input) = Mutate(original, members, random);
            string context = $"{seedFile} case {i} ({mutation}, {input.Length} bytes)";

            List<SourceItem> items = await Task.Run(() => ReadAllAsync(input, ct), ct).WaitAsync(s_caseTimeout, ct);
            (long allocated, int entries) = await Task.Run(() => SynchronousRead(input), ct).WaitAsync(s_caseTimeout, ct);

            Assert.True(allocated < (64L * input.Length) + (8 << 20), $"{context}: allocated {allocated} bytes");
            Assert.True(input.Length < 64 || items.Count > 0, $"{context}: no items for non-empty input");
            Assert.Equal(entries, items.Count);
            foreach (SourceItem item in items)
            {
                if (item.Document is { } doc)
                {
                    Assert.False(string.IsNullOrEmpty(doc.Id), context);
                    Assert.Equal("fuzz.warc", doc.SourcePath);
                    Assert.InRange(doc.SourceOffset, 0, input.Length - 1);
                }
                else
                {
                    Rejection rejection = item.Rejection!;
                    Assert.Equal("read", rejection.Stage);
                    Assert.True(s_reasons.Contains(rejection.Reason), $"{context}: unknown reason {rejection.Reason}");
                }
            }
        }
    }

    [Fact]
    public async Task ReadAsync_UnmutatedSeeds_ProduceTheirDocuments()
    {
        // Guards the fuzz harness itself: the same read path yields the expected documents when nothing is damaged.
        int[] expected = [1, 2, 1, 50, 1, 3];
        string[] seeds = Seeds.Select(row => row.Data).ToArray();
        for (int i = 0; i < seeds.Length; i++)
        {
            List<SourceItem> items = await ReadAllAsync(File.ReadAllBytes(TestData.Shared(seeds[i])), TestContext.Current.CancellationToken);
            Assert.Equal(expected[i], items.Count(item => item.Document is not null));
        }
    }

    private static (string Mutation, byte[] Input) Mutate(byte[] original, long[] members, Random random)
    {
        byte[] data = (byte[])original.Clone();
        int at = random.Next(data.Length);
        switch (random.Next(7))
        {
            case 0:
                int flips = random.Next(1, 9);
                for (int f = 0; f < flips; f++)
                {
                    data[random.Next(data.Length)] ^= (byte)(1 << random.Next(8));
                }

                return ($"{flips} bit flips", data);
            case 1:
                return ($"truncate at {at}", data[..at]);
            case 2:
                byte[] insert = random.Next(3) switch
                {
                    0 => "WARC/1.0\r\nContent-Length: 99999\r\n\r\n"u8.ToArray(),
                    1 => [0x1F, 0x8B, 0x08, 0x00, 0, 0, 0, 0, 0, 0xFF],
                    _ => RandomBytes(random, random.Next(1, 65)),
                };
                return ($"insert {insert.Length} at {at}", [.. data.AsSpan(0, at), .. insert, .. data.AsSpan(at)]);
            case 3:
                int length = random.Next(1, Math.Max(2, (data.Length - at) / 4));
                return ($"delete {length} at {at}", [.. data.AsSpan(0, at), .. data.AsSpan(at + length)]);
            case 4 when members.Length > 2:
                // Shuffle whole gzip members (the last entry is the file length).
                var order = Enumerable.Range(0, members.Length - 1).OrderBy(_ => random.Next()).ToArray();
                var shuffled = new List<byte>(data.Length);
                foreach (int m in order)
                {
                    shuffled.AddRange(data.AsSpan((int)members[m], (int)(members[m + 1] - members[m])));
                }

                return ("shuffle members", [.. shuffled]);
            case 5:
                int copy = random.Next(1, Math.Max(2, Math.Min(4096, data.Length - at)));
                return ($"duplicate {copy} at {at}", [.. data.AsSpan(0, at + copy), .. data.AsSpan(at)]);
            default:
                int span = random.Next(1, Math.Max(2, Math.Min(256, data.Length - at)));
                data.AsSpan(at, Math.Min(span, data.Length - at)).Fill(random.Next(2) == 0 ? (byte)0 : (byte)0xFF);
                return ($"overwrite {span} at {at}", data);
        }
    }

    private static byte[] RandomBytes(Random random, int count)
    {
        byte[] bytes = new byte[count];
        random.NextBytes(bytes);
        return bytes;
    }

    private static async Task<List<SourceItem>> ReadAllAsync(byte[] input, CancellationToken ct)
    {
        var items = new List<SourceItem>();
        await foreach (SourceItem item in new WarcDocumentSource(s_options).ReadAsync(new MemoryStorage("fuzz.warc", input), "fuzz.warc", ct))
        {
            items.Add(item);
        }

        return items;
    }

    /// <summary>The same read, synchronously on one thread, so the thread's allocation counter measures exactly this read;
    /// also returns the reader's entry count, which the source's item count must equal.</summary>
    private static (long Allocated, int Entries) SynchronousRead(byte[] input)
    {
        long before = GC.GetAllocatedBytesForCurrentThread();
        int entries = 0;
        using var reader = new WarcReader(new MemoryStream(input), s_options);
        var converter = new RecordConverter(s_options, "fuzz.warc", System.Buffers.ArrayPool<char>.Shared);
        while (reader.MoveNext())
        {
            converter.Convert(reader.Current);
            entries++;
        }

        return (GC.GetAllocatedBytesForCurrentThread() - before, entries);
    }
}
