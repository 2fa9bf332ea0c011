namespace HalOSwarm.Supervisor.Cost.Report;

/// <summary>
/// What the report groups by (<c>group_by</c>): each name, the ledger column it reads, and the field of a row it fills
/// (<c>node</c> and <c>session</c> fill <c>node_id</c> and <c>session_id</c>, as everywhere else in the API).
/// </summary>
internal static class CostDimensions
{
    public const string Project = "project";
    public const string Model = "model";
    public const string Node = "node";
    public const string Provider = "provider";
    public const string Account = "account";
    public const string Session = "session";

    public static readonly string[] All = [Project, Model, Node, Provider, Account, Session];

    public static readonly string[] Default = [Provider, Model];

    /// <summary>The ledger column; only ever one of these constants, so it is safe to write into SQL.</summary>
    public static string Column(string dimension) => dimension switch
    {
        Project => "project",
        Model => "model",
        Node => "node_id",
        Provider => "provider",
        Account => "account",
        Session => "session_id",
        _ => throw new ArgumentOutOfRangeException(nameof(dimension), dimension, "not a cost dimension"),
    };
}
