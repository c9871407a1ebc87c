using System.Runtime.CompilerServices;
using CurationPipeline.Documents;
using CurationPipeline.Pipelines;
using CurationPipeline.Pipelines.Configuration;
using CurationPipeline.Pipelines.Graph;
using CurationPipeline.Pipelines.Stats;
using CurationPipeline.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace CurationPipeline.Tests.Pipelines;

public sealed class TagPassTests
{
    [Fact]
    public async Task RunAsync_MixedItems_EveryStageAddsUpAndSinkSeesEverything()
    {
        var sink = new CollectingSink();
        var stats = new PipelineStats();
        TagPass pass = NewPass(new NumberedSource(200), [new EveryNthStage("even", 2, failEvery: 0), new EveryNthStage("third", 3, failEvery: 7)]);

        await pass.RunAsync(Files("a.fake", "b.fake"), sink, stats, TestContext.Current.CancellationToken);

        Assert.True(sink.Completed);
        Assert.Equal(400, sink.Items.Count);
        StatsReport report = stats.ToReport(1, ["tag/0/1"]);
        Assert.All(report.Stages, s => Assert.True(s.AddsUp, $"{s.Name}: {s.In} != {s.Out}+{s.DroppedTotal}+{s.ErrorsTotal}"));
        StageStatsSnapshot read = report.Stages.Single(s => s.Name == TagPass.ReadStage);
        Assert.Equal(400, read.In);
        Assert.Equal(40, read.Errors["fake.damaged"]); // every 10th record of each file
        Assert.Equal(2, stats.FilesDone);
        StageStatsSnapshot third = report.Stages.Single(s => s.Name == "third");
        Assert.True(third.Errors["third.exception"] > 0);
        StageStatsSnapshot write = report.Stages.Single(s => s.Name == TagPass.WriteStage);
        Assert.Equal(third.Out, write.In);
        Assert.Equal(sink.Items.Count(i => i.Rejection is null), write.Out);
    }

    [Fact]
    public async Task RunAsync_SinkFails_FaultNamesWriteStageAndDoesNotHang()
    {
        var sink = new CollectingSink { FailAfter = 10 };
        TagPass pass = NewPass(new NumberedSource(100_000), [new EveryNthStage("s", 1_000_000, failEvery: 0)]);

        var e = await Assert.ThrowsAsync<PipelineStageException>(
            () => pass.RunAsync(Files("a.fake"), sink, new PipelineStats(), TestContext.Current.CancellationToken).WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken));

