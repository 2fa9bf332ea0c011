namespace HalOSwarm.Supervisor.Policies;

/// <summary>What the engine needs of every policy to carry a decision out.</summary>
internal interface IPolicy
{
    string Name { get; }

    PolicyRuleOptions Rule { get; }

    /// <summary>The engine carried <paramref name="decision"/> out (command submitted or event recorded).</summary>
    void Applied(PolicyDecision decision, PolicyState state, DateTimeOffset now)
    {
    }
}
