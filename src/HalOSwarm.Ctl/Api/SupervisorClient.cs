using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using HalOSwarm.Ctl.Output;

namespace HalOSwarm.Ctl.Api;

/// <summary>
/// The supervisor's HTTP API: unwraps <c>{data, meta}</c> and turns every failure (error envelope,
/// refused connection, timeout) into a <see cref="SupervisorException"/>.
/// </summary>
internal sealed partial class SupervisorClient
{
    private static readonly TimeSpan s_requestTimeout = TimeSpan.FromSeconds(30);

    private readonly HttpClient _http;
    private readonly Uri _baseUri;
    private readonly TimeProvider _time;

    public SupervisorClient(HttpClient http, Uri baseUri, string? token, TimeProvider? time = null)
    {
        _http = http;
        _baseUri = baseUri;
        _time = time ?? TimeProvider.System;
        _http.Timeout = Timeout.InfiniteTimeSpan;
        if (!string.IsNullOrEmpty(token))
        {
            _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        // The supervisor audits every change under the token's actor and this: "token:NAME/cli:USER".
        _http.DefaultRequestHeaders.TryAddWithoutValidation("X-Hal-Actor", Actor(Environment.UserName));
    }

    public Uri BaseUri => _baseUri;

    public Task<ApiPage<IReadOnlyList<NodeDto>>> ListNodesAsync(CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, "api/v1/nodes", null, CtlJsonContext.Default.IReadOnlyListNodeDto, null, cancellationToken);

    public Task<ApiPage<NodeDto>> GetNodeAsync(string nodeId, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, $"api/v1/nodes/{Escape(nodeId)}", null, CtlJsonContext.Default.NodeDto, null, cancellationToken);

    public Task<ApiPage<IReadOnlyList<SessionDto>>> ListSessionsAsync(SessionQuery query, string? cursor, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, "api/v1/sessions" + query.ToQuery(cursor), null, CtlJsonContext.Default.IReadOnlyListSessionDto, null, cancellationToken);

    public Task<ApiPage<SessionDto>> GetSessionAsync(string sessionId, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, $"api/v1/sessions/{Escape(sessionId)}", null, CtlJsonContext.Default.SessionDto, null, cancellationToken);

    public Task<ApiPage<IReadOnlyList<EventDto>>> ListEventsAsync(EventQuery query, string? cursor, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, "api/v1/events" + query.ToQuery(cursor), null, CtlJsonContext.Default.IReadOnlyListEventDto, null, cancellationToken);

    public Task<ApiPage<CommandDto>> StartSessionAsync(
        string project, StartSessionRequest request, int? waitSeconds, string? idempotencyKey, CancellationToken cancellationToken)
    {
        var path = $"api/v1/projects/{Escape(project)}/start" + new QueryString().Add("wait", waitSeconds);
        var body = WithKey(JsonContent.Create(request, CtlJsonContext.Default.StartSessionRequest), idempotencyKey);
        return SendAsync(HttpMethod.Post, path, body, CtlJsonContext.Default.CommandDto, waitSeconds, cancellationToken);
    }

    /// <summary>Asks a node hosting <paramref name="project"/> which of its runtime's sessions it could adopt.</summary>
    public Task<ApiPage<CommandDto>> ListAdoptableAsync(string project, string? nodeId, int? waitSeconds, CancellationToken cancellationToken)
    {
        var path = $"api/v1/projects/{Escape(project)}/adoptable" + new QueryString().Add("node_id", nodeId).Add("wait", waitSeconds);
        return SendAsync(HttpMethod.Get, path, null, CtlJsonContext.Default.CommandDto, waitSeconds, cancellationToken);
    }

    /// <summary>Brings a running session of <paramref name="project"/> under supervision.</summary>
    public Task<ApiPage<CommandDto>> AdoptAsync(string project, AdoptRequest request, int? waitSeconds, string? idempotencyKey, CancellationToken cancellationToken)
    {
        var path = $"api/v1/projects/{Escape(project)}/adopt" + new QueryString().Add("wait", waitSeconds);
        var body = WithKey(JsonContent.Create(request, CtlJsonContext.Default.AdoptRequest), idempotencyKey);
        return SendAsync(HttpMethod.Post, path, body, CtlJsonContext.Default.CommandDto, waitSeconds, cancellationToken);
    }

    /// <summary>Sends <c>prompt</c>, <c>inject</c>, <c>resume</c>, <c>abort</c>, <c>restart</c> or <c>kill</c> to a session.</summary>
    public Task<ApiPage<CommandDto>> SendSessionCommandAsync(
        string sessionId, string verb, PromptRequest? prompt, int? waitSeconds, string? idempotencyKey, CancellationToken cancellationToken)
    {
        var path = $"api/v1/sessions/{Escape(sessionId)}/{verb}" + new QueryString().Add("wait", waitSeconds);
        HttpContent? body = prompt is null ? null : JsonContent.Create(prompt, CtlJsonContext.Default.PromptRequest);
        return SendAsync(HttpMethod.Post, path, WithKey(body, idempotencyKey), CtlJsonContext.Default.CommandDto, waitSeconds, cancellationToken);
    }

    /// <summary>Restarts a session with a handover; with <paramref name="toNode"/> its successor starts on that node (or <c>auto</c>).</summary>
    public Task<ApiPage<CommandDto>> RestartSessionAsync(
        string sessionId, string? toNode, int? waitSeconds, string? idempotencyKey, CancellationToken cancellationToken)
    {
        var path = $"api/v1/sessions/{Escape(sessionId)}/restart" + new QueryString().Add("wait", waitSeconds);
        HttpContent? body = toNode is null ? null : JsonContent.Create(new RestartRequest(toNode), CtlJsonContext.Default.RestartRequest);
        return SendAsync(HttpMethod.Post, path, WithKey(body, idempotencyKey), CtlJsonContext.Default.CommandDto, waitSeconds, cancellationToken);
    }

    public Task<ApiPage<IReadOnlyList<CommandDto>>> ListCommandsAsync(CommandQuery query, string? cursor, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, "api/v1/commands" + query.ToQuery(cursor), null, CtlJsonContext.Default.IReadOnlyListCommandDto, null, cancellationToken);

    public Task<ApiPage<CommandDto>> GetCommandAsync(string commandId, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, $"api/v1/commands/{Escape(commandId)}", null, CtlJsonContext.Default.CommandDto, null, cancellationToken);

    public Task<ApiPage<IReadOnlyList<AuditEntryDto>>> ListAuditAsync(AuditQuery query, string? cursor, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, "api/v1/audit" + query.ToQuery(cursor), null, CtlJsonContext.Default.IReadOnlyListAuditEntryDto, null, cancellationToken);

    public Task<ApiPage<IReadOnlyList<ApprovalDto>>> ListApprovalsAsync(QueryString query, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, "api/v1/approvals" + query, null, CtlJsonContext.Default.IReadOnlyListApprovalDto, null, cancellationToken);

    /// <summary>Approves (once, or always) or denies a permission request.</summary>
    public Task<ApiPage<ApprovalDto>> AnswerApprovalAsync(string approvalId, bool approve, bool always, CancellationToken cancellationToken)
    {
        var path = $"api/v1/approvals/{Escape(approvalId)}/" + (approve ? "approve" : "deny");
        HttpContent? body = approve ? JsonContent.Create(new ApproveRequest(always), CtlJsonContext.Default.ApproveRequest) : null;
        return SendAsync(HttpMethod.Post, path, body, CtlJsonContext.Default.ApprovalDto, null, cancellationToken);
    }

    public Task<ApiPage<IReadOnlyList<TokenDto>>> ListTokensAsync(bool includeRevoked, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, "api/v1/tokens" + new QueryString().Add("include_revoked", includeRevoked ? "true" : null), null,
            CtlJsonContext.Default.IReadOnlyListTokenDto, null, cancellationToken);

    /// <summary>Creates a user token with <paramref name="role"/>; the answer holds its secret, shown this once.</summary>
    public Task<ApiPage<IssuedTokenDto>> CreateTokenAsync(string name, string role, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, "api/v1/tokens", JsonContent.Create(new TokenCreateRequest(name, role), CtlJsonContext.Default.TokenCreateRequest),
            CtlJsonContext.Default.IssuedTokenDto, null, cancellationToken);

    /// <summary>Revokes a token by id, name or <c>node:NODE_ID</c>.</summary>
    public Task<ApiPage<TokenDto>> RevokeTokenAsync(string reference, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, $"api/v1/tokens/{Escape(reference)}/revoke", null, CtlJsonContext.Default.TokenDto, null, cancellationToken);

    /// <summary>Issues a token that lets an agent connect as <paramref name="nodeId"/> and as nothing else.</summary>
    public Task<ApiPage<IssuedTokenDto>> EnrollNodeAsync(string nodeId, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, $"api/v1/nodes/{Escape(nodeId)}/enroll", null, CtlJsonContext.Default.IssuedTokenDto, null, cancellationToken);

    /// <summary><c>GET api/v1/cost</c>: <paramref name="period"/> today, week, month or custom (with <paramref name="from"/> and <paramref name="to"/>).</summary>
    public Task<ApiPage<CostReportDto>> GetCostAsync(string period, string? from, string? to, string? groupBy, int? limit, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, "api/v1/cost" + new QueryString().Add("period", period).Add("from", from).Add("to", to).Add("group_by", groupBy).Add("limit", limit),
            null, CtlJsonContext.Default.CostReportDto, null, cancellationToken);

    /// <summary>Opens the live SSE tail; events after <paramref name="afterId"/> come first.</summary>
    public async Task<SseStream> OpenEventStreamAsync(EventQuery query, long? afterId, CancellationToken cancellationToken)
    {
        var after = afterId?.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var path = "api/v1/events/stream" + query.ToQuery().Add("after_id", after);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(_baseUri, path));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        if (after is not null)
        {
            request.Headers.Add("Last-Event-ID", after);
        }

        var response = await SendRawAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        try
        {
            await EnsureSuccessAsync(response, cancellationToken);
            var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
            return new SseStream(response, stream, _baseUri);
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    /// <summary>
    /// <c>POST api/v1/admin/backup</c> into <paramref name="path"/> (written as <c>PATH.partial</c>, renamed once whole);
    /// returns its size. No time limit: a large database takes as long as it takes.
    /// </summary>
    public async Task<long> DownloadBackupAsync(string path, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_baseUri, "api/v1/admin/backup"));
        using var response = await SendRawAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        await EnsureSuccessAsync(response, cancellationToken);
        var partial = path + ".partial";
        try
        {
            long written;
            await using (var file = new FileStream(partial, FileMode.CreateNew, FileAccess.Write))
            {
                await response.Content.CopyToAsync(file, cancellationToken);
                await file.FlushAsync(cancellationToken);
                written = file.Length;
            }
            if (response.Content.Headers.ContentLength is { } expected && expected != written)
            {
                throw new IOException($"the backup was cut short: got {written} of {expected} bytes");
            }
            File.Move(partial, path);
            return written;
        }
        catch (HttpRequestException ex)
        {
            throw ApiErrors.FromTransport(_baseUri, ex);
        }
        finally
        {
            File.Delete(partial);
        }
    }

