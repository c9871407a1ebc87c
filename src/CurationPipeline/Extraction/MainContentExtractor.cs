using System.Diagnostics.CodeAnalysis;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using CurationPipeline.Extraction.Internal;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CurationPipeline.Extraction;

/// <summary>Extracts the main text (article body) of an HTML page, Readability-style, with AngleSharp.</summary>
/// <remarks>
/// Thread-safe: one instance may be shared by all worker threads; each call parses into its own DOM.
/// <c>Extract</c> never throws for any input: limits, timeouts and parser failures come back as
/// <see cref="ExtractionReasons"/> codes. Every limit that decides a page's outcome is a count, never a clock, so a page gets the same
/// result on any machine under any load: a scan of the tags bounds the parser's work before it starts
/// (<see cref="ExtractionOptions.MaxNestingWork"/>), and the extractor's walks have a step budget per DOM node. The wall-clock
/// <see cref="ExtractionOptions.Timeout"/> is only a backstop for parser cases the scan does not foresee.
/// </remarks>
public sealed class MainContentExtractor
{
    /// <summary>An attempt that yields fewer chars than this, and less than <see cref="RetryBelowShare"/> of the page's text,
    /// is retried with relaxed heuristics (the longest attempt wins).</summary>
    private const int RetryBelowChars = 250;

    /// <summary>See <see cref="RetryBelowChars"/>.</summary>
    private const double RetryBelowShare = 0.25;

    /// <summary>Main text shorter than this (chars) is retried with the hidden elements put back: pages rendered on the server but
    /// revealed by a script (streamed React chunks, bodies hidden until hydration) keep all their text in hidden elements. The retry
    /// also runs when the streamed chunks alone hold more text than the main text (a shell's author box or teaser chosen while the
    /// article waits in the chunks).</summary>
    private const int RevealBelowChars = 250;

    /// <summary>Below this <see cref="ExtractionResult.Confidence"/> the more inclusive <see cref="SelectionFlags.Inclusive"/> strategy is
    /// also tried (rs-trafilatura falls back below 0.80 of its own score; 0.4 on this scale was the best trade on WCXB dev that kept
    /// Scrapinghub at 0.975). A result under <see cref="ExtractionOptions.MinLowConfidenceWords"/> words below it is page chrome.</summary>
    private const double FallbackBelowConfidence = 0.4;

    /// <summary>The fallback replaces the first result only when its confidence is higher by at least this much.</summary>
    private const double FallbackMinGain = 0.1;

    /// <summary>Comments and the attributes the extractor never reads are not built into the DOM: attributes are most of a page's
    /// nodes by count, and skipping them made parsing about a fifth faster. Raw text stays: pages put code in <c>&lt;xmp&gt;</c>.</summary>
    private static readonly HtmlParserOptions s_parserOptions = new()
    {
        IsScripting = false,
        IsKeepingSourceReferences = false,
        SkipComments = true,
        DisableElementPositionTracking = true,
        ShouldEmitAttribute = ReadAttributes.ShouldEmit,
    };

