namespace CurationPipeline.Pipelines.Layout;

/// <summary>
/// The output directory holds tasks of a pass split into another number of tasks: resuming it with this world size would skip
/// work (a marker of rank 0 of 2 is not rank 0 of 1) or mix in another split's shards. A configuration error: nothing was written.
/// </summary>
public sealed class WorldSizeMismatchException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="outputDirectory">The output directory.</param>
    /// <param name="evidence">The marker or shard that shows the other split, and what it says.</param>
    /// <param name="requested">The world size this run asks for.</param>
    public WorldSizeMismatchException(string outputDirectory, string evidence, int requested)
        : base($"'{outputDirectory}' holds tasks of another split ({evidence}); this run asks for world size {requested}. "
            + "Rerun with the world size it was started with (--world-size, execution.world_size), or use a new output directory.")
    {
        OutputDirectory = outputDirectory;
        Requested = requested;
    }

    /// <summary>The output directory.</summary>
    public string OutputDirectory { get; }

    /// <summary>The world size this run asked for.</summary>
    public int Requested { get; }
}
