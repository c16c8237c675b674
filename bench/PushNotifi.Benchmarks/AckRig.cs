using PushNotifi.Sandbox;

namespace PushNotifi.Benchmarks;

/// <summary>
/// A real loopback sandbox (which answers <c>GET /api/v1/alerts/{id}/status</c>) and a <see cref="PushNotifiClient"/>
/// on a <see cref="SteppingTimeProvider"/>, polling on one <see cref="AckSchedule"/>. Waits are simulated in fake time:
/// a 15-minute wait takes as long as its requests do.
/// </summary>
internal sealed class AckRig : IAsyncDisposable
{
    /// <summary>The wait an unanswered question gets: the default of <see cref="PushNotifiAckPollingOptions.DefaultTimeout"/>, 15 minutes.</summary>
    public static readonly TimeSpan Wait = TimeSpan.FromMinutes(15);

    private readonly HttpClient _http;

    private AckRig(SandboxServer sandbox, HttpClient http, SteppingTimeProvider clock, PushNotifiClient client)
    {
        Sandbox = sandbox;
        _http = http;
        Clock = clock;
        Client = client;
    }

    public SandboxServer Sandbox { get; }

    public SteppingTimeProvider Clock { get; }

    public PushNotifiClient Client { get; }

    public static async Task<AckRig> StartAsync(AckSchedule schedule)
    {
        var sandbox = await SandboxServer.StartAsync(new SandboxOptions
        {
            UserKey = BenchKeys.User,
            GroupKey = BenchKeys.Group,
            ApplicationKey = BenchKeys.Application,
            WebhookToken = BenchKeys.WebhookToken,
        });
        var http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(2) }) { Timeout = Timeout.InfiniteTimeSpan };
        var options = BenchKeys.Options(sandbox.BaseUrl);
        options.AckPolling = AckSchedules.For(schedule);
        var clock = new SteppingTimeProvider();
        return new AckRig(sandbox, http, clock, new PushNotifiClient(options, http, logger: null, clock));
    }

    /// <summary>Asks a fresh Approve/Deny question (a new alert) and returns its id.</summary>
    public Task<string> AskAsync() =>
        Client.RequestAckAsync(new PushNotifiMessage { Message = "Deploy v2 to production?", ResponseTemplate = PushNotifiResponseTemplate.ApproveDeny });

    /// <summary>
    /// Awaits <paramref name="alertId"/> for <see cref="Wait"/>, moving the fake clock from one of the client's pauses to
    /// the next. With <paramref name="tapAfter"/>, the person taps Approve (through the sandbox's own ack path) at
    /// exactly that time after the wait began; a status request due at that same instant goes first, so the figure
    /// is never flattered by a tap that lands on a poll.
    /// </summary>
    public async Task<PushNotifiAckResult> AwaitAsync(string alertId, TimeSpan? tapAfter)
    {
        var start = Clock.GetUtcNow();
        var tapped = tapAfter is null;
        var wait = Client.AwaitAckAsync(alertId, Wait);
        while (true)
        {
            using var stop = new CancellationTokenSource();
            var delay = Clock.NextDelayAsync(stop.Token).AsTask();
            if (await Task.WhenAny(wait, delay) == wait)
            {
                await stop.CancelAsync();
                return await wait;
            }

            var pause = await delay;
            var now = Clock.GetUtcNow() - start;
            if (!tapped && now >= tapAfter)
            {
                Tap(alertId);
                tapped = true;
            }

            if (!tapped && now + pause > tapAfter)
            {
                var untilTap = tapAfter!.Value - now;
                Clock.Advance(untilTap);
                Tap(alertId);
                tapped = true;
                Clock.Advance(pause - untilTap);
            }
            else
            {
                Clock.Advance(pause);
            }
        }
    }

    /// <summary>How many status requests for <paramref name="alertId"/> the sandbox received (its own request log).</summary>
    public int StatusRequestsSeen(string alertId)
    {
        var path = "/api/v1/alerts/" + alertId + "/status";
        return Sandbox.Requests.Count(r => r.Method == "GET" && r.Path == path);
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await Sandbox.DisposeAsync();
    }

    private void Tap(string alertId) => Sandbox.Ack(alertId, "Approve", deviceId: "bench-phone");
}
