namespace CurationPipeline.Documents;

/// <summary>One document's signal values, in the order of its <see cref="SignalSchema"/>.</summary>
/// <param name="Schema">The names and kinds.</param>
/// <param name="Numbers">The number columns' values, in schema order.</param>
/// <param name="Texts">The text columns' values, in schema order.</param>
public sealed record SignalSet(SignalSchema Schema, double[] Numbers, string?[] Texts)
{
    /// <summary>No signals.</summary>
    public static SignalSet Empty { get; } = new(SignalSchema.Empty, [], []);

    /// <summary>The number named <paramref name="name"/>.</summary>
    /// <exception cref="KeyNotFoundException">The schema has no such number.</exception>
    public double Number(string name) => Numbers[Ordinal(name, SignalKind.Number)];

    /// <summary>The text named <paramref name="name"/>.</summary>
    /// <exception cref="KeyNotFoundException">The schema has no such text.</exception>
    public string? Text(string name) => Texts[Ordinal(name, SignalKind.Text)];

    private int Ordinal(string name, SignalKind kind)
    {
        int index = Schema.IndexOf(name);
        if (index < 0 || Schema.Columns[index].Kind != kind)
        {
            throw new KeyNotFoundException($"No {kind} signal '{name}'.");
        }

        int ordinal = 0;
        for (int i = 0; i < index; i++)
        {
            if (Schema.Columns[i].Kind == kind)
            {
                ordinal++;
            }
        }

        return ordinal;
    }
}
