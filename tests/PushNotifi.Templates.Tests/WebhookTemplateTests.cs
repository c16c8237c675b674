using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace PushNotifi.Templates.Tests;

[Collection(TemplateTestGroup.Name)]
public sealed class WebhookTemplateTests(TemplateEnvironment environment)
{
    private const string Secret = "whsec_fake_signing_secret_for_tests";
    private const string StripeSecret = "whsec_fake_stripe_secret_for_tests";
    private const string BodyMarker = "card-4242-BODY-MARKER";

    [Fact]
    public async Task Signatures_are_verified_first_and_failures_answer_500_with_one_alert()
    {
        CronTemplateTests.StartAllBuilds(environment);
        var app = (await environment.GetAppAsync(Apps.Webhook)).EnsureBuilt();
        await using var sandbox = await Sandbox.StartAsync();
        var variables = GeneratedApp.SandboxVariables(sandbox);
        variables["WEBHOOK_SIGNING_SECRET"] = Secret;
        variables["STRIPE_WEBHOOK_SECRET"] = StripeSecret;
        var (process, baseAddress) = await app.StartWebAsync(variables);
        await using var _ = process;
        using var http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };

        var ok = Event("evt_ok_1", "order.paid");
        Assert.Equal(HttpStatusCode.OK, await PostAsync(http, "/webhooks/payment", ok, "X-Signature", "sha256=" + Sign(Secret, ok)));
        Assert.Empty(sandbox.Notifications);

        var failing = Event("evt_fail_1", "order.fail");
        Assert.Equal(HttpStatusCode.InternalServerError, await PostAsync(http, "/webhooks/payment", failing, "X-Signature", Sign(Secret, failing)));
        // The source retries: the same event fails again within 5 minutes and is not alerted twice.
        Assert.Equal(HttpStatusCode.InternalServerError, await PostAsync(http, "/webhooks/payment", failing, "X-Signature", Sign(Secret, failing)));

