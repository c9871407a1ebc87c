using System.Diagnostics;
using System.Text;

namespace CurationPipeline.Classifiers.Training.Internal;

/// <summary>Reads an <c>.xz</c> file through the <c>xz</c> binary (.NET has no xz codec; xz's own errors go to stderr), in memory; other files are read directly.</summary>
internal static class XzText
{
    public static string ReadAll(string path)
    {
        using var reader = new StreamReader(new MemoryStream(ReadAllBytes(path)), Encoding.UTF8);
        return reader.ReadToEnd();
    }

    public static byte[] ReadAllBytes(string path)
    {
        if (!path.EndsWith(".xz", StringComparison.Ordinal))
        {
            return File.ReadAllBytes(path);
        }

        var start = new ProcessStartInfo("xz", ["-dc", path]) { RedirectStandardOutput = true };
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new IOException("Could not start xz.");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new IOException($"Could not run xz to read {path} (is the xz binary installed?).", e);
        }

        using var started = process;
        using var bytes = new MemoryStream();
        process.StandardOutput.BaseStream.CopyTo(bytes);
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new IOException($"xz -dc {path} failed with exit code {process.ExitCode} (its message is on stderr).");
        }

        return bytes.ToArray();
    }
}
