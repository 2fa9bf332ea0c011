using System.Data.Common;
using HalOSwarm.Supervisor.Storage;
using HalOSwarm.Supervisor.Storage.Sqlite;
using HalOSwarm.Supervisor.Storage.Writing;
using Microsoft.Data.Sqlite;

namespace HalOSwarm.Supervisor.Tokens;

/// <summary>The api_tokens table's writes, in the storage writer's priority lane.</summary>
internal sealed class TokenWriteHandler : IWriteHandler<TokenInsert>, IWriteHandler<TokenRevoke>
{
    private readonly DbCommand _insert;
    private readonly DbCommand _revoke;

    public TokenWriteHandler(IWriteContext context)
    {
        _insert = context.Prepare("""
            INSERT INTO api_tokens (id, name, kind, role, node_id, secret_sha256, created_at, created_by)
            VALUES (@id, @name, @kind, @role, @node, @hash, @at, @by)
            """, "@id", "@name", "@kind", "@role", "@node", "@hash", "@at", "@by");
        _revoke = context.Prepare("UPDATE api_tokens SET revoked_at = @at, revoked_by = @by WHERE id = @id AND revoked_at IS NULL",
            "@id", "@at", "@by");
    }

    public void Apply(TokenInsert op, WriteBatch batch)
    {
        var token = op.Token;
        _insert.Run(token.Id, token.Name, token.Kind, token.Role, token.NodeId, op.SecretSha256,
            SqliteTime.Format(token.CreatedAt), token.CreatedBy);
        batch.Completed(op);
    }

    public void Apply(TokenRevoke op, WriteBatch batch) =>
        batch.Completed(op, _revoke.Run(op.Id, SqliteTime.Format(op.At), op.By) == 1);
}
