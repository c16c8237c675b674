using System.Text;
using System.Text.Json;
using PushNotifi.Sandbox;

namespace PushNotifi.Testing;

/// <summary>
/// The inbox page's event stream (<c>/sandbox/events</c>) read over real loopback HTTP, frame by frame as the sandbox
/// writes them (<c>id: </c>, <c>event: </c>, <c>data: </c> lines up to a blank line; comment-only frames are skipped).
/// Every read ends with the test (its cancellation token), or after a minute as a hang guard, so a frame that
/// never comes fails the test instead of holding the run. Linked only into the sandbox tests: it waits for the
/// subscription through the sandbox's internal state.
/// </summary>
internal sealed class SandboxEventStream : IDisposable
{
    private readonly HttpClient _client;
    private readonly StreamReader _reader;

    private SandboxEventStream(HttpClient client, HttpResponseMessage response, Stream body)
    {
        _client = client;
        Response = response;
        _reader = new StreamReader(body, Encoding.UTF8);
    }

    /// <summary>One frame: its id and event name when it has them, and its data lines joined.</summary>
    public sealed record Frame(string? Id, string? Event, string Data)
    {
        public JsonElement Json => JsonDocument.Parse(Data).RootElement.Clone();
    }

    public HttpResponseMessage Response { get; }

    /// <summary>
    /// Opens the stream (with <c>Last-Event-ID</c> when given) and returns once the sandbox has subscribed it, so
    /// every event published after this returns reaches it.
    /// </summary>
    public static async Task<SandboxEventStream> OpenAsync(SandboxServer sandbox, string? lastEventId = null)
    {
        using var guard = Guard();
        var ct = guard.Token;
        var before = sandbox.State.Events.SubscriberCount;
        var client = new HttpClient { BaseAddress = new Uri(sandbox.BaseUrl), Timeout = Timeout.InfiniteTimeSpan };
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/sandbox/events");
            if (lastEventId is not null)
            {
                request.Headers.Add("Last-Event-ID", lastEventId);
            }

            var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
            response.EnsureSuccessStatusCode();
            while (sandbox.State.Events.SubscriberCount <= before)
            {
                await Task.Delay(5, ct);
            }

            return new SandboxEventStream(client, response, await response.Content.ReadAsStreamAsync(ct));
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    /// <summary>The next frame that is not only comments.</summary>
    public async Task<Frame> NextAsync()
    {
        using var guard = Guard();
        var ct = guard.Token;
        while (true)
        {
            string? id = null, name = null;
            var data = new List<string>();
            var any = false;
            var ended = true;
            while (await _reader.ReadLineAsync(ct) is { } line)
            {
                if (line.Length == 0)
                {
                    ended = false;
                    break;
                }

                any |= !line.StartsWith(':');
                if (line.StartsWith("id: ", StringComparison.Ordinal))
                {
                    id = line[4..];
                }
                else if (line.StartsWith("event: ", StringComparison.Ordinal))
                {
                    name = line[7..];
                }
                else if (line.StartsWith("data: ", StringComparison.Ordinal))
                {
                    data.Add(line[6..]);
                }
            }

            if (any)
            {
                return new Frame(id, name, string.Join('\n', data));
            }

            if (ended)
            {
                throw new InvalidOperationException("The event stream ended.");
            }
        }
    }

    /// <summary>The data of the next event called <paramref name="name"/>, skipping the others.</summary>
    public async Task<JsonElement> NextAsync(string name)
    {
        while (true)
        {
            var frame = await NextAsync();
            if (frame.Event == name)
            {
                return frame.Json;
            }
        }
    }

    /// <summary>The raw text the stream sends, up to and including the first line that contains <paramref name="marker"/>.</summary>
    public async Task<string> TextUntilAsync(string marker)
    {
        using var guard = Guard();
        var text = new StringBuilder();
        while (await _reader.ReadLineAsync(guard.Token) is { } line)
        {
            text.AppendLine(line);
            if (line.Contains(marker, StringComparison.Ordinal))
            {
                break;
            }
        }

        return text.ToString();
    }

    /// <summary>Reads what is left until the server ends the stream, and returns it; throws when the connection breaks.</summary>
    public async Task<string> RestAsync()
    {
        using var guard = Guard();
        return await _reader.ReadToEndAsync(guard.Token);
    }

    /// <summary>True once the connection ends, cleanly or broken.</summary>
    public async Task<bool> ReadsToTheEndAsync()
    {
        using var guard = Guard();
        try
        {
            var buffer = new char[64 * 1024];
            while (await _reader.ReadAsync(buffer, guard.Token) > 0)
            {
            }

            return true;
        }
        catch (Exception e) when (e is IOException or HttpRequestException)
        {
            return true;
        }
    }

    private static CancellationTokenSource Guard()
    {
        var guard = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        guard.CancelAfter(TimeSpan.FromMinutes(1));
        return guard;
    }

    public void Dispose()
    {
        _reader.Dispose();
        Response.Dispose();
        _client.Dispose();
    }
}
