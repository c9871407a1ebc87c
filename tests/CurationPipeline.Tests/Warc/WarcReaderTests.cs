using System.Diagnostics;
using System.IO.Compression;
using CurationPipeline.Warc;
using CurationPipeline.Warc.Internal;

namespace CurationPipeline.Tests.Warc;

public sealed class WarcReaderTests
{
    private static readonly TimeSpan s_fileTimeout = TimeSpan.FromSeconds(60); // a hang detector, not a speed target

    /// <summary>
    /// Every file under shared/data/warc: record counts per WARC-Type (records whose header was read, damaged or not) and the
    /// counted problems. Counts follow SOURCES.md; where they differ, the comment says why (SOURCES' own parser gave up there).
    /// ARC records count as warcinfo (filedesc) / response (http) / resource (other schemes); "(none)" = no WARC-Type.
    /// </summary>
    public static TheoryData<string, string, string> Fixtures => new()
    {
        { "arc/arc2warc-conversion/crawl-002_2009_09_17_12_1253241189984_12-4827319.arc.gz", "response:1,warcinfo:1", "" },
        { "arc/arc2warc-conversion/crawl-002_2010_02_16_114_1266352769711_14-7060652.arc.gz", "response:1,warcinfo:1", "" },
        // CC issue #3: the ARC length is one byte short; the record is read up to the next record and the length is reported.
        { "arc/arc2warc-conversion/crawl-2012_1341690165636_1341785606830_6-0-4421.arc.gz", "response:1,warcinfo:1", "warc.bad_content_length:1" },
        { "arc/arc2warc-conversion/crawl-2012_1341690165832_1341699469441_1478-7224105.arc.gz", "response:1,warcinfo:1", "" },
        { "arc/chatnoir-copycat/small-sample-1213893279526_0.arc", "response:145,warcinfo:1", "" },
        { "cc/cdx_toolkit/CC-MAIN-20250802220907-20250803010907-00970.rec.warc.gz", "response:1", "" },
        { "cc/cdx_toolkit/CC-MAIN-20250804083340-20250804113340-00340.rec.warc.gz", "response:1", "" },
        { "cc/cdx_toolkit/CC-MAIN-20250804145214-20250804175214-00905.rec.warc.gz", "response:1", "" },
        { "cc/jwarc/cc.warc.gz", "response:1", "" },
        { "cc/whirlwind-python/whirlwind.warc.gz", "metadata:1,request:1,response:1,warcinfo:1", "" },
        { "cc/whirlwind-python/whirlwind.warc.wat.gz", "metadata:1,warcinfo:1", "" },
        { "cc/whirlwind-python/whirlwind.warc.wet.gz", "conversion:1,warcinfo:1", "" },
        { "edge/ia-web-commons/mutliple-headers.warc", "response:1", "" },
        // SOURCES found no record (no blank line at the end); a header-only record (Content-Length: 0) at end of file is accepted.
        { "edge/jwarc/fold.warc", "metadata:1", "" },
        { "edge/jwarc/gzip_extra_sl.warc.gz", "warcinfo:1", "" },
        { "edge/jwarc/utf8field.warc", "(none):1", "warc.truncated:1" },
        { "edge/resiliparse/block-sized-records.warc", "unknown:3", "" },
        { "edge/resiliparse/block-sized-records.warc.gz", "unknown:3", "" },
        { "malformed/gowarc/corrupted-mid-record.warc.gz.open", "response:12", "gzip.garbage:1" },
        { "malformed/gowarc/corrupted-trailing-bytes.warc.gz.open", "response:30", "gzip.garbage:1" },
        { "malformed/gowarc/empty.warc.gz.open", "", "" },
        { "malformed/gowarc/good.warc.gz.open", "response:50", "" },
        { "malformed/gowarc/single-record.warc.gz.open", "response:1", "" },
        // Corrupt deflate: the bytes that did inflate are junk, the reader resyncs at a later 1F 8B 08 whose output is junk too.
        { "malformed/ia-web-commons/double-single-inflate-error.gz", "", "gzip.corrupt:1,warc.junk:2" },
        { "malformed/ia-web-commons/empty.gz", "", "" },
        // The file ends inside the record's gzip member: one damage, counted once on the record.
        { "malformed/resiliparse/clipped.warc.gz", "response:1", "warc.truncated:1" },
        // SOURCES stopped at the bad length; like warcio, the reader goes on: filedesc + 3 captures, 3 with invalid lengths.
        { "malformed/warcio/bad.arc", "response:3,warcinfo:1", "warc.bad_content_length:3" },
        { "malformed/warcio/example-bad-non-chunked.warc.gz", "request:2,response:1,revisit:1,warcinfo:2", "" },
        { "malformed/warcio/example-bad.warc.gz.bad", "request:2,response:2,revisit:1,warcinfo:1", "" },
        { "malformed/warcio/example-digest.warc", "request:4", "" },
        { "malformed/warcio/example-space-in-target-uri.warc.gz", "resource:1,warcinfo:1", "" },
        { "malformed/warcio/example-space-in-url.arc", "response:1,warcinfo:1", "warc.truncated:1" },
        { "malformed/warcio/example-trunc.warc", "request:1,response:1,warcinfo:2", "warc.bad_content_length:1" },
        { "malformed/warcio/example-wget-bad-target-uri.warc.gz", "metadata:1,request:1,resource:2,response:1,warcinfo:1", "" },
        { "malformed/warcio/example-wrong-chunks.warc.gz", "request:1,response:1", "" },
        // The first record repeats WARC-Type (does-not-exist, then CAPITALIZED): the first value counts (SOURCES took the last).
        // The final "WARC/invalid" line starts a record whose header never ends.
        { "malformed/warcio/standard-torture-validate-field.warc", "(none):1,does-not-exist:1,invalid:1,request:1", "warc.truncated:1" },
        { "malformed/warcio/standard-torture-validate-record.warc", "continuation:2,conversion:1,metadata:2,request:2,resource:3,response:1,revisit:3,warcinfo:3", "" },
        { "other-real/dolma/sample-0000.warc.gz", "metadata:1,request:22,resource:2,response:22,warcinfo:1", "" },
        { "other-real/dolma/sample-0001.warc.gz", "metadata:1,request:15,resource:2,response:15,warcinfo:1", "" },
        { "other-real/gowarc/test.warc.gz", "request:1,response:1,warcinfo:1", "" },
        { "other-real/ia-web-commons/IAH-20080430204825-00000-blackbook-truncated.arc", "resource:1,response:7,warcinfo:1", "" },
        { "other-real/ia-web-commons/IAH-urls-wget.warc.gz", "request:16,resource:3,response:16,warcinfo:1", "" },
        { "other-real/node-warc/books.toscrape.warc", "request:30,response:30", "" },
        { "other-real/node-warc/parseMe.warc.gz", "metadata:1,request:14,response:14,warcinfo:1", "" },
        { "other-real/resiliparse/clueweb-quirk.warc.gz", "response:29,warcinfo:1", "" },
        { "other-real/warcio/example-iana.org-chunked.warc", "request:1,response:1,warcinfo:1", "" },
        { "other-real/warcio/example-resource.warc.gz", "resource:1,warcinfo:2", "" },
        { "other-real/warcio/example.arc.gz", "response:1,warcinfo:1", "" },
        { "other-real/warcio/example.warc", "request:2,response:1,revisit:1,warcinfo:2", "" },
        { "other-real/warcio/example.warc.gz", "request:2,response:1,revisit:1,warcinfo:2", "" },
        { "other-real/warcio/post-test.warc.gz", "request:3,response:3", "" },
        // SOURCES counted 2 conversions (its parser lost one to the wrong lengths); the file holds 3, and 4 lengths are wrong.
        { "wet/cc_net/sample.warc.txt", "conversion:3,warcinfo:1", "warc.bad_content_length:4" },
    };

