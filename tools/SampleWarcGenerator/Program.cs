namespace SampleWarcGenerator;

/// <summary>Command line: <c>dotnet run --project tools/SampleWarcGenerator -- sample-warc/quickstart.warc.gz</c>.</summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        if (args.Length != 1)
        {
            Console.Error.WriteLine("usage: SampleWarcGenerator <output.warc.gz>   (writes " + SampleWarc.DocsFileName + " beside it)");
            return 2;
        }

        SampleWarcOutput output = SampleWarc.WriteFiles(args[0]);
        Console.Write(output.Summary);
        return 0;
    }
}
