namespace HalOSwarm.Supervisor.Cost.Ledger;

/// <summary>The primary key of a <c>cost_ledger</c> row.</summary>
internal readonly record struct LedgerKey(string Hour, string Day, string SessionId, string Provider, string Model, string Account);
