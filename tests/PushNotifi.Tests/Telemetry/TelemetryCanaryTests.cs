using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Text;
using PushNotifi.Diagnostics;

namespace PushNotifi.Tests.Telemetry;

/// <summary>
/// A full run (delivered, duplicate, failed, rate-limited and suppressed sends, questions answered and expired, a
/// redaction) with the run's keys inside every text: no tag of any measurement and no attribute of any span holds a key,
/// the message text, the title or the raw idempotency key.
/// </summary>
public class TelemetryCanaryTests
{
    [Fact]
    public async Task No_measurement_tag_or_span_attribute_of_a_full_run_holds_a_key_a_text_or_a_raw_idempotency_key()
    {
        var marker = Guid.NewGuid().ToString("N");
        var title = $"title-{marker} {TestKeys.User}";
        var text = $"message-{marker} key {TestKeys.User} group {TestKeys.Group}";
        var idempotencyKey = $"idem-{marker}";
        string[] forbidden =
        [
            TestKeys.User, TestKeys.Group, TestKeys.WebhookToken, TestKeys.User[..12], TestKeys.User[^12..],
            Convert.ToBase64String(Encoding.UTF8.GetBytes(TestKeys.User)).TrimEnd('='),
            title, text, marker, idempotencyKey,
        ];

        await using var sandbox = await TestSandbox.StartAsync();
        using var rig = new TelemetryRig();
        var seen = new List<string>();
        using var meters = ListenTo(rig.Meter, seen);
        using var spans = new SpanRecorder();
        var clock = new AckClock();
        var client = rig.Client(sandbox, o =>
        {
            o.RateLimitPerMinute = 4;
            o.RateLimitQueueTimeout = TimeSpan.Zero;
            o.WebhookToken = TestKeys.WebhookToken;
        }, clock.Time);
        var message = new PushNotifiMessage { Title = title, Message = text, IdempotencyKey = idempotencyKey, Url = $"https://status.example/?token={TestKeys.User}" };
        var ct = TestContext.Current.CancellationToken;

        await client.SendAsync(message, ct); // delivered
        await client.SendAsync(message, ct); // duplicate
        sandbox.Faults.FailNext(1, 400);
        await Assert.ThrowsAsync<PushNotifiException>(() => client.SendAsync(message with { IdempotencyKey = idempotencyKey + "-2" }, ct)); // failed
        var alertId = await client.RequestAckAsync(new PushNotifiMessage { Title = title, Message = text, IdempotencyKey = idempotencyKey + "-ask", ResponseTemplate = PushNotifiResponseTemplate.ApproveDeny }, ct);
        await Assert.ThrowsAsync<PushNotifiRateLimitExceededException>(() => client.SendAsync(message, ct)); // rate-limited
        await clock.RunAsync(client.AwaitAckAsync(alertId, TimeSpan.FromMinutes(5), clock), tapAt: TimeSpan.FromSeconds(10), tap: () => sandbox.Ack(alertId, "Approve", comment: text));
        var alerter = new PushNotifiAlerter(client, client.Redactor, new InMemoryPushNotifiStateStore(TimeProvider.System), metrics: rig.Metrics);
        await alerter.TrySendAlertAsync(new PushNotifiAlert(title, text) { IdempotencyKey = idempotencyKey }, ct); // suppressed: the limit is spent, but the claim is first
        await alerter.TrySendAlertAsync(new PushNotifiAlert(title, text) { IdempotencyKey = idempotencyKey }, ct);

        // The run did exercise every instrument and span kind, or this test would prove nothing.
        lock (seen)
        {
            foreach (var instrument in new[] { PushNotifiMetrics.Sends, PushNotifiMetrics.SendDuration, PushNotifiMetrics.Questions, PushNotifiMetrics.AnswerWait, PushNotifiMetrics.StatusPolls, PushNotifiMetrics.Redactions })
            {
                Assert.Contains(seen, s => s.StartsWith(instrument + " ", StringComparison.Ordinal));
            }

            foreach (var outcome in new[] { "delivered", "duplicate", "failed", "rate_limited", "suppressed", "approved" })
            {
                Assert.Contains(seen, s => s.EndsWith("=" + outcome, StringComparison.Ordinal));
            }
        }

        var attributes = spans.All.SelectMany(Describe).ToList();
        Assert.Contains(spans.All, s => s.DisplayName == PushNotifiActivities.AskName);
        Assert.Contains(spans.All, s => s.DisplayName == PushNotifiActivities.AwaitName);
        Assert.Contains(attributes, a => a.StartsWith(TelemetryTags.IdempotencyFingerprint + "=", StringComparison.Ordinal));

        foreach (var secret in forbidden)
        {
            Assert.DoesNotContain(seen, s => s.Contains(secret, StringComparison.OrdinalIgnoreCase));
            Assert.DoesNotContain(attributes, a => a.Contains(secret, StringComparison.OrdinalIgnoreCase));
        }
    }

    private static IEnumerable<string> Describe(Activity span) =>
        [
            span.DisplayName,
            span.OperationName,
            span.StatusDescription ?? string.Empty,
            .. span.TagObjects.Select(t => $"{t.Key}={t.Value}"),
            .. span.Events.SelectMany(e => e.Tags.Select(t => $"{e.Name} {t.Key}={t.Value}")),
            .. span.Baggage.Select(b => $"{b.Key}={b.Value}"),
        ];

    /// <summary>Every measurement of every instrument on <paramref name="meter"/> (this test's own), as "instrument tag=value" lines.</summary>
    private static MeterListener ListenTo(Meter meter, List<string> seen)
    {
        var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (ReferenceEquals(instrument.Meter, meter))
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        void Record(Instrument instrument, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            var lines = new List<string> { instrument.Name + " " };
            foreach (var tag in tags)
            {
                lines.Add($"{instrument.Name} {tag.Key}={tag.Value}");
            }

            lock (seen)
            {
                seen.AddRange(lines);
            }
        }

        listener.SetMeasurementEventCallback<long>((instrument, _, tags, _) => Record(instrument, tags));
        listener.SetMeasurementEventCallback<double>((instrument, _, tags, _) => Record(instrument, tags));
        listener.Start();
        return listener;
    }
}
