namespace HalOSwarm.Integration.Tests.Harness;

/// <summary>What one run of the built halctl did.</summary>
internal sealed record CtlResult(int ExitCode, string StdOut, string StdErr)
{
    public override string ToString() => $"exit {ExitCode}\nstdout:\n{StdOut}\nstderr:\n{StdErr}";
}
