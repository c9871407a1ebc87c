using Azure;
using Azure.Identity;
using Azure.Storage;
using Azure.Storage.Blobs;

namespace CurationPipeline.Storage.Azure;

/// <summary>
/// Builds the blob service client of a storage account from the environment, trying in this order:
/// <list type="number">
/// <item><c>AZURE_STORAGE_CONNECTION_STRING</c> (used for the account it names; also the Azurite emulator);</item>
/// <item><c>AZURE_STORAGE_ACCOUNT_NAME</c> (or the account in the path, <c>az://container@account.blob.core.windows.net/…</c>)
/// with <c>AZURE_STORAGE_KEY</c> (shared key);</item>
/// <item>the same account with <c>AZURE_STORAGE_SAS_TOKEN</c>;</item>
/// <item>the same account with the default Azure credential chain of Azure.Identity (environment, workload identity, managed identity, Azure CLI, …).</item>
/// </list>
/// </summary>
/// <remarks>No secret is ever put into a message or a log: errors name the variable, never its value.</remarks>
public sealed class AzureCredentials
{
    /// <summary>The connection string variable.</summary>
    public const string ConnectionStringVariable = "AZURE_STORAGE_CONNECTION_STRING";

    /// <summary>The account name variable.</summary>
    public const string AccountNameVariable = "AZURE_STORAGE_ACCOUNT_NAME";

    /// <summary>The shared key variable.</summary>
    public const string KeyVariable = "AZURE_STORAGE_KEY";

    /// <summary>The SAS token variable.</summary>
    public const string SasTokenVariable = "AZURE_STORAGE_SAS_TOKEN";

    private readonly Func<string, string?> _environment;

    /// <summary>Reads credentials through <paramref name="environment"/> (a variable name to its value, or <c>null</c>); by default the process environment.</summary>
    public AzureCredentials(Func<string, string?>? environment = null) =>
        _environment = environment ?? Environment.GetEnvironmentVariable;

    /// <summary>Creates the client of <paramref name="account"/>, or of the account the environment names when it is <c>null</c>.</summary>
    /// <param name="account">The account a path names, or <c>null</c>.</param>
    /// <param name="options">Client options (retries, pipeline policies).</param>
    /// <returns>The client and a description of the credential kind used (for messages; never a secret).</returns>
    /// <exception cref="ArgumentException">No account can be determined from the path or the environment.</exception>
    public (BlobServiceClient Client, string Source) CreateClient(string? account, BlobClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        string? connectionString = Value(ConnectionStringVariable);
        if (connectionString is not null)
        {
            var client = new BlobServiceClient(connectionString, options);
            if (account is null || string.Equals(account, client.AccountName, StringComparison.OrdinalIgnoreCase))
            {
                return (client, ConnectionStringVariable);
            }
        }

        string name = account ?? Value(AccountNameVariable)
            ?? throw new ArgumentException($"No storage account for az:// paths: set {ConnectionStringVariable}, or {AccountNameVariable} "
                + $"(with {KeyVariable}, {SasTokenVariable} or an Azure identity), or name it in the path (az://container@account.blob.core.windows.net/path).");
        var endpoint = new Uri($"https://{name}.blob.core.windows.net");
        if (Value(KeyVariable) is { } key)
        {
            return (new BlobServiceClient(endpoint, new StorageSharedKeyCredential(name, key), options), $"{AccountNameVariable} + {KeyVariable}");
        }

        if (Value(SasTokenVariable) is { } sas)
        {
            return (new BlobServiceClient(endpoint, new AzureSasCredential(sas), options), $"{AccountNameVariable} + {SasTokenVariable}");
        }

        return (new BlobServiceClient(endpoint, new DefaultAzureCredential(), options), "the default Azure credential");
    }

    private string? Value(string variable) => _environment(variable) is { Length: > 0 } value ? value : null;
}
