namespace HalOSwarm.Supervisor.Dashboard.Auth;

/// <summary>A one-time sign-in link: open <see cref="Url"/> before <see cref="ExpiresAt"/>.</summary>
internal sealed record SignInLinkDto(string Url, DateTimeOffset ExpiresAt);
