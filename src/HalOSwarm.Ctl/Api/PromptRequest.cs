namespace HalOSwarm.Ctl.Api;

/// <summary>Body of <c>prompt</c> and <c>inject</c>; <see cref="Interrupt"/> is left out unless set.</summary>
internal sealed record PromptRequest(string Text, bool? Interrupt = null);
