using Azure.Storage.Blobs;
using CurationPipeline.Storage.Azure;

namespace CurationPipeline.Tests.Storage.Azure;

public sealed class AzureCredentialsTests
{
    private const string ConnectionString =
        "DefaultEndpointsProtocol=https;AccountName=fromconn;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;EndpointSuffix=core.windows.net";

    private const string Key = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    [Theory]
    [InlineData(true, "named", true, true, null, "AZURE_STORAGE_CONNECTION_STRING", "fromconn")]
    [InlineData(true, "named", true, true, "other", "AZURE_STORAGE_ACCOUNT_NAME + AZURE_STORAGE_KEY", "other")]
    [InlineData(false, "named", true, true, null, "AZURE_STORAGE_ACCOUNT_NAME + AZURE_STORAGE_KEY", "named")]
    [InlineData(false, "named", false, true, null, "AZURE_STORAGE_ACCOUNT_NAME + AZURE_STORAGE_SAS_TOKEN", "named")]
    [InlineData(false, "named", false, false, null, "the default Azure credential", "named")]
    [InlineData(false, null, false, false, "inpath", "the default Azure credential", "inpath")]
    public void CreateClient_Environment_FollowsTheDocumentedOrder(bool connection, string? account, bool key, bool sas, string? pathAccount, string source, string usedAccount)
    {
        var environment = new Dictionary<string, string?>
        {
            [AzureCredentials.ConnectionStringVariable] = connection ? ConnectionString : null,
            [AzureCredentials.AccountNameVariable] = account,
            [AzureCredentials.KeyVariable] = key ? Key : null,
            [AzureCredentials.SasTokenVariable] = sas ? "sv=2024-01-01&sig=x" : null,
        };

        (BlobServiceClient client, string used) = new AzureCredentials(v => environment.GetValueOrDefault(v)).CreateClient(pathAccount, new BlobClientOptions());

        Assert.Equal(source, used);
        Assert.Equal(usedAccount, client.AccountName);
        Assert.DoesNotContain(Key, used, StringComparison.Ordinal);
    }

    [Fact]
    public void CreateClient_NoAccountAnywhere_ThrowsNamingTheVariables()
    {
        var e = Assert.Throws<ArgumentException>(() => new AzureCredentials(_ => null).CreateClient(null, new BlobClientOptions()));

        Assert.Contains(AzureCredentials.ConnectionStringVariable, e.Message, StringComparison.Ordinal);
        Assert.Contains(AzureCredentials.AccountNameVariable, e.Message, StringComparison.Ordinal);
    }
}
