namespace CurationPipeline.Mixing;

/// <summary>The mix configuration does not fit the tagged data: a column it names is missing, or a column has the wrong type.</summary>
public sealed class MixConfigException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong, naming the column and the shard.</param>
    public MixConfigException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public MixConfigException()
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong.</param>
    /// <param name="innerException">The cause.</param>
    public MixConfigException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
