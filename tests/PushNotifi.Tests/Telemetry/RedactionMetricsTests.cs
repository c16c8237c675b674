using PushNotifi.Diagnostics;

namespace PushNotifi.Tests.Telemetry;

/// <summary><c>pushnotifi.redactions</c>: one count per changed text, by family, and nothing for clean text.</summary>
public class RedactionMetricsTests
{
    // A code-host token shape, joined at run time so no key-shaped literal sits in source.
    private static readonly string s_token = "gh" + "p_" + "Zk3Qw9Xv2LmN8pRt5YbC7dFh1JsU4eGi6oTa";

    private static Redactor RedactorFor(TelemetryRig rig)
    {
        var redactor = Redactor.ForOptions(TestKeys.Options());
        redactor.Metrics = rig.Metrics;
        return redactor;
    }

    [Fact]
    public void A_text_with_the_clients_own_key_counts_as_configured_and_a_secret_shape_as_pattern()
    {
        using var rig = new TelemetryRig();
        using var redactions = rig.Collect<long>(PushNotifiMetrics.Redactions);
        var redactor = RedactorFor(rig);

        var own = redactor.Redact("user key " + TestKeys.User);
        var shape = redactor.Redact("token " + s_token);

        Assert.DoesNotContain(TestKeys.User, own, StringComparison.Ordinal);
        Assert.DoesNotContain(s_token, shape, StringComparison.Ordinal);
        Assert.Equal(["configured", "pattern"], redactions.GetMeasurementSnapshot().Select(m => m.Tags[TelemetryTags.RedactionFamily]));
    }

    [Fact]
    public void Clean_text_counts_nothing()
    {
        using var rig = new TelemetryRig();
        using var redactions = rig.Collect<long>(PushNotifiMetrics.Redactions);

        RedactorFor(rig).Redact("disk almost full on db-1");
        RedactorFor(rig).Redact(null);

        Assert.Empty(redactions.GetMeasurementSnapshot());
    }

    [Fact]
    public async Task A_send_whose_text_holds_a_secret_counts_its_redaction()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var rig = new TelemetryRig();
        using var redactions = rig.Collect<long>(PushNotifiMetrics.Redactions);

        await rig.Client(sandbox).SendAsync(new PushNotifiMessage { Message = "login failed with " + s_token }, TestContext.Current.CancellationToken);

        Assert.Contains(redactions.GetMeasurementSnapshot(), m => (string?)m.Tags[TelemetryTags.RedactionFamily] == "pattern");
    }
}
