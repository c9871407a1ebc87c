namespace CurationPipeline.Pipelines.Layout;

/// <summary>
/// The output directory's tag pass was started with another configuration (inputs, extraction, classifiers, filters, tokenizer,
/// signatures or shard sizes, or the content of a model or list file): resuming it would mix two configurations' shards, or skip
/// work the new one asks for. A configuration error: nothing was written.
/// </summary>
public sealed class ConfigurationChangedException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="outputDirectory">The output directory.</param>
    /// <param name="record">The file that records the configuration the pass started with.</param>
    /// <param name="changed">The top-level sections that differ (<c>inputs</c>, <c>classifiers</c>, …).</param>
    public ConfigurationChangedException(string outputDirectory, string record, IReadOnlyList<string> changed)
        : base($"'{outputDirectory}' was tagged with another configuration: {string.Join(", ", changed)} differ from {record}. "
            + "Resume it with the configuration it was started with, or use a new output directory.")
    {
        OutputDirectory = outputDirectory;
        Changed = changed;
    }

    /// <summary>The output directory.</summary>
    public string OutputDirectory { get; }

    /// <summary>The top-level sections of the record that differ.</summary>
    public IReadOnlyList<string> Changed { get; }
}
