namespace CurationPipeline.Tests.Extraction;

/// <summary>A news page with chrome (header, nav, sidebar, footer, script, style) around an article of three paragraphs.</summary>
internal static class ArticlePage
{
    public const string Para1 = "The river rose overnight, flooding the lower town, and residents spent the morning moving furniture upstairs.";
    public const string Para2 = "Officials said the water would recede by Friday, although more rain, they warned, could delay the cleanup.";
    public const string Para3 = "Volunteers from nearby villages arrived with boats, pumps and food, and the school opened as a shelter.";

    /// <summary>The page, with <paramref name="articleExtra"/> between the second and third paragraph.</summary>
    public static string Build(string articleExtra = "", string head = "<title>Flood news</title>", string htmlAttributes = "") => $$"""
        <!DOCTYPE html><html {{htmlAttributes}}><head>{{head}}<script>var tracking = "script text";</script><style>p { color: red }</style></head>
        <body>
          <header><a href="/">Site name header</a></header>
          <nav><ul><li><a href="/a">Home</a></li><li><a href="/b">World news</a></li><li><a href="/c">Sports</a></li></ul></nav>
          <div id="main"><article>
            <p>{{Para1}}</p>
            <p>{{Para2}}</p>
            {{articleExtra}}
            <p>{{Para3}}</p>
          </article></div>
          <div class="sidebar"><p>Most read stories, today, this week, this month, in this sidebar box.</p></div>
          <footer><p>Copyright footer text, all rights reserved, 2024.</p></footer>
        </body></html>
        """;
}
