using HalOSwarm.Agent.Storage;

namespace HalOSwarm.Agent.Runtimes.Worktrees;

/// <summary>The worktrees made for sessions, in agent.db, until each is removed or reported kept.</summary>
internal sealed class WorktreeStore
{
    private readonly AgentDatabase _database;

    public WorktreeStore(AgentDatabase database) => _database = database;

    public Task AddAsync(string sessionId, string project, WorktreeInfo worktree, CancellationToken cancellationToken) =>
        _database.TransactAsync((connection, transaction) =>
        {
            using var insert = connection.Command("""
                INSERT OR REPLACE INTO worktrees(session_id, project, path, root, branch, base_ref, repository)
                VALUES ($s, $p, $path, $root, $b, $base, $repo)
                """, transaction)
                .With("$s", sessionId).With("$p", project).With("$path", worktree.Path).With("$root", worktree.Root ?? worktree.Path)
                .With("$b", worktree.Branch).With("$base", worktree.BaseRef ?? "HEAD").With("$repo", worktree.RepositoryDirectory ?? worktree.Path);
            return insert.ExecuteNonQuery();
        }, cancellationToken);

    public Task<WorktreeInfo?> GetAsync(string sessionId, CancellationToken cancellationToken) =>
        _database.RunAsync(connection =>
        {
            using var query = connection.Command("SELECT path, branch, root, base_ref, repository FROM worktrees WHERE session_id = $s").With("$s", sessionId);
            using var reader = query.ExecuteReader();
            return reader.Read()
                ? new WorktreeInfo(reader.GetString(0), reader.GetString(1))
                {
                    Root = reader.GetString(2),
                    BaseRef = reader.GetString(3),
                    RepositoryDirectory = reader.GetString(4),
                }
                : null;
        }, cancellationToken);

    /// <summary>Session ids whose worktree is still recorded.</summary>
    public Task<IReadOnlyList<string>> SessionsAsync(CancellationToken cancellationToken) =>
        _database.RunAsync<IReadOnlyList<string>>(connection =>
        {
            using var query = connection.Command("SELECT session_id FROM worktrees");
            using var reader = query.ExecuteReader();
            var ids = new List<string>();
            while (reader.Read())
            {
                ids.Add(reader.GetString(0));
            }
            return ids;
        }, cancellationToken);

    public Task RemoveAsync(string sessionId, CancellationToken cancellationToken) =>
        _database.TransactAsync((connection, transaction) =>
        {
            using var delete = connection.Command("DELETE FROM worktrees WHERE session_id = $s", transaction).With("$s", sessionId);
            return delete.ExecuteNonQuery();
        }, cancellationToken);
}
