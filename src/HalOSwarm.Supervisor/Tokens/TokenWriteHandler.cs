using HalOSwarm.Supervisor.Storage.Sqlite;
using HalOSwarm.Supervisor.Storage.Writing;
using Microsoft.Data.Sqlite;

namespace HalOSwarm.Supervisor.Tokens;

/// <summary>The api_tokens table's writes, in the storage writer's priority lane.</summary>
internal sealed class TokenWriteHandler : IWriteHandler<TokenInsert>, IWriteHandler<TokenRevoke>
{
    private readonly SqliteCommand _insert;
    private readonly SqliteCommand _revoke;

    public TokenWriteHandler(SqliteWriteContext context)
    {
        _insert = context.Prepare("""
            INSERT INTO api_tokens (id, name, kind, role, node_id, secret_sha256, created_at, created_by)
            VALUES ($id, $name, $kind, $role, $node, $hash, $at, $by)
            """, "$id", "$name", "$kind", "$role", "$node", "$hash", "$at", "$by");
        _revoke = context.Prepare("UPDATE api_tokens SET revoked_at = $at, revoked_by = $by WHERE id = $id AND revoked_at IS NULL",
            "$id", "$at", "$by");
    }

    public void Apply(TokenInsert op, WriteBatch batch)
    {
        var token = op.Token;
        SqliteWriteContext.Run(_insert, token.Id, token.Name, token.Kind, token.Role, token.NodeId, op.SecretSha256,
            SqliteTime.Format(token.CreatedAt), token.CreatedBy);
        batch.Completed(op);
    }

    public void Apply(TokenRevoke op, WriteBatch batch) =>
        batch.Completed(op, SqliteWriteContext.Run(_revoke, op.Id, SqliteTime.Format(op.At), op.By) == 1);
}
