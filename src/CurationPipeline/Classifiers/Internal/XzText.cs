using System.Diagnostics;
using System.Text;

namespace CurationPipeline.Classifiers.Internal;

/// <summary>Reads an <c>.xz</c> file's text through the <c>xz</c> binary (.NET has no xz codec); other files are read directly.</summary>
internal static class XzText
{
    public static string ReadAll(string path)
    {
        if (!path.EndsWith(".xz", StringComparison.Ordinal))
        {
            return File.ReadAllText(path);
        }

        var start = new ProcessStartInfo("xz", ["-dc", path])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
        };
        using Process process = Process.Start(start) ?? throw new IOException("Could not start xz.");
        Task<string> error = process.StandardError.ReadToEndAsync();
        string text = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new IOException($"xz -dc {path} failed ({process.ExitCode}): {error.GetAwaiter().GetResult().Trim()}");
        }

        return text;
    }
}
