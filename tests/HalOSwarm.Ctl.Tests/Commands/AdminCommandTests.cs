using System.Net;
using HalOSwarm.Ctl.Tests.Support;
using HalOSwarm.Testing;

namespace HalOSwarm.Ctl.Tests.Commands;

public sealed class AdminCommandTests
{
    [Fact]
    public async Task Backup_SupervisorSendsTheFile_WrittenWholeUnderTheNameGiven()
    {
        using var dir = new TempDirectory("halctl-backup");
        var to = dir.Combine("copy.db");
        byte[] body = [.. Enumerable.Range(0, 100_000).Select(i => (byte)i)];
        var stub = new StubHandler(_ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(body) });

        var run = await CliRun.RunAsync(["admin", "backup", "--to", to], () => stub);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(body, await File.ReadAllBytesAsync(to));
        Assert.Contains($"backup written to {to} (100000 bytes)", run.Out, StringComparison.Ordinal);
        Assert.Equal(HttpMethod.Post, stub.Requests[0].Method);
        Assert.Equal("/api/v1/admin/backup", stub.Requests[0].RequestUri!.PathAndQuery);
        Assert.False(File.Exists(to + ".partial"));
    }

    [Fact]
    public async Task Backup_FileExistsOrSupervisorFails_OneErrorLineAndNoFileChanged()
    {
        using var dir = new TempDirectory("halctl-backup");
        var existing = dir.Combine("old.db");
        await File.WriteAllTextAsync(existing, "keep me");
        var failing = new StubHandler(_ => StubHandler.Json(HttpStatusCode.InternalServerError, ApiJson.Error("backup failed: disk full", "backup_failed")));

        var refused = await CliRun.RunAsync(["admin", "backup", "--to", existing], () => new StubHandler(_ => throw new InvalidOperationException("no request")));
        var failed = await CliRun.RunAsync(["admin", "backup", "--to", dir.Combine("new.db")], () => failing);

        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("already exists", refused.Error, StringComparison.Ordinal);
        Assert.Equal("keep me", await File.ReadAllTextAsync(existing));
        Assert.Equal(1, failed.ExitCode);
        Assert.Contains("backup failed: disk full", failed.Error, StringComparison.Ordinal);
        Assert.Single(failed.Error.Trim().Split('\n'));
        Assert.False(File.Exists(dir.Combine("new.db")));
        Assert.False(File.Exists(dir.Combine("new.db.partial")));
    }
}
