using System.Globalization;

namespace HalOSwarm.Supervisor.Cost;

/// <summary>The checks of cost.rates and cost.accounts.</summary>
internal static class LedgerChecks
{
    public const int MaxRates = 500;
    public const int MaxAccounts = 100;
    public const int MaxModelChars = 256;
    public const int MaxMatcherChars = 128;
    public const decimal MaxPricePerMtok = 10_000m;

    public static void Check(CostOptions options, List<string> errors)
    {
        CheckRates(options.Rates ?? [], errors);
        CheckAccounts(options.Accounts ?? [], errors);
    }

    private static void CheckRates(List<ModelRateOptions> rates, List<string> errors)
    {
        if (rates.Count > MaxRates)
        {
            errors.Add($"cost.rates: at most {MaxRates} entries (was {rates.Count})");
        }
        for (var i = 0; i < rates.Count; i++)
        {
            var key = $"cost.rates[{i}]";
            var rate = rates[i];
            if (string.IsNullOrWhiteSpace(rate.Model) || rate.Model.Length > MaxModelChars || rate.Model.Any(char.IsControl))
            {
                errors.Add($"{key}.model: must be a model name or a glob with * (1-{MaxModelChars} printable characters)");
            }
            Price(errors, $"{key}.input_per_mtok", rate.InputPerMtok);
            Price(errors, $"{key}.output_per_mtok", rate.OutputPerMtok);
            Price(errors, $"{key}.cache_read_per_mtok", rate.CacheReadPerMtok);
            Price(errors, $"{key}.cache_write_per_mtok", rate.CacheWritePerMtok);
            Price(errors, $"{key}.reasoning_per_mtok", rate.ReasoningPerMtok);
        }
    }

    private static void CheckAccounts(List<CostAccountOptions> accounts, List<string> errors)
    {
        if (accounts.Count > MaxAccounts)
        {
            errors.Add($"cost.accounts: at most {MaxAccounts} entries (was {accounts.Count})");
        }
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < accounts.Count; i++)
        {
            var key = $"cost.accounts[{i}]";
            var account = accounts[i];
            if (!IsAccountName(account.Name))
            {
                errors.Add($"{key}.name: must be 1-64 characters of A-Z, a-z, 0-9, '.', '_' and '-' (was '{Printable(account.Name)}')");
            }
            else if (!names.Add(account.Name))
            {
                errors.Add($"{key}.name: '{account.Name}' is already the name of another account");
            }
            if (account.Kind is not (Ledger.LedgerAccounts.Api or Ledger.LedgerAccounts.Subscription))
            {
                errors.Add($"{key}.kind: must be api or subscription (was '{Printable(account.Kind)}')");
            }
            Matcher(errors, $"{key}.provider", account.Provider);
            Matcher(errors, $"{key}.runtime", account.Runtime);
            for (var n = 0; n < (account.Nodes?.Count ?? 0); n++)
            {
                Matcher(errors, $"{key}.nodes[{n}]", account.Nodes![n], required: true);
            }
            for (var p = 0; p < (account.Projects?.Count ?? 0); p++)
            {
                Matcher(errors, $"{key}.projects[{p}]", account.Projects![p], required: true);
            }
        }
    }

    /// <summary>An account name: what budgets scope by (<c>account:NAME</c>) and the report groups by.</summary>
    public static bool IsAccountName(string? name) =>
        name is { Length: >= 1 and <= 64 } && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-');

    private static void Price(List<string> errors, string key, decimal value)
    {
        if (value is < 0 or >= MaxPricePerMtok)
        {
            errors.Add($"{key}: must be USD per million tokens from 0 to below {MaxPricePerMtok.ToString(CultureInfo.InvariantCulture)} (was {value.ToString(CultureInfo.InvariantCulture)})");
        }
    }

    private static void Matcher(List<string> errors, string key, string? value, bool required = false)
    {
        if (value is null || (!required && value.Length == 0))
        {
            return;
        }
        if (string.IsNullOrWhiteSpace(value) || value.Length > MaxMatcherChars || value.Any(char.IsControl))
        {
            errors.Add($"{key}: must be 1-{MaxMatcherChars} printable characters{(required ? "" : ", or left out to match anything")}");
        }
    }

    private static string Printable(string? text)
    {
        var value = text ?? "";
        var cut = new string([.. value.Take(64).Select(c => char.IsControl(c) ? '?' : c)]);
        return value.Length > 64 ? cut + "..." : cut;
    }
}
