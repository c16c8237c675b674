using System.Net;
using System.Text;

namespace PushNotifi.Sandbox.Tests;

/// <summary>
/// No key the sandbox issued (created or rotated, active or revoked) shows anywhere: not in the traffic log, the
/// notifications, the event stream, the logs or the data file; only as "…" plus its last 4.
/// </summary>
public class IssuedKeyHidingTests
{
    [Fact]
    public async Task Issued_keys_pasted_into_a_header_a_body_and_a_message_show_nowhere_but_as_last_four()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var (leaks, events) = await LeakIssuedKeysAsync(sandbox);
        var streamed = await events;

        var outputs = await ScanEndpointsAsync(sandbox);
        outputs.Add(streamed);

        Assert.All(leaks.Keys, key => Assert.All(outputs, output => Assert.DoesNotContain(key[..8], output, StringComparison.Ordinal)));
        Assert.Contains("my key is …" + leaks.Active[^4..], outputs[0], StringComparison.Ordinal);
        Assert.Contains("my key is …" + leaks.Active[^4..], streamed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_in_process_api_hides_issued_keys_and_still_shows_the_configured_ones_as_received()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var (leaks, events) = await LeakIssuedKeysAsync(sandbox);
        await events;

        var captured = InProcessText(sandbox);

        Assert.All(leaks.Keys, key => Assert.DoesNotContain(key[..8], captured, StringComparison.Ordinal));
        Assert.Contains("my key is …" + leaks.Active[^4..], sandbox.Notifications[0].Message, StringComparison.Ordinal);
        Assert.Equal(Fake.UserKey, sandbox.Notifications[0].SendToKey);
        Assert.Contains(Fake.ApplicationKey, sandbox.Notifications[0].RawBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_a_data_file_issued_keys_show_nowhere_and_neither_the_file_nor_its_wal_holds_them()
    {
        using var data = new DataFile();
        Leaks leaks;
        await using (var sandbox = await data.StartAsync())
        {
            (leaks, var events) = await LeakIssuedKeysAsync(sandbox);
            var outputs = await ScanEndpointsAsync(sandbox);
            outputs.Add(await events);
            outputs.Add(InProcessText(sandbox));
            outputs.Add(FileBytes(data));

            Assert.All(leaks.Keys, key => Assert.All(outputs, output => Assert.DoesNotContain(key[..8], output, StringComparison.Ordinal)));
            Assert.Contains("-wal", string.Join(" ", Directory.GetFiles(data.Folder)), StringComparison.Ordinal);
        }

        var closed = FileBytes(data);
        Assert.All(leaks.Keys, key => Assert.DoesNotContain(key[..8], closed, StringComparison.Ordinal));
        Assert.Contains("my key is …" + leaks.Active[^4..], closed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_a_restart_keys_issued_before_it_are_hidden_by_their_shape()
    {
        using var data = new DataFile();
        string old;
        await using (var first = await data.StartAsync())
        {
            (_, old) = await ApiKeyTests.CreateAsync(Fake.Client(first), "ci", "send");
        }

        await using var second = await data.StartAsync();
        using var client = Fake.Client(second);
        client.DefaultRequestHeaders.Add("X-Debug-Echo", old);
        using var pasted = await client.PostJsonAsync($"/api/v1/message?key={old}",
            $$"""{"type":"group","send_to_key":"{{Fake.GroupKey}}","message":"old key {{old}}","title":"{{old}}"}""");
        Assert.Equal(HttpStatusCode.OK, pasted.StatusCode);
        using var withOld = await Fake.Client(second, old).SendToGroupAsync($"sent with {old}");
        Assert.Equal(HttpStatusCode.OK, withOld.StatusCode);

        var outputs = await ScanEndpointsAsync(second);
        outputs.Add(InProcessText(second));
        outputs.Add(FileBytes(data));

        Assert.All(outputs, output => Assert.DoesNotContain(old[..8], output, StringComparison.Ordinal));
        Assert.Contains("old key …" + old[^4..], outputs[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_standalone_sandboxs_log_shows_issued_keys_only_as_last_four_before_and_after_a_restart()
    {
        using var data = new DataFile();
        var keys = new Dictionary<string, string> { ["PUSHNOTIFI_USER_KEY"] = Fake.UserKey, ["PUSHNOTIFI_GROUP_KEY"] = Fake.GroupKey };
        var output = new List<string>();
        string issued = string.Empty;
        for (var run = 0; run < 2; run++)
        {
            var baseUrl = $"http://127.0.0.1:{FreePort.Next()}";
            await using var sandbox = StandaloneProcess.Start(keys, "--urls", baseUrl, "--data", data.Path);
            await Eventually.TrueAsync(() => sandbox.Output.Contains("listening on " + baseUrl, StringComparison.Ordinal) || sandbox.HasExited, "the sandbox says it listens");
            Assert.False(sandbox.HasExited, sandbox.Output);
            using var admin = new HttpClient { BaseAddress = new Uri(baseUrl) };
            admin.DefaultRequestHeaders.Add("X-API-Key", Fake.UserKey);
            if (run == 0)
            {
                (_, issued) = await ApiKeyTests.CreateAsync(admin, "ci", "send");
            }

            using var client = new HttpClient { BaseAddress = new Uri(baseUrl) };
            client.DefaultRequestHeaders.Add("X-API-Key", issued);
            client.DefaultRequestHeaders.Add("X-Debug-Echo", issued);
            using var sent = await client.PostJsonAsync($"/api/v1/message?key={issued}",
                $$"""{"type":"group","send_to_key":"{{Fake.GroupKey}}","message":"my key is {{issued}}"}""");
            Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
            await Eventually.TrueAsync(() => sandbox.Output.Contains("/api/v1/message?key=…" + issued[^4..], StringComparison.Ordinal), "the send is logged");
            output.Add(sandbox.Output);
        }

        Assert.All(output, text => Assert.DoesNotContain(issued[..8], text, StringComparison.Ordinal));
    }

    private sealed record Leaks(string Active, string Rotated, string Revoked)
    {
        public string[] Keys => [Active, Rotated, Revoked];
    }

    /// <summary>
    /// Opens the event stream, then creates three keys (one rotated away, one revoked) and pastes each into a query,
    /// a header, a body and a message, sending with the active one and trying the other two. The task completes with
    /// the raw text the stream sent until the last request was announced.
    /// </summary>
    private static async Task<(Leaks Leaks, Task<string> Events)> LeakIssuedKeysAsync(SandboxServer sandbox)
    {
        var stream = await SandboxEventStream.OpenAsync(sandbox);

        using var admin = Fake.Client(sandbox);
        var (rotatedId, rotated) = await ApiKeyTests.CreateAsync(admin, "ci", "send");
        using var rotate = await admin.PostAsync($"/api/v1/api-keys/{rotatedId}/rotate", null);
        var active = (await rotate.JsonAsync()).GetProperty("key").GetString()!;
        var (revokedId, revoked) = await ApiKeyTests.CreateAsync(admin, "old laptop", "full");
        (await admin.DeleteAsync($"/api/v1/api-keys/{revokedId}")).Dispose();
        var leaks = new Leaks(active, rotated, revoked);

        foreach (var key in leaks.Keys)
        {
            using var client = Fake.Client(sandbox, key);
            client.DefaultRequestHeaders.Add("X-Debug-Echo", $"{leaks.Active} {leaks.Rotated} {leaks.Revoked}");
            using var sent = await client.PostJsonAsync($"/api/v1/message?key={key}",
                $$"""{"type":"user","send_to_key":"{{Fake.UserKey}}","message":"my key is {{key}}","title":"{{key}}","url":"https://example.com/?k={{key}}","application_key":"{{Fake.ApplicationKey}}"}""");
            Assert.Equal(key == active ? HttpStatusCode.OK : HttpStatusCode.Unauthorized, sent.StatusCode);
        }

        var last = sandbox.Requests[^1].Sequence;
        return (leaks, ReadUntilAsync(stream, $"\"sequence\":{last},"));
    }

    private static async Task<string> ReadUntilAsync(SandboxEventStream stream, string marker)
    {
        using var owner = stream;
        return await owner.TextUntilAsync(marker);
    }

    /// <summary>Both inspection endpoints (notifications first) and the key list, as raw text.</summary>
    private static async Task<List<string>> ScanEndpointsAsync(SandboxServer sandbox)
    {
        using var client = Fake.Client(sandbox, apiKey: null);
        return
        [
            await client.GetStringAsync("/sandbox/notifications"),
            await client.GetStringAsync("/sandbox/requests"),
            await client.GetStringAsync("/sandbox/keys"),
        ];
    }

    private static string InProcessText(SandboxServer sandbox) =>
        string.Join("\n", sandbox.Requests.Select(r => $"{r.Path} {string.Join(" ", r.Headers.Values)} {r.Body}"))
        + string.Join("\n", sandbox.Notifications.Select(n =>
            $"{n.Message} {n.Title} {n.Url} {n.RawBody} {string.Join(" ", n.Headers.Values)}"));

    /// <summary>The raw bytes of the data file and its WAL, shared-memory and journal files.</summary>
    private static string FileBytes(DataFile data) =>
        string.Join("\n", new[] { "", "-wal", "-shm", "-journal" }
            .Select(suffix => data.Path + suffix)
            .Where(File.Exists)
            .Select(path =>
            {
                // Shared, as the running sandbox has them open.
                using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                using var copy = new MemoryStream();
                file.CopyTo(copy);
                return Encoding.UTF8.GetString(copy.ToArray());
            }));
}
