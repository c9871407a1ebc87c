using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using SampleWarcGenerator.Sites;

namespace SampleWarcGenerator.Content;

/// <summary>
/// The JSON Lines sample: already-extracted documents <c>{"id","url","text"}</c>, one per line, UTF-8, \n endings:
/// 16 English articles, 2 non-English texts, 2 exact duplicates (same text, new id and url) and 1 near duplicate.
/// </summary>
internal static class DocsJsonl
{
    private const int ArticleDocs = 16;

    private static readonly JsonWriterOptions s_options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static byte[] Create(Corpus corpus, Random rng)
    {
        var docs = new List<KeyValuePair<string, string>>();
        for (int i = 0; i < ArticleDocs; i++)
        {
            var (url, article) = corpus.Articles[i];
            docs.Add(new(url, article.ToPlainText()));
        }

        foreach (string lang in (string[])["de", "zh"])
        {
            ForeignText text = ForeignTexts.All.First(t => t.Lang == lang && t.Encoding == "utf-8");
            docs.Add(new($"https://{text.Host}/{text.Lang}/{text.Slug}.html", text.Title + "\n\n" + string.Join("\n\n", text.Paragraphs)));
        }

        docs.Add(new(WithQuery(docs[2].Key, "utm_source=feed"), docs[2].Value));
        docs.Add(new(docs[7].Key.Replace("https://", "http://", StringComparison.Ordinal), docs[7].Value));
        var (nearUrl, nearArticle) = corpus.Articles[4];
        TopicBank bank = SiteTemplate.All.First(s => s.Bank.Section == nearArticle.Section).Bank;
        docs.Add(new(WithQuery(nearUrl, "print=1"), ArticleFactory.Revise(nearArticle, bank, rng).ToPlainText()));

        using var output = new MemoryStream();
        for (int i = 0; i < docs.Count; i++)
        {
            using (var json = new Utf8JsonWriter(output, s_options))
            {
                json.WriteStartObject();
                json.WriteString("id", $"quickstart-{i + 1:D4}");
                json.WriteString("url", docs[i].Key);
                json.WriteString("text", docs[i].Value);
                json.WriteEndObject();
            }

            output.WriteByte((byte)'\n');
        }

        return output.ToArray();
    }

    private static string WithQuery(string url, string parameter) => url + (url.Contains('?') ? "&" : "?") + parameter;
}
