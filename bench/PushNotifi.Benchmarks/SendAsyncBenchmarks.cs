using System.Diagnostics.CodeAnalysis;
using System.Net.Http.Headers;
using System.Text;
using BenchmarkDotNet.Attributes;
using PushNotifi.Sandbox;

namespace PushNotifi.Benchmarks;

/// <summary>
/// Time and allocations of one <see cref="PushNotifiClient.SendAsync"/> against an in-process sandbox on
/// loopback. MemoryDiagnoser counts the whole process, so the sandbox's server-side allocations are in
/// every row; the raw HttpClient POST of the same body is the baseline that carries the same server cost,
/// and the difference is what the client adds.
/// </summary>
[MemoryDiagnoser]
[SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable", Justification = "BenchmarkDotNet disposes them in GlobalCleanup.")]
public class SendAsyncBenchmarks
{
    // Clearing the sandbox this often keeps its store (and so the process's memory) from growing.
    private const int ClearEvery = 512;

    private SandboxServer _sandbox = null!;
    private HttpClient _http = null!;
    private PushNotifiClient _client = null!;
    private PushNotifiMessage _message = null!;
    private byte[] _rawBody = null!;
    private Uri _messageUri = null!;
    private long _sends;

    /// <summary>Starts the sandbox and a client sharing one pooled HttpClient, and checks one send lands.</summary>
    [GlobalSetup]
    public async Task SetupAsync()
    {
        _sandbox = await SandboxServer.StartAsync(new SandboxOptions
        {
            UserKey = BenchKeys.User,
            GroupKey = BenchKeys.Group,
            ApplicationKey = BenchKeys.Application,
            WebhookToken = BenchKeys.WebhookToken,
        });
        _http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(2) }) { Timeout = Timeout.InfiniteTimeSpan };
        var options = BenchKeys.Options(_sandbox.BaseUrl);
        options.ApplicationKey = null; // so the client's body has the same fields as the raw baseline's
        _client = new PushNotifiClient(options, _http);
        _message = PushNotifiMessage.ToDefaultGroup("Nightly export failed", "TimeoutException: the database did not answer within 30 s (after 00:00:31.2)");
        _rawBody = Encoding.UTF8.GetBytes(
            $$"""{"type":"group","send_to_key":"{{BenchKeys.Group}}","message":"{{_message.Message}}","title":"{{_message.Title}}"}""");
        _messageUri = new Uri(_sandbox.BaseUrl + "/api/v1/message");

        await _client.SendAsync(_message);
        await RawPostAsync();
        if (_sandbox.Notifications.Count != 2)
        {
            throw new InvalidOperationException($"Expected 2 notifications in the sandbox, found {_sandbox.Notifications.Count}.");
        }

        _sandbox.Clear();
    }

    /// <summary>Stops the sandbox and releases the connections.</summary>
    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        _http.Dispose();
        await _sandbox.DisposeAsync();
    }

    /// <summary>The same JSON posted with a bare HttpClient: transport and sandbox cost without the client.</summary>
    [Benchmark(Baseline = true)]
    public async Task<int> RawHttpPost()
    {
        ClearNow();
        return await RawPostAsync();
    }

    /// <summary>A send without an idempotency key (single attempt, no retry pipeline).</summary>
    [Benchmark]
    public Task<PushNotifiSendResult> SendAsync()
    {
        ClearNow();
        return _client.SendAsync(_message);
    }

    /// <summary>A send with a fresh idempotency key (goes through the retrying pipeline).</summary>
    [Benchmark]
    public Task<PushNotifiSendResult> SendAsyncWithIdempotencyKey()
    {
        var n = ClearNow();
        return _client.SendAsync(_message with { IdempotencyKey = "bench:" + n.ToString(System.Globalization.CultureInfo.InvariantCulture) });
    }

    private long ClearNow()
    {
        var n = ++_sends;
        if (n % ClearEvery == 0)
        {
            _sandbox.Clear();
        }

        return n;
    }

    private async Task<int> RawPostAsync()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _messageUri);
        request.Headers.Add("X-API-Key", BenchKeys.User);
        request.Content = new ByteArrayContent(_rawBody);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await _http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadAsByteArrayAsync();
        return body.Length;
    }
}
