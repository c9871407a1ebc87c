using CurationPipeline.Documents;

namespace CurationPipeline.Tests.Documents;

public sealed class RawContentTests
{
    [Fact]
    public void Dispose_FromManyThreadsAtOnce_ReturnsTheArrayOnce()
    {
        var pool = new CheckingCharPool();
        for (int round = 0; round < 50; round++)
        {
            char[] array = pool.Rent(16);
            var content = RawContent.Rented(array, 5, pool);

            Parallel.For(0, 8, _ => content.Dispose()); // a second Return would throw from the pool

            Assert.Equal(0, pool.Outstanding);
        }
    }

    [Fact]
    public void Memory_AfterDispose_ThrowsInsteadOfReadingReturnedChars()
    {
        var pool = new CheckingCharPool();
        char[] array = pool.Rent(16);
        "<p>hello</p>".CopyTo(array);
        var content = RawContent.Rented(array, 12, pool);
        Assert.Equal("<p>hello</p>", content.ToString());

        content.Dispose();

        Assert.Throws<ObjectDisposedException>(() => content.Memory);
        Assert.Throws<ObjectDisposedException>(() => content.Span.Length);
        Assert.Throws<ObjectDisposedException>(content.ToString);
        Assert.Equal(12, content.Length);
    }

    [Fact]
    public void FromString_Dispose_StaysReadableAndIsNotCopied()
    {
        string text = "plain text";
        RawContent content = text;

        content.Dispose();

        Assert.False(content.IsPooled);
        Assert.Same(text, content.ToString());
        Assert.Equal(text, content.Span.ToString());
    }
}
