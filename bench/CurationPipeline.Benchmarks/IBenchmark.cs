namespace CurationPipeline.Benchmarks;

/// <summary>A benchmark run on demand: <c>dotnet run -c Release --project bench/CurationPipeline.Benchmarks -- NAME [args]</c>.</summary>
internal interface IBenchmark
{
    /// <summary>The name used on the command line.</summary>
    string Name { get; }

    /// <summary>One line describing what is measured.</summary>
    string Description { get; }

    /// <summary>Runs the benchmark and prints its figures; returns the process exit code.</summary>
    Task<int> RunAsync(string[] args);
}
