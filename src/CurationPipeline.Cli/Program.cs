using System.CommandLine;
using CurationPipeline.Cli.Commands;

var root = new RootCommand("curate: turn web crawls into tokenized, filtered, deduplicated training data.")
{
    RunCommand.Create(),
    ExtractionCommands.CreateExtractCommand(),
    ExtractionCommands.CreateEvalCommand(),
};

return await root.Parse(args).InvokeAsync();
