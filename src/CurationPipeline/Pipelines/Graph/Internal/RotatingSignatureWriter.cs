using CurationPipeline.Dedup;
using CurationPipeline.Pipelines.Configuration;
using CurationPipeline.Storage;

namespace CurationPipeline.Pipelines.Graph.Internal;

/// <summary>Writes a task's signatures as files of at most N documents, so their memory stays bounded.</summary>
internal sealed class RotatingSignatureWriter
{
    private readonly IStorage _storage;
    private readonly string _directory;
    private readonly PipelineTask _task;
    private readonly DedupOptions _options;
    private readonly List<string> _committed = [];
    private SignatureFileWriter _current;

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
        string path = _storage.Combine(_directory, $"{_task.Stem}-{_committed.Count:D5}{SignatureFileWriter.FileExtension}");
        await _current.WriteAsync(_storage, path, cancellationToken).ConfigureAwait(false);
        _committed.Add(path);
        _current = NewWriter();
    }

    private SignatureFileWriter NewWriter() =>
        new(_options.Minhash, _task.Rank, includeSketches: _options.Cluster.JaccardThreshold is not null);
}
