using System.Data.Common;
using HalOSwarm.Supervisor.Storage;
using HalOSwarm.Supervisor.Storage.Sqlite;
using HalOSwarm.Supervisor.Storage.Writing;
using Microsoft.Data.Sqlite;

namespace HalOSwarm.Supervisor.Credentials;

/// <summary>The credentials table's writes: the next version of a node's tool, picked and sealed inside the writer's transaction.</summary>
internal sealed class CredentialWriteHandler : IWriteHandler<CredentialInsert>
{
    private readonly DbCommand _latest;
    private readonly DbCommand _insert;

    public CredentialWriteHandler(IWriteContext context)
    {
        _latest = context.Prepare("SELECT COALESCE(MAX(version), 0) FROM credentials WHERE node_id = @node AND tool = @tool", "@node", "@tool");
        _insert = context.Prepare("""
            INSERT INTO credentials (node_id, tool, version, kind, key_id, nonce, sealed, created_at, created_by)
            VALUES (@node, @tool, @version, @kind, @key, @nonce, @sealed, @at, @by)
            """, "@node", "@tool", "@version", "@kind", "@key", "@nonce", "@sealed", "@at", "@by");
    }

    public void Apply(CredentialInsert op, WriteBatch batch)
    {
        _latest.Set(0, op.NodeId);
        _latest.Set(1, op.Tool);
        var version = Convert.ToInt32(_latest.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) + 1;
        var (keyId, nonce, sealedBytes) = op.Seal(version);
        _insert.Run(op.NodeId, op.Tool, version, op.Kind, keyId, nonce, sealedBytes, SqliteTime.Format(op.At), op.By);
        batch.Completed(op, version);
    }
}
