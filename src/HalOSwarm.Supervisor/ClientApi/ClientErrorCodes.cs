namespace HalOSwarm.Supervisor.ClientApi;

/// <summary>
/// The codes of <c>error</c> messages that are the socket's own; a refused command carries the HTTP API's code for the
/// same refusal (<c>invalid_request</c>, <c>not_found</c>, <c>conflict</c>, <c>budget_exceeded</c>…).
/// </summary>
internal static class ClientErrorCodes
{
    public const string InvalidMessage = "invalid_message";
    public const string UnknownType = "unknown_type";
    public const string Forbidden = "forbidden";
    public const string RateLimited = "rate_limited";
    public const string TooManySubscriptions = "too_many_subscriptions";
    public const string TooManyCommands = "too_many_commands";
    public const string UnknownSubscription = "unknown_subscription";
    public const string InvalidRequest = "invalid_request";
    public const string Internal = "internal";
}
