using System.Globalization;
using System.Text;

namespace SampleWarcGenerator.Content;

/// <summary>Builds articles combinatorially from a <see cref="TopicBank"/> plus the generic bank.</summary>
internal static class ArticleFactory
{
    private static readonly string[] s_authors =
    [
        "Hannah Olsen", "Marcus Bell", "Yuki Tanaka", "Fatima Haddad", "Owen Gallagher", "Lucia Moreno",
        "Sipho Dlamini", "Claire Dubois", "Arjun Mehta", "Nora Lindqvist",
    ];

    private static readonly DateOnly s_firstDay = new(2026, 1, 5);

    public static Article Create(TopicBank bank, Random rng)
    {
        string[] pool = [.. bank.Sentences, .. EnglishBanks.Generic];
        rng.Shuffle(pool);
        int next = 0;
        string title = TextFiller.Fill(TextFiller.Pick(rng, bank.Titles), bank, rng);
        string lede = TextFiller.Fill(pool[next++], bank, rng);

        string[] headings = [.. bank.Headings];
        rng.Shuffle(headings);
        int sectionCount = rng.Next(3, 6);
        int bulletSection = rng.Next(10) < 4 ? rng.Next(sectionCount) : -1;
        int tableSection = rng.Next(10) < 3 ? rng.Next(sectionCount) : -1;
        var sections = new List<ArticleSection>(sectionCount);
        for (int s = 0; s < sectionCount; s++)
        {
            var paragraphs = new List<string>();
            int paragraphCount = rng.Next(1, 3);
            for (int p = 0; p < paragraphCount && next < pool.Length; p++)
            {
                var paragraph = new StringBuilder();
                int sentenceCount = rng.Next(2, 5);
                for (int k = 0; k < sentenceCount && next < pool.Length; k++)
                {
                    paragraph.Append(k == 0 ? "" : " ").Append(TextFiller.Fill(pool[next++], bank, rng));
                }

                paragraphs.Add(paragraph.ToString());
            }

            sections.Add(new ArticleSection(
                headings[s % headings.Length],
                paragraphs,
                s == bulletSection ? PickDistinct(rng, bank.ListItems, rng.Next(3, 6)) : [],
                s == tableSection ? Table(bank, rng) : []));
        }

        var comments = new List<KeyValuePair<string, string>>();
        int commentCount = rng.Next(0, 5);
        for (int c = 0; c < commentCount; c++)
        {
            comments.Add(new(TextFiller.Pick(rng, EnglishBanks.Commenters), TextFiller.Pick(rng, EnglishBanks.Comments)));
        }

        return new Article
        {
            Title = title,
            Slug = Slugify(title),
            Section = bank.Section,
            Author = TextFiller.Pick(rng, s_authors),
            Published = s_firstDay.AddDays(rng.Next(0, 60)),
            Lede = lede,
            Sections = sections,
            Tags = PickDistinct(rng, bank.Things, 3),
            Comments = comments,
        };
    }

    /// <summary>
    /// A near-duplicate: the same article dated a day later with one sentence added to one section (the "updated" story).
    /// </summary>
    public static Article Revise(Article article, TopicBank bank, Random rng)
    {
        int target = rng.Next(article.Sections.Count);
        ArticleSection section = article.Sections[target];
        var paragraphs = section.Paragraphs.ToList();
        paragraphs[0] = TextFiller.Fill(TextFiller.Pick(rng, bank.Sentences), bank, rng) + " " + paragraphs[0];
        var sections = article.Sections.ToList();
        sections[target] = section with { Paragraphs = paragraphs };
        return article with
        {
            Published = article.Published.AddDays(1),
            Sections = sections,
        };
    }

    public static string Slugify(string title)
    {
        var slug = new StringBuilder(title.Length);
        foreach (char ch in title.ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(ch))
            {
                slug.Append(ch);
            }
            else if (slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }

        return slug.ToString().TrimEnd('-');
    }

    private static string[] PickDistinct(Random rng, string[] items, int count)
    {
        string[] copy = [.. items];
        rng.Shuffle(copy);
        return copy[..Math.Min(count, copy.Length)];
    }

    private static List<string[]> Table(TopicBank bank, Random rng)
    {
        var rows = new List<string[]> { bank.TableHeader };
        string[] labels = [.. bank.Things, .. bank.Places];
        rng.Shuffle(labels);
        int rowCount = rng.Next(3, 6);
        for (int r = 0; r < rowCount; r++)
        {
            rows.Add(
            [
                labels[r % labels.Length],
                rng.Next(1, 900).ToString(CultureInfo.InvariantCulture),
                (rng.Next(-150, 400) / 10.0).ToString("0.0", CultureInfo.InvariantCulture),
            ]);
        }

        return rows;
    }
}
