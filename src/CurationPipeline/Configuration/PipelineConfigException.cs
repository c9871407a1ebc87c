namespace CurationPipeline.Configuration;

/// <summary>A pipeline file is invalid; the message names the file, line, column and key.</summary>
public sealed class PipelineConfigException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="path">The pipeline file.</param>
    /// <param name="line">1-based line, or 0 when unknown.</param>
    /// <param name="column">1-based column, or 0 when unknown.</param>
    /// <param name="message">What is wrong.</param>
    /// <param name="inner">The parser's or validator's exception.</param>
    public PipelineConfigException(string path, long line, long column, string message, Exception? inner = null)
        : base(line > 0 ? $"{path}:{line}:{column}: {message}" : $"{path}: {message}", inner)
    {
        Path = path;
        Line = line;
        Column = column;
    }

    /// <summary>The pipeline file.</summary>
    public string Path { get; }

    /// <summary>1-based line of the offending key or value, or 0 when unknown.</summary>
    public long Line { get; }

    /// <summary>1-based column, or 0 when unknown.</summary>
    public long Column { get; }
}
