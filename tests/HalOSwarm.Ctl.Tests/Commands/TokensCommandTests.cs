using System.Net;
using System.Text.Json.Nodes;
using HalOSwarm.Ctl.Tests.Support;

namespace HalOSwarm.Ctl.Tests.Commands;

public sealed class TokensCommandTests
{
    private static JsonObject Token(string name, string kind = "user", string? role = "operator", string? nodeId = null, string? revokedAt = null) => new()
    {
        ["id"] = "tok_0123456789abcdef",
        ["name"] = name,
        ["kind"] = kind,
        ["role"] = role,
        ["node_id"] = nodeId,
        ["created_at"] = "2025-06-01T11:00:00Z",
        ["created_by"] = "api:admin/cli:root",
        ["revoked_at"] = revokedAt,
        ["revoked_by"] = revokedAt is null ? null : "api:admin",
        ["refused_hellos"] = 2,
        ["actor"] = "token:" + name,
    };

    [Fact]
    public async Task Create_NameAndRole_PostsThemAndPrintsTheSecretOnItsOwnLine()
    {
        var stub = new StubHandler(_ => StubHandler.Json(HttpStatusCode.Created,
            ApiJson.Envelope(new JsonObject { ["token"] = Token("alice"), ["secret"] = "hal_s3cret" })));

        var run = await CliRun.RunAsync(["tokens", "create", "alice", "--role", "operator"], () => stub);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("/api/v1/tokens", stub.Requests[0].RequestUri!.AbsolutePath);
        Assert.Equal(HttpMethod.Post, stub.Requests[0].Method);
        Assert.Equal("""{"name":"alice","role":"operator"}""", stub.Bodies[0]);
        Assert.Contains("\nsecret: hal_s3cret\n", run.Out.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("operator token alice (tok_0123456789abcdef)", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_UnknownRole_ParseErrorExit2NoRequest()
    {
        var stub = new StubHandler(_ => StubHandler.Json(HttpStatusCode.OK, ApiJson.Envelope(null)));

        var run = await CliRun.RunAsync(["tokens", "create", "alice", "--role", "root"], () => stub);

        Assert.Equal(2, run.ExitCode);
        Assert.Empty(stub.Requests);
    }

    [Fact]
    public async Task List_All_AsksForRevokedAndShowsKindRoleNode()
    {
        var stub = new StubHandler(_ => StubHandler.Json(HttpStatusCode.OK, ApiJson.Envelope(new JsonArray(
            Token("node:web-1", "node", null, "web-1"), Token("alice", revokedAt: "2025-06-01T11:30:00Z")))));

        var run = await CliRun.RunAsync(["tokens", "list", "--all"], () => stub);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("?include_revoked=true", stub.Requests[0].RequestUri!.Query);
        foreach (var text in new[] { "NAME", "KIND", "ROLE", "NODE", "REVOKED", "node:web-1", "web-1", "alice", "operator", "2025-06-01 11:30:00Z" })
        {
            Assert.Contains(text, run.Out, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Revoke_NodeTokenName_EscapedInThePath()
    {
        var stub = new StubHandler(_ => StubHandler.Json(HttpStatusCode.OK,
            ApiJson.Envelope(Token("node:web-1", "node", null, "web-1", "2025-06-01T11:59:00Z"))));

        var run = await CliRun.RunAsync(["tokens", "revoke", "node:web-1"], () => stub);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("/api/v1/tokens/node%3Aweb-1/revoke", stub.Requests[0].RequestUri!.AbsolutePath);
        Assert.Contains("revoked node:web-1", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NodesEnroll_NodeId_PostsToEnrollAndPrintsTheSecret()
    {
        var stub = new StubHandler(_ => StubHandler.Json(HttpStatusCode.Created,
            ApiJson.Envelope(new JsonObject { ["token"] = Token("node:web-1", "node", null, "web-1"), ["secret"] = "hal_n0de" })));

        var run = await CliRun.RunAsync(["nodes", "enroll", "web-1"], () => stub);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("/api/v1/nodes/web-1/enroll", stub.Requests[0].RequestUri!.AbsolutePath);
        Assert.Contains("node token for web-1", run.Out, StringComparison.Ordinal);
        Assert.Contains("secret: hal_n0de", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_ForbiddenByTheSupervisor_OneErrorLineExit1()
    {
        var stub = new StubHandler(_ => StubHandler.Json(HttpStatusCode.Forbidden,
            ApiJson.Error("POST /api/v1/tokens needs a token with the role admin; this token's role is viewer", "forbidden")));

        var run = await CliRun.RunAsync(["tokens", "create", "eve", "--role", "admin"], () => stub);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("needs a token with the role admin", run.Error, StringComparison.Ordinal);
        Assert.Contains("(forbidden)", run.Error, StringComparison.Ordinal);
    }
}
