using System.Net;

namespace PushNotifi.Templates.Tests;

[Collection(TemplateTestGroup.Name)]
public sealed class ExceptionHandlerTemplateTests(TemplateEnvironment environment)
{
    [Fact]
    public async Task Unhandled_errors_alert_keyed_by_request_id_and_a_failed_alert_keeps_the_500()
    {
        CronTemplateTests.StartAllBuilds(environment);
        var app = (await environment.GetAppAsync(Apps.ExceptionHandler)).EnsureBuilt();
        await using var sandbox = await Sandbox.StartAsync();
        var variables = GeneratedApp.SandboxVariables(sandbox);
        variables["PushNotifi__AlertTimeBudget"] = "00:00:30"; // so the handler's own 5 s bound is what ends a hanging alert
        var (process, baseAddress) = await app.StartWebAsync(variables);
        await using var _ = process;
        using var http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };

        Assert.Equal(HttpStatusCode.OK, await GetAsync(http, "/orders/42", "req-ok"));
        var first = await GetAsync(http, "/orders/boom", "req-42");
        var again = await GetAsync(http, "/orders/boom", "req-42");
        Assert.Equal(HttpStatusCode.InternalServerError, first);
        Assert.Equal(HttpStatusCode.InternalServerError, again);

        var alert = Assert.Single(sandbox.Notifications);
        Assert.Equal("req:req-42", alert.IdempotencyKey);
        Assert.Equal(1, alert.Priority);
        Assert.Equal("Unhandled error: GET /orders/boom", alert.Title);
        Assert.Contains("order store unavailable", alert.Message);

        // Without the header the key comes from TraceIdentifier, not the time.
        Assert.Equal(HttpStatusCode.InternalServerError, await GetAsync(http, "/orders/boom", requestId: null));
        Assert.Equal(2, sandbox.Notifications.Count);
        Assert.StartsWith("req:", sandbox.Notifications[1].IdempotencyKey);

        // The alert hangs, its connection drops, or it is rejected (4xx, not retried): the error response is
        // unchanged, and the alerter logs the failure.
        sandbox.Faults.DelayNext(1, TimeSpan.FromHours(1));
        Assert.Equal(HttpStatusCode.InternalServerError, await GetAsync(http, "/orders/boom", "req-hang"));
        sandbox.Faults.DropNext(1);
        Assert.Equal(HttpStatusCode.InternalServerError, await GetAsync(http, "/orders/boom", "req-drop"));
        sandbox.Faults.FailNext(1, 401);
        Assert.Equal(HttpStatusCode.InternalServerError, await GetAsync(http, "/orders/boom", "req-43"));
        await WaitForAsync(() => process.Output.Contains("was not sent (status 401", StringComparison.Ordinal));
        Assert.Contains("UnhandledErrorAlertHandler was cancelled", process.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(TemplateEnvironment.UserKey, process.Output);
        Assert.DoesNotContain("catch", app.ReadFile("UnhandledErrorAlertHandler.cs"));
    }

    private static async Task<HttpStatusCode> GetAsync(HttpClient http, string path, string? requestId)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (requestId is not null)
        {
            request.Headers.Add("X-Request-ID", requestId);
        }

        using var response = await http.SendAsync(request);
        return response.StatusCode;
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        for (var i = 0; i < 100 && !condition(); i++)
        {
            await Task.Delay(100);
        }

        Assert.True(condition(), "The app did not log the failed alert.");
    }
}
