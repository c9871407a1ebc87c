using CurationPipeline.Cli;

namespace CurationPipeline.Tests.Cli;

public sealed class TorchLoadFailureTests
{
    private static readonly TypeInitializationException s_failure = new("TorchSharp.torch", new NotSupportedException(
        "The type initializer for 'TorchSharp.torch' threw an exception. Trace:\n"
        + string.Join('\n', Enumerable.Range(0, 65).Select(i => $"  TorchSharp: LoadNativeBackend: Trying to load native component libtorch.so attempt {i}"))));

    [Fact]
    public void Describe_NotVerbose_OneLineWithTheHintAndNoLoaderTrace()
    {
        string message = TorchLoadFailure.Describe(s_failure, verbose: false);

        Assert.DoesNotContain('\n', message);
        Assert.Contains("apt-get install -y patchelf g++ python3", message, StringComparison.Ordinal);
        Assert.DoesNotContain("LoadNativeBackend", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Describe_Verbose_AppendsTheLoaderTraceOnce()
    {
        string message = TorchLoadFailure.Describe(s_failure, verbose: true);

        Assert.Contains("patchelf", message.Split('\n')[0], StringComparison.Ordinal);
        Assert.Single(message.Split('\n'), l => l.Contains("attempt 64", StringComparison.Ordinal));
    }
}
