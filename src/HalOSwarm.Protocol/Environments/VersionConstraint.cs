using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace HalOSwarm.Protocol.Environments;

/// <summary>
/// A tool's version constraint as a manifest writes it: <c>&gt;=20</c>, <c>&gt;1.2</c>, <c>&lt;=3</c>, <c>&lt;3</c>,
/// <c>=1.2.3</c> (or bare <c>1.2.3</c>: that version or any of its patch releases when a part is left out), <c>1.x</c>
/// (any 1.*), <c>^1.2</c> (at least 1.2, below 2), <c>~1.2</c> (at least 1.2, below 1.3). Versions compare part by part
/// as numbers; missing parts are 0.
/// </summary>
public sealed partial class VersionConstraint
{
    private readonly string _operator;
    private readonly int[] _parts;

    private VersionConstraint(string text, string op, int[] parts)
    {
        Text = text;
        _operator = op;
        _parts = parts;
    }

    public string Text { get; }

    public static bool TryParse(string? text, [NotNullWhen(true)] out VersionConstraint? constraint)
    {
        constraint = null;
        if (string.IsNullOrWhiteSpace(text) || text.Length > 64)
        {
            return false;
        }
        var match = Pattern().Match(text.Trim());
        if (!match.Success)
        {
            return false;
        }
        var op = match.Groups["op"].Value;
        var version = match.Groups["version"].Value.TrimEnd('.', 'x', 'X', '*').TrimEnd('.');
        if (version.Length == 0)
        {
            return false;
        }
        var parts = version.Split('.').Select(p => int.TryParse(p, out var n) ? n : -1).ToArray();
        if (parts.Any(p => p < 0) || parts.Length > 4)
        {
            return false;
        }
        constraint = new VersionConstraint(text.Trim(), op.Length == 0 ? "=" : op, parts);
        return true;
    }

    /// <summary>The first version number (<c>1.2</c>, <c>1.2.3</c>; or a bare <c>20</c>) in a program's output.</summary>
    public static string? Find(string output)
    {
        var match = FoundPattern().Match(output);
        return match.Success ? match.Value : null;
    }

    public bool IsSatisfiedBy(string version)
    {
        var found = version.Split('.').Select(p => int.TryParse(p, out var n) ? n : 0).ToArray();
        return _operator switch
        {
            ">=" => Compare(found, _parts) >= 0,
            ">" => Compare(found, _parts) > 0,
            "<=" => Compare(found, _parts) <= 0,
            "<" => Compare(found, _parts) < 0,
            "^" => Compare(found, _parts) >= 0 && Compare(found, [_parts[0] + 1]) < 0,
            "~" => Compare(found, _parts) >= 0 && Compare(found, _parts.Length == 1 ? [_parts[0] + 1] : [_parts[0], _parts[1] + 1]) < 0,
            _ => found.Length >= _parts.Length && _parts.Select((p, i) => p == found[i]).All(x => x),
        };
    }

    public override string ToString() => Text;

    private static int Compare(int[] a, int[] b)
    {
        for (var i = 0; i < Math.Max(a.Length, b.Length); i++)
        {
            var x = i < a.Length ? a[i] : 0;
            var y = i < b.Length ? b[i] : 0;
            if (x != y)
            {
                return x.CompareTo(y);
            }
        }
        return 0;
    }

    [GeneratedRegex(@"^(?<op>>=|<=|>|<|=|\^|~)?\s*v?(?<version>\d+(\.(\d+|[xX*]))*)$")]
    private static partial Regex Pattern();

    [GeneratedRegex(@"\d+(\.\d+)+|\b\d+\b")]
    private static partial Regex FoundPattern();
}
