using System.Net;
using System.Text.Json;

namespace PushNotifi.Sandbox.Tests;

/// <summary>The sandbox's team: made-up member keys, sends to them, taps as them, and their keys hidden everywhere but the banner.</summary>
public class TeamTests
{
    [Fact]
    public void A_team_size_makes_up_that_many_member_keys_and_a_team_group_that_the_banner_prints()
    {
        var options = new SandboxOptions { TeamSize = 3 };

        var generated = options.WithFakeKeys();
        var lines = SandboxBanner.Lines(options, generated, "http://127.0.0.1:5080");

        Assert.Equal(3, options.TeamMembers.Distinct().Count());
        Assert.All(options.TeamMembers, key => Assert.Matches("^uSANDBOXm[1-3][A-Za-z0-9]{22}$", key));
        Assert.StartsWith("gSANDBOXteam", options.TeamGroupKey, StringComparison.Ordinal);
        Assert.Contains(SandboxOptions.TeamName, generated);
        for (var i = 0; i < 3; i++)
        {
            Assert.Contains($"# Team member {i + 1} (device member-{i + 1}): {options.TeamMembers[i]}", lines);
        }

        Assert.Contains($"# Team group (members 1-3): {options.TeamGroupKey}", lines);
    }

    [Fact]
    public void Team_keys_someone_set_are_shown_by_their_last_four_only()
    {
        var options = new SandboxOptions { TeamSize = 1, TeamGroupKey = "gFAKEteamGROUPsetBYhand000000077" };
        options.TeamMembers.Add("uFAKEmemberSETbyHAND00000000078");

        var lines = SandboxBanner.Lines(options, options.WithFakeKeys(), "http://127.0.0.1:5080");

        Assert.Contains("# Team member 1 (device member-1): …0078", lines);
        Assert.Contains("# Team group (members 1-1): …0077", lines);
    }

    [Fact]
    public async Task The_main_account_sends_to_members_and_the_team_group_and_the_inspection_api_hides_their_keys()
    {
        SandboxOptions? used = null;
        await using var sandbox = await TestSandbox.StartAsync(o =>
        {
            o.TeamSize = 2;
            o.WithFakeKeys();
            used = o;
        });
        using var http = Fake.Client(sandbox);

        using var toMember = await http.PostJsonAsync("/api/v1/message", $$"""{"type":"user","send_to_key":"{{used!.TeamMembers[1]}}","message":"m","priority":2}""");
        using var toTeam = await http.PostJsonAsync("/api/v1/message", $$"""{"type":"group","send_to_key":"{{used.TeamGroupKey}}","message":"g","priority":2}""");
        var team = await http.GetStringAsync("/sandbox/team");
        var notifications = await http.GetStringAsync("/sandbox/notifications");

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (toMember.StatusCode, toTeam.StatusCode));
        using var view = JsonDocument.Parse(team);
        Assert.Equal(["member-1", "member-2"], view.RootElement.GetProperty("members").EnumerateArray().Select(m => m.GetProperty("deviceId").GetString()));
        foreach (var key in used.TeamMembers.Append(used.TeamGroupKey!))
        {
            Assert.DoesNotContain(key, team, StringComparison.Ordinal);
            Assert.DoesNotContain(key, notifications, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_member_answers_their_own_alert_and_the_team_groups_but_not_anothers()
    {
        SandboxOptions? used = null;
        await using var sandbox = await TestSandbox.StartAsync(o =>
        {
            o.TeamSize = 2;
            o.WithFakeKeys();
            used = o;
        });
        using var http = Fake.Client(sandbox);
        var toFirst = await SendAsync(http, "user", used!.TeamMembers[0]);
        var toTeam = await SendAsync(http, "group", used.TeamGroupKey!);

        Assert.Throws<InvalidOperationException>(() => sandbox.AckAs(toFirst, 2, "Approve"));
        Assert.Equal("member-1", sandbox.AckAs(toFirst, 1, "Approve").AckedByDeviceId);
        Assert.Equal("member-2", sandbox.AckAs(toTeam, 2, "Deny").AckedByDeviceId);
        using var status = JsonDocument.Parse(await http.GetStringAsync($"/api/v1/alerts/{toFirst}/status"));
        Assert.Equal("member-1", status.RootElement.GetProperty("acked_by_device_id").GetString());
    }

    private static async Task<string> SendAsync(HttpClient http, string type, string key)
    {
        using var response = await http.PostJsonAsync("/api/v1/message", $$"""{"type":"{{type}}","send_to_key":"{{key}}","message":"Deploy?","priority":2,"alert_response_template":"approve_deny"}""");
        response.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("alert_id").GetString()!;
    }
}
