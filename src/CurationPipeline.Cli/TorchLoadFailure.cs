namespace CurationPipeline.Cli;

/// <summary>The one-line message of <c>curate train</c> and <c>curate ablate</c> when TorchSharp's native library does not load.</summary>
/// <remarks>TorchSharp's own message carries its whole native-loader trace (dozens of lines); it is printed only with <c>-v</c>.</remarks>
internal static class TorchLoadFailure
{
    /// <summary>The hint, plus the loader's message when <paramref name="verbose"/>.</summary>
    /// <param name="e">The failure of TorchSharp's <c>torch</c> type initializer.</param>
    /// <param name="verbose">Append the whole exception, loader trace included.</param>
    public static string Describe(Exception e, bool verbose)
    {
        const string Hint = "curate: TorchSharp's native library did not load. On Debian 12 it is patched at build time, which needs "
            + "patchelf, g++ and python3: apt-get install -y patchelf g++ python3, then rebuild (src/CurationPipeline.Training/README.md).";
        return verbose ? Hint + Environment.NewLine + e : Hint + " -v prints the loader's trace.";
    }
}
