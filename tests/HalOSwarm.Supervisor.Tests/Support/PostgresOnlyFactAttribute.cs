using HalOSwarm.Testing.Postgres;

namespace HalOSwarm.Supervisor.Tests.Support;

/// <summary>
/// A test of what only several supervisors sharing a PostgreSQL database have: skipped on the SQLite pass (one
/// supervisor per file), run on the PostgreSQL pass of <c>./dev test</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class PostgresOnlyFactAttribute : FactAttribute
{
    public PostgresOnlyFactAttribute(string why)
    {
        if (!TestPostgres.IsSelected)
        {
            Skip = $"PostgreSQL only: {why}";
        }
    }
}
