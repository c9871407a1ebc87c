using CurationPipeline.Benchmarks;

// Every IBenchmark in this assembly is a named sub-command.
IBenchmark[] benchmarks = typeof(IBenchmark).Assembly.GetTypes()
    .Where(t => typeof(IBenchmark).IsAssignableFrom(t) && !t.IsAbstract && !t.IsInterface)
    .Select(t => (IBenchmark)Activator.CreateInstance(t)!)
    .OrderBy(b => b.Name, StringComparer.Ordinal)
    .ToArray();

IBenchmark? chosen = args.Length > 0 ? benchmarks.FirstOrDefault(b => b.Name == args[0]) : null;
if (chosen is null)
{
    Console.Error.WriteLine("usage: dotnet run -c Release --project bench/CurationPipeline.Benchmarks -- <benchmark> [args]");
    foreach (IBenchmark b in benchmarks)
    {
        Console.Error.WriteLine($"  {b.Name,-24} {b.Description}");
    }

    return 2;
}

return await chosen.RunAsync(args[1..]);
