namespace HalOSwarm.Agent.Environments;

/// <summary>
/// Writes a file so that a reader sees the old content or the new one, never half of it: a temporary file next to it,
/// then a rename over it. Parent directories are created; an existing file keeps its mode unless one is given.
/// </summary>
internal static class AtomicFile
{
    public static async Task WriteAsync(string path, string content, UnixFileMode? mode, CancellationToken cancellationToken)
    {
        var directory = Path.GetDirectoryName(path)!;
        Directory.CreateDirectory(directory);
        var keep = !OperatingSystem.IsWindows() && File.Exists(path) ? File.GetUnixFileMode(path) : (UnixFileMode?)null;
        var temporary = Path.Combine(directory, $".{Path.GetFileName(path)}.hal-{Guid.NewGuid():N}.tmp");
        try
        {
            await File.WriteAllTextAsync(temporary, content, cancellationToken);
            if (!OperatingSystem.IsWindows() && (mode ?? keep) is { } wanted)
            {
                File.SetUnixFileMode(temporary, wanted);
            }
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }
}
