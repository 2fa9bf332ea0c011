namespace HalOSwarm.Supervisor.Channels.Chat;

/// <summary>
/// Who a caller is to the supervisor: the role they act with (null: none, they are refused) and the name replies, alerts
/// and the audit log's readers know them by (the <c>channels.users[]</c> name, else the name the platform showed, else the id).
/// </summary>
internal sealed record ChatIdentity(string? Role, string Name);