        var forged = Event("evt_forged", "order.paid");
        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync(http, "/webhooks/payment", forged, "X-Signature", Sign("wrong-secret", forged)));
        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync(http, "/webhooks/payment", forged, "X-Signature", Sign("wrong-secret", forged)));
        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync(http, "/webhooks/payment", forged, signatureHeader: null, signature: null));

        var delivered = sandbox.Notifications;
        var failure = Assert.Single(delivered, n => n.IdempotencyKey == "wh:evt_fail_1");
        Assert.Equal(1, failure.Priority);
        Assert.Equal("PaymentWebhook processing failed: order.fail", failure.Title);
        Assert.Contains("fulfilment failed for evt_fail_1", failure.Message);
        var mismatches = delivered.Where(n => n.IdempotencyKey!.StartsWith("sig-fail:", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, mismatches.Count); // one per distinct signature header (wrong, missing); the repeat was suppressed
        Assert.Contains(mismatches, n => n.IdempotencyKey == "sig-fail:missing");
        Assert.All(mismatches, n => Assert.Equal(1, n.Priority));
        Assert.Equal(3, delivered.Count);
        Assert.Equal(3, sandbox.Requests.Count(r => r.Path == "/api/v1/message"));

        // Stripe-style: a fresh timestamp passes, a replayed old one is rejected.
        var stripe = Event("evt_stripe_1", "invoice.paid");
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        Assert.Equal(HttpStatusCode.OK, await PostAsync(http, "/webhooks/stripe", stripe, "Stripe-Signature", $"t={now},v1={Sign(StripeSecret, now + "." + stripe)}"));
        var old = DateTimeOffset.UtcNow.AddHours(-1).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync(http, "/webhooks/stripe", stripe, "Stripe-Signature", $"t={old},v1={Sign(StripeSecret, old + "." + stripe)}"));

        var output = process.Output;
        Assert.DoesNotContain(BodyMarker, output);
        Assert.DoesNotContain(TemplateEnvironment.UserKey, output);
        Assert.DoesNotContain(Secret, output);
    }

    [Fact]
    public async Task A_hanging_API_a_dropped_connection_and_a_refused_key_never_change_the_answers()
    {
        CronTemplateTests.StartAllBuilds(environment);
        var app = (await environment.GetAppAsync(Apps.Webhook)).EnsureBuilt();
        var handler = app.ReadFile("PaymentWebhookHandler.cs");
        Assert.DoesNotContain("\"alert:\"", handler);
        Assert.DoesNotContain("HttpRequestException", handler);
        await using var sandbox = await Sandbox.StartAsync();
        var variables = GeneratedApp.SandboxVariables(sandbox);
        variables["WEBHOOK_SIGNING_SECRET"] = Secret;
        variables["STRIPE_WEBHOOK_SECRET"] = StripeSecret;
        variables["PushNotifi__AlertTimeBudget"] = "00:00:01";
        var (process, baseAddress) = await app.StartWebAsync(variables);
        await using var _ = process;
        using var http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };

        // Each alert fails its own way; the signature check and the processing answer as if it had been sent.
        sandbox.Faults.DelayNext(2, TimeSpan.FromHours(1));
        var hanging = Event("evt_fail_hang", "order.fail");
        Assert.Equal(HttpStatusCode.InternalServerError, await PostAsync(http, "/webhooks/payment", hanging, "X-Signature", Sign(Secret, hanging)));
        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync(http, "/webhooks/payment", hanging, "X-Signature", Sign("wrong-secret-1", hanging)));
        sandbox.Faults.DropNext(2);
        var dropped = Event("evt_fail_drop", "order.fail");
        Assert.Equal(HttpStatusCode.InternalServerError, await PostAsync(http, "/webhooks/payment", dropped, "X-Signature", Sign(Secret, dropped)));
        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync(http, "/webhooks/payment", dropped, "X-Signature", Sign("wrong-secret-2", dropped)));
        sandbox.Faults.FailNext(2, 401);
        var refused = Event("evt_fail_refused", "order.fail");
        Assert.Equal(HttpStatusCode.InternalServerError, await PostAsync(http, "/webhooks/payment", refused, "X-Signature", Sign(Secret, refused)));
        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync(http, "/webhooks/payment", refused, "X-Signature", Sign("wrong-secret-3", refused)));

        // Six alerts; the second refusal may find the client paused after the first and send nothing.
        Assert.InRange(sandbox.Requests.Count(r => r.Path == "/api/v1/message"), 5, 6);
        // The console logger writes on its own thread: wait (bounded) for the alerter's lines to arrive.
        for (var i = 0; i < 100 && !(process.Output.Contains("abandoned after its 1 s time budget", StringComparison.Ordinal)
            && process.Output.Contains("was not sent (status 401", StringComparison.Ordinal)); i++)
        {
            await Task.Delay(100);
        }

        Assert.Contains("abandoned after its 1 s time budget", process.Output, StringComparison.Ordinal);
        Assert.Contains("was not sent (status 401", process.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(TemplateEnvironment.UserKey, process.Output);
    }

    [Theory]
    [MemberData(nameof(RedisBackends.All), MemberType = typeof(RedisBackends))]
    public async Task With_store_redis_two_instances_alert_once_for_a_retried_failure_and_a_replayed_signature(RedisBackend backend)
    {
        CronTemplateTests.StartAllBuilds(environment);
        var app = (await environment.GetAppAsync(Apps.Redis)).EnsureBuilt();
        Assert.False(File.Exists(Path.Combine(app.Directory, "PaymentWebhookAlertThrottle.cs")));
        Assert.Contains("services.AddPushNotifiRedis(", app.ReadFile("PaymentWebhookRedis.cs"));
        await using var redis = await RedisServer.StartAsync(backend);
        await using var sandbox = await Sandbox.StartAsync();
        var variables = GeneratedApp.SandboxVariables(sandbox);
        variables["WEBHOOK_SIGNING_SECRET"] = Secret;
        variables["ConnectionStrings__Redis"] = redis.ConnectionString;
        var (first, firstAddress) = await app.StartWebAsync(variables);
        await using var _ = first;
        var (second, secondAddress) = await app.StartWebAsync(variables);
        await using var __ = second;
        using var one = new HttpClient { BaseAddress = firstAddress, Timeout = TimeSpan.FromSeconds(30) };
        using var two = new HttpClient { BaseAddress = secondAddress, Timeout = TimeSpan.FromSeconds(30) };

        // The source retries a failing event on whichever instance the load balancer picks.
        var failing = Event("evt_fail_shared", "order.fail");
        var forged = Event("evt_forged_shared", "order.paid");
        foreach (var http in new[] { one, two, one, two })
        {
            Assert.Equal(HttpStatusCode.InternalServerError, await PostAsync(http, "/webhooks/payment", failing, "X-Signature", Sign(Secret, failing)));
            Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync(http, "/webhooks/payment", forged, "X-Signature", Sign("wrong-secret", forged)));
        }

        var delivered = sandbox.Notifications;
        Assert.Single(delivered, n => n.IdempotencyKey == "wh:evt_fail_shared");
        Assert.Single(delivered, n => n.IdempotencyKey!.StartsWith("sig-fail:", StringComparison.Ordinal));
        Assert.Equal(2, sandbox.Requests.Count(r => r.Path == "/api/v1/message"));
        Assert.Contains("template-tests:claim:alert:wh:evt_fail_shared", await redis.CommandAsync("KEYS", "*"));
        Assert.DoesNotContain(Secret, first.Output + second.Output);
        Assert.DoesNotContain(BodyMarker, first.Output + second.Output);
    }

    [Fact]
    public async Task Generated_verifier_compares_in_constant_time()
    {
        CronTemplateTests.StartAllBuilds(environment);
        var app = await environment.GetAppAsync(Apps.Webhook);
        Assert.Contains("CryptographicOperations.FixedTimeEquals", app.ReadFile("PaymentWebhookSignature.cs"));
        Assert.Contains("public const string HeaderName = \"Stripe-Signature\";", app.ReadFile("StripeHookSignature.cs"));
        Assert.Contains("public const string SecretVariable = \"STRIPE_WEBHOOK_SECRET\";", app.ReadFile("StripeHookSignature.cs"));
        Assert.Contains("public const string Route = \"/webhooks/stripe\";", app.ReadFile("StripeHookEndpoint.cs"));
        Assert.Contains("IPushNotifiStateStore", app.ReadFile("PaymentWebhookHandler.cs"));
        Assert.False(File.Exists(Path.Combine(app.Directory, "PaymentWebhookAlertThrottle.cs")));
        Assert.False(File.Exists(Path.Combine(app.Directory, "PaymentWebhookRedis.cs")));
    }

    private static string Event(string id, string type)
        => "{\"id\":\"" + id + "\",\"type\":\"" + type + "\",\"data\":{\"note\":\"" + BodyMarker + "\"}}";

    private static string Sign(string secret, string payload)
        => Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(payload)));

    private static async Task<HttpStatusCode> PostAsync(HttpClient http, string path, string body, string? signatureHeader, string? signature)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        if (signatureHeader is not null)
        {
            request.Headers.TryAddWithoutValidation(signatureHeader, signature);
        }

        using var response = await http.SendAsync(request);
        return response.StatusCode;
    }
}
