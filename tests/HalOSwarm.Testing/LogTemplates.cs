using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;

namespace HalOSwarm.Testing;

/// <summary>The message templates of every <c>[LoggerMessage]</c> method in an assembly, and a check of their field names.</summary>
public static partial class LogTemplates
{
    public static IReadOnlyList<(string Method, string Template)> Of(Assembly assembly) =>
        [.. assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Select(m => (Method: $"{m.DeclaringType!.FullName}.{m.Name}", Attribute: m.GetCustomAttribute<LoggerMessageAttribute>()))
            .Where(x => x.Attribute is not null)
            .Select(x => (x.Method, x.Attribute!.Message))];

    /// <summary>Each field (a <c>{name}</c> or <c>{name:format}</c>) that is not snake_case, with its method.</summary>
    public static IReadOnlyList<string> FieldsNotSnakeCase(IEnumerable<(string Method, string Template)> templates) =>
        [.. templates.SelectMany(t => Field().Matches(t.Template)
            .Select(m => m.Groups[1].Value)
            .Where(name => !SnakeCase().IsMatch(name))
            .Select(name => $"{t.Method}: {{{name}}}"))];

    [GeneratedRegex(@"\{([^{}:,]+)[^{}]*\}")]
    private static partial Regex Field();

    [GeneratedRegex("^[a-z][a-z0-9]*(_[a-z0-9]+)*$")]
    private static partial Regex SnakeCase();
}
