using System.Globalization;
using System.Text;
using SampleWarcGenerator.Content;
using SampleWarcGenerator.Http;

namespace SampleWarcGenerator.Warc;

/// <summary>
/// Orders the captures (a seeded shuffle, duplicates and revisits always after their originals), assigns increasing
/// WARC-Dates and writes warcinfo, request, response, metadata and revisit records.
/// </summary>
internal sealed class WarcComposer(Random rng)
{
    private const string FileName = "quickstart.warc.gz";
    private const string RevisitProfile = "http://netpreserve.org/warc/1.1/revisit/identical-payload-digest";
    private const int RequestEvery = 4;
    private const int MetadataEvery = 23;

    private static readonly DateTime s_start = new(2026, 3, 14, 8, 0, 0, DateTimeKind.Utc);

    private readonly WarcFileWriter _writer = new();
    private readonly Dictionary<Capture, Written> _written = new(ReferenceEqualityComparer.Instance);
    private readonly SortedDictionary<string, int> _categories = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, int> _charsets = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, int> _statuses = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, int> _quirks = new(StringComparer.Ordinal);
    private string _warcinfoId = "";
    private DateTime _clock = s_start;
    private int _sequence;

    private readonly record struct Planned(Capture Capture, bool Revisit);

    private readonly record struct Written(string RecordId, DateTime Date, byte[] Payload);

    public byte[] Compose(Corpus corpus)
    {
        WriteWarcinfo();
        int responses = 0;
        foreach (Planned item in Plan(corpus))
        {
            _clock = _clock.AddSeconds(rng.Next(4, 90));
            if (item.Revisit)
            {
                WriteRevisit(item.Capture);
                continue;
            }

            WriteCapture(item.Capture, withRequest: responses % RequestEvery == 1, withMetadata: responses % MetadataEvery == 7);
            responses++;
        }

        return _writer.ToArray();
    }

