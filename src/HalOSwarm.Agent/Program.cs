using HalOSwarm.Agent;

return await AgentCommand.RunAsync(args, Console.Out, Console.Error);
