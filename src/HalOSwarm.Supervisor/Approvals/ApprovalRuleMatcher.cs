using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace HalOSwarm.Supervisor.Approvals;

/// <summary>
/// Finds the first <c>approvals.rules</c> entry that answers a request. A compound command comes as several patterns
/// (opencode splits <c>a &amp;&amp; b</c>): a rule that allows (<c>once</c>, <c>always</c>) must match every one of them, a
/// rule that rejects matches when any one does — so an allowed prefix never lets a rejected command through.
/// </summary>
internal sealed class ApprovalRuleMatcher
{
    private readonly List<(ApprovalRuleOptions Rule, Regex Pattern)> _rules;

    public ApprovalRuleMatcher(IOptions<ApprovalsOptions> options) =>
        _rules = options.Value.Rules.Select(r => (r, Glob(r.Pattern ?? ""))).ToList();

    /// <summary>The rule's key (<c>approvals.rules[2]</c>) and reply, or null when no rule applies.</summary>
    public (string Key, string Reply)? Match(string? project, string? tool, string permission, IReadOnlyList<string> patterns)
    {
        if (patterns.Count == 0)
        {
            return null;
        }
        for (var i = 0; i < _rules.Count; i++)
        {
            var (rule, glob) = _rules[i];
            if (rule.Project != "*" && !string.Equals(rule.Project, project, StringComparison.Ordinal))
            {
                continue;
            }
            if (rule.Tool is { } wanted && !string.Equals(wanted, tool, StringComparison.OrdinalIgnoreCase)
                && !string.Equals(wanted, permission, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }
            var reply = rule.Reply ?? ApprovalReplies.Reject;
            var matches = reply == ApprovalReplies.Reject ? patterns.Any(glob.IsMatch) : patterns.All(glob.IsMatch);
            if (matches)
            {
                return ($"approvals.rules[{i}]", reply);
            }
        }
        return null;
    }

    /// <summary><c>*</c> is any run of characters, <c>?</c> one character; everything else is literal; the whole text must match.</summary>
    public static Regex Glob(string pattern) =>
        new("^" + Regex.Escape(pattern).Replace(@"\*", ".*", StringComparison.Ordinal).Replace(@"\?", ".", StringComparison.Ordinal) + "$",
            RegexOptions.Singleline | RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));
}
