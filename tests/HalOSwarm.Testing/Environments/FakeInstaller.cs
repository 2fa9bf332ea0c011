using System.Globalization;

namespace HalOSwarm.Testing.Environments;

/// <summary>
/// A stand-in for a package manager: <see cref="InstallCommand"/> runs a tiny script that puts an executable
/// <see cref="Tool"/> (it prints <c>TOOL VERSION</c> for <c>--version</c>) into <see cref="BinDirectory"/> and logs each run
/// (with the directory it ran in) to <see cref="LogPath"/>. A test puts <see cref="BinDirectory"/> on the PATH its
/// project's sessions get, so the manifest's tool check (<c>TOOL --version</c>) finds the tool once it is installed.
/// </summary>
public sealed class FakeInstaller
{
    public FakeInstaller(string directory, string tool = "haltool", string version = "1.4.2")
    {
        Tool = tool;
        Version = version;
        BinDirectory = Path.Combine(directory, "bin");
        ScriptPath = Path.Combine(directory, $"install-{tool}.sh");
        LogPath = Path.Combine(directory, "installs.log");
        Directory.CreateDirectory(BinDirectory);
        File.WriteAllText(ScriptPath, string.Create(CultureInfo.InvariantCulture, $"""
            #!/bin/sh
            set -e
            echo "installing {tool} {version}"
            printf '#!/bin/sh\necho "{tool} {version}"\n' > '{ToolPath}'
            chmod 755 '{ToolPath}'
            echo "$(pwd)" >> '{LogPath}'
            echo "installed {tool} into {BinDirectory}"

            """));
    }

    public string Tool { get; }
    public string Version { get; }
    public string BinDirectory { get; }
    public string ScriptPath { get; }
    public string LogPath { get; }
    public string ToolPath => Path.Combine(BinDirectory, Tool);

    /// <summary>The shell command a manifest gives as the tool's <c>install</c>.</summary>
    public string InstallCommand => $"sh '{ScriptPath}'";

    public bool Installed => File.Exists(ToolPath);

    /// <summary>The directories the install command ran in, one per run.</summary>
    public IReadOnlyList<string> Runs => File.Exists(LogPath) ? File.ReadAllLines(LogPath) : [];
}