        Assert.Equal(TagPass.WriteStage, e.Stage);
        Assert.False(sink.Completed);
    }

    [Fact]
    public async Task RunAsync_Cancelled_ThrowsAndLeavesSinkUncompleted()
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var sink = new CollectingSink { OnWrite = n => { if (n == 50) { cts.Cancel(); } } };
        TagPass pass = NewPass(new NumberedSource(1_000_000), [new EveryNthStage("s", 1_000_000, failEvery: 0)]);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => pass.RunAsync(Files("a.fake"), sink, new PipelineStats(), cts.Token).WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken));

        Assert.False(sink.Completed);
    }

    [Fact]
    public async Task RunAsync_UnreadableFile_CountsFileFailureAndKeepsOtherFiles()
    {
        var sink = new CollectingSink();
        var stats = new PipelineStats();
        TagPass pass = NewPass(new NumberedSource(10, throwOn: "bad.fake"), []);

        await pass.RunAsync(Files("bad.fake", "good.fake"), sink, stats, TestContext.Current.CancellationToken);

        StageStatsSnapshot read = stats.ToReport(1, []).Stages.Single(s => s.Name == TagPass.ReadStage);
        Assert.Equal(1, read.Errors[PipelineReasons.FileFailed]);
        Assert.True(read.AddsUp);
        Assert.Equal(10 + 3 + 1, read.In); // good file: 10 records; bad file: 3 records, then the failure
        Assert.Equal(14, sink.Items.Count);
        Assert.Equal(1, stats.FilesDone);
    }

    [Fact]
    public async Task RunAsync_BatchStage_GetsLiveItemsInBatchesAndAFailingBatchCostsOnlyItsBadDocument()
    {
        var sink = new CollectingSink();
        var stats = new PipelineStats();
        var batched = new BatchRecordingStage(batchSize: 16, poison: 77);
        TagPass pass = NewPass(new NumberedSource(300), [new EveryNthStage("even", 2, failEvery: 0), batched]);

        await pass.RunAsync(Files("a.fake"), sink, stats, TestContext.Current.CancellationToken);

        Assert.Equal(300, sink.Items.Count);
        Assert.True(batched.Batches.Max() > 1 && batched.Batches.Max() <= 16, string.Join(",", batched.Batches));
        StageStatsSnapshot stage = stats.ToReport(1, []).Stages.Single(s => s.Name == batched.Name);
        Assert.True(stage.AddsUp);
        Assert.Equal(300 - 30 - 150, stage.In); // minus damaged records (numbers ending in 9) and even numbers
        Assert.Equal(1, stage.Errors["batch.exception"]); // document 77 only; the rest of its batch went through one by one
        Assert.Equal(stage.In - 1, sink.Items.Count(i => i.Rejection is null && i.Annotated?.Id == "batched"));
    }

    private static string[] Files(params string[] names)
    {
        string dir = TestData.NewTempDirectory();
        return names.Select(n => { string p = Path.Combine(dir, n); File.WriteAllText(p, ""); return p; }).ToArray();
    }

    private static TagPass NewPass(IDocumentSource source, IReadOnlyList<IPipelineStage> stages) =>
        new(LocalStorage.Instance,
            new DocumentSourceRegistry().Add(p => p.EndsWith(".fake", StringComparison.Ordinal), source, "fakes (.fake)"),
            stages,
            new ExecutionOptions { Workers = 2, BoundedCapacity = 8 },
            NullLogger.Instance,
            InputRoot.Of([]));

    /// <summary>Yields <c>count</c> text documents per file; every 10th record is a damaged-record error.</summary>
    private sealed class NumberedSource(int count, string? throwOn = null) : IDocumentSource
    {
        public async IAsyncEnumerable<SourceItem> ReadAsync(IStorage storage, string path, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            for (int i = 0; i < count; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (Path.GetFileName(path) == throwOn && i == 3)
                {
                    throw new IOException("disk gone");
                }

                yield return i % 10 == 9
                    ? SourceItem.Of(new Rejection($"{path}#{i}", null, TagPass.ReadStage, "fake.damaged", IsError: true))
                    : SourceItem.Of(new RawDocument { Id = $"{path}#{i}", Kind = ContentKind.Text, Content = $"doc {i}", SourcePath = path, SourceOffset = i });
                if (i % 64 == 0)
                {
                    await Task.Yield();
                }
            }
        }
    }

    /// <summary>Drops documents whose number is a multiple of <c>n</c>; throws on multiples of <c>failEvery</c>.</summary>
    private sealed class EveryNthStage(string name, int n, int failEvery) : IPipelineStage
    {
        public string Name => name;

        public PipelineItem Process(PipelineItem item)
        {
            int number = int.Parse(item.Raw!.Id.AsSpan(item.Raw.Id.IndexOf('#') + 1));
            if (failEvery > 0 && number % failEvery == 0)
            {
                throw new InvalidOperationException("boom");
            }

            return number % n == 0 ? item.Reject(name, $"{name}.multiple", isError: false) : item;
        }
    }

    /// <summary>Marks each document it sees; records its batch sizes; throws on a batch holding document <c>poison</c>.</summary>
    private sealed class BatchRecordingStage(int batchSize, int poison) : IBatchPipelineStage
    {
        public System.Collections.Concurrent.ConcurrentBag<int> Batches { get; } = [];

        public string Name => "batch";

        public StageResources Resources { get; } = new(BatchSize: batchSize);

        public PipelineItem Process(PipelineItem item) =>
            item.Raw!.Id.EndsWith($"#{poison}", StringComparison.Ordinal)
                ? throw new InvalidOperationException("poisoned")
                : item with { Annotated = new AnnotatedDocument { Id = "batched", Text = "", SourcePath = "" } };

        public void ProcessBatch(ReadOnlySpan<PipelineItem> items, Span<PipelineItem> results)
        {
            Batches.Add(items.Length);
            for (int i = 0; i < items.Length; i++)
            {
                Assert.Null(items[i].Rejection);
                results[i] = Process(items[i]);
            }
        }
    }

    private sealed class CollectingSink : ITagSink
    {
        public List<PipelineItem> Items { get; } = [];

        public int FailAfter { get; init; } = int.MaxValue;

        public Action<int>? OnWrite { get; init; }

        public bool Completed { get; private set; }

        public ValueTask WriteAsync(PipelineItem item, CancellationToken cancellationToken)
        {
            if (Items.Count >= FailAfter)
            {
                throw new IOException("disk full");
            }

            Items.Add(item);
            OnWrite?.Invoke(Items.Count);
            return ValueTask.CompletedTask;
        }

        public ValueTask<IReadOnlyList<string>> CompleteAsync(CancellationToken cancellationToken)
        {
            Completed = true;
            return ValueTask.FromResult<IReadOnlyList<string>>([]);
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
