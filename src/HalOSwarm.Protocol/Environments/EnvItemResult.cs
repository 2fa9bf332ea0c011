namespace HalOSwarm.Protocol.Environments;

/// <summary>
/// One item as the agent found it. <see cref="Expected"/> and <see cref="Actual"/> are short human values (a version, a
/// URL, <c>set</c>/<c>unset</c> for a variable — never its value —, <c>present</c>/<c>absent</c>, a content digest).
/// <see cref="Fix"/> is <see cref="EnvFixes.Safe"/>, <see cref="EnvFixes.Approval"/> or null (nothing hal can do).
/// <see cref="ActualContent"/> is the file's text when it differs from the wanted content (at most
/// <see cref="EnvLimits.MaxContentChars"/>), so a diff can be shown.
/// </summary>
public sealed record EnvItemResult(
    string Id,
    string Kind,
    string Verdict,
    string? Expected,
    string? Actual,
    string? Detail = null,
    string? Fix = null,
    string? ActualContent = null);
