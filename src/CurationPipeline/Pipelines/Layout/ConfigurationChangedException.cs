namespace CurationPipeline.Pipelines.Layout;

/// <summary>
/// A pass of the output directory was started with another configuration (for the tag pass: inputs, extraction, classifiers,
/// filters, tokenizer, signatures or shard sizes, or the content of a model or list file): resuming it would mix two
/// configurations' outputs, or skip work the new one asks for. A configuration error: nothing was written.
/// </summary>
public sealed class ConfigurationChangedException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="outputDirectory">The output directory.</param>
    /// <param name="pass">The pass (<c>tag</c>, <c>dedup</c>, <c>semdedup</c>).</param>
    /// <param name="record">The file that records the configuration the pass started with.</param>
    /// <param name="changed">The top-level sections that differ (<c>inputs</c>, <c>classifiers</c>, …).</param>
    public ConfigurationChangedException(string outputDirectory, string pass, string record, IReadOnlyList<string> changed)
        : base($"The {pass} pass of '{outputDirectory}' ran with another configuration: {string.Join(", ", changed)} differ from {record}. "
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
