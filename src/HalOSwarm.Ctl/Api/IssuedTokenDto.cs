namespace HalOSwarm.Ctl.Api;

/// <summary>A token just created and its secret, which the supervisor shows this once.</summary>
internal sealed record IssuedTokenDto(TokenDto Token, string Secret);
