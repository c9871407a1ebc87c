using CurationPipeline.Classifiers;
using CurationPipeline.Dedup;
using CurationPipeline.Documents;
using CurationPipeline.Extraction;
using CurationPipeline.Filters.Pii;
using CurationPipeline.Inputs;
using CurationPipeline.Mixing;
using CurationPipeline.Outputs.Internal;
using CurationPipeline.Pipelines.Configuration;
using CurationPipeline.Pipelines.Graph;
using CurationPipeline.Pipelines.Stages;
using CurationPipeline.Storage;
using CurationPipeline.Tokenization;
using CurationPipeline.Warc;
using Microsoft.Extensions.Logging;

namespace CurationPipeline.Pipelines.Passes;

/// <summary>Builds the tag pass of a pipeline file: its input readers, its stages in order, and its Parquet sink.</summary>
public static class TagPipelineFactory
{
    /// <summary>
    /// Creates a runner for <paramref name="options"/>; loads the tokenizer once and shares it between tasks. Model, tokenizer,
    /// word-list and mix files on remote storage are copied to local scratch first (<see cref="LocalCopy"/>).
    /// </summary>
    /// <exception cref="ArgumentException">A stage cannot be created from its options (e.g. an unknown tokenizer).</exception>
    /// <exception cref="FileNotFoundException">A file an option names does not exist.</exception>
    /// <exception cref="MixConfigException">The pipeline's mix names a column the run does not write.</exception>
    public static PipelineRunner CreateRunner(PipelineOptions options, IStorage storage, ILoggerFactory loggerFactory)
    {
        options = WithLocalFiles(options, storage);
        TextTokenizer tokenizer = TokenizerFactory.Create(options.Tokenize);
        var sources = new DocumentSourceRegistry()
            .Add(WarcDocumentSource.CanRead, new WarcDocumentSource(options.Read), "WARC, ARC, WET, WAT (.warc, .arc, .wet, .wat, .warc.txt, each also .gz)")
            .Add(JsonLinesDocumentSource.CanRead, new JsonLinesDocumentSource(options.JsonLines), "JSON Lines (.jsonl, .ndjson, .json, each also .gz)")
            .Add(ParquetDocumentSource.CanRead, new ParquetDocumentSource(), "Parquet (.parquet)");
        var extract = new ExtractStage(new MainContentExtractor(options.Extract));
        var stages = new List<IPipelineStage> { extract };
        SignalSchema signals = extract.Schema;
        IDocumentClassifier[] classifiers = [.. options.Classifiers.Select(ClassifierLoader.Load)];
        if (options.Classifiers.Count + options.OnnxClassifiers.Count > 0)
        {
            var classify = new ClassifyStage([.. classifiers, .. options.OnnxClassifiers.Select(OnnxSequenceClassifier.Create)], signals, options.QualityBuckets);
            signals = classify.Schema;
            stages.Add(classify);
        }

        if (options.Filters.Count > 0 || options.Pii is not null)
        {
            var filter = new FilterStage(options.Filters.Select(f => f.Create()).ToArray(), options.Pii is null ? null : new PiiRedactor(options.Pii), signals);
            signals = filter.Schema;
            stages.Add(filter);
        }

        stages.Add(new TokenizeStage(tokenizer));
        DedupOptions? dedup = options.Dedup.Enabled ? options.Dedup : null;
        if (dedup is not null)
        {
            stages.Add(new SignStage(new DocumentSigner(dedup.Minhash), (ushort)dedup.Priority, dedup.Paragraphs.Enabled ? dedup.Paragraphs : null));
        }

        SemanticPass? semantic = options.Semantic.Enabled ? new SemanticPass(storage, options.Semantic, loggerFactory, afterMinHash: options.Dedup.Enabled) : null;
        semantic?.CheckQualityColumn(signals);
        semantic?.CheckReplacedColumns(classifiers);
        MixOptions? mix = options.Mix is null ? null : MixConfigLoader.Load(options.Mix);
        if (mix is not null)
        {
            // The annotated schema is known now: a mix column the run will not write fails before the tag pass starts.
            MixColumnValidator.Validate(mix, [.. AnnotatedLayout.FixedColumns, .. signals.Columns.Select(c => c.Name), .. semantic?.HeadNames ?? []],
                $"pipeline '{options.Name}' (mix: {options.Mix})");
        }

        ILogger logger = loggerFactory.CreateLogger(typeof(PipelineRunner));
        return new PipelineRunner(
            storage,
            sources,
            stages,
            (task, outputDirectory) => new TagSink(storage, outputDirectory, task, tokenizer, options.Outputs, signals, dedup),
            logger,
            dedup is null ? null : new DedupPass(storage, dedup, logger, tokenizer),
            mix is null ? null : (new Mixer(storage, loggerFactory.CreateLogger<Mixer>()), mix),
            semantic,
            PassConfigRecord.ForTag(options));
    }

    /// <summary>The options with every file or folder a stage opens from disk made local (remote ones copied; inputs and output stay where they are).</summary>
    private static PipelineOptions WithLocalFiles(PipelineOptions options, IStorage storage)
    {
        string? Local(string? path) => string.IsNullOrEmpty(path) ? path : LocalCopy.Of(storage, path);
        return options with
        {
            Mix = Local(options.Mix),
            Classifiers = [.. options.Classifiers.Select(c => Local(c)!)],
            OnnxClassifiers = [.. options.OnnxClassifiers.Select(o => o with { ModelPath = Local(o.ModelPath)!, TokenizerDirectory = Local(o.TokenizerDirectory) })],
            Tokenize = options.Tokenize with
            {
                Path = Local(options.Tokenize.Path),
                Name = RoutingStorage.IsRemote(options.Tokenize.Name) ? Local(options.Tokenize.Name)! : options.Tokenize.Name,
            },
            Filters = [.. options.Filters.Select(f => f.ResolvePaths(Local))],
            Semantic = options.Semantic with
            {
                Heads = [.. options.Semantic.Heads.Select(h => Local(h)!)],
                Embedding = options.Semantic.Embedding with { ModelDirectory = Local(options.Semantic.Embedding.ModelDirectory) },
            },
        };
    }
}
