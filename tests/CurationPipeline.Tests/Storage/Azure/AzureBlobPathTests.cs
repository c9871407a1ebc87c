using CurationPipeline.Storage.Azure;

namespace CurationPipeline.Tests.Storage.Azure;

public sealed class AzureBlobPathTests
{
    [Theory]
    [InlineData("az://data/crawl/a.warc.gz", "az://data", "data", null, "crawl/a.warc.gz")]
    [InlineData("abfs://data/crawl/", "abfs://data", "data", null, "crawl/")]
    [InlineData("ABFSS://data", "ABFSS://data", "data", null, "")]
    [InlineData("az://data@acct.blob.core.windows.net/x/y", "az://data@acct.blob.core.windows.net", "data", "acct", "x/y")]
    [InlineData("abfs://data@acct.dfs.core.windows.net//x", "abfs://data@acct.dfs.core.windows.net", "data", "acct", "x")]
    public void Parse_Forms_SplitsRootContainerAccountAndName(string path, string root, string container, string? account, string name)
    {
        AzureBlobPath parsed = AzureBlobPath.Parse(path);

        Assert.Equal(new AzureBlobPath(root, container, account, name), parsed);
        Assert.Equal(root + "/sub", parsed.WithName("sub"));
    }

    [Theory]
    [InlineData("/local/file")]
    [InlineData("s3://bucket/x")]
    [InlineData("az:///x")]
    [InlineData("az://@acct/x")]
    public void Parse_NotABlobPathOrNoContainer_Throws(string path) =>
        Assert.Throws<ArgumentException>(() => AzureBlobPath.Parse(path));
}
