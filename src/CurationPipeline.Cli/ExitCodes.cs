namespace CurationPipeline.Cli;

/// <summary>Process exit codes of <c>curate</c>.</summary>
internal static class ExitCodes
{
    public const int Success = 0;

    /// <summary>The pipeline file or the arguments are invalid; nothing ran.</summary>
    public const int InvalidConfiguration = 1;

    /// <summary>The run started and failed beyond single documents.</summary>
    public const int RunFailed = 2;

    /// <summary><c>curate status</c>: some task of the run failed.</summary>
    public const int TasksFailed = 3;

    /// <summary>Ctrl+C: the run stopped cleanly, leaving only complete shards.</summary>
    public const int Cancelled = 130;
}
