namespace HalOSwarm.Protocol.Events;

/// <summary>The values of <see cref="AuthStatusData.Status"/>.</summary>
public static class AuthStatuses
{
    public const string Authenticated = "authenticated";
    public const string Unauthenticated = "unauthenticated";
    /// <summary>The runtime's binary is not there (or does not start).</summary>
    public const string NotInstalled = "not_installed";
    /// <summary>The program answered something the agent cannot read (or did not answer in time).</summary>
    public const string Unknown = "unknown";

    public static readonly IReadOnlyList<string> All = [Authenticated, Unauthenticated, NotInstalled, Unknown];
}
