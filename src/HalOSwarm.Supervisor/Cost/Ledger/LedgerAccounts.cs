namespace HalOSwarm.Supervisor.Cost.Ledger;

/// <summary>
/// Which account usage is booked to: the first <c>cost.accounts</c> entry whose provider, runtime, nodes and projects all
/// match (a left-out matcher matches anything; names compare ignoring case), else the provider's own default account
/// named after it.
/// </summary>
internal sealed class LedgerAccounts(IReadOnlyList<CostAccountOptions> accounts)
{
    public const string Subscription = "subscription";
    public const string Api = "api";

    /// <summary>The account's name and whether it is a subscription login (its tokens are booked at the equivalent API price).</summary>
    public (string Name, bool Equivalent) Find(string provider, string runtime, string node, string project)
    {
        foreach (var account in accounts)
        {
            if (Matches(account.Provider, provider) && Matches(account.Runtime, runtime)
                && Contains(account.Nodes, node) && Contains(account.Projects, project))
            {
                return (account.Name, string.Equals(account.Kind, Subscription, StringComparison.OrdinalIgnoreCase));
            }
        }
        return (provider, false);
    }

    private static bool Matches(string? wanted, string value) =>
        string.IsNullOrEmpty(wanted) || string.Equals(wanted, value, StringComparison.OrdinalIgnoreCase);

    private static bool Contains(List<string> wanted, string value)
    {
        if (wanted.Count == 0)
        {
            return true;
        }
        foreach (var name in wanted)
        {
            if (string.Equals(name, value, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }
        return false;
    }
}
