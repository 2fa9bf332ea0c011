namespace HalOSwarm.Integration.Tests.Harness;

/// <summary>One line of the scripted program's record: when, what (ask, read, ticked…), and the rest of the line.</summary>
internal sealed record ProgramLine(DateTimeOffset At, string What, string Text);
