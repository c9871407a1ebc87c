using System.CommandLine;
using CurationPipeline.Cli.Commands;

namespace CurationPipeline.Cli;

/// <summary>The <c>curate</c> root command with every subcommand.</summary>
public static class CurateCommand
{
    /// <summary>Builds the command tree.</summary>
    public static RootCommand Create() => new("curate: turn web crawls into tokenized, filtered, deduplicated training data.")
    {
        RunCommand.Create(),
        SlurmCommand.Create(),
        StatusCommand.Create(),
        ExtractionCommands.CreateExtractCommand(),
        ExtractionCommands.CreateEvalCommand(),
        ClassifiersCommand.Create(),
        MixCommand.Create(),
        TrainCommand.Create(),
        AblateCommand.Create(),
        ReportCommands.CreateReportCommand(),
        ReportCommands.CreateInspectCommand(),
        ReportCommands.CreateStatsCommand(),
    };
}
