using System.Globalization;
using System.Text;

namespace SampleWarcGenerator.Content;

/// <summary>Fills template slots from a <see cref="TopicBank"/> with a seeded <see cref="Random"/>.</summary>
internal static class TextFiller
{
    private static readonly string[] s_months =
    [
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ];

    public static T Pick<T>(Random rng, IReadOnlyList<T> items) => items[rng.Next(items.Count)];

    public static string Fill(string template, TopicBank bank, Random rng)
    {
        var text = new StringBuilder(template.Length + 32);
        int i = 0;
        while (i < template.Length)
        {
            int open = template.IndexOf('{', i);
            if (open < 0)
            {
                text.Append(template, i, template.Length - i);
                break;
            }

            int close = template.IndexOf('}', open);
            text.Append(template, i, open - i);
            text.Append(Slot(template[(open + 1)..close], bank, rng));
            i = close + 1;
        }

        // Templates may start with a slot such as {thing}: sentence case the result.
        if (text.Length > 0 && char.IsLower(text[0]))
        {
            text[0] = char.ToUpperInvariant(text[0]);
        }

        return text.ToString();
    }

    private static string Slot(string name, TopicBank bank, Random rng) => name switch
    {
        "actor" => Pick(rng, bank.Actors),
        "place" => Pick(rng, bank.Places),
        "thing" => Pick(rng, bank.Things),
        "n" => rng.Next(3, 480).ToString(CultureInfo.InvariantCulture),
        "pct" => rng.Next(2, 61).ToString(CultureInfo.InvariantCulture) + " percent",
        "month" => Pick(rng, s_months),
        "year" => rng.Next(2014, 2026).ToString(CultureInfo.InvariantCulture),
        _ => throw new ArgumentException($"Unknown slot {{{name}}} in template.", nameof(name)),
    };
}
