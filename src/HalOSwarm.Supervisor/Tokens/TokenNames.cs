namespace HalOSwarm.Supervisor.Tokens;

/// <summary>
/// The bounds on token names and ids (docs/API.md, Limits). A user token's name is 1-64 of <c>a-z 0-9 . _ -</c>
/// starting with a letter or digit, lower case so two names never differ by case alone; a node token is named
/// <c>node:</c> and its node id, so the two kinds never share a name.
/// </summary>
internal static class TokenNames
{
    public const int MaxLength = 64;
    public const string NodePrefix = "node:";
    public const string Rule = "must be 1-64 characters of a-z 0-9 . _ - starting with a letter or digit";

    public static bool IsUserName(string? name) =>
        name is { Length: >= 1 and <= MaxLength } && (char.IsAsciiLetterLower(name[0]) || char.IsAsciiDigit(name[0]))
        && name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '.' or '_' or '-');

    public static bool IsId(string? value) =>
        value is { Length: 20 } && value.StartsWith("tok_", StringComparison.Ordinal) && value[4..].All(char.IsAsciiHexDigitLower);

    public static string ForNode(string nodeId) => NodePrefix + nodeId;

    /// <summary>What may name a token in a path: an id, a user token's name, or <c>node:NODE_ID</c>.</summary>
    public static bool IsReference(string? value) =>
        IsId(value) || IsUserName(value)
        || (value is not null && value.StartsWith(NodePrefix, StringComparison.Ordinal) && Protocol.ProtocolLimits.IsNodeId(value[NodePrefix.Length..]));
}
