return await CurationPipeline.Cli.CurateCommand.Create().Parse(args).InvokeAsync();
