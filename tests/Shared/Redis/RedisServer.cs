using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Text;
using StackExchange.Redis;

namespace PushNotifi.Testing;

/// <summary>
/// A Redis-protocol server of our own on a free loopback port, without persistence, stopped when disposed: Garnet
/// (from tests/PushNotifi.Redis.GarnetHost, always there) or a real <c>redis-server</c> (when one is on the PATH).
/// It runs in its own process, so it can be killed and started again on the same port, and paused (SIGSTOP) and
/// resumed, for the fault tests. Linked as source into the Redis and template tests; each names the host's build
/// output in an assembly metadata item called GarnetHost.
/// </summary>
internal sealed class RedisServer : IAsyncDisposable
{
    /// <summary>Set to 1 (as .ci/run does) to fail, not skip, the redis-server half of the tests when none is installed.</summary>
    internal const string RequireRedisServerVariable = "PUSHNOTIFI_TEST_REQUIRE_REDIS_SERVER";

    // A cold .NET start of the Garnet host on a busy 2-core machine can take several seconds.
    private static readonly TimeSpan s_startTimeout = TimeSpan.FromSeconds(60);

    private RunningProcess? _process;

    // Held while no server of ours listens on the port (starting, or killed until restarted): another test's server
    // on it once answered this one's clients between a kill and the restart.
    private PortHold? _hold;

    private RedisServer(RedisBackend backend, PortHold hold)
    {
        Backend = backend;
        Port = hold.Port;
        _hold = hold;
    }

    public RedisBackend Backend { get; }

    public int Port { get; }

    public string ConnectionString => $"127.0.0.1:{Port}";

    /// <summary>
    /// Starts a server of <paramref name="backend"/>. Without redis-server on the PATH the redis-server half skips
    /// the calling test, or fails it when <see cref="RequireRedisServerVariable"/> is 1.
    /// </summary>
    public static async Task<RedisServer> StartAsync(RedisBackend backend)
    {
        if (backend == RedisBackend.RedisServer && RedisServerExecutable() is null)
        {
            const string Missing = "redis-server is not on the PATH, so this test ran on Garnet only. To run it on Redis too, install Redis (e.g. `apt-get install -y redis-server`).";
            if (Environment.GetEnvironmentVariable(RequireRedisServerVariable) == "1")
            {
                throw new InvalidOperationException($"{Missing} {RequireRedisServerVariable}=1 makes this a failure.");
            }

            Assert.Skip(Missing);
        }

        var server = new RedisServer(backend, new PortHold());
        try
        {
            await server.StartAgainAsync();
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }

        return server;
    }

    /// <summary>Starts the server (again) on its port, which stays held until it answers.</summary>
    public async Task StartAgainAsync()
    {
        if (!await TryStartAsync())
        {
            // A system that does not let the server listen on a port another socket has bound: start it unheld.
            ReleaseHold();
            if (!await TryStartAsync())
            {
                throw new InvalidOperationException($"{Backend} exited before it answered PING on port {Port}. Its output:\n{_process!.Output}");
            }
        }

        ReleaseHold();
    }

    // True once the server answers; false when it exited first; throws when it neither answers nor exits in time.
    private async Task<bool> TryStartAsync()
    {
        // stdin stays open: the Garnet host stops when it closes, so it never outlives the tests.
        _process = Backend == RedisBackend.Garnet
            ? TestProcess.Start(TestProcess.Dotnet, GarnetArguments(Port), keepStandardInput: true)
            : TestProcess.Start(RedisServerExecutable()!, RedisServerArguments(Port), keepStandardInput: true);
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < s_startTimeout)
        {
            if (await PingAsync())
            {
                if (Backend == RedisBackend.Garnet)
                {
                    await WarmUpAsync();
                }

                return true;
            }

            if (_process.HasExited)
            {
                return false;
            }

            await Task.Delay(25);
        }

