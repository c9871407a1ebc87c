using Azure;

namespace CurationPipeline.Storage.Azure.Internal;

/// <summary>
/// Turns a failed blob request into the exception the pipeline already handles, with one line that names the container and the
/// blob: 404 → <see cref="FileNotFoundException"/> / <see cref="DirectoryNotFoundException"/> (missing container),
/// 403 → <see cref="UnauthorizedAccessException"/>, anything else (retries exhausted, the service unreachable) → <see cref="IOException"/>.
/// </summary>
internal static class BlobErrors
{
    /// <summary>Whether <paramref name="e"/> is a failure of the blob service or of the way to it (not a bug of ours).</summary>
    public static bool IsStorageFailure(Exception e) =>
        e is RequestFailedException or HttpRequestException or TimeoutException
        || (e is AggregateException a && a.InnerExceptions.All(IsStorageFailure));

    /// <summary>The exception to throw for <paramref name="e"/>, raised by an operation on <paramref name="path"/>.</summary>
    public static Exception Translate(Exception e, AzureBlobPath path, string operation)
    {
        string where = $"blob '{path.Name}' in container '{path.Container}'{(path.Account is null ? "" : $" of account '{path.Account}'")}";
        if (e is AggregateException aggregate)
        {
            // The SDK's "Retry failed after N tries": the last try's failure says what went wrong.
            Exception last = aggregate.InnerExceptions[^1];
            return new IOException($"{operation} {where} failed after {aggregate.InnerExceptions.Count} tries: {FirstLine(last.Message)} ({path})", e);
        }

        if (e is RequestFailedException failed)
        {
            string code = failed.ErrorCode ?? failed.Status.ToString(System.Globalization.CultureInfo.InvariantCulture);
            switch (failed.Status)
            {
                case 404 when code is "ContainerNotFound":
                    return new DirectoryNotFoundException($"container '{path.Container}' does not exist ({operation} {where}: 404 {code}; {path})", e);
                case 404:
                    return new FileNotFoundException($"{where} does not exist ({operation}: 404 {code}; {path})", path.ToString(), e);
                case 401 or 403:
                    return new UnauthorizedAccessException($"access denied to {where} ({operation}: {failed.Status} {code}); check the credentials "
                        + $"({AzureCredentials.ConnectionStringVariable}, {AzureCredentials.AccountNameVariable} with {AzureCredentials.KeyVariable} or {AzureCredentials.SasTokenVariable}, or an Azure identity)", e);
                case 412 when operation == "reading":
                    return new IOException($"{operation} {where} failed: it was replaced while being read (412 {code}; {path})", e);
                case 0:
                    return new IOException($"{operation} {where} failed: blob service unreachable: {FirstLine(failed.InnerException?.Message ?? failed.Message)} ({path})", e);
                default:
                    return new IOException($"{operation} {where} failed: {failed.Status} {code} ({path})", e);
            }
        }

        return new IOException($"{operation} {where} failed: {FirstLine(e.Message)} ({path})", e);
    }

    private static string FirstLine(string message)
    {
        int newline = message.IndexOfAny(['\r', '\n']);
        return newline < 0 ? message : message[..newline];
    }
}
