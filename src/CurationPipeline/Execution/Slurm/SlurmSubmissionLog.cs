using System.Text.Json;

namespace CurationPipeline.Execution.Slurm;

/// <summary>Reads and appends <c>slurm/submissions.json</c>: every submission of a run, oldest first.</summary>
public static class SlurmSubmissionLog
{
    private static readonly JsonSerializerOptions s_json = new() { WriteIndented = true };

    /// <summary>The submissions recorded in <paramref name="outputDirectory"/>, oldest first; empty when it was never submitted to Slurm.</summary>
    /// <exception cref="JsonException">The record is damaged.</exception>
    public static IReadOnlyList<SlurmSubmission> Read(string outputDirectory)
    {
        string path = PathOf(outputDirectory);
        if (!File.Exists(path))
        {
            return [];
        }

        using FileStream stream = File.OpenRead(path);
        return JsonSerializer.Deserialize<List<SlurmSubmission>>(stream, s_json) ?? throw new JsonException($"{path} holds no submissions.");
    }

    /// <summary>Adds <paramref name="submission"/> to the record (rewritten whole, through a temporary file).</summary>
    public static async Task AppendAsync(string outputDirectory, SlurmSubmission submission, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(submission);
        List<SlurmSubmission> all = [.. Read(outputDirectory), submission];
        string path = PathOf(outputDirectory);
        string temporary = path + ".tmp";
        await using (FileStream stream = File.Create(temporary))
        {
            await JsonSerializer.SerializeAsync(stream, all, s_json, cancellationToken).ConfigureAwait(false);
        }

        File.Move(temporary, path, overwrite: true);
    }

    private static string PathOf(string outputDirectory) => Path.Combine(SlurmLayout.FolderOf(outputDirectory), SlurmLayout.Submissions);
}