        throw new InvalidOperationException($"{Backend} did not answer PING on port {Port} within {s_startTimeout.TotalSeconds} s. Its output:\n{_process.Output}");
    }

    /// <summary>Kills the server (SIGKILL), as a crash would, and waits until it is gone.</summary>
    public async Task KillAsync()
    {
        await _process!.DisposeAsync();
        _process = null;
        _hold = new PortHold(Port);
    }

    /// <summary>Freezes the server: connections stay open and nothing is answered.</summary>
    public Task PauseAsync() => SignalAsync("STOP");

    public Task ResumeAsync() => SignalAsync("CONT");

    /// <summary>
    /// Runs one command (e.g. <c>INFO commandstats</c>, <c>PTTL key</c>) on a connection of its own and returns the
    /// reply as text, an array's elements one a line.
    /// </summary>
    public async Task<string> CommandAsync(string command, params object[] arguments)
    {
        var options = new ConfigurationOptions { EndPoints = { ConnectionString }, AllowAdmin = true };
        await using var connection = await ConnectionMultiplexer.ConnectAsync(options);
        var reply = await connection.GetDatabase().ExecuteAsync(command, arguments);
        return reply.Resp2Type == ResultType.Array ? string.Join('\n', (string?[])reply!) : reply.ToString();
    }

    // Garnet compiles its Lua and sorted-set paths on first use, which took 2.8 s on a loaded 2-core machine: longer
    // than the store's operation timeout, so a cold server would send the first calls down the fail-open path.
    private async Task WarmUpAsync()
    {
        const string Script = """
            redis.call('SET', KEYS[1], '1', 'NX', 'PX', ARGV[1])
            redis.call('PTTL', KEYS[1])
            redis.call('INCR', KEYS[2])
            redis.call('PEXPIRE', KEYS[2], ARGV[1])
            redis.call('ZADD', KEYS[3], ARGV[1], 'warm')
            redis.call('ZREMRANGEBYSCORE', KEYS[3], '-inf', 0)
            return redis.call('ZCARD', KEYS[3])
            """;
        RedisKey[] keys = ["warm-up:claim", "warm-up:count", "warm-up:window"];
        for (var round = 0; round < 3; round++)
        {
            // Start-up, not a measured call: a cold first EVAL took over StackExchange.Redis's default 5 s under load.
            var options = new ConfigurationOptions { EndPoints = { ConnectionString }, AsyncTimeout = 60_000, SyncTimeout = 60_000 };
            await using var connection = await ConnectionMultiplexer.ConnectAsync(options);
            var database = connection.GetDatabase();
            await database.ScriptEvaluateAsync(Script, keys, [60_000]);
            await database.KeyDeleteAsync(keys);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            await ResumeAsync();
        }

        if (_process is not null)
        {
            await _process.DisposeAsync();
        }

        ReleaseHold();
    }

    private void ReleaseHold()
    {
        _hold?.Dispose();
        _hold = null;
    }

    // --lua for our scripts and RedisRateLimiting's; small log and index (the defaults reserve gigabytes);
    // --commandstats-monitor so INFO commandstats counts calls as redis-server does.
    private static string[] GarnetArguments(int port) =>
    [
        typeof(RedisServer).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "GarnetHost").Value!,
        "--port", Text(port), "--bind", "127.0.0.1", "--lua", "--memory", "64m", "--index", "1m", "--commandstats-monitor",
    ];

    private static string[] RedisServerArguments(int port) =>
        ["--port", Text(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--daemonize", "no", "--protected-mode", "no"];

    private static string? RedisServerExecutable() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, OperatingSystem.IsWindows() ? "redis-server.exe" : "redis-server"))
            .FirstOrDefault(File.Exists);

    private async Task SignalAsync(string signal) =>
        (await TestProcess.RunAsync("kill", ["-" + signal, Text(_process!.Id)], Environment.CurrentDirectory)).EnsureSuccess();

    private async Task<bool> PingAsync()
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, Port);
            var stream = client.GetStream();
            await stream.WriteAsync("PING\r\n"u8.ToArray());
            var buffer = new byte[16];
            var read = await stream.ReadAsync(buffer);
            return Encoding.ASCII.GetString(buffer, 0, read).StartsWith("+PONG", StringComparison.Ordinal);
        }
        catch (Exception e) when (e is SocketException or IOException)
        {
            return false;
        }
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
