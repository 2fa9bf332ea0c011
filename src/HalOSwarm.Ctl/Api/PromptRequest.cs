namespace HalOSwarm.Ctl.Api;

internal sealed record PromptRequest(string Text);
