using CurationPipeline.Pipelines.Graph;

namespace CurationPipeline.Tests.Pipelines;

public sealed class InputRootTests
{
    [Fact]
    public void Of_OneFile_IsItsFolderAndNamesItByFileName()
    {
        var root = InputRoot.Of(["/data/crawl/a.warc.gz"]);

        Assert.Equal("/data/crawl/", root.Path);
        Assert.Equal("a.warc.gz", root.NameOf("/data/crawl/a.warc.gz"));
    }

    [Fact]
    public void Of_BlobAndLocalCopiesOfTheSameTree_NameEveryFileTheSame()
    {
        string[] local = ["/mnt/x/crawl/2024/a.warc.gz", "/mnt/x/crawl/2025/b.warc.gz"];
        string[] blob = ["az://bucket/crawl/2024/a.warc.gz", "az://bucket/crawl/2025/b.warc.gz"];

        var localRoot = InputRoot.Of(local);
        var blobRoot = InputRoot.Of(blob);

        Assert.Equal(local.Select(localRoot.NameOf), blob.Select(blobRoot.NameOf));
        Assert.Equal("2024/a.warc.gz", localRoot.NameOf(local[0]));
    }

    [Fact]
    public void Of_SharedNamePrefixThatIsNoFolder_StopsAtTheFolder()
    {
        var root = InputRoot.Of(["/d/part-1/a.jsonl", "/d/part-10/b.jsonl"]);

        Assert.Equal("/d/", root.Path);
        Assert.Equal("part-10/b.jsonl", root.NameOf("/d/part-10/b.jsonl"));
    }

    [Fact]
    public void Of_NoSharedFolder_NamesFilesByTheirWholePath()
    {
        var root = InputRoot.Of(["a.jsonl", "/d/b.jsonl"]);

        Assert.Equal(string.Empty, root.Path);
        Assert.Equal("/d/b.jsonl", root.NameOf("/d/b.jsonl"));
    }

    [Fact]
    public void NameOf_FileOutsideTheRoot_Throws()
    {
        var root = InputRoot.Of(["/data/crawl/a.warc.gz"]);

        Assert.Throws<ArgumentException>(() => root.NameOf("/other/a.warc.gz"));
    }
}
