using Garnet;

// Usage: PushNotifi.Redis.GarnetHost [Garnet options], e.g. --port 6400 --bind 127.0.0.1 --lua.
// The tests own this process: when they close its standard input (or die), it stops, so no server outlives a run.
using var server = new GarnetServer(args);
server.Start();
Console.WriteLine("ready");
await Console.In.ReadToEndAsync();
