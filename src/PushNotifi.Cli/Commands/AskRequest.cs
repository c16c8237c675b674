namespace PushNotifi.Cli.Commands;

/// <summary>What <c>pushnotifi ask</c> was asked to ask, and how to wait and answer.</summary>
internal sealed record AskRequest
{
    /// <summary>The question, sent as the alert's message.</summary>
    public required string Question { get; init; }

    /// <summary>The alert's title, if any.</summary>
    public string? Title { get; init; }

    /// <summary>The answers offered on the phone.</summary>
    public required PushNotifiResponseTemplate Template { get; init; }

    /// <summary>How long to wait for an answer.</summary>
    public required TimeSpan Timeout { get; init; }

    /// <summary>Print the whole result as JSON instead of the answer alone.</summary>
    public bool Json { get; init; }

    /// <summary>A team approval's first step (<c>--to</c>): user or group keys, each asked on its own alert.</summary>
    public IReadOnlyList<string> To { get; init; } = [];

    /// <summary>How many distinct targets must approve (<c>--require</c>); null outside a team approval.</summary>
    public int? Require { get; init; }

    /// <summary>How long the first step waits before <see cref="Then"/> is asked too (<c>--escalate-after</c>).</summary>
    public TimeSpan? EscalateAfter { get; init; }

    /// <summary>The second step's keys (<c>--then</c>).</summary>
    public IReadOnlyList<string> Then { get; init; } = [];

    /// <summary>Names the approval (<c>--approval-id</c>): a re-run with the same id re-attaches instead of paging again.</summary>
    public string? ApprovalId { get; init; }

    /// <summary>Whether this is a team approval rather than one question to the default group.</summary>
    public bool IsTeam => To.Count > 0 || Then.Count > 0 || Require is not null || ApprovalId is not null;
}
