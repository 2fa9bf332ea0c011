namespace HalOSwarm.Ctl.Output;

/// <summary>One dispatched server-sent event; <see cref="Event"/> is <c>message</c> when the server named none.</summary>
internal sealed record SseEvent(string? Id, string Event, string Data);
