using System.Net;
using System.Net.Sockets;

namespace PushNotifi.Redis.Tests.Kit;

/// <summary>
/// A fault test kills its server and starts it again on the same port. In between, nothing else on the machine may
/// get that port: a freed loopback port that never had a connection came back from bind(0) 10 times in 60,000 binds
/// here. Another server answering there is the suspected cause of a fault-test flake ("back after 0.9 s", then
/// "unavailable" again 90 ms later, while the server was dead); this test did not reproduce it without the hold.
/// </summary>
public sealed class RedisServerPortTests
{
    [Fact]
    public async Task A_killed_servers_port_is_not_handed_to_anyone_else_before_it_starts_again_on_it()
    {
        await using var server = await RedisServer.StartAsync(RedisBackend.Garnet);
        await server.KillAsync();

        // What any other process does to get "a free port" (Kestrel on port 0, FreePort.Next, another test host).
        var taken = 0;
        for (var i = 0; i < 30_000; i++)
        {
            using var other = new TcpListener(IPAddress.Loopback, 0);
            other.Start();
            taken += ((IPEndPoint)other.LocalEndpoint).Port == server.Port ? 1 : 0;
        }

        Assert.Equal(0, taken);
        Assert.False(await ConnectsAsync(server.Port), "a killed server's port must refuse connections, as a crash does");

        await server.StartAgainAsync();
        Assert.Equal("PONG", await server.CommandAsync("PING"));
    }

    private static async Task<bool> ConnectsAsync(int port)
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, port, TestContext.Current.CancellationToken);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
