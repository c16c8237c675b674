namespace PushNotifi.Tests;

/// <summary>Lists arrive bare (the real API, and the sandbox) or wrapped in an object (older deployments); both read the same.</summary>
public class ListShapeTests
{
    [Fact]
    public async Task Bare_lists_from_the_sandbox_are_read()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var client = Loopback.Client(Loopback.Options(sandbox));
        await client.SendAsync(PushNotifiMessage.ToDefaultGroup("Job", "done"));

        var messages = await client.ListMessagesAsync();
        var groups = await client.ListGroupsAsync();

        Assert.Equal("done", Assert.Single(messages).Message);
        Assert.Equal(TestKeys.Group, Assert.Single(groups).GroupKey);
    }

    [Fact]
    public async Task A_wrapped_messages_list_is_read()
    {
        using var server = new CannedServer("""{"message":"OK","messages":[{"id":"n_7","type":"group","message":"wrapped","priority":1}]}""");
        var client = Loopback.Client(TestKeys.Options(server.BaseUrl));

        var message = Assert.Single(await client.ListMessagesAsync());

        Assert.Equal(("n_7", "wrapped", PushNotifiPriority.High), (message.Id, message.Message, message.Priority));
    }

    [Fact]
    public async Task A_wrapped_groups_list_is_read()
    {
        using var server = new CannedServer($$"""{"message":"OK","Groups":[{"group_key":"{{TestKeys.Group}}","name":"Ops"}]}""");
        var client = Loopback.Client(TestKeys.Options(server.BaseUrl));

        var group = Assert.Single(await client.ListGroupsAsync());

        Assert.Equal("Ops", group.Name);
    }

    [Fact]
    public async Task An_object_without_the_list_reads_as_empty()
    {
        using var server = new CannedServer("""{"message":"OK"}""");
        var client = Loopback.Client(TestKeys.Options(server.BaseUrl));

        Assert.Empty(await client.ListMessagesAsync());
    }

    [Fact]
    public async Task A_list_answer_that_is_neither_is_an_error_naming_the_call()
    {
        using var server = new CannedServer("\"nope\"");
        var client = Loopback.Client(TestKeys.Options(server.BaseUrl));

        var error = await Assert.ThrowsAsync<PushNotifiException>(() => client.ListMessagesAsync());

        Assert.Contains("list messages", error.Message, StringComparison.Ordinal);
    }
}
