using CurationPipeline.Dedup;
using CurationPipeline.Dedup.Internal;
using CurationPipeline.Pipelines.Configuration;
using CurationPipeline.Storage;

namespace CurationPipeline.Pipelines.Graph.Internal;

/// <summary>
/// Writes a task's signatures as files of at most N documents, so their memory stays bounded; with paragraph dedup, each
/// signature file gets a paragraph hash file of the same documents beside it.
/// </summary>
internal sealed class RotatingSignatureWriter
{
    private readonly IStorage _storage;
    private readonly string _directory;
    private readonly PipelineTask _task;
    private readonly DedupOptions _options;
    private readonly List<string> _committed = [];
    private readonly List<ParagraphHashes> _paragraphs = [];
    private SignatureFileWriter _current;
    private int _files;

    public RotatingSignatureWriter(IStorage storage, string directory, PipelineTask task, DedupOptions options)
    {
        _storage = storage;
        _directory = directory;
        _task = task;
        _options = options;
        _current = NewWriter();
    }

    public async ValueTask AddAsync(DocumentSignature signature, CancellationToken cancellationToken)
    {
        _current.Add(signature);
        if (_options.Paragraphs.Enabled)
        {
            _paragraphs.Add(new ParagraphHashes(signature.Id, signature.SourcePath, signature.SourceOffset, [.. signature.ParagraphHashes]));
        }

        if (_current.Count >= _options.SignaturesPerFile)
        {
            await FlushAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public async ValueTask<IReadOnlyList<string>> CompleteAsync(CancellationToken cancellationToken)
    {
        if (_current.Count > 0)
        {
            await FlushAsync(cancellationToken).ConfigureAwait(false);
        }

        return _committed;
    }

    private async ValueTask FlushAsync(CancellationToken cancellationToken)
    {
        string stem = _storage.Combine(_directory, $"{_task.Stem}-{_files++:D5}");
        await _current.WriteAsync(_storage, stem + SignatureFileWriter.FileExtension, cancellationToken).ConfigureAwait(false);
        _committed.Add(stem + SignatureFileWriter.FileExtension);
        _current = NewWriter();
        if (_options.Paragraphs.Enabled)
        {
            await ParagraphHashFile.WriteAsync(_storage, stem + ParagraphHashFile.FileExtension, _paragraphs, cancellationToken).ConfigureAwait(false);
            _committed.Add(stem + ParagraphHashFile.FileExtension);
            _paragraphs.Clear();
        }
    }

    private SignatureFileWriter NewWriter() =>
        new(_options.Minhash, _task.Rank, includeSketches: _options.Cluster.JaccardThreshold is not null);
}
