namespace HalOSwarm.Ctl.Api;

/// <summary>A one-time dashboard sign-in link and when it stops working.</summary>
internal sealed record SignInLinkDto(string Url, DateTimeOffset ExpiresAt);
