Console.WriteLine("halctl");
