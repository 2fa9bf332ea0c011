namespace HalOSwarm.Supervisor.Tokens;

/// <summary>
/// A token as the API lists it: never its secret nor the secret's hash. A node token is named <c>node:NODE_ID</c> and
/// binds <see cref="NodeId"/>; a user token carries <see cref="Role"/>.
/// </summary>
internal sealed record ApiToken
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    public required string Kind { get; init; }

    public string? Role { get; init; }

    public string? NodeId { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required string CreatedBy { get; init; }

    public DateTimeOffset? RevokedAt { get; init; }

    public string? RevokedBy { get; init; }

    /// <summary>Hellos with another node id this node token presented since the supervisor started (refused with 4403).</summary>
    public int RefusedHellos { get; init; }

    /// <summary>How the audit log names whoever used this token: <c>token:NAME</c>.</summary>
    public string Actor => "token:" + Name;
}