    private async Task<ApiPage<T>> SendAsync<T>(
        HttpMethod method, string path, HttpContent? body, JsonTypeInfo<T> typeInfo, int? waitSeconds, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, new Uri(_baseUri, path)) { Content = body };
        var timeout = s_requestTimeout + TimeSpan.FromSeconds(waitSeconds ?? 30);
        using var expiry = new CancellationTokenSource(timeout, _time);
        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, expiry.Token);
        try
        {
            using var response = await SendRawAsync(request, HttpCompletionOption.ResponseContentRead, timeoutSource.Token);
            await EnsureSuccessAsync(response, timeoutSource.Token);
            var text = await response.Content.ReadAsStringAsync(timeoutSource.Token);
            return Envelope.Parse(text, typeInfo);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw ApiErrors.Timeout(_baseUri, timeout);
        }
    }

    private async Task<HttpResponseMessage> SendRawAsync(HttpRequestMessage request, HttpCompletionOption option, CancellationToken cancellationToken)
    {
        try
        {
            return await _http.SendAsync(request, option, cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            throw ApiErrors.FromTransport(_baseUri, ex);
        }
    }

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            throw ApiErrors.FromResponse(response.StatusCode, body);
        }
    }

    /// <summary>
    /// Adds the <c>Idempotency-Key</c> header; as a content header (on an empty body when there is none),
    /// which the server reads like a request header.
    /// </summary>
    private static HttpContent? WithKey(HttpContent? body, string? idempotencyKey)
    {
        if (idempotencyKey is null)
        {
            return body;
        }
        body ??= new ByteArrayContent([]);
        body.Headers.TryAddWithoutValidation("Idempotency-Key", idempotencyKey);
        return body;
    }

    private static string Escape(string segment) => Uri.EscapeDataString(segment);

    /// <summary>
    /// <c>cli:USER</c> for the audit log, in the form the supervisor accepts: the user name's other characters become
    /// <c>_</c> and it is cut to 64.
    /// </summary>
    internal static string Actor(string userName)
    {
        var name = new string([.. userName.Take(64).Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '@' or '-' ? c : '_')]);
        return "cli:" + (name.Length == 0 ? "unknown" : name);
    }
}
