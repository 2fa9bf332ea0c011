using HalOSwarm.Testing.Postgres;

namespace HalOSwarm.Supervisor.Tests.Support;

/// <summary>The theory form of <see cref="SqliteOnlyFactAttribute"/>.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class SqliteOnlyTheoryAttribute : TheoryAttribute
{
    public SqliteOnlyTheoryAttribute(string why)
    {
        if (TestPostgres.IsSelected)
        {
            Skip = $"SQLite only: {why}";
        }
    }
}
