using System.Collections.Concurrent;
using HalOSwarm.Supervisor.Storage;
using HalOSwarm.Supervisor.Storage.Writing;

namespace HalOSwarm.Supervisor.Tokens;

/// <summary>
/// Issues and revokes tokens, and answers "which active token has this secret?" from memory, so authenticating a
/// request never reads the database. The cache is filled at start (after the migrations) and changed only after the
/// writer committed a change. Whoever holds a live connection or stream for a token watches
/// <see cref="RevocationOf"/> and ends it the moment the token is revoked.
/// </summary>
internal sealed partial class TokenStore(TokenQueries queries, IStorageWriter writer, TimeProvider timeProvider, ILogger<TokenStore> logger)
    : IHostedService
{
    private readonly ConcurrentDictionary<string, ApiToken> _activeByHash = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _hashById = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, CancellationTokenSource> _revocations = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _refusedHellos = new(StringComparer.Ordinal);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var (hash, token) in await queries.ActiveWithHashesAsync(cancellationToken))
        {
            _activeByHash[hash] = token;
            _hashById[token.Id] = hash;
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The active token whose secret hashes to <paramref name="secretSha256Hex"/>, if any.</summary>
    public ApiToken? FindActive(string secretSha256Hex) => _activeByHash.GetValueOrDefault(secretSha256Hex);

    public async Task<IssuedToken> CreateAsync(string name, string kind, string? role, string? nodeId, string createdBy, CancellationToken cancellationToken)
    {
        var secret = TokenSecret.New();
        var hash = TokenSecret.HashHex(secret);
        var token = new ApiToken
        {
            Id = TokenSecret.NewId(),
            Name = name,
            Kind = kind,
            Role = role,
            NodeId = nodeId,
            CreatedAt = timeProvider.GetUtcNow(),
            CreatedBy = createdBy,
        };
        try
        {
            await writer.WriteAsync(new TokenInsert(token, hash), cancellationToken);
        }
        catch (System.Data.Common.DbException ex) when (DbErrors.IsUniqueViolation(ex))
        {
            throw new TokenConflictException($"an active token is already named '{name}'; revoke it first");
        }
        _activeByHash[hash] = token;
        _hashById[token.Id] = hash;
        LogCreated(logger, token.Id, token.Name, token.Kind, token.Role ?? "", createdBy);
        return new IssuedToken(token, secret);
    }

    /// <summary>Revokes <paramref name="token"/> (found by <see cref="TokenQueries.FindAsync"/>); returns it as it is now.</summary>
    public async Task<ApiToken> RevokeAsync(ApiToken token, string revokedBy, CancellationToken cancellationToken)
    {
        if (token.RevokedAt is not null)
        {
            return token;
        }
        var at = timeProvider.GetUtcNow();
        await writer.WriteAsync(new TokenRevoke(token.Id, at, revokedBy), cancellationToken);
        if (_hashById.TryRemove(token.Id, out var hash))
        {
            _activeByHash.TryRemove(hash, out _);
        }
        // After the cache forgot it: a connection that asks from now on gets a cancelled token (see RevocationOf).
        _revocations.GetOrAdd(token.Id, _ => new CancellationTokenSource()).Cancel();
        LogRevoked(logger, token.Id, token.Name, revokedBy);
        return token with { RevokedAt = at, RevokedBy = revokedBy };
    }

    /// <summary>Cancelled when token <paramref name="tokenId"/> is revoked (at once when it is not active now).</summary>
    public CancellationToken RevocationOf(string tokenId)
    {
        if (tokenId == TokenKinds.Server)
        {
            return CancellationToken.None;
        }
        var source = _revocations.GetOrAdd(tokenId, _ => new CancellationTokenSource());
        return _hashById.ContainsKey(tokenId) ? source.Token : new CancellationToken(canceled: true);
    }

    /// <summary>Counts a hello this node token sent with another node's id.</summary>
    public void CountRefusedHello(string tokenId) => _refusedHellos.AddOrUpdate(tokenId, 1, (_, count) => count + 1);

    public ApiToken WithCounts(ApiToken token) =>
        _refusedHellos.TryGetValue(token.Id, out var refused) ? token with { RefusedHellos = refused } : token;
}