    [Theory]
    [MemberData(nameof(Fixtures))]
    public async Task MoveNext_SharedFixture_TypeCountsAndProblemsMatch(string relativePath, string expectedTypes, string expectedProblems)
    {
        string path = TestData.Shared(Path.Combine("warc", relativePath));
        var types = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var problems = new SortedDictionary<string, int>(StringComparer.Ordinal);

        // The reader is synchronous; run it on the pool so a hang fails the test at the timeout instead of blocking it.
        await Task.Run(() =>
        {
            using var reader = new WarcReader(File.OpenRead(path), new WarcReaderOptions());
            while (reader.MoveNext())
            {
                WarcRecord entry = reader.Current;
                if (entry.Kind == WarcEntryKind.Record)
                {
                    string name = entry.TypeName.Length == 0 ? "(none)" : entry.TypeName;
                    types[name] = types.GetValueOrDefault(name) + 1;
                }

                if (entry.Problem is not null)
                {
                    problems[entry.Problem] = problems.GetValueOrDefault(entry.Problem) + 1;
                }
            }
        }, TestContext.Current.CancellationToken).WaitAsync(s_fileTimeout, TestContext.Current.CancellationToken);

        Assert.Equal(expectedTypes, string.Join(',', types.Select(kv => $"{kv.Key}:{kv.Value}")));
        Assert.Equal(expectedProblems, string.Join(',', problems.Select(kv => $"{kv.Key}:{kv.Value}")));
    }

