using System.Globalization;
using System.Text.Json;
using CurationPipeline.Storage;
using TorchSharp;
using static TorchSharp.torch;

namespace CurationPipeline.Training.Loop.Internal;

/// <summary>Checkpoints of one run directory: <c>ckpt-{step:D8}.bin</c> = magic, state JSON, model tensors, optimizer state.
/// Each file is published atomically (temporary name, then rename); only the newest <c>keep</c> are kept.</summary>
internal sealed class CheckpointStore(IStorage storage, string directory, int keep)
{
    private const string Magic = "curate-train-checkpoint-v1";

    public string? Latest
    {
        get
        {
            IReadOnlyList<string> all = List();
            return all.Count == 0 ? null : all[^1];
        }
    }

    public async Task<string> SaveAsync(CheckpointState state, nn.Module model, TorchSharp.Modules.AdamW optimizer, CancellationToken cancellationToken)
    {
        string path = storage.Combine(directory, "ckpt-" + state.Step.ToString("D8", CultureInfo.InvariantCulture) + ".bin");
        await using (AtomicWrite write = storage.CreateAtomic(path))
        {
            using (var writer = new BinaryWriter(write.Stream, System.Text.Encoding.UTF8, leaveOpen: true))
            {
                writer.Write(Magic);
                writer.Write(JsonSerializer.Serialize(state));
                model.save(writer);
                optimizer.save_state_dict(writer);
            }

            await write.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        IReadOnlyList<string> all = List();
        for (int i = 0; i < all.Count - keep; i++)
        {
            storage.Delete(all[i]);
        }

        return path;
    }

    public CheckpointState Load(string path, nn.Module model, TorchSharp.Modules.AdamW optimizer)
    {
        using Stream stream = storage.OpenRead(path);
        using var reader = new BinaryReader(stream, System.Text.Encoding.UTF8);
        if (reader.ReadString() != Magic)
        {
            throw new InvalidDataException($"'{path}' is not a training checkpoint.");
        }

        CheckpointState state = JsonSerializer.Deserialize<CheckpointState>(reader.ReadString())
            ?? throw new InvalidDataException($"'{path}' has an empty state.");
        model.load(reader);
        optimizer.load_state_dict(reader);
        return state;
    }

    private IReadOnlyList<string> List()
    {
        var files = new List<string>();
        foreach (string file in storage.List(storage.Combine(directory, "ckpt-*.bin")))
        {
            files.Add(file);
        }

        files.Sort(StringComparer.Ordinal);
        return files;
    }
}
