using Microsoft.Extensions.Time.Testing;
using PushNotifi.Sandbox;

namespace PushNotifi.Tests;

/// <summary>A sandbox with a team of three, a client on a fake clock, and the state store approvals keep their alerts in.</summary>
internal sealed class ApprovalFixture : IAsyncDisposable
{
    private ApprovalFixture(SandboxServer sandbox, SandboxOptions sandboxOptions, FakeTimeProvider time)
    {
        Sandbox = sandbox;
        Members = [.. sandboxOptions.TeamMembers];
        TeamGroup = sandboxOptions.TeamGroupKey!;
        Time = time;
        Store = new InMemoryPushNotifiStateStore(time);
        Options = Loopback.Options(sandbox);
        Client = Loopback.Client(Options, time: time);
        Clock = new ApprovalClock(time);
    }

    internal SandboxServer Sandbox { get; }

    /// <summary>The team's user keys; member 1 is <c>Members[0]</c>.</summary>
    internal IReadOnlyList<string> Members { get; }

    internal string TeamGroup { get; }

    internal FakeTimeProvider Time { get; }

    internal InMemoryPushNotifiStateStore Store { get; }

    internal PushNotifiOptions Options { get; }

    internal PushNotifiClient Client { get; }

    internal ApprovalClock Clock { get; }

    internal static async Task<ApprovalFixture> StartAsync()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero));
        SandboxOptions? used = null;
        var sandbox = await TestSandbox.StartAsync(o =>
        {
            o.TeamSize = 3;
            o.WithFakeKeys();
            used = o;
        });
        return new ApprovalFixture(sandbox, used!, time);
    }

    /// <summary>Approvals over a client of this fixture (a second one plays a restarted process on the same store).</summary>
    internal PushNotifiApprovals Approvals(PushNotifiClient? client = null) => new(client ?? Client, Store);

    internal PushNotifiApprovalTarget Member(int number) => PushNotifiApprovalTarget.User(Members[number - 1]);

    /// <summary>A request of one step to members 1-3 (or <paramref name="members"/>).</summary>
    internal static PushNotifiApprovalRequest Request(ApprovalFixture fixture, int required, string? id = null, TimeSpan? timeout = null, bool veto = true, params int[] members) => new()
    {
        Title = "Deploy",
        Message = "Deploy v2 to production?",
        Steps = [new PushNotifiApprovalStep { Targets = [.. (members.Length == 0 ? [1, 2, 3] : members).Select(fixture.Member)] }],
        RequiredApprovals = required,
        DeclineVetoes = veto,
        Timeout = timeout ?? TimeSpan.FromMinutes(15),
        ApprovalId = id,
    };

    /// <summary>The alert sent to <paramref name="key"/> at priority 2 (the newest), found in the sandbox's captures.</summary>
    internal string AlertTo(string key) =>
        Sandbox.Notifications.Last(n => n.SendToKey == key && n.AlertId is not null).AlertId!;

    /// <summary>A tap by member <paramref name="number"/> on their own alert.</summary>
    internal (TimeSpan, Action) Tap(TimeSpan at, int number, string response = "Approve") =>
        (at, () => Sandbox.AckAs(AlertTo(Members[number - 1]), number, response));

    /// <summary>Questions sent (priority-2 sends, duplicates by idempotency key included); follow-ups are not questions.</summary>
    internal int Sends => Sandbox.Requests.Count(r => r.Method == "POST" && r.Path == "/api/v1/message" && r.Body.Contains("\"priority\":2", StringComparison.Ordinal));

    internal int StatusReads => Sandbox.Requests.Count(r => r.Method == "GET" && r.Path.EndsWith("/status", StringComparison.Ordinal));

    public ValueTask DisposeAsync() => Sandbox.DisposeAsync();
}
