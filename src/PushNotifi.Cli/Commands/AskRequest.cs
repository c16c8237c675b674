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
}
