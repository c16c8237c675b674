using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging.Testing;
using PushNotifi.Sandbox;

namespace PushNotifi.Tests;

/// <summary>
/// The canary user key, in many positions and encodings, must show up only in the X-API-Key header:
/// never in a request body, exception message, ToString() or log line.
/// </summary>
public class CanaryTests
{
    private const string Canary = TestKeys.Canary;

    private static readonly string[] s_carriers =
    [
        Canary,
        Uri.EscapeDataString(Canary),
        JsonEncodedText.Encode(Canary).ToString(),
        Canary.ToUpperInvariant(),
        Convert.ToBase64String(Encoding.UTF8.GetBytes(Canary)),
        $"X-API-Key: {Canary}",
        $"Authorization: Bearer {Canary}",
        $"https://status.example/?token={Canary}",
        $"{{\"user_key\":\"{Canary}\"}}",
    ];

    private static void AssertClean(string? text, string where)
    {
        Assert.False(text is not null && text.Contains(Canary, StringComparison.OrdinalIgnoreCase), $"the canary leaked into {where}");
        var base64 = Convert.ToBase64String(Encoding.UTF8.GetBytes(Canary)).TrimEnd('=');
        Assert.False(text?.Contains(base64, StringComparison.Ordinal) ?? false, $"the base64 canary leaked into {where}");
    }

    private static void AssertLogsClean(FakeLogger logger)
    {
        var records = logger.Collector.GetSnapshot();
        Assert.NotEmpty(records); // the test must have logged something to mean anything
        foreach (var record in records)
        {
            AssertClean(record.Message, "a log message");
            AssertClean(record.Exception?.ToString(), "a logged exception");
            AssertClean(string.Join(";", record.StructuredState?.Select(kv => kv.Value) ?? []), "log state");
        }
    }

    [Fact]
    public async Task Sent_texts_carry_the_canary_in_no_encoding_and_only_the_header_has_it()
    {
        await using var sandbox = await TestSandbox.StartAsync(o => o.UserKey = Canary);
        var logger = new FakeLogger();
        var client = Loopback.Client(Loopback.Options(sandbox, userKey: Canary), logger);

        for (var i = 0; i < s_carriers.Length; i++)
        {
            await client.SendAsync(new PushNotifiMessage
            {
                Title = $"title {s_carriers[i]}",
                Message = $"before {s_carriers[i]} after",
                Url = $"https://example.org/?token={Canary}",
                UrlTitle = s_carriers[i].Length <= 90 ? $"see {s_carriers[i]}" : null,
                IdempotencyKey = $"canary-{i}",
            });
        }

        Assert.Equal(s_carriers.Length, sandbox.Notifications.Count);
        foreach (var request in sandbox.Requests)
        {
            AssertClean(request.Body, "a request body");
            AssertClean(string.Join("\n", request.Headers.Select(h => $"{h.Key}: {h.Value}")), "other request headers");
            Assert.Equal("…0042", request.ApiKeyLastFour); // the header did carry the canary
        }

        AssertLogsClean(logger);
    }

    [Fact]
    public async Task Errors_from_the_API_never_show_the_canary()
    {
        await using var sandbox = await TestSandbox.StartAsync(o => o.UserKey = TestKeys.User); // so the canary is refused
        var logger = new FakeLogger();
        var client = Loopback.Client(Loopback.Options(sandbox, userKey: Canary), logger);

        var unauthorized = await Assert.ThrowsAsync<PushNotifiException>(() => client.SendAsync(PushNotifiMessage.ToDefaultGroup("t", Canary)));
        var notFound = await Assert.ThrowsAsync<PushNotifiException>(() => client.GetApplicationAsync(Canary));

        Assert.Equal(401, unauthorized.StatusCode);
        Assert.Contains("…0042", unauthorized.Message);
        foreach (var error in new[] { unauthorized, notFound })
        {
            AssertClean(error.Message, "an exception message");
            AssertClean(error.ToString(), "an exception's ToString()");
            AssertClean(error.Body?.ToString(), "an exception body");
        }

        AssertLogsClean(logger);
    }

    [Fact]
    public async Task Network_failures_never_show_the_canary_even_when_the_base_url_holds_it()
    {
        var logger = new FakeLogger();
        var options = TestKeys.Options($"http://127.0.0.1:9/{Canary}/?token={Canary}", userKey: Canary);
        var client = Loopback.Client(options, logger);

        var error = await Assert.ThrowsAsync<PushNotifiException>(() => client.SendAsync(PushNotifiMessage.ToDefaultGroup("t", "m")));

        Assert.Null(error.StatusCode);
        AssertClean(error.Message, "an exception message");
        AssertClean(error.ToString(), "an exception's ToString()");
        AssertLogsClean(logger);
    }

    [Fact]
    public void Causes_that_mention_the_canary_are_replaced_by_redacted_copies()
    {
        var redactor = Redactor.ForOptions(TestKeys.Options(userKey: Canary));
        var cause = new HttpRequestException($"GET https://x/?api_key={Canary} failed", new IOException($"socket said {Uri.EscapeDataString(Canary)}"));

        var sanitized = RedactedInnerException.Sanitize(cause, redactor)!;
        var wrapped = new PushNotifiException("PushNotifi send failed", sanitized);

        AssertClean(wrapped.ToString(), "a wrapped exception's ToString()");
        Assert.Contains("HttpRequestException", wrapped.ToString());
        Assert.Contains("IOException", wrapped.ToString());
        Assert.Contains("…0042", wrapped.ToString());
    }

    [Fact]
    public void Clean_causes_are_kept_as_they_are()
    {
        var cause = new IOException("connection reset");

        Assert.Same(cause, RedactedInnerException.Sanitize(cause, Redactor.ForOptions(TestKeys.Options(userKey: Canary))));
    }

    [Fact]
    public void Messages_options_and_validation_errors_do_not_show_the_canary()
    {
        var message = PushNotifiMessage.ToUser(Canary, $"title {Canary}", $"body {Canary}") with { ApplicationKey = Canary };
        var validation = Assert.Throws<PushNotifiValidationException>(() =>
            PushNotifiMessageValidator.Validate(message with { SendToKey = Canary + "x" }, TestKeys.Options(userKey: Canary), Redactor.Default));
        var configuration = Assert.Throws<PushNotifiConfigurationException>(() => new PushNotifiOptions { UserKey = Canary + "!" }.Validate());

        AssertClean(message.ToString(), "PushNotifiMessage.ToString()");
        AssertClean(validation.ToString(), "a validation exception");
        AssertClean(configuration.ToString(), "a configuration exception");
        AssertClean(new PushNotifiApplication { ApplicationKey = Canary }.ToString(), "PushNotifiApplication.ToString()");
        AssertClean(new PushNotifiGroup { GroupKey = Canary }.ToString(), "PushNotifiGroup.ToString()");
    }

    [Fact]
    public async Task The_sandbox_log_of_captures_shows_only_the_last_four()
    {
        await using var sandbox = await TestSandbox.StartAsync(o => o.UserKey = Canary);
        var client = Loopback.Client(Loopback.Options(sandbox, userKey: Canary));

        await client.SendAsync(PushNotifiMessage.ToDefaultGroup("t", "m"));

        CapturedNotification captured = Assert.Single(sandbox.Notifications);
        Assert.Equal("…0042", captured.ApiKeyLastFour);
        AssertClean(captured.RawBody, "the captured body");
        AssertClean(string.Join("\n", captured.Headers.Values), "the captured headers");
    }
}