    [Fact]
    public void Fixtures_CoverEveryFileUnderSharedWarc()
    {
        string root = TestData.Shared("warc");
        string[] files = Directory.GetFiles(root, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToArray();
        string[] covered = Fixtures.Select(row => row.Data.Item1).Order(StringComparer.Ordinal).ToArray();

        Assert.Equal(files, covered);
    }

    [Fact]
    public void MoveNext_GzipPerRecord_SourceOffsetIsTheMembersCompressedOffset()
    {
        string path = TestData.Shared("warc/cc/whirlwind-python/whirlwind.warc.gz");
        byte[] file = File.ReadAllBytes(path);
        var offsets = new List<long>();
        using (var reader = new WarcReader(new MemoryStream(file), new WarcReaderOptions()))
        {
            while (reader.MoveNext())
            {
                offsets.Add(reader.Current.SourceOffset);
            }
        }

        Assert.Equal(4, offsets.Count);
        Assert.Equal(0, offsets[0]);
        Assert.True(offsets.SequenceEqual(offsets.Order()) && offsets.Distinct().Count() == 4);
        foreach (long offset in offsets)
        {
            // Each offset is a gzip member that decodes on its own to exactly one record.
            using var member = new GZipStream(new MemoryStream(file, (int)offset, file.Length - (int)offset), CompressionMode.Decompress);
            using var single = new WarcReader(member, new WarcReaderOptions());
            Assert.True(single.MoveNext());
            Assert.Null(single.Current.Problem);
        }
    }

    [Fact]
    public void MoveNext_Uncompressed_SourceOffsetPointsAtTheVersionLine()
    {
        byte[] file = File.ReadAllBytes(TestData.Shared("warc/other-real/warcio/example.warc"));
        using var reader = new WarcReader(new MemoryStream(file), new WarcReaderOptions());
        int records = 0;
        while (reader.MoveNext())
        {
            records++;
            Assert.True(file.AsSpan((int)reader.Current.SourceOffset).StartsWith("WARC/1.0\r\n"u8));
        }

        Assert.Equal(6, records);
    }

    [Fact]
    public void MoveNext_UnselectedType_PayloadIsNotExposed()
    {
        using var reader = new WarcReader(File.OpenRead(TestData.Shared("warc/cc/whirlwind-python/whirlwind.warc.gz")), new WarcReaderOptions());
        var seen = new List<(WarcRecordType Type, bool HasPayload, int Length)>();
        while (reader.MoveNext())
        {
            seen.Add((reader.Current.Type, reader.Current.HasPayload, reader.Current.Payload.Length));
        }

        Assert.Equal(
            [(WarcRecordType.Warcinfo, false, 0), (WarcRecordType.Request, false, 0), (WarcRecordType.Response, true, seen[2].Length), (WarcRecordType.Metadata, false, 0)],
            seen);
        Assert.True(seen[2].Length > 10_000);
    }

    [Fact]
    public void Headers_FoldedRepeatedAndUtf8_AreReadLeniently()
    {
        using var fold = new WarcReader(File.OpenRead(TestData.Shared("warc/edge/jwarc/fold.warc")), new WarcReaderOptions());
        Assert.True(fold.MoveNext());
        WarcHeaders headers = fold.Current.Headers;
        Assert.Equal("a b", headers["Fold"]);
        Assert.Equal("a b c", headers["fold-trim"]);
        Assert.Equal("\"a b\"", headers["Quoted-Fold"]);
        Assert.Equal("one  two", headers["Whitespace"]);
        Assert.Equal("\u2603", headers["Snowman"]);

        using var cc = new WarcReader(File.OpenRead(TestData.Shared("warc/cc/cdx_toolkit/CC-MAIN-20250804083340-20250804113340-00340.rec.warc.gz")), new WarcReaderOptions());
        Assert.True(cc.MoveNext());
        Assert.Equal(["h2", "tls/1.3"], cc.Current.Headers.GetValues("WARC-Protocol"));
    }

    [Fact]
    public void MoveNext_RecordOverMaxRecordBytes_IsSkippedAndTheNextRecordIsRead()
    {
        var options = new WarcReaderOptions { MaxRecordBytes = 4096 };
        using var reader = new WarcReader(File.OpenRead(TestData.Shared("warc/cc/whirlwind-python/whirlwind.warc.gz")), options);
        var entries = new List<(string Type, string? Problem)>();
        while (reader.MoveNext())
        {
            entries.Add((reader.Current.TypeName, reader.Current.Problem));
        }

        Assert.Equal([("warcinfo", null), ("request", null), ("response", WarcReasons.RecordTooLarge), ("metadata", null)], entries);
    }

    [Fact]
    public void MoveNext_CorruptMiddleMember_ResyncsAtTheNextMember()
    {
        byte[] file = File.ReadAllBytes(TestData.Shared("warc/cc/whirlwind-python/whirlwind.warc.gz"));
        long[] members = MemberOffsets(file);
        // Overwrite the deflate data of the third member (the response) in its middle.
        int middle = (int)((members[2] + members[3]) / 2);
        file.AsSpan(middle, 64).Fill(0xFF);

        var entries = new List<string>();
        var watch = Stopwatch.StartNew();
        using (var reader = new WarcReader(new MemoryStream(file), new WarcReaderOptions()))
        {
            while (reader.MoveNext())
            {
                entries.Add($"{reader.Current.TypeName}:{reader.Current.Problem}");
            }
        }

        Assert.Equal(["warcinfo:", "request:", "response:" + WarcReasons.Truncated, ":" + WarcReasons.GzipCorrupt, "metadata:"], entries);
        Assert.True(watch.Elapsed < s_fileTimeout);
    }

    [Fact]
    public void MoveNext_JunkBetweenRecords_IsOneJunkEntryAndBothRecordsAreRead()
    {
        byte[] file = File.ReadAllBytes(TestData.Shared("warc/other-real/warcio/example.warc"));
        int second = file.AsSpan(1).IndexOf("\r\n\r\nWARC/1.0"u8) + 5;
        byte[] damaged = [.. file.AsSpan(0, second), .. "this is not a record\r\nnor is this\r\n"u8, .. file.AsSpan(second)];

        var entries = new List<(WarcEntryKind Kind, string? Problem)>();
        using (var reader = new WarcReader(new MemoryStream(damaged), new WarcReaderOptions()))
        {
            while (reader.MoveNext())
            {
                entries.Add((reader.Current.Kind, reader.Current.Problem));
            }
        }

        Assert.Equal(6, entries.Count(e => e.Kind == WarcEntryKind.Record && e.Problem is null));
        Assert.Equal([(WarcEntryKind.Damage, WarcReasons.Junk)], entries.Where(e => e.Problem is not null));
    }

    [Fact]
    public void MoveNext_HeaderLongerThanMaxHeaderBytes_IsMalformedAndTheNextRecordIsRead()
    {
        byte[] good = File.ReadAllBytes(TestData.Shared("warc/other-real/warcio/example.warc"));
        string longHeader = "WARC/1.0\r\nWARC-Type: response\r\n" + string.Concat(Enumerable.Repeat("X-Filler: 0123456789abcdef\r\n", 80));
        byte[] file = [.. System.Text.Encoding.ASCII.GetBytes(longHeader), .. good];

        var entries = new List<(string Type, string? Problem)>();
        using (var reader = new WarcReader(new MemoryStream(file), new WarcReaderOptions { MaxHeaderBytes = 1024 }))
        {
            while (reader.MoveNext())
            {
                entries.Add((reader.Current.TypeName, reader.Current.Problem));
            }
        }

        Assert.Equal(("", WarcReasons.MalformedHeader), entries[0]);
        Assert.Equal(["warcinfo", "warcinfo", "response", "request", "revisit", "request"], entries.Skip(1).Select(e => e.Type));
        Assert.All(entries.Skip(1), e => Assert.Null(e.Problem));
    }

    [Fact]
    public void Options_Validate_NamesTheBadProperty()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new WarcReaderOptions { MaxRecordBytes = 0 }.Validate());
        Assert.Equal(nameof(WarcReaderOptions.MaxRecordBytes), ex.ParamName);
        ex = Assert.Throws<ArgumentOutOfRangeException>(() => new WarcReaderOptions { DocumentRecordTypes = WarcRecordType.Request }.Validate());
        Assert.Equal(nameof(WarcReaderOptions.DocumentRecordTypes), ex.ParamName);
    }

    [Theory]
    [InlineData("warc/malformed/gowarc/good.warc.gz.open", 50, "")]
    [InlineData("warc/cc/whirlwind-python/whirlwind.warc.gz", 4, "")]
    [InlineData("warc/malformed/resiliparse/clipped.warc.gz", 1, "gzip.corrupt,warc.truncated")]
    public void MoveNext_ManagedGzipFallback_ReadsIntactFilesAndCountsTruncation(string fixture, int records, string problems)
    {
        byte[] file = File.ReadAllBytes(TestData.Shared(fixture));
        var input = new ManagedGzipInput(new MemoryStream(file, 2, file.Length - 2), file.AsSpan(0, 2), leaveOpen: false);
        var seen = new List<WarcRecord>();
        using (var reader = new WarcReader(input, new WarcReaderOptions()))
        {
            while (reader.MoveNext())
            {
                seen.Add(reader.Current);
            }
        }

        Assert.Equal(records, seen.Count(r => r.Kind == WarcEntryKind.Record));
        Assert.Equal(problems, string.Join(',', seen.Where(r => r.Problem is not null).Select(r => r.Problem).Order(StringComparer.Ordinal)));
    }

    [Theory]
    [InlineData("runtime-zlib-ng")]
    [InlineData("system-zlib")]
    public void MoveNext_EachZlibBackend_FramesMembersAndResyncsTheSame(string backend)
    {
        Assert.Contains(backend, ZLibInflater.AvailableBackends);
        byte[] file = File.ReadAllBytes(TestData.Shared("warc/other-real/ia-web-commons/IAH-urls-wget.warc.gz"));
        long[] members = MemberOffsets(file);
        file.AsSpan((int)members[5] + 20, 16).Clear();

        var entries = new List<string>();
        var input = new GzipMemberInput(new MemoryStream(file, 2, file.Length - 2), file.AsSpan(0, 2), leaveOpen: false, backend);
        using (var reader = new WarcReader(input, new WarcReaderOptions()))
        {
            while (reader.MoveNext())
            {
                entries.Add($"{reader.Current.SourceOffset}:{reader.Current.TypeName}:{reader.Current.Problem}");
            }
        }

        // 36 records; the fifth member's record is lost to gzip.corrupt (reported at its member offset), every other record keeps its offset.
        Assert.Equal(36, entries.Count);
        Assert.Equal($"{members[5]}::{WarcReasons.GzipCorrupt}", entries[5]);
        Assert.Equal(members.Take(36).Where((_, i) => i != 5).Select(m => m.ToString(System.Globalization.CultureInfo.InvariantCulture)), entries.Where((_, i) => i != 5).Select(e => e[..e.IndexOf(':')]));
    }

    [Theory]
    [InlineData(99_999_999_999_999L, "hello")]
    [InlineData(40_000_000L, "a small body")]
    // Within MaxRecordBytes, and the body quotes a version line: the member end, not that line, ends the record.
    [InlineData(5_000L, "quoted:\r\nWARC/1.0\r\nContent-Length: 3\r\n\r\nabc")]
    public void MoveNext_GzipPerRecordLengthPastItsMember_ResyncsAtTheNextMemberAndCountsOnce(long declared, string body)
    {
        byte[] file = [.. Gzip(Record("1", "first")), .. Gzip(Record("2", body, declared)), .. Gzip(Record("3", "third")), .. Gzip(Record("4", "fourth"))];

        List<(string? Id, string? Problem, string Payload)> entries = ReadEntries(file);

        Assert.Equal(["1", "2", "3", "4"], entries.Where(e => e.Id is not null).Select(e => e.Id));
        Assert.Equal([WarcReasons.BadContentLength], entries.Where(e => e.Problem is not null).Select(e => e.Problem));
        // The lying record is cut where its member ends, so its body is whole and the records after it are untouched.
        Assert.Equal(body, entries.Single(e => e.Id == "2").Payload);
        Assert.Equal(["first", "third", "fourth"], entries.Where(e => e.Id is "1" or "3" or "4").Select(e => e.Payload));
    }

    [Fact]
    public void MoveNext_GzipPerRecordLengthPastItsMember_DoesNotReadAheadToTheClaimedLength()
    {
        // A claim under MaxRecordBytes, followed by 4 MiB of incompressible records: the lying record ends with its member.
        var random = new Random(7);
        byte[] noise = new byte[3 << 20];
        random.NextBytes(noise);
        byte[] file = [.. Gzip(Record("1", "first", 30_000_000)), .. Gzip(Record("2", Convert.ToBase64String(noise)))];
        using var stream = new MemoryStream(file);
        using var reader = new WarcReader(stream, new WarcReaderOptions { DocumentRecordTypes = WarcRecordType.Resource });

        Assert.True(reader.MoveNext());
        Assert.Equal("1", reader.Current.RecordId);
        Assert.Equal("first", System.Text.Encoding.ASCII.GetString(reader.Current.Payload.Span));
        Assert.True(stream.Position < 1 << 20, $"read {stream.Position} of {file.Length} bytes to frame the first record");
        Assert.True(reader.MoveNext());
        Assert.Equal(WarcReasons.BadContentLength, reader.Current.Problem);
        Assert.True(reader.MoveNext());
        Assert.Equal(("2", null), (reader.Current.RecordId, reader.Current.Problem));
        Assert.False(reader.MoveNext());
    }

    [Fact]
    public void MoveNext_GzipPerRecordLengthPastAMemberOverMaxRecordBytes_SkipsToTheNextMemberAndCountsOnce()
    {
        // The lying record's own member is bigger than MaxRecordBytes: it is skipped unbuffered, up to the next member only.
        string big = new('x', 16 * 1024);
        byte[] file = [.. Gzip(Record("1", big, 99_999_999_999_999)), .. Gzip(Record("2", "second")), .. Gzip(Record("3", "third"))];
        var entries = new List<(string? Id, string? Problem, bool HasPayload)>();
        using (var reader = new WarcReader(new MemoryStream(file), new WarcReaderOptions { MaxRecordBytes = 4096, DocumentRecordTypes = WarcRecordType.Resource }))
        {
            while (reader.MoveNext())
            {
                entries.Add((reader.Current.RecordId, reader.Current.Problem, reader.Current.HasPayload));
            }
        }

        Assert.Equal([("1", WarcReasons.BadContentLength, false), ("2", null, true), ("3", null, true)], entries);
    }

    [Theory]
    [InlineData("whole-file gzip")]
    [InlineData("uncompressed")]
    public void MoveNext_LengthPastTheEndWithoutMembers_LosesTheRestAndCountsOnce(string layout)
    {
        byte[] plain = [.. Record("1", "first"), .. Record("2", "hello", 99_999_999_999_999), .. Record("3", "third")];
        byte[] file = layout == "uncompressed" ? plain : Gzip(plain);

        List<(string? Id, string? Problem, string Payload)> entries = ReadEntries(file);

        // Without member boundaries nothing says where the lying record really ends: the rest of the file is its claimed payload.
        Assert.Equal(["1", "2"], entries.Where(e => e.Id is not null).Select(e => e.Id));
        Assert.Equal([WarcReasons.Truncated], entries.Where(e => e.Problem is not null).Select(e => e.Problem));
    }

    [Theory]
    [InlineData("gzip per record")]
    [InlineData("whole-file gzip")]
    [InlineData("uncompressed")]
    public void MoveNext_FileTruncatedMidRecord_CountsOneTruncation(string layout)
    {
        var random = new Random(14);
        byte[] noise = new byte[32 * 1024];
        random.NextBytes(noise);
        string body = Convert.ToBase64String(noise);
        byte[][] records = [Record("1", "first"), Record("2", "second"), Record("3", body)];
        byte[] file = layout switch
        {
            "gzip per record" => [.. Gzip(records[0]), .. Gzip(records[1]), .. Gzip(records[2])],
            "whole-file gzip" => Gzip([.. records[0], .. records[1], .. records[2]]),
            _ => [.. records[0], .. records[1], .. records[2]],
        };
        int lastRecordBytes = layout == "gzip per record" ? Gzip(records[2]).Length : layout == "whole-file gzip" ? file.Length / 2 : records[2].Length;

        List<(string? Id, string? Problem, string Payload)> entries = ReadEntries(file[..(file.Length - (lastRecordBytes / 2))]);

        Assert.Equal(["1", "2", "3"], entries.Where(e => e.Id is not null).Select(e => e.Id));
        Assert.Equal([("3", WarcReasons.Truncated)], entries.Where(e => e.Problem is not null).Select(e => (e.Id, e.Problem)));
    }

    /// <summary>Compressed offsets of the gzip members of an intact per-record file, plus the file length.</summary>
    internal static long[] MemberOffsets(byte[] file)
    {
        var offsets = new SortedSet<long>();
        using var reader = new WarcReader(new MemoryStream(file), new WarcReaderOptions());
        while (reader.MoveNext())
        {
            offsets.Add(reader.Current.SourceOffset);
        }

        offsets.Add(file.Length);
        return [.. offsets];
    }

    /// <summary>A WARC/1.1 resource record with <paramref name="body"/>; <paramref name="declared"/> overrides its Content-Length.</summary>
    private static byte[] Record(string id, string body, long? declared = null)
    {
        byte[] payload = System.Text.Encoding.ASCII.GetBytes(body);
        string header = $"WARC/1.1\r\nWARC-Type: resource\r\nWARC-Record-ID: {id}\r\nContent-Length: {declared ?? payload.Length}\r\n\r\n";
        return [.. System.Text.Encoding.ASCII.GetBytes(header), .. payload, .. "\r\n\r\n"u8];
    }

    private static byte[] Gzip(byte[] data)
    {
        var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(data);
        }

        return output.ToArray();
    }

    /// <summary>Every entry of <paramref name="file"/> read with resource payloads selected: record id, problem and payload text.</summary>
    private static List<(string? Id, string? Problem, string Payload)> ReadEntries(byte[] file)
    {
        var entries = new List<(string? Id, string? Problem, string Payload)>();
        using var reader = new WarcReader(new MemoryStream(file), new WarcReaderOptions { DocumentRecordTypes = WarcRecordType.Resource });
        while (reader.MoveNext())
        {
            WarcRecord entry = reader.Current;
            entries.Add((entry.RecordId, entry.Problem, System.Text.Encoding.ASCII.GetString(entry.Payload.Span)));
        }

        return entries;
    }
}
