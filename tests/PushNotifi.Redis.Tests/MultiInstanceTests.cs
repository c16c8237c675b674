using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;

namespace PushNotifi.Redis.Tests;

/// <summary>Three separate processes of one app share a Redis and the sandbox.</summary>
[Collection(nameof(SharedRedisGroup))]
public sealed partial class MultiInstanceTests(SharedRedis redis) : IAsyncLifetime
{
    private const int Instances = 3;
    private const int RateLimit = 12;
    private const int SendsEach = 10;
    private Sandbox.SandboxServer _sandbox = null!;

    public async ValueTask InitializeAsync() => _sandbox = await TestSandbox.StartAsync();

    public async ValueTask DisposeAsync() => await _sandbox.DisposeAsync();

    [Theory]
    [MemberData(nameof(RedisBackends.All), MemberType = typeof(RedisBackends))]
    public async Task Three_processes_send_one_alert_per_key_and_window_and_hold_one_rate_limit_together(RedisBackend backend)
    {
        var server = await redis.ServerAsync(backend);
        var prefix = SharedRedis.NewPrefix();
        var startAt = DateTimeOffset.UtcNow.AddSeconds(4).ToUnixTimeMilliseconds();
        var runs = Enumerable.Range(0, Instances).Select(i => RunInstanceAsync(server, i, prefix, startAt)).ToArray();
        var outputs = await Task.WhenAll(runs);

        var bodies = _sandbox.Requests.Where(r => r.Path == "/api/v1/message").Select(r => r.Body).ToList();
        Assert.Single(bodies, b => b.Contains("\"storm:job-1\"", StringComparison.Ordinal));
        Assert.Single(bodies, b => b.Contains("\"rate:stripe:503:", StringComparison.Ordinal));

        // Every send took a permit from the one shared limit: the two alerts above and the plain sends.
        var sent = outputs.Sum(o => Field(o, "sent"));
        var refused = outputs.Sum(o => Field(o, "refused"));
        Assert.Equal(RateLimit, bodies.Count);
        Assert.Equal(RateLimit - 2, sent);
        Assert.Equal((Instances * SendsEach) - sent, refused);
        Assert.All(outputs, o => Assert.Equal(0, Field(o, "unexpected")));
    }

    private async Task<string> RunInstanceAsync(RedisServer server, int instance, string prefix, long startAt)
    {
        var app = typeof(MultiInstanceTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "TestApp").Value!;
        var environment = new Dictionary<string, string?>
        {
            ["PUSHNOTIFI_USER_KEY"] = TestKeys.User,
            ["PUSHNOTIFI_GROUP_KEY"] = TestKeys.Group,
            ["PUSHNOTIFI_API_BASE_URL"] = _sandbox.BaseUrl,
            ["TESTAPP_REDIS"] = server.ConnectionString,
            ["TESTAPP_PREFIX"] = prefix,
            ["TESTAPP_INSTANCE"] = instance.ToString(CultureInfo.InvariantCulture),
            ["TESTAPP_FAILURES"] = "20000",
            ["TESTAPP_SENDS"] = SendsEach.ToString(CultureInfo.InvariantCulture),
            ["TESTAPP_RATE_LIMIT"] = RateLimit.ToString(CultureInfo.InvariantCulture),
            ["TESTAPP_START_AT"] = startAt.ToString(CultureInfo.InvariantCulture),
        };
        var run = await TestProcess.RunAsync(TestProcess.Dotnet, [app], Environment.CurrentDirectory, environment, TimeSpan.FromMinutes(2), TestContext.Current.CancellationToken);
        Assert.True(run.ExitCode == 0, $"instance {instance}: {run.Describe()}");
        return run.StandardOutput;
    }

    private static int Field(string output, string name) =>
        int.Parse(Fields().Matches(output).Single(m => m.Groups[1].Value == name).Groups[2].Value, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"(\w+)=(\d+)")]
    private static partial Regex Fields();
}
