using System.Net;
using System.Text.Json.Nodes;
using HalOSwarm.Ctl.Api;
using HalOSwarm.Ctl.Tests.Support;

namespace HalOSwarm.Ctl.Tests.Api;

public sealed class ApiErrorsTests
{
    [Fact]
    public void FromResponse_NotFoundEnvelope_IsMessageAndCode()
    {
        var error = ApiErrors.FromResponse(HttpStatusCode.NotFound, ApiJson.Error("session 'x' not found", "not_found"));

        Assert.Equal("session 'x' not found (not_found)", error.Message);
        Assert.Equal("not_found", error.Code);
    }

    [Fact]
    public void FromResponse_Unauthorized_PointsAtTokenOption()
    {
        var error = ApiErrors.FromResponse(HttpStatusCode.Unauthorized, ApiJson.Error("missing bearer token", "unauthorized"));

        Assert.Equal("unauthorized — check --token or HALCTL_TOKEN", error.Message);
    }

    [Fact]
    public void FromResponse_InvalidRequestWithDetails_ListsEveryProblemOnOneLine()
    {
        var details = new JsonObject
        {
            ["errors"] = new JsonArray(
                new JsonObject { ["field"] = "limit", ["message"] = "must be at most 1000" },
                new JsonObject { ["field"] = "status", ["message"] = "unknown status" }),
        };

        var error = ApiErrors.FromResponse(HttpStatusCode.BadRequest, ApiJson.Error("invalid request", "invalid_request", details));

        Assert.Equal("invalid request (invalid_request): limit: must be at most 1000; status: unknown status", error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void FromResponse_BodyNotAnEnvelope_SaysStatus()
    {
        var error = ApiErrors.FromResponse(HttpStatusCode.BadGateway, "<html>bad gateway</html>");

        Assert.Equal("supervisor answered 502 Bad Gateway", error.Message);
        Assert.Equal("http_502", error.Code);
    }
}
