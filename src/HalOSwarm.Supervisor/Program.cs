Console.WriteLine("hal-supervisor");
