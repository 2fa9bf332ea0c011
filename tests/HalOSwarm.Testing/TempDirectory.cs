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

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A child process may still hold a file for a moment; temp cleanup is not worth failing a test.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
