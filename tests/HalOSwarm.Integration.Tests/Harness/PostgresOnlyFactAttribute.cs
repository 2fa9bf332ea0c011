using HalOSwarm.Testing.Postgres;

namespace HalOSwarm.Integration.Tests.Harness;

/// <summary>
/// A test of what only several supervisors sharing a PostgreSQL database have: skipped on the SQLite pass, run on the
/// PostgreSQL pass of <c>./dev test</c> (<c>HAL_TEST_DATABASE=postgres</c>, the server in <c>HAL_TEST_POSTGRES</c>).
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
