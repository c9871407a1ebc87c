using System.CommandLine;

// Ctrl+C cancels the run's token; give the pipeline time to discard temporary files before the process is ended.
var invocation = new InvocationConfiguration { ProcessTerminationTimeout = TimeSpan.FromSeconds(30) };
return await CurationPipeline.Cli.CurateCommand.Create().Parse(args).InvokeAsync(invocation);
