using System.Collections.Frozen;

namespace CurationPipeline.Documents;

/// <summary>The ordered, named signal columns a run's annotated documents carry (<c>gopher_quality.word_count</c>, …).</summary>
/// <remarks>Immutable and shared by every document of a run; the annotated shards get one column per entry.</remarks>
public sealed class SignalSchema
{
    private readonly FrozenDictionary<string, int> _index;

    /// <summary>Creates a schema; names must be unique.</summary>
    /// <exception cref="ArgumentException">A name repeats.</exception>
    public SignalSchema(IEnumerable<(string Name, SignalKind Kind)> columns)
    {
        Columns = columns.ToArray();
        _index = Columns.Select((c, i) => (c.Name, i)).ToFrozenDictionary(c => c.Name, c => c.i, StringComparer.Ordinal);
        if (_index.Count != Columns.Count)
        {
            throw new ArgumentException("Signal names must be unique.", nameof(columns));
        }

        NumberCount = Columns.Count(c => c.Kind == SignalKind.Number);
    }

    /// <summary>A schema without signals (runs without filters).</summary>
    public static SignalSchema Empty { get; } = new([]);

    /// <summary>The columns in order.</summary>
    public IReadOnlyList<(string Name, SignalKind Kind)> Columns { get; }

    /// <summary>How many columns are numbers; number <c>i</c> of a <see cref="SignalSet"/> is the i-th number column.</summary>
    public int NumberCount { get; }

    /// <summary>The position of <paramref name="name"/> in <see cref="Columns"/>, or -1.</summary>
    public int IndexOf(string name) => _index.TryGetValue(name, out int i) ? i : -1;
}
