using HalOSwarm.Testing.Postgres;

namespace HalOSwarm.Supervisor.Tests.Support;

/// <summary>
/// A test of what only the SQLite provider has (its file, WAL, integrity check, backup API): skipped, saying why, when
/// the suite runs on PostgreSQL.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class SqliteOnlyFactAttribute : FactAttribute
{
    public SqliteOnlyFactAttribute(string why)
    {
        if (TestPostgres.IsSelected)
        {
            Skip = $"SQLite only: {why}";
        }
    }
}