    private readonly ExtractionOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    /// <summary>Creates an extractor.</summary>
    /// <param name="options">Limits; copied, and validated here.</param>
    /// <param name="timeProvider">Clock for the parse backstop (<see cref="ExtractionOptions.Timeout"/>); <see cref="TimeProvider.System"/> when <c>null</c>.</param>
    /// <param name="logger">Receives Debug messages for failed pages; none when <c>null</c>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <c>null</c>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public MainContentExtractor(ExtractionOptions options, TimeProvider? timeProvider = null, ILogger<MainContentExtractor>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options with { };
        _time = timeProvider ?? TimeProvider.System;
        _logger = logger ?? NullLogger<MainContentExtractor>.Instance;
    }

    /// <summary>Extracts the title, main text and declared language of one page.</summary>
    /// <param name="html">The decoded HTML.</param>
    /// <param name="url">The page URL, used in log messages and for the page kind its path names (<see cref="UrlPageKinds"/>).</param>
    /// <returns>A successful result, or one with <see cref="ExtractionResult.Reason"/> set; never <c>null</c>.</returns>
    public ExtractionResult Extract(string html, string? url = null) => Extract(html.AsMemory(), url);

    /// <summary>Extracts the title, main text and declared language of one page held in memory (a pooled buffer: it is parsed
    /// in place, not copied).</summary>
    /// <param name="html">The decoded HTML; read only during this call, so its owner may reuse it once the call returns.</param>
    /// <param name="url">The page URL, used in log messages and for the page kind its path names (<see cref="UrlPageKinds"/>).</param>
    /// <returns>A successful result, or one with <see cref="ExtractionResult.Reason"/> set; never <c>null</c>. It holds no
    /// reference to <paramref name="html"/>.</returns>
    public ExtractionResult Extract(ReadOnlyMemory<char> html, string? url = null) => Extract(html, url, candidates: null);

    /// <summary>Extracts one page and also records every strategy's text and the page's features (to fit <see cref="StrategyChoice"/>).</summary>
    internal ExtractionResult Extract(ReadOnlyMemory<char> html, string? url, StrategyCandidates? candidates)
    {
        if (html.IsEmpty)
        {
            return ExtractionResult.Failed(ExtractionReasons.Empty, "input is empty");
        }

        if (html.Length > _options.MaxHtmlChars)
        {
            return ExtractionResult.Failed(ExtractionReasons.TooLarge, $"{html.Length} chars > {_options.MaxHtmlChars}");
        }

        html = NoscriptRawText.Repair(html);
        long nestingWork = TagNestingScan.NestingWork(html.Span, _options.MaxNestingWork);
        if (nestingWork > _options.MaxNestingWork)
        {
            return ExtractionResult.Failed(ExtractionReasons.TooDeep, $"tag nesting work over {_options.MaxNestingWork}");
        }

        if (!TryParse(html, url, out IDocument? document, out ExtractionResult? failure))
        {
            return failure;
        }

        using (document)
        {
            try
            {
                return ExtractParsed(document, url, candidates);
            }
            catch (ExtractionBudgetExceededException ex)
            {
                Log.ExtractionFailed(_logger, ExtractionReasons.TooComplex, url, ex);
                return ExtractionResult.Failed(ExtractionReasons.TooComplex, ex.Message);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                Log.ExtractionFailed(_logger, ExtractionReasons.Error, url, ex);
                return ExtractionResult.Failed(ExtractionReasons.Error, ex.GetType().Name + ": " + ex.Message);
            }
        }
    }

    /// <summary>Parses within the wall-clock backstop; on failure returns <c>false</c> with the failed result.</summary>
    private bool TryParse(ReadOnlyMemory<char> html, string? url, [NotNullWhen(true)] out IDocument? document, [NotNullWhen(false)] out ExtractionResult? failure)
    {
        document = null;
        failure = null;
        using (var parseBudget = new CancellationTokenSource(_options.Timeout, _time))
        {
            // AngleSharp parses in-memory text synchronously; the Task form is used because it checks the backstop's token
            // between tokens.
            Task<IDocument> parsing;
            try
            {
                var parser = new HtmlParser(s_parserOptions);
                parsing = ((IHtmlParser)parser).ParseDocumentAsync(UnparsedDocument.Create(parser, html), parseBudget.Token);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                Log.ExtractionFailed(_logger, ExtractionReasons.ParseError, url, ex);
                failure = ExtractionResult.Failed(ExtractionReasons.ParseError, ex.GetType().Name + ": " + ex.Message);
                return false;
            }

            if (parsing.IsCanceled)
            {
                failure = ExtractionResult.Failed(ExtractionReasons.Timeout, $"parsing ran past the {_options.Timeout.TotalMilliseconds:F0} ms budget");
                return false;
            }

            if (parsing.Exception is { } error)
            {
                Exception inner = error.InnerException ?? error;
                Log.ExtractionFailed(_logger, ExtractionReasons.ParseError, url, inner);
                failure = ExtractionResult.Failed(ExtractionReasons.ParseError, inner.GetType().Name + ": " + inner.Message);
                return false;
            }

            if (!parsing.IsCompletedSuccessfully)
            {
                failure = ExtractionResult.Failed(ExtractionReasons.ParseError, "the parser did not complete synchronously");
                return false;
            }

            document = parsing.Result;
            return true;
        }
    }

    private ExtractionResult ExtractParsed(IDocument document, string? url, StrategyCandidates? candidates)
    {
        var scan = new DocumentScan(_options.MaxDomNodes);
        DomWalker.Walk(document, scan, ExtractionBudget.Unlimited);
        if (scan.OverLimit)
        {
            return ExtractionResult.Failed(ExtractionReasons.TooManyNodes, $"more than {_options.MaxDomNodes} nodes");
        }

        ExtractionBudget budget = ExtractionBudget.ForNodes(scan.Count);

        string title = PageMetadata.Title(document, scan);
        string? language = PageMetadata.Language(document, scan);
        var page = new PageDeclarations(
            PageMetadata.DeclaresArticle(scan), PageMetadata.DeclaresDiscussion(scan), PageMetadata.DeclaresProduct(scan),
            UrlPageKinds.Of(url ?? PageMetadata.DeclaredUrl(scan)));
        IElement? body = document.Body;
        string text = "";
        double confidence = 0;
        if (body is not null)
        {
            // The heading that repeats the title is dropped as the headline, which Title reports; a declared product's name stays
            // in the text: its specs and description refer to it (WCXB dev: tuning +0.0001, held-out +0.0004, product pages only).
            string headline = page.Product ? "" : title;
            var cleaner = new DomCleaner();
            DomWalker.Walk(body, cleaner, budget);
            CrossSellSections.Remove(body, cleaner.Headings, budget);
            (text, confidence) = BestAttempt(body, headline, page, _options.Format, budget, candidates);
            if ((text.Length < RevealBelowChars || text.Length < cleaner.HiddenChunkChars) && cleaner.RemovedHidden)
            {
                cleaner.RestoreHidden(budget);
                (string Text, double Confidence) revealed = BestAttempt(body, headline, page, _options.Format, budget, candidates);
                if (revealed.Text.Length > text.Length)
                {
                    (text, confidence) = revealed;
                }
            }
        }

        if (text.Length < _options.MinTextChars)
        {
            return NoMainText(title, language, $"{text.Length} chars of main text");
        }

        if (confidence < FallbackBelowConfidence && TextMeasure.CountWords(text, _options.MinLowConfidenceWords) < _options.MinLowConfidenceWords)
        {
            return NoMainText(title, language, $"under {_options.MinLowConfidenceWords} words of main text at confidence {confidence:0.00}: page chrome, no content block");
        }

        return new ExtractionResult { Succeeded = true, Title = title, Text = text, Language = language, Confidence = confidence };
    }

    private static ExtractionResult NoMainText(string title, string? language, string detail) => new()
    {
        Succeeded = false, Reason = ExtractionReasons.Empty, Title = title, Language = language, Detail = detail,
    };

    private static (string Text, double Confidence) BestAttempt(
        IElement body, string headline, PageDeclarations page, ExtractionFormat format, ExtractionBudget budget, StrategyCandidates? candidates)
    {
        AttemptResult best = default;
        AttemptResult first = default;
        var cues = new NameCueCache(page.Discussion);
        foreach (SelectionFlags flags in SelectionFlags.Attempts)
        {
            AttemptResult attempt = Attempt(body, headline, format, flags, cues, budget);
            if (first.Text is null)
            {
                first = attempt;
            }

            if (best.Text is null || attempt.Text.Length > best.Text.Length)
            {
                best = attempt;
            }

            if (best.Text.Length >= RetryBelowChars || best.Text.Length >= attempt.PageChars * RetryBelowShare)
            {
                break;
            }
        }

        int selectedChars = TextMeasure.NormalizedLength(best.Text);
        var features = new PageFeatures(
            page.Article, page.Product, page.UrlKind,
            Share: first.StrippedPageChars <= 0 ? 1 : (double)selectedChars / first.StrippedPageChars,
            best.Confidence, selectedChars, first.StrippedPageChars, best.PageLinkDensity,
            best.Rest.LinkDensity, best.Rest.GoodShare, best.Rest.SentenceEndsPerThousand);
        ExtractionStrategy strategy = StrategyChoice.Choose(features);
        string? wholeBody = strategy == ExtractionStrategy.WholeBody || candidates is not null
            ? Attempt(body, headline, format, SelectionFlags.WholeBody, cues, budget).Text
            : null;
        if (strategy == ExtractionStrategy.Selection || candidates is not null)
        {
            if (best.Confidence < FallbackBelowConfidence)
            {
                AttemptResult inclusive = Attempt(body, headline, format, SelectionFlags.Inclusive, cues, budget);
                if (inclusive.Confidence > best.Confidence + FallbackMinGain)
                {
                    best = inclusive;
                }
            }
        }

        if (candidates is not null)
        {
            candidates.Features = features;
            candidates.Chosen = strategy;
            candidates.Selection = best.Text;
            candidates.WholeBody = wholeBody!;
        }

        // A whole-body page keeps the selection's confidence: no dominant body was found, and the whole body covering every
        // paragraph says nothing about how much of it is main content.
        return strategy == ExtractionStrategy.WholeBody ? (wholeBody!, features.Confidence) : (best.Text, best.Confidence);
    }

    private static AttemptResult Attempt(
        IElement body, string headline, ExtractionFormat format, SelectionFlags flags, NameCueCache cues, ExtractionBudget budget)
    {
        DomAnalyzer analysis = DomAnalyzer.Analyze(body, cues, budget);
        int pageChars = analysis.All[0].TextLength;
        List<NodeInfo> roots = ContentSelector.Select(analysis, flags, budget, out int pageGoodText, out int strippedPageChars);
        TitleHeadings.Remove(analysis.All, roots, headline, budget);
        var writer = new BlockTextWriter(analysis.ByElement, format);
        NodeInfo page = analysis.All[0];
        var rest = PageRest.Of(page);
        foreach (NodeInfo root in roots)
        {
            writer.Write(root, budget);
            if (root != page)
            {
                rest = rest.Without(root);
            }
        }

        string text = writer.ToString();
        return new AttemptResult(
            text, ExtractionConfidence.Estimate(text, pageGoodText), pageChars, strippedPageChars, page.LinkDensity, rest);
    }

    /// <summary>One selection attempt's text and confidence, with the page's text before and after the attempt's stripping (chars)
    /// and the link density of what is left of it after the attempt's stripping and cleaning, and the text the selection left out.</summary>
    private readonly record struct AttemptResult(
        string Text, double Confidence, int PageChars, int StrippedPageChars, double PageLinkDensity, PageRest Rest);

    /// <summary>What a page says about itself: declared article, discussion and product, and the kind its URL path names.</summary>
    private readonly record struct PageDeclarations(bool Article, bool Discussion, bool Product, UrlPageKind UrlKind);
}
