using System.Text;
using SampleWarcGenerator.Http;
using static SampleWarcGenerator.Sites.Html;

namespace SampleWarcGenerator.Content;

/// <summary>Renders <see cref="ForeignTexts"/> as HTML in their target encodings with the declared charset placement.</summary>
internal static class ForeignPages
{
    private static readonly Dictionary<string, string[]> s_chrome = new(StringComparer.Ordinal)
    {
        ["de"] = ["Startseite", "Nachrichten", "Kontakt", "Datenschutz", "Impressum"],
        ["fr"] = ["Accueil", "Actualités", "Contact", "Confidentialité", "Mentions légales"],
        ["es"] = ["Inicio", "Noticias", "Contacto", "Privacidad", "Aviso legal"],
        ["ru"] = ["Главная", "Новости", "Контакты", "Конфиденциальность", "О проекте"],
        ["zh"] = ["首页", "新闻", "联系我们", "隐私政策", "关于我们"],
        ["ja"] = ["ホーム", "ニュース", "お問い合わせ", "プライバシー", "運営者情報"],
    };

    public static IEnumerable<Capture> Create()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        foreach (ForeignText text in ForeignTexts.All)
        {
            Encoding encoding = Encoding.GetEncoding(text.Encoding, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
            string head = text.Declaration switch
            {
                CharsetDeclaration.HeaderAndMeta or CharsetDeclaration.MetaCharset or CharsetDeclaration.Bom => $"<meta charset=\"{text.Encoding}\">",
                CharsetDeclaration.MetaHttpEquiv => $"<meta http-equiv=\"Content-Type\" content=\"text/html; charset={text.Encoding}\">",
                _ => "",
            };
            string[] chrome = s_chrome[text.Lang];
            var body = new StringBuilder(2048);
            body.Append($"<header><a href=\"/\">{E(chrome[0])}</a> | <a href=\"/news/\">{E(chrome[1])}</a> | <a href=\"/contact/\">{E(chrome[2])}</a></header>\n");
            body.Append("<main>\n<article>\n<h1>").Append(E(text.Title)).Append("</h1>\n");
            foreach (string paragraph in text.Paragraphs)
            {
                body.Append("<p>").Append(E(paragraph)).Append("</p>\n");
            }

            body.Append($"</article>\n</main>\n<footer><a href=\"/privacy/\">{E(chrome[3])}</a> | <a href=\"/about/\">{E(chrome[4])}</a> | &copy; 2026 {text.Host}</footer>\n");

            // Non-ASCII stays as characters (E() leaves letters alone), so the page bytes really are in the target encoding.
            string html = PageShell.Render(text.Lang, E(text.Title), head, body.ToString());
            byte[] encoded = encoding.GetBytes(html);
            byte[] bytes = text.Declaration == CharsetDeclaration.Bom ? [.. Encoding.UTF8.Preamble, .. encoded] : encoded;
            bool inHeader = text.Declaration is CharsetDeclaration.HeaderAndMeta or CharsetDeclaration.HeaderOnly;
            yield return new Capture
            {
                Uri = $"https://{text.Host}/{text.Lang}/{text.Slug}.html",
                Category = Categories.NonEnglish,
                Charset = $"{text.Encoding} ({Describe(text.Declaration)})",
                Response = new HttpResponse
                {
                    ContentType = inHeader ? $"text/html; charset={text.Encoding}" : "text/html",
                    Server = "Apache",
                    Body = bytes,
                },
            };
        }
    }

    private static string Describe(CharsetDeclaration declaration) => declaration switch
    {
        CharsetDeclaration.HeaderAndMeta => "http header + meta charset",
        CharsetDeclaration.HeaderOnly => "http header only",
        CharsetDeclaration.MetaCharset => "meta charset only",
        CharsetDeclaration.MetaHttpEquiv => "meta http-equiv only",
        CharsetDeclaration.None => "no declaration",
        CharsetDeclaration.Bom => "BOM + meta charset",
        _ => throw new ArgumentOutOfRangeException(nameof(declaration), declaration, null),
    };
}
