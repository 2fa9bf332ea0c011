Console.WriteLine("hal-agent");
