using System.Data.Common;
using HalOSwarm.Supervisor.Storage;

namespace HalOSwarm.Supervisor.Dashboard.Fleet;

/// <summary>The WHERE clauses of the fleet reads, every value a parameter.</summary>
internal static class FleetSql
{
    public static string Where(DbCommand command, FleetFilter filter, string? extra)
    {
        var where = new List<string>();
        Exact(command, where, "status", "@status", filter.Status);
        Exact(command, where, "project", "@project", filter.Project);
        Exact(command, where, "node_id", "@node", filter.NodeId);
        Exact(command, where, "runtime", "@runtime", filter.Runtime);
        if (filter.Text is { } text)
        {
            where.Add("""
                (session_id LIKE @text ESCAPE '\' OR title LIKE @text ESCAPE '\' OR project LIKE @text ESCAPE '\'
                 OR node_id LIKE @text ESCAPE '\' OR model LIKE @text ESCAPE '\' OR current_task LIKE @text ESCAPE '\')
                """);
            command.AddParameter("@text", Like(text));
        }
        if (extra is not null)
        {
            where.Add(extra);
        }
        return where.Count == 0 ? "true" : string.Join(" AND ", where);
    }

    public static string NodeWhere(DbCommand command, string? status, string? text)
    {
        var where = new List<string>();
        Exact(command, where, "n.status", "@status", string.IsNullOrWhiteSpace(status) ? null : status);
        if (!string.IsNullOrWhiteSpace(text))
        {
            where.Add("(n.node_id LIKE @text ESCAPE '\\' OR n.hostname LIKE @text ESCAPE '\\' OR n.projects_json LIKE @text ESCAPE '\\')");
            command.AddParameter("@text", Like(text.Trim()[..Math.Min(text.Trim().Length, FleetFilter.MaxTextChars)]));
        }
        return where.Count == 0 ? "true" : string.Join(" AND ", where);
    }

    private static void Exact(DbCommand command, List<string> where, string column, string parameter, string? value)
    {
        if (value is not null)
        {
            where.Add($"{column} = {parameter}");
            command.AddParameter(parameter, value);
        }
    }

    private static string Like(string text) =>
        "%" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";
}
