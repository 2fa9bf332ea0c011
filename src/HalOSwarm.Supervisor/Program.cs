using HalOSwarm.Supervisor.Hosting;

return await SupervisorCommand.RunAsync(args, Console.Out, Console.Error);
