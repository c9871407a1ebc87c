using Azure;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using CurationPipeline.Storage.Azure.Internal;
using CurationPipeline.Storage.Internal;

namespace CurationPipeline.Storage.Azure;

/// <summary>
/// A blob written atomically: blocks are staged while the stream is written (uncommitted blocks are invisible to every reader and
/// listing), and <see cref="CommitAsync"/> commits the block list, which makes the whole blob appear at once. A create-once
/// write commits with <c>If-None-Match: *</c>, so it fails when the blob exists, whoever created it meanwhile.
/// </summary>
/// <remarks>
/// Disposing without commit leaves only uncommitted blocks, which the service discards (after a week at most); no temporary
/// blob is ever visible, so nothing needs cleaning up after a killed writer.
/// </remarks>
public sealed class BlobAtomicWrite : AtomicWrite
{
    private readonly BlockBlobClient _blob;
    private readonly AzureBlobPath _path;
    private readonly bool _createOnly;
    private readonly BlockUploadStream _stream;
    private bool _done;

    internal BlobAtomicWrite(BlockBlobClient blob, AzureBlobPath path, bool createOnly, AzureBlobStorageOptions options, AzureStorageStats stats)
    {
        _blob = blob;
        _path = path;
        _createOnly = createOnly;
        _stream = new BlockUploadStream(blob, path, options, stats);
    }

    /// <inheritdoc/>
    public override string Path => _path.ToString();

    /// <inheritdoc/>
    /// <remarks>Seekable only within the first block (to rewrite a header) and to the end.</remarks>
    public override Stream Stream => _stream;

    /// <inheritdoc/>
    /// <exception cref="StorageFileExistsException">A create-once write found the blob already there.</exception>
    public override async ValueTask CommitAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_done, this);
        IReadOnlyList<string> blocks = await _stream.CompleteAsync(cancellationToken).ConfigureAwait(false);
        CommitKillPoint.BeforeCommit(Path);
        var options = new CommitBlockListOptions
        {
            Conditions = _createOnly ? new BlobRequestConditions { IfNoneMatch = ETag.All } : null,
        };
        try
        {
            await _blob.CommitBlockListAsync(blocks, options, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (_createOnly && e.Status is 409 or 412)
        {
            throw new StorageFileExistsException(Path, e);
        }
        catch (Exception e) when (BlobErrors.IsStorageFailure(e))
        {
            throw BlobErrors.Translate(e, _path, "committing");
        }

        _done = true;
        CommitKillPoint.AfterCommit(Path);
    }

    /// <inheritdoc/>
    public override async ValueTask DisposeAsync()
    {
        if (!_done)
        {
            _done = true;
            await _stream.AbandonAsync().ConfigureAwait(false);
        }
    }
}
