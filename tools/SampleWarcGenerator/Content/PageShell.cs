using System.Text;

namespace SampleWarcGenerator.Content;

/// <summary>A minimal full HTML document around a body fragment, for pages that are not one of the site templates.</summary>
internal static class PageShell
{
    /// <param name="lang">The html lang attribute.</param>
    /// <param name="title">The title (already escaped).</param>
    /// <param name="headExtra">Markup for the head after the title (meta charset lines, scripts), may be empty.</param>
    /// <param name="body">The body markup.</param>
    public static string Render(string lang, string title, string headExtra, string body)
    {
        var html = new StringBuilder(body.Length + 512);
        html.Append("<!DOCTYPE html>\n<html lang=\"").Append(lang).Append("\">\n<head>\n");
        if (headExtra.Length > 0)
        {
            html.Append(headExtra).Append('\n');
        }

        html.Append("<title>").Append(title).Append("</title>\n</head>\n<body>\n").Append(body);
        if (body.Length > 0 && body[^1] != '\n')
        {
            html.Append('\n');
        }

        html.Append("</body>\n</html>\n");
        return html.ToString();
    }
}
