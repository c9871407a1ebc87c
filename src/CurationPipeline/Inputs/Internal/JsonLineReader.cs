using System.Buffers;
using System.IO.Pipelines;
using System.Runtime.CompilerServices;
using CurationPipeline.Documents;

namespace CurationPipeline.Inputs.Internal;

/// <summary>Frames a byte stream into lines of at most a given length and turns each non-blank line into one item.</summary>
/// <remarks>
/// A line that outgrows the limit is reported once when it passes the limit, then its bytes are discarded as they arrive, so the
/// pipe never holds more than about the limit plus one read. Lines end at <c>\n</c>; a final line may lack it.
/// </remarks>
internal sealed class JsonLineReader(PipeReader reader, int maxLineBytes)
{
    public async IAsyncEnumerable<SourceItem> ReadAsync(string path, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        long lineIndex = 0;
        bool skippingLongLine = false;
        try
        {
            while (true)
            {
                ReadResult result;
                string? failure = null;
                try
                {
                    result = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (InvalidDataException ex)
                {
                    // A damaged or truncated compressed stream: nothing after this point can be read.
                    failure = $"after line {lineIndex}: {ex.Message}";
                    result = default;
                }

                if (failure is not null)
                {
                    yield return InputRecord.Reject(null, null, InputReasons.DecompressFailed, isError: true, failure);
                    yield break;
                }

                ReadOnlySequence<byte> buffer = result.Buffer;
                var items = new List<SourceItem>();
                while (TryReadLine(ref buffer, out ReadOnlySequence<byte> line))
                {
                    if (skippingLongLine)
                    {
                        skippingLongLine = false;
                    }
                    else if (ParseOrSkip(line, path, lineIndex) is { } item)
                    {
                        items.Add(item);
                    }

                    lineIndex++;
                }

                bool completed = result.IsCompleted;
                if (!skippingLongLine && buffer.Length > maxLineBytes)
                {
                    items.Add(TooLong(path, lineIndex));
                    skippingLongLine = true;
                }

                if (completed && !buffer.IsEmpty && !skippingLongLine && ParseOrSkip(buffer, path, lineIndex) is { } last)
                {
                    items.Add(last);
                }

                // Release the pipe's memory before handing items out; a skipped line's bytes are dropped as they come.
                reader.AdvanceTo(skippingLongLine ? buffer.End : buffer.Start, buffer.End);
                foreach (SourceItem item in items)
                {
                    yield return item;
                }

                if (completed)
                {
                    yield break;
                }
            }
        }
        finally
        {
            await reader.CompleteAsync().ConfigureAwait(false);
        }
    }

    private SourceItem? ParseOrSkip(ReadOnlySequence<byte> line, string path, long lineIndex) =>
        line.Length > maxLineBytes ? TooLong(path, lineIndex) : JsonLineParser.Parse(line, path, lineIndex);

    private SourceItem TooLong(string path, long lineIndex) => InputRecord.Reject(InputRecord.DerivedId(path, lineIndex), null,
        InputReasons.JsonLinesLineTooLong, isError: true, $"line {lineIndex + 1} is longer than {maxLineBytes} bytes");

    private static bool TryReadLine(ref ReadOnlySequence<byte> buffer, out ReadOnlySequence<byte> line)
    {
        SequencePosition? end = buffer.PositionOf((byte)'\n');
        if (end is null)
        {
            line = default;
            return false;
        }

        line = buffer.Slice(0, end.Value);
        buffer = buffer.Slice(buffer.GetPosition(1, end.Value));
        return true;
    }
}