    /// <summary>Markdown tables of what was written.</summary>
    public string Summary(long warcBytes, long docsBytes)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{FileName}: {warcBytes:N0} bytes, one gzip member per record; {SampleWarc.DocsFileName}: {docsBytes:N0} bytes\n");
        Table(text, "WARC-Type", _writer.TypeCounts);
        Table(text, "Response category", _categories);
        Table(text, "HTTP status", _statuses);
        Table(text, "Charset of text responses (where declared)", _charsets);
        Table(text, "HTTP quirk", _quirks);
        return text.ToString();
    }

    private List<Planned> Plan(Corpus corpus)
    {
        Capture[] primary = [.. corpus.Primary];
        rng.Shuffle(primary);
        var plan = new List<Planned>(primary.Length + corpus.Duplicates.Count + corpus.Revisited.Count);
        foreach (Capture capture in primary)
        {
            plan.Add(new Planned(capture, Revisit: false));
        }

        foreach (Capture duplicate in corpus.Duplicates)
        {
            InsertAfter(plan, duplicate.DuplicateOf!, new Planned(duplicate, Revisit: false));
        }

        foreach (Capture original in corpus.Revisited)
        {
            InsertAfter(plan, original, new Planned(original, Revisit: true));
        }

        return plan;
    }

    private void InsertAfter(List<Planned> plan, Capture original, Planned item)
    {
        int index = plan.FindIndex(p => !p.Revisit && ReferenceEquals(p.Capture, original));
        if (index < 0)
        {
            throw new InvalidOperationException("Duplicate source is not in the plan: " + original.Uri);
        }

        plan.Insert(rng.Next(index + 1, plan.Count + 1), item);
    }

    private void WriteWarcinfo()
    {
        _warcinfoId = Digests.RecordId("warcinfo");
        byte[] fields = Encoding.UTF8.GetBytes(
            "software: CurationPipeline SampleWarcGenerator (tools/SampleWarcGenerator)\r\n" +
            "format: WARC File Format 1.1\r\n" +
            "conformsTo: https://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/\r\n" +
            "isPartOf: curation-pipeline-quickstart\r\n" +
            "description: Synthetic captures written for the CurationPipeline quickstart; all hosts are fictional (.test, .example).\r\n" +
            "robots: classic\r\n" +
            "operator: CurationPipeline maintainers\r\n");
        _writer.Write(new WarcRecord("warcinfo", _warcinfoId, _clock, "application/warc-fields",
            [new("WARC-Filename", FileName)], fields, Payload: null));
    }

    private void WriteCapture(Capture capture, bool withRequest, bool withMetadata)
    {
        string ip = IpFor(capture.Uri);
        var fields = new List<KeyValuePair<string, string>> { new("WARC-Warcinfo-ID", _warcinfoId) };
        if (withRequest)
        {
            string requestId = NewId("request", capture.Uri);
            _writer.Write(new WarcRecord("request", requestId, _clock, "application/http; msgtype=request",
                [new("WARC-Warcinfo-ID", _warcinfoId), new("WARC-IP-Address", ip), new("WARC-Target-URI", capture.Uri)],
                RequestBytes(capture.Uri), Payload: null));
            fields.Add(new("WARC-Concurrent-To", requestId));
        }

        fields.Add(new("WARC-IP-Address", ip));
        fields.Add(new("WARC-Target-URI", capture.Uri));
        string responseId = NewId("response", capture.Uri);
        var (block, payload) = capture.Response.ToBlock(_clock);
        _writer.Write(new WarcRecord("response", responseId, _clock, "application/http; msgtype=response", fields, block, payload));
        _written.Add(capture, new Written(responseId, _clock, payload));
        Count(capture);

        if (withMetadata)
        {
            byte[] metadata = Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture,
                $"fetchTimeMs: {rng.Next(40, 2400)}\r\ncharset-detected: {capture.Charset.Split(' ')[0]}\r\ncategory: {capture.Category}\r\n"));
            _writer.Write(new WarcRecord("metadata", NewId("metadata", capture.Uri), _clock, "application/warc-fields",
                [new("WARC-Warcinfo-ID", _warcinfoId), new("WARC-Concurrent-To", responseId), new("WARC-Target-URI", capture.Uri)],
                metadata, Payload: null));
        }
    }

    private void WriteRevisit(Capture original)
    {
        Written earlier = _written[original];
        _writer.Write(new WarcRecord("revisit", NewId("revisit", original.Uri), _clock, "application/http; msgtype=response",
            [
                new("WARC-Warcinfo-ID", _warcinfoId),
                new("WARC-IP-Address", IpFor(original.Uri)),
                new("WARC-Target-URI", original.Uri),
                new("WARC-Profile", RevisitProfile),
                new("WARC-Refers-To", earlier.RecordId),
                new("WARC-Refers-To-Target-URI", original.Uri),
                new("WARC-Refers-To-Date", WarcFileWriter.FormatDate(earlier.Date)),
            ],
            original.Response.HeaderBytes(_clock), earlier.Payload));
    }

    private string NewId(string type, string uri) => Digests.RecordId($"{type}/{_sequence++}/{uri}");

    private void Count(Capture capture)
    {
        Increment(_categories, capture.Category);
        Increment(_statuses, capture.Response.Status.ToString(CultureInfo.InvariantCulture));
        if (capture.Charset != "-")
        {
            Increment(_charsets, capture.Charset);
        }

        foreach (HttpQuirks quirk in Enum.GetValues<HttpQuirks>())
        {
            if (quirk != HttpQuirks.None && capture.Response.Quirks.HasFlag(quirk))
            {
                Increment(_quirks, quirk.ToString());
            }
        }
    }

    private static void Increment(SortedDictionary<string, int> counts, string key) => counts[key] = counts.GetValueOrDefault(key) + 1;

    private static void Table(StringBuilder text, string title, IReadOnlyDictionary<string, int> counts)
    {
        text.Append('\n').Append("| ").Append(title).Append(" | Records |\n|---|---:|\n");
        int total = 0;
        foreach (var (key, count) in counts)
        {
            text.Append(CultureInfo.InvariantCulture, $"| {key} | {count} |\n");
            total += count;
        }

        text.Append(CultureInfo.InvariantCulture, $"| **total** | **{total}** |\n");
    }

    private static byte[] RequestBytes(string uri)
    {
        var parsed = new Uri(uri);
        return Encoding.ASCII.GetBytes(
            $"GET {parsed.PathAndQuery} HTTP/1.1\r\n" +
            $"Host: {parsed.Host}\r\n" +
            "User-Agent: CurationPipelineSampleBot/1.0 (+https://curation-pipeline.example/bot)\r\n" +
            "Accept: text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8\r\n" +
            "Accept-Language: en-US,en;q=0.5\r\n" +
            "Accept-Encoding: gzip\r\n" +
            "Connection: close\r\n\r\n");
    }

    /// <summary>A stable address in the TEST-NET-1 documentation range, derived from the host name.</summary>
    private static string IpFor(string uri)
    {
        int sum = 0;
        foreach (char ch in new Uri(uri).Host)
        {
            sum += ch;
        }

        return "192.0.2." + (sum % 254 + 1).ToString(CultureInfo.InvariantCulture);
    }
}
