namespace CurationPipeline.Pipelines.Configuration;

/// <summary>The <c>input:</c> section: which files the tag pass reads.</summary>
/// <remarks>Defaults: no paths (the pipeline or <c>--input</c> must name some).</remarks>
public sealed record InputOptions
{
    /// <summary>Files, directories or globs of WARC, WET, ARC, JSON Lines or Parquet files; relative paths resolve against the pipeline file's folder.</summary>
    public IReadOnlyList<string> Paths { get; init; } = [];

    /// <summary>Checks the values.</summary>
    /// <exception cref="ArgumentException">A path is empty.</exception>
    public void Validate()
    {
        foreach (string path in Paths)
        {
            if (string.IsNullOrWhiteSpace(path))
            {
                throw new ArgumentException("An input path is empty.", nameof(Paths));
            }
        }
    }
}
