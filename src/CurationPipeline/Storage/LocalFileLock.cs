using System.Diagnostics;
using System.Globalization;

namespace CurationPipeline.Storage;

/// <summary>
/// A lock on a local file held through the operating system (on Linux and macOS .NET takes <c>flock</c> for
/// <see cref="FileShare.None"/> (exclusive) and other shares (shared); on Windows the share mode itself excludes), so it ends
/// with the holding process however that process ends, and a lock file a killed process left is simply free.
/// </summary>
/// <remarks>
/// The lock file is never deleted (deleting it would let two holders lock two different files under one name). Since a locked
/// file cannot be read by the others, each holder also writes a record next to it, <c>{lock}.{pid}-{id}.holder</c>, with its
/// host, process id, process start time and description; the record goes when the holder releases the lock. Records of
/// processes that died are removed by the next exclusive holder, and ignored (and removed) when a refusal names the holders.
/// </remarks>
internal sealed class LocalFileLock : IAsyncDisposable
{
    private const string RecordSuffix = ".holder";

    private readonly FileStream _lock;
    private readonly string _record;
    private int _released;

    private LocalFileLock(FileStream @lock, string record)
    {
        _lock = @lock;
        _record = record;
    }

    /// <summary>Takes the lock without waiting.</summary>
    /// <exception cref="StorageLockedException">Another handle holds it in a conflicting mode.</exception>
    /// <exception cref="NotSupportedException">File locking is switched off in this process (<c>System.IO.DisableFileLocking</c>).</exception>
    public static LocalFileLock Acquire(string path, StorageLockMode mode, string holder)
    {
        if (FileLockingDisabled())
        {
            throw new NotSupportedException("File locking is switched off in this process (System.IO.DisableFileLocking or DOTNET_SYSTEM_IO_DISABLEFILELOCKING), so one writer per output directory cannot be guaranteed.");
        }

        string full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        FileStream stream;
        try
        {
            // Read access suffices for flock, and keeps the shared lock even on file systems where .NET skips
            // shared locks of writable handles.
            stream = new FileStream(full, FileMode.OpenOrCreate, FileAccess.Read, mode == StorageLockMode.Exclusive ? FileShare.None : FileShare.ReadWrite, bufferSize: 1);
        }
        catch (IOException e) when (IsConflict(e))
        {
            throw new StorageLockedException(full, mode, LiveHolders(full), e);
        }

        try
        {
            foreach (string record in Records(full))
            {
                // An exclusive holder is alone, so every record left is a dead holder's; a shared one removes the dead only.
                if (mode == StorageLockMode.Exclusive || ReadRecord(record) is not { Alive: true })
                {
                    File.Delete(record);
                }
            }

            string own = $"{full}.{Environment.ProcessId}-{Guid.NewGuid():N}{RecordSuffix}";
            WriteRecord(own, holder);
            return new LocalFileLock(stream, own);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <inheritdoc/>
    public ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _released, 1) == 0)
        {
            // The record goes first, so a record never outlives its holder's lock.
            File.Delete(_record);
            _lock.Dispose();
        }

        return ValueTask.CompletedTask;
    }

    private static bool FileLockingDisabled() =>
        (AppContext.TryGetSwitch("System.IO.DisableFileLocking", out bool disabled) && disabled)
        || Environment.GetEnvironmentVariable("DOTNET_SYSTEM_IO_DISABLEFILELOCKING") is "1" or "true" or "True";

    /// <summary>Whether opening failed because another handle holds the lock (EWOULDBLOCK from flock; a sharing violation on Windows).</summary>
    private static bool IsConflict(IOException e) =>
        e.GetType() == typeof(IOException)
        && (OperatingSystem.IsWindows() ? (e.HResult & 0xFFFF) is 32 or 33 : e.HResult == (OperatingSystem.IsLinux() ? 11 : 35));

    private static string[] Records(string lockPath)
    {
        string[] records = Directory.GetFiles(Path.GetDirectoryName(lockPath)!, Path.GetFileName(lockPath) + ".*" + RecordSuffix);
        Array.Sort(records, StringComparer.Ordinal);
        return records;
    }

    private static List<string> LiveHolders(string lockPath)
    {
        var holders = new List<string>();
        foreach (string record in Records(lockPath))
        {
            if (ReadRecord(record) is { } read)
            {
                if (read.Alive)
                {
                    holders.Add(read.Description);
                }
                else
                {
                    File.Delete(record); // its process died; the lock is held by someone else now
                }
            }
        }

        return holders;
    }

    private static void WriteRecord(string path, string holder)
    {
        using var self = Process.GetCurrentProcess();
        string started = self.StartTime.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        string temporary = Path.Combine(Path.GetDirectoryName(path)!, $".tmp-{Guid.NewGuid():N}-{Path.GetFileName(path)}");
        File.WriteAllText(temporary, $"{Environment.MachineName}\n{Environment.ProcessId}\n{started}\n{holder.ReplaceLineEndings(" ")}\n");
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>Reads a holder record; <c>null</c> when it vanished meanwhile (its holder released the lock).</summary>
    private static (string Description, bool Alive)? ReadRecord(string path)
    {
        string[] lines;
        try
        {
            lines = File.ReadAllLines(path);
        }
        catch (FileNotFoundException)
        {
            return null;
        }

        if (lines.Length < 4 || !int.TryParse(lines[1], NumberStyles.None, CultureInfo.InvariantCulture, out int pid))
        {
            return ($"an unreadable holder record ({path})", true);
        }

        bool alive = lines[0] != Environment.MachineName || IsRunning(pid);
        return ($"{lines[3]} (pid {pid} on {lines[0]}, started {lines[2]})", alive);
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false; // no such process
        }
    }
}
