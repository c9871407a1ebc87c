using CurationPipeline.Documents;
using CurationPipeline.Extraction;
using CurationPipeline.Pipelines.Graph;
using CurationPipeline.Pipelines.Stages;
using CurationPipeline.Storage;
using CurationPipeline.Tests.Documents;
using CurationPipeline.Tests.Extraction;
using CurationPipeline.Warc;

namespace CurationPipeline.Tests.Pipelines.Stages;

public sealed class ExtractStageTests
{
    /// <summary>
    /// Read pages hold their HTML in pooled chars; the stage must return them after extraction, never before (the pool poisons
    /// returned arrays, so an early return changes the text) and never twice (the pool throws).
    /// </summary>
    [Fact]
    public async Task Process_PooledHtml_ReturnsCharsOnceAfterExtraction()
    {
        var extractor = new MainContentExtractor(new ExtractionOptions());
        var stage = new ExtractStage(extractor);
        var pool = new CheckingCharPool();
        var source = new WarcDocumentSource(new WarcReaderOptions(), pool);
        int pages = 0;
        await foreach (SourceItem item in source.ReadAsync(LocalStorage.Instance, WarcPages.Quickstart, TestContext.Current.CancellationToken))
        {
            if (item.Document is not { Kind: ContentKind.Html } page)
            {
                continue;
            }

            pages++;
            Assert.True(page.Content.IsPooled);
            ExtractionResult expected = extractor.Extract(page.Content.ToString(), page.Url);

            PipelineItem result = stage.Process(new PipelineItem { Raw = page });

            Assert.Equal(0, pool.Outstanding);
            Assert.Throws<ObjectDisposedException>(() => page.Content.Memory);
            Assert.Equal(expected.Succeeded ? null : expected.Reason, result.Rejection?.Reason);
            Assert.Equal(expected.Succeeded ? expected.Text : null, result.Annotated?.Text);
            Assert.DoesNotContain(CheckingCharPool.Poison, result.Annotated?.Text ?? "");
        }

        Assert.True(pages >= 10, $"{pages} HTML pages");
        Assert.Equal(pages, pool.Rented);
    }

    [Fact]
    public void Process_TextDocument_KeepsTheStringAndRejectsBlankText()
    {
        var stage = new ExtractStage(new MainContentExtractor(new ExtractionOptions()));
        string text = "A plain text document.";
        RawDocument raw = new() { Id = "t", Kind = ContentKind.Text, Content = text, SourcePath = "in.jsonl" };

        PipelineItem kept = stage.Process(new PipelineItem { Raw = raw });
        PipelineItem blank = stage.Process(new PipelineItem { Raw = raw with { Content = " \n\t" } });

        Assert.Same(text, kept.Annotated!.Text);
        Assert.Equal(ExtractionReasons.Empty, blank.Rejection!.Reason);
    }
}
