namespace PushNotifi.Mcp.Tests.Errors;

/// <summary>No tool result and no stderr line ever shows the key: every tool, its failures included, with a canary key.</summary>
public class CanaryTests
{
    [Fact]
    public async Task Neither_results_nor_stderr_carry_the_key_on_success()
    {
        await using var mcp = await McpHarness.StartAsync(userKey: TestKeys.Canary);
        var texts = new List<string>();

        texts.Add((await mcp.CallAsync("pushnotifi_test")).Text());
        texts.Add((await mcp.CallAsync("pushnotifi_send", $$"""{"message":"key is {{TestKeys.Canary}}","title":"{{TestKeys.Canary}}"}""")).Text());
        texts.Add((await mcp.CallAsync("pushnotifi_send", $$"""{"message":"to me","type":"user","send_to_key":"{{TestKeys.Canary}}","idempotency_key":"k-{{TestKeys.Canary}}"}""")).Text());
        texts.Add((await mcp.CallAsync("pushnotifi_list_messages")).Text());
        texts.Add((await mcp.CallAsync("pushnotifi_list_groups")).Text());
        var asked = await mcp.CallAsync("pushnotifi_request_ack", $$"""{"message":"Rotate {{TestKeys.Canary}}?","send_to_key":"{{TestKeys.Canary}}"}""");
        texts.Add(asked.Text());
        var id = (string)asked.Ok()["correlation_id"]!;
        mcp.Sandbox.Ack(id, comment: "the key " + TestKeys.Canary);
        texts.Add((await mcp.Acks.RunAsync(mcp.CallAsync("pushnotifi_await_ack", $$"""{"correlation_id":"{{id}}"}"""))).Text());

        Assert.All(texts, t => Assert.DoesNotContain(TestKeys.Canary, t));
        Assert.Contains("…0042", string.Concat(texts));
        Assert.DoesNotContain(TestKeys.Canary, mcp.Stderr.ToString());
        Assert.DoesNotContain(TestKeys.Group, string.Concat(texts)); // group keys too, as the last four only
    }

    [Fact]
    public async Task Neither_errors_nor_stderr_carry_the_key_on_failure()
    {
        await using var mcp = await McpHarness.StartAsync(userKey: TestKeys.Canary, sandboxUserKey: TestKeys.User);
        var texts = new List<string>();

        texts.Add((await mcp.CallAsync("pushnotifi_send", """{"message":"m"}""")).Text());
        texts.Add((await mcp.CallAsync("pushnotifi_list_groups")).Text());
        texts.Add((await mcp.CallAsync("pushnotifi_request_ack", """{"message":"Go?"}""")).Text());
        texts.Add((await mcp.CallAsync($"pushnotifi_{TestKeys.Canary}")).Text());
        texts.Add((await mcp.CallAsync("pushnotifi_send", $$"""{"message":"m","{{TestKeys.Canary}}":1}""")).Text());
        texts.Add((await mcp.CallAsync("pushnotifi_await_ack", $$"""{"correlation_id":"{{TestKeys.Canary}}","timeout_seconds":5}""")).Text());

        Assert.All(texts, t => Assert.DoesNotContain(TestKeys.Canary, t));
        Assert.Contains("401", string.Concat(texts));
        var stderr = mcp.Stderr.ToString();
        Assert.Contains("warn", stderr);
        Assert.DoesNotContain(TestKeys.Canary, stderr);
    }
}
