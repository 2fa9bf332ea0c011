namespace HalOSwarm.Testing;

/// <summary>A fresh directory under the system temp folder, deleted on dispose (best effort).</summary>
public sealed class TempDirectory : IDisposable
{
    public TempDirectory(string prefix = "hal-test")
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 13)]);
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    /// <summary>
    /// Deletes the directory; a child process still finishing (an agent program writing its cache as it exits) can
    /// add files while the delete runs, so it is tried again for up to 2 s before it is left behind.
    /// </summary>
    public void Dispose()
    {
        for (var attempt = 0; attempt < 20 && Directory.Exists(Path); attempt++)
        {
            try
            {
                Directory.Delete(Path, recursive: true);
            }
            catch (IOException)
            {
                Thread.Sleep(100);
            }
            catch (UnauthorizedAccessException)
            {
                return; // temp cleanup is not worth failing a test
            }
        }
    }
}
