using System.Text.RegularExpressions;

namespace CurationPipeline.Extraction.Internal;

/// <summary>Class/id/style cues for boilerplate and content (matched against <c>class + " " + id</c>, case-insensitive).</summary>
internal static partial class BoilerplatePatterns
{
    /// <summary>Blocks that are almost never main content (ads, sharing, cookie bars, comments, captions, footers, tag lists, live-score
    /// bars, search filter and facet panels, forum posters' profile boxes and signatures, shops' upsell, recommendation and recently-viewed strips); removed during cleaning unless <see cref="MaybeContent"/> also matches.</summary>
    [GeneratedRegex(@"(^|[^a-z])(ads?|advert\w*|sponsor\w*|promo(?!ted)\w*)([^a-z]|$)|breadcrumb|print-?(header|footer|only|logo)|disqus|cookie|consent|gdpr|newsletter|signup|sign-up|social|share|sharing|navbar|masthead|outbrain|taboola|pagination|pager|popup|modal|overlay|skip-link(?!-?target)|rss|agegate|shoutbox|skyscraper|jump-link|more-stories|most-read|comment|caption|credit|footer|copyright|tags|ad-?banner|(^|\s)live(\s|$)|live-?scores?|live-?ticker|(^|[^a-z])reviews?([^a-z]|$)|(^|[^a-z])(facets?|filters?)([^a-z]|$)|signature|user-?info|postprofile|message-?user|upsell|cross-?sell|(^|[^a-z])(recommendations?|recs)([^a-z]|$)|recently-?viewed", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex Unlikely();

    /// <summary>Cues that name both chrome and content blocks (a page header or a section header, a site footer or a card footer,
    /// an ad banner or a hero banner, a comment box or a forum post); removed only when the block also reads like chrome (link-dense).</summary>
    [GeneratedRegex(@"banner|header|sidebar|side-bar|menu|related|recommend|popular|trending|widget|byline|author-bio|cover-wrap|remark|replies|community|supplemental|read-more", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex MaybeUnlikely();

    /// <summary>Cues that keep a block even when <see cref="Unlikely"/> matches.</summary>
    [GeneratedRegex(@"and|article|body|column|content|main|shadow|story|post-?text|entry", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex MaybeContent();

    /// <summary>Cues that name the posts of a discussion (comments, replies): content on pages that declare one.</summary>
    [GeneratedRegex(@"comment|repl(y|ies)|remark", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex Post();

    /// <summary>Cues that raise a container's score.</summary>
    [GeneratedRegex(@"article|body|content|entry|hentry|h-entry|main|page|post|text|blog|story|prose|rich-?text", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex Positive();

    /// <summary>Cues that lower a container's score. "hidden" does not count in an accordion's class: its collapsed panels are
    /// content a click away, as hidden tab panels are.</summary>
    [GeneratedRegex(@"(^|[^a-z])(ads?|hid|(?<!accordion.*)hidden(?!.*accordion))([^a-z]|$)|banner|combx|comment|contact|footer|gdpr|masthead|media|meta|outbrain|promo(?!ted)|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|widget|caption|credit|byline|author|date|social|subscribe|newsletter|nav|menu", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex Negative();

    /// <summary>Headings of recommendation and cross-sell sections (<see cref="CrossSellSections"/>).</summary>
    [GeneratedRegex(@"you (may|might|will|'ll) (also )?(like|love|enjoy)|(similar|related|recommended|suggested|sponsored) (items|products|listings)|customers (who|also)|(also|frequently) (bought|viewed|purchased)|recently viewed|more from this (seller|shop|store)|seller's other items|complete the look|pairs well with|goes well with|related to this item|compare with similar|similar brands|recommended for you", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex CrossSellHeading();

    /// <summary>Inline styles that take an element off the page (<c>visibility:hidden</c> does not: scroll-reveal effects start
    /// content with it).</summary>
    [GeneratedRegex(@"display\s*:\s*none", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex HiddenStyle();

    /// <summary>ARIA roles of page chrome.</summary>
    [GeneratedRegex(@"^\s*(navigation|banner|contentinfo|complementary|menu|menubar|dialog|alert|alertdialog|search|tooltip)\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex ChromeRole();

    /// <summary>A BCP-47-like language tag after normalisation (<c>en</c>, <c>pt-br</c>, <c>zh-hant-tw</c>).</summary>
    [GeneratedRegex(@"^[a-z]{2,3}(-[a-z0-9]{2,8})*$", RegexOptions.CultureInvariant)]
    public static partial Regex LanguageTag();
}
